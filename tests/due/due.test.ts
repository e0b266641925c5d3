// What falls due, computed from the records: each kind at its boundaries.
import { describe, expect, it } from 'vitest';
import { dueReport, type DueItem } from '../../scripts/core/due.ts';
import { loadRepository } from '../../scripts/core/load.ts';
import { loadSchemas } from '../../scripts/shell/fs-repo.ts';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../cli-command.ts';
import { baseRepo, repoWith, type Files } from '../helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const encoder = new TextEncoder();
function due(files: Files, today: string, within = 30): DueItem[] {
  const { model } = loadRepository({
    files: Object.entries(files)
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .map(([path, text]) => ({ path, bytes: encoder.encode(text) })),
    schemas: loadSchemas(),
    today,
  });
  return dueReport(model, today, within).items;
}
const of = (items: DueItem[], kind: string) => items.filter((i) => i.kind === kind).map((i) => `${i.due} ${i.overdue ? 'overdue' : 'due'} ${i.subject}`);
/** Meetings every month, so the cadence stays quiet unless a test is about it. */
const monthly = (...months: string[]): Files =>
  Object.fromEntries(months.map((m) => [`governance/meetings/${m}-15.yaml`, `date: ${m}-15\nkind: regular\npresent: [ann, bob, cat, dan, eve]\nboard: []\n`]));

describe('chair-election and check-in: by the term\'s from + term_months', () => {
  it.each<[string, string]>([
    ['2024-07-08', '2024-08-07 due ann'], // the window reaches it
    ['2024-08-07', '2024-08-07 due ann'], // the last day of the term: due today
    ['2024-08-08', '2024-08-07 overdue ann'],
  ])('on %s', (today, expected) => {
    const items = due(repoWith(monthly('2024-07', '2024-08')), today);
    expect(of(items, 'chair-election')).toEqual([expected]);
    expect(of(items, 'check-in')).toEqual([expected.replace(' ann', ' ann, bob, cat, dan, eve')]);
  });

  it('outside the window it is not listed', () => {
    expect(of(due(repoWith(monthly('2024-02')), '2024-02-20'), 'chair-election')).toEqual([]);
  });

  it('says whether the chair may stand again under the consecutive limit', () => {
    const [item] = due(repoWith(monthly('2024-08')), '2024-08-01').filter((i) => i.kind === 'chair-election');
    expect(item?.message).toContain('ann may stand again (1 of 2 consecutive terms)');
    expect(item?.message).toContain('the checker allows until 2024-09-07');
  });
});

describe('meeting: the month\'s meeting not held yet', () => {
  it.each<[string, string, string[]]>([
    ['the last day of a leap February, no meeting in it', '2024-02-29', ['2024-02-29 due 2024-02']],
    ['the first of March: February is past (the check reports it), March is due', '2024-03-01', ['2024-03-31 due 2024-03']],
  ])('%s', (_name, today, expected) => {
    const items = due(repoWith({ 'governance/meetings/2024-02-07.yaml': null }), today);
    expect(of(items, 'meeting')).toEqual(expected);
  });

  it('held this month: nothing; within 45 days of the 20th, next month is listed', () => {
    expect(of(due(repoWith(), '2024-02-20'), 'meeting')).toEqual([]);
    expect(of(due(repoWith(), '2024-02-20', 45), 'meeting')).toEqual(['2024-03-31 due 2024-03']);
  });
});

describe('disclosure: stale after max_age_months', () => {
  it.each<[string, string[]]>([
    ['2024-06-10', ['2024-07-10 due ann', '2024-07-10 due bob', '2024-07-10 due cat', '2024-07-10 due dan', '2024-07-10 due eve']],
    ['2024-07-10', ['2024-07-10 due ann', '2024-07-10 due bob', '2024-07-10 due cat', '2024-07-10 due dan', '2024-07-10 due eve']], // exactly 6 months: still current
    ['2024-07-11', ['2024-07-10 overdue ann', '2024-07-10 overdue bob', '2024-07-10 overdue cat', '2024-07-10 overdue dan', '2024-07-10 overdue eve']],
  ])('on %s', (today, expected) => {
    expect(of(due(repoWith(), today), 'disclosure')).toEqual(expected);
  });
});

describe('membership steps', () => {
  const FAY = { 'governance/members/fay.yaml': 'id: fay\nname: Fay Example\nservice: []\n' };
  it.each<[string, string, string]>([
    ['a Wednesday: the earliest vote is the next Wednesday', '2024-02-14', '2024-02-21 due fay'],
    ['a Friday: across the weekend to the next Friday', '2024-02-16', '2024-02-23 due fay'],
    ['a Saturday: the next Friday', '2024-02-17', '2024-02-23 due fay'],
  ])('a candidate without a vote, circulated on %s', (_name, today, expected) => {
    expect(of(due(repoWith(FAY), today), 'membership-vote')).toEqual([expected]);
  });

  it('a passed appointment awaits confirmation at the next meeting; overdue once that meeting is held without it', () => {
    const vote = {
      'governance/votes/2024-02-07-membership-fay.yaml':
        'id: 2024-02-07-membership-fay\ndate: 2024-02-07\nmeeting: 2024-02-07\nkind: membership\nmotion: Appoint Fay\nsubject: fay\nnomination: { by: ann, date: 2024-01-20 }\nquestionnaire_circulated: 2024-01-25\nballots: { ann: yes, bob: yes, cat: yes, dan: yes }\nresult: passed\n',
    };
    expect(of(due(repoWith({ ...FAY, ...vote }), '2024-02-10'), 'confirmation')).toEqual(['2024-02-10 due fay']);
    const next = { 'governance/meetings/2024-02-14.yaml': 'date: 2024-02-14\nkind: regular\npresent: [ann, bob, cat, dan]\nboard: []\n' };
    expect(of(due(repoWith({ ...FAY, ...vote, ...next }), '2024-02-20'), 'confirmation')).toEqual(['2024-02-14 overdue fay']);
    expect(of(due(repoWith({ ...FAY, ...vote }), '2024-02-10'), 'membership-vote')).toEqual([]);
  });
});

