// End to end with real git: a main history, a PR branch, and the real
// `summary` and `check --rev` commands, their entry points run in this
// process (`run`, tests/cli-command.ts: the same arguments, output and exit
// code). tests/workflows/workflows.test.ts runs summary as a child process
// (`cli`), as the workflow does, and tests/cli/explain.test.ts starts it too.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summarizePullRequest, summaryTiming } from '../../scripts/shell/git.ts';
import { baseRepo, type Files } from '../helpers.ts';
import { commit, git, gitRepo, prRepo, run } from './git-repo.ts';

const TODAY = '2024-02-28';
const MEETING = 'governance/meetings/2024-02-21.yaml';
const VOTE = 'governance/votes/2024-02-21-budget.yaml';
const MERGED_VOTE = 'governance/votes/2024-02-07-chair-election.yaml';
const RFC1 = 'rfcs/0001-example.md';

const dirs: string[] = [];
afterAll(() => {
  // Removed by a process of its own that the run does not wait for (deleting is slow on some disks).
  if (dirs.length) spawn('rm', ['-rf', '--', ...dirs], { detached: true, stdio: 'ignore' }).unref();
});

function meeting(present: string): string {
  return `date: 2024-02-21\nkind: regular\npresent: [${present}]\nboard: []\nguests: []\n`;
}

/** A decision vote at the meeting of 2024-02-21: `meeting` is on line 3. */
function vote(ballots: Record<string, string>, motion = 'Adopt the 2024 budget', result = 'passed'): string {
  return [
    'id: 2024-02-21-budget',
    'date: 2024-02-21',
    'meeting: 2024-02-21',
    'kind: decision',
    `motion: ${JSON.stringify(motion)}`,
    'ballots:',
    ...Object.entries(ballots).map(([k, v]) => `  ${k}: ${v}`),
    `result: ${result}`,
    '',
  ].join('\n');
}

const ALL_FIVE = { ann: 'yes', bob: 'yes', cat: 'yes', dan: 'no', eve: 'abstain' };

function pr(changes: Files, base: Files = baseRepo(), mainAfter?: Files): string {
  const dir = prRepo(base, changes, mainAfter);
  dirs.push(dir);
  return dir;
}

/** `npm run summary` on the PR layout, in this process. */
function summary(dir: string, ...extra: string[]): ReturnType<typeof run> {
  return run('summary', ['--repo', dir, '--base', 'main', '--head', 'pr', '--today', TODAY, ...extra]);
}

