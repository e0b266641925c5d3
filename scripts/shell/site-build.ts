// `npm run site` (and its alias `npm run status-page`): load the records,
// run `check`, render the whole site and write it into --out atomically. The
// site is built in a fresh folder beside --out and renamed into place, so a
// failed build leaves the old site (or nothing) and never half of a new one.
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { checkFiles } from '../core/check.ts';
import { isIsoDate } from '../core/dates.ts';
import { isSafeOutputPath, safeUrl } from '../site/html.ts';
import { siteFiles } from '../site/site.ts';
import { localToday, UsageError } from './cli.ts';
import { loadSchemas, readRepository } from './fs-repo.ts';

/** The help of `npm run site` and of its alias `npm run status-page`, each under its own name. */
export const siteHelp = (name: 'site' | 'status-page'): string => `Usage: npm run ${name} -- --out DIR [options]

Builds the committee's published site from the records: the HTML pages in
English (DIR/index.html ...) and French (DIR/fr/...), no script and no
external request, with the JSON API (DIR/api/v1/), the meeting calendar
(DIR/meetings.ics) and the decisions feed (DIR/decisions.atom).
\`npm run ${name === 'site' ? 'status-page' : 'site'}\` is the same command.

Options:
  --out DIR             folder to build the site in (default: site); replaced whole.
                        An existing folder must be empty or a site built here before.
  --repo DIR            repository whose records to show (default: the current directory)
  --today YYYY-MM-DD    the date to judge "today" by (default: today's local date)
  --repo-url URL        https://github.com/OWNER/REPO: findings, records and RFCs link to their files
  --commit SHA          the commit the site is built from (file links and the footer)
  --site-url URL        where the site is published: the feed's and calendar's links become absolute
  -h, --help            show this help

Exit code: 0 site written (also when the records have findings: the site shows them),
2 usage error.
`;

/** Left in a built site, so a later build may replace that folder and no other. */
export const SITE_MARKER = '.npm-run-site';

