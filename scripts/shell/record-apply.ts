// Applying planned writes (scripts/core/record.ts) to a repository: every
// plan is checked with the same rules as `check`, on the repository as it
// would be after the write, and refused when it brings an error the
// repository does not already have. Only then is anything written, each
// file atomically; with --branch, a git branch and a commit follow.
import { simpleGit } from 'simple-git';
import { checkFiles, type CheckResult } from '../core/check.ts';
import { gate } from '../core/gating.ts';
import type { RepoFile } from '../core/load.ts';
import type { Model } from '../core/model.ts';
import type { Write } from '../core/record.ts';
import type { Finding } from '../core/types.ts';
import { loadSchemas, readRepository, readRepoText, writeRepoFile, type RepoOnDisk } from './fs-repo.ts';

export interface Session {
  repo: string;
  today: string;
  disk: RepoOnDisk;
  before: CheckResult;
  model: Model;
  read(path: string): string | undefined;
}

export function openSession(repo: string, today: string): Session {
  const disk = readRepository(repo);
  const before = checkFiles({ files: disk.files, schemas: loadSchemas(), today, codeowners: disk.codeowners });
  return { repo, today, disk, before, model: before.loaded.model, read: (path) => readRepoText(repo, path) };
}

export interface Verdict {
  ok: boolean;
  /** Errors the writes would bring (they refuse the writes). */
  newErrors: Finding[];
  /** Warnings the writes would bring (shown, not refusing). */
  newWarnings: Finding[];
}

/** Check the repository as it would be after `writes`, against how it is now. */
export function judge(session: Session, writes: readonly Write[], allow: (f: Finding) => boolean = () => false): Verdict {
  const encoder = new TextEncoder();
  const replaced = new Map(writes.map((w) => [w.path, w.text]));
  const files: RepoFile[] = session.disk.files.filter((f) => !replaced.has(f.path));
  for (const w of writes) files.push({ path: w.path, bytes: encoder.encode(w.text) });
  const after = checkFiles({ files, schemas: loadSchemas(), today: session.today, codeowners: session.disk.codeowners });
  const gated = gate(session.before.findings, after.findings);
  const newErrors = gated.fresh.filter((f) => f.severity === 'error' && !allow(f));
  return { ok: newErrors.length === 0, newErrors, newWarnings: gated.fresh.filter((f) => f.severity === 'warning') };
}

/** Write every file (each atomically); nothing is written unless `judge` said ok. */
export function writeAll(session: Session, writes: readonly Write[]): void {
  for (const w of writes) writeRepoFile(session.repo, w.path, w.text);
}

/**
 * A branch `name` from the current commit, and one commit with `message`
 * holding the written files and every other record file not yet committed
 * (a meeting recorded just before its vote belongs in the same pull
 * request). Refuses when the branch exists, or when changes outside the
 * records are staged (they would end up in the commit).
 */
export async function commitOnBranch(
  repo: string,
  name: string,
  written: readonly string[],
  message: string,
): Promise<{ sha: string; paths: string[] }> {
  const git = simpleGit({ baseDir: repo });
  if (!(await git.checkIsRepo())) throw new Error(`${repo} is not a git repository: --branch needs one`);
  const status = await git.status(['--untracked-files=all']);
  const isRecord = (p: string): boolean => p.startsWith('governance/') || p.startsWith('rfcs/');
  const stagedElsewhere = status.staged.filter((p) => !isRecord(p));
  if (stagedElsewhere.length > 0) throw new Error(`other changes are staged (${stagedElsewhere.slice(0, 3).join(', ')}): commit or unstage them first`);
  const branches = await git.branchLocal();
  if (branches.all.includes(name)) throw new Error(`branch ${name} exists already: pass another --branch-name`);
  const pending = status.files.map((f) => f.path).filter(isRecord);
  const paths = [...new Set([...written, ...pending])].sort();
  await git.checkoutLocalBranch(name);
  await git.add(['--all', '--', ...paths]);
  await git.commit(message, [...paths]);
  return { sha: (await git.revparse(['HEAD'])).trim(), paths };
}
