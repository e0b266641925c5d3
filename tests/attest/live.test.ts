// A vote held on the pull request (async.closes): the live tally from the
// serving members' own `/vote` comments, judged as the recorded vote will be.
import { describe, expect, it } from 'vitest';
import { attest, attestationMarkdown, type PrComment } from '../../scripts/core/attest.ts';
import type { Vote } from '../../scripts/core/model.ts';
import { escapeText } from '../../scripts/core/report.ts';
import { loadModel, repoWith, type Files } from '../helpers.ts';

const OPEN = 'id: 2024-02-22-logo\ndate: 2024-02-22\nasync: { channel: "PR #42", opened: 2024-02-15, closes: 2024-02-22 }\nkind: decision\nmotion: Adopt the logo\n';
const ELECTION =
  'id: 2024-02-22-chair-election\ndate: 2024-02-22\nasync: { channel: "PR #43", opened: 2024-02-15, closes: 2024-02-22 }\nkind: chair-election\nmotion: Elect the chair\n' +
  'candidates:\n  - { member: bob, nominated_by: ann, accepted: true }\n  - { member: cat, nominated_by: dan, accepted: true }\n';

function setup(files: Files = {}): { model: ReturnType<typeof loadModel>; vote: (id: string) => Vote } {
  const model = loadModel(repoWith({ 'governance/votes/2024-02-22-logo.yaml': OPEN, ...files }));
  return { model, vote: (id) => model.votes.get(id) as Vote };
}
let n = 0;
const said = (login: string, body: string, at = '2024-02-16T10:00:00Z', updatedAt?: string): PrComment => ({
  id: ++n,
  login,
  body,
  url: `https://github.com/o/r/pull/42#issuecomment-${n}`,
  createdAt: at,
  ...(updatedAt ? { updatedAt } : {}),
});

