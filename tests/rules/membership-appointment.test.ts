// Charter, Policies 2 (Appointments): "The first ALESCo members are to be
// appointed by the Board of Directors. After the initial appointment, the
// membership of ALESCo will manage itself - adding members or filling
// vacancies as deemed necessary by vote of the current members."
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/membership-appointment.ts';
import { baseRepo, brief, checkRules, repoWith, type Files } from '../helpers.ts';

const ZED = 'governance/members/zed.yaml';
const VOTE = '2024-02-07-membership-zed';
const VOTE_FILE = `governance/votes/${VOTE}.yaml`;

/** zed's file: the first period's `appointed_by` value is at 8:19, the next 2 lines on (4 after a closed period). */
function zed(...periods: [from: string, by: string, to?: string][]): string {
  const service = periods.flatMap(([from, by, to]) => [
    `  - from: ${from}`,
    `    appointed_by: ${by}`,
    ...(to ? [`    to: ${to}`, '    left: resigned'] : []),
  ]);
  return ['id: zed', 'name: Zed Example', 'disclosures:', '  - date: 2024-01-10', '    employer: Example Corp', 'service:', ...service, ''].join('\n');
}

/** A membership vote on `subject` at the 2024-02-07 meeting (present: ann, bob, cat, dan of 5 serving). */
function vote(opts: { id?: string; subject?: string; kind?: string; yes?: number; result?: string; extra?: string[] } = {}): string {
  const voters = ['ann', 'bob', 'cat', 'dan'];
  const yes = opts.yes ?? 4;
  return [
    `id: ${opts.id ?? VOTE}`,
    'date: 2024-02-07',
    'meeting: 2024-02-07',
    `kind: ${opts.kind ?? 'membership'}`,
    'motion: Appoint Zed',
    `subject: ${opts.subject ?? 'zed'}`,
    'ballots:',
    ...voters.map((v, i) => `  ${v}: ${i < yes ? 'yes' : 'no'}`),
    `result: ${opts.result ?? 'passed'}`,
    ...(opts.extra ?? []),
    '',
  ].join('\n');
}

function charterWith(from: string, to: string): string {
  return baseRepo()['governance/charter.yaml']!.replace(from, to);
}

const run = (changes: Files): string[] => checkRules(repoWith(changes), [rule]).map(brief);
const messages = (changes: Files): string[] => checkRules(repoWith(changes), [rule]).map((f) => f.message);
const at = (line: number, severity = 'error'): string => `membership-appointment ${ZED}:${line}:19 ${severity}`;

