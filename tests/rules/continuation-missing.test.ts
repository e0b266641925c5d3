// Charter, Policies 3 (Term Duration): "Every 6 months, at the time of chair
// election within ALESCo, each member is to be asked if they intend to
// continue serving or choose to step down."
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/continuation-missing.ts';
import { baseRepo, brief, checkRules, repoWith, type Files } from '../helpers.ts';

const TODAY = '2024-04-01';
const IDS = ['ann', 'bob', 'cat', 'dan', 'eve'] as const;
const ELECTION = 'governance/votes/2024-02-07-chair-election.yaml';

/**
 * A member file; `continuation` is on line 8 when given (null: no key, the
 * finding is at the root mapping, 1:1).
 */
function member(id: string, answers: string[] | null, service = ['  - from: 2024-01-10', '    appointed_by: board']): string {
  return [
    `id: ${id}`,
    `name: ${id} Example`,
    'disclosures:',
    '  - { date: 2024-01-10, employer: Example Corp }',
    'service:',
    ...service,
    ...(answers === null ? [] : answers.length === 0 ? ['continuation: []'] : ['continuation:', ...answers.map((d) => `  - { date: ${d}, continues: true }`)]),
    '',
  ].join('\n');
}

/** Every base member answered on the election day, except where `answers` says otherwise. */
function committee(answers: Partial<Record<(typeof IDS)[number], string[] | null>> = {}): Files {
  const out: Files = {};
  for (const id of IDS) out[`governance/members/${id}.yaml`] = member(id, id in answers ? (answers[id] ?? null) : ['2024-02-07']);
  return out;
}

const path = (id: string): string => `governance/members/${id}.yaml`;
const run = (changes: Files): string[] => checkRules(repoWith(changes), [rule], TODAY).map(brief);
const AT_KEY = (id: string, severity = 'warning'): string => `continuation-missing ${path(id)}:8:1 ${severity}`;
const AT_ROOT = (id: string): string => `continuation-missing ${path(id)}:1:1 warning`;

/** A second chair election on 2024-03-06 (a no-majority round is still an election). */
const secondElection: Files = {
  'governance/meetings/2024-03-06.yaml': 'date: 2024-03-06\nkind: regular\npresent: [ann, bob, cat, dan]\nboard: []\n',
  'governance/votes/2024-03-06-chair-election.yaml': [
    'id: 2024-03-06-chair-election',
    'date: 2024-03-06',
    'meeting: 2024-03-06',
    'kind: chair-election',
    'motion: Elect the chair',
    'candidates:',
    '  - { member: bob, nominated_by: ann, accepted: true }',
    'ballots: { ann: bob, bob: abstain, cat: abstain, dan: abstain }',
    'result: elected:bob',
    '',
  ].join('\n'),
};

describe('continuation-missing: at each chair election, every serving member answers whether they continue', () => {
  it.each<[string, Files]>([
    ['the base committee (each member answered the check-in)', {}],
    ['every serving member answered on the election day', committee()],
    ['an answer of continues: false counts as an answer', { ...committee(), [path('bob')]: member('bob', ['2024-02-07']).replace('continues: true', 'continues: false') }],
    [
      'eve left before the election: not asked',
      {
        ...committee({ eve: null }),
        [path('eve')]: member('eve', null, ['  - from: 2024-01-10', '    appointed_by: board', '    to: 2024-02-06', '    left: resigned']),
      },
    ],
    [
      'an election before records_since (imported history): not demanded',
      {
        ...committee({ ann: null, bob: null, cat: null, dan: null, eve: null }),
        'governance/charter.yaml': baseRepo()['governance/charter.yaml']!.replace('records_since: 2024-01-01', 'records_since: 2024-02-08'),
      },
    ],
    [
      'a nullified election: owed no record',
      {
        ...committee({ ann: null, bob: null, cat: null, dan: null, eve: null }),
        [ELECTION]: baseRepo()[ELECTION]! + 'nullified_by: 2024-02-07-annul\n',
        'governance/votes/2024-02-07-annul.yaml':
          'id: 2024-02-07-annul\ndate: 2024-02-07\nmeeting: 2024-02-07\nkind: decision\nmotion: Annul the election\nballots: { ann: yes, bob: yes, cat: yes, dan: yes }\nresult: passed\n',
      },
    ],
    ['continuation answers the schema rejected: unknown, not missing', { ...committee(), [path('bob')]: member('bob', ['2024-02-30']) }],
    [
      'a member whose service the schema rejected: whether they serve is unknown',
      { ...committee({ bob: null }), [path('bob')]: member('bob', null, ['  - from: 2024-13-10', '    appointed_by: board']) },
    ],
    [
      'the charter has no check-in (chair.check_in: false): no one is asked',
      {
        ...committee({ ann: null, bob: [], cat: null, dan: null, eve: null }),
        'governance/charter.yaml': baseRepo()['governance/charter.yaml']!.replace('max_consecutive_terms: 2 }', 'max_consecutive_terms: 2, check_in: false }'),
      },
    ],
    ['two elections, every member answered at each', { ...committee(), ...secondElection, ...Object.fromEntries(IDS.map((id) => [path(id), member(id, ['2024-02-07', '2024-03-06'])])) }],
  ])('valid: %s', (_name, changes) => {
    expect(run(changes)).toEqual([]);
  });

  it.each<[string, Files, string[]]>([
    ['bob has no `continuation` key: at his root mapping', committee({ bob: null }), [AT_ROOT('bob')]],
    ['bob has `continuation: []`: at the key', committee({ bob: [] }), [AT_KEY('bob')]],
    [
      'chair.check_in: true says what the default says',
      { ...committee({ bob: [] }), 'governance/charter.yaml': baseRepo()['governance/charter.yaml']!.replace('max_consecutive_terms: 2 }', 'max_consecutive_terms: 2, check_in: true }') },
      [AT_KEY('bob')],
    ],
    ['bob answered the day before the election', committee({ bob: ['2024-02-06'] }), [AT_KEY('bob')]],
    ['bob answered the day after the election', committee({ bob: ['2024-02-08'] }), [AT_KEY('bob')]],
    [
      'eve, absent from the meeting but serving, did not answer',
      committee({ eve: [] }),
      [AT_KEY('eve')],
    ],
    [
      'two elections: one finding per member per election',
      { ...committee({ bob: ['2024-02-07'], cat: [] }), ...secondElection, ...Object.fromEntries(['ann', 'dan', 'eve'].map((id) => [path(id), member(id, ['2024-02-07', '2024-03-06'])])) },
      [AT_KEY('bob'), AT_KEY('cat'), AT_KEY('cat')],
    ],
  ])('invalid: %s', (_name, changes, expected) => {
    expect(run(changes)).toEqual(expected);
  });

  it('says who, which election and what is expected', () => {
    expect(checkRules(repoWith(committee({ bob: [] })), [rule], TODAY).map((f) => f.message)).toEqual([
      'bob serves on 2024-02-07, the day of chair election 2024-02-07-chair-election, but has no continuation answer dated 2024-02-07: at each chair election every member is asked whether they continue serving or step down',
    ]);
  });

  it('does not run without records_since', () => {
    expect(run({ ...committee({ bob: [] }), 'governance/charter.yaml': null })).toEqual([]);
  });
});
