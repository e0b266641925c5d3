// `npm run check`: check a repository's records against the charter.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { checkFiles } from '../core/check.ts';
import { isIsoDate } from '../core/dates.ts';
import { ansi, formatGithub, formatJson, formatText, plain } from '../core/format.ts';
import { loadSchemas, readRepository } from '../shell/fs-repo.ts';
import { readRevision } from '../shell/git.ts';
import { localToday, runCli, UsageError } from '../shell/cli.ts';

const HELP = `Usage: npm run check -- [options]

Checks the governance records (governance/, rfcs/) against the schemas and the charter rules.

Options:
  --repo DIR            repository to check (default: the current directory)
  --rev REV             check the records of git revision REV of --repo (read from git
                        objects, not from the working tree)
  --today YYYY-MM-DD    the date to judge "today" by (default: today's local date)
  --format FORMAT       text (default), json, or github (workflow annotations)
  -h, --help            show this help

Exit code: 0 no errors (warnings allowed), 1 errors found, 2 usage error.
`;

runCli(HELP, async (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      repo: { type: 'string', default: '.' },
      rev: { type: 'string' },
      today: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
    strict: true,
    allowPositionals: false,
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'github')
    throw new UsageError(`--format ${format}: expected text, json or github`);
  const today = values.today ?? localToday();
  if (!isIsoDate(today)) throw new UsageError(`--today ${today}: expected a real date written YYYY-MM-DD`);

  const repo = values.rev !== undefined ? await readRevision(resolve(values.repo), values.rev) : readRepository(resolve(values.repo));
  const { findings, summary } = checkFiles({
    files: repo.files,
    schemas: loadSchemas(),
    today,
    codeowners: repo.codeowners,
  });

  if (format === 'json') process.stdout.write(formatJson(findings, summary));
  else if (format === 'github') process.stdout.write(formatGithub(findings, summary));
  else {
    const colour = process.stdout.isTTY === true && !process.env.NO_COLOR;
    process.stdout.write(formatText(findings, summary, colour ? ansi : plain));
  }
  return summary.errors > 0 ? 1 : 0;
});
