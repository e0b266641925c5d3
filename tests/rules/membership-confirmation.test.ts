// Charter, Policies 2 (Appointments): "Following successful approval, the
// candidate shall be invited to the next ALESCo meeting, where they will
// formally confirm their acceptance to join the committee."
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/membership-confirmation.ts';
import { brief, checkRules, repoWith, type Files } from '../helpers.ts';

const TODAY = '2024-04-01';
const ZED = 'governance/members/zed.yaml';
const VOTE = '2024-02-07-membership-zed';
const VOTE_FILE = `governance/votes/${VOTE}.yaml`;

/** zed's file: the first period's `from` value is at 7:11. */
function zed(from: string, by = VOTE): string {
  return ['id: zed', 'name: Zed Example', 'disclosures:', '  - date: 2024-01-10', '    employer: Example Corp', 'service:', `  - from: ${from}`, `    appointed_by: ${by}`, ''].join('\n');
}

function vote(opts: { kind?: string; subject?: string; yes?: number; result?: string; extra?: string[] } = {}): string {
  const yes = opts.yes ?? 4;
  return [
    `id: ${VOTE}`,
    'date: 2024-02-07',
    'meeting: 2024-02-07',
    `kind: ${opts.kind ?? 'membership'}`,
    'motion: Appoint Zed',
    `subject: ${opts.subject ?? 'zed'}`,
    'ballots:',
    ...['ann', 'bob', 'cat', 'dan'].map((v, i) => `  ${v}: ${i < yes ? 'yes' : 'no'}`),
    `result: ${opts.result ?? 'passed'}`,
    ...(opts.extra ?? []),
    '',
  ].join('\n');
}

/** A meeting file; `present` null leaves attendance unrecorded. */
function meeting(date: string, present: string[] | null = ['ann', 'bob', 'cat', 'dan', 'zed']): Record<string, string> {
  const id = date;
  return {
    [`governance/meetings/${id}.yaml`]: [
      `date: ${date.slice(0, 10)}`,
      'kind: regular',
      ...(present ? [`present: [${present.join(', ')}]`] : []),
      'board: []',
      '',
    ].join('\n'),
  };
}

const files = (changes: Files): Files => repoWith({ [VOTE_FILE]: vote(), ...changes });
const run = (changes: Files): string[] => checkRules(files(changes), [rule], TODAY).map(brief);
const messages = (changes: Files): string[] => checkRules(files(changes), [rule], TODAY).map((f) => f.message);
const AT_FROM = `membership-confirmation ${ZED}:7:11 warning`;

