// Temporary git repositories for the end-to-end tests: a main history and a
// PR branch, committed with real git, and the real CLI run on them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Files } from '../helpers.ts';
import { commandArgs } from '../cli-command.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const GIT_ENV = {
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

/** A new repository whose `main` holds `files` in one commit. */
export function gitRepo(files: Files): string {
  const dir = mkdtempSync(join(tmpdir(), 'gov-git-'));
  git(dir, 'init', '-q', '-b', 'main');
  write(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

/** Commit `changes` (null deletes) on the current branch. */
export function commit(dir: string, changes: Files, message = 'change'): string {
  write(dir, changes);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

/** Branch `pr` off `main` with `changes` committed: the usual PR layout. */
export function prRepo(base: Files, changes: Files, mainAfter?: Files): string {
  const dir = gitRepo(base);
  git(dir, 'checkout', '-q', '-b', 'pr');
  commit(dir, changes, 'pr');
  if (mainAfter) {
    git(dir, 'checkout', '-q', 'main');
    commit(dir, mainAfter, 'main moves on');
    git(dir, 'checkout', '-q', 'pr');
  }
  return dir;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run a CLI script of this project as a child process (`scripts/cli/<name>.ts`). */
export function cli(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [...commandArgs(name), ...args], {
    cwd: ROOT,
    env: { ...process.env, GITHUB_SERVER_URL: '', GITHUB_REPOSITORY: '', ...env },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
