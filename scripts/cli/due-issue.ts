// `npm run due-issue`: keep the one "What falls due" issue current with a
// report `npm run due` wrote (as a workflow artifact: read as data).
import { parseArgs } from 'node:util';
import { readArtifactFile } from '../shell/artifact.ts';
import { runCli, UsageError } from '../shell/cli.ts';
import { keepDueIssue } from '../shell/due-issue.ts';
import { GitHubError } from '../shell/github.ts';
import { githubFromEnv } from '../shell/github-cli.ts';

const HELP = `Usage: npm run due-issue -- --file report.md --json report.json [--author LOGIN]

Keeps one issue titled "What falls due" current with the report: creates it
once, edits it after, reopens it rather than opening a second, and closes it
when nothing is due or overdue. Finds its own issue by author and a hidden
marker through every page of issues. Uses GITHUB_TOKEN, GITHUB_REPOSITORY and
GITHUB_API_URL.

Options:
  --file FILE       the report in Markdown (npm run due -- --format md)
  --json FILE       the same report in JSON (npm run due -- --format json): decides open or closed
  --author LOGIN    whose issue is ours (default: GET /user, else github-actions[bot])
  -h, --help        show this help

Exit code: 0 done, 1 GitHub refused, 2 usage error.
`;

const MAX_BYTES = 1_000_000;

/** Whether the JSON report has anything due or overdue (a past meeting without quorum alone is not). */
function somethingDue(json: string): boolean {
  let report: unknown;
  try {
    report = JSON.parse(json);
  } catch {
    throw new UsageError('--json: not JSON');
  }
  const items = (report as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new UsageError('--json: no items list: was it made by npm run due --format json?');
  return items.some((i: unknown) => typeof i === 'object' && i !== null && (i as { kind?: unknown }).kind !== 'inquorate-meeting');
}

runCli(HELP, async (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: { file: { type: 'string' }, json: { type: 'string' }, author: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.file === undefined || values.json === undefined) throw new UsageError('--file and --json are required');
  const body = readArtifactFile('--file', values.file, MAX_BYTES);
  const open = somethingDue(readArtifactFile('--json', values.json, MAX_BYTES));
  try {
    const gh = githubFromEnv('due-issue');
    const result = await keepDueIssue(gh, { body, open, ...(values.author !== undefined ? { author: values.author } : {}) });
    process.stdout.write(
      result.action === 'none' ? `due-issue: ${result.reason}\n` : `due-issue: ${result.action} issue #${result.number}${result.url ? ` (${result.url})` : ''}\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    process.stderr.write(`due-issue: ${error.message}\n`);
    return 1;
  }
});
