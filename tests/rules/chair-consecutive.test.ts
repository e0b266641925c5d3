// Charter, Chair 4: "The chair cannot serve more than 2 consecutive terms
// (1 year) as chair." Consecutive terms are terms of one member with no other
// member's term between them in time; a vacancy does not break the run.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/chair-consecutive.ts';
import { baseRepo, brief, checkRules, repoWith } from '../helpers.ts';

const TODAY = '2026-01-01';
const TERMS = 'governance/chair-terms.yaml';
const CHARTER = 'governance/charter.yaml';

/** One flow mapping per line: term i is on line i + 2, its `member` value at column 15. */
function terms(...lines: [member: string, from: string, to?: string][]): string {
  const body = lines.map(([m, from, to]) => `  - { member: ${m}, from: ${from},${to ? ` to: ${to},` : ''} elected_by: legacy }`);
  return ['terms:', ...body, ''].join('\n');
}

function charter(change: [string, string]): string {
  return baseRepo()[CHARTER]!.replace(change[0], change[1]);
}

const run = (content: string, extra: Record<string, string | null> = {}): string[] =>
  checkRules(repoWith({ [TERMS]: content, ...extra }), [rule], TODAY).map(brief);

const A1: [string, string, string] = ['ann', '2024-01-10', '2024-07-09'];
const A2: [string, string, string] = ['ann', '2024-07-10', '2025-01-09'];

describe('chair-consecutive: "cannot serve more than 2 consecutive terms"', () => {
  it.each([
    ['two consecutive terms', terms(A1, A2)],
    ['two, another member, then the first again', terms(A1, A2, ['bob', '2025-01-10', '2025-07-09'], ['ann', '2025-07-10'])],
    ['two, another member, then two more', terms(A1, A2, ['bob', '2025-01-10', '2025-07-09'], ['ann', '2025-07-10', '2025-12-01'], ['ann', '2025-12-02'])],
    [
      'another member\'s term between them in time, though listed last in the file',
      terms(A1, A2, ['ann', '2025-07-10'], ['bob', '2025-01-10', '2025-07-09']),
    ],
    ['another member\'s term whose `to` the schema rejected still breaks the run', terms(A1, A2, ['bob', '2025-01-10', '2025-07-40'], ['ann', '2025-07-10'])],
    ['a term whose `member` the schema rejected may break the run: unknown', terms(A1, A2, ['Bob!', '2025-01-10', '2025-07-09'], ['ann', '2025-07-10'])],
    ['a term whose `from` the schema rejected may lie between: unknown', terms(A1, A2, ['bob', '2025-01-40', '2025-07-09'], ['ann', '2025-07-10'])],
  ])('valid: %s', (_name, content) => {
    expect(run(content)).toEqual([]);
  });

  it.each([
    ['three consecutive terms: the third', terms(A1, A2, ['ann', '2025-01-10']), [`chair-consecutive ${TERMS}:4:15 error`]],
    [
      'a vacancy between terms of the same member does not break the run',
      terms(A1, A2, ['ann', '2025-03-01']),
      [`chair-consecutive ${TERMS}:4:15 error`],
    ],
    [
      'four: every term beyond the limit',
      terms(A1, A2, ['ann', '2025-01-10', '2025-07-09'], ['ann', '2025-07-10']),
      [`chair-consecutive ${TERMS}:4:15 error`, `chair-consecutive ${TERMS}:5:15 error`],
    ],
    [
      'another member\'s earlier term does not start a new run later',
      terms(['bob', '2023-07-10', '2024-01-09'], A1, A2, ['ann', '2025-01-10']),
      [`chair-consecutive ${TERMS}:5:15 error`],
    ],
    [
      'a term whose `elected_by` the schema rejected still counts in the run',
      terms(A1, A2, ['ann', '2025-01-10']).replace('2025-01-10, elected_by: legacy', '2025-01-10, elected_by: "Election!"'),
      [`chair-consecutive ${TERMS}:4:15 error`],
    ],
    [
      'a term whose `to` the schema rejected still counts in the run: the term after it is reported',
      terms(A1, ['ann', '2024-07-10', '2025-01-40'], ['ann', '2025-01-10']),
      [`chair-consecutive ${TERMS}:4:15 error`],
    ],
  ])('invalid: %s', (_name, content, expected) => {
    expect(run(content)).toEqual(expected);
  });

  it('names the run', () => {
    const [f] = checkRules(repoWith({ [TERMS]: terms(A1, A2, ['ann', '2025-01-10']) }), [rule], TODAY);
    expect(f?.message).toBe(
      "ann's term from 2025-01-10 is their third consecutive chair term (from 2024-01-10, 2024-07-10, 2025-01-10): " +
        'at most 2 consecutive terms, then another member chairs',
    );
  });

  it('reads max_consecutive_terms from the charter', () => {
    const three = charter(['max_consecutive_terms: 2', 'max_consecutive_terms: 3']);
    expect(run(terms(A1, A2, ['ann', '2025-01-10']), { [CHARTER]: three })).toEqual([]);
  });

  it.each([
    ['the third term ended before records_since: a warning', ['ann', '2025-01-10', '2025-07-09'], '2025-07-10', 'warning'],
    ['the third term ends on records_since: an error', ['ann', '2025-01-10', '2025-07-09'], '2025-07-09', 'error'],
    ['the third term is open (judged today): an error', ['ann', '2025-01-10'], '2025-07-10', 'error'],
  ] as const)('severity by the term\'s last day: %s', (_name, third, since, severity) => {
    const found = checkRules(
      repoWith({ [TERMS]: terms(A1, A2, [...third]), [CHARTER]: charter(['records_since: 2024-01-01', `records_since: ${since}`]) }),
      [rule],
      TODAY,
    );
    expect(found.map((f) => f.severity)).toEqual([severity]);
  });

  it('without a readable charter the rule does not run', () => {
    expect(run(terms(A1, A2, ['ann', '2025-01-10']), { [CHARTER]: null })).toEqual([]);
  });
});
