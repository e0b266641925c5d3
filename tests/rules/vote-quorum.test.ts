// Charter, Policies 6 (Quorum): "A quorum is defined as 50% of members +1 with
// a minimum quorum always being at least four (4) members. A quorum is
// required for any votes." Present and serving (meeting), or casting a ballot
// incl. abstain or recused (async), or a tally's sum; on the vote's date.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/vote-quorum.ts';
import { baseRepo, brief, checkRules, repoWith, type Files, recordsSince } from '../helpers.ts';

const D = '2024-02-14';
const VOTE = `governance/votes/${D}-schedule.yaml`;
const MEETING = `governance/meetings/${D}.yaml`;

/** A member serving from 2024-02-08 (after the base repo's meeting), optionally until `to`. */
function member(id: string, to?: string): string {
  return [`id: ${id}`, `name: ${id}`, 'service:', '  - from: 2024-02-08', '    appointed_by: board', ...(to ? [`    to: ${to}`, '    left: resigned'] : []), ''].join('\n');
}
/** fay and gus join: seven members serve on D (quorum 5). */
const SEVEN: Files = { 'governance/members/fay.yaml': member('fay'), 'governance/members/gus.yaml': member('gus') };

function meeting(present?: string[]): string {
  return [`date: ${D}`, 'kind: regular', ...(present ? [`present: [${present.join(', ')}]`] : []), 'board: []', ''].join('\n');
}
/** The vote's venue is on line 3: `meeting:` or `async:`. */
function vote(venue: 'meeting' | 'async', body: string[]): string {
  const where = venue === 'meeting' ? `meeting: ${D}` : `async: { channel: "~alesco", closed: ${D} }`;
  return [`id: ${D}-schedule`, `date: ${D}`, where, 'kind: decision', 'motion: Adopt the schedule', ...body, 'result: passed', ''].join('\n');
}
const ballots = (entries: Record<string, string>): string[] => ['ballots:', ...Object.entries(entries).map(([k, v]) => `  ${k}: ${v}`)];
const yesFrom = (ids: string[]): string[] => ballots(Object.fromEntries(ids.map((id) => [id, 'yes'])));

function atMeeting(present: string[] | undefined, extra: Files = SEVEN): Files {
  return repoWith({ ...extra, [MEETING]: meeting(present), [VOTE]: vote('meeting', yesFrom(present ?? ['ann', 'bob', 'cat', 'dan', 'eve'])) });
}
function async(body: string[], extra: Files = SEVEN): Files {
  return repoWith({ ...extra, [VOTE]: vote('async', body) });
}
const since = recordsSince;

const run = (files: Files): string[] => checkRules(files, [rule]).map((f) => `${brief(f)} ${f.message}`);
const AT = `vote-quorum ${VOTE}:3:1`;
const FORMULA = '(50% + 1, minimum 4)';

