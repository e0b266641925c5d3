// `npm run bench`: time `check` on generated repositories of 25, 100 and 400
// years (1x, 4x, 16x), and, at 1x, ajv-cli validating the same record files
// against the same schemas (schema validation only), and print the targets:
//   - check on 1x (25 years) under 1.5 s wall;
//   - time linear in the number of records (16x no slower than 16 * 1.5 the 1x time, per record);
//   - check (every rule) no slower than the ajv-cli schema-only pass (ratio <= 1.0);
//   - the published site of 1x (npm run site: load, check, both languages,
//     API, calendar, feed, written into a fresh folder) under 2 s, and no
//     slower than 3x check on the same records.
// Each timing is the wall time of a whole child process, median of --runs
// (3), after one untimed warm-up run. The numbers are informational: the exit
// code is 0 unless something crashed.
//
// Then the hostile files: how long the pure core takes to load (parse,
// schema, locate) one record file built to be slow: a vote with 30,000 or
// 60,000 keys, 800 KB of nested brackets, an unclosed flow 10,000 deep, 1 MiB
// of short lines. Target: each under 500 ms, in process (median of --runs
// after a warm-up), with the findings it should give.
//
// Options: --scale N (repeatable: run only these scales), --keep (leave
// bench-data/<N>x/ for inspection), --runs N, --seed N, --hostile (only the
// hostile files: no repository is generated).
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadRepository } from '../core/load.ts';
import { MAX_FILE_BYTES } from '../core/source.ts';
import { loadSchemas } from '../shell/fs-repo.ts';
import { generate, writeRepoDir } from './generate.ts';
import { gitProcessesOf, preparePullRequest, SUMMARY_COMMAND } from './pr-case.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = join(ROOT, 'bench-data');

/**
 * The command timed as `check`, run from the repository root; `--repo DIR
 * --today DATE` are appended. The one place to switch launchers: before
 * scripts/launch.mjs existed this was
 * [process.execPath, '--import', 'tsx', 'scripts/cli/check.ts'].
 */
const CHECK_COMMAND: readonly string[] = [process.execPath, 'scripts/launch.mjs', 'check'];

/** `npm run site`, run from the repository root; `--repo DIR --today DATE --out DIR` are appended. */
const SITE_COMMAND: readonly string[] = [process.execPath, 'scripts/launch.mjs', 'site'];
const SITE_TARGET_MS = 2000;
const SITE_CHECK_RATIO = 3;

/** ajv-cli as installed (devDependency). */
const AJV = join(ROOT, 'node_modules', '.bin', 'ajv');
const AJV_FLAGS = ['validate', '--spec=draft2020', '--data', '--strict=true'];

const YEARS_AT_1X = 25;
const TARGET_1X_MS = 1500;
const LINEAR_SLACK = 1.5;

/**
 * ajv-cli reads YAML with js-yaml 3's default schema, which turns a plain
 * `2024-05-08` into a Date object, so every record would fail `format: date`
 * at its first date and ajv would stop there. This plugin (passed with -c, so
 * it runs inside the ajv-cli process) makes it read YAML 1.2 core, as the
 * data model says every file is read, so ajv validates each file in full; it
 * then adds ajv-formats like `-c ajv-formats` would.
 */
const AJV_PLUGIN = `// Written by scripts/bench/bench.ts: an ajv-cli -c module.
const { dirname } = require('node:path');
const cli = dirname(require.resolve('ajv-cli/package.json', { paths: [${JSON.stringify(ROOT)}] }));
const yaml = require(require.resolve('js-yaml', { paths: [cli] }));
const safeLoad = yaml.safeLoad;
yaml.safeLoad = (text, options) => safeLoad(text, { ...options, schema: yaml.CORE_SCHEMA });
module.exports = (ajv) => require(require.resolve('ajv-formats', { paths: [cli] }))(ajv);
`;

