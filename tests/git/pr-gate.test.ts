// The gate cannot be re-judged by the pull request it judges: the base
// branch's charter judges the PR's records, a charter change is shown as an
// amendment, and a correction that flips a merged vote says so first.
// In process (summarizePullRequest), on real git repositories.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { summarizePullRequest } from '../../scripts/shell/git.ts';
import { baseRepo, type Files } from '../helpers.ts';
import { prRepo } from './git-repo.ts';

const TODAY = '2024-02-28';
const CHARTER = 'governance/charter.yaml';
const MEETING = 'governance/meetings/2024-02-21.yaml';
const VOTE = 'governance/votes/2024-02-21-budget.yaml';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The fixture charter with the charter text beside two numbers, as the data model asks. */
const charter = baseRepo()[CHARTER]!.replace('records_since: 2024-01-01', 'records_since: 2024-01-01   # the day this repository became the record').replace(
  'quorum: { fraction: 0.5, plus: 1, minimum: 4 }',
  'quorum:\n  fraction: 0.5\n  plus: 1\n  minimum: 4   # "a minimum quorum always being at least four (4) members"',
);
const base = (): Files => ({ ...baseRepo(), [CHARTER]: charter });

const meeting = (present: string): string => `date: 2024-02-21\nkind: regular\npresent: [${present}]\nboard: []\nguests: []\n`;
const vote = (ballots: string, result = 'passed', extra = ''): string =>
  `id: 2024-02-21-budget\ndate: 2024-02-21\nmeeting: 2024-02-21\nkind: decision\nmotion: Adopt the budget\nballots: { ${ballots} }\nresult: ${result}\n${extra}`;

async function summary(changes: Files, from: Files = base()) {
  const dir = prRepo(from, changes);
  dirs.push(dir);
  return summarizePullRequest({ dir, base: 'main', head: 'pr', today: TODAY });
}

const newFindings = (o: Awaited<ReturnType<typeof summary>>): string[] => o.gated.fresh.map((f) => `${f.severity} ${f.rule} ${f.file}`);

describe('the base branch charter judges a pull request', () => {
  it('a PR that sets records_since: 2099-01-01 to excuse its vote without quorum still fails, on the vote and on records_since', async () => {
    const o = await summary({
      [CHARTER]: charter.replace('records_since: 2024-01-01', 'records_since: 2099-01-01'),
      [MEETING]: meeting('ann, bob, cat'),
      [VOTE]: vote('ann: yes, bob: yes, cat: no'),
    });
    expect(o.exitCode).toBe(1);
    expect(newFindings(o)).toEqual([`error records-since ${CHARTER}`, `error vote-quorum ${VOTE}`]);
    expect(o.markdown).toContain('### Charter amendment');
    expect(o.markdown).toContain("this PR's own records are judged by the base branch's charter");
    expect(o.markdown).toContain('- `records_since`: 2024-01-01 → 2099-01-01, beside “the day this repository became the record”');
  });

  it('a PR that lowers the quorum minimum is judged by the old minimum; the amendment is shown with its charter text', async () => {
    const o = await summary({
      [CHARTER]: charter.replace('minimum: 4', 'minimum: 3'),
      [MEETING]: meeting('ann, bob, cat'),
      [VOTE]: vote('ann: yes, bob: yes, cat: no'),
    });
    expect(newFindings(o)).toEqual([`error vote-quorum ${VOTE}`]);
    expect(o.gated.fresh[0]?.message).toContain('4 needed (50% + 1, minimum 4)');
    expect(o.markdown).toContain('- `quorum.minimum`: 4 → 3, beside “"a minimum quorum always being at least four (4) members"”');
  });

  it('the same amendment alone passes, and once merged it judges the next PR', async () => {
    const amended = { ...base(), [CHARTER]: charter.replace('minimum: 4', 'minimum: 3') };
    const alone = await summary({ [CHARTER]: amended[CHARTER] });
    expect(alone.exitCode).toBe(0);
    expect(alone.markdown).not.toContain('No governance records change');
    const next = await summary({ [MEETING]: meeting('ann, bob, cat, dan'), [VOTE]: vote('ann: yes, bob: yes, cat: no') }, amended);
    expect(newFindings(next)).toEqual([]);
  });
});

describe('a correction that changes a merged vote says so in the first lines', () => {
  const merged = (): Files => ({
    ...base(),
    [MEETING]: meeting('ann, bob, cat, dan, eve'),
    [VOTE]: vote('ann: yes, bob: yes, cat: yes, dan: no, eve: no'),
  });

  it('three ballots flipped and the result with them: the outcome change and every ballot, before anything else', async () => {
    const o = await summary(
      {
        [VOTE]: vote('ann: no, bob: no, cat: no, dan: no, eve: no', 'not-passed', 'corrections:\n  - { date: 2024-02-25, by: ann, reason: "the minutes say every member voted no" }\n'),
      },
      merged(),
    );
    expect(o.exitCode).toBe(0);
    const lines = o.markdown.split('\n');
    const first = lines.findIndex((l) => l.includes('This PR changes the outcome'));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(lines.findIndex((l) => l.startsWith('### What this PR changes')));
    expect(lines.slice(first, first + 5)).toEqual([
      '> ⚠️ **This PR changes the outcome of vote 2024-02-21-budget from passed to not-passed.**',
      '> - ballot of ann: yes → no',
      '> - ballot of bob: yes → no',
      '> - ballot of cat: yes → no',
      '> - Correction: 2024-02-25 by ann: the minutes say every member voted no',
    ]);
  });

  it('the same flip by someone who is not a member fails the PR', async () => {
    const o = await summary(
      { [VOTE]: vote('ann: no, bob: no, cat: no, dan: no, eve: no', 'not-passed', 'corrections:\n  - { date: 2024-02-25, by: "A friend", reason: "trust me" }\n') },
      merged(),
    );
    expect(o.exitCode).toBe(1);
    expect(newFindings(o)).toEqual([`error record-immutable ${VOTE}`]);
    expect(o.markdown).toContain('This PR changes the outcome of vote 2024-02-21-budget from passed to not-passed');
  });

  it('ballots changed, result kept: says the ballots changed and the result stays', async () => {
    const o = await summary(
      { [VOTE]: vote('ann: yes, bob: yes, cat: yes, dan: abstain, eve: no', 'passed', 'corrections:\n  - { date: 2024-02-25, by: bob, reason: "dan abstained" }\n') },
      merged(),
    );
    expect(o.markdown).toContain('> ⚠️ **This PR changes the recorded ballots of vote 2024-02-21-budget** (its recorded result stays passed).');
    expect(o.markdown).toContain('> - ballot of dan: no → abstain');
  });
});
