// Charter, Policies 5 (Decision Making): "Decisions will be made based on a
// majority vote. In case of a tie, the chairperson (or a designated member)
// will have the deciding vote." Membership: "a simple majority vote of the
// current ALESCo members". The checker recomputes `result` from the ballots.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/vote-result.ts';
import { baseRepo, brief, checkRules, repoWith, type Files } from '../helpers.ts';

const D = '2024-02-14';
const VOTE = `governance/votes/${D}-motion.yaml`;
const MEETING = `governance/meetings/${D}.yaml`;
const ALL = ['ann', 'bob', 'cat', 'dan', 'eve'];

const FORMER: Files = {
  'governance/members/zed.yaml': 'id: zed\nname: zed\nservice:\n  - from: 2024-01-10\n    appointed_by: board\n    to: 2024-02-10\n    left: resigned\n',
};
const CANDIDATE: Files = { 'governance/members/nia.yaml': 'id: nia\nname: nia\nservice: []\n' };

function charter(replace: [string, string][] = []): Files {
  let text = baseRepo()['governance/charter.yaml']!;
  for (const [from, to] of replace) text = text.replace(from, to);
  return { 'governance/charter.yaml': text };
}
const since = (date: string): Files => charter([['records_since: 2024-01-01', `records_since: ${date}`]]);

/**
 * A vote at the meeting on D (all five present unless told). `lines` come after
 * `motion:` on line 5; `result:` is the last line.
 */
function vote(kind: string, lines: string[], result: string, present: string[] = ALL, extra: Files = {}): Files {
  const body = [`id: ${D}-motion`, `date: ${D}`, `meeting: ${D}`, `kind: ${kind}`, 'motion: The motion', ...lines, `result: ${result}`, ''];
  return repoWith({
    ...extra,
    [MEETING]: [`date: ${D}`, 'kind: regular', `present: [${present.join(', ')}]`, ''].join('\n'),
    [VOTE]: body.join('\n'),
  });
}
const ballots = (entries: Record<string, string>): string[] => ['ballots:', ...Object.entries(entries).map(([k, v]) => `  ${k}: ${v}`)];
const membership = ['subject: nia'];
const electing = (...ids: string[]): string[] => ['candidates:', ...ids.map((id) => `  - { member: ${id}, nominated_by: ann, accepted: true }`)];

/** `result:` is on line 6 + the number of lines given. */
const at = (lines: string[], severity = 'error'): string => `vote-result ${VOTE}:${6 + lines.length}:9 ${severity}`;
const run = (files: Files): string[] => checkRules(files, [rule]).map((f) => `${brief(f)} ${f.message}`);

const MAJORITY_NO = ballots({ ann: 'yes', bob: 'no', cat: 'no', dan: 'abstain' });
const TIE = ballots({ ann: 'yes', bob: 'no', cat: 'yes', dan: 'no' });
const TIE_YES = [...TIE, 'tie_break: { by: ann, vote: yes }'];
const MEMBERS_3_OF_5 = [...membership, ...ballots({ ann: 'yes', bob: 'yes', cat: 'yes', dan: 'no', eve: 'no' })];
const MEMBERS_2_OF_5 = [...membership, ...ballots({ ann: 'yes', bob: 'yes', cat: 'abstain', dan: 'abstain', eve: 'abstain' })];
const INELIGIBLE = [...ballots({ ann: 'yes', bob: 'no', cat: 'no', eve: 'yes', zed: 'yes' })];
const ALL_ABSTAIN = ballots({ ann: 'abstain', bob: 'abstain', cat: 'abstain', dan: 'abstain' });
const PLURALITY = [...electing('ann', 'bob', 'cat'), ...ballots({ ann: 'ann', bob: 'ann', cat: 'bob', dan: 'cat' })];
const MAJORITY_ABSTAIN = [...electing('ann', 'bob'), ...ballots({ ann: 'ann', bob: 'ann', cat: 'bob', dan: 'abstain' })];
const NON_CANDIDATE = [...electing('ann'), ...ballots({ ann: 'eve', bob: 'eve', cat: 'eve', dan: 'ann' })];

