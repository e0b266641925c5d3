// Charter, Policies 6 (Quorum): "A quorum is defined as 50% of members +1 with
// a minimum quorum always being at least four (4) members." Only serving
// members are present; from records_since on, every meeting says who was present.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/meeting-attendee.ts';
import { baseRepo, brief, checkRules, repoWith, type Files } from '../helpers.ts';

const CHARTER = 'governance/charter.yaml';
const MEETING = 'governance/meetings/2024-02-07.yaml';
const EVE = 'governance/members/eve.yaml';

/** The fixture meeting with another `present` line (line 3; the list starts at column 11). */
const meeting = (present: string | undefined): string =>
  ['date: 2024-02-07', 'kind: regular', ...(present === undefined ? [] : [`present: ${present}`]), ''].join('\n');

function eve(...periods: [from: string, to?: string][]): string {
  const service = periods.map(([from, to]) =>
    [`  - from: ${from}`, '    appointed_by: legacy', ...(to ? [`    to: ${to}`, '    left: resigned'] : [])].join('\n'),
  );
  return ['id: eve', 'name: Eve Example', `service:${periods.length ? '' : ' []'}`, ...service, ''].join('\n');
}

function charterSince(since: string): string {
  return baseRepo()[CHARTER]!.replace('records_since: 2024-01-01', `records_since: ${since}`);
}

/** eve listed fifth: `present: [ann, bob, cat, dan, eve]` puts her at column 31. */
const WITH_EVE = meeting('[ann, bob, cat, dan, eve]');
const run = (changes: Files): string[] => checkRules(repoWith(changes), [rule]).map(brief);