describe('membership-appointment: the board appoints the first members, a vote of the members every later one', () => {
  it.each<[string, Files]>([
    ['the base committee: board on board_appointment', {}],
    ['a passed membership vote on zed, dated before `from`', { [VOTE_FILE]: vote(), [ZED]: zed(['2024-03-06', VOTE]) }],
    ['the vote the day before `from`', { [VOTE_FILE]: vote(), [ZED]: zed(['2024-02-08', VOTE]) }],
    ['legacy before records_since (judged by `from`)', { [ZED]: zed(['2023-12-31', 'legacy']) }],
    [
      'a second period, its vote after the first period ended',
      { [VOTE_FILE]: vote(), [ZED]: zed(['2024-01-10', 'board', '2024-02-06'], ['2024-03-06', VOTE]) },
    ],
    [
      'a vote that vote-result disputes (recorded not-passed, the ballots pass it): not judged here',
      { [VOTE_FILE]: vote({ result: 'not-passed' }), [ZED]: zed(['2024-03-06', VOTE]) },
    ],
    [
      'a vote without quorum (vote-quorum\'s finding): its outcome is not judged here',
      {
        'governance/meetings/2024-02-07.yaml': 'date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat]\nboard: []\n',
        [VOTE_FILE]: vote({ yes: 1, result: 'not-passed' }).replace('  dan: no\n', ''),
        [ZED]: zed(['2024-03-06', VOTE]),
      },
    ],
    ['a vote that does not exist: unknown-reference\'s finding', { [ZED]: zed(['2024-03-06', '2024-02-07-no-such-vote']) }],
    ['a vote file that cannot be read: unknown', { [VOTE_FILE]: 'id: [unclosed\n', [ZED]: zed(['2024-03-06', VOTE]) }],
    [
      'a member whose service holds a rejected value: unknown, not judged',
      { [ZED]: zed(['2024-03-06', 'board'], ['2024-13-01', 'legacy']) },
    ],
  ])('valid: %s', (_name, changes) => {
    expect(run(changes)).toEqual([]);
  });

  it.each<[string, Files, string[]]>([
    ['board on a date other than board_appointment', { [ZED]: zed(['2024-03-06', 'board']) }, [at(8)]],
    ['board the day after board_appointment', { [ZED]: zed(['2024-01-11', 'board']) }, [at(8)]],
    ['legacy on records_since', { [ZED]: zed(['2024-01-01', 'legacy']) }, [at(8)]],
    ['legacy after records_since', { [ZED]: zed(['2024-03-06', 'legacy']) }, [at(8)]],
    [
      'a vote of another kind',
      { [ZED]: zed(['2024-03-06', '2024-02-07-chair-election']) },
      [at(8)],
    ],
    ['a membership vote on another member', { [VOTE_FILE]: vote({ subject: 'eve' }), [ZED]: zed(['2024-03-06', VOTE]) }, [at(8)]],
    [
      'a vote that did not pass (2 yes of 5 serving: not more than half)',
      { [VOTE_FILE]: vote({ yes: 2, result: 'not-passed' }), [ZED]: zed(['2024-03-06', VOTE]) },
      [at(8)],
    ],
    [
      'a nullified vote',
      {
        [VOTE_FILE]: vote({ extra: ['nullified_by: 2024-02-07-annul'] }),
        'governance/votes/2024-02-07-annul.yaml': vote({ id: '2024-02-07-annul', kind: 'decision', subject: 'zed' }).replace(
          'subject: zed\n',
          '',
        ),
        [ZED]: zed(['2024-03-06', VOTE]),
      },
      [at(8)],
    ],
    ['the vote on `from`', { [VOTE_FILE]: vote(), [ZED]: zed(['2024-02-07', VOTE]) }, [at(8)]],
    ['the vote after `from`', { [VOTE_FILE]: vote(), [ZED]: zed(['2024-02-01', VOTE]) }, [at(8)]],
    [
      'the vote on the last day of the previous period',
      { [VOTE_FILE]: vote(), [ZED]: zed(['2024-01-10', 'board', '2024-02-07'], ['2024-03-06', VOTE]) },
      [at(12)],
    ],
    [
      'one vote cited by two periods, the first before the vote: that citation is the one wrong, the vote appoints the second',
      { [VOTE_FILE]: vote(), [ZED]: zed(['2024-02-01', VOTE, '2024-02-05'], ['2024-03-06', VOTE]) },
      [at(8)],
    ],
    [
      'one vote cited by two periods: the later one',
      { [VOTE_FILE]: vote(), [ZED]: zed(['2024-02-08', VOTE, '2024-02-10'], ['2024-03-06', VOTE]) },
      [at(12)],
    ],
  ])('invalid: %s', (_name, changes, expected) => {
    expect(run(changes)).toEqual(expected);
  });

  it.each<[string, Files, string]>([
    [
      'board',
      { [ZED]: zed(['2024-03-06', 'board']) },
      'appointed_by: board is only for the initial appointment on board_appointment 2024-01-10; this period starts 2024-03-06: cite the membership vote that appointed zed',
    ],
    [
      'legacy',
      { [ZED]: zed(['2024-03-06', 'legacy']) },
      'appointed_by: legacy is allowed only for a period starting before records_since 2024-01-01; this period starts 2024-03-06: cite the membership vote that appointed zed',
    ],
    [
      'kind',
      { [ZED]: zed(['2024-03-06', '2024-02-07-chair-election']) },
      'appointed_by "2024-02-07-chair-election" is a chair-election vote, not a membership vote: a member is appointed by a passed membership vote on them',
    ],
    [
      'subject',
      { [VOTE_FILE]: vote({ subject: 'eve' }), [ZED]: zed(['2024-03-06', VOTE]) },
      `appointed_by "${VOTE}" is a membership vote on "eve", not on zed`,
    ],
    [
      'result',
      { [VOTE_FILE]: vote({ yes: 2, result: 'not-passed' }), [ZED]: zed(['2024-03-06', VOTE]) },
      `appointed_by "${VOTE}" did not pass (result: not-passed): only a passed membership vote appoints a member`,
    ],
    [
      'nullified',
      {
        [VOTE_FILE]: vote({ extra: ['nullified_by: 2024-02-07-annul'] }),
        'governance/votes/2024-02-07-annul.yaml': vote({ id: '2024-02-07-annul', kind: 'decision' }).replace('subject: zed\n', ''),
        [ZED]: zed(['2024-03-06', VOTE]),
      },
      `appointed_by "${VOTE}" was nullified by "2024-02-07-annul": a nullified vote appoints no one`,
    ],
    [
      'date',
      { [VOTE_FILE]: vote(), [ZED]: zed(['2024-02-07', VOTE]) },
      `appointed_by "${VOTE}" is dated 2024-02-07, not before this period's from 2024-02-07: a member serves after the vote that appoints them`,
    ],
    [
      'previous period',
      { [VOTE_FILE]: vote(), [ZED]: zed(['2024-01-10', 'board', '2024-02-07'], ['2024-03-06', VOTE]) },
      `appointed_by "${VOTE}" is dated 2024-02-07, not after zed's previous period (from 2024-01-10 to 2024-02-07): each period needs a vote of its own`,
    ],
    [
      'one vote, two periods',
      { [VOTE_FILE]: vote(), [ZED]: zed(['2024-02-08', VOTE, '2024-02-10'], ['2024-03-06', VOTE]) },
      `appointed_by "${VOTE}" already appointed zed's period from 2024-02-08: one vote appoints one period`,
    ],
  ])('says what is expected: %s', (_name, changes, message) => {
    expect(messages(changes)).toEqual([message]);
  });

  it.each<[string, Files, string[]]>([
    [
      'board on another date before records_since: a warning',
      { 'governance/charter.yaml': charterWith('records_since: 2024-01-01', 'records_since: 2024-06-01'), [ZED]: zed(['2024-03-06', 'board']) },
      [at(8, 'warning')],
    ],
    [
      'a cited vote that did not pass, period before records_since: still checked, a warning',
      {
        'governance/charter.yaml': charterWith('records_since: 2024-01-01', 'records_since: 2024-06-01'),
        [VOTE_FILE]: vote({ yes: 2, result: 'not-passed' }),
        [ZED]: zed(['2024-03-06', VOTE]),
      },
      [at(8, 'warning')],
    ],
    [
      'the same period starting on records_since: an error',
      {
        'governance/charter.yaml': charterWith('records_since: 2024-01-01', 'records_since: 2024-03-06'),
        [ZED]: zed(['2024-03-06', 'board']),
      },
      [at(8)],
    ],
    [
      'legacy the day before records_since: allowed',
      { 'governance/charter.yaml': charterWith('records_since: 2024-01-01', 'records_since: 2024-03-06'), [ZED]: zed(['2024-03-05', 'legacy']) },
      [],
    ],
  ])('records_since: %s', (_name, changes, expected) => {
    expect(run(changes)).toEqual(expected);
  });

  it('does not run without a readable charter', () => {
    expect(run({ 'governance/charter.yaml': null, [ZED]: zed(['2024-03-06', 'board']) })).toEqual([]);
  });
});
