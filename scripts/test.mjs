#!/usr/bin/env node
// `npm test`: the type check and every test, at the same time. tsc (one
// process) and vitest (two workers) share the machine instead of running one
// after the other; the run fails if either fails. Arguments go to vitest:
// `npm test -- tests/rules --reporter=json --outputFile=out.json`.
//
// vitest prints as it goes; tsc's diagnostics are printed after it, so the two
// never interleave. A type error fails the run like a failing test: when a
// JSON report is written (--outputFile), it gets one failed entry for the
// type check, so a tally of that report counts it.
// Plain JavaScript on purpose: it runs before anything is compiled.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);

function run(command, commandArgs, options) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [command, ...commandArgs], { cwd: root, ...options });
    let out = '';
    child.stdout?.on('data', (chunk) => (out += chunk));
    child.stderr?.on('data', (chunk) => (out += chunk));
    child.on('error', (error) => done({ code: 1, out: `${out}${error.message}\n` }));
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 1 : 0), out }));
  });
}

// The build info of the previous run (incremental: only what changed is checked
// again); a fresh clone has none and checks everything.
const tsc = run(
  require.resolve('typescript/bin/tsc'),
  ['-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/tsc/tsconfig.tsbuildinfo', ...(process.stdout.isTTY ? ['--pretty'] : [])],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
const vitest = run(join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs'), ['run', ...args], { stdio: 'inherit' });

const [types, tests] = await Promise.all([tsc, vitest]);

if (types.code === 0) process.stdout.write('\ntsc -p tsconfig.json: no type errors\n');
else {
  process.stdout.write(`\ntsc -p tsconfig.json: the type check failed (exit ${types.code})\n${types.out}`);
  recordTypeErrors(types.out);
}
process.exitCode = types.code !== 0 ? types.code : tests.code;

/** The file vitest's JSON reporter wrote, if it was asked to write one. */
function jsonReport() {
  let file;
  args.forEach((arg, i) => {
    const m = /^--outputFile(?:\.json)?(?:=(.*))?$/.exec(arg);
    if (m) file = m[1] ?? args[i + 1];
  });
  return file !== undefined ? resolve(root, file) : undefined;
}

/** Add the failed type check to the JSON report, as a test file that failed before any test ran. */
function recordTypeErrors(message) {
  const file = jsonReport();
  if (!file || !existsSync(file)) return;
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(report.testResults)) return;
    report.testResults.push({
      assertionResults: [],
      name: join(root, 'tsconfig.json'),
      status: 'failed',
      message: `tsc -p tsconfig.json failed:\n${message}`,
      startTime: Date.now(),
      endTime: Date.now(),
    });
    report.numFailedTestSuites = (report.numFailedTestSuites ?? 0) + 1;
    report.numTotalTestSuites = (report.numTotalTestSuites ?? 0) + 1;
    report.success = false;
    writeFileSync(file, JSON.stringify(report));
  } catch {
    // Not a JSON report: the exit code still says the run failed.
  }
}