describe('meeting-attendee: only serving members are present; attendance recorded from records_since on', () => {
  it.each<[string, Files]>([
    ['the fixture: four serving members present', {}],
    ['a member whose service starts on the meeting day', { [MEETING]: WITH_EVE, [EVE]: eve(['2024-02-07']) }],
    ['a member whose service ends on the meeting day', { [MEETING]: WITH_EVE, [EVE]: eve(['2024-01-10', '2024-02-07']) }],
    ['a member back for a second period', { [MEETING]: WITH_EVE, [EVE]: eve(['2023-01-01', '2023-06-30'], ['2024-02-01']) }],
    ['an id with no member file (unknown-reference\'s finding)', { [MEETING]: meeting('[ann, bob, cat, dan, zed]') }],
    ['a member file skipped for yaml-syntax: service unknown', { [MEETING]: WITH_EVE, [EVE]: 'id: eve\nid: eve\n' }],
    ['a member whose service the schema rejected: unknown', { [MEETING]: WITH_EVE, [EVE]: 'id: eve\nname: Eve\nservice:\n  - from: 2024-02-30\n    appointed_by: legacy\n' }],
    ['a service period without `appointed_by` (the schema\'s finding): unknown, not "no service"', { [MEETING]: WITH_EVE, [EVE]: 'id: eve\nname: Eve\nservice:\n  - from: 2024-03-01\n' }],
    ['a member file without `service` (the schema\'s finding): unknown, not "never served"', { [MEETING]: WITH_EVE, [EVE]: 'id: eve\nname: Eve\n' }],
    ['a `present` the schema rejected (an id listed twice) is unknown, not missing', { [MEETING]: meeting('[ann, bob, ann, dan, eve]'), [EVE]: eve(['2024-03-01']) }],
    ['an empty `present` is recorded', { [MEETING]: meeting('[]') }],
    ['before records_since a meeting may omit `present`', { [MEETING]: meeting(undefined), [CHARTER]: charterSince('2024-02-08') }],
  ])('valid: %s', (_name, changes) => {
    expect(run(changes)).toEqual([]);
  });

  it.each<[string, Files, string, string]>([
    ['present before their service starts', { [MEETING]: WITH_EVE, [EVE]: eve(['2024-02-08']) }, `meeting-attendee ${MEETING}:3:31 error`, "their service: 2024-02-08 to now"],
    ['present after their service ended', { [MEETING]: WITH_EVE, [EVE]: eve(['2024-01-10', '2024-02-06']) }, `meeting-attendee ${MEETING}:3:31 error`, 'their service: 2024-01-10 to 2024-02-06'],
    ['present between two service periods', { [MEETING]: WITH_EVE, [EVE]: eve(['2023-01-01', '2023-06-30'], ['2024-03-01']) }, `meeting-attendee ${MEETING}:3:31 error`, 'their service: 2023-01-01 to 2023-06-30, 2024-03-01 to now'],
    ['a candidate who never served', { [MEETING]: WITH_EVE, [EVE]: eve() }, `meeting-attendee ${MEETING}:3:31 error`, 'they have no service period'],
    ['no `present` from records_since on: at the `date` key', { [MEETING]: meeting(undefined) }, `meeting-attendee ${MEETING}:1:1 error`, 'has no `present`'],
    ['no `present` on the very day of records_since', { [MEETING]: meeting(undefined), [CHARTER]: charterSince('2024-02-07') }, `meeting-attendee ${MEETING}:1:1 error`, 'from records_since 2024-02-07 on'],
  ])('invalid: %s', (_name, changes, expected, message) => {
    const found = checkRules(repoWith(changes), [rule]);
    expect(found.map(brief)).toEqual([expected]);
    expect(found[0]?.message).toContain(message);
  });

  it('says who is not serving and where a non-member goes', () => {
    const [f] = checkRules(repoWith({ [MEETING]: WITH_EVE, [EVE]: eve(['2024-02-08']) }), [rule]);
    expect(f?.message).toBe(
      'eve is listed present on 2024-02-07 but does not serve on the committee that day (their service: 2024-02-08 to now): a non-member attending goes in `guests`',
    );
  });

  it('one finding per listed non-serving member', () => {
    const dan = 'id: dan\nname: Dan\nservice:\n  - from: 2024-03-01\n    appointed_by: legacy\n';
    expect(run({ [MEETING]: WITH_EVE, [EVE]: eve(['2024-02-08']), 'governance/members/dan.yaml': dan })).toEqual([
      `meeting-attendee ${MEETING}:3:26 error`,
      `meeting-attendee ${MEETING}:3:31 error`,
    ]);
  });

  it('a meeting before records_since: a non-serving attendee is a warning', () => {
    const found = checkRules(repoWith({ [MEETING]: WITH_EVE, [EVE]: eve(['2024-02-08']), [CHARTER]: charterSince('2024-02-08') }), [rule]);
    expect(found.map(brief)).toEqual([`meeting-attendee ${MEETING}:3:31 warning`]);
  });

  /** The fixture meeting chaired by `chair` (`chaired_by` on line 3, at column 13). */
  const chaired = (chair: string, present = '[ann, bob, cat, dan]'): string =>
    ['date: 2024-02-07', 'kind: regular', `chaired_by: ${chair}`, `present: ${present}`, ''].join('\n');

  it.each<[string, Files]>([
    ['the chair is present', { [MEETING]: chaired('ann') }],
    ['the chair is present, listed last', { [MEETING]: chaired('dan') }],
    ['a chair with no member file is unknown-reference\'s finding alone', { [MEETING]: chaired('zed') }],
    ['a rejected `present` leaves the chair unjudged', { [MEETING]: chaired('eve', '[ann, ann, bob]') }],
    ['a meeting without `present` before records_since: the chair is unjudged', { [MEETING]: 'date: 2024-02-07\nkind: regular\nchaired_by: eve\n', [CHARTER]: charterSince('2024-02-08') }],
  ])('chaired_by, valid: %s', (_name, changes) => {
    expect(run(changes)).toEqual([]);
  });

  it('a chaired_by who is not in `present` is a finding at chaired_by', () => {
    const found = checkRules(repoWith({ [MEETING]: chaired('eve') }), [rule]);
    expect(found.map((f) => `${brief(f)} ${f.message}`)).toEqual([
      `meeting-attendee ${MEETING}:3:13 error eve chaired the meeting of 2024-02-07 but is not in its present list: the chair attends, so either add eve to \`present\` or correct \`chaired_by\``,
    ]);
  });

  it('without a readable records_since, a missing `present` cannot be judged', () => {
    const noSince = baseRepo()[CHARTER]!.replace('records_since: 2024-01-01\n', '');
    expect(run({ [MEETING]: meeting(undefined), [CHARTER]: noSince })).toEqual([]);
  });
});
