// Charter, Chair 1: "The position of the chair will rotate among the elected
// members of ALESCo". The chair serves on the committee for the whole term:
// the member's service periods, joined where they touch, cover `from` to `to`
// (today for an open term).
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/chair-not-member.ts';
import { baseRepo, brief, checkRules, repoWith } from '../helpers.ts';

const TODAY = '2025-06-01';
const TERMS = 'governance/chair-terms.yaml';
const ANN = 'governance/members/ann.yaml';
const CHARTER = 'governance/charter.yaml';

/** ann's term on line 2; its `member` value is at column 15. */
function term(from: string, to?: string, member = 'ann'): string {
  return ['terms:', `  - { member: ${member}, from: ${from},${to ? ` to: ${to},` : ''} elected_by: legacy }`, ''].join('\n');
}

function ann(...periods: [from: string, to?: string][]): string {
  const service = periods.map(([from, to]) =>
    [`  - from: ${from}`, '    appointed_by: legacy', ...(to ? [`    to: ${to}`, '    left: resigned'] : [])].join('\n'),
  );
  return ['id: ann', 'name: Ann Example', 'service:', ...service, ''].join('\n');
}

const run = (terms: string, annFile: string | null, extra: Record<string, string | null> = {}): string[] =>
  checkRules(repoWith({ [TERMS]: terms, [ANN]: annFile, ...extra }), [rule], TODAY).map(brief);

const FOUND = [`chair-not-member ${TERMS}:2:15 error`];

describe('chair-not-member: the chair is one of "the elected members of ALESCo"', () => {
  it.each([
    ['serving throughout', term('2024-02-07', '2024-08-06'), ann(['2024-01-10'])],
    ['service ends on the term\'s last day', term('2024-02-07', '2024-08-06'), ann(['2024-01-10', '2024-08-06'])],
    ['service starts on the term\'s first day', term('2024-02-07', '2024-08-06'), ann(['2024-02-07'])],
    [
      'two service periods that touch (one ends the day before the next starts)',
      term('2024-02-07', '2024-08-06'),
      ann(['2024-01-10', '2024-04-30'], ['2024-05-01']),
    ],
    ['service periods listed out of order', term('2024-02-07', '2024-08-06'), ann(['2024-05-01'], ['2024-01-10', '2024-04-30'])],
    ['an open term, serving until today', term('2024-02-07'), ann(['2024-01-10', TODAY])],
    ['a term that starts after today, serving from its first day', term('2025-07-01'), ann(['2024-01-10'])],
  ])('valid: %s', (_name, terms, annFile) => {
    expect(run(terms, annFile)).toEqual([]);
  });

  it.each([
    ['service ends within the term', term('2024-02-07', '2024-08-06'), ann(['2024-01-10', '2024-08-05']), '2024-08-06'],
    ['service starts after the term\'s first day', term('2024-02-07', '2024-08-06'), ann(['2024-02-08']), '2024-02-07'],
    [
      'a one-day gap between service periods',
      term('2024-02-07', '2024-08-06'),
      ann(['2024-01-10', '2024-04-30'], ['2024-05-02']),
      '2024-05-01',
    ],
    ['an open term after the member left', term('2024-02-07'), ann(['2024-01-10', '2025-05-31']), '2025-06-01'],
    ['a candidate who never served', term('2024-02-07', '2024-08-06'), 'id: ann\nname: Ann Example\nservice: []\n', '2024-02-07'],
    [
      'a term whose `elected_by` the schema rejected: its dates and member still count',
      term('2024-02-07', '2024-08-06').replace('legacy', '"Election!"'),
      ann(['2024-01-10', '2024-08-05']),
      '2024-08-06',
    ],
  ])('invalid: %s', (_name, terms, annFile, firstDay) => {
    const found = checkRules(repoWith({ [TERMS]: terms, [ANN]: annFile }), [rule], TODAY);
    expect(found.map(brief)).toEqual(FOUND);
    expect(found[0]?.message).toContain(`does not serve on the committee on ${firstDay},`);
  });

  it('says what the service is', () => {
    const [f] = checkRules(repoWith({ [TERMS]: term('2024-02-07', '2024-08-06'), [ANN]: ann(['2024-01-10', '2024-04-30'], ['2024-05-02']) }), [rule], TODAY);
    expect(f?.message).toBe(
      "ann does not serve on the committee on 2024-05-01, within ann's term from 2024-02-07 to 2024-08-06 " +
        '(service 2024-01-10 to 2024-04-30, 2024-05-02 to now): the chair is a serving member for the whole term',
    );
  });

  it.each([
    ['a chair with no member file (unknown-reference\'s finding)', term('2024-02-07', '2024-08-06', 'zed'), ann(['2024-01-10'])],
    ['a member file skipped for yaml-syntax', term('2024-02-07', '2024-08-06'), 'id: ann\nid: ann\n'],
    [
      'a member whose service the schema rejected',
      term('2024-02-07', '2024-08-06'),
      'id: ann\nname: Ann Example\nservice:\n  - from: 2024-02-30\n    appointed_by: legacy\n',
    ],
    [
      'a service period without `appointed_by` (the schema\'s finding): unknown, not "no service"',
      term('2024-02-07', '2024-08-06'),
      'id: ann\nname: Ann Example\nservice:\n  - from: 2024-01-10\n',
    ],
    ['a member file without `service` (the schema\'s finding): unknown, not "never served"', term('2024-02-07', '2024-08-06'), 'id: ann\nname: Ann Example\n'],
  ])('unknown service is silent: %s', (_name, terms, annFile) => {
    expect(run(terms, annFile)).toEqual([]);
  });

  it.each([
    ['a term that ended before records_since: a warning', term('2024-02-07', '2024-08-06'), '2024-08-07', 'warning'],
    ['a term ending on records_since: an error', term('2024-02-07', '2024-08-06'), '2024-08-06', 'error'],
    ['an open term is judged today: an error', term('2024-02-07'), '2024-08-07', 'error'],
  ])('severity by the term\'s last day: %s', (_name, terms, since, severity) => {
    const charter = baseRepo()[CHARTER]!.replace('records_since: 2024-01-01', `records_since: ${since}`);
    const found = checkRules(repoWith({ [TERMS]: terms, [ANN]: ann(['2024-01-10', '2024-05-31']), [CHARTER]: charter }), [rule], TODAY);
    expect(found.map((f) => f.severity)).toEqual([severity]);
  });
});
