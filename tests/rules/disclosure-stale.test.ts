// Charter, Policies 1 (Transparency): members "maintain this disclosure in the
// wiki, updating it as necessary for accuracy". Stale when today > date +
// max_age_months months (exactly six calendar months old is not stale).
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/disclosure-stale.ts';
import { baseRepo, brief, checkRules, repoWith, type Files } from '../helpers.ts';

const TODAY = '2024-02-20';
const BOB = 'governance/members/bob.yaml';

/** bob's file, serving since 2024-01-10; `disclosures` is on line 3. */
function bob(disclosures: string[] | null, service = ['  - from: 2024-01-10', '    appointed_by: board']): string {
  return [
    'id: bob',
    'name: Bob Example',
    ...(disclosures === null ? [] : disclosures.length === 0 ? ['disclosures: []'] : ['disclosures:', ...disclosures.map((d) => `  - { date: ${d}, employer: Example Corp }`)]),
    'service:',
    ...service,
    '',
  ].join('\n');
}

const run = (changes: Files, today = TODAY): string[] => checkRules(repoWith(changes), [rule], today).map(brief);
const STALE = `disclosure-stale ${BOB}:3:1 warning`;

describe('disclosure-stale: a serving member\'s newest disclosure is at most max_age_months old', () => {
  it.each<[string, string[], string?]>([
    ['exactly six months old', ['2023-08-20']],
    ['five months old', ['2023-09-20']],
    ['the newest is first in the list (newest wherever it stands)', ['2024-01-10', '2023-01-01']],
    ['2023-08-31 + 6 months = 2024-02-29 (clamped): current on 2024-02-29', ['2023-08-31'], '2024-02-29'],
    ['2023-08-31 is current through 2024-02-29, so not stale on 2024-02-28 either', ['2023-08-31'], '2024-02-28'],
  ])('valid: %s', (_name, disclosures, today) => {
    expect(run({ [BOB]: bob(disclosures) }, today)).toEqual([]);
  });

  it.each<[string, Files]>([
    ['no disclosure at all: disclosure-missing\'s finding', { [BOB]: bob(null) }],
    ['an empty list: disclosure-missing\'s finding', { [BOB]: bob([]) }],
    ['only a future disclosure: disclosure-missing\'s finding', { [BOB]: bob(['2024-03-01']) }],
    [
      'a member who no longer serves',
      { [BOB]: bob(['2020-01-01'], ['  - from: 2024-01-10', '    appointed_by: board', '    to: 2024-02-01', '    left: resigned']) },
    ],
    ['a disclosure the schema rejected, beside an old one: unknown', { [BOB]: bob(['2020-01-01', '2024-02-30']) }],
    ['a member whose service the schema rejected', { [BOB]: bob(['2020-01-01'], ['  - from: 2024-02-30', '    appointed_by: board']) }],
  ])('silent: %s', (_name, changes) => {
    expect(run(changes)).toEqual([]);
  });

  it.each<[string, string[], string?]>([
    ['six months and a day old', ['2023-08-19']],
    ['the newest, last in the list, is too old', ['2023-01-01', '2023-03-01']],
    ['the newest is in the middle of the list', ['2023-01-01', '2023-06-01', '2023-02-01']],
    ['a disclosure dated after today does not count: the newest current one is too old', ['2023-01-01', '2024-03-01']],
    ['2023-08-31 on 2024-03-01 (past 2024-02-29)', ['2023-08-31'], '2024-03-01'],
  ])('invalid: %s', (_name, disclosures, today) => {
    expect(run({ [BOB]: bob(disclosures) }, today)).toEqual([STALE]);
  });

  it('says how old and what is expected', () => {
    expect(checkRules(repoWith({ [BOB]: bob(['2023-08-19']) }), [rule], TODAY).map((f) => f.message)).toEqual([
      "bob's newest disclosure is dated 2023-08-19, more than 6 months before today (2024-02-20; it was current through 2024-02-19): review the employer and conflicts and add a new dated disclosure",
    ]);
  });

  it('reads max_age_months from the charter', () => {
    const charter = baseRepo()['governance/charter.yaml']!.replace('max_age_months: 6', 'max_age_months: 12');
    expect(run({ [BOB]: bob(['2023-08-19']), 'governance/charter.yaml': charter })).toEqual([]);
    expect(run({ [BOB]: bob(['2023-02-19']), 'governance/charter.yaml': charter })).toEqual([STALE]);
  });

  it('is a warning before and after records_since', () => {
    const charter = baseRepo()['governance/charter.yaml']!.replace('records_since: 2024-01-01', 'records_since: 2025-01-01');
    expect(run({ [BOB]: bob(['2023-08-19']), 'governance/charter.yaml': charter })).toEqual([STALE]);
  });
});
