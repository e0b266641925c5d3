// Temporary git repositories for the end-to-end tests: a main history and a
// PR branch, committed with real git, and the real CLI run on them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Files } from '../helpers.ts';
import { commandArgs, runCommand } from '../cli-command.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

function write(dir: string, files: Files): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    if (content === null) rmSync(full, { force: true });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
}

const encoder = new TextEncoder();

/** A path as git fast-import reads it: C-style quoted, so any name goes through. */
function quotePath(path: string): string {
  const bytes = encoder.encode(path);
  let out = '"';
  for (const b of bytes) {
    if (b === 0x22 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b === 0x7f) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out}"`;
}

interface Commit {
  branch: string;
  /** The branch whose tip is the first parent of the branch's first commit here. */
  from?: string;
  files: Files;
  message: string;
}

/** A git fast-import stream for `commits`, in order; each commit changes its branch's previous tree. */
function fastImportStream(commits: readonly Commit[]): Buffer {
  const parts: Buffer[] = [];
  const text = (s: string): void => {
    parts.push(Buffer.from(s, 'latin1'));
  };
  const data = (bytes: Uint8Array): void => {
    text(`data ${bytes.length}\n`);
    parts.push(Buffer.from(bytes));
    text('\n');
  };
  const when = `${Math.floor(Date.now() / 1000)} +0000`;
  const tips = new Map<string, number>();
  commits.forEach((c, i) => {
    const mark = i + 1;
    text(`commit refs/heads/${c.branch}\nmark :${mark}\n`);
    text(`author Test <test@example.org> ${when}\ncommitter Test <test@example.org> ${when}\n`);
    data(encoder.encode(`${c.message}\n`));
    const parent = tips.get(c.branch) ?? (c.from !== undefined ? tips.get(c.from) : undefined);
    if (parent !== undefined) text(`from :${parent}\n`);
    for (const [path, content] of Object.entries(c.files)) {
      if (content === null) text(`D ${quotePath(path)}\n`);
      else {
        text(`M 100644 inline ${quotePath(path)}\n`);
        data(typeof content === 'string' ? encoder.encode(content) : content);
      }
    }
    tips.set(c.branch, mark);
  });
  return Buffer.concat(parts);
}

/**
 * A new repository with `commits` made and the branch `head` checked out
 * (index and working tree): one process started from here (sh: git init,
 * fast-import, reset) instead of a git process per add, commit and checkout.
 */
function importRepo(commits: readonly Commit[], head: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gov-git-'));
  // HEAD names `head` from the start; fast-import creates the branches; reset checks `head` out.
  // unpackLimit=1: keep the objects in fast-import's pack (unpacking them is one more process).
  const script = 'git init -q -b "$1" && git -c fastimport.unpackLimit=1 fast-import --quiet && git reset -q --hard';
  const r = spawnSync('sh', ['-c', script, 'sh', head], { cwd: dir, env: GIT_ENV, input: fastImportStream(commits) });
  if (r.status !== 0) throw new Error(`building a test repository failed: ${String(r.stderr)}`);
  return dir;
}

/** A new repository whose `main` holds `files` in one commit. */
export function gitRepo(files: Files): string {
  return importRepo([{ branch: 'main', files, message: 'base' }], 'main');
}

/** Commit `changes` (null deletes) on the current branch; returns the new commit's SHA. */
export function commit(dir: string, changes: Files, message = 'change'): string {
  write(dir, changes);
  // git add, commit and rev-parse in one process started from here.
  const script = 'git add -A && git commit -q --allow-empty -m "$1" && git rev-parse HEAD';
  const r = spawnSync('sh', ['-c', script, 'sh', message], { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git add/commit failed: ${r.stderr}`);
  return r.stdout.trim();
}

/**
 * Branch `pr` off `main` with `changes` committed, `pr` checked out: the
 * usual PR layout. `mainAfter` is a commit on `main` after the branch.
 */
export function prRepo(base: Files, changes: Files, mainAfter?: Files): string {
  return importRepo(
    [
      { branch: 'main', files: base, message: 'base' },
      { branch: 'pr', from: 'main', files: changes, message: 'pr' },
      ...(mainAfter ? [{ branch: 'main', files: mainAfter, message: 'main moves on' }] : []),
    ],
    'pr',
  );
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run a CLI script of this project as a child process (`scripts/cli/<name>.ts`) through scripts/launch.mjs. */
export function cli(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [...commandArgs(name), ...args], {
    cwd: ROOT,
    env: { ...process.env, GITHUB_SERVER_URL: '', GITHUB_REPOSITORY: '', ...env },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The same command with the same environment as `cli`, run inside the test's
 * process (tests/cli-command.ts): no node start, schemas compiled once.
 */
export function run(name: string, args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return runCommand(name, args, { GITHUB_SERVER_URL: '', GITHUB_REPOSITORY: '', ...env });
}