/** Record kinds for ajv-cli: one process each. RFCs are Markdown, which ajv-cli cannot read. */
const AJV_KINDS: readonly { kind: string; schema: string; glob: string }[] = [
  { kind: 'charter', schema: 'charter', glob: 'governance/charter.yaml' },
  { kind: 'chair-terms', schema: 'chair-terms', glob: 'governance/chair-terms.yaml' },
  { kind: 'members', schema: 'member', glob: 'governance/members/*.yaml' },
  { kind: 'meetings', schema: 'meeting', glob: 'governance/meetings/*.yaml' },
  { kind: 'votes', schema: 'vote', glob: 'governance/votes/*.yaml' },
  { kind: 'sigs', schema: 'sig', glob: 'governance/sigs/*.yaml' },
];

const USAGE = 'Usage: npm run bench -- [--scale N]... [--keep] [--runs N] [--seed N] [--hostile]';

/** Each hostile file must load (parse, schema, locate) in under this. */
export const HOSTILE_TARGET_MS = 500;

export interface HostileFile {
  name: string;
  path: string;
  text: string;
  /** The load findings it gives for its own file, by rule. */
  expected: Record<string, number>;
}

const HOSTILE_VOTE = 'governance/votes/2024-02-07-hostile.yaml';
const HOSTILE_HEAD = [
  'id: 2024-02-07-hostile',
  'date: 2024-02-07',
  'meeting: 2024-02-07',
  'kind: decision',
  'motion: A motion',
  'result: passed',
  '',
].join('\n');

/** `head` and then as many `line(i)` as fit in `bytes` (ASCII text), and how many did. */
function fillLines(head: string, bytes: number, line: (i: number) => string): { text: string; lines: number } {
  const parts = [head];
  let size = head.length;
  for (let i = 0; ; i++) {
    const next = line(i);
    if (size + next.length > bytes) return { text: parts.join(''), lines: i };
    parts.push(next);
    size += next.length;
  }
}

/**
 * Record files built to be slow to read, each a vote file that is otherwise
 * valid. Before the fixes of "No file can stall the run", the first two took
 * about 20 s and over a minute, the brackets 2.8 s.
 */
export function hostileFiles(): HostileFile[] {
  const keys = (n: number): string => HOSTILE_HEAD + Array.from({ length: n }, (_, i) => `k${i}: v\n`).join('');
  const justUnder = MAX_FILE_BYTES - 1;
  const fixed: HostileFile[] = [
    { name: 'vote with 30,000 unknown keys', path: HOSTILE_VOTE, text: keys(30_000), expected: { 'yaml-syntax': 1 } },
    { name: 'vote with 60,000 unknown keys', path: HOSTILE_VOTE, text: keys(60_000), expected: { 'yaml-syntax': 1 } },
    {
      name: '800 KB of nested brackets',
      path: HOSTILE_VOTE,
      text: `${HOSTILE_HEAD}x: ${'['.repeat(400_000)}${']'.repeat(400_000)}\n`,
      expected: { 'yaml-syntax': 1 },
    },
    {
      name: 'an unclosed flow 10,000 deep',
      path: HOSTILE_VOTE,
      text: `${HOSTILE_HEAD}x: ${'['.repeat(10_000)}\n`,
      expected: { 'yaml-syntax': 1 },
    },
  ];
  // The largest file read at all (1 MiB - 1 byte), of many short lines.
  const notes = fillLines(`${HOSTILE_HEAD}notes: |\n`, justUnder, (i) => (i % 2 === 0 ? '  line\n' : '\n'));
  const ballots = fillLines(`${HOSTILE_HEAD}ballots:\n`, justUnder, (i) => `  m${i}: yes\n`);
  // An anchor sends it to the full parser, which takes a bounded number of tokens.
  const anchored = fillLines(`${HOSTILE_HEAD}notes: &n x\n`, justUnder, (i) => `k${i}: v\n`);
  return [
    ...fixed,
    { name: `1 MiB - 1 byte: notes of ${int(notes.lines)} lines`, path: HOSTILE_VOTE, text: notes.text, expected: {} },
    { name: `1 MiB - 1 byte: ${int(ballots.lines)} ballots`, path: HOSTILE_VOTE, text: ballots.text, expected: { 'yaml-syntax': 1 } },
    {
      name: `1 MiB - 1 byte: an anchor, ${int(anchored.lines)} keys`,
      path: HOSTILE_VOTE,
      text: anchored.text,
      expected: { 'yaml-syntax': 1 },
    },
  ];
}