describe('RFCs in their final comment period', () => {
  const fcp = (since: string): Files => ({
    'rfcs/0001-example.md': baseRepo()['rfcs/0001-example.md']!.replace('status: discussion', 'status: fcp').replace('discussion_since: 2024-02-02', `discussion_since: 2024-02-02\nfcp_since: ${since}`),
  });
  it('the two-week review ends; the vote is due at the next meeting', () => {
    const items = due(repoWith(fcp('2024-02-10')), '2024-02-20');
    expect(of(items, 'fcp-end')).toEqual(['2024-02-24 due RFC 0001']);
    expect(of(items, 'rfc-decision')).toEqual(['2024-02-24 due RFC 0001']);
  });
  it('a meeting held after the FCP began without a vote on it: the decision is overdue', () => {
    const items = due(repoWith({ ...fcp('2024-02-03'), 'governance/meetings/2024-02-14.yaml': 'date: 2024-02-14\nkind: regular\npresent: [ann, bob, cat, dan]\nboard: []\n' }), '2024-02-20');
    expect(of(items, 'rfc-decision')).toEqual(['2024-02-07 overdue RFC 0001']);
  });
});

describe('the committee\'s size, handles, and past meetings without quorum', () => {
  it('at the quorum minimum: any absence makes a meeting inquorate; below it: overdue', () => {
    const left = (id: string): Files => ({ [`governance/members/${id}.yaml`]: baseRepo()[`governance/members/${id}.yaml`]!.replace('    appointed_by: board\n', '    appointed_by: board\n    to: 2024-02-15\n    left: resigned\n') });
    expect(of(due(repoWith(left('eve')), '2024-02-20'), 'quorum-minimum')).toEqual(['2024-02-20 due 4 members']);
    expect(of(due(repoWith({ ...left('eve'), ...left('dan') }), '2024-02-20'), 'quorum-minimum')).toEqual(['2024-02-20 overdue 3 members']);
    expect(of(due(repoWith(), '2024-02-20'), 'quorum-minimum')).toEqual([]);
  });

  it('members without a GitHub handle', () => {
    const eve = { 'governance/members/eve.yaml': baseRepo()['governance/members/eve.yaml']!.replace('github: eve-gh\n', '') };
    expect(of(due(repoWith(eve), '2024-02-20'), 'no-github')).toEqual(['2024-02-20 due eve']);
  });

  it('the last meetings without quorum are listed, newest first, last of all', () => {
    const items = due(repoWith({ 'governance/meetings/2024-02-14.yaml': 'date: 2024-02-14\nkind: regular\npresent: [ann, bob]\nboard: []\n' }), '2024-02-20');
    expect(of(items, 'inquorate-meeting')).toEqual(['2024-02-14 due 2024-02-14']);
    expect(items.at(-1)?.kind).toBe('inquorate-meeting');
  });
});

describe('as of a past date, only what was recorded by then counts as done', () => {
  it('a chair elected after the date does not count on it; on the day after, the new term is in office', () => {
    const files = repoWith({
      ...monthly('2024-07', '2024-08'),
      'governance/chair-terms.yaml': 'terms:\n  - member: ann\n    from: 2024-02-07\n    to: 2024-08-14\n    elected_by: 2024-02-07-chair-election\n  - member: bob\n    from: 2024-08-15\n    elected_by: legacy\n',
    });
    expect(of(due(files, '2024-08-10'), 'chair-election')).toEqual(['2024-08-07 overdue ann']);
    expect(of(due(files, '2024-08-16'), 'chair-election')).toEqual([]);
  });
});

describe("npm run due on ALESCo's own records", () => {
  const alesco = async (today: string, format = 'json') => runCommand('due', ['--repo', ROOT, '--today', today, '--format', format]);

  it('on 2025-07-20 it names what the committee in fact missed next: the chair election overdue since 2025-03-04', async () => {
    const r = await alesco('2025-07-20');
    const report = JSON.parse(r.stdout) as { today: string; within: number; items: DueItem[] };
    expect(Object.keys(report)).toEqual(['today', 'within', 'committee', 'items']);
    expect(Object.keys(report.items[0]!)).toEqual(['kind', 'due', 'overdue', 'subject', 'message', 'charter', 'file']);
    expect(report.items[0]).toMatchObject({ kind: 'chair-election', due: '2025-03-04', overdue: true, subject: 'cody-robertson' });
    expect(report.items[0]?.charter).toBe('Chair 1: rotates "on a semi-annual basis- a 6-month term"');
  });

  it('on 2026-04-01: a committee at exactly its quorum minimum, and the month\'s meeting', async () => {
    const items = (JSON.parse((await alesco('2026-04-01')).stdout) as { items: DueItem[] }).items;
    expect(of(items, 'quorum-minimum')).toEqual(['2026-04-01 due 4 members']);
    expect(of(items, 'meeting')).toEqual(['2026-04-30 due 2026-04']);
  });

  it('Markdown for the issue: the marker first, every table row escaped', async () => {
    const r = await alesco('2026-04-01', 'md');
    expect(r.stdout.split('\n').slice(0, 4)).toEqual(['<!-- governance-due-report -->', '## What falls due for ALESCo', '', 'As of 2026-04-01: 4 overdue, 3 due in the next 30 days.']);
  });
});
