// `npm run summary`: the pull request report. Loads the base and the head
// from git objects, runs every rule on both, and renders one Markdown report;
// the exit code is 1 only for errors that are new against the base.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../core/dates.ts';
import { localToday, runCli, UsageError } from '../shell/cli.ts';
import { Git, summarizePullRequest } from '../shell/git.ts';

const HELP = `Usage: npm run summary -- [options]

Compares the governance records of a pull request's head with its base, and
writes a Markdown report: what the PR changes (votes with tally and quorum,
members, chair terms, meetings, RFC status changes, disclosures), the new
findings (these fail the PR), the findings already on the base branch (listed,
not blocking), and the committee as it now stands. Both sides are read from
git objects: the working tree is not looked at.

Options:
  --repo DIR            the git repository (default: the current directory)
  --base REF            the base revision (default: the merge base of --base-branch and --head)
  --base-branch REF     the branch the PR merges into (default: origin/main)
  --head REF            the head revision (default: HEAD)
  --today YYYY-MM-DD    the date to judge "today" by (default: today's local date)
  --out FILE            write the report to FILE instead of standard output
  --full-out FILE       also write the report uncut up to 1 MB (for the job summary; the
                        comment is cut at GitHub's 65,536-character limit)
  --repo-url URL        link findings to their lines on the head commit, e.g.
                        https://github.com/owner/repo (default: from GITHUB_SERVER_URL and
                        GITHUB_REPOSITORY when both are set; no links otherwise)
  -h, --help            show this help

Exit code: 0 no new errors, 1 new errors against the base, 2 usage error
(a shallow clone is refused: fetch the full history).
`;

const REPO_URL = /^https?:\/\/[A-Za-z0-9.:-]+(?:\/[A-Za-z0-9._-]+){2}$/;

function repoUrlOf(flag: string | undefined): string | undefined {
  if (flag !== undefined) {
    if (!REPO_URL.test(flag)) throw new UsageError(`--repo-url ${flag}: expected https://host/owner/repo`);
    return flag;
  }
  const server = process.env.GITHUB_SERVER_URL;
  const repo = process.env.GITHUB_REPOSITORY;
  if (!server || !repo) return undefined;
  const url = `${server.replace(/\/+$/, '')}/${repo}`;
  return REPO_URL.test(url) ? url : undefined;
}

/** GitHub's job summary takes up to 1 MiB per step; keep well inside it. */
const JOB_SUMMARY_LIMIT = 1_000_000;

runCli(HELP, async (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      repo: { type: 'string', default: '.' },
      base: { type: 'string' },
      'base-branch': { type: 'string', default: 'origin/main' },
      head: { type: 'string', default: 'HEAD' },
      today: { type: 'string' },
      out: { type: 'string' },
      'full-out': { type: 'string' },
      'repo-url': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const today = values.today ?? localToday();
  if (!isIsoDate(today)) throw new UsageError(`--today ${today}: expected a real date written YYYY-MM-DD`);
  const repoUrl = repoUrlOf(values['repo-url']);

  const defaultBase = values.base === undefined && !argv.some((a) => a === '--base-branch' || a.startsWith('--base-branch='));
  const outcome = await summarizePullRequest({
    dir: resolve(values.repo),
    ...(values.base !== undefined ? { base: values.base } : {}),
    baseBranch: values['base-branch'],
    head: values.head,
    today,
    ...(repoUrl ? { repoUrl } : {}),
    ...(values['full-out'] !== undefined ? { fullLimit: JOB_SUMMARY_LIMIT } : {}),
  }).catch((error: unknown) => {
    // Without a remote there is no origin/main: say which flag names the base.
    if (defaultBase && error instanceof UsageError && error.message.includes('origin/main'))
      throw new UsageError(`${error.message}; name the base branch with --base-branch (e.g. --base-branch main) or the base commit with --base`);
    throw error;
  });
  if (values.head === 'HEAD') {
    // A secretary who runs summary before committing would otherwise read "no change" and trust it.
    const pending = await new Git(resolve(values.repo)).uncommittedRecords().catch(() => []);
    if (pending.length)
      process.stderr.write(
        `summary: note: ${pending.length} record file(s) changed but not committed (${pending.slice(0, 3).join(', ')}${pending.length > 3 ? ', ...' : ''}); ` +
          'summary reads commits only: commit them to include them\n',
      );
  }
  if (values.out !== undefined) writeFileSync(values.out, outcome.markdown);
  else process.stdout.write(outcome.markdown);
  if (values['full-out'] !== undefined && outcome.fullMarkdown !== undefined) writeFileSync(values['full-out'], outcome.fullMarkdown);
  const { newErrors, fresh, existing } = outcome.gated;
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : /(?:s|sh|ch|x)$/.test(word) ? 'es' : 's'}`;
  process.stderr.write(
    `summary: ${outcome.baseSha.slice(0, 12)}..${outcome.headSha.slice(0, 12)}: ${count(newErrors, 'new error')}, ` +
      `${count(fresh.length - newErrors, 'new warning')}, ${count(existing.length, 'existing finding')} (not blocking); ` +
      `${count(outcome.gitProcesses, 'git process')}\n`,
  );
  return outcome.exitCode;
});
