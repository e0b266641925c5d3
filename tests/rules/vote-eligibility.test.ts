// Charter, Policies 5-6 (Decision Making, Quorum) and the data model's votes:
// only members serving on the vote's date, present at its meeting and not
// recused cast a ballot; a `tally` (imported history only) counts no more
// votes than members present (serving, if async); from records_since on "a
// roll call names every voter".
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/vote-eligibility.ts';
import { baseRepo, brief, checkRules, repoWith, type Files, recordsSince, annulment } from '../helpers.ts';

const D = '2024-02-14';
const VOTE = `governance/votes/${D}-schedule.yaml`;
const MEETING = `governance/meetings/${D}.yaml`;

function member(id: string, service: string[]): string {
  return [`id: ${id}`, `name: ${id}`, 'service:', ...service, ''].join('\n');
}
/** zed served until 2024-02-10, before the vote. */
const FORMER: Files = {
  'governance/members/zed.yaml': member('zed', ['  - from: 2024-01-10', '    appointed_by: board', '    to: 2024-02-10', '    left: resigned']),
};

function meeting(present?: string[]): string {
  return [`date: ${D}`, 'kind: regular', ...(present ? [`present: [${present.join(', ')}]`] : []), ''].join('\n');
}
/** Ballots start on line 7 (after `ballots:` on line 6), each voter's key at column 3. */
function vote(venue: 'meeting' | 'async', body: string[], extra: string[] = []): string {
  const where = venue === 'meeting' ? `meeting: ${D}` : `async: { channel: "~alesco", closed: ${D} }`;
  return [`id: ${D}-schedule`, `date: ${D}`, where, 'kind: decision', 'motion: Adopt the schedule', ...body, 'result: passed', ...extra, ''].join('\n');
}
const ballots = (entries: Record<string, string>): string[] => ['ballots:', ...Object.entries(entries).map(([k, v]) => `  ${k}: ${v}`)];
const FOUR = ['ann', 'bob', 'cat', 'dan'];

function atMeeting(present: string[] | undefined, body: string[], extra: Files = {}): Files {
  return repoWith({ ...extra, [MEETING]: meeting(present), [VOTE]: vote('meeting', body) });
}
function async(body: string[], extra: Files = {}): Files {
  return repoWith({ ...extra, [VOTE]: vote('async', body) });
}
const since = recordsSince;
/** A later passed vote that nullifies the vote under test. */
const NULLIFIER = annulment('Annul the schedule vote');

const run = (files: Files): string[] => checkRules(files, [rule]).map((f) => `${brief(f)} ${f.message}`);
const at = (line: number, column: number, severity = 'error'): string => `vote-eligibility ${VOTE}:${line}:${column} ${severity}`;