describe('membership-confirmation: the new member confirms at the next meeting, and serves from it', () => {
  it.each<[string, Files]>([
    ['from is the first meeting after the vote, where zed is present', { [ZED]: zed('2024-03-06'), ...meeting('2024-03-06') }],
    [
      'a second meeting on the vote\'s own day is not "after" it',
      { [ZED]: zed('2024-03-06'), ...meeting('2024-02-07-2'), ...meeting('2024-03-06') },
    ],
    [
      'two meetings on the first day after the vote: present at either',
      {
        [ZED]: zed('2024-03-06'),
        ...meeting('2024-03-06', ['ann', 'bob', 'cat', 'dan']),
        ...meeting('2024-03-06-2'),
      },
    ],
    ['no meeting after the vote yet: nothing to judge', { [ZED]: zed('2024-03-06') }],
    ['that meeting does not record `present`: presence unjudged', { [ZED]: zed('2024-03-06'), ...meeting('2024-03-06', null) }],
    ['a board appointment is not confirmed at a meeting', { [ZED]: zed('2024-01-10', 'board'), ...meeting('2024-03-06', ['ann']) }],
    ['a legacy appointment is not judged', { [ZED]: zed('2023-12-01', 'legacy'), ...meeting('2024-03-06', ['ann']) }],
    [
      'the vote is not a membership vote on zed: membership-appointment\'s finding',
      { [VOTE_FILE]: vote({ subject: 'eve' }), [ZED]: zed('2024-03-07'), ...meeting('2024-03-06') },
    ],
    [
      'the vote did not pass: membership-appointment\'s finding',
      { [VOTE_FILE]: vote({ yes: 2, result: 'not-passed' }), [ZED]: zed('2024-03-07'), ...meeting('2024-03-06') },
    ],
    ['from on the vote\'s date: membership-appointment\'s finding', { [ZED]: zed('2024-02-07'), ...meeting('2024-03-06') }],
    [
      'one vote cited by a second period: membership-appointment\'s finding, not a late confirmation',
      {
        [ZED]: zed('2024-03-06').replace(
          '    appointed_by: 2024-02-07-membership-zed\n',
          `    appointed_by: ${VOTE}\n    to: 2024-03-10\n    left: resigned\n  - from: 2024-03-20\n    appointed_by: ${VOTE}\n`,
        ),
        ...meeting('2024-03-06'),
        ...meeting('2024-03-20'),
      },
    ],
    [
      'the vote is not after the previous period: membership-appointment\'s finding',
      {
        [ZED]: zed('2024-01-10', 'board').replace(
          '    appointed_by: board\n',
          `    appointed_by: board\n    to: 2024-02-10\n    left: resigned\n  - from: 2024-03-20\n    appointed_by: ${VOTE}\n`,
        ),
        ...meeting('2024-03-06'),
        ...meeting('2024-03-20'),
      },
    ],
    [
      'the first meeting\'s file is unreadable: unknown',
      { [ZED]: zed('2024-03-07'), 'governance/meetings/2024-03-06.yaml': 'date: [unclosed\n', ...meeting('2024-03-20') },
    ],
  ])('valid: %s', (_name, changes) => {
    expect(run(changes)).toEqual([]);
  });

  it.each<[string, Files]>([
    ['from is a day after the first meeting', { [ZED]: zed('2024-03-07'), ...meeting('2024-03-06') }],

    ['from is the day after the vote, not the next meeting', { [ZED]: zed('2024-02-08'), ...meeting('2024-03-06') }],
    ['from is a later meeting, not the first one', { [ZED]: zed('2024-03-20'), ...meeting('2024-03-06'), ...meeting('2024-03-20') }],
    ['zed is not present at the first meeting', { [ZED]: zed('2024-03-06'), ...meeting('2024-03-06', ['ann', 'bob', 'cat', 'dan']) }],
    [
      'both: one finding',
      { [ZED]: zed('2024-03-20'), ...meeting('2024-03-06', ['ann', 'bob', 'cat', 'dan']), ...meeting('2024-03-20') },
    ],
  ])('invalid: %s', (_name, changes) => {
    expect(run(changes)).toEqual([AT_FROM]);
  });

  it.each<[string, Files, string]>([
    [
      'the wrong from',
      { [ZED]: zed('2024-03-07'), ...meeting('2024-03-06') },
      `zed's period starts 2024-03-07, not 2024-03-06, the first meeting after the appointing vote ${VOTE} (2024-02-07): the new member confirms their acceptance at that meeting and serves from it`,
    ],
    [
      'absent',
      { [ZED]: zed('2024-03-06'), ...meeting('2024-03-06', ['ann', 'bob', 'cat', 'dan']) },
      `zed is not in present at 2024-03-06, the first meeting after the appointing vote ${VOTE} (2024-02-07): the new member confirms their acceptance at that meeting`,
    ],
    [
      'both',
      { [ZED]: zed('2024-03-20'), ...meeting('2024-03-06', ['ann', 'bob', 'cat', 'dan']), ...meeting('2024-03-20') },
      `zed's period starts 2024-03-20, but the first meeting after the appointing vote ${VOTE} (2024-02-07) was 2024-03-06, and zed is not in its present: the new member confirms their acceptance at that meeting and serves from it`,
    ],
  ])('says what is expected: %s', (_name, changes, message) => {
    expect(messages(changes)).toEqual([message]);
  });

  it('the vote appoints the second period when the first cites it wrongly (before the vote): the second is judged', () => {
    const twoPeriods = zed('2024-02-01').replace(
      '    appointed_by: 2024-02-07-membership-zed\n',
      `    appointed_by: ${VOTE}\n    to: 2024-02-05\n    left: resigned\n  - from: 2024-03-20\n    appointed_by: ${VOTE}\n`,
    );
    expect(run({ [ZED]: twoPeriods, ...meeting('2024-03-06') })).toEqual([`membership-confirmation ${ZED}:11:11 warning`]);
  });

  it('an async vote: the first meeting after the day it closed', () => {
    const asyncVote = vote()
      .replace('meeting: 2024-02-07', 'async: { channel: "~committee", opened: 2024-02-01, closed: 2024-02-07 }');
    expect(run({ [VOTE_FILE]: asyncVote, [ZED]: zed('2024-03-06'), ...meeting('2024-03-06') })).toEqual([]);
    expect(run({ [VOTE_FILE]: asyncVote, [ZED]: zed('2024-03-06'), ...meeting('2024-02-21'), ...meeting('2024-03-06') })).toEqual([
      AT_FROM,
    ]);
  });
});
