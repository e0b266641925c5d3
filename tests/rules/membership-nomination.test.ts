// Charter, Policies 2 (Appointments): "The process for appointing a new member
// requires that a candidate first be nominated by a current, acting member of
// ALESCo. [...] Committee members must receive the completed questionnaire at
// least 5 business days before the vote."
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/membership-nomination.ts';
import { baseRepo, brief, checkRules, repoWith, type Files } from '../helpers.ts';

const ZED = 'governance/members/zed.yaml';
const ZED_FILE = 'id: zed\nname: Zed Example\nservice: []\n';

interface VoteSpec {
  /** The day the async vote closed (its date). 2024-02-07 is a Wednesday. */
  date?: string;
  /** `by, date`, or null for no nomination. */
  nomination?: string | null;
  questionnaire?: string | null;
  extra?: string[];
}

/** An async membership vote on zed: `subject` on line 6, `nomination` on line 7, the questionnaire after it. */
function vote(spec: VoteSpec = {}): [string, string] {
  const date = spec.date ?? '2024-02-07';
  const id = `${date}-membership-zed`;
  const nomination = spec.nomination === undefined ? 'by: bob, date: 2024-01-20' : spec.nomination;
  const questionnaire = spec.questionnaire === undefined ? '2024-01-31' : spec.questionnaire;
  const text = [
    `id: ${id}`,
    `date: ${date}`,
    `async: { channel: "~committee", opened: ${date}, closed: ${date} }`,
    'kind: membership',
    'motion: Appoint Zed Example',
    'subject: zed',
    ...(nomination !== null ? [`nomination: { ${nomination} }`] : []),
    ...(questionnaire !== null ? [`questionnaire_circulated: ${questionnaire}`] : []),
    'ballots: { ann: yes, bob: yes, cat: yes, dan: yes }',
    'result: passed',
    ...(spec.extra ?? []),
    '',
  ].join('\n');
  return [`governance/votes/${id}.yaml`, text];
}

function files(spec: VoteSpec = {}, more: Files = {}): Files {
  const [path, text] = vote(spec);
  return repoWith({ [ZED]: ZED_FILE, [path]: text, ...more });
}

function charterWith(from: string, to: string): string {
  return baseRepo()['governance/charter.yaml']!.replace(from, to);
}

const run = (spec: VoteSpec = {}, more: Files = {}): string[] => checkRules(files(spec, more), [rule]).map(brief);
const messages = (spec: VoteSpec = {}, more: Files = {}): string[] => checkRules(files(spec, more), [rule]).map((f) => f.message);
const file = (date = '2024-02-07'): string => `governance/votes/${date}-membership-zed.yaml`;
const SUBJECT = (date?: string, severity = 'error'): string => `membership-nomination ${file(date)}:6:10 ${severity}`;
const NOMINATION = (date?: string, severity = 'error'): string => `membership-nomination ${file(date)}:7:13 ${severity}`;
const QUESTIONNAIRE = (date?: string, line = 8, severity = 'error'): string =>
  `membership-nomination ${file(date)}:${line}:27 ${severity}`;

