// `npm run history -- MEMBER`: one person's service, disclosures, chair
// terms, attendance and ballots.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../core/dates.ts';
import { visible } from '../core/escape.ts';
import { formatHistory, memberHistory } from '../core/history.ts';
import { loadRepository } from '../core/load.ts';
import { closest } from '../core/text.ts';
import { localToday, runCli, UsageError } from '../shell/cli.ts';
import { loadSchemas, readRepository } from '../shell/fs-repo.ts';

const HELP = `Usage: npm run history -- MEMBER [options]

One person's record: service periods, every disclosure, chair terms, check-in
answers, attendance (in all and over the last 12 months) and every ballot they
cast, with the vote's result.

Options:
  --repo DIR            the repository (default: the current directory)
  --today YYYY-MM-DD    the date to count the last 12 months back from (default: today)
  --format FORMAT       text (default) or json
  -h, --help            show this help

Exit code: 0, or 2 for a usage error (an unknown member among them).
`;

runCli(HELP, (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { repo: { type: 'string', default: '.' }, today: { type: 'string' }, format: { type: 'string', default: 'text' } },
    strict: true,
    allowPositionals: true,
  });
  const [id, ...extra] = positionals;
  if (!id || extra.length) throw new UsageError('name exactly one member id');
  const today = values.today ?? localToday();
  if (!isIsoDate(today)) throw new UsageError(`--today ${today}: expected a real date written YYYY-MM-DD`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format ${values.format}: text or json`);
  const disk = readRepository(resolve(values.repo));
  const { model } = loadRepository({ files: disk.files, schemas: loadSchemas(), today });
  const history = memberHistory(model, id, today);
  if (!history) {
    const guess = closest(id, model.members.keys());
    throw new UsageError(`no member "${visible(id)}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
  }
  const text = values.format === 'json' ? `${JSON.stringify(history, null, 2)}\n` : formatHistory(history).split('\n').map(visible).join('\n');
  process.stdout.write(text);
  return 0;
});
