#!/usr/bin/env node
// Fast start for the npm run entry points. tsx compiles TypeScript on every
// start (about 0.6 s here); this bundles scripts/cli/<command>.ts once with
// esbuild into scripts/.build/ and reuses the bundle until a source file
// changes, so `check` starts in a few tens of milliseconds.
//
// In an installed package (no scripts/cli/ sources, the bundles prebuilt by
// `npm pack`, see scripts/build.mjs) it runs the shipped bundle as it is:
// nothing is built or written there.
// Plain JavaScript on purpose: it must run before anything is compiled.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildBundle } from './build.mjs';

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

const packaged = mtime(join(scriptsDir, 'cli')) === -1;
if (packaged) {
  if (mtime(bundle) === -1) {
    process.stderr.write(`unknown command "${command}": this package has no scripts/.build/${command}.mjs\n`);
    process.exit(2);
  }
} else {
  const sourcesChanged = Math.max(newestSource(scriptsDir), mtime(join(root, 'package-lock.json')));
  if (mtime(entry) === -1) {
    process.stderr.write(`unknown command "${command}": there is no scripts/cli/${command}.ts\n`);
    process.exit(2);
  }
  if (mtime(bundle) < sourcesChanged) {
    try {
      await import('esbuild');
    } catch {
      process.stderr.write(`${command}: the dependencies are not installed: run npm ci first\n`);
      process.exit(2);
    }
    await buildBundle(command);
  }
}
process.argv.splice(2, 1);
// Messages name the command as npm run does, also when the launcher is called directly.
process.env.npm_lifecycle_event = command;
await import(pathToFileURL(bundle).href);