describe('vote-eligibility: only serving, present, non-recused members vote; a roll call names every voter', () => {
  it.each<[string, Files]>([
    ['meeting: every ballot from a present, serving member', atMeeting(FOUR, ballots({ ann: 'yes', bob: 'no', cat: 'abstain', dan: 'yes' }))],
    ['meeting without `present`: presence cannot be judged', atMeeting(undefined, ballots({ ann: 'yes', eve: 'yes' }))],
    ['async: no presence to judge', async(ballots({ ann: 'yes', bob: 'yes', cat: 'yes', eve: 'no' }))],
    ['a recused member present who casts no ballot', atMeeting(FOUR, [...ballots({ ann: 'yes', bob: 'no', cat: 'yes' }), 'recused: [dan]'])],
    ['a ballot from someone with no member file is unknown-reference\'s', atMeeting(FOUR, ballots({ ann: 'yes', bob: 'yes', cat: 'yes', xyz: 'yes' }))],
    ['meeting tally (before records_since): exactly those present', atMeeting(FOUR, ['tally: { yes: 2, no: 1, abstain: 1 }'], since('2024-03-01'))],
    ['async tally (before records_since): exactly those serving', async(['tally: { yes: 3, no: 1, abstain: 1 }'], since('2024-03-01'))],
    ['meeting without `present`: a tally against those present is unjudged', atMeeting(undefined, ['tally: { yes: 9, no: 0, abstain: 0 }'], since('2024-03-01'))],
    ['before records_since, a vote may give only its outcome', atMeeting(FOUR, [], since('2024-03-01'))],
    [
      'a nullified vote is owed no roll call',
      repoWith({ ...NULLIFIER, [MEETING]: meeting(FOUR), [VOTE]: vote('meeting', [], ['nullified_by: 2024-02-15-annul']) }),
    ],
    [
      'a nullified vote is owed no roll call: its tally is not reported',
      repoWith({ ...NULLIFIER, [MEETING]: meeting(FOUR), [VOTE]: vote('meeting', ['tally: { yes: 3, no: 1, abstain: 0 }'], ['nullified_by: 2024-02-15-annul']) }),
    ],
    [
      'a rejected `nullified_by`: whether the vote was nullified (owed no roll call) is unknown',
      repoWith({ [MEETING]: meeting(FOUR), [VOTE]: vote('meeting', [], ['nullified_by: Annulled later']) }),
    ],
    [
      'a `nullified_by` naming a vote file that cannot be read: unknown',
      repoWith({ 'governance/votes/2024-02-15-annul.yaml': 'id: [unclosed\n', [MEETING]: meeting(FOUR), [VOTE]: vote('meeting', [], ['nullified_by: 2024-02-15-annul']) }),
    ],
    [
      'a meeting vote whose date is not its meeting\'s: not judged (unknown-reference)',
      repoWith({ [MEETING]: meeting(['ann']), [VOTE]: vote('meeting', ballots({ zed: 'yes', eve: 'no' })).replace(`meeting: ${D}`, 'meeting: 2024-02-07'), ...FORMER }),
    ],
    [
      'a ballot from a member whose service is unknown (rejected): not judged',
      atMeeting(FOUR, ballots({ ann: 'yes', fay: 'yes' }), {
        'governance/members/fay.yaml': member('fay', ['  - from: 2024-02-30', '    appointed_by: board']),
      }),
    ],
  ])('valid: %s', (_name, files) => {
    expect(run(files)).toEqual([]);
  });

  it.each<[string, Files, string[]]>([
    [
      'a ballot from a member who no longer serves (at the ballot\'s key)',
      atMeeting([...FOUR, 'zed'], ballots({ ann: 'yes', zed: 'yes' }), FORMER),
      [`${at(8, 3)} ballot of zed, who does not serve on the committee on ${D}: only serving members vote`],
    ],
    [
      'a ballot from a serving member absent from the meeting',
      atMeeting(FOUR, ballots({ ann: 'yes', bob: 'yes', eve: 'no' })),
      [`${at(9, 3)} ballot of eve, who is not in the present list of meeting ${D}: only members present at the meeting vote`],
    ],
    [
      'a ballot from a recused member',
      atMeeting(FOUR, [...ballots({ ann: 'yes', bob: 'yes', dan: 'no' }), 'recused: [dan]']),
      [`${at(9, 3)} ballot of dan, who is listed in recused: a recused member casts no ballot`],
    ],
    [
      'async: a ballot from a member who no longer serves',
      async(ballots({ ann: 'yes', bob: 'yes', cat: 'yes', zed: 'no' }), FORMER),
      [`${at(10, 3)} ballot of zed, who does not serve on the committee on ${D}: only serving members vote`],
    ],
    [
      'meeting tally counting more votes than members present (a warning before records_since)',
      atMeeting(FOUR, ['tally: { yes: 3, no: 1, abstain: 1 }'], since('2024-03-01')),
      [`${at(6, 8, 'warning')} the tally counts 5 votes (yes 3 + no 1 + abstain 1) but only 4 members were present at meeting ${D}`],
    ],
    [
      'async tally counting more votes than members serving',
      async(['tally: { yes: 4, no: 1, abstain: 1 }'], since('2024-03-01')),
      [`${at(6, 8, 'warning')} the tally counts 6 votes (yes 4 + no 1 + abstain 1) but only 5 members serve on ${D}`],
    ],
    [
      'a tally from records_since on (at the `tally` key)',
      atMeeting(FOUR, ['tally: { yes: 3, no: 1, abstain: 0 }']),
      [`${at(6, 1)} a tally is accepted only for imported history before records_since (2024-01-01): from then on a roll call names every voter in ballots`],
    ],
    [
      'a tally from records_since on, with a rejected `kind`: the tally does not depend on the kind',
      repoWith({ [MEETING]: meeting(FOUR), [VOTE]: vote('meeting', ['tally: { yes: 3, no: 1, abstain: 0 }']).replace('kind: decision', 'kind: vote') }),
      [`${at(6, 1)} a tally is accepted only for imported history before records_since (2024-01-01): from then on a roll call names every voter in ballots`],
    ],
    [
      'a tally larger than those present, with a rejected `tie_break` (a warning before records_since)',
      repoWith({ ...since('2024-03-01'), [MEETING]: meeting(FOUR), [VOTE]: vote('meeting', ['tally: { yes: 3, no: 1, abstain: 1 }', 'tie_break: { by: ann, vote: maybe }']) }),
      [`${at(6, 8, 'warning')} the tally counts 5 votes (yes 3 + no 1 + abstain 1) but only 4 members were present at meeting ${D}`],
    ],
    [
      'a vote without ballots from records_since on (at the vote mapping)',
      atMeeting(FOUR, []),
      [`${at(1, 1)} no ballots: from records_since (2024-01-01) on, a roll call names every voter in ballots (voter: yes | no | abstain)`],
    ],
    [
      'a rejected `recused` list: a ballot from a member who no longer serves is still judged',
      atMeeting([...FOUR, 'zed'], [...ballots({ ann: 'yes', zed: 'yes' }), 'recused: [Dan]'], FORMER),
      [`${at(8, 3)} ballot of zed, who does not serve on the committee on ${D}: only serving members vote`],
    ],
    [
      'a ballot from someone absent, before records_since: a warning',
      atMeeting(FOUR, ballots({ ann: 'yes', bob: 'yes', eve: 'no' }), since('2024-03-01')),
      [`${at(9, 3, 'warning')} ballot of eve, who is not in the present list of meeting ${D}: only members present at the meeting vote`],
    ],
  ])('invalid: %s', (_name, files, expected) => {
    expect(run(files)).toEqual(expected);
  });
});
