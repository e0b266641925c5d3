// `npm run attest`: each ballot a pull request records, confirmed (or not)
// by the voter's own GitHub account: a `/vote` comment or an approving review.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { attest, attestationMarkdown, unattested } from '../core/attest.ts';
import { changedPaths } from '../core/changes.ts';
import { isIsoDate } from '../core/dates.ts';
import { loadRepository } from '../core/load.ts';
import { escapeText } from '../core/report.ts';
import { prComments, prReviews, setAttestationStatus } from '../shell/attest.ts';
import { localToday, runCli, UsageError } from '../shell/cli.ts';
import { loadSchemas } from '../shell/fs-repo.ts';
import { Git } from '../shell/git.ts';
import { GitHubError } from '../shell/github.ts';
import { githubFromEnv, prNumberOption, shaOption } from '../shell/github-cli.ts';

const HELP = `Usage: npm run attest -- --pr N [options]

For every ballot in the vote files a pull request adds or changes, whether the
voter confirmed it from their own GitHub account (the \`github\` field of their
member file on the base branch): a comment with a line \`/vote yes\` (no,
abstain, or a candidate's id; add the vote's id when the PR records several
votes), or an approving review. Statuses: attested, contradicted, missing,
no-handle. Uses GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL.

Options:
  --pr N                the pull request
  --pr-file FILE        read N from FILE instead (an artifact's pr-number: read as a plain file only)
  --head-sha SHA        attest only if the PR's head is this commit (else say so, write an
                        empty section, exit 0): the head is then this commit
  --repo DIR            the git repository (default: the current directory)
  --base REF            the base revision (default: the merge base of --base-branch and --head)
  --base-branch REF     the branch the PR merges into (default: origin/main)
  --head REF            the head revision (default: HEAD)
  --format FORMAT       md (default: the comment's Attestation section) or json
  --out FILE            write it to FILE instead of standard output
  --status-sha SHA      also set the commit status governance/attestation on SHA
  --today YYYY-MM-DD    the date to load the records on (default: today)
  -h, --help            show this help

Exit code: 0, or 1 when the charter sets attestation: required and a ballot is
contradicted or missing (or GitHub refused); 2 for a usage error.
`;

runCli(HELP, async (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      pr: { type: 'string' },
      'pr-file': { type: 'string' },
      'head-sha': { type: 'string' },
      repo: { type: 'string', default: '.' },
      base: { type: 'string' },
      'base-branch': { type: 'string', default: 'origin/main' },
      head: { type: 'string', default: 'HEAD' },
      format: { type: 'string', default: 'md' },
      out: { type: 'string' },
      'status-sha': { type: 'string' },
      today: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const pr = prNumberOption(values);
  const wantHead = shaOption('--head-sha', values['head-sha']);
  if (values.format !== 'md' && values.format !== 'json') throw new UsageError(`--format ${values.format}: md or json`);
  const sha = shaOption('--status-sha', values['status-sha']);
  const today = values.today ?? localToday();
  if (!isIsoDate(today)) throw new UsageError(`--today ${today}: expected a real date written YYYY-MM-DD`);

  const git = new Git(resolve(values.repo));
  const headSha = await git.resolve(wantHead ?? values.head);
  const baseSha = values.base !== undefined ? await git.resolve(values.base) : await git.mergeBase(await git.resolve(values['base-branch']), headSha);
  const [base, head] = await git.readRevisions([baseSha, headSha]);
  if (!base || !head) throw new Error('could not read both revisions');
  const schemas = loadSchemas();
  const baseModel = loadRepository({ files: base.files, schemas, today, codeowners: base.codeowners }).model;
  const headModel = loadRepository({ files: head.files, schemas, today, codeowners: head.codeowners }).model;
  const changed = new Set(changedPaths(base.blobs, head.blobs));
  const votes = [...headModel.votes.values()].filter((v) => changed.has(v.file)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const required = baseModel.charter?.attestation === 'required';

  try {
    const gh = githubFromEnv('attest');
    if (wantHead !== undefined) {
      const now = await gh.pullHeadSha(pr);
      if (now.toLowerCase() !== wantHead.toLowerCase()) {
        process.stderr.write(`attest: skipped: pull request #${pr} is at ${now.slice(0, 12)}, not at ${wantHead.slice(0, 12)} (a newer run will attest)\n`);
        if (values.out !== undefined) writeFileSync(values.out, '');
        return 0;
      }
    }
    const [comments, reviews] = votes.length ? await Promise.all([prComments(gh, pr), prReviews(gh, pr)]) : [[], []];
    const result = attest(baseModel, votes, comments, reviews);
    const open = unattested(result);
    const text =
      values.format === 'json'
        ? `${JSON.stringify({ required, ...result }, null, 2)}\n`
        : `${attestationMarkdown(result, escapeText, required).join('\n')}\n`;
    if (values.out !== undefined) writeFileSync(values.out, text);
    else process.stdout.write(text);
    if (sha !== undefined) {
      const all = result.votes.flatMap((v) => v.ballots);
      const confirmed = all.filter((b) => b.status === 'attested').length;
      const live = result.live ?? [];
      const inProgress = live.map((v) => `vote ${v.id} in progress: ${v.ballots.length} of ${v.serving.length} voted`).join('; ');
      const words = [all.length === 0 ? (live.length ? '' : 'no ballots recorded in this PR') : `${confirmed} of ${all.length} ballots confirmed by their voters`, inProgress].filter(Boolean).join('; ');
      await setAttestationStatus(gh, sha, required && open.length > 0 ? 'failure' : 'success', required ? words : `${words} (reported, not required)`);
    }
    return required && open.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    process.stderr.write(`attest: ${error.message}\n`);
    return 1;
  }
});