describe('vote-result: "Decisions will be made based on a majority vote. In case of a tie, the chairperson (or a designated member) will have the deciding vote"', () => {
  it.each<[string, Files]>([
    ['more no than yes: not-passed', vote('decision', MAJORITY_NO, 'not-passed')],
    ['more yes than no, abstentions aside: passed', vote('policy', ballots({ ann: 'yes', bob: 'abstain', cat: 'abstain' }), 'passed')],
    ['a tie without a tie-break: not-passed', vote('decision', TIE, 'not-passed')],
    ['a tie broken by the chair voting yes: passed', vote('decision', TIE_YES, 'passed')],
    ['ineligible ballots (absent, former member) do not count: 1 yes, 2 no', vote('decision', INELIGIBLE, 'not-passed', ['ann', 'bob', 'cat', 'dan'], FORMER)],
    ['membership under majority_of: members: 3 yes of 5 members passes', vote('membership', MEMBERS_3_OF_5, 'passed', ALL, CANDIDATE)],
    ['membership: 2 yes, 0 no of 5 members is not passed', vote('membership', MEMBERS_2_OF_5, 'not-passed', ALL, CANDIDATE)],
    [
      'membership under majority_of: votes-cast: 2 yes, 0 no passes',
      vote('membership', MEMBERS_2_OF_5, 'passed', ALL, { ...CANDIDATE, ...charter([['majority_of: members', 'majority_of: votes-cast']]) }),
    ],
    ['zero votes cast: not-passed', vote('decision', ALL_ABSTAIN, 'not-passed')],
    ['chair election: 2 of 4 votes cast is no majority', vote('chair-election', PLURALITY, 'no-majority')],
    ['chair election: 2 of 3 votes cast, an abstention is not a vote cast', vote('chair-election', MAJORITY_ABSTAIN, 'elected:ann')],
    ['chair election with every ballot abstaining: no-majority', vote('chair-election', [...electing('ann'), ...ALL_ABSTAIN], 'no-majority')],
    ['chair election: a non-candidate with most votes is not elected', vote('chair-election', NON_CANDIDATE, 'no-majority')],
    ['a tie declared passed without a tie-break is vote-tie-break\'s alone', vote('decision', TIE, 'passed')],
    [
      'a tie-break where there is no tie is vote-tie-break\'s alone',
      vote('decision', [...MAJORITY_NO, 'tie_break: { by: ann, vote: yes }'], 'passed'),
    ],
    ['a tie-break on a chair election is vote-tie-break\'s alone', vote('chair-election', [...PLURALITY, 'tie_break: { by: ann, vote: ann }'], 'elected:ann')],
    [
      'a tie-break on a membership vote under majority_of: members is vote-tie-break\'s alone',
      vote('membership', [...MEMBERS_2_OF_5, 'tie_break: { by: ann, vote: yes }'], 'passed', ALL, CANDIDATE),
    ],
    [
      'charter tie_break: none with a recorded tie-break is vote-tie-break\'s alone',
      vote('decision', TIE_YES, 'passed', ALL, charter([['tie_break: chair', 'tie_break: none']])),
    ],
    ['a rejected ballot value: the result is not judged', vote('decision', ballots({ ann: 'no', bob: 'no', cat: 'maybe' }), 'passed')],
    ['imported history with neither ballots nor tally: its result stands', vote('decision', [], 'passed', ALL, since('2024-03-01'))],
    [
      'a voter whose service is unknown (rejected): the result is not judged',
      vote('decision', ballots({ ann: 'no', fay: 'no', bob: 'yes' }), 'passed', ALL, {
        'governance/members/fay.yaml': 'id: fay\nname: fay\nservice:\n  - from: 2024-02-30\n    appointed_by: board\n',
      }),
    ],
    ['a rejected `recused` list: whether a ballot counts is unknown, the result is not judged', vote('decision', [...MAJORITY_NO, 'recused: [Eve]'], 'passed')],
    ['a tally from records_since on is vote-eligibility\'s: no computed result', vote('decision', ['tally: { yes: 1, no: 3, abstain: 0 }'], 'passed')],
  ])('valid: %s', (_name, files) => {
    expect(run(files)).toEqual([]);
  });

  it.each<[string, Files, string[]]>([
    [
      'result disagrees with the ballots',
      vote('decision', MAJORITY_NO, 'passed'),
      [`${at(MAJORITY_NO)} result is passed but the counted ballots give not-passed: yes 1, no 2, abstain 1; a motion passes with more yes than no`],
    ],
    [
      'ineligible ballots are not counted: 3 yes, 2 no as recorded, 1 yes, 2 no counted',
      vote('decision', INELIGIBLE, 'passed', ['ann', 'bob', 'cat', 'dan'], FORMER),
      [`${at(INELIGIBLE)} result is passed but the counted ballots give not-passed: yes 1, no 2, abstain 0; a motion passes with more yes than no`],
    ],
    [
      'a tie broken by the chair voting yes is passed',
      vote('decision', TIE_YES, 'not-passed'),
      [`${at(TIE_YES)} result is not-passed but the counted ballots give passed: yes 2, no 2, abstain 0, a tie broken by ann voting yes`],
    ],
    [
      'membership: 2 yes, 0 no of 5 members fails even with no "no"',
      vote('membership', MEMBERS_2_OF_5, 'passed', ALL, CANDIDATE),
      [
        `${at(MEMBERS_2_OF_5)} result is passed but the counted ballots give not-passed: yes 2, no 0, abstain 3; a membership vote needs more yes than half of the 5 members serving on ${D} (majority_of: members)`,
      ],
    ],
    [
      'membership: 3 yes of 5 members passes',
      vote('membership', MEMBERS_3_OF_5, 'not-passed', ALL, CANDIDATE),
      [
        `${at(MEMBERS_3_OF_5)} result is not-passed but the counted ballots give passed: yes 3, no 2, abstain 0; a membership vote needs more yes than half of the 5 members serving on ${D} (majority_of: members)`,
      ],
    ],
    [
      'chair election: a plurality is not a majority of the votes cast',
      vote('chair-election', PLURALITY, 'elected:ann'),
      [`${at(PLURALITY)} result is elected:ann but the counted ballots give no-majority: 4 votes cast (ann 2, bob 1, cat 1); a candidate needs more than half of the votes cast, abstentions excluded`],
    ],
    [
      'chair election: a majority of the votes cast elects',
      vote('chair-election', MAJORITY_ABSTAIN, 'no-majority'),
      [`${at(MAJORITY_ABSTAIN)} result is no-majority but the counted ballots give elected:ann: 3 votes cast (ann 2, bob 1); a candidate needs more than half of the votes cast, abstentions excluded`],
    ],
    [
      'zero votes cast is not-passed, not a tie',
      vote('decision', ALL_ABSTAIN, 'passed'),
      [`${at(ALL_ABSTAIN)} result is passed but the counted ballots give not-passed: yes 0, no 0, abstain 4; zero votes cast does not pass`],
    ],
    [
      'charter tie_break: none: a tie declared passed is vote-result\'s',
      vote('decision', TIE, 'passed', ALL, charter([['tie_break: chair', 'tie_break: none']])),
      [`${at(TIE)} result is passed but the counted ballots give not-passed: yes 2, no 2, abstain 0, a tie is indecisive (tie_break: none)`],
    ],
    [
      'a tally (imported history) that contradicts the result: a warning before records_since',
      vote('decision', ['tally: { yes: 1, no: 3, abstain: 0 }'], 'passed', ALL, since('2024-03-01')),
      [`${at(['tally'], 'warning')} result is passed but the tally gives not-passed: yes 1, no 3, abstain 0; a motion passes with more yes than no`],
    ],
    [
      'chair election: a non-candidate with most votes is not elected (the ballots are vote-chair-election\'s)',
      vote('chair-election', NON_CANDIDATE, 'elected:eve'),
      [`${at(NON_CANDIDATE)} result is elected:eve but the counted ballots give no-majority: 4 votes cast (eve 3, ann 1); a candidate needs more than half of the votes cast, abstentions excluded`],
    ],
    [
      'a meeting vote whose meeting is unknown (date mismatch): quorum and eligibility unjudged, every ballot of a member counts',
      repoWith({
        ...FORMER,
        [VOTE]: [`id: ${D}-motion`, `date: ${D}`, 'meeting: 2024-02-07', 'kind: decision', 'motion: The motion', ...INELIGIBLE, 'result: not-passed', ''].join('\n'),
      }),
      [`${at(INELIGIBLE)} result is not-passed but the counted ballots give passed: yes 3, no 2, abstain 0; a motion passes with more yes than no`],
    ],
  ])('invalid: %s', (_name, files, expected) => {
    expect(run(files)).toEqual(expected);
  });
});
