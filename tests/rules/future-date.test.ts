// Records are of what happened: a meeting, vote, disclosure or correction
// dated after today (plus one day for time zones) is an error.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/future-date.ts';
import { baseRepo, brief, checkRules, repoWith, type Files } from '../helpers.ts';

const TODAY = '2024-02-20';
const meeting = (date: string, extra = ''): Files => ({
  [`governance/meetings/${date}.yaml`]: `date: ${date}\nkind: regular\npresent: [ann, bob, cat, dan]\n${extra}`,
});
const vote = (date: string): Files => ({
  [`governance/votes/${date}-x.yaml`]: `id: ${date}-x\ndate: ${date}\nasync: { closed: ${date} }\nkind: decision\nmotion: M\nballots: { ann: yes, bob: yes, cat: yes, dan: yes }\nresult: passed\n`,
});
const ANN = 'governance/members/ann.yaml';
const disclosure = (date: string): Files => ({
  [ANN]: baseRepo()[ANN]!.replace('    conflicts: []\n', `    conflicts: []\n  - date: ${date}\n    employer: Other Corp\n`),
});
const VOTE = 'governance/votes/2024-02-07-chair-election.yaml';
const correction = (date: string): Files => ({
  [VOTE]: `${baseRepo()[VOTE]!}corrections:\n  - { date: ${date}, by: ann, reason: typo }\n`,
});

const run = (files: Files, today = TODAY): string[] => checkRules(repoWith(files), [rule], today).map(brief);

describe('future-date: records are of what happened', () => {
  it.each<[string, Files, string?]>([
    ['the fixture', {}],
    ['a meeting today', meeting('2024-02-20')],
    ['a meeting tomorrow (one day of slack for time zones)', meeting('2024-02-21')],
    ['a vote tomorrow', vote('2024-02-21')],
    ['a disclosure tomorrow', disclosure('2024-02-21')],
    ['a correction tomorrow', correction('2024-02-21')],
    ['across a month end: today is the last day of February, a meeting on 1 March', meeting('2024-03-01'), '2024-02-29'],
    ['across a year end', meeting('2025-01-01'), '2024-12-31'],
  ])('valid: %s', (_name, files, today) => {
    expect(run(files, today)).toEqual([]);
  });

  it.each<[string, Files, string[], string?]>([
    ['a meeting two days ahead', meeting('2024-02-22'), ['future-date governance/meetings/2024-02-22.yaml:1:7 error']],
    ['a year typo', meeting('2062-02-20'), ['future-date governance/meetings/2062-02-20.yaml:1:7 error']],
    ['a vote two days ahead', vote('2024-02-22'), ['future-date governance/votes/2024-02-22-x.yaml:2:7 error']],
    ['a disclosure two days ahead', disclosure('2024-02-22'), [`future-date ${ANN}:8:11 error`]],
    ['a correction two days ahead', correction('2024-02-22'), [`future-date ${VOTE}:15:13 error`]],
    ['a meeting correction two days ahead', meeting('2024-02-14', 'corrections:\n  - { date: 2024-02-22, by: ann, reason: typo }\n'), ['future-date governance/meetings/2024-02-14.yaml:5:13 error']],
    ['across a month end: today 29 February, a meeting on 2 March', meeting('2024-03-02'), ['future-date governance/meetings/2024-03-02.yaml:1:7 error'], '2024-02-29'],
  ])('invalid: %s', (_name, files, expected, today) => {
    expect(run(files, today)).toEqual(expected);
  });

  it('a vote in progress is dated the day it closes: not a future date (vote-open speaks for it)', () => {
    const open = { 'governance/votes/2024-03-01-logo.yaml': 'id: 2024-03-01-logo\ndate: 2024-03-01\nasync: { opened: 2024-02-15, closes: 2024-03-01 }\nkind: decision\nmotion: M\n' };
    expect(run(open)).toEqual([]);
  });

  it('says what is wrong and how to fix it, and stays an error before records_since', () => {
    const found = checkRules(repoWith({ ...meeting('2062-02-20'), 'governance/charter.yaml': baseRepo()['governance/charter.yaml']!.replace('records_since: 2024-01-01', 'records_since: 2099-01-01') }), [rule], TODAY);
    expect(found.map((f) => `${f.severity} ${f.message}`)).toEqual([
      'error the meeting 2062-02-20 is dated 2062-02-20, after today (2024-02-20): records are of what happened; correct the date, or record it once it has happened',
    ]);
  });
});
