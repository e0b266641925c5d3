// `npm run comment`: post the summary report on a pull request, as one
// comment that later runs update in place.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { visible } from '../core/escape.ts';
import { readArtifactFile } from '../shell/artifact.ts';
import { runCli, UsageError } from '../shell/cli.ts';
import { GitHubError, postReport, postSection } from '../shell/github.ts';
import { githubFromEnv, prNumberOption, shaOption } from '../shell/github-cli.ts';

const HELP = `Usage: npm run comment -- --pr N --file report.md [options]

Posts the report on pull request N as one comment: finds its own earlier
comment (by its author and a hidden marker, through every page of comments)
and updates it, or creates one. Two runs racing each other still leave one.

Options:
  --pr N                the pull request number (a positive integer)
  --pr-file FILE        read the pull request number from FILE instead (the artifact's pr-number)
  --file FILE           the report, as \`npm run summary -- --out FILE\` wrote it (at most 1 MiB)
  --head-sha SHA        post only if the PR's head is this commit (the workflow_run's
                        head SHA: the artifact's PR number must belong to this run)
  --attestation FILE    the Attestation / Vote in progress section (\`npm run attest\`'s
                        Markdown), kept in the comment between its own markers
  --section-only        with --attestation and no --file: refresh only that section
                        of the existing comment (after a /vote comment)
  --author LOGIN        whose comments are ours (default: the token's user from GET /user;
                        github-actions[bot] when GET /user is forbidden, as for the
                        Actions GITHUB_TOKEN)
  -h, --help            show this help

Environment: GITHUB_TOKEN (needs pull-requests: write), GITHUB_REPOSITORY (owner/repo),
GITHUB_API_URL (default https://api.github.com).

FILE and the --pr-file are read as plain files only: they come from an artifact
that a pull request's own workflow may have written, so a symbolic link, a
directory, a device or an oversized file is refused, never followed or read.

Exit code: 0 posted (or skipped: the PR moved on), 1 GitHub refused, 2 usage error.
`;

/** A report summary writes is at most 65,536 characters: 1 MiB is far more than any. */
export const MAX_REPORT_BYTES = 1024 * 1024;

runCli(HELP, async (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      pr: { type: 'string' },
      'pr-file': { type: 'string' },
      file: { type: 'string' },
      'head-sha': { type: 'string' },
      author: { type: 'string' },
      attestation: { type: 'string' },
      'section-only': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const sectionOnly = values['section-only'] === true;
  if (sectionOnly && (values.attestation === undefined || values.file !== undefined)) throw new UsageError('--section-only takes --attestation FILE and no --file');
  if (!sectionOnly && values.file === undefined) throw new UsageError('--file FILE is required');
  const pr = prNumberOption(values);
  const headSha = shaOption('--head-sha', values['head-sha']);
  const report = sectionOnly ? '' : readArtifactFile('--file', values.file ?? '', MAX_REPORT_BYTES);
  // attest writes the section; when it could not run, the report is posted without one.
  const attestationFile = values.attestation !== undefined && existsSync(values.attestation) ? values.attestation : undefined;
  if (values.attestation !== undefined && attestationFile === undefined) process.stderr.write(`comment: ${visible(values.attestation)} does not exist: no attestation section this time\n`);
  const attestation = attestationFile !== undefined ? readArtifactFile('--attestation', attestationFile, MAX_REPORT_BYTES) : undefined;

  try {
    const gh = githubFromEnv('comment');
    if (sectionOnly && attestation === undefined) return 0;
    const result = sectionOnly
      ? await postSection(gh, { pr, section: attestation ?? '', ...(values.author !== undefined ? { author: values.author } : {}) })
      : await postReport(gh, {
      pr,
      report,
      ...(attestation !== undefined ? { attestation } : {}),
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
