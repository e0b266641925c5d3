// One wrong fact, one finding: a misspelt id in `present`, a ballot's voter
// or `recused` is `unknown-reference` alone (charter-rules.md, "Unknown
// attendance or service"), never also vote-quorum, vote-eligibility or
// vote-result. Checked with every rule, as `check` runs them.
import { describe, expect, it } from 'vitest';
import { brief, findingsOf, repoWith, type Files } from '../helpers.ts';

const MEETING = 'governance/meetings/2024-02-14.yaml';
const VOTE = 'governance/votes/2024-02-14-budget.yaml';

const meeting = (present: string): string => `date: 2024-02-14\nkind: regular\npresent: [${present}]\nboard: []\n`;
const vote = (ballots: string, extra = ''): string =>
  `id: 2024-02-14-budget\ndate: 2024-02-14\nmeeting: 2024-02-14\nkind: decision\nmotion: Adopt the budget\nballots: { ${ballots} }\n${extra}result: passed\n`;

const all = (files: Files): string[] => findingsOf(repoWith(files)).map(brief);

describe('a misspelt id is one unknown-reference, not three findings', () => {
  it.each<[string, Files, string[]]>([
    [
      'in present (so 3 of 5 known present): no vote-quorum',
      { [MEETING]: meeting('ann, bobb, cat, dan'), [VOTE]: vote('ann: yes, cat: no, dan: yes') },
      [`unknown-reference ${MEETING}:3:16 error`],
    ],
    [
      'as a voter, and in present: no vote-eligibility, no vote-quorum',
      { [MEETING]: meeting('ann, bobb, cat, dan'), [VOTE]: vote('ann: yes, bobb: yes, cat: no, dan: yes') },
      [`unknown-reference ${MEETING}:3:16 error`, `unknown-reference ${VOTE}:6:22 error`],
    ],
    [
      'as a voter only: no vote-eligibility, no vote-result (its ballot might have decided)',
      { [MEETING]: meeting('ann, bob, cat, dan'), [VOTE]: vote('ann: yes, bobb: no, cat: no, dan: no').replace('result: passed', 'result: passed') },
      [`unknown-reference ${VOTE}:6:22 error`],
    ],
    [
      'in recused',
      { [MEETING]: meeting('ann, bob, cat, dan'), [VOTE]: vote('ann: yes, bob: yes, cat: no', 'recused: [dann]\n') },
      [`unknown-reference ${VOTE}:7:11 error`],
    ],
  ])('%s', (_name, files, expected) => {
    expect(all(files)).toEqual(expected);
  });

  it('the same vote with the id spelt right is judged: without quorum it is vote-quorum', () => {
    expect(all({ [MEETING]: meeting('ann, bob, cat'), [VOTE]: vote('ann: yes, bob: yes, cat: no') })).toEqual([`vote-quorum ${VOTE}:3:1 error`]);
  });
});
