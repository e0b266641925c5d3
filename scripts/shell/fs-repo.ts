// Reading a repository's records and the checker's schemas from disk, and
// writing records back. The only place the commands touch the repository's
// files. Nothing outside the repository is ever read or written: a symbolic
// link is reported, never followed, and so is anything that is not a plain
// file or folder (a FIFO would block a read forever).
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, constants, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RepoFile } from '../core/load.ts';
import type { CodeOwnersFile, FileProblem } from '../core/model.ts';
import { MAX_FILE_BYTES } from '../core/source.ts';
import { compileSchemas, type SchemaSet } from '../core/validate.ts';
import { UsageError } from './cli.ts';

/** The checker's own schemas/ folder: a repository under check needs none of its own. */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

let compiled: SchemaSet | undefined;
export function loadSchemas(dir = SCHEMAS_DIR): SchemaSet {
  if (compiled && dir === SCHEMAS_DIR) return compiled;
  const schemas = readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as object);
  const set = compileSchemas(schemas);
  if (dir === SCHEMAS_DIR) compiled = set;
  return set;
}

const EMPTY = new Uint8Array(0);

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ELOOP') return 'a symbolic link';
  return code ?? (error instanceof Error ? error.message : String(error));
}

function kindOf(stats: Pick<Stats, 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return 'a device';
  return 'not a plain file';
}

/**
 * Read a plain file without following a link (O_NOFOLLOW) and without
 * reading more than the record limit: a huge file is reported by its size.
 */
function readPlainFile(full: string): { bytes: Uint8Array } | { problem: FileProblem } {
  let fd: number;
  try {
    fd = openSync(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const why = reason(error);
    return { problem: why === 'a symbolic link' ? { kind: 'symlink' } : { kind: 'unreadable', detail: why } };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: { kind: 'special', detail: kindOf(stats) } };
    if (stats.size > MAX_FILE_BYTES) return { problem: { kind: 'too-large', size: stats.size } };
    const buffer = Buffer.alloc(stats.size);
    let read = 0;
    while (read < stats.size) {
      const n = readSync(fd, buffer, read, stats.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: buffer.subarray(0, read) };
  } catch (error) {
    return { problem: { kind: 'unreadable', detail: reason(error) } };
  } finally {
    closeSync(fd);
  }
}

const toRepoPath = (root: string, full: string): string => relative(root, full).split(sep).join('/');

function walk(root: string, dir: string, out: RepoFile[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    out.push({ path: toRepoPath(root, dir), bytes: EMPTY, problem: { kind: 'unreadable', detail: reason(error), folder: true } });
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    const path = toRepoPath(root, full);
    if (entry.isSymbolicLink()) out.push({ path, bytes: EMPTY, problem: { kind: 'symlink' } });
    else if (entry.isDirectory()) walk(root, full, out);
    else if (entry.isFile()) {
      const read = readPlainFile(full);
      out.push('bytes' in read ? { path, bytes: read.bytes } : { path, bytes: EMPTY, problem: read.problem });
    } else out.push({ path, bytes: EMPTY, problem: { kind: 'special', detail: kindOf(entry) } });
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

export interface RepoOnDisk {
  files: RepoFile[];
  codeowners: CodeOwnersFile;
}

/**
 * Every file under `governance/` and `rfcs/`, and `.github/CODEOWNERS`. A
 * link (to a file or a folder, `governance/` itself included) or a file that
 * cannot be read becomes an entry with a `problem`, reported as a finding at
 * its path; it never stops the run.
 */
export function readRepository(repo: string): RepoOnDisk {
  // The repository folder itself is the caller's choice: a link to it is followed.
  const root = resolve(repo);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UsageError(`--repo ${repo}: no such directory`);

  const files: RepoFile[] = [];
  const governance = join(root, 'governance');
  const gov = lstatOrUndefined(governance);
  if (!gov || (!gov.isDirectory() && !gov.isSymbolicLink()))
    throw new UsageError(`${repo} has no governance/ folder: is --repo pointing at a governance repository?`);
  for (const top of ['governance', 'rfcs']) {
    const full = join(root, top);
    const stats = lstatOrUndefined(full);
    if (!stats) continue;
    if (stats.isSymbolicLink()) files.push({ path: top, bytes: EMPTY, problem: { kind: 'symlink', folder: true } });
    else if (stats.isDirectory()) walk(root, full, files);
  }

  const github = lstatOrUndefined(join(root, '.github'));
  const codeowners: CodeOwnersFile = { githubDir: github !== undefined };
  if (github?.isSymbolicLink()) codeowners.problem = { path: '.github', kind: 'symlink' };
  else if (github?.isDirectory()) {
    const full = join(root, '.github', 'CODEOWNERS');
    if (lstatOrUndefined(full)) {
      const read = readPlainFile(full);
      if ('bytes' in read) codeowners.text = Buffer.from(read.bytes).toString('utf8');
      else codeowners.problem = { path: '.github/CODEOWNERS', ...read.problem };
    }
  }
  return { files, codeowners };
}

/**
 * Refuse to write through a link: every folder between the repository and
 * `relPath`, and the file itself, must be a plain folder or file (or not
 * exist yet). `relPath` must stay inside the repository.
 */
export function assertInsideRepo(repo: string, relPath: string): string {
  const root = resolve(repo);
  const full = resolve(root, relPath);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..') || resolve(root, rel) !== full)
    throw new UsageError(`${relPath}: outside the repository`);
  let current = root;
  for (const part of rel.split(sep)) {
    current = join(current, part);
    const stats = lstatOrUndefined(current);
    if (!stats) break;
    if (stats.isSymbolicLink())
      throw new UsageError(`${toRepoPath(root, current)} is a symbolic link: records are written only to plain files and folders`);
  }
  return full;
}

/**
 * Write a file of the repository through a temporary file in the same
 * folder and a rename: a reader never sees half a file, and a failure
 * leaves the old one whole. Never through a symbolic link.
 */
export function writeRepoFile(repo: string, relPath: string, text: string): void {
  const full = assertInsideRepo(repo, relPath);
  mkdirSync(dirname(full), { recursive: true });
  // mkdir may have created folders: check again that nothing on the way is a link.
  assertInsideRepo(repo, relPath);
  const temp = join(dirname(full), `.${basename(full)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, full);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * The text of a repository file about to be rewritten, or undefined when it
 * does not exist yet. Never through a link; a file that cannot be read is a
 * usage error that names it.
 */
export function readRepoText(repo: string, relPath: string): string | undefined {
  const full = assertInsideRepo(repo, relPath);
  if (!lstatOrUndefined(full)) return undefined;
  const read = readPlainFile(full);
  if ('bytes' in read) return Buffer.from(read.bytes).toString('utf8');
  const why = read.problem.kind === 'too-large' ? 'over the 1 MiB limit' : read.problem.kind === 'symlink' ? 'a symbolic link' : read.problem.detail;
  throw new UsageError(`${relPath} cannot be read: ${why}`);
}
