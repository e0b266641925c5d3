// Ballots attested by the voters' own accounts: which comment lines are
// ballots, and each ballot's status.
import { describe, expect, it } from 'vitest';
import { attest, ballotsIn, type PrComment, type PrReview } from '../../scripts/core/attest.ts';
import { loadRepository } from '../../scripts/core/load.ts';
import type { Vote } from '../../scripts/core/model.ts';
import { loadSchemas } from '../../scripts/shell/fs-repo.ts';
import { FIXTURE_TODAY, repoWith, type Files } from '../helpers.ts';

describe('which lines are ballots', () => {
  it.each<[string, string, { value: string; vote?: string }[]]>([
    ['a line of its own', '/vote yes', [{ value: 'yes' }]],
    ['with the vote id', '/vote no 2024-02-14-budget', [{ value: 'no', vote: '2024-02-14-budget' }]],
    ['a chair election: a member id', '/vote ann', [{ value: 'ann' }]],
    ['among other lines, spaces around', 'I agree.\n  /vote abstain  \nThanks', [{ value: 'abstain' }]],
    ['two lines: both (the latest counts later)', '/vote yes\n/vote no', [{ value: 'yes' }, { value: 'no' }]],
    ['CRLF line ends', 'hello\r\n/vote yes\r\n', [{ value: 'yes' }]],
    ['in a sentence', 'please /vote yes on this', []],
    ['in backticks', '`/vote yes`', []],
    ['in a fenced code block', '```\n/vote yes\n```', []],
    ['in a tilde fence', '~~~md\n/vote yes\n~~~\n/vote no', [{ value: 'no' }]],
    ['indented as code', '    /vote yes', []],
    ['quoted from someone else', '> /vote yes', []],
    ['with trailing words', '/vote yes because', []],
    ['capitals are not ballots', '/VOTE YES', []],
  ])('%s', (_name, body, expected) => {
    expect(ballotsIn(body)).toEqual(expected);
  });
});

const encoder = new TextEncoder();
const modelOf = (files: Files) =>
  loadRepository({
    files: Object.entries(files).filter((e): e is [string, string] => typeof e[1] === 'string').map(([path, text]) => ({ path, bytes: encoder.encode(text) })),
    schemas: loadSchemas(),
    today: FIXTURE_TODAY,
  }).model;

const VOTE = 'id: 2024-02-14-budget\ndate: 2024-02-14\nmeeting: 2024-02-14\nkind: decision\nmotion: Adopt\nballots: { ann: yes, bob: no, cat: yes, dan: abstain }\nresult: passed\n';
const files = repoWith({
  'governance/meetings/2024-02-14.yaml': 'date: 2024-02-14\nkind: regular\npresent: [ann, bob, cat, dan]\nboard: []\n',
  'governance/votes/2024-02-14-budget.yaml': VOTE,
  'governance/members/dan.yaml': 'id: dan\nname: Dan\nservice:\n  - { from: 2024-01-10, appointed_by: board }\ndisclosures:\n  - { date: 2024-01-10, employer: X }\n',
});
const model = modelOf(files);
const votes = [model.votes.get('2024-02-14-budget') as Vote];
let n = 0;
const comment = (login: string, body: string, at = '2024-02-15T10:00:00Z'): PrComment => ({ id: ++n, login, body, url: `https://github.com/o/r/pull/1#issuecomment-${n}`, createdAt: at });

describe('each ballot gets one status', () => {
  it('attested, contradicted, missing, no-handle; a non-member is ignored with why', () => {
    const a = attest(model, votes, [comment('ann-gh', '/vote yes'), comment('BOB-GH', '/vote yes'), comment('mallory', '/vote no')], []);
    expect(a.votes[0]?.ballots.map((b) => `${b.member} ${b.recorded} ${b.status}${b.said ? ` said ${b.said}` : ''}`)).toEqual([
      'ann yes attested said yes',
      'bob no contradicted said yes',
      'cat yes missing',
      'dan abstain no-handle',
    ]);
    expect(a.ignored).toEqual([{ login: 'mallory', said: '/vote no', why: '@mallory is not the GitHub account of any member (the `github` field of a member file)', url: 'https://github.com/o/r/pull/1#issuecomment-3' }]);
  });

  it('the latest comment of the account counts', () => {
    const a = attest(model, votes, [comment('bob-gh', '/vote no', '2024-02-16T10:00:00Z'), comment('bob-gh', '/vote yes', '2024-02-15T10:00:00Z')], []);
    expect(a.votes[0]?.ballots[1]).toMatchObject({ member: 'bob', status: 'attested', said: 'no' });
  });

  it('an approving review confirms; a later request for changes withdraws it; a /vote wins over a review', () => {
    const review = (login: string, state: string, at: string): PrReview => ({ login, state, submittedAt: at, url: 'https://github.com/o/r/pull/1#pullrequestreview-1' });
    const statuses = (reviews: PrReview[], comments: PrComment[] = []) => attest(model, votes, comments, reviews).votes[0]!.ballots.slice(0, 3).map((b) => b.status);
    expect(statuses([review('cat-gh', 'APPROVED', '2024-02-15T10:00:00Z')])).toEqual(['missing', 'missing', 'attested']);
    expect(statuses([review('cat-gh', 'APPROVED', '2024-02-15T10:00:00Z'), review('cat-gh', 'CHANGES_REQUESTED', '2024-02-16T10:00:00Z')])).toEqual(['missing', 'missing', 'missing']);
    expect(statuses([review('cat-gh', 'APPROVED', '2024-02-15T10:00:00Z'), review('cat-gh', 'COMMENTED', '2024-02-16T10:00:00Z')])).toEqual(['missing', 'missing', 'attested']);
    expect(statuses([review('bob-gh', 'APPROVED', '2024-02-15T10:00:00Z')], [comment('bob-gh', '/vote yes')])).toEqual(['missing', 'contradicted', 'missing']);
  });

  it('several votes in one PR: a ballot names its vote; a member without a recorded ballot is ignored', () => {
    const other = { ...votes[0]!, id: '2024-02-14-other' } as Vote;
    const a = attest(model, [votes[0]!, other], [comment('ann-gh', '/vote yes'), comment('ann-gh', '/vote yes 2024-02-14-budget'), comment('eve-gh', '/vote yes 2024-02-14-budget')], []);
    expect(a.votes[0]?.ballots[0]).toMatchObject({ member: 'ann', status: 'attested' });
    expect(a.votes[1]?.ballots[0]).toMatchObject({ member: 'ann', status: 'missing' });
    expect(a.ignored.map((i) => i.why)).toEqual([
      'this PR records 2 votes: name the vote, e.g. /vote yes 2024-02-14-budget',
      'no ballot of eve is recorded in vote 2024-02-14-budget',
    ]);
  });

  it("a PR cannot put its own account in a member's github: the handles are the base branch's", () => {
    const head = modelOf({ ...files, 'governance/members/cat.yaml': files['governance/members/cat.yaml']!.toString().replace('github: cat-gh', 'github: mallory') });
    const a = attest(model, [head.votes.get('2024-02-14-budget') as Vote], [comment('mallory', '/vote yes')], []);
    expect(a.votes[0]?.ballots[2]).toMatchObject({ member: 'cat', status: 'missing' });
    expect(a.ignored[0]?.login).toBe('mallory');
  });
});
