// Charter, Policies 1 (Transparency): "ALESCo members must publicly disclose
// their employer and any conflicts of interest, and maintain this disclosure
// in the wiki". About the present: members serving today, dated today.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/disclosure-missing.ts';
import { baseRepo, brief, checkRules, repoWith, type Files } from '../helpers.ts';

const TODAY = '2024-02-20';
const BOB = 'governance/members/bob.yaml';

/**
 * bob's file. `disclosures` (when given) is the third key, on line 3; the
 * root mapping starts at 1:1. null: no `disclosures` key at all.
 */
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

function charterSince(since: string): string {
  return baseRepo()['governance/charter.yaml']!.replace('records_since: 2024-01-01', `records_since: ${since}`);
}

const run = (changes: Files, today = TODAY): string[] => checkRules(repoWith(changes), [rule], today).map(brief);
const AT_KEY = (severity = 'error'): string => `disclosure-missing ${BOB}:3:1 ${severity}`;
const AT_ROOT = `disclosure-missing ${BOB}:1:1 error`;

describe('disclosure-missing: a serving member publicly discloses their employer and conflicts', () => {
  it.each<[string, Files]>([
    ['the base committee: every member disclosed', {}],
    ['a disclosure dated today', { [BOB]: bob([TODAY]) }],
    ['an old disclosure (stale is another rule\'s finding)', { [BOB]: bob(['2020-01-01']) }],
    [
      'a member who left before today',
      { [BOB]: bob(null, ['  - from: 2024-01-10', '    appointed_by: board', '    to: 2024-02-19', '    left: resigned']) },
    ],
    ['a member who serves from tomorrow', { [BOB]: bob(null, ['  - from: 2024-02-21', '    appointed_by: 2024-02-07-x']) }],
    ['a candidate who never served', { [BOB]: bob(null, []).replace('service:\n', 'service: []\n') }],
    ['a disclosure the schema rejected (no such day): unknown, not missing', { [BOB]: bob(['2024-02-30']) }],
    [
      'a member whose service the schema rejected: whether they serve is unknown',
      { [BOB]: bob(null, ['  - from: 2024-01-10', '    appointed_by: board', '  - from: 2024-13-01', '    appointed_by: legacy']) },
    ],
  ])('valid: %s', (_name, changes) => {
    expect(run(changes)).toEqual([]);
  });

  it.each<[string, Files, string[]]>([
    ['no `disclosures` key: at the root mapping', { [BOB]: bob(null) }, [AT_ROOT]],
    ['`disclosures: []`: at the key', { [BOB]: bob([]) }, [AT_KEY()]],
    ['only a disclosure dated tomorrow (after today: does not count)', { [BOB]: bob(['2024-02-21']) }, [AT_KEY()]],
    ['a member serving from today, with no disclosure', { [BOB]: bob([], ['  - from: 2024-02-20', '    appointed_by: 2024-02-07-x']) }, [AT_KEY()]],
  ])('invalid: %s', (_name, changes, expected) => {
    expect(run(changes)).toEqual(expected);
  });

  it('says who and when', () => {
    expect(checkRules(repoWith({ [BOB]: bob([]) }), [rule], TODAY).map((f) => f.message)).toEqual([
      'bob serves today (2024-02-20) but has no disclosure: members publicly disclose their employer and any conflicts of interest',
    ]);
    expect(checkRules(repoWith({ [BOB]: bob(['2024-03-01']) }), [rule], TODAY).map((f) => f.message)).toEqual([
      'bob serves today (2024-02-20) but has no disclosure dated on or before today (the only one is dated 2024-03-01, after today): members publicly disclose their employer and any conflicts of interest',
    ]);
  });

  it.each<[string, string, string[]]>([
    ['today before records_since: a warning', '2024-02-21', [AT_KEY('warning')]],
    ['today on records_since: an error', '2024-02-20', [AT_KEY()]],
  ])('records_since: %s', (_name, since, expected) => {
    expect(run({ [BOB]: bob([]), 'governance/charter.yaml': charterSince(since) })).toEqual(expected);
  });
});