describe('summary: a pull request judged against its base', () => {
  it('a PR that records a valid vote passes; the report shows the tally and the quorum', async () => {
    const dir = pr({ [MEETING]: meeting('ann, bob, cat, dan, eve'), [VOTE]: vote(ALL_FIVE) });
    const r = await summary(dir);
    expect(r.stderr).toContain('0 new errors');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('## ✅ Governance check passed');
    expect(r.stdout).toContain('- **Vote 2024-02-21-budget** (decision, at the meeting 2024-02-21): “Adopt the 2024 budget”');
    expect(r.stdout).toContain('  - Tally: 3 yes (ann, bob, cat) · 1 no (dan) · 1 abstain (eve)');
    expect(r.stdout).toContain('  - Result: **passed** (the counted ballots give the same)');
    expect(r.stdout).toContain('  - Quorum: 5 of 5 present, 4 needed ✔');
    expect(r.stdout).toContain('- **Meeting 2024-02-21** (regular): 5 of 5 members present, 0 guests, no board member');
    expect(r.stdout).toContain('- Quorum: 4 present (50% + 1, minimum 4)');
    expect(r.stdout).toContain('- Chair: ann since 2024-02-07, term ends 2024-08-07');
    expect(r.stdout).not.toContain('changes the rules');
  });

  it('a vote held on the PR is shown in progress: who may vote, the quorum, how to vote; vote-open keeps it from merging', async () => {
    const file = 'governance/votes/2024-02-27-logo.yaml';
    const dir = pr({ [file]: 'id: 2024-02-27-logo\ndate: 2024-02-27\nasync: { channel: "PR #42", opened: 2024-02-21, closes: 2024-02-27 }\nkind: decision\nmotion: Adopt the logo\n' });
    const r = await summary(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      [
        '- **Vote 2024-02-27-logo in progress** (decision, on PR #\u200d42, opened 2024-02-21, closes 2024-02-27): “Adopt the logo”',
        '  - Who may vote (serving on 2024-02-27): ann, bob, cat, dan, eve',
        '  - Quorum: 4 of 5 must take part (a ballot, abstain included)',
        '  - Members vote with a comment line `/vote yes`, `/vote no` or `/vote abstain` on this PR; the live tally is under “Vote in progress”. After it closes, `npm run record -- ballots --pr N` records the ballots and the PR can merge',
      ].join('\n'),
    );
    expect(r.stdout).toContain('`vote-open`');
    expect(r.stdout).not.toContain('No ballots recorded');
  });

  it('a PR that records a vote without quorum fails with vote-quorum on the meeting line of the vote', async () => {
    const dir = pr({
      [MEETING]: meeting('ann, bob, cat'),
      [VOTE]: vote({ ann: 'yes', bob: 'yes', cat: 'no', dan: 'no' }),
    });
    const r = await summary(dir, '--repo-url', 'https://github.com/example/governance');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^## ❌ Governance check failed: \d+ new errors?$/m);
    const head = git(dir, 'rev-parse', 'pr');
    const row = r.stdout.split('\n').find((l) => l.includes('`vote-quorum`'));
    expect(row).toBe(
      `| ❌ error | \`vote-quorum\` | [${VOTE}:3](https://github.com/example/governance/blob/${head}/${VOTE}#L3) | quorum not met: 3 of 5 members present, 4 needed (50% + 1, minimum 4); who was present is the present list of governance/meetings/2024-02-21.yaml |`,
    );
    expect(r.stdout).toContain('  - Quorum: 3 of 5 present, 4 needed ✘ (no quorum)');
    // The recorded ballots and the counted ones are told apart, and the result is qualified.
    expect(r.stdout).toContain('  - Ballots recorded: 2 yes (ann, bob) · 2 no (cat, dan) · 0 abstain');
    expect(r.stdout).toContain('  - Not counted: dan (not present)');
    expect(r.stdout).toContain('  - Counted: 2 yes · 1 no · 0 abstain');
    expect(r.stdout).toContain('(the counted ballots give the same); without quorum the vote decides nothing');

    // check --rev reads the same revision from git objects: the same finding, at the same place.
    const c = await run('check', ['--repo', dir, '--rev', 'pr', '--today', TODAY]);
    expect(c.status).toBe(1);
    expect(c.stdout).toContain(`${VOTE}:3:1 error vote-quorum quorum not met`);
  });

  it('a PR on a base that already has a violation passes; the old one is listed as existing, even when it moved', async () => {
    const broken = { ...baseRepo(), 'governance/sigs/cloud.yaml': 'id: cloud\nname: Cloud SIG\nliaison: zed\n' };
    const dir = pr(
      {
        [MEETING]: meeting('ann, bob, cat, dan, eve'),
        [VOTE]: vote(ALL_FIVE),
        // The existing finding moves two lines down: matched by rule, file and message, not line.
        'governance/sigs/cloud.yaml': '# the Cloud SIG\n# liaison to be confirmed\nid: cloud\nname: Cloud SIG\nliaison: zed\n',
      },
      broken,
    );
    const r = await summary(dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('## ✅ Governance check passed');
    expect(r.stdout).toMatch(/<details><summary>Existing findings on the base branch \(\d+\): not blocking<\/summary>/);
    const existing = r.stdout.slice(r.stdout.indexOf('<details>'), r.stdout.indexOf('</details>'));
    expect(existing).toContain('| `unknown-reference` | governance/sigs/cloud.yaml:5 |');
    expect(r.stdout.slice(0, r.stdout.indexOf('<details>'))).not.toContain('unknown-reference');
  });

  it('a PR that edits a merged vote\'s ballots fails record-immutable without a correction, and passes with one', async () => {
    const merged = baseRepo()[MERGED_VOTE]!;
    const edited = merged.replace('dan: abstain', 'dan: ann');
    const without = await summary(pr({ [MERGED_VOTE]: edited }));
    expect(without.status).toBe(1);
    expect(without.stdout).toContain(
      `| ❌ error | \`record-immutable\` | ${MERGED_VOTE}:12 | vote 2024-02-07-chair-election is merged on the base branch: this PR changes ballots.dan (abstain -&gt; ann) without appending a corrections entry (date, by, reason) that says why |`,
    );
    expect(without.stdout).toContain('- **Vote 2024-02-07-chair-election changed**: ballots.dan (abstain → ann)');

    const corrected = `${edited}corrections:\n  - { date: 2024-02-27, by: ann, reason: "dan voted for ann (minutes, item 2)" }\n`;
    const withOne = await summary(pr({ [MERGED_VOTE]: corrected }));
    expect(withOne.status).toBe(0);
    expect(withOne.stdout).toContain('  - Correction appended: 2024-02-27 by ann: dan voted for ann (minutes, item 2)');
  });

  it('an illegal RFC status jump fails rfc-transition at the status line', async () => {
    const rfc = baseRepo()[RFC1]!.replace('status: discussion', 'status: accepted');
    const r = await summary(pr({ [RFC1]: rfc }));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      `| ❌ error | \`rfc-transition\` | ${RFC1}:5 | RFC 0001 changes status from discussion to accepted, which the RFC lifecycle does not allow: from discussion an RFC moves to fcp or withdrawn |`,
    );
    expect(r.stdout).toContain('- RFC 0001 (An example proposal): discussion → accepted');
  });

  it('a motion containing `| @everyone <img src=x>` is rendered harmless', async () => {
    const motion = 'Adopt | @everyone <img src=x onerror=alert(1)> ![i](https://x/y.png) **now** #12';
    const r = await summary(pr({ [MEETING]: meeting('ann, bob, cat, dan, eve'), [VOTE]: vote(ALL_FIVE, motion) }));
    expect(r.status).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('- **Vote 2024-02-21-budget**')) ?? '';
    expect(line).toContain(
      '“Adopt &#124; @\u200deveryone &lt;img src=x onerror=alert(1)&gt; !\\[i\\](https:\u200d//x/y.png) \\*\\*now\\*\\* #\u200d12”',
    );
    expect(r.stdout).not.toMatch(/@everyone|<img|\|\s*@/);
  });

  it('names a PR that changes the rules, but not one that only regenerates .github/CODEOWNERS', async () => {
    const rules = await summary(pr({ 'scripts/rules/extra.ts': 'export {};\n', 'governance/charter.yaml': baseRepo()['governance/charter.yaml']! + '# reviewed\n' }));
    expect(rules.stdout).toContain('> ⚠️ **This PR changes the rules: needs code-owner review.** It changes governance/charter.yaml, scripts/rules/extra.ts.');

    const withGithub = { ...baseRepo(), '.github/CODEOWNERS': '/scripts/ @ann-gh\n', '.github/workflows/x.yml': 'name: x\n' };
    const codeownersOnly = await summary(pr({ '.github/CODEOWNERS': '/scripts/ @ann-gh @bob-gh\n' }, withGithub));
    expect(codeownersOnly.stdout).not.toContain('changes the rules');
    const workflow = await summary(pr({ '.github/workflows/x.yml': 'name: y\n' }, withGithub));
    expect(workflow.stdout).toContain('changes the rules: needs code-owner review.** It changes .github/workflows/x.yml.');
  });

  it('names a PR that changes what the checker installs or how it is built: after merge that code runs with the poster\'s write token', async () => {
    for (const file of ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', '.npmrc', 'tsconfig.json']) {
      const r = await summary(pr({ [file]: '{"changed": true}\n' }));
      expect(r.stdout, file).toContain(`> ⚠️ **This PR changes the rules: needs code-owner review.** It changes ${file}.`);
    }
  });

  it('defaults: the head is HEAD and the base is the merge base with origin/main', async () => {
    // main moves on after the branch: its new meeting is not "removed" by the PR.
    const dir = pr({ [MEETING]: meeting('ann, bob, cat, dan, eve') }, baseRepo(), {
      'governance/meetings/2024-02-14.yaml': meeting('ann, bob, cat, dan').replace('2024-02-21', '2024-02-14'),
    });
    git(dir, 'update-ref', 'refs/remotes/origin/main', 'main');
    const r = await run('summary', ['--repo', dir, '--today', TODAY]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('- **Meeting 2024-02-21** (regular)');
    expect(r.stdout).not.toContain('2024-02-14');
    const mergeBase = git(dir, 'merge-base', 'main', 'pr');
    expect(r.stdout).toContain(`Base \`${mergeBase.slice(0, 7)}\``);
  });

  it('writes the report to --out', async () => {
    const dir = pr({ [MEETING]: meeting('ann, bob, cat, dan, eve') });
    const out = join(dir, 'report.md');
    const r = await summary(dir, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });
});

describe('summary and check --rev: safe git handling', () => {
  it('refuses a shallow clone with a clear message', async () => {
    const origin = pr({ [MEETING]: meeting('ann, bob, cat, dan, eve') });
    const shallow = join(origin, 'shallow');
    git(origin, 'clone', '-q', '--depth', '1', '--branch', 'pr', `file://${origin}`, shallow);
    const r = await run('summary', ['--repo', shallow, '--base', 'HEAD', '--today', TODAY]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is a shallow clone: the merge base with the base branch cannot be found');
    expect(r.stderr).toContain('fetch-depth: 0');
  });

  it.each([
    ['an option in disguise', '--output=/tmp/x', 'a revision cannot start with "-"'],
    ['an unknown revision', 'no-such-branch', 'revision "no-such-branch" is not a commit'],
  ])('refuses %s as a revision', async (_name, rev, message) => {
    const dir = pr({});
    const r = await run('summary', ['--repo', dir, `--base=${rev}`, '--today', TODAY]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    const c = await run('check', ['--repo', dir, `--rev=${rev}`, '--today', TODAY]);
    expect(c.status).toBe(2);
    expect(c.stderr).toContain(message);
  });

  it('check --rev reads git objects, not the working tree', async () => {
    const dir = pr({ [MEETING]: meeting('ann, bob, cat, dan, eve') });
    writeFileSync(join(dir, MEETING), 'date: [broken\n');
    expect((await run('check', ['--repo', dir, '--today', TODAY])).status).toBe(1);
    const r = await run('check', ['--repo', dir, '--rev', 'HEAD', '--today', TODAY]);
    expect(r.stdout).not.toContain('yaml-syntax');
    expect(r.status).toBe(0);
  });

  it('starts the same number of git processes whatever the number of files', async () => {
    const small = pr({ [MEETING]: meeting('ann, bob, cat, dan, eve') });
    const many: Files = { ...baseRepo() };
    for (let i = 0; i < 120; i++) many[`governance/sigs/sig-${i}.yaml`] = `id: sig-${i}\nname: SIG ${i}\n`;
    const large = pr({ [MEETING]: meeting('ann, bob, cat, dan, eve'), 'governance/sigs/sig-0.yaml': 'id: sig-0\nname: SIG zero\n' }, many);
    const a = await summaryTiming(small, 'main', 'pr', TODAY);
    const b = await summaryTiming(large, 'main', 'pr', TODAY);
    expect(a.gitProcesses).toBe(b.gitProcesses);
    expect(a.gitProcesses).toBeLessThanOrEqual(6);
    expect(b.ms).toBeGreaterThan(0);
  });
});

describe('gitRepo helper sanity', () => {
  it('commits on main', () => {
    const dir = gitRepo(baseRepo());
    dirs.push(dir);
    const sha = commit(dir, { [MEETING]: meeting('ann') });
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('summary reads commits, never the working tree', () => {
  it('says so when record files are changed but not committed', async () => {
    const dir = pr({ [MEETING]: meeting('ann, bob, cat, dan') });
    git(dir, 'checkout', '-q', 'pr');
    writeFileSync(join(dir, 'governance/meetings/2024-03-06.yaml'), 'date: 2024-03-06\nkind: regular\npresent: [ann, bob, cat, dan]\n');
    const r = await run('summary', ['--repo', dir, '--base', 'main', '--today', TODAY]);
    expect(r.stderr).toContain(
      'summary: note: 1 record file(s) changed but not committed (governance/meetings/2024-03-06.yaml); summary reads commits only: commit them to include them',
    );
    expect(r.stdout).not.toContain('2024-03-06');
  });
});

describe('the report says when a vote was a tie', () => {
  it('a tie without a casting vote is not passed, and the report says it was a tie', async () => {
    const dir = pr({
      [MEETING]: meeting('ann, bob, cat, dan'),
      [VOTE]: vote({ ann: 'yes', bob: 'yes', cat: 'no', dan: 'no' }, 'Adopt the 2024 budget', 'not-passed'),
    });
    const r = await summary(dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  - Result: **not-passed** (the counted ballots give the same); a tie, 2 to 2');
  });
});

describe('summary in a repository without a remote', () => {
  it('says how to name the base when origin/main does not exist', async () => {
    const dir = pr({ [MEETING]: meeting('ann, bob, cat, dan') });
    const r = await run('summary', ['--repo', dir, '--head', 'pr', '--today', TODAY]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('name the base branch with --base-branch (e.g. --base-branch main) or the base commit with --base');
  });
});

describe('the full report for the job summary', () => {
  it('--full-out renders the report uncut while the comment is cut to its limit', async () => {
    const dir = pr({
      [MEETING]: meeting('ann, bob, cat'),
      [VOTE]: vote({ ann: 'yes', bob: 'yes', cat: 'no' }),
    });
    const outcome = await summarizePullRequest({ dir, base: 'main', head: 'pr', today: TODAY, limit: 600, fullLimit: 1_000_000 });
    expect(outcome.markdown.length).toBeLessThanOrEqual(600);
    expect(outcome.markdown).toContain('✂️');
    expect(outcome.fullMarkdown!.length).toBeGreaterThan(600);
    expect(outcome.fullMarkdown).not.toContain('✂️');

    const out = join(dir, 'full.md');
    const r = await summary(dir, '--full-out', out);
    expect(r.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
  });
});
