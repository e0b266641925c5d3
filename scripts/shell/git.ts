// Reading a revision's records straight from git objects: no checkout, no
// worktree. Per revision one `git ls-tree`, and one `git cat-file --batch`
// for every blob of every revision asked for at once, so the number of git
// processes does not grow with the number of files.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { simpleGit, type SimpleGit } from 'simple-git';
import { BUILD_FILES, changedPaths, describeChanges, type PrChanges } from '../core/changes.ts';
import { runRules } from '../core/engine.ts';
import { gate, type Gated } from '../core/gating.ts';
import { charterTexts, type CharterTexts } from '../core/charter-text.ts';
import { CHARTER_FILE, loadRepository, type RepoFile } from '../core/load.ts';
import { judgeByBaseCharter, type CodeOwnersFile, type FileProblem } from '../core/model.ts';
import { renderReport } from '../core/report.ts';
import { rules } from '../rules/index.ts';
import { UsageError } from './cli.ts';
import { loadSchemas } from './fs-repo.ts';

/**
 * What `summary` lists of a tree: the records, and the paths that decide the
 * rules: the checker's code and schemas, the workflows, and what decides
 * which code `npm ci` installs and how it is built (see BUILD_FILES).
 */
export const TREE_PATHS = ['governance', 'rfcs', '.github', 'scripts', 'schemas', ...BUILD_FILES] as const;

const CODEOWNERS = '.github/CODEOWNERS';

export interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  path: string;
}

export interface Revision {
  /** The full commit SHA. */
  sha: string;
  /** The record files (governance/, rfcs/), as `check` reads them from disk. */
  files: RepoFile[];
  codeowners: CodeOwnersFile;
  /** Every listed path (records, .github/, scripts/, schemas/) -> object id: what changed, without reading it. */
  blobs: Map<string, string>;
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** A session on one repository that counts the git processes it starts. */
export class Git {
  readonly dir: string;
  private readonly git: SimpleGit;
  /** Git processes started so far (the benchmark prints it). */
  processes = 0;

  constructor(dir: string) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--repo ${dir}: no such directory`);
    this.dir = dir;
    this.git = simpleGit({ baseDir: dir, maxConcurrentProcesses: 2, trimmed: false });
  }

  private async raw(args: string[]): Promise<string> {
    this.processes++;
    return this.git.raw(args);
  }

  /** Refuse a shallow clone: the merge base, and so every "new" finding, would be wrong. */
  async assertFullHistory(): Promise<void> {
    let out: string;
    try {
      out = await this.raw(['rev-parse', '--is-shallow-repository']);
    } catch (error) {
      throw new UsageError(`${this.dir} is not a git repository (${firstLine(error)})`);
    }
    if (out.trim() === 'true')
      throw new UsageError(
        `${this.dir} is a shallow clone: the merge base with the base branch cannot be found and findings would be ` +
          'misjudged as new. Fetch the full history (actions/checkout with fetch-depth: 0, or git fetch --unshallow).',
      );
  }

  /** A revision as a full commit SHA; anything else is a usage error. */
  async resolve(rev: string): Promise<string> {
    if (rev === '' || rev.startsWith('-')) throw new UsageError(`revision "${rev}": a revision cannot start with "-"`);
    let out: string;
    try {
      // --end-of-options: the revision is never read as an option, whatever it says.
      out = await this.raw(['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`]);
    } catch (error) {
      throw new UsageError(`revision "${rev}" is not a commit in ${this.dir} (${firstLine(error)})`);
    }
    const sha = out.trim();
    if (!SHA.test(sha)) throw new UsageError(`revision "${rev}" did not resolve to a commit SHA (got "${sha}")`);
    return sha;
  }

  /** Record files with changes not yet committed (summary reads commits, never the working tree). */
  async uncommittedRecords(): Promise<string[]> {
    const out = await this.raw(['status', '--porcelain', '--untracked-files=all', '--', 'governance', 'rfcs']);
    return out
      .split('\n')
      .filter((l) => l.length > 3)
      .map((l) => l.slice(3));
  }

  async mergeBase(a: string, b: string): Promise<string> {
    let out: string;
    try {
      out = await this.raw(['merge-base', '--end-of-options', a, b]);
    } catch (error) {
      throw new UsageError(`no merge base between ${a} and ${b}: ${firstLine(error)}`);
    }
    const sha = out.trim();
    if (!SHA.test(sha)) throw new UsageError(`no merge base between ${a} and ${b}`);
    return sha;
  }

  /**
   * Every entry under `paths` in commit `sha`, contents not read. No `-l`:
   * sizes would open every loose object a second time, and cat-file gives them.
   */
  async listTree(sha: string, paths: readonly string[]): Promise<TreeEntry[]> {
    if (!SHA.test(sha)) throw new Error(`listTree needs a full SHA, got "${sha}"`);
    const out = await this.raw(['ls-tree', '-r', '-z', '--full-tree', sha, '--', ...paths]);
    const entries: TreeEntry[] = [];
    for (const record of out.split('\0')) {
      if (record === '') continue;
      const tab = record.indexOf('\t');
      if (tab === -1) continue;
      const [mode = '', type = '', oid = ''] = record.slice(0, tab).split(' ');
      entries.push({ mode, type, oid, path: record.slice(tab + 1) });
    }
    return entries;
  }

  /**
   * The contents of many blobs from one `git cat-file --batch`. This call
   * spawns git itself: simple-git can neither feed a process's stdin nor
   * hand back its stdout as bytes (it decodes text), and records are read
   * as bytes so a file that is not UTF-8 is reported, not silently mangled.
   */
  async readBlobs(oids: readonly string[]): Promise<Map<string, Buffer>> {
    const wanted = [...new Set(oids)];
    const blobs = new Map<string, Buffer>();
    if (wanted.length === 0) return blobs;
    this.processes++;
    const out = await new Promise<Buffer>((resolvePromise, reject) => {
      const child = spawn('git', ['cat-file', '--batch'], { cwd: this.dir, stdio: ['pipe', 'pipe', 'pipe'] });
      const chunks: Buffer[] = [];
      const errors: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.stderr.on('data', (c: Buffer) => errors.push(c));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolvePromise(Buffer.concat(chunks));
        else reject(new Error(`git cat-file --batch failed (${code}): ${Buffer.concat(errors).toString('utf8').trim()}`));
      });
      child.stdin.on('error', reject);
      child.stdin.end(`${wanted.join('\n')}\n`);
    });
    let pos = 0;
    for (const oid of wanted) {
      const nl = out.indexOf(10, pos);
      if (nl === -1) throw new Error(`git cat-file --batch: output ended before ${oid}`);
      const header = out.toString('utf8', pos, nl).split(' ');
      if (header[0] !== oid || header[1] !== 'blob') throw new Error(`git cat-file --batch: expected blob ${oid}, got "${header.join(' ')}"`);
      const size = Number(header[2]);
      const start = nl + 1;
      blobs.set(oid, out.subarray(start, start + size));
      pos = start + size + 1;
    }
    return blobs;
  }

  /** Several revisions' records: one ls-tree each, one cat-file for all their blobs. */
  async readRevisions(shas: readonly string[]): Promise<Revision[]> {
    const trees = await Promise.all(shas.map((sha) => this.listTree(sha, TREE_PATHS)));
    const needed: string[] = [];
    for (const tree of trees) for (const e of tree) if (isReadable(e) && wantsContent(e)) needed.push(e.oid);
    const contents = await this.readBlobs(needed);
    return trees.map((tree, i) => toRevision(shas[i] ?? '', tree, contents));
  }
}

