#!/usr/bin/env node
// Fast start for the npm run entry points. tsx compiles TypeScript on every
// start (about 0.6 s here); this bundles scripts/cli/<command>.ts once with
// esbuild into scripts/.build/ and reuses the bundle until a source file
// changes, so `check` starts in a few tens of milliseconds.
// Plain JavaScript on purpose: it must run before anything is compiled.
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const scriptsDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(scriptsDir);
const outDir = join(scriptsDir, '.build');
const command = process.argv[2];

if (!command || !/^[a-z-]+$/.test(command)) {
  process.stderr.write('usage: node scripts/launch.mjs COMMAND [args...]\n');
  process.exit(2);
}
const entry = join(scriptsDir, 'cli', `${command}.ts`);
const bundle = join(outDir, `${command}.mjs`);

function newestSource(dir, newest = 0) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '.build' || e.name === 'bench') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) newest = newestSource(full, newest);
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

const sourcesChanged = Math.max(newestSource(scriptsDir), mtime(join(root, 'package-lock.json')));
if (mtime(entry) === -1) {
  process.stderr.write(`unknown command "${command}": there is no scripts/cli/${command}.ts\n`);
  process.exit(2);
}
if (mtime(bundle) < sourcesChanged) {
  let build;
  try {
    ({ build } = await import('esbuild'));
  } catch {
    process.stderr.write(`${command}: the dependencies are not installed: run npm ci first\n`);
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  // A private temp name, then rename: two runs building at once never read a half-written bundle.
  const temp = `${bundle}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [entry],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  renameSync(temp, bundle);
}
process.argv.splice(2, 1);
// Messages name the command as npm run does, also when the launcher is called directly.
process.env.npm_lifecycle_event = command;
await import(pathToFileURL(bundle).href);
