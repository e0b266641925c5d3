// Charter, Chair 1: "The position of the chair will rotate among the elected
// members of ALESCo on a semi-annual basis- a 6-month term." Days with no
// chair between the first term and today, and an open term past
// from + term_months months + 31 days today (an election is overdue).
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/chair-vacant.ts';
import { loadRepository } from '../../scripts/core/load.ts';
import { loadSchemas } from '../../scripts/shell/fs-repo.ts';
import { brief, checkRules, repoWith } from '../helpers.ts';

const TODAY = '2025-06-01';
const TERMS = 'governance/chair-terms.yaml';

/** Term i on line i + 2: the mapping at column 5, `from` at 26, `to` at 42 (three-letter ids). */
function terms(...lines: [member: string, from: string, to?: string][]): string {
  const body = lines.map(([m, from, to]) => `  - { member: ${m}, from: ${from},${to ? ` to: ${to},` : ''} elected_by: legacy }`);
  return ['terms:', ...body, ''].join('\n');
}

const findings = (content: string | null, today = TODAY) => checkRules(repoWith({ [TERMS]: content }), [rule], today);
const run = (content: string | null, today = TODAY): string[] => findings(content, today).map(brief);
const messages = (content: string | null, today = TODAY): string[] => findings(content, today).map((f) => f.message);

