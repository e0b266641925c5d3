// `npm run import`: move a committee's past into the repository. Reads the
// source folder, plans every record (scripts/import/), checks each against
// the schemas, and writes only with --write, only if every record passes,
// never over a different record without --force, each file atomically.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRepository } from '../core/load.ts';
import { contextFromModel } from '../import/context.ts';
import { planMinutes, type MinutesSource } from '../import/map-minutes.ts';
import { decide, validateRecords, type Decided } from '../import/plan.ts';
import { formatReport } from '../import/report.ts';
import { parseStatusMap, planRfcs } from '../import/rfcs.ts';
import type { ImportPlan } from '../import/types.ts';
import { localToday, runCli, UsageError } from '../shell/cli.ts';
import { assertInsideRepo, loadSchemas, readRepository, readRepoText, writeRepoFile } from '../shell/fs-repo.ts';

const HELP = `Usage: npm run import -- minutes DIR [options]
       npm run import -- rfcs DIR [options]

Imports a committee's history into the repository's governance/ and rfcs/.
A dry run by default: prints what would be written and the report of gaps.

  minutes DIR   Markdown minutes, one file per meeting (YYYY-MM-DD.md), and
                their index page (DIR.md, DIR/index.md or DIR/README.md):
                writes governance/meetings/<date>.yaml and a vote file for
                each decision the minutes record.
  rfcs DIR      RFCs whose header is a bullet list (* **Status:** Accepted):
                writes rfcs/NNNN-<slug>.md with front matter. Import the
                minutes first: an RFC's decision is the vote on it.

Options:
  --repo DIR           the repository to import into (default: the current directory)
  --write              write the records (default: dry run)
  --force              replace an existing record whose imported facts differ
  --index FILE         minutes: the index page (default: DIR.md, DIR/index.md, DIR/README.md)
  --url TEMPLATE       minutes: the published minutes, {date} or {id} replaced, e.g.
                         https://wiki.example.org/minutes/{date}.html
                       rfcs: the published original, {file} or {number} replaced
  --status WORD=STATUS rfcs: map a status word the importer does not know
                       (repeatable), e.g. --status Approved=accepted
  --body keep|link     rfcs: keep the original text (default), or write the title
                       and a link to the original (needs --url)
  -h, --help           show this help

Exit code: 0 imported (or nothing to do), 1 a record failed the schema
(nothing written) or an existing record differs and was kept, 2 usage error.
`;

function readMarkdownFiles(dir: string, skip: ReadonlySet<string>): { name: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md') && !skip.has(e.name))
    .map((e) => ({ name: e.name, text: readFileSync(join(dir, e.name), 'utf8') }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function findIndex(dir: string, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) {
    if (!existsSync(explicit)) throw new UsageError(`--index ${explicit}: no such file`);
    return explicit;
  }
  const candidates = [`${dir.replace(/[\\/]+$/, '')}.md`, join(dir, 'index.md'), join(dir, 'README.md')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

runCli(HELP, (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      repo: { type: 'string', default: '.' },
      write: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      index: { type: 'string' },
      url: { type: 'string' },
      status: { type: 'string', multiple: true },
      body: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  const [command, dirArg, ...extra] = positionals;
  if (command !== 'minutes' && command !== 'rfcs') throw new UsageError(`expected "minutes" or "rfcs", got ${command === undefined ? 'nothing' : `"${command}"`}`);
  if (dirArg === undefined) throw new UsageError(`${command}: the source folder DIR is missing`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0] ?? ''}"`);
  const dir = resolve(dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dirArg}: no such folder`);
  if (command === 'minutes' && (values.status !== undefined || values.body !== undefined))
    throw new UsageError('--status and --body apply to rfcs, not minutes');
  if (command === 'rfcs' && values.index !== undefined) throw new UsageError('--index applies to minutes, not rfcs');
  const body = values.body ?? 'keep';
  if (body !== 'keep' && body !== 'link') throw new UsageError(`--body ${body}: expected keep or link`);
  if (body === 'link' && values.url === undefined) throw new UsageError('--body link needs --url: the link to the original');
  let statuses;
  try {
    statuses = parseStatusMap(values.status ?? []);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }

  const repo = resolve(values.repo);
  const schemas = loadSchemas();
  const onDisk = readRepository(repo);
  const { model } = loadRepository({ files: onDisk.files, schemas, today: localToday() });
  const ctx = contextFromModel(model);

  let plan: ImportPlan;
  if (command === 'minutes') {
    const indexPath = findIndex(dir, values.index);
    const skip = new Set(['index.md', 'README.md']);
    const source: MinutesSource = { files: readMarkdownFiles(dir, skip) };
    if (indexPath !== undefined) source.index = { name: basename(indexPath), text: readFileSync(indexPath, 'utf8') };
    plan = planMinutes(source, ctx, values.url !== undefined ? { url: values.url } : {});
  } else {
    plan = planRfcs(readMarkdownFiles(dir, new Set()), ctx, {
      statuses,
      body,
      ...(values.url !== undefined ? { url: values.url } : {}),
    });
  }

  const decided: Decided[] = plan.records.map((record) => decide(record, readRepoText(repo, record.path), values.force));
  const failures = validateRecords(decided, schemas);
  const write = values.write && failures.length === 0;
  if (write) {
    // Every target is checked before the first write: a link anywhere refuses the whole import.
    for (const d of decided) if (d.text !== undefined) assertInsideRepo(repo, d.record.path);
    for (const d of decided) if (d.text !== undefined) writeRepoFile(repo, d.record.path, d.text);
  }

  process.stdout.write(
    formatReport({
      command,
      source: dirArg,
      repo: values.repo,
      write,
      force: values.force,
      decided,
      gaps: plan.gaps,
      suggestions: plan.suggestions,
      failures,
      showContent: !values.write,
    }),
  );
  return failures.length > 0 || decided.some((d) => d.outcome === 'kept') ? 1 : 0;
});