function isDir(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The writer thread: it creates the folders and files the main thread sends
 * ([absolute path, text], already checked), while the main thread renders
 * the next pages; `null` asks for the count and the first error. Creating
 * 7,700 files costs about as much as rendering them, so the two overlap.
 * CommonJS, as an eval'd worker runs.
 */
const WRITER = `
const { parentPort } = require('node:worker_threads');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const made = new Set();
let count = 0;
let error;
parentPort.on('message', (m) => {
  if (m === null) return parentPort.postMessage({ count, error });
  if (error !== undefined) return;
  try {
    const dir = dirname(m[0]);
    if (!made.has(dir)) { mkdirSync(dir, { recursive: true }); made.add(dir); }
    writeFileSync(m[0], m[1], { flag: 'wx' });
    count++;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
});
`;

/**
 * Build the folder `out` from `files`: written into a new folder beside it
 * as they come (every path checked before it is written: plain, relative, no
 * `..`; 'wx': a path given twice is a bug, not a file to overwrite), then
 * renamed into place, the old site (if any) moved aside first and removed
 * after. A failure anywhere leaves `out` as it was and removes the new
 * folder. Each file is handed to a writer thread and let go: 25 years of
 * records are 7,700 pages, never all held at once. Returns how many files
 * it wrote.
 */
export async function writeSite(out: string, files: Iterable<readonly [string, string]>): Promise<number> {
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const temp = join(parent, `.${basename(out)}.building-${tag}`);
  const old = join(parent, `.${basename(out)}.old-${tag}`);
  mkdirSync(temp);
  const writer = new Worker(WRITER, { eval: true });
  try {
    const exited = new Promise<never>((_, reject) => {
      writer.once('error', reject);
      writer.once('exit', (code) => reject(new Error(`the writer thread stopped (exit ${code})`)));
    });
    // Only a writer that stops before it answers is a failure; terminate() below stops it too.
    exited.catch(() => undefined);
    for (const [path, text] of files) {
      if (!isSafeOutputPath(path)) throw new Error(`refusing to write ${JSON.stringify(path)}: not a plain relative path`);
      writer.postMessage([join(temp, path), text]);
    }
    const done = new Promise<{ count: number; error?: string }>((resolve) => writer.once('message', resolve));
    writer.postMessage(null);
    const { count, error } = await Promise.race([done, exited]);
    if (error !== undefined) throw new Error(error);
    writeFileSync(join(temp, SITE_MARKER), 'Built by npm run site: a later build replaces this folder.\n');
    const replacing = existsSync(out);
    if (replacing) renameSync(out, old);
    try {
      renameSync(temp, out);
    } catch (err) {
      if (replacing) renameSync(old, out);
      throw err;
    }
    if (replacing) rmSync(old, { recursive: true, force: true });
    return count;
  } finally {
    // Stopped before its folder goes: it writes nothing after this.
    await writer.terminate();
    rmSync(temp, { recursive: true, force: true });
  }
}

export async function siteMain(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      repo: { type: 'string', default: '.' },
      today: { type: 'string' },
      out: { type: 'string', default: 'site' },
      'repo-url': { type: 'string' },
      commit: { type: 'string' },
      'site-url': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const today = values.today ?? localToday();
  if (!isIsoDate(today)) throw new UsageError(`--today ${today}: expected a real date written YYYY-MM-DD`);
  const repoUrl = values['repo-url'];
  if (repoUrl !== undefined && !safeUrl(repoUrl))
    throw new UsageError(`--repo-url ${repoUrl}: expected an http(s) URL such as https://github.com/OWNER/REPO`);
  const siteUrl = values['site-url'];
  if (siteUrl !== undefined && !safeUrl(siteUrl)) throw new UsageError(`--site-url ${siteUrl}: expected an http(s) URL`);
  const commit = values.commit;
  if (commit !== undefined && !/^[0-9a-f]{7,64}$/i.test(commit))
    throw new UsageError(`--commit ${commit}: expected a commit SHA (7 to 64 hexadecimal digits)`);
  if (values.out === '') throw new UsageError('--out: expected a folder');
  const out = resolve(values.out);
  const repoDir = resolve(values.repo);
  if (existsSync(out)) {
    if (!isDir(out)) throw new UsageError(`--out ${values.out}: exists and is not a folder`);
    const entries = readdirSync(out);
    // The whole folder is replaced: never a folder someone keeps other things in.
    if (entries.length > 0 && !entries.includes(SITE_MARKER))
      throw new UsageError(`--out ${values.out}: the folder holds files not built by npm run site; choose a new or empty folder`);
  }
  if (repoDir === out || repoDir.startsWith(`${out}/`)) throw new UsageError(`--out ${values.out}: would replace the repository itself`);

  const repo = readRepository(repoDir);
  const { loaded, findings, summary } = checkFiles({ files: repo.files, schemas: loadSchemas(), today, codeowners: repo.codeowners });
  const charter = repo.files.find((f) => f.path === 'governance/charter.yaml' && f.problem === undefined);
  const input = {
    model: loaded.model,
    findings,
    summary,
    today,
    ...(repoUrl !== undefined ? { repoUrl } : {}),
    ...(commit !== undefined ? { commit } : {}),
    ...(siteUrl !== undefined ? { siteUrl } : {}),
    ...(charter ? { charterText: Buffer.from(charter.bytes).toString('utf8') } : {}),
  };
  let pages = 0;
  const counted = function* (): Generator<[string, string]> {
    for (const file of siteFiles(input)) {
      if (file[0].endsWith('.html')) pages++;
      yield file;
    }
  };
  const files = await writeSite(out, counted());
  process.stdout.write(
    `wrote ${out}: ${pages} pages in 2 languages, ${files - pages} other files; ${summary.committee.members.length} members serving, ${summary.errors} errors, ${summary.warnings} warnings (${summary.files} files checked)\n`,
  );
  return 0;
}
