// `npm run status -- [--as-of D]`: the committee as it stood on a date.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../core/dates.ts';
import { visible } from '../core/escape.ts';
import { committeeLines } from '../core/format.ts';
import { statusAsOf } from '../core/history.ts';
import { loadRepository } from '../core/load.ts';
import { localToday, runCli, UsageError } from '../shell/cli.ts';
import { loadSchemas, readRepository } from '../shell/fs-repo.ts';

const HELP = `Usage: npm run status -- [options]

The committee as it stood on a date: who served, who chaired, the quorum, the
RFCs open that day (by the dates each RFC records).

Options:
  --as-of YYYY-MM-DD    the date (default: today)
  --repo DIR            the repository (default: the current directory)
  --format FORMAT       text (default) or json
  -h, --help            show this help

Exit code: 0, or 2 for a usage error.
`;

runCli(HELP, (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: { 'as-of': { type: 'string' }, repo: { type: 'string', default: '.' }, format: { type: 'string', default: 'text' } },
    strict: true,
    allowPositionals: false,
  });
  const today = localToday();
  const date = values['as-of'] ?? today;
  if (!isIsoDate(date)) throw new UsageError(`--as-of ${date}: expected a real date written YYYY-MM-DD`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format ${values.format}: text or json`);
  const disk = readRepository(resolve(values.repo));
  const { model } = loadRepository({ files: disk.files, schemas: loadSchemas(), today: date > today ? date : today });
  const state = statusAsOf(model, date);
  if (values.format === 'json') process.stdout.write(`${JSON.stringify(state, null, 2)}\n`);
  else
    process.stdout.write(
      `${committeeLines({ today: date, files: 0, errors: 0, warnings: 0, committee: state })
        .map(visible)
        .join('\n')}\n`,
    );
  return 0;
});
