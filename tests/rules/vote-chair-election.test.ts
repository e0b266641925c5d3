// Charter, Chair 1 and 3: "The position of the chair will rotate among the
// elected members of ALESCo [...] The chair will be elected by members of
// ALESCo." A candidate serves on the election's date, was nominated and
// accepted; a ballot names a candidate (or abstains).
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/vote-chair-election.ts';
import { baseRepo, brief, checkRules, repoWith, type Files, recordsSince, annulment } from '../helpers.ts';

const D = '2024-02-14';
const VOTE = `governance/votes/${D}-chair-election.yaml`;
const MEETING = `governance/meetings/${D}.yaml`;

const FORMER: Files = {
  'governance/members/zed.yaml': 'id: zed\nname: zed\nservice:\n  - from: 2024-01-10\n    appointed_by: board\n    to: 2024-02-10\n    left: resigned\n',
};
const since = recordsSince;
const NULLIFIER = annulment('Annul the chair election');

/** Candidates start on line 7 (one flow mapping per line); ballots follow `ballots:`. */
function election(candidates: string[], ballots: Record<string, string>, extra: Files = {}, tail: string[] = []): Files {
  const lines = [
    `id: ${D}-chair-election`,
    `date: ${D}`,
    `meeting: ${D}`,
    'kind: chair-election',
    'motion: Elect the chair',
    'candidates:',
    ...candidates.map((c) => `  - ${c}`),
    'ballots:',
    ...Object.entries(ballots).map(([k, v]) => `  ${k}: ${v}`),
    'result: no-majority',
    ...tail,
    '',
  ];
  return repoWith({
    ...extra,
    [MEETING]: [`date: ${D}`, 'kind: regular', 'present: [ann, bob, cat, dan, eve]', ''].join('\n'),
    [VOTE]: lines.join('\n'),
  });
}
const ok = (id: string): string => `{ member: ${id}, nominated_by: eve, accepted: true }`;
const BALLOTS = { ann: 'ann', bob: 'abstain', cat: 'ann' };

/** Candidate i (0-based) is on line 7 + i; the column of `token` there. */
function cand(i: number, candidates: string[], token: string, severity = 'error'): string {
  return `vote-chair-election ${VOTE}:${7 + i}:${`  - ${candidates[i]!}`.indexOf(token) + 1} ${severity}`;
}
const run = (files: Files): string[] => checkRules(files, [rule]).map((f) => `${brief(f)} ${f.message}`);

describe('vote-chair-election: "The chair will be elected by members of ALESCo"', () => {
  const bare = ['{ member: ann }', ok('bob')];
  it.each<[string, Files]>([
    ['serving candidates, nominated and accepting; ballots for candidates or abstain', election([ok('ann'), ok('bob')], BALLOTS)],
    ['self-nomination is not this rule\'s concern', election(['{ member: ann, nominated_by: ann, accepted: true }', ok('bob')], BALLOTS)],
    ['before records_since, a missing nomination or acceptance is not demanded', election(bare, BALLOTS, since('2024-03-01'))],
    ['a nullified election is owed no nomination record', election(bare, BALLOTS, NULLIFIER, ['nullified_by: 2024-02-15-annul'])],
    ['a candidate with no member file is unknown-reference\'s', election([ok('ann'), ok('xyz')], BALLOTS)],
    ['a ballot for someone with no member file is unknown-reference\'s', election([ok('ann'), ok('bob')], { ...BALLOTS, dan: 'xyz' })],
    [
      'a candidate whose service is unknown (rejected) is not judged',
      election([ok('ann'), ok('fay')], BALLOTS, { 'governance/members/fay.yaml': 'id: fay\nname: fay\nservice:\n  - from: 2024-13-01\n    appointed_by: board\n' }),
    ],
  ])('valid: %s', (_name, files) => {
    expect(run(files)).toEqual([]);
  });

  const withZed = [ok('ann'), ok('zed')];
  const unnominated = ['{ member: ann, accepted: true }', ok('bob')];
  const unaccepted = ['{ member: ann, nominated_by: bob }', ok('bob')];
  const declined = ['{ member: ann, nominated_by: bob, accepted: false }', ok('bob')];
  it.each<[string, Files, string[]]>([
    [
      'a candidate who does not serve on the election date',
      election(withZed, BALLOTS, FORMER),
      [`${cand(1, withZed, 'zed')} candidate zed does not serve on the committee on ${D}: the chair is elected among the members`],
    ],
    [
      'a candidate not nominated (from records_since on; at the candidate)',
      election(unnominated, BALLOTS),
      [`${cand(0, unnominated, '{')} candidate ann has no nominated_by: from records_since on, a candidate's nomination is recorded`],
    ],
    [
      'a candidate whose acceptance is not recorded (from records_since on)',
      election(unaccepted, BALLOTS),
      [`${cand(0, unaccepted, '{')} candidate ann has no accepted: true: from records_since on, a candidate's acceptance of the nomination is recorded`],
    ],
    [
      'neither nomination nor acceptance: one finding per cause',
      election(bare, BALLOTS),
      [
        `${cand(0, bare, '{')} candidate ann has no accepted: true: from records_since on, a candidate's acceptance of the nomination is recorded`,
        `${cand(0, bare, '{')} candidate ann has no nominated_by: from records_since on, a candidate's nomination is recorded`,
      ],
    ],
    [
      'a candidate who did not accept (accepted: false is a fact, judged before records_since too: a warning)',
      election(declined, BALLOTS, since('2024-03-01')),
      [`${cand(0, declined, 'false', 'warning')} candidate ann did not accept the nomination (accepted: false): only a candidate who accepts stands for election`],
    ],
    [
      'a ballot for a member who is not a candidate (at the ballot)',
      election([ok('ann'), ok('bob')], { ...BALLOTS, dan: 'eve' }),
      [`vote-chair-election ${VOTE}:13:8 error ballot of dan is for eve, who is not a candidate (candidates: ann, bob)`],
    ],
    [
      'a candidate not serving, before records_since: a warning',
      election(withZed, BALLOTS, { ...FORMER, ...since('2024-03-01') }),
      [`${cand(1, withZed, 'zed', 'warning')} candidate zed does not serve on the committee on ${D}: the chair is elected among the members`],
    ],
  ])('invalid: %s', (_name, files, expected) => {
    expect(run(files)).toEqual(expected);
  });
});