/** Regular files only: a symlink is not followed on disk either, and a submodule is no record. */
function isReadable(e: TreeEntry): boolean {
  return e.type === 'blob' && e.mode !== '120000';
}

function isRecordPath(path: string): boolean {
  return path.startsWith('governance/') || path.startsWith('rfcs/');
}

const isRfcAsset = (path: string): boolean => path.startsWith('rfcs/') && path.indexOf('/', 5) !== -1;

/** Record files and CODEOWNERS: the only contents read (an RFC asset, rfcs/<sub>/..., is never parsed). */
function wantsContent(e: TreeEntry): boolean {
  return e.path === CODEOWNERS || (isRecordPath(e.path) && !isRfcAsset(e.path));
}

function toRevision(sha: string, tree: readonly TreeEntry[], contents: Map<string, Buffer>): Revision {
  const files: RepoFile[] = [];
  const blobs = new Map<string, string>();
  const codeowners: CodeOwnersFile = { githubDir: false };
  for (const e of tree) {
    // Every entry counts as a change (a symlink or submodule under scripts/ too); only files are read.
    blobs.set(e.path, e.oid);
    if (e.path === '.github' || e.path.startsWith('.github/')) codeowners.githubDir = true;
    if (!isReadable(e)) {
      // A link or a submodule where records or CODEOWNERS live is reported, never followed.
      const problem: FileProblem = e.mode === '120000' ? { kind: 'symlink' } : { kind: 'special', detail: 'a submodule' };
      if (isRecordPath(e.path) || e.path === 'governance' || e.path === 'rfcs') files.push({ path: e.path, bytes: new Uint8Array(0), problem });
      else if (e.path === CODEOWNERS || e.path === '.github') codeowners.problem = { path: e.path, ...problem };
      continue;
    }
    if (e.path === CODEOWNERS) codeowners.text = (contents.get(e.oid) ?? Buffer.alloc(0)).toString('utf8');
    if (!isRecordPath(e.path)) continue;
    const bytes = contents.get(e.oid) ?? new Uint8Array(0);
    files.push({ path: e.path, bytes });
  }
  return { sha, files, codeowners, blobs };
}

/** A governance/ folder, or a link in its place (which is reported, not followed). */
const hasGovernance = (files: readonly RepoFile[]): boolean =>
  files.some((f) => f.path === 'governance' || f.path.startsWith('governance/'));

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? 'git failed'
  );
}