describe('membership-nomination: nominated by a current member, questionnaire 5 business days before the vote', () => {
  it.each<[string, VoteSpec, Files?]>([
    ['nominated by a serving member, questionnaire circulated Wednesday, vote next Wednesday (5 business days)', {}],
    ['questionnaire circulated Friday, vote next Friday (5)', { date: '2024-02-09', questionnaire: '2024-02-02' }],
    ['questionnaire circulated Saturday, vote next Friday (5)', { date: '2024-02-09', questionnaire: '2024-02-03' }],
    ['nominated on the nominator\'s first day of service', { nomination: 'by: bob, date: 2024-01-10' }],
    ['nominated by a member whose file is missing: unknown-reference\'s finding', { nomination: 'by: nobody, date: 2024-01-20' }],
    [
      'self-nomination when the charter allows it',
      { nomination: 'by: zed, date: 2024-01-20' },
      { 'governance/charter.yaml': charterWith('self_nomination: false', 'self_nomination: true') },
    ],
    ['a nomination the schema rejected (no date): unknown, not missing', { nomination: 'by: bob' }],
    ['a nomination the schema rejected (not a mapping): unknown, not missing', { nomination: null, extra: ['nomination: bob'] }],
    ['a questionnaire date the schema rejected: unknown, not missing', { questionnaire: '2024-02-30' }],
    [
      'no nomination and no questionnaire before records_since (imported history)',
      { nomination: null, questionnaire: null },
      { 'governance/charter.yaml': charterWith('records_since: 2024-01-01', 'records_since: 2024-02-08') },
    ],
    [
      'no nomination and no questionnaire on a nullified vote (owed no record)',
      { nomination: null, questionnaire: null, extra: ['nullified_by: 2024-02-07-annul'] },
      {
        'governance/votes/2024-02-07-annul.yaml':
          'id: 2024-02-07-annul\ndate: 2024-02-07\nmeeting: 2024-02-07\nkind: decision\nmotion: Annul\nballots: { ann: yes, bob: yes, cat: yes, dan: yes }\nresult: passed\n',
      },
    ],
  ])('valid: %s', (_name, spec, more) => {
    expect(run(spec, more)).toEqual([]);
  });

  it.each<[string, VoteSpec, string[], Files?]>([
    ['no nomination (from records_since on)', { nomination: null }, [SUBJECT()]],
    ['no questionnaire date (from records_since on)', { questionnaire: null }, [SUBJECT()]],
    ['neither', { nomination: null, questionnaire: null }, [SUBJECT(), SUBJECT()]],
    ['nominated before the nominator serves', { nomination: 'by: bob, date: 2024-01-09' }, [NOMINATION()]],
    [
      'nominated after the nominator left',
      { nomination: 'by: eve, date: 2024-01-20' },
      [NOMINATION()],
      {
        'governance/members/eve.yaml': baseRepo()['governance/members/eve.yaml']!.replace(
          'appointed_by: board\n',
          'appointed_by: board\n    to: 2024-01-19\n    left: resigned\n',
        ),
      },
    ],
    ['self-nomination by a nominee who does not serve yet: one finding', { nomination: 'by: zed, date: 2024-01-20' }, [NOMINATION()]],
    ['questionnaire circulated Thursday, vote next Wednesday (4 business days)', { questionnaire: '2024-02-01' }, [QUESTIONNAIRE()]],
    [
      'questionnaire circulated Friday, vote next Thursday (4)',
      { date: '2024-02-08', questionnaire: '2024-02-02' },
      [QUESTIONNAIRE('2024-02-08')],
    ],
    ['questionnaire circulated on the day of the vote (0)', { questionnaire: '2024-02-07' }, [QUESTIONNAIRE()]],
    ['questionnaire circulated after the vote (0)', { questionnaire: '2024-02-09' }, [QUESTIONNAIRE()]],
    [
      'no nomination and a late questionnaire: one finding each',
      { nomination: null, questionnaire: '2024-02-05' },
      [SUBJECT(), QUESTIONNAIRE(undefined, 7)],
    ],
  ])('invalid: %s', (_name, spec, expected, more) => {
    expect(run(spec, more)).toEqual(expected);
  });

  it.each<[string, VoteSpec, string]>([
    [
      'no nomination',
      { nomination: null },
      'no nomination: a candidate is first nominated by a current, acting member (nomination: { by, date })',
    ],
    [
      'no questionnaire',
      { questionnaire: null },
      "no questionnaire_circulated: members receive the candidate's completed questionnaire at least 5 business days before the vote",
    ],
    [
      'nominator not serving',
      { nomination: 'by: bob, date: 2024-01-09' },
      'nominated by bob, who does not serve on the nomination date 2024-01-09: a candidate is nominated by a current, acting member',
    ],
    [
      'self-nomination',
      { nomination: 'by: zed, date: 2024-01-20' },
      'zed nominated themselves: a candidate is nominated by a current, acting member (self_nomination: false)',
    ],
    [
      'business days',
      { date: '2024-02-08', questionnaire: '2024-02-02' },
      'questionnaire circulated 2024-02-02 (Friday), 4 business days before the vote on 2024-02-08 (Thursday); at least 5 needed (Monday to Friday, after the day it was circulated, up to the vote)',
    ],
  ])('says what is expected: %s', (_name, spec, message) => {
    expect(messages(spec)).toEqual([message]);
  });

  it.each<[string, VoteSpec, string[], Files]>([
    [
      'a late questionnaire before records_since: still checked, a warning',
      { questionnaire: '2024-02-01' },
      [QUESTIONNAIRE(undefined, 8, 'warning')],
      { 'governance/charter.yaml': charterWith('records_since: 2024-01-01', 'records_since: 2024-02-08') },
    ],
    [
      'a self-nomination before records_since: a warning',
      { nomination: 'by: zed, date: 2024-01-20' },
      [NOMINATION(undefined, 'warning')],
      { 'governance/charter.yaml': charterWith('records_since: 2024-01-01', 'records_since: 2024-02-08') },
    ],
    [
      'no nomination on records_since: demanded, an error',
      { nomination: null },
      [SUBJECT()],
      { 'governance/charter.yaml': charterWith('records_since: 2024-01-01', 'records_since: 2024-02-07') },
    ],
    [
      'a late questionnaire with review_business_days: 3 is enough',
      { questionnaire: '2024-02-02' },
      [],
      { 'governance/charter.yaml': charterWith('review_business_days: 5', 'review_business_days: 3') },
    ],
  ])('charter numbers: %s', (_name, spec, expected, more) => {
    expect(run(spec, more)).toEqual(expected);
  });
});
