// Charter, Policies 3 (Term Duration): "each member is to be asked if they
// intend to continue serving or choose to step down." A member who answered
// `continues: false` no longer serves after the next meeting (strictly after
// the answer): still serving on the day after it is the finding.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/continuation-ignored.ts';
import { baseRepo, brief, checkRules, repoWith, type Files } from '../helpers.ts';

const TODAY = '2024-06-01';
const BOB = 'governance/members/bob.yaml';

/** bob's file: the i-th answer's `continues` value is at (9 + i):36 when the period is open, 2 lines further when closed. */
function bob(answers: [date: string, continues: boolean][], to?: string): string {
  return [
    'id: bob',
    'name: Bob Example',
    'disclosures:',
    '  - { date: 2024-01-10, employer: Example Corp }',
    'service:',
    '  - from: 2024-01-10',
    '    appointed_by: board',
    ...(to ? [`    to: ${to}`, '    left: stepped-down'] : []),
    'continuation:',
    ...answers.map(([date, continues]) => `  - { date: ${date}, continues: ${continues} }`),
    '',
  ].join('\n');
}

const meeting = (date: string, present = '[ann, bob, cat, dan]'): Files => ({
  [`governance/meetings/${date}.yaml`]: `date: ${date.slice(0, 10)}\nkind: regular\npresent: ${present}\nboard: []\n`,
});

const run = (changes: Files): string[] => checkRules(repoWith(changes), [rule], TODAY).map(brief);
const AT = (line: number, severity = 'error'): string => `continuation-ignored ${BOB}:${line}:36 ${severity}`;

describe('continuation-ignored: a member who will not continue stops serving after the next meeting', () => {
  it.each<[string, Files]>([
    ['bob continues', { [BOB]: bob([['2024-02-07', true]]), ...meeting('2024-03-06') }],
    ['bob leaves on the day of the next meeting', { [BOB]: bob([['2024-02-07', false]], '2024-03-06'), ...meeting('2024-03-06') }],
    ['bob leaves before the next meeting', { [BOB]: bob([['2024-02-07', false]], '2024-02-07'), ...meeting('2024-03-06') }],
    ['no meeting after the answer yet: nothing to judge', { [BOB]: bob([['2024-02-07', false]]) }],
    [
      'a second meeting on the answer\'s day is not "the next meeting"',
      { [BOB]: bob([['2024-02-07', false]], '2024-03-06'), ...meeting('2024-02-07-2'), ...meeting('2024-03-06') },
    ],
    [
      'bob changed his mind: a later answer of continues: true by the next meeting',
      { [BOB]: bob([['2024-02-07', false], ['2024-03-06', true]]), ...meeting('2024-03-06') },
    ],
    [
      'the next meeting\'s file is unreadable: which day it was is unknown',
      { [BOB]: bob([['2024-02-07', false]]), 'governance/meetings/2024-03-06.yaml': 'date: [unclosed\n', ...meeting('2024-04-03') },
    ],
    [
      'bob\'s service the schema rejected: unknown',
      { [BOB]: bob([['2024-02-07', false]]).replace('from: 2024-01-10', 'from: 2024-01-32'), ...meeting('2024-03-06') },
    ],
  ])('valid: %s', (_name, changes) => {
    expect(run(changes)).toEqual([]);
  });

  it.each<[string, Files, string[]]>([
    ['bob still serves, open-ended', { [BOB]: bob([['2024-02-07', false]]), ...meeting('2024-03-06') }, [AT(9)]],
    ['bob leaves the day after the next meeting', { [BOB]: bob([['2024-02-07', false]], '2024-03-07'), ...meeting('2024-03-06') }, [AT(11)]],
    [
      'the next meeting is the first strictly after the answer, not a later one',
      { [BOB]: bob([['2024-02-07', false]], '2024-04-03'), ...meeting('2024-03-06'), ...meeting('2024-04-03') },
      [AT(11)],
    ],
    [
      'bob answered false twice before the same meeting: one finding, at the last answer',
      { [BOB]: bob([['2024-02-07', false], ['2024-02-20', false]]), ...meeting('2024-03-06') },
      [AT(10)],
    ],
    [
      'a second false answer on the next meeting\'s day looks to the meeting after: the first is still ignored',
      { [BOB]: bob([['2024-02-07', false], ['2024-03-06', false]], '2024-03-31'), ...meeting('2024-03-06'), ...meeting('2024-04-03') },
      [AT(11)],
    ],
    [
      'a later answer of continues: true after the next meeting does not undo it',
      { [BOB]: bob([['2024-02-07', false], ['2024-03-07', true]]), ...meeting('2024-03-06') },
      [AT(9)],
    ],
  ])('invalid: %s', (_name, changes, expected) => {
    expect(run(changes)).toEqual(expected);
  });

  it('says when bob answered and when he should have left', () => {
    expect(checkRules(repoWith({ [BOB]: bob([['2024-02-07', false]]), ...meeting('2024-03-06') }), [rule], TODAY).map((f) => f.message)).toEqual([
      'bob answered continues: false on 2024-02-07 but still serves on 2024-03-07, after the next meeting (2024-03-06): end the service period there (to, left: stepped-down)',
    ]);
  });

  it.each<[string, string, string]>([
    ['the next meeting before records_since: a warning', '2024-03-07', 'warning'],
    ['the next meeting on records_since: an error', '2024-03-06', 'error'],
  ])('records_since, judged by the next meeting\'s date: %s', (_name, since, severity) => {
    const charter = baseRepo()['governance/charter.yaml']!.replace('records_since: 2024-01-01', `records_since: ${since}`);
    expect(run({ [BOB]: bob([['2024-02-07', false]]), ...meeting('2024-03-06'), 'governance/charter.yaml': charter })).toEqual([AT(9, severity)]);
  });
});
