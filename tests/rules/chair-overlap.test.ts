// Charter, Chair 1: "The position of the chair will rotate among the elected
// members of ALESCo on a semi-annual basis- a 6-month term." One chair at a
// time: a term starts on the day after the previous term's `to` at the earliest.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/chair-overlap.ts';
import { baseRepo, brief, checkRules, repoWith } from '../helpers.ts';

const TODAY = '2025-06-01';
const TERMS = 'governance/chair-terms.yaml';

/** One flow mapping per line: term i is on line i + 2, its `from` value at column 26 (three-letter ids). */
function terms(...lines: [member: string, from: string, to?: string][]): string {
  const body = lines.map(([m, from, to]) => `  - { member: ${m}, from: ${from},${to ? ` to: ${to},` : ''} elected_by: legacy }`);
  return ['terms:', ...body, ''].join('\n');
}

function charterSince(since: string): string {
  return baseRepo()['governance/charter.yaml']!.replace('records_since: 2024-01-01', `records_since: ${since}`);
}

const run = (content: string, extra: Record<string, string> = {}): string[] =>
  checkRules(repoWith({ [TERMS]: content, ...extra }), [rule], TODAY).map(brief);

describe('chair-overlap: "a 6-month term" rotating: one chair at a time', () => {
  it.each([
    ['a handover: the old `to` is the day before the new `from`', terms(['ann', '2024-02-07', '2024-08-06'], ['bob', '2024-08-07'])],
    ['a vacancy between terms', terms(['ann', '2024-02-07', '2024-08-06'], ['bob', '2024-09-01'])],
    ['a single open term', terms(['ann', '2024-02-07'])],
    ['consecutive terms of one member that do not overlap', terms(['ann', '2024-02-07', '2024-08-06'], ['ann', '2024-08-07'])],
  ])('valid: %s', (_name, content) => {
    expect(run(content)).toEqual([]);
  });

  it.each([
    [
      'the new term starts on the old term\'s last day (one shared day)',
      terms(['ann', '2024-02-07', '2024-08-07'], ['bob', '2024-08-07']),
      [`chair-overlap ${TERMS}:3:26 error`],
    ],
    [
      'an earlier term left open',
      terms(['ann', '2024-02-07'], ['bob', '2024-08-07']),
      [`chair-overlap ${TERMS}:3:26 error`],
    ],
    [
      'a term inside another',
      terms(['ann', '2024-02-07', '2024-12-31'], ['bob', '2024-03-01', '2024-04-01']),
      [`chair-overlap ${TERMS}:3:26 error`],
    ],
    [
      'three terms overlapping each other: one finding per pair, on the later term',
      terms(['ann', '2024-02-07'], ['bob', '2024-03-01', '2024-05-01'], ['cat', '2024-04-01', '2024-06-01']),
      [`chair-overlap ${TERMS}:3:26 error`, `chair-overlap ${TERMS}:4:26 error`, `chair-overlap ${TERMS}:4:26 error`],
    ],
    [
      'the later term listed first: "later" is in time, not in the file',
      terms(['bob', '2024-08-01'], ['ann', '2024-02-07', '2024-08-06']),
      [`chair-overlap ${TERMS}:2:26 error`],
    ],
    [
      'a term whose `elected_by` the schema rejected still has its dates',
      terms(['ann', '2024-02-07', '2024-08-07'], ['bob', '2024-08-07']).replace('bob, from: 2024-08-07, elected_by: legacy', 'bob, from: 2024-08-07, elected_by: "Election!"'),
      [`chair-overlap ${TERMS}:3:26 error`],
    ],
    [
      'a term whose `member` the schema rejected still occupies its days',
      terms(['ann', '2024-02-07', '2024-08-07'], ['BOB', '2024-08-07']),
      [`chair-overlap ${TERMS}:3:26 error`],
    ],
    [
      'two terms starting the same day: the one listed later',
      terms(['ann', '2024-02-07', '2024-08-06'], ['bob', '2024-02-07', '2024-08-06']),
      [`chair-overlap ${TERMS}:3:26 error`],
    ],
  ])('invalid: %s', (_name, content, expected) => {
    expect(run(content)).toEqual(expected);
  });

  it('says which terms overlap', () => {
    const [f] = checkRules(repoWith({ [TERMS]: terms(['ann', '2024-02-07', '2024-08-07'], ['bob', '2024-08-07']) }), [rule], TODAY);
    expect(f?.message).toBe(
      "bob's term from 2024-08-07 (open) overlaps ann's term from 2024-02-07 to 2024-08-07: one chair at a time, " +
        "a term starts on the day after the previous term's `to` at the earliest (ann's term ends 2024-08-07)",
    );
  });

  it.each([
    ['the later term ended before records_since: a warning', terms(['ann', '2024-02-07', '2024-08-07'], ['bob', '2024-08-07', '2024-12-31']), 'warning'],
    ['the later term ends on records_since: an error', terms(['ann', '2024-02-07', '2024-08-07'], ['bob', '2024-08-07', '2025-01-01']), 'error'],
    ['the later term is open (judged today, after records_since): an error', terms(['ann', '2024-02-07', '2024-08-07'], ['bob', '2024-08-07']), 'error'],
  ])('severity is decided by the later term\'s last day: %s', (_name, content, severity) => {
    const found = checkRules(repoWith({ [TERMS]: content, 'governance/charter.yaml': charterSince('2025-01-01') }), [rule], TODAY);
    expect(found.map((f) => f.severity)).toEqual([severity]);
  });

  it('a term whose `to` the schema rejected is unknown, not open: no finding', () => {
    const content = ['terms:', '  - { member: ann, from: 2024-02-07, to: 2024-02-30, elected_by: legacy }', '  - { member: bob, from: 2024-08-07, elected_by: legacy }', ''].join('\n');
    expect(run(content)).toEqual([]);
  });

  it('no chair-terms.yaml means no terms', () => {
    expect(checkRules(repoWith({ [TERMS]: null }), [rule], TODAY)).toEqual([]);
  });
});
