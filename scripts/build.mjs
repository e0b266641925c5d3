#!/usr/bin/env node
// The commands' bundles: scripts/cli/<command>.ts bundled with esbuild into
// scripts/.build/<command>.mjs. The launcher (scripts/launch.mjs) builds one
// at first use in a checkout; `npm pack` (prepack) builds them all here, so
// an installed package runs them as shipped and never needs to write into
// its own folder (node_modules may be read-only, and esbuild's binary need
// not be installed).
//
// Run as a script (`node scripts/build.mjs`) it builds every command of
// COMMANDS that has a source and writes scripts/.build/release.json: the
// package's name and version and the commit it was packed from, so `init`
// can pin the reusable workflows of that very commit. As the prepack step
// (`--prepack`) it also writes npm-shrinkwrap.json, which the postpack step
// (`--postpack`) removes again.
// Plain JavaScript on purpose: it must run before anything is compiled.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const scriptsDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(scriptsDir);
export const OUT_DIR = join(scriptsDir, '.build');

/** The commands the package's `bin` runs: the same entry points as the npm scripts. */
export const COMMANDS = [
  'check',
  'summary',
  'comment',
  'site',
  'record',
  'due',
  'attest',
  'init',
  'explain',
  'codeowners',
  'status',
  'history',
  'import',
  'status-page',
  'due-issue',
];

const OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies stay imports: they are the package's dependencies, installed beside it.
  packages: 'external',
  logLevel: 'error',
};

/**
 * Bundle scripts/cli/<command>.ts into scripts/.build/<command>.mjs through
 * a private temporary name and a rename: two builds at once never leave a
 * half-written bundle for a run to read.
 */
export async function buildBundle(command) {
  const { build } = await import('esbuild');
  mkdirSync(OUT_DIR, { recursive: true });
  const bundle = join(OUT_DIR, `${command}.mjs`);
  const temp = `${bundle}.${process.pid}.tmp.mjs`;
  try {
    await build({ ...OPTIONS, entryPoints: [join(scriptsDir, 'cli', `${command}.ts`)], outfile: temp });
    renameSync(temp, bundle);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Every command with a source, in one esbuild run (they share most modules); returns the commands built. */
export async function buildAll() {
  const { build } = await import('esbuild');
  const commands = COMMANDS.filter((c) => existsSync(join(scriptsDir, 'cli', `${c}.ts`)));
  const temp = join(OUT_DIR, `.all.${process.pid}.tmp`);
  mkdirSync(temp, { recursive: true });
  try {
    await build({
      ...OPTIONS,
      entryPoints: Object.fromEntries(commands.map((c) => [c, join(scriptsDir, 'cli', `${c}.ts`)])),
      outdir: temp,
      outExtension: { '.js': '.mjs' },
      // One file per command, as the launcher builds it: no shared chunks to keep in step.
      splitting: false,
    });
    for (const c of commands) renameSync(join(temp, `${c}.mjs`), join(OUT_DIR, `${c}.mjs`));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return commands;
}

/** The commit the package is packed from, and whether the working tree matches it. */
function commitOf(dir) {
  try {
    const git = (...args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', 'HEAD');
    if (!/^[0-9a-f]{40}$/.test(commit)) return {};
    // Only the files the package ships and the workflows it pins decide whether the commit is the release.
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'scripts', 'schemas', 'templates', '.github', 'package.json', 'package-lock.json') !== '';
    return { commit, clean: !dirty };
  } catch {
    return {};
  }
}

export function writeRelease() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const release = { name: pkg.name, version: pkg.version, ...commitOf(root) };
  mkdirSync(OUT_DIR, { recursive: true });
  const target = join(OUT_DIR, 'release.json');
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(release, null, 2)}\n`);
  renameSync(temp, target);
  return release;
}

const SHRINKWRAP = join(root, 'npm-shrinkwrap.json');

/**
 * package-lock.json without the development dependencies, as
 * npm-shrinkwrap.json: the one lockfile npm honours inside a published
 * package, so `npm install committee-governance@X` installs exactly the
 * dependency tree this repository tested, with its integrity hashes, not
 * whatever newer releases the version ranges would allow.
 */
export function productionLock(lock) {
  const packages = {};
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '') {
      const { devDependencies: _dev, ...rootEntry } = entry;
      packages[path] = rootEntry;
    } else if (!entry.dev) packages[path] = entry;
  }
  return { ...lock, packages };
}

const invoked = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked && process.argv[2] === '--postpack') {
  rmSync(SHRINKWRAP, { force: true });
} else if (invoked) {
  const built = await buildAll();
  const release = writeRelease();
  if (process.argv[2] === '--prepack') {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    writeFileSync(SHRINKWRAP, `${JSON.stringify(productionLock(lock), null, 2)}\n`);
  }
  process.stdout.write(
    `built ${built.length} commands into scripts/.build/ (${release.name} ${release.version}` +
      `${release.commit ? `, commit ${release.commit.slice(0, 12)}${release.clean ? '' : ' with uncommitted changes'}` : ''})\n`,
  );
}
