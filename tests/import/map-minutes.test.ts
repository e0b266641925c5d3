// Minutes -> records: every variation the real wiki has, each written as
// the minutes state it and nothing more, and each gap in the report.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../scripts/core/load.ts';
import { contextFromModel, type ImportContext } from '../../scripts/import/context.ts';
import { planMinutes, type MinutesSource } from '../../scripts/import/map-minutes.ts';
import type { ImportPlan, PlannedRecord } from '../../scripts/import/types.ts';
import { loadSchemas } from '../../scripts/shell/fs-repo.ts';
import { emptyRepoFiles, FIXTURES, MINUTES_URL, WIKI_MINUTES } from './fixture-repo.ts';

const encoder = new TextEncoder();

function contextOf(files: Record<string, string>): ImportContext {
  const repo = Object.entries(files).map(([path, text]) => ({ path, bytes: encoder.encode(text) }));
  return contextFromModel(loadRepository({ files: repo, schemas: loadSchemas(), today: '2024-08-15' }).model);
}

const ctx = contextOf(emptyRepoFiles());

function fixtureSource(): MinutesSource {
  return {
    index: { name: 'minutes.md', text: readFileSync(`${FIXTURES}wiki/minutes.md`, 'utf8') },
    files: readdirSync(WIKI_MINUTES).map((name) => ({ name, text: readFileSync(`${WIKI_MINUTES}/${name}`, 'utf8') })),
  };
}

const plan = planMinutes(fixtureSource(), ctx, { url: MINUTES_URL });

function rec(p: ImportPlan, path: string): Record<string, unknown> {
  const r = p.records.find((x: PlannedRecord) => x.path === path);
  if (!r) throw new Error(`no planned record ${path}; have ${p.records.map((x) => x.path).join(', ')}`);
  return r.value;
}
const gapsOn = (p: ImportPlan, where: string): string[] => p.gaps.filter((g) => g.where === where).map((g) => g.message);

/** One page of minutes with the given sections, for the cases the fixture wiki does not cover. */
function onePage(date: string, body: string, present = ['Ann Example', 'Bob Example', 'Cat Sample', 'Dan Sample']): ImportPlan {
  const text = [`# Minutes (${date})`, '', '## Members', '', '### Attendance', '', ...present.map((n) => `- ${n}`), '', '### Board Attendees', '', body, ''].join('\n');
  return planMinutes({ index: { name: 'i.md', text: `- [x](/m/${date})\n` }, files: [{ name: `${date}.md`, text }] }, ctx);
}

describe('meetings', () => {
  it('attendance matched to member ids through their names (extra spaces, case), sorted; board and guests as written; the minutes URL', () => {
    expect(rec(plan, 'governance/meetings/2024-03-06.yaml')).toEqual({
      date: '2024-03-06',
      kind: 'regular',
      present: ['ann-example', 'bob-example', 'cat-sample', 'dan-sample'],
      board: [],
      guests: ['Pat Visitor (left early)'],
      minutes: 'https://wiki.example.org/minutes/2024-03-06.html',
    });
  });

  it('a missing board section leaves board out (unknown) and says so', () => {
    expect(rec(plan, 'governance/meetings/2024-04-03.yaml')).not.toHaveProperty('board');
    expect(gapsOn(plan, '2024-04-03')).toContain('no board attendance section: board not written (unknown, not "nobody")');
  });

  it('a name that matches no member: present is not written at all, and both facts are reported', () => {
    expect(rec(plan, 'governance/meetings/2024-05-01.yaml')).not.toHaveProperty('present');
    expect(gapsOn(plan, '2024-05-01')).toEqual(
      expect.arrayContaining([
        '"Zed Nobody" in the members present matches no member\'s name',
        'present not written: a name in the attendance matches no member, and a partial list would misstate quorum',
      ]),
    );
  });

  it('an index entry without a minutes file: a meeting without present, with a source saying so', () => {
    expect(rec(plan, 'governance/meetings/2024-07-10.yaml')).toEqual({
      date: '2024-07-10',
      kind: 'regular',
      source: 'minutes index (minutes.md): "July 10, 2024", listed without minutes',
      notes: 'The index lists this meeting, but no minutes were published: attendance is not recorded, so present is left out.',
    });
    expect(gapsOn(plan, '2024-07-10')[0]).toMatch(/^listed in the index \("July 10, 2024"\) with no minutes file/);
  });

  it('a member listed present who does not serve that day is reported (check will say meeting-attendee)', () => {
    const late = contextOf({
      ...emptyRepoFiles(),
      'governance/members/dan-sample.yaml': 'id: dan-sample\nname: Dan Sample\nservice:\n  - { from: 2024-06-01, appointed_by: legacy }\n',
    });
    const p = planMinutes({ files: [{ name: '2024-03-06.md', text: readFileSync(`${WIKI_MINUTES}/2024-03-06.md`, 'utf8') }] }, late);
    expect(gapsOn(p, '2024-03-06')).toContain(
      'dan-sample is listed among the members present but does not serve on 2024-03-06 (governance/members/dan-sample.yaml)',
    );
    expect(p.gaps.map((g) => g.message)).toEqual(
      expect.arrayContaining(['no index page: meetings listed only there cannot be found', "no --url: the meetings' minutes URL is not recorded"]),
    );
    expect(rec(p, 'governance/meetings/2024-03-06.yaml')).not.toHaveProperty('minutes');
  });
});

