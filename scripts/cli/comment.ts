// `npm run comment`: post the summary report on a pull request, as one
// comment that later runs update in place.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCli, UsageError } from '../shell/cli.ts';
import { GitHub, GitHubError, parsePrNumber, postReport } from '../shell/github.ts';

const HELP = `Usage: npm run comment -- --pr N --file report.md [options]

Posts the report on pull request N as one comment: finds its own earlier
comment (by its author and a hidden marker, through every page of comments)
and updates it, or creates one. Two runs racing each other still leave one.

Options:
  --pr N                the pull request number (a positive integer)
  --file FILE           the report, as \`npm run summary -- --out FILE\` wrote it
  --head-sha SHA        post only if the PR's head is this commit (the workflow_run's
                        head SHA: the artifact's PR number must belong to this run)
  --author LOGIN        whose comments are ours (default: the token's user from GET /user;
                        github-actions[bot] when GET /user is forbidden, as for the
                        Actions GITHUB_TOKEN)
  -h, --help            show this help

Environment: GITHUB_TOKEN (needs pull-requests: write), GITHUB_REPOSITORY (owner/repo),
GITHUB_API_URL (default https://api.github.com).

Exit code: 0 posted (or skipped: the PR moved on), 1 GitHub refused, 2 usage error.
`;

runCli(HELP, async (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      pr: { type: 'string' },
      file: { type: 'string' },
      'head-sha': { type: 'string' },
      author: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.pr === undefined) throw new UsageError('--pr N is required');
  if (values.file === undefined) throw new UsageError('--file FILE is required');
  let pr: number;
  try {
    pr = parsePrNumber(values.pr);
  } catch (error) {
    throw new UsageError(`--pr: ${error instanceof Error ? error.message : String(error)}`);
  }
  const headSha = values['head-sha'];
  if (headSha !== undefined && !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i.test(headSha))
    throw new UsageError(`--head-sha ${headSha.slice(0, 80)}: expected a full commit SHA`);
  let report: string;
  try {
    report = readFileSync(values.file, 'utf8');
  } catch (error) {
    throw new UsageError(`--file ${values.file}: ${error instanceof Error ? error.message : String(error)}`);
  }

  try {
    const gh = new GitHub({
      token: process.env.GITHUB_TOKEN ?? '',
      repository: process.env.GITHUB_REPOSITORY ?? '',
      apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
      log: (line) => process.stderr.write(`comment: ${line}\n`),
    });
    const result = await postReport(gh, {
      pr,
      report,
      ...(headSha !== undefined ? { headSha } : {}),
      ...(values.author !== undefined ? { author: values.author } : {}),
    });
    if (result.action === 'skipped') process.stdout.write(`comment: skipped: ${result.reason}\n`);
    else process.stdout.write(`comment: ${result.action} comment ${result.id} on #${pr}${result.url ? ` (${result.url})` : ''}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    process.stderr.write(`comment: ${error.message}\n`);
    return error.status === 0 && /GITHUB_(TOKEN|REPOSITORY|API_URL)/.test(error.message) ? 2 : 1;
  }
});