describe('chair-vacant: a chair in office every day, each term "a 6-month term"', () => {
  it.each([
    ['a handover: the old `to` is the day before the new `from`', terms(['ann', '2024-08-07', '2025-02-06'], ['bob', '2025-02-07'])],
    ['overlapping terms (chair-overlap\'s finding) leave no gap', terms(['ann', '2024-08-07', '2025-02-08'], ['bob', '2025-02-07'])],
    [
      'a short term inside a longer one, then a handover from the longer one',
      terms(['ann', '2024-02-07', '2024-12-31'], ['bob', '2024-03-01', '2024-04-01'], ['cat', '2025-01-01']),
    ],
    ['days before the first term are not a vacancy', terms(['ann', '2025-01-01'])],
    ['no terms at all', 'terms: []\n'],
    ['the only term starts after today', terms(['ann', '2025-07-01'])],
    ['the last closed term ends today', terms(['ann', '2025-01-01', TODAY])],
    ['a closed term ending after today', terms(['ann', '2025-01-01', '2025-07-01'])],
    [
      'a term whose `elected_by` the schema rejected still covers its days',
      terms(['ann', '2024-08-07', '2025-02-06'], ['bob', '2025-02-07', '2025-04-06'], ['cat', '2025-04-07']).replace(
        '2025-04-06, elected_by: legacy',
        '2025-04-06, elected_by: "Election!"',
      ),
    ],
    [
      'a term without `elected_by` (the schema\'s finding) still covers its days',
      terms(['ann', '2024-08-07', '2025-02-06'], ['bob', '2025-02-07', '2025-04-06'], ['cat', '2025-04-07']).replace('2025-04-06, elected_by: legacy', '2025-04-06'),
    ],
    [
      'a term whose `to` the schema rejected: the days after its `from` are unknown, not vacant',
      terms(['ann', '2024-08-07', '2025-02-06'], ['bob', '2025-02-07', '2025-02-30'], ['cat', '2025-04-07']),
    ],
    [
      'a term whose `from` the schema rejected could cover any gap',
      terms(['ann', '2024-08-07', '2025-02-06'], ['bob', '2025-02-30', '2025-04-06'], ['cat', '2025-04-07']),
    ],
    [
      'an open term followed by a term whose `to` is unknown: which term is in office today is unknown',
      terms(['ann', '2024-01-01'], ['bob', '2025-05-01', '2025-13-01']),
    ],
  ])('valid: %s', (_name, content) => {
    expect(run(content)).toEqual([]);
  });

  it.each([
    ['a one-day gap between terms: at the next term', terms(['ann', '2024-08-07', '2025-02-06'], ['bob', '2025-02-08']), [`chair-vacant ${TERMS}:3:26 warning`]],
    [
      'two gaps: one finding per gap',
      terms(['ann', '2024-02-07', '2024-08-06'], ['bob', '2024-08-10', '2025-01-01'], ['cat', '2025-02-01']),
      [`chair-vacant ${TERMS}:3:26 warning`, `chair-vacant ${TERMS}:4:26 warning`],
    ],
    [
      'terms listed out of time order: the gap is at the term after it',
      terms(['bob', '2025-02-08'], ['ann', '2024-08-07', '2025-02-06']),
      [`chair-vacant ${TERMS}:2:26 warning`],
    ],
    ['after the last closed term, until today: at its `to`', terms(['ann', '2025-01-01', '2025-05-31']), [`chair-vacant ${TERMS}:2:42 warning`]],
    [
      'a term starting after today is ignored: the gap runs to today',
      terms(['ann', '2024-02-07', '2024-08-06'], ['bob', '2025-07-01']),
      [`chair-vacant ${TERMS}:2:42 warning`],
    ],
    ['an open term past its limit today: at the term', terms(['ann', '2024-10-31']), [`chair-vacant ${TERMS}:2:5 warning`]],
    [
      'a term whose `member` the schema rejected still covers its days: the gap before it, at its `from`',
      terms(['ann', '2024-08-07', '2025-01-31'], ['BOB', '2025-02-07', '2025-04-06'], ['cat', '2025-04-07']),
      [`chair-vacant ${TERMS}:3:26 warning`],
    ],
    ['an open term whose `member` the schema rejected, past its limit today', terms(['ANN', '2024-10-31']), [`chair-vacant ${TERMS}:2:5 warning`]],
    [
      'a gap before a term whose `to` the schema rejected is still a gap; after its `from`, unknown',
      terms(['ann', '2024-08-07', '2025-01-31'], ['bob', '2025-02-07', '2025-04-06'], ['cat', '2025-04-07', '2025-13-01']),
      [`chair-vacant ${TERMS}:3:26 warning`],
    ],
  ])('invalid: %s', (_name, content, expected) => {
    expect(run(content)).toEqual(expected);
  });

  it('names the gap, dated by its days', () => {
    expect(messages(terms(['ann', '2024-08-07', '2025-02-06'], ['bob', '2025-02-08']))).toEqual([
      "no chair from 2025-02-07 to 2025-02-07 (1 day), between ann's term from 2024-08-07 to 2025-02-06 and bob's term from 2025-02-08 (open): " +
        "the next term starts on the day after the previous term's `to`",
    ]);
    expect(messages(terms(['ann', '2025-01-01', '2025-05-30']))).toEqual([
      "no chair from 2025-05-31 to today 2025-06-01 (2 days): the last term, ann's term from 2025-01-01 to 2025-05-30, has no successor; record the next chair's term",
    ]);
  });

  it.each([
    ['exactly on from + 6 months + 31 days (2024-02-07 -> 2024-09-07): not yet', '2024-09-07', []],
    ['the day after it', '2024-09-08', [`chair-vacant ${TERMS}:2:5 warning`]],
  ])('an open term from 2024-02-07 today %s', (_name, today, expected) => {
    expect(run(terms(['ann', '2024-02-07']), today)).toEqual(expected);
  });

  it('says when the open term should have ended', () => {
    expect(messages(terms(['ann', '2024-02-07']), '2024-09-08')).toEqual([
      "ann's term from 2024-02-07 (open) is past its length limit today 2024-09-08: it should have ended by 2024-09-07 " +
        '(from + 6 months + 31 days); a chair election is overdue',
    ]);
  });

  it('only the open term in office is judged: an older open term superseded by a later one is chair-overlap\'s', () => {
    expect(run(terms(['ann', '2023-01-01'], ['bob', '2025-05-01']))).toEqual([]);
  });

  it('without a readable charter the rule does not run', () => {
    expect(checkRules(repoWith({ [TERMS]: terms(['ann', '2024-02-07']), 'governance/charter.yaml': null }), [rule], TODAY)).toEqual([]);
  });

  it('dates each finding by the gap\'s last day (today for a gap running to today or an overdue open term)', () => {
    const files = repoWith({ [TERMS]: terms(['ann', '2024-02-07', '2024-08-06'], ['bob', '2024-08-10', '2025-01-01']) });
    const { model } = loadRepository({
      files: Object.entries(files).flatMap(([path, text]) => (typeof text === 'string' ? [{ path, bytes: new TextEncoder().encode(text) }] : [])),
      schemas: loadSchemas(),
      today: TODAY,
    });
    expect(rule.check(model).map((f) => f.date)).toEqual(['2024-08-09', TODAY]);
  });
});
