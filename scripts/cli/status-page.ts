// `npm run status-page`: render the committee's published status page to
// DIR/index.html. The page shows the findings, so records with findings
// still give a page and exit code 0; only a usage error stops it.
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFiles } from '../core/check.ts';
import { isIsoDate } from '../core/dates.ts';
import { renderStatusPage, safeUrl } from '../core/status-page.ts';
import { loadSchemas, readRepository } from '../shell/fs-repo.ts';
import { localToday, runCli, UsageError } from '../shell/cli.ts';

const HELP = `Usage: npm run status-page -- [options]

Writes the committee's status page (one self-contained HTML file) to DIR/index.html.

Options:
  --repo DIR            repository whose records to show (default: the current directory)
  --today YYYY-MM-DD    the date to judge "today" by (default: today's local date)
  --out DIR             folder to write index.html into, created if missing (default: site)
  --repo-url URL        https://github.com/OWNER/REPO: findings and RFCs link to their files
  --commit SHA          the commit the page is built from (file links and the footer)
  -h, --help            show this help

Exit code: 0 page written (also when the records have findings: the page shows them),
2 usage error.
`;

runCli(HELP, (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      repo: { type: 'string', default: '.' },
      today: { type: 'string' },
      out: { type: 'string', default: 'site' },
      'repo-url': { type: 'string' },
      commit: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const today = values.today ?? localToday();
  if (!isIsoDate(today)) throw new UsageError(`--today ${today}: expected a real date written YYYY-MM-DD`);
  const repoUrl = values['repo-url'];
  if (repoUrl !== undefined && !safeUrl(repoUrl))
    throw new UsageError(`--repo-url ${repoUrl}: expected an http(s) URL such as https://github.com/OWNER/REPO`);
  const commit = values.commit;
  if (commit !== undefined && !/^[0-9a-f]{7,64}$/i.test(commit))
    throw new UsageError(`--commit ${commit}: expected a commit SHA (7 to 64 hexadecimal digits)`);
  const out = resolve(values.out);
  if (values.out === '') throw new UsageError('--out: expected a folder');
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${values.out}: exists and is not a folder`);

  const repo = readRepository(resolve(values.repo));
  const { loaded, findings, summary } = checkFiles({
    files: repo.files,
    schemas: loadSchemas(),
    today,
    codeowners: repo.codeowners,
  });
  const html = renderStatusPage(loaded.model, findings, summary, {
    today,
    ...(repoUrl !== undefined ? { repoUrl } : {}),
    ...(commit !== undefined ? { commit } : {}),
  });

  mkdirSync(out, { recursive: true });
  const target = join(out, 'index.html');
  // A private temp name in the same folder, then rename: a reader (or a
  // deploy) never sees half a page, and two runs never mix their bytes.
  const temp = join(out, `.index.html.${process.pid}.tmp`);
  try {
    writeFileSync(temp, html);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  process.stdout.write(
    `wrote ${target}: ${summary.committee.members.length} members serving, ${summary.errors} errors, ${summary.warnings} warnings (${summary.files} files checked)\n`,
  );
  return 0;
});
