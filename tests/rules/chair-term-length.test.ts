// Charter, Chair 1: "The position of the chair will rotate among the elected
// members of ALESCo on a semi-annual basis- a 6-month term." A closed term's
// `to` is on or before from + term_months months + 31 days (grace for an
// election at the first meeting after the term).
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/chair-term-length.ts';
import { baseRepo, brief, checkRules, repoWith } from '../helpers.ts';

const TODAY = '2025-06-01';
const TERMS = 'governance/chair-terms.yaml';
const CHARTER = 'governance/charter.yaml';

/** One term on line 2; its `to` value is at column 42. */
function term(from: string, to?: string): string {
  return ['terms:', `  - { member: ann, from: ${from},${to ? ` to: ${to},` : ''} elected_by: legacy }`, ''].join('\n');
}

function charter(change: [string, string]): string {
  return baseRepo()[CHARTER]!.replace(change[0], change[1]);
}

const run = (content: string, extra: Record<string, string | null> = {}): string[] =>
  checkRules(repoWith({ [TERMS]: content, ...extra }), [rule], TODAY).map(brief);

describe('chair-term-length: "a 6-month term" (plus 31 days of grace)', () => {
  it.each([
    ['6 months and 31 days: 2024-01-10 -> 2024-08-10', term('2024-01-10', '2024-08-10')],
    ['exactly 6 months', term('2024-01-10', '2024-07-10')],
    ['a short term', term('2024-01-10', '2024-02-10')],
    ['month end clamps: 2024-08-31 + 6 months = 2025-02-28, + 31 days = 2025-03-31', term('2024-08-31', '2025-03-31')],
    ['an open term, however old (chair-vacant judges it today)', term('2020-01-10')],
  ])('valid: %s', (_name, content) => {
    expect(run(content)).toEqual([]);
  });

  it.each([
    ['6 months and 32 days: 2024-01-10 -> 2024-08-11', term('2024-01-10', '2024-08-11')],
    ['month end clamps: 2024-08-31 -> 2025-04-01', term('2024-08-31', '2025-04-01')],
    ['a year on one election', term('2024-01-10', '2025-01-09')],
    ['a term whose `elected_by` the schema rejected: its dates still count', term('2024-01-10', '2024-08-11').replace('legacy', '"Election!"')],
    ['a term whose `member` the schema rejected: its dates still count', term('2024-01-10', '2024-08-11').replace('member: ann', 'member: ANN')],
    ['a term without `elected_by` (the schema\'s finding): its dates still count', term('2024-01-10', '2024-08-11').replace(', elected_by: legacy', '')],
  ])('invalid: %s', (_name, content) => {
    expect(run(content)).toEqual([`chair-term-length ${TERMS}:2:42 error`]);
  });

  it('says the latest allowed end', () => {
    const [f] = checkRules(repoWith({ [TERMS]: term('2024-01-10', '2024-08-11') }), [rule], TODAY);
    expect(f?.message).toBe(
      "ann's term from 2024-01-10 to 2024-08-11 is too long: it ends 2024-08-11, after 2024-08-10 " +
        '(from + 6 months + 31 days of grace for an election at the first meeting after the term)',
    );
  });

  it('reads term_months from the charter', () => {
    const longer = charter(['chair: { term_months: 6,', 'chair: { term_months: 12,']);
    expect(run(term('2024-01-10', '2024-08-11'), { [CHARTER]: longer })).toEqual([]);
    expect(run(term('2024-01-10', '2025-02-11'), { [CHARTER]: longer })).toEqual([`chair-term-length ${TERMS}:2:42 error`]);
  });

  it.each([
    ['a term ending before records_since is history: a warning', '2024-08-11', '2024-08-12', 'warning'],
    ['a term ending on records_since: an error', '2024-08-11', '2024-08-11', 'error'],
  ])('severity by the term\'s last day: %s', (_name, to, since, severity) => {
    const found = checkRules(
      repoWith({ [TERMS]: term('2024-01-10', to), [CHARTER]: charter(['records_since: 2024-01-01', `records_since: ${since}`]) }),
      [rule],
      TODAY,
    );
    expect(found.map((f) => f.severity)).toEqual([severity]);
  });

  it('without a readable charter the rule does not run', () => {
    expect(run(term('2024-01-10', '2025-01-09'), { [CHARTER]: null })).toEqual([]);
  });

  it('a rejected `to` is unknown: no finding', () => {
    expect(run(term('2024-01-10', '2025-13-01'))).toEqual([]);
  });
});
