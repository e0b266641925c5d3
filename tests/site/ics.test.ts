// meetings.ics: valid iCalendar as a calendar client reads it (ical.js),
// every recorded meeting and the next ones of the charter's schedule, UIDs
// that stay put from scheduled to recorded, lines folded at 75 octets on
// character boundaries, TEXT escaped. And the schedule in charter.yaml: what
// the schema refuses, and what the loader refuses beyond it.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { rule as schemaRule } from '../../scripts/rules/schema.ts';
import { escapeText, foldLine, renderIcs, SCHEDULED_AHEAD } from '../../scripts/site/ics.ts';
import { checkRules, loadModel } from '../helpers.ts';
import { budgetVote, charterWith, repoWith, SCHEDULE, siteInput } from './data-fixture.ts';
import type { Files } from '../helpers.ts';

interface Ev {
  uid: string;
  start: string;
  allDay: boolean;
  end: string;
  summary: string;
  status: string;
  description: string;
  url: string | null;
}

function events(ics: string): { calendar: ICAL.Component; events: Ev[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const out = calendar.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    const url = c.getFirstPropertyValue('url');
    return {
      uid: e.uid,
      start: e.startDate.toString(),
      allDay: e.startDate.isDate,
      end: e.endDate.toString(),
      summary: e.summary,
      status: String(c.getFirstPropertyValue('status')),
      description: e.description,
      url: url === null ? null : String(url),
    };
  });
  return { calendar, events: out };
}

const ics = (files: Files, today?: string, siteUrl?: string): string =>
  renderIcs(siteInput(files, { ...(today ? { today } : {}), ...(siteUrl ? { siteUrl } : {}) }));

const SCHEDULED = repoWith({ ...charterWith(SCHEDULE), ...budgetVote('Adopt, the; budget\\now') });

