// Reading a repository's records and the checker's schemas from disk. The
// only place `check` touches the file system.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RepoFile } from '../core/load.ts';
import type { CodeOwnersFile } from '../core/model.ts';
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

function walk(root: string, dir: string, out: RepoFile[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(root, full, out);
    else if (entry.isFile()) out.push({ path: relative(root, full).split(sep).join('/'), bytes: readFileSync(full) });
  }
}

export interface RepoOnDisk {
  files: RepoFile[];
  codeowners: CodeOwnersFile;
}

export function readRepository(repo: string): RepoOnDisk {
  if (!existsSync(repo) || !statSync(repo).isDirectory()) throw new UsageError(`--repo ${repo}: no such directory`);
  const governance = join(repo, 'governance');
  if (!existsSync(governance) || !statSync(governance).isDirectory())
    throw new UsageError(`${repo} has no governance/ folder: is --repo pointing at a governance repository?`);
  const files: RepoFile[] = [];
  walk(repo, governance, files);
  const rfcs = join(repo, 'rfcs');
  if (existsSync(rfcs) && statSync(rfcs).isDirectory()) walk(repo, rfcs, files);
  const githubDir = join(repo, '.github');
  const codeownersPath = join(githubDir, 'CODEOWNERS');
  const codeowners: CodeOwnersFile = { githubDir: existsSync(githubDir) };
  if (existsSync(codeownersPath)) codeowners.text = readFileSync(codeownersPath, 'utf8');
  return { files, codeowners };
}