describe('decisions', () => {
  it('"Unanimous decision": a yes ballot from each member present, and a note saying so', () => {
    expect(rec(plan, 'governance/votes/2024-03-06-adopt-calendar.yaml')).toEqual({
      id: '2024-03-06-adopt-calendar',
      date: '2024-03-06',
      meeting: '2024-03-06',
      kind: 'decision',
      motion: 'Adopt the 2024 meeting calendar',
      ballots: { 'ann-example': 'yes', 'bob-example': 'yes', 'cat-sample': 'yes', 'dan-sample': 'yes' },
      result: 'passed',
      source: 'https://wiki.example.org/minutes/2024-03-06.html',
      notes: 'The minutes record the decision as unanimous: one yes ballot per member present.',
    });
  });

  it('a chair election in the decisions list: candidate, self-nomination, "All 4 members voted for Ann" as ballots', () => {
    const v = rec(plan, 'governance/votes/2024-03-06-chair-election.yaml');
    expect(v).toMatchObject({
      kind: 'chair-election',
      candidates: [{ member: 'ann-example', nominated_by: 'ann-example', accepted: true }],
      ballots: { 'ann-example': 'ann-example', 'bob-example': 'ann-example', 'cat-sample': 'ann-example', 'dan-sample': 'ann-example' },
      result: 'elected:ann-example',
    });
  });

  it('counts without names: a tally, the RFC linked through the body heading ("RFC #0002")', () => {
    const v = rec(plan, 'governance/votes/2024-04-03-rfc-0002.yaml');
    expect(v).toMatchObject({ kind: 'rfc', rfc: 2, tally: { yes: 3, no: 1, abstain: 1 }, result: 'passed' });
    expect(v).not.toHaveProperty('ballots');
    expect(gapsOn(plan, '2024-04-03')).toContain("2024-04-03-rfc-0002: counts without every voter's name (yes 3, no 1, abstain 1): written as a tally");
  });

  it('a decision with no counts and no described vote: its outcome only, reported', () => {
    const v = rec(plan, 'governance/votes/2024-05-01-budget-build-farm.yaml');
    expect(v).toMatchObject({ kind: 'decision', motion: 'Approve the budget for the build farm', result: 'passed' });
    expect(v).not.toHaveProperty('ballots');
    expect(v).not.toHaveProperty('tally');
    expect(gapsOn(plan, '2024-05-01')).toContain(
      '2024-05-01-budget-build-farm: a decision with no counts and no described vote: written with its outcome only (no ballots, no tally)',
    );
  });

  it('a chair election only in the body, names by first name: written, and each inference reported', () => {
    expect(rec(plan, 'governance/votes/2024-06-05-chair-election.yaml')).toMatchObject({
      candidates: [{ member: 'cat-sample', nominated_by: 'bob-example' }],
      ballots: { 'ann-example': 'cat-sample', 'bob-example': 'cat-sample', 'cat-sample': 'cat-sample', 'dan-sample': 'cat-sample' },
      result: 'elected:cat-sample',
    });
    expect(gapsOn(plan, '2024-06-05')).toEqual(
      expect.arrayContaining([
        'chair election: the candidate is named by first name only ("Cat"): matched to cat-sample, the one serving member of that name',
        'chair election: the nominator is named by first name only ("Bob"): matched to bob-example, the one serving member of that name',
        'a chair election recorded only in the body (under "Cat: committee chair"), not in the decisions list: written',
      ]),
    );
  });

  it('decisions only in the body, async votes without a result, a member leaving: reported, nothing written', () => {
    expect(gapsOn(plan, '2024-04-03')).toEqual(
      expect.arrayContaining([
        'the body may record a decision that is not in the decisions list (under "Social calendar": "All: agreed to move the spring social to May"): nothing written',
        'a vote to be held asynchronously, with no result recorded ("We will hold an async vote on the new logo next week."): nothing written',
      ]),
    );
    expect(gapsOn(plan, '2024-06-05')).toEqual(
      expect.arrayContaining([
        'the body may record a decision that is not in the decisions list (under "Discussed the build farm migration:": "The committee decided to rename the build farm to "forge"."): nothing written',
        'the body records a member leaving ("Eve Example decided to step down from the committee.": eve-example): not a vote, nothing written (record to/left in the member\'s file)',
      ]),
    );
    // Exactly the votes above: nothing guessed from the body.
    expect(plan.records.filter((r) => r.kind === 'vote').map((r) => r.path)).toEqual([
      'governance/votes/2024-03-06-adopt-calendar.yaml',
      'governance/votes/2024-03-06-chair-election.yaml',
      'governance/votes/2024-04-03-rfc-0002.yaml',
      'governance/votes/2024-05-01-budget-build-farm.yaml',
      'governance/votes/2024-06-05-chair-election.yaml',
    ]);
  });

  it('a decision echoed in the body is not reported again', () => {
    const p = onePage('2024-02-07', '## Decisions Adopted\n\n- Unanimously approved the new logo\n\n## Minutes\n\n- The committee unanimously approved the new logo.');
    expect(gapsOn(p, '2024-02-07')).toEqual([]);
    expect(rec(p, 'governance/votes/2024-02-07-logo.yaml')).toMatchObject({ motion: 'Approve the new logo', kind: 'decision' });
  });

  it.each([
    ['a motion tabled', '- Rebuild the mirrors\n  - The motion was tabled until the next meeting.', 'records a motion tabled or postponed, not a vote: nothing written'],
    ['a member stepping down', '- Bob Example opted to step down on 2024-02-01', "records a member leaving, not a vote: nothing written (record to/left in the member's file)"],
    ['a chair candidate who is no member', '- New Chair - Zed Nobody', 'the candidate "Zed Nobody" matches no member: nothing written'],
    ['a membership vote naming nobody', '- Unanimously voted to appoint a new member', 'names no member: nothing written'],
  ])('%s: nothing written, reported', (_name, decisions, message) => {
    const p = onePage('2024-02-07', `## Decisions Adopted\n\n${decisions}`);
    expect(p.records.filter((r) => r.kind === 'vote')).toEqual([]);
    expect(gapsOn(p, '2024-02-07').join('\n')).toContain(message);
  });

  it('a rejection recorded as every member present voting against: a no ballot from each', () => {
    const p = onePage(
      '2024-02-07',
      '## Decisions Adopted\n\n- The RFC to drop 32-bit support was REJECTED\n\n## Minutes\n\n### RFC: Drop 32-bit support\n\n- All attending members voted to decline the proposal',
    );
    const v = rec(p, 'governance/votes/2024-02-07-drop-bit-support.yaml');
    expect(v).toMatchObject({ kind: 'decision', result: 'not-passed', ballots: { 'ann-example': 'no', 'dan-sample': 'no' } });
    expect(gapsOn(p, '2024-02-07').join('\n')).toContain('is on an RFC that is not in rfcs/ ("Drop 32-bit support"): written as kind decision, not linked to an RFC');
  });

  it('a membership vote: subject from the name, unanimous ballots', () => {
    const p = onePage('2024-02-07', '## Decisions Adopted\n\n- Unanimously voted to appoint Eve Example as a new member.');
    expect(rec(p, 'governance/votes/2024-02-07-membership-eve-example.yaml')).toMatchObject({
      kind: 'membership',
      subject: 'eve-example',
      motion: 'Appoint Eve Example as a member',
      ballots: { 'ann-example': 'yes', 'bob-example': 'yes', 'cat-sample': 'yes', 'dan-sample': 'yes' },
      result: 'passed',
    });
  });

  it('an election the minutes say was annulled afterwards: written as decided, the annulment reported; the annulling words never count as the vote', () => {
    const p = onePage('2024-02-07', '## Decisions Adopted\n\n- New Chair - Bob Example\n  - This vote was nullified unanimously after the meeting.');
    const v = rec(p, 'governance/votes/2024-02-07-chair-election.yaml');
    expect(v).toMatchObject({ result: 'elected:bob-example', candidates: [{ member: 'bob-example' }] });
    expect(v).not.toHaveProperty('ballots');
    expect(gapsOn(p, '2024-02-07').join('\n')).toContain('add the annulling vote and nullified_by by hand');
  });

  it.each([
    ['"all 5 members" with 4 present', '- New Chair - Ann Example\n  - All 5 members voted for Ann', 'the minutes count 5 votes but list 4 members present'],
    ['two sets of counts that disagree', '- Adopt the plan\n  - Vote results: +3, 0, -1 (2 in favor, 0 abstained, 1 not in favor)', 'disagree with each other'],
  ])('uncertain counts (%s): outcome only, reported', (_name, decisions, message) => {
    const p = onePage('2024-02-07', `## Decisions Adopted\n\n${decisions}`);
    const vote = p.records.find((r) => r.kind === 'vote');
    expect(vote?.value).not.toHaveProperty('ballots');
    expect(vote?.value).not.toHaveProperty('tally');
    expect(gapsOn(p, '2024-02-07').join('\n')).toContain(message);
  });

  it('an RFC named only by its pull request is linked through another page that names both', () => {
    const a = '# M\n\n### Attendance\n\n- Ann Example\n- Bob Example\n- Cat Sample\n- Dan Sample\n\n## Minutes\n\n### Widget (RFC [#0009](https://github.com/example/rfcs/pull/12))\n\n- Discussed\n';
    const b =
      '# M\n\n### Attendance\n\n- Ann Example\n- Bob Example\n- Cat Sample\n- Dan Sample\n\n### Board Attendees\n\n## Decisions Adopted\n\n- The widget RFC was APPROVED\n\n## Minutes\n\n### Widget RFC\n\n- Discussed RFC (https://github.com/example/rfcs/pull/12)\n- Unanimous\n';
    const p = planMinutes({ files: [{ name: '2024-02-07.md', text: a }, { name: '2024-03-06.md', text: b }] }, ctx);
    expect(rec(p, 'governance/votes/2024-03-06-rfc-0009.yaml')).toMatchObject({ kind: 'rfc', rfc: 9, result: 'passed' });
  });

  it('a decision on an RFC already in rfcs/ is linked by its title, and the motion uses that title', () => {
    const withRfc = contextOf({
      ...emptyRepoFiles(),
      'rfcs/0004-faster-builds.md': '---\nrfc: 4\ntitle: Faster builds\nauthors: [Ann]\nstatus: discussion\ncreated: 2024-01-20\n---\n',
    });
    const text =
      '# M\n\n### Attendance\n\n- Ann Example\n- Bob Example\n- Cat Sample\n- Dan Sample\n\n### Board Attendees\n\n## Decisions Adopted\n\n- The RFC for faster builds was approved\n\n## Minutes\n\n### RFC: Faster builds\n\n- All members voted in favour: unanimous\n';
    const p = planMinutes({ files: [{ name: '2024-02-07.md', text }] }, withRfc);
    expect(rec(p, 'governance/votes/2024-02-07-rfc-0004.yaml')).toMatchObject({ rfc: 4, motion: 'Accept RFC 0004: Faster builds' });
  });

  it('suggests the vote that can replace a legacy placeholder in chair-terms.yaml and a member file', () => {
    const legacy = contextOf({
      ...emptyRepoFiles(),
      'governance/chair-terms.yaml': 'terms:\n  - { member: ann-example, from: 2024-03-06, elected_by: legacy }\n',
      'governance/members/eve-example.yaml': 'id: eve-example\nname: Eve Example\nservice:\n  - { from: 2024-03-01, appointed_by: legacy }\n',
    });
    const p = planMinutes(fixtureSource(), legacy);
    expect(p.suggestions).toEqual([
      'governance/chair-terms.yaml: the term of ann-example from 2024-03-06 has elected_by: legacy; vote 2024-03-06-chair-election elected ann-example on 2024-03-06',
    ]);
  });
});