describe('meetings.ics', () => {
  const text = ics(SCHEDULED);
  const parsed = events(text);

  it('is a calendar with CRLF line endings, the required properties, and a deterministic DTSTAMP', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//alesco-governance//meetings.ics//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Test Committee meetings\r\n')).toBe(true);
    expect(text.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n|\r[^\n]/);
    expect(parsed.calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(text.match(/^DTSTAMP:.*$/gm)?.every((l) => l === 'DTSTAMP:20240220T000000Z')).toBe(true);
  });

  it('a recorded meeting on the schedule: the schedule time, confirmed, with who was there and who was not', () => {
    expect(text).toContain(
      [
        'BEGIN:VEVENT',
        'UID:2024-02-07@test-committee.governance',
        'DTSTAMP:20240220T000000Z',
        'SEQUENCE:1',
        'DTSTART:20240207T150000Z',
        'DURATION:PT60M',
        'SUMMARY:Test Committee meeting',
        'STATUS:CONFIRMED',
        'DESCRIPTION:Present: Ann Example\\, Bob Example\\, Cat Example\\, Dan Example\\',
        ' nAbsent: Eve Example\\nGuests: A Visitor\\nVote: Adopt\\, the\\; budget\\\\now (',
        ' passed)\\nVote: Elect the chair for the next six months (elected Ann Exampl',
        ' e)',
        'END:VEVENT',
      ].join('\r\n'),
    );
    expect(parsed.events[0]).toEqual({
      uid: '2024-02-07@test-committee.governance',
      start: '2024-02-07T15:00:00Z',
      allDay: false,
      end: '2024-02-07T16:00:00Z',
      summary: 'Test Committee meeting',
      status: 'CONFIRMED',
      description:
        'Present: Ann Example, Bob Example, Cat Example, Dan Example\nAbsent: Eve Example\nGuests: A Visitor\nVote: Adopt, the; budget\\now (passed)\nVote: Elect the chair for the next six months (elected Ann Example)',
      url: null,
    });
  });

  it(`the next ${SCHEDULED_AHEAD} meetings of the schedule from today, tentative, at 15:00 UTC`, () => {
    const scheduled = parsed.events.filter((e) => e.status === 'TENTATIVE');
    expect(scheduled.map((e) => e.start)).toEqual([
      '2024-02-21T15:00:00Z',
      '2024-03-06T15:00:00Z',
      '2024-03-20T15:00:00Z',
      '2024-04-03T15:00:00Z',
      '2024-04-17T15:00:00Z',
      '2024-05-01T15:00:00Z',
      '2024-05-15T15:00:00Z',
      '2024-05-29T15:00:00Z',
    ]);
    expect(scheduled.map((e) => e.uid)).toEqual(scheduled.map((e) => `${e.start.slice(0, 10)}@test-committee.governance`));
    expect(scheduled[0]).toMatchObject({
      end: '2024-02-21T16:00:00Z',
      summary: 'Test Committee meeting',
      description: 'Scheduled: every 2 weeks on Wednesday at 15:00 UTC (governance/charter.yaml, meetings.schedule). Not recorded yet.',
    });
  });

  it('a meeting keeps its UID from scheduled to recorded, and two builds give the same bytes', () => {
    expect(ics(SCHEDULED)).toBe(text);
    const held = repoWith({
      ...charterWith(SCHEDULE),
      'governance/meetings/2024-02-21.yaml': 'date: 2024-02-21\nkind: regular\npresent: [ann, bob, cat, dan, eve]\nminutes: https://example.org/minutes/2024-02-21\n',
    });
    // Recorded the day before it is held (a file dated ahead): one event, the recorded one.
    const before = events(ics(held, '2024-02-20')).events.filter((e) => e.uid === '2024-02-21@test-committee.governance');
    const after = events(ics(held, '2024-02-22')).events;
    const same = after.filter((e) => e.uid === '2024-02-21@test-committee.governance');
    expect(before).toHaveLength(1);
    expect(same).toEqual([
      {
        uid: '2024-02-21@test-committee.governance',
        start: '2024-02-21T15:00:00Z',
        allDay: false,
        end: '2024-02-21T16:00:00Z',
        summary: 'Test Committee meeting',
        status: 'CONFIRMED',
        description: 'Present: Ann Example, Bob Example, Cat Example, Dan Example, Eve Example\nAbsent: none\nMinutes: https://example.org/minutes/2024-02-21',
        url: 'https://example.org/minutes/2024-02-21',
      },
    ]);
    expect(after.filter((e) => e.status === 'TENTATIVE').map((e) => e.start.slice(0, 10))).toEqual([
      '2024-03-06',
      '2024-03-20',
      '2024-04-03',
      '2024-04-17',
      '2024-05-01',
      '2024-05-15',
      '2024-05-29',
      '2024-06-12',
    ]);
  });

  it('a meeting off the schedule (another weekday, a second one that day) is an all-day event', () => {
    const out = events(
      ics(
        repoWith({
          ...charterWith(SCHEDULE),
          'governance/meetings/2024-02-15.yaml': 'date: 2024-02-15\nkind: special\npresent: [ann, bob, cat, dan]\n',
          'governance/meetings/2024-02-07-2.yaml': 'date: 2024-02-07\nkind: special\npresent: [ann, bob, cat, dan]\n',
        }),
      ),
    ).events;
    expect(out.filter((e) => e.status === 'CONFIRMED').map((e) => [e.uid, e.start, e.allDay, e.end, e.summary])).toEqual([
      ['2024-02-07-2@test-committee.governance', '2024-02-07', true, '2024-02-08', 'Test Committee special meeting'],
      ['2024-02-07@test-committee.governance', '2024-02-07T15:00:00Z', false, '2024-02-07T16:00:00Z', 'Test Committee meeting'],
      ['2024-02-15@test-committee.governance', '2024-02-15', true, '2024-02-16', 'Test Committee special meeting'],
    ]);
  });

  it('without a schedule: the recorded meetings alone, all day; a minutes link only when http(s), else the site page', () => {
    const files = repoWith({ 'governance/meetings/2024-02-07.yaml': 'date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, dan]\nminutes: "javascript:alert(1)"\n' });
    const plain = events(ics(files)).events;
    expect(plain.map((e) => [e.uid, e.start, e.allDay, e.status, e.url])).toEqual([['2024-02-07@test-committee.governance', '2024-02-07', true, 'CONFIRMED', null]]);
    const withSite = events(ics(files, undefined, 'https://example.org/gov')).events;
    expect(withSite[0]?.url).toBe('https://example.org/gov/meetings/2024-02-07.html');
  });

  it('a time pinned to a time zone follows its daylight saving: noon in New York is 17:00 UTC in winter, 16:00 in summer', () => {
    const zoned = SCHEDULE.replace('time_utc: "15:00"', 'time: "12:00"\n    time_zone: America/New_York');
    const out = events(ics(repoWith(charterWith(zoned)))).events;
    expect(out.slice(0, 4).map((e) => e.start)).toEqual(['2024-02-07T17:00:00Z', '2024-02-21T17:00:00Z', '2024-03-06T17:00:00Z', '2024-03-20T16:00:00Z']);
    expect(out[1]?.description).toBe('Scheduled: every 2 weeks on Wednesday at 12:00 America/New_York time (governance/charter.yaml, meetings.schedule). Not recorded yet.');
  });
});