/** The load findings for `file`, counted by rule. */
function countByRule(findings: readonly { rule: string; file: string }[], file: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) if (f.file === file) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  return counts;
}

/** Load one hostile file with the pure core, as `check` does. */
export function loadHostile(file: HostileFile): { ms: number; found: Record<string, number> } {
  const bytes = new TextEncoder().encode(file.text);
  const start = performance.now();
  const loaded = loadRepository({ files: [{ path: file.path, bytes }], schemas: loadSchemas(), today: '2024-02-20' });
  const ms = performance.now() - start;
  return { ms, found: countByRule(loaded.model.loadFindings, file.path) };
}

/** Time every hostile file in process (after a warm-up); returns the target lines. */
function hostileSection(runs: number): string[] {
  const files = hostileFiles();
  loadHostile({ name: 'warm-up', path: HOSTILE_VOTE, text: HOSTILE_HEAD, expected: {} });
  const rows: string[][] = [];
  const targets: string[] = [];
  for (const file of files) {
    loadHostile(file);
    const times: number[] = [];
    let found: Record<string, number> = {};
    for (let k = 0; k < runs; k++) {
      const r = loadHostile(file);
      times.push(r.ms);
      found = r.found;
    }
    const ms = median(times);
    const counts = Object.entries(found).map(([rule, n]) => `${int(n)} ${rule}`).join(', ') || 'none';
    const asExpected = JSON.stringify(found) === JSON.stringify(file.expected);
    rows.push([file.name, `${int(new TextEncoder().encode(file.text).length / 1024)} KiB`, int(ms), counts + (asExpected ? '' : ' (UNEXPECTED)')]);
    targets.push(`hostile: ${file.name} loads under ${int(HOSTILE_TARGET_MS)} ms: ${int(ms)} ms -> ${met(ms < HOSTILE_TARGET_MS)}`);
  }
  process.stdout.write(
    `\nhostile files: one record file loaded by the pure core (parse, schema, locate), in process, median of ${runs} after 1 warm-up\n`,
  );
  process.stdout.write(`${table(['file', 'size', 'load ms', 'findings'], rows)}\n`);
  return targets;
}

