// `npm run due`: what the charter asks of the committee next, and what is overdue.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { charterTexts } from '../core/charter-text.ts';
import { isIsoDate } from '../core/dates.ts';
import { dueReport, formatDueMarkdown, formatDueText } from '../core/due.ts';
import { visible } from '../core/escape.ts';
import { CHARTER_FILE, loadRepository } from '../core/load.ts';
import { escapeText } from '../core/report.ts';
import { localToday, runCli, UsageError } from '../shell/cli.ts';
import { loadSchemas, readRepository, readRepoText } from '../shell/fs-repo.ts';
import { writeFileSync } from 'node:fs';

const HELP = `Usage: npm run due -- [options]

Lists, from the records and the charter's numbers, what falls due within a
window and what is overdue: the chair election and its check-in, the month's
meeting, disclosures going stale, RFCs in their final comment period and
awaiting a decision, membership steps, a committee at its quorum minimum,
members without a GitHub handle, and the last meetings without quorum.
As of a past date, only what was recorded by then counts as done.

Options:
  --repo DIR            the repository (default: the current directory)
  --today YYYY-MM-DD    the date to judge from (default: today)
  --within DAYS         the window (default: 30)
  --format FORMAT       text (default), md (the issue's body) or json
  --out FILE            write the report to FILE instead of standard output
  --commit SHA          name the commit in the md report
  -h, --help            show this help

Exit code: 0, or 2 for a usage error.
`;

runCli(HELP, (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      repo: { type: 'string', default: '.' },
      today: { type: 'string' },
      within: { type: 'string', default: '30' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      commit: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const today = values.today ?? localToday();
  if (!isIsoDate(today)) throw new UsageError(`--today ${today}: expected a real date written YYYY-MM-DD`);
  if (!/^\d{1,4}$/.test(values.within)) throw new UsageError(`--within ${values.within}: a number of days`);
  const format = values.format;
  if (format !== 'text' && format !== 'md' && format !== 'json') throw new UsageError(`--format ${format}: text, md or json`);
  if (values.commit !== undefined && !/^[0-9a-f]{7,64}$/.test(values.commit)) throw new UsageError(`--commit ${values.commit}: a commit SHA`);
  const repo = resolve(values.repo);
  const disk = readRepository(repo);
  const { model } = loadRepository({ files: disk.files, schemas: loadSchemas(), today });
  const charterText = readRepoText(repo, CHARTER_FILE);
  const report = dueReport(model, today, Number(values.within), charterText !== undefined ? charterTexts(charterText) : undefined);
  const text =
    format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : format === 'md'
        ? formatDueMarkdown(report, escapeText, values.commit)
        : formatDueText(report).split('\n').map(visible).join('\n');
  if (values.out !== undefined) writeFileSync(values.out, text);
  else process.stdout.write(text);
  return 0;
});