describe('folding and escaping', () => {
  it('a 200-character committee name: every line at most 75 octets, never cut inside a UTF-8 sequence, read back whole', () => {
    const name = Array.from('Comité de pilotage technique 🎉 ünïcödé '.repeat(8)).slice(0, 200).join('').trimEnd();
    expect(Array.from(name).length).toBeGreaterThan(195);
    const text = ics(repoWith({ ...charterWith(SCHEDULE, name) }));
    const bytes = new TextEncoder().encode(text);
    const strict = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    const lines: Uint8Array[] = [];
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 13 && bytes[i + 1] === 10) {
        lines.push(bytes.subarray(start, i));
        start = i + 2;
      }
    }
    expect(lines.length).toBeGreaterThan(40);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => strict.decode(line)).not.toThrow();
    }
    // Folded lines really are folded: the summary spans several.
    expect(text).toMatch(/\r\nSUMMARY:Comité[^\r]*\r\n [^\r]*\r\n /);
    const parsed = events(text);
    expect(parsed.events[0]?.summary).toBe(`${name} meeting`);
    expect(parsed.calendar.getFirstPropertyValue('x-wr-calname')).toBe(`${name} meetings`);
    expect(parsed.events[0]?.uid).toBe(`2024-02-07@${'comite-de-pilotage-technique-unicode-comite-de-pilotage-technique'.slice(0, 63).replace(/-+$/, '')}.governance`);
  });

  it.each<[string, string, string]>([
    ['plain text', 'Weekly sync', 'Weekly sync'],
    ['commas, semicolons, backslashes', 'Doe, Jane; C:\\dir', 'Doe\\, Jane\\; C:\\\\dir'],
    ['line breaks of every kind', 'a\r\nb\nc\rd', 'a\\nb\\nc\\nd'],
    ['control characters and overrides dropped, tab kept', 'a\u0000b\u0007c\td\u202ee\u007f', 'abc\tde'],
    ['a lone surrogate dropped, an emoji kept', 'x\ud800y🎉', 'xy🎉'],
  ])('escapeText: %s', (_what, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('foldLine: 75 octets on the first line, 74 after the space on the others; a short line untouched', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const long = `DESCRIPTION:${'x'.repeat(200)}`;
    const folded = foldLine(long).split('\r\n');
    expect(folded.map((l) => l.length)).toEqual([75, 75, 64]);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(long);
    // A 3-octet character that would straddle octet 75 moves to the next line whole.
    const straddle = foldLine(`${'x'.repeat(74)}€y`).split('\r\n');
    expect(straddle).toEqual(['x'.repeat(74), ' €y']);
  });

  it('guest names with commas and semicolons come back as written', () => {
    const out = events(
      ics(repoWith({ 'governance/meetings/2024-02-07.yaml': 'date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, dan]\nguests: ["Doe, Jane; Jr.", "Back\\\\slash"]\n' })),
    ).events;
    expect(out[0]?.description).toBe('Present: Ann Example, Bob Example, Cat Example, Dan Example\nAbsent: Eve Example\nGuests: Doe, Jane; Jr., Back\\slash\nVote: Elect the chair for the next six months (elected Ann Example)');
  });
});