interface Run {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: readonly string[], cwd = ROOT): Run {
  const [cmd, ...args] = command;
  if (cmd === undefined) throw new Error('empty command');
  const start = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Time `command`: one untimed warm-up, then the median of `runs`. */
function timed(command: readonly string[], runs: number, ok: (r: Run) => void, cwd = ROOT): { ms: number; last: Run } {
  let last = run(command, cwd);
  ok(last);
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    last = run(command, cwd);
    ok(last);
    times.push(last.ms);
  }
  return { ms: median(times), last };
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const met = (ok: boolean): string => (ok ? 'MET' : 'NOT MET');

interface ScaleResult {
  scale: number;
  years: number;
  records: number;
  ms: number;
  errors: number;
  warnings: number;
  dir: string;
  today: string;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', multiple: true },
      keep: { type: 'boolean', default: false },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      hostile: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(
      `${USAGE}\n` +
        `  --scale N   scale to run (1 = ${YEARS_AT_1X} years); default 1, 4 and 16\n` +
        '  --keep      keep the generated repositories in bench-data/<N>x/\n' +
        '  --runs N    timed runs of each measurement (median reported); default 3\n' +
        '  --seed N    generator seed; default 1\n' +
        `  --hostile   only the hostile files (load of one record built to be slow, target under ${int(HOSTILE_TARGET_MS)} ms)\n`,
    );
    return;
  }
  const scales = (values.scale ?? ['1', '4', '16']).map((s) => {
    const n = Number(s);
    if (!(n > 0)) throw new Error(`--scale ${s}: expected a positive number`);
    return n;
  });
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs ${values.runs}: expected a positive integer`);
  if (!Number.isInteger(seed)) throw new Error(`--seed ${values.seed}: expected an integer`);
  if (values.hostile) {
    const loadBefore = loadavg()[0] ?? 0;
    process.stdout.write(`machine: ${availableParallelism()} cores, load average ${loadBefore.toFixed(2)} at start\n\n`);
    const targets = hostileSection(runs);
    process.stdout.write(`\ntargets\n${targets.map((t) => `  ${t}`).join('\n')}\n`);
    const loadAfter = loadavg()[0] ?? 0;
    const busy = Math.max(loadBefore, loadAfter) > availableParallelism() / 2;
    process.stdout.write(
      `load average ${loadAfter.toFixed(2)} at end${busy ? ': the machine was busy with other work, so these times are inflated; run again on an idle machine before recording them' : ''}\n`,
    );
    return;
  }

  const checkLabel = CHECK_COMMAND.map((c) => (c === process.execPath ? 'node' : c)).join(' ');
  process.stdout.write(`check command: ${checkLabel} --repo DIR --today DATE (median of ${runs} after 1 warm-up, wall time)\n`);
  process.stdout.write(`generator: seed ${seed}; scale = years (1x = ${YEARS_AT_1X} years), same committee size and rates at every scale\n`);
  const loadBefore = loadavg()[0] ?? 0;
  process.stdout.write(`machine: ${availableParallelism()} cores, load average ${loadBefore.toFixed(2)} at start\n\n`);

  mkdirSync(DATA, { recursive: true });
  const lock = takeLock();
  const results: ScaleResult[] = [];
  const made: string[] = [];
  try {
    for (const scale of scales) {
      const years = YEARS_AT_1X * scale;
      const t0 = performance.now();
      const repo = generate(years, seed);
      const dir = join(DATA, `${scale}x`);
      writeRepoDir(dir, repo.files);
      made.push(dir);
      const genMs = performance.now() - t0;
      const c = repo.counts;
      process.stdout.write(
        `${scale}x: ${years} years ${repo.first}..${repo.last}, ${int(repo.files.size)} records ` +
          `(${int(c.meetings)} meetings, ${int(c.votes)} votes of which ${int(c.asyncVotes)} async, ${int(c.rfcs)} RFCs, ` +
          `${int(c.members)} members, ${int(c.chairTerms)} chair terms, ${int(c.sigs)} SIGs); generated in ${int(genMs)} ms\n`,
      );
      const command = [...CHECK_COMMAND, '--repo', relative(ROOT, dir), '--today', repo.today];
      const { ms, last } = timed(command, runs, (r) => {
        if (r.status !== 0 && r.status !== 1)
          throw new Error(`check crashed on ${scale}x (exit ${r.status}):\n${r.stderr.slice(0, 4000)}`);
      });
      const errors = /(\d[\d,]*) errors?/.exec(last.stdout)?.[1];
      const warnings = /(\d[\d,]*) warnings?/.exec(last.stdout)?.[1];
      results.push({
        scale,
        years,
        records: repo.files.size,
        ms,
        errors: errors ? Number(errors.replace(/,/g, '')) : 0,
        warnings: warnings ? Number(warnings.replace(/,/g, '')) : 0,
        dir,
        today: repo.today,
      });
    }

    process.stdout.write('\ncheck\n');
    process.stdout.write(
      `${table(
        ['scale', 'years', 'records', 'check ms', 'ms / 1,000 records', 'errors', 'warnings'],
        results.map((r) => [
          `${r.scale}x`,
          int(r.years),
          int(r.records),
          int(r.ms),
          (r.ms / (r.records / 1000)).toFixed(1),
          int(r.errors),
          int(r.warnings),
        ]),
      )}\n`,
    );
    const dirty = results.filter((r) => r.errors > 0 || r.warnings > 0);
    if (dirty.length > 0)
      process.stdout.write(
        `note: the generated records should check clean; see: ${checkLabel} --repo ${relative(ROOT, dirty[0]?.dir ?? '')} --today ${dirty[0]?.today ?? ''} (with --keep)\n`,
      );

    const targets: string[] = [];
    const base = results.find((r) => r.scale === 1);
    if (base) targets.push(`check on 1x (${YEARS_AT_1X} years) under ${int(TARGET_1X_MS)} ms: ${int(base.ms)} ms -> ${met(base.ms < TARGET_1X_MS)}`);
    const smallest = results.reduce<ScaleResult | undefined>((a, r) => (a === undefined || r.scale < a.scale ? r : a), undefined);
    for (const r of results) {
      if (!smallest || r.scale <= smallest.scale) continue;
      const recordRatio = r.records / smallest.records;
      const timeRatio = r.ms / smallest.ms;
      const bound = recordRatio * LINEAR_SLACK;
      targets.push(
        `linear ${r.scale}x vs ${smallest.scale}x: time x${timeRatio.toFixed(2)} for records x${recordRatio.toFixed(2)} ` +
          `(limit x${bound.toFixed(1)} = records x ${LINEAR_SLACK}) -> ${met(timeRatio <= bound)}`,
      );
    }

    // The published site of the smallest scale, built as CI builds it: into a
    // new folder each run (all removed after the timing: deleting 7,700 files
    // just before a run slows the file system under it), one warm-up first.
    if (smallest) {
      const times: number[] = [];
      let last: Run | undefined;
      for (let k = 0; k <= runs; k++) {
        const out = join(DATA, `site-out-${k}`);
        rmSync(out, { recursive: true, force: true });
        made.push(out);
        const command = [...SITE_COMMAND, '--repo', relative(ROOT, smallest.dir), '--today', smallest.today, '--out', relative(ROOT, out)];
        last = run(command);
        if (last.status !== 0) throw new Error(`site exited ${last.status} on ${smallest.scale}x:\n${last.stderr.slice(0, 4000)}`);
        if (k > 0) times.push(last.ms);
      }
      const ms = median(times);
      const pages = /(\d+) pages/.exec(last?.stdout ?? '')?.[1] ?? '?';
      process.stdout.write(
        `\nsite at ${smallest.scale}x: ${SITE_COMMAND.slice(1).join(' ')} (load, check, ${pages} pages in English and French, API, calendar, feed, written into a fresh folder): ${int(ms)} ms\n`,
      );
      targets.push(`site of ${smallest.scale}x under ${int(SITE_TARGET_MS)} ms: ${int(ms)} ms -> ${met(ms < SITE_TARGET_MS)}`);
      const ratio = ms / smallest.ms;
      targets.push(
        `site no slower than ${SITE_CHECK_RATIO}x check at ${smallest.scale}x: site ${int(ms)} ms / check ${int(smallest.ms)} ms = ${ratio.toFixed(2)} (<= ${SITE_CHECK_RATIO.toFixed(2)}) -> ${met(ratio <= SITE_CHECK_RATIO)}`,
      );
    }

    // ajv-cli at the smallest scale run (1x by default).
    if (smallest) {
      const plugin = join(DATA, 'ajv-yaml-core.cjs');
      writeFileSync(plugin, AJV_PLUGIN);
      made.push(plugin);
      const rows: string[][] = [];
      let total = 0;
      let invalid = 0;
      let totalFiles = 0;
      for (const k of AJV_KINDS) {
        const files = countFiles(smallest.dir, k.glob);
        if (files === 0) throw new Error(`no ${k.glob} under ${relative(ROOT, smallest.dir)}: was bench-data/ changed while the bench ran?`);
        const command = [
          AJV,
          ...AJV_FLAGS,
          '-s',
          join(ROOT, 'schemas', `${k.schema}.schema.json`),
          '-r',
          join(ROOT, 'schemas', 'common.schema.json'),
          '-c',
          plugin,
          '-d',
          k.glob,
        ];
        const { ms, last } = timed(
          command,
          runs,
          (r) => {
            if (r.status !== 0 && r.status !== 1)
              throw new Error(`ajv-cli crashed on ${k.kind} (exit ${r.status}):\n${r.stderr.slice(0, 4000)}`);
          },
          smallest.dir,
        );
        const bad = (last.stderr.match(/ invalid$/gm) ?? []).length;
        invalid += bad;
        total += ms;
        totalFiles += files;
        rows.push([k.kind, int(files), int(ms), int(bad)]);
      }
      rows.push(['total', int(totalFiles), int(total), int(invalid)]);
      const rfcs = countFiles(smallest.dir, 'rfcs/*.md');
      process.stdout.write(
        `\najv-cli at ${smallest.scale}x, schema validation only: one process per record kind, run in sequence ` +
          `(${AJV_FLAGS.slice(1).join(' ')} -r common.schema.json -c <YAML 1.2 core reader + ajv-formats>)\n`,
      );
      process.stdout.write(`${table(['kind', 'files', 'ms', 'invalid'], rows)}\n`);
      process.stdout.write(
        `not in the ajv-cli pass: ${int(rfcs)} RFCs (rfcs/*.md: ajv-cli cannot read Markdown front matter); check reads them too\n`,
      );
      const ratio = smallest.ms / total;
      targets.push(
        `check no slower than ajv-cli at ${smallest.scale}x: check ${int(smallest.ms)} ms / ajv-cli ${int(total)} ms = ${ratio.toFixed(2)} (<= 1.00) -> ${met(ratio <= 1)}`,
      );
    }

    // The pull-request case, on the smallest scale (after the ajv pass: it adds a .git/ there).
    if (smallest) {
      const { added } = preparePullRequest(smallest.dir);
      const pr = timed(
        [...SUMMARY_COMMAND, '--repo', smallest.dir, '--base', 'main', '--head', 'pr', '--today', smallest.today, '--out', join(smallest.dir, 'pr-report.md')],
        runs,
        (r) => {
          if (r.status !== 0) throw new Error(`summary exited ${r.status}: ${r.stderr}`);
        },
      );
      const processes = gitProcessesOf(pr.last.stderr);
      process.stdout.write(
        `\npull request at ${smallest.scale}x: adds ${added}; summary (both sides from git objects, every rule run twice, Markdown rendered): ${int(pr.ms)} ms, ${processes ?? '?'} git processes\n`,
      );
      targets.push(`summary of a one-vote PR at ${smallest.scale}x under 2,000 ms: ${int(pr.ms)} ms -> ${met(pr.ms < 2000)}`);
    }

    targets.push(...hostileSection(runs));

    process.stdout.write(`\ntargets\n${targets.map((t) => `  ${t}`).join('\n')}\n`);
    const loadAfter = loadavg()[0] ?? 0;
    const busy = Math.max(loadBefore, loadAfter) > availableParallelism() / 2;
    process.stdout.write(
      `load average ${loadAfter.toFixed(2)} at end${busy ? ': the machine was busy with other work, so these times are inflated; run again on an idle machine before recording them' : ''}\n`,
    );
  } finally {
    rmSync(lock, { force: true });
    if (values.keep) process.stdout.write(`\nkept: ${made.map((p) => relative(ROOT, p)).join(', ')}\n`);
    else {
      for (const p of made) rmSync(p, { recursive: true, force: true });
      try {
        if (readdirSync(DATA).length === 0) rmdirSync(DATA);
      } catch {
        // someone else's files, or already gone
      }
    }
  }
}

/**
 * One bench at a time: two runs would rewrite and delete each other's
 * bench-data/<N>x/ under the timed check (and time each other's load).
 */
function takeLock(): string {
  const lock = join(DATA, '.bench.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return lock;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lock, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pidAlive(pid))
        throw new Error(`another bench (pid ${pid}) is using ${relative(ROOT, DATA)}/: wait for it to finish (or delete ${relative(ROOT, lock)} if it is stale)`);
      rmSync(lock, { force: true }); // left by a run that died
    }
  }
  throw new Error(`cannot take ${relative(ROOT, lock)}`);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Files matching a one-level glob (`dir/*.ext` or a plain path) under `root`. */
function countFiles(root: string, glob: string): number {
  const star = glob.indexOf('*');
  if (star === -1) return existsSync(join(root, glob)) ? 1 : 0;
  const dir = join(root, dirname(glob));
  const suffix = glob.slice(star + 1);
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).filter((f) => f.endsWith(suffix)).length;
}

// Run as a script, not when a test imports the hostile files from here.
const invoked = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) {
  try {
    main();
  } catch (err) {
    reportFailure(err);
  }
}

function reportFailure(err: unknown): void {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    // A mistyped flag is the caller's mistake: say so, no stack trace.
    process.stderr.write(`bench: ${(err as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  }
}
