// Charter, Chair 3: "The chair will be elected by members of ALESCo."
// A term's `elected_by` is a chair-election vote whose recorded `result` is
// `elected:<this member>`, dated on or before `from`; `legacy` only for a
// term that started before records_since.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/chair-not-elected.ts';
import { baseRepo, brief, checkRules, repoWith, type Files } from '../helpers.ts';

const TERMS = 'governance/chair-terms.yaml';
const CHARTER = 'governance/charter.yaml';
const ELECTION = 'governance/votes/2024-02-07-chair-election.yaml';

/** One open term on line 2; its `elected_by` value is at column 50 (three-letter id, a `from`). */
function term(from: string, electedBy: string, member = 'ann'): string {
  return ['terms:', `  - { member: ${member}, from: ${from}, elected_by: ${electedBy} }`, ''].join('\n');
}

function charterSince(since: string): string {
  return baseRepo()[CHARTER]!.replace('records_since: 2024-01-01', `records_since: ${since}`);
}

/** The base chair election with other ballots, result or extra lines. */
function election(ballots: Record<string, string>, result: string, extra: string[] = []): string {
  return [
    'id: 2024-02-07-chair-election',
    'date: 2024-02-07',
    'meeting: 2024-02-07',
    'kind: chair-election',
    'motion: Elect the chair for the next six months',
    'candidates:',
    '  - { member: ann, nominated_by: bob, accepted: true }',
    '  - { member: bob, nominated_by: cat, accepted: true }',
    'ballots:',
    ...Object.entries(ballots).map(([voter, value]) => `  ${voter}: ${value}`),
    `result: ${result}`,
    ...extra,
    '',
  ].join('\n');
}

function policyVote(id: string, date: string, result: string): string {
  return [`id: ${id}`, `date: ${date}`, `async: { channel: "~c", opened: ${date}, closed: ${date} }`, 'kind: policy', 'motion: Something', 'ballots:', '  ann: yes', '  bob: yes', '  cat: yes', '  dan: no', `result: ${result}`, ''].join('\n');
}

const FOR_BOB = { ann: 'bob', bob: 'bob', cat: 'bob', dan: 'abstain' };
const run = (changes: Files): string[] => checkRules(repoWith(changes), [rule]).map(brief);
const FOUND = [`chair-not-elected ${TERMS}:2:50 error`];