describe('a vote in progress: the live tally', () => {
  it.each<[string, PrComment[], { voted: string[]; waiting: string[]; tookPart: number; met: boolean; result: string | undefined; ignored: string[] }]>([
    ['no one has voted', [], { voted: [], waiting: ['ann', 'bob', 'cat', 'dan', 'eve'], tookPart: 0, met: false, result: undefined, ignored: [] }],
    [
      'three of five: below the quorum of four, no result yet',
      [said('ann-gh', '/vote yes'), said('bob-gh', '/vote yes'), said('cat-gh', '/vote no')],
      { voted: ['ann yes', 'bob yes', 'cat no'], waiting: ['dan', 'eve'], tookPart: 3, met: false, result: undefined, ignored: [] },
    ],
    [
      'exactly quorum (4 of 5), an abstention takes part: passed',
      [said('ann-gh', '/vote yes'), said('bob-gh', '/vote yes'), said('cat-gh', '/vote no'), said('dan-gh', '/vote abstain')],
      { voted: ['ann yes', 'bob yes', 'cat no', 'dan abstain'], waiting: ['eve'], tookPart: 4, met: true, result: 'passed', ignored: [] },
    ],
    [
      'a tie of 2-2 at quorum: not passed without a casting vote',
      [said('ann-gh', '/vote yes'), said('bob-gh', '/vote yes'), said('cat-gh', '/vote no'), said('dan-gh', '/vote no')],
      { voted: ['ann yes', 'bob yes', 'cat no', 'dan no'], waiting: ['eve'], tookPart: 4, met: true, result: 'not-passed', ignored: [] },
    ],
    [
      'the latest comment of an account counts',
      [said('ann-gh', '/vote no', '2024-02-16T10:00:00Z'), said('ann-gh', '/vote yes', '2024-02-17T10:00:00Z')],
      { voted: ['ann yes'], waiting: ['bob', 'cat', 'dan', 'eve'], tookPart: 1, met: false, result: undefined, ignored: [] },
    ],
    [
      'a non-member, a comment after the close and one edited after it are ignored',
      [said('mallory', '/vote yes'), said('ann-gh', '/vote yes', '2024-02-23T00:00:01Z'), said('bob-gh', '/vote yes', '2024-02-20T10:00:00Z', '2024-02-23T09:00:00Z'), said('cat-gh', '/vote yes', '2024-02-22T23:59:59Z')],
      {
        voted: ['cat yes'],
        waiting: ['ann', 'bob', 'dan', 'eve'],
        tookPart: 1,
        met: false,
        result: undefined,
        ignored: [
          'mallory: @mallory is not the GitHub account of any member (the `github` field of a member file)',
          'bob-gh: vote 2024-02-22-logo closed on 2024-02-22 (UTC): this comment was edited after, so what it said at the close is not known',
          'ann-gh: vote 2024-02-22-logo closed on 2024-02-22 (UTC): this comment came after',
        ],
      },
    ],
    ['a value that is not a ballot of this kind', [said('ann-gh', '/vote bob')], { voted: [], waiting: ['ann', 'bob', 'cat', 'dan', 'eve'], tookPart: 0, met: false, result: undefined, ignored: ['ann-gh: /vote yes, no or abstain'] }],
  ])('%s', (_name, comments, expected) => {
    const { model, vote } = setup();
    const a = attest(model, [vote('2024-02-22-logo')], comments, []);
    expect(a.votes).toEqual([]);
    const live = a.live?.[0];
    expect(live?.ballots.map((b) => `${b.member} ${b.value}`)).toEqual(expected.voted);
    expect(live?.waiting).toEqual(expected.waiting);
    expect(live?.tookPart).toBe(expected.tookPart);
    expect(live?.quorumNeeded).toBe(4);
    expect(live?.quorumMet).toBe(expected.met);
    expect(live?.result).toBe(expected.result);
    expect(a.ignored.map((i) => `${i.login}: ${i.why}`)).toEqual(expected.ignored);
  });

  it('a member who left before the close may not vote', () => {
    const { model, vote } = setup({
      'governance/members/eve.yaml': 'id: eve\nname: Eve Example\ngithub: eve-gh\ndisclosures:\n  - { date: 2024-01-10, employer: Example Corp }\nservice:\n  - { from: 2024-01-10, appointed_by: board, to: 2024-02-21, left: resigned }\n',
    });
    const a = attest(model, [vote('2024-02-22-logo')], [said('eve-gh', '/vote yes')], []);
    expect(a.live?.[0]?.serving).toEqual(['ann', 'bob', 'cat', 'dan']);
    expect(a.ignored.map((i) => i.why)).toEqual(['eve does not serve on 2024-02-22, the day vote 2024-02-22-logo closes']);
  });

  it('a chair election held on the PR: ballots name candidates', () => {
    const { model, vote } = setup({ 'governance/votes/2024-02-22-chair-election.yaml': ELECTION });
    const a = attest(
      model,
      [vote('2024-02-22-chair-election')],
      [said('ann-gh', '/vote bob'), said('bob-gh', '/vote bob'), said('cat-gh', '/vote cat'), said('dan-gh', '/vote bob'), said('eve-gh', '/vote abstain')],
      [],
    );
    expect(a.live?.[0]).toMatchObject({ tookPart: 5, quorumMet: true, result: 'elected:bob', election: { votes: [['bob', 3], ['cat', 1]], cast: 4 } });
  });

  it('two votes on one PR: a ballot names its vote; a recorded vote beside it is attested as before', () => {
    const { model, vote } = setup({
      'governance/votes/2024-02-22-chair-election.yaml': ELECTION,
    });
    const a = attest(model, [vote('2024-02-22-chair-election'), vote('2024-02-22-logo')], [said('ann-gh', '/vote yes'), said('bob-gh', '/vote yes 2024-02-22-logo')], []);
    expect(a.live?.map((l) => `${l.id}: ${l.ballots.map((b) => `${b.member} ${b.value}`).join(', ')}`)).toEqual(['2024-02-22-chair-election: ', '2024-02-22-logo: bob yes']);
    expect(a.ignored[0]?.why).toBe('this PR records 2 votes: name the vote, e.g. /vote yes 2024-02-22-chair-election');
  });

  it('the comment section, exactly', () => {
    const { model, vote } = setup();
    const a = attest(model, [vote('2024-02-22-logo')], [said('ann-gh', '/vote yes'), said('bob-gh', '/vote no'), said('cat-gh', '/vote yes'), said('dan-gh', '/vote yes')], []);
    const u = (k: number): string => `https://github.com/o/r/pull/42#issuecomment-${k}`;
    const first = n - 3;
    expect(attestationMarkdown(a, escapeText, false).join('\n')).toBe(
      [
        '',
        '### Vote in progress: 2024-02-22-logo',
        '',
        // escapeText keeps `#42` from linking an issue: a zero-width joiner after `#`.
        'Adopt the logo (decision; on PR #\u200d42, opened 2024-02-15, closes 2024-02-22 (end of the day, UTC)). Members vote with a comment line `/vote yes`, `/vote no` or `/vote abstain` from their own account; the latest counts.',
        '',
        `- Voted: ann [yes](${u(first)}), bob [no](${u(first + 1)}), cat [yes](${u(first + 2)}), dan [yes](${u(first + 3)})`,
        '- Not voted yet: eve',
        '- Quorum so far: 4 of 5 have taken part, 4 needed ✔',
        '- If it closed now: passed (3 yes, 1 no, 0 abstain)',
        '- After it closes: `npm run record -- ballots --pr N` writes the ballots and the result into the vote file, and the PR can merge.',
      ].join('\n'),
    );
  });
});