/** `check --rev REV`: one revision's records, read from git objects. */
export async function readRevision(dir: string, rev: string): Promise<Revision & { git: Git }> {
  const git = new Git(dir);
  const sha = await git.resolve(rev);
  const [revision] = await git.readRevisions([sha]);
  if (!revision) throw new Error(`could not read ${rev}`);
  if (!hasGovernance(revision.files))
    throw new UsageError(`${rev} (${sha.slice(0, 12)}) has no governance/ folder: is this a governance repository?`);
  return { ...revision, git };
}

// ---------------------------------------------------------------------------
// The pull request pipeline behind `npm run summary`: both sides from git
// objects, every rule on both, gating, the changes, the Markdown.

export interface SummaryOptions {
  /** The git repository (its working tree is never read). */
  dir: string;
  /** The base revision; default: the merge base of `baseBranch` and the head. */
  base?: string;
  /** The branch the PR merges into (default `origin/main`), for the default base. */
  baseBranch?: string;
  /** The head revision (default `HEAD`). */
  head?: string;
  today: string;
  /** `https://github.com/owner/repo`, for links to lines on the head commit. */
  repoUrl?: string;
  /** Characters the report may take (default: GitHub's comment limit). */
  limit?: number;
  /** Also render the report within this larger limit (a job summary takes up to 1 MiB). */
  fullLimit?: number;
}

export interface SummaryOutcome {
  markdown: string;
  /** The report within `fullLimit`, when asked for. */
  fullMarkdown?: string;
  /** 1 when the PR brings new errors, else 0. */
  exitCode: 0 | 1;
  baseSha: string;
  headSha: string;
  gated: Gated;
  changes: PrChanges;
  /** Git processes started: constant, whatever the number of files. */
  gitProcesses: number;
}

export async function summarizePullRequest(options: SummaryOptions): Promise<SummaryOutcome> {
  const git = new Git(options.dir);
  await git.assertFullHistory();
  const headSha = await git.resolve(options.head ?? 'HEAD');
  const baseSha = options.base
    ? await git.resolve(options.base)
    : await git.mergeBase(await git.resolve(options.baseBranch ?? 'origin/main'), headSha);
  const [base, head] = await git.readRevisions([baseSha, headSha]);
  if (!base || !head) throw new Error('could not read both revisions');
  if (!hasGovernance(head.files))
    throw new UsageError(`the head ${headSha.slice(0, 12)} has no governance/ folder: is this a governance repository?`);

  const schemas = loadSchemas();
  const { today } = options;
  const baseLoaded = loadRepository({ files: base.files, schemas, today, codeowners: base.codeowners });
  const headLoaded = loadRepository({ files: head.files, schemas, today, codeowners: head.codeowners });
  // The base branch's charter judges the PR's records; the head's is shown as an amendment.
  judgeByBaseCharter(headLoaded.model, baseLoaded.model);
  const gated = gate(runRules(baseLoaded, rules), runRules(headLoaded, rules));
  const charterText = (files: readonly RepoFile[]): CharterTexts | undefined => {
    const file = files.find((f) => f.path === CHARTER_FILE && !f.problem);
    return file ? charterTexts(Buffer.from(file.bytes).toString('utf8')) : undefined;
  };
  const baseTexts = charterText(base.files);
  const headTexts = charterText(head.files);
  const changes = describeChanges(baseLoaded.model, headLoaded.model, changedPaths(base.blobs, head.blobs), {
    ...(headLoaded.model.proposed?.charter ? { proposed: headLoaded.model.proposed.charter } : {}),
    texts: { ...(baseTexts ? { base: baseTexts } : {}), ...(headTexts ? { head: headTexts } : {}) },
  });
  const input = {
    base: { sha: baseSha, model: baseLoaded.model },
    head: { sha: headSha, model: headLoaded.model },
    gated,
    changes,
    today,
    ...(options.repoUrl ? { repoUrl: options.repoUrl } : {}),
  };
  const markdown = renderReport({ ...input, ...(options.limit !== undefined ? { limit: options.limit } : {}) });
  const fullMarkdown = options.fullLimit !== undefined ? renderReport({ ...input, limit: options.fullLimit }) : undefined;
  return {
    markdown,
    ...(fullMarkdown !== undefined ? { fullMarkdown } : {}),
    exitCode: gated.newErrors > 0 ? 1 : 0,
    baseSha,
    headSha,
    gated,
    changes,
    gitProcesses: git.processes,
  };
}

/**
 * For `npm run bench`: one full `summary` run (both sides from git objects,
 * every rule twice, Markdown rendered), its wall time and the git processes
 * it started.
 */
export async function summaryTiming(
  repoDir: string,
  baseRef: string,
  headRef: string,
  today = '2026-12-31',
): Promise<{ ms: number; gitProcesses: number }> {
  const start = performance.now();
  const outcome = await summarizePullRequest({ dir: repoDir, base: baseRef, head: headRef, today });
  return { ms: performance.now() - start, gitProcesses: outcome.gitProcesses };
}