describe('vote-quorum: "A quorum is defined as 50% of members +1 with a minimum quorum always being at least four (4) members"', () => {
  it.each<[string, Files]>([
    ['meeting: exactly quorum, 5 of 7 present', atMeeting(['ann', 'bob', 'cat', 'dan', 'eve'])],
    ['meeting: 7 of 7 present', atMeeting(['ann', 'bob', 'cat', 'dan', 'eve', 'fay', 'gus'])],
    ['meeting: 4 of 5 present meets the minimum of 4', atMeeting(['ann', 'bob', 'cat', 'dan'], {})],
    ['meeting without `present`: attendance unknown, quorum unjudged', atMeeting(undefined)],
    [
      'async: ballots incl. abstain and a recused member reach 5 of 7',
      async([...ballots({ ann: 'yes', bob: 'no', cat: 'abstain', dan: 'yes' }), 'recused: [eve]']),
    ],
    ['async: 5 ballots of 7', async(yesFrom(['ann', 'bob', 'cat', 'dan', 'eve']))],
    ['async: a tally summing to exactly 5 of 7', async(['tally: { yes: 2, no: 1, abstain: 2 }'])],
    ['async with neither ballots nor tally: who took part is unknown', async([])],
    ['async with a rejected `recused` list: who took part is unknown', async([...yesFrom(['ann', 'bob', 'cat']), 'recused: [Dan]'])],
    [
      'a meeting vote whose date is not its meeting\'s: the meeting is unknown (unknown-reference)',
      repoWith({
        ...SEVEN,
        [MEETING]: meeting(['ann']),
        [VOTE]: vote('meeting', yesFrom(['ann'])).replace(`meeting: ${D}`, 'meeting: 2024-02-07'),
      }),
    ],
    [
      'a present member whose service is unknown (rejected): quorum unjudged',
      atMeeting(['ann', 'bob', 'cat', 'fay'], {
        'governance/members/fay.yaml': 'id: fay\nname: fay\nservice:\n  - from: 2024-02-30\n    appointed_by: board\n',
      }),
    ],
  ])('valid: %s', (_name, files) => {
    expect(run(files)).toEqual([]);
  });

  it.each<[string, Files, string[]]>([
    [
      'meeting: one short, 4 of 7 present',
      atMeeting(['ann', 'bob', 'cat', 'dan']),
      [`${AT} error quorum not met: 4 of 7 members present, 5 needed ${FORMULA}; who was present is the present list of ${MEETING}`],
    ],
    [
      'meeting: a present member who does not serve does not count',
      atMeeting(['ann', 'bob', 'cat', 'dan', 'zed'], { ...SEVEN, 'governance/members/zed.yaml': member('zed', '2024-02-10') }),
      [`${AT} error quorum not met: 4 of 7 members present, 5 needed ${FORMULA}; who was present is the present list of ${MEETING}`],
    ],
    [
      'meeting: 3 of 5 present, below the minimum of 4',
      atMeeting(['ann', 'bob', 'cat'], {}),
      [`${AT} error quorum not met: 3 of 5 members present, 4 needed ${FORMULA}; who was present is the present list of ${MEETING}`],
    ],
    [
      'async: 4 of 7 took part (the recused member missing)',
      async(ballots({ ann: 'yes', bob: 'no', cat: 'abstain', dan: 'yes' })),
      [
        `${AT} error quorum not met: 4 of 7 members took part in the asynchronous vote (cast a ballot, abstain included, or recused), 5 needed ${FORMULA}`,
      ],
    ],
    [
      'async: a ballot from a former member does not count',
      async(yesFrom(['ann', 'bob', 'cat', 'dan', 'zed']), { ...SEVEN, 'governance/members/zed.yaml': member('zed', '2024-02-10') }),
      [
        `${AT} error quorum not met: 4 of 7 members took part in the asynchronous vote (cast a ballot, abstain included, or recused), 5 needed ${FORMULA}`,
      ],
    ],
    [
      'async: a tally summing to 4 of 7 (imported history: a warning before records_since)',
      async(['tally: { yes: 2, no: 1, abstain: 1 }'], { ...SEVEN, ...since('2024-03-01') }),
      [`${AT} warning quorum not met: the tally counts 4 votes of 7 members, 5 needed ${FORMULA}`],
    ],
    [
      'meeting: a rejected `recused` list leaves unknown only who stepped aside, not who attended',
      repoWith({ ...SEVEN, [MEETING]: meeting(['ann', 'bob', 'cat', 'dan']), [VOTE]: vote('meeting', [...yesFrom(['ann', 'bob', 'cat']), 'recused: [Dan]']) }),
      [`${AT} error quorum not met: 4 of 7 members present, 5 needed ${FORMULA}; who was present is the present list of ${MEETING}`],
    ],
    [
      'meeting before records_since: reported as a warning',
      atMeeting(['ann', 'bob', 'cat', 'dan'], { ...SEVEN, ...since('2024-03-01') }),
      [`${AT} warning quorum not met: 4 of 7 members present, 5 needed ${FORMULA}; who was present is the present list of ${MEETING}`],
    ],
  ])('invalid: %s', (_name, files, expected) => {
    expect(run(files)).toEqual(expected);
  });
});