describe('meetings.schedule in charter.yaml', () => {
  const withSchedule = (lines: string): Files => repoWith(charterWith(`meetings:\n  min_per_calendar_month: 1\n  schedule:\n${lines}`));
  const findings = (lines: string): string[] =>
    checkRules(withSchedule(lines), [schemaRule]).map((f) => `${f.line}:${f.column} ${f.message}`);
  const VALID = '    every_weeks: 2\n    weekday: wednesday\n    time_utc: "15:00"\n    start: 2024-02-07\n';

  it.each<[string, string, string[]]>([
    ['a valid schedule', VALID, []],
    ['a valid schedule in a time zone', VALID.replace('time_utc: "15:00"', 'time: "12:00"\n    time_zone: Europe/Paris'), []],
    ['a missing weekday', VALID.replace('    weekday: wednesday\n', ''), ['11:5 missing required key "weekday" (one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday)']],
    ['a bad weekday', VALID.replace('wednesday', 'wensday'), ['12:14 weekday: "wensday" is not one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday']],
    ['a bad time', VALID.replace('"15:00"', '"3pm"'), ['13:15 time_utc: "3pm" is not valid here: the start time in UTC, HH:MM (24-hour), quoted']],
    ['an hour past 23', VALID.replace('"15:00"', '"24:00"'), ['13:15 time_utc: "24:00" is not valid here: the start time in UTC, HH:MM (24-hour), quoted']],
    ['a time without its zone', VALID.replace('time_utc: "15:00"', 'time: "12:00"'), ['11:5 "time" needs "time_zone" beside it']],
    [
      'both a UTC time and a zoned time',
      VALID.replace('time_utc: "15:00"', 'time_utc: "15:00"\n    time: "12:00"\n    time_zone: UTC'),
      [
        '11:5 schedule: when the committee meets, for the published calendar: every `every_weeks` weeks on `weekday`, the first meeting on `start`, at `time_utc` (a fixed UTC time) or at `time` in `time_zone` (a local time that follows the zone\'s daylight saving), not both',
      ],
    ],
    [
      'a start that is not on the weekday',
      VALID.replace('2024-02-07', '2024-02-08'),
      ['14:12 meetings.schedule.start: 2024-02-08 is a thursday, not a wednesday (weekday): the meetings fall every 2 week(s) from start, so start must be the first of them; the calendar leaves the schedule out'],
    ],
    [
      'a time zone nobody knows',
      VALID.replace('time_utc: "15:00"', 'time: "12:00"\n    time_zone: Mars/Olympus_Mons'),
      ['14:16 meetings.schedule.time_zone: "Mars/Olympus_Mons" is not a time zone name known here (an IANA name such as America/New_York or Europe/Paris, or UTC): the calendar leaves the schedule out'],
    ],
  ])('%s', (_what, lines, expected) => {
    expect(findings(lines)).toEqual(expected);
  });

  it('a start off its weekday leaves the schedule out, not the charter: the calendar shows recorded meetings only', () => {
    const files = withSchedule(VALID.replace('2024-02-07', '2024-02-08'));
    const model = loadModel(files);
    expect(model.charter?.quorum.minimum).toBe(4);
    expect(model.charter?.meetings).toEqual({ minPerCalendarMonth: 1 });
    expect(events(ics(files)).events.map((e) => e.status)).toEqual(['CONFIRMED']);
  });

  it('the model reads the schedule: time_utc as UTC, time with its zone', () => {
    expect(loadModel(withSchedule(VALID)).charter?.meetings.schedule).toEqual({
      everyWeeks: 2,
      weekday: 'wednesday',
      time: '15:00',
      timeZone: 'UTC',
      start: '2024-02-07',
    });
    expect(loadModel(withSchedule(`${VALID.replace('time_utc: "15:00"', 'time: "09:30"\n    time_zone: Asia/Tokyo')}    duration_minutes: 45\n`)).charter?.meetings.schedule).toEqual({
      everyWeeks: 2,
      weekday: 'wednesday',
      time: '09:30',
      timeZone: 'Asia/Tokyo',
      durationMinutes: 45,
      start: '2024-02-07',
    });
  });
});