describe('chair-not-elected: "The chair will be elected by members of ALESCo"', () => {
  it.each<[string, Files]>([
    ['the base fixture: elected the day the term starts', {}],
    ['elected the day before the term starts', { [TERMS]: term('2024-02-08', '2024-02-07-chair-election') }],
    ['legacy for a term that started before records_since', { [TERMS]: term('2024-02-07', 'legacy'), [CHARTER]: charterSince('2024-02-08') }],
    [
      'nullified_by naming a vote that did not pass: not nullified (unknown-reference\'s finding)',
      {
        [ELECTION]: election({ ann: 'ann', bob: 'ann', cat: 'ann', dan: 'abstain' }, 'elected:ann', ['nullified_by: 2024-02-10-annul']),
        'governance/votes/2024-02-10-annul.yaml': policyVote('2024-02-10-annul', '2024-02-10', 'not-passed'),
      },
    ],
  ])('valid: %s', (_name, changes) => {
    expect(run(changes)).toEqual([]);
  });

  it.each<[string, Files, string]>([
    ['the election is dated after the term starts', { [TERMS]: term('2024-02-06', '2024-02-07-chair-election') }, 'is dated 2024-02-07, after the term\'s start 2024-02-06'],
    ['the result names someone else', { [ELECTION]: election(FOR_BOB, 'elected:bob') }, 'has result elected:bob, not elected:ann'],
    ['no-majority', { [ELECTION]: election({ ann: 'ann', bob: 'bob', cat: 'abstain', dan: 'abstain' }, 'no-majority') }, 'has result no-majority, not elected:ann'],
    [
      'a vote of another kind',
      { [TERMS]: term('2024-02-07', '2024-02-07-policy'), 'governance/votes/2024-02-07-policy.yaml': policyVote('2024-02-07-policy', '2024-02-07', 'passed') },
      'is a policy vote: a chair term is elected by a vote of kind chair-election',
    ],
    ['legacy from records_since on', { [TERMS]: term('2024-02-07', 'legacy') }, 'gives elected_by: legacy, allowed only for a term that started before records_since 2024-01-01'],
    ['legacy on the very day of records_since', { [TERMS]: term('2024-02-07', 'legacy'), [CHARTER]: charterSince('2024-02-07') }, 'records_since 2024-02-07'],
    [
      'a nullified election elects no one',
      {
        [ELECTION]: election({ ann: 'ann', bob: 'ann', cat: 'ann', dan: 'abstain' }, 'elected:ann', ['nullified_by: 2024-02-10-annul']),
        'governance/votes/2024-02-10-annul.yaml': policyVote('2024-02-10-annul', '2024-02-10', 'passed'),
      },
      'was nullified by "2024-02-10-annul"',
    ],
  ])('invalid: %s', (_name, changes, message) => {
    const found = checkRules(repoWith({ [TERMS]: term('2024-02-07', '2024-02-07-chair-election'), ...changes }), [rule]);
    expect(found.map(brief)).toEqual(FOUND);
    expect(found[0]?.message).toContain(message);
  });

  it.each<[string, Files]>([
    ['the recorded result contradicts the ballots (vote-result\'s finding)', { [ELECTION]: election({ ann: 'ann', bob: 'ann', cat: 'ann', dan: 'abstain' }, 'elected:bob') }],
    [
      'the vote had no quorum (vote-quorum\'s finding)',
      {
        [ELECTION]: election({ ann: 'bob', bob: 'bob', cat: 'bob' }, 'elected:bob'),
        'governance/meetings/2024-02-07.yaml': 'date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat]\n',
      },
    ],
  ])('a disputed outcome is silent: %s', (_name, changes) => {
    expect(run(changes)).toEqual([]);
  });

  it.each<[string, Files]>([
    ['a vote that does not exist (unknown-reference\'s finding)', { [TERMS]: term('2024-02-07', '2024-02-07-nothing') }],
    ['a vote file skipped for yaml-syntax', { [ELECTION]: 'id: a\nid: b\n' }],
    ['a vote whose kind the schema rejected', { [ELECTION]: election(FOR_BOB, 'elected:bob').replace('kind: chair-election', 'kind: chair') }],
    ['a term whose `elected_by` the schema rejected', { [TERMS]: term('2024-02-07', '"Election!"') }],
    ['a term without `elected_by` (the schema\'s finding)', { [TERMS]: 'terms:\n  - { member: ann, from: 2024-02-07 }\n' }],
    ['a charter without records_since: legacy cannot be judged', { [TERMS]: term('2024-02-07', 'legacy'), [CHARTER]: baseRepo()[CHARTER]!.replace('records_since: 2024-01-01\n', '') }],
  ])('unknown is silent: %s', (_name, changes) => {
    expect(run(changes)).toEqual([]);
  });

  it.each<[string, Files, string]>([
    ['a term that started before records_since: a warning', { [TERMS]: term('2024-02-06', '2024-02-07-chair-election'), [CHARTER]: charterSince('2024-02-07') }, 'warning'],
    ['a term that started on records_since: an error', { [TERMS]: term('2024-02-06', '2024-02-07-chair-election'), [CHARTER]: charterSince('2024-02-06') }, 'error'],
  ])('severity by the term\'s `from`: %s', (_name, changes, severity) => {
    expect(checkRules(repoWith(changes), [rule]).map((f) => f.severity)).toEqual([severity]);
  });

  it('a late vote with the wrong result gives both faults', () => {
    const found = checkRules(repoWith({ [TERMS]: term('2024-02-06', '2024-02-07-chair-election'), [ELECTION]: election(FOR_BOB, 'elected:bob') }), [rule]);
    expect(found.map((f) => f.message)).toEqual([
      'elected_by "2024-02-07-chair-election" has result elected:bob, not elected:ann: the vote behind a chair term elects that term\'s member',
      'elected_by "2024-02-07-chair-election" is dated 2024-02-07, after the term\'s start 2024-02-06: a term starts on or after the election that elected its chair',
    ]);
  });
});
