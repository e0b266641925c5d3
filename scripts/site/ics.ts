// meetings.ics: the committee's meetings as an iCalendar feed (RFC 5545):
// every recorded meeting, and the next meetings of the charter's schedule
// (meetings.schedule) that are not recorded yet. A meeting keeps its UID
// whether scheduled or recorded (`<date>@<committee>.governance`), so a
// calendar that subscribed updates the event in place. Pure and
// deterministic: DTSTAMP is `today` at midnight UTC, never the clock.
import { addDays } from '../core/dates.ts';
import { servingOn } from '../core/committee.ts';
import { BIDI_RANGES, CONTROLS_BUT_BREAKS, LONE_SURROGATE } from '../core/escape.ts';
import type { Meeting, Model, Vote } from '../core/model.ts';
import { safeUrl } from './html.ts';
import { resultWords } from './atom.ts';
import type { SiteInput } from './input.ts';
import { committeeSlug, linksOf, pagePath, type Links } from './links.ts';
import { scheduledStart, takesScheduledTime, upcomingMeetings } from './schedule.ts';

/** How many meetings of the schedule the calendar shows ahead. */
export const SCHEDULED_AHEAD = 8;

const PRODID = '-//alesco-governance//meetings.ics//EN';

// RFC 5545 3.1: a line is at most 75 octets; longer lines continue on lines
// starting with one space.
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** A content line folded at 75 octets, never inside a UTF-8 sequence (whole code points). */
export function foldLine(line: string): string {
  // Every UTF-16 unit is at most 3 octets: a line of 25 units or fewer always fits.
  if (line.length <= MAX_OCTETS / 3 || encoder.encode(line).length <= MAX_OCTETS) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; each continuation, after its space, 74.
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const code = ch.codePointAt(0) ?? 0;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/**
 * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, a
 * line break written `\n`; other control characters (forbidden in TEXT),
 * bidirectional overrides and lone surrogates (not UTF-8) dropped.
 */
const LONE = new RegExp(LONE_SURROGATE, 'g');
// Line breaks are \n by then: every other control, DEL and the bidirectional characters go.
const UNFIT = new RegExp(`[${CONTROLS_BUT_BREAKS}\\u000d\\u007f${BIDI_RANGES}]`, 'g');

export function escapeText(text: string): string {
  return (
    text
      .replace(LONE, '')
      .replace(/\r\n|\r|\n/g, '\n')
      .replace(UNFIT, '')
      .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))
  );
}

const compact = (date: string): string => date.replace(/-/g, '');

interface Event {
  date: string;
  uid: string;
  /** `VALUE=DATE` (all day) or a UTC start and an optional length. */
  start: { allDay: true } | { utc: string; minutes?: number };
  summary: string;
  status: 'CONFIRMED' | 'TENTATIVE';
  sequence: number;
  description: string;
  url?: string;
}

function nameOf(model: Model, id: string): string {
  return model.members.get(id)?.name ?? id;
}

const list = (names: readonly string[]): string => (names.length ? names.join(', ') : 'none');

function recordedEvent(input: SiteInput, links: Links, slug: string, m: Meeting, date: string, votesAt: ReadonlyMap<string, Vote[]>): Event {
  const { model } = input;
  const committee = model.charter?.committee ?? 'Committee';
  const schedule = model.charter?.meetings.schedule;
  // A second meeting that day (`<date>-2`) is not the scheduled one: its time is unknown.
  const timed = schedule && m.id === date && takesScheduledTime(schedule, date) ? scheduledStart(schedule, date) : undefined;
  const lines: string[] = [];
  if (m.chairedBy !== undefined) lines.push(`Chaired by ${nameOf(model, m.chairedBy)}`);
  if (m.presentKnown && m.present) {
    const here = new Set(m.present);
    lines.push(`Present: ${list(m.present.map((id) => nameOf(model, id)))}`);
    lines.push(`Absent: ${list(servingOn(model, date).filter((id) => !here.has(id)).map((id) => nameOf(model, id)))}`);
  } else lines.push('Attendance not recorded');
  if (m.boardKnown && m.board && m.board.length) lines.push(`Board: ${list(m.board)}`);
  if (m.guests.length) lines.push(`Guests: ${list(m.guests)}`);
  for (const v of votesAt.get(m.id) ?? []) lines.push(`Vote: ${v.motion ?? v.id} (${resultWords(model, v.result)})`);
  const minutes = safeUrl(m.minutes);
  if (minutes) lines.push(`Minutes: ${minutes}`);
  const page = links.siteUrl ? links.page(pagePath.meeting(m.id)) : undefined;
  const url = minutes ?? page;
  return {
    date,
    uid: `${m.id}@${slug}.governance`,
    start: timed ? { utc: timed.utc, ...(timed.minutes !== undefined ? { minutes: timed.minutes } : {}) } : { allDay: true },
    summary: `${committee} ${m.kind === 'special' ? 'special meeting' : 'meeting'}`,
    status: 'CONFIRMED',
    sequence: 1,
    description: lines.join('\n'),
    ...(url ? { url } : {}),
  };
}

function eventLines(e: Event, stamp: string): string[] {
  const out = ['BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${stamp}`, `SEQUENCE:${e.sequence}`];
  if ('allDay' in e.start) out.push(`DTSTART;VALUE=DATE:${compact(e.date)}`, `DTEND;VALUE=DATE:${compact(addDays(e.date, 1))}`);
  else {
    out.push(`DTSTART:${e.start.utc}`);
    if (e.start.minutes !== undefined) out.push(`DURATION:PT${e.start.minutes}M`);
  }
  out.push(`SUMMARY:${escapeText(e.summary)}`, `STATUS:${e.status}`);
  if (e.description) out.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.url) out.push(`URL:${e.url}`);
  out.push('END:VEVENT');
  return out;
}

export function renderIcs(input: SiteInput): string {
  const { model, today } = input;
  const links = linksOf(input);
  const committee = model.charter?.committee ?? 'Committee';
  const slug = committeeSlug(model.charter?.committee);
  const schedule = model.charter?.meetings.schedule;
  const events: Event[] = [];
  const votesAt = new Map<string, Vote[]>();
  for (const v of [...model.votes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (v.meeting === undefined) continue;
    const list = votesAt.get(v.meeting);
    if (list) list.push(v);
    else votesAt.set(v.meeting, [v]);
  }
  for (const m of model.meetings.values()) {
    if (m.date === undefined) continue;
    events.push(recordedEvent(input, links, slug, m, m.date, votesAt));
  }
  if (schedule) {
    const every = schedule.everyWeeks === 1 ? 'every week' : `every ${schedule.everyWeeks} weeks`;
    const day = `${schedule.weekday[0]?.toUpperCase() ?? ''}${schedule.weekday.slice(1)}`;
    const time = schedule.timeZone === 'UTC' ? `${schedule.time} UTC` : `${schedule.time} ${schedule.timeZone} time`;
    const when = `${every} on ${day} at ${time}`;
    for (const next of upcomingMeetings(model, today, SCHEDULED_AHEAD)) {
      const start = scheduledStart(schedule, next.date);
      events.push({
        date: next.date,
        uid: `${next.date}@${slug}.governance`,
        start: { utc: start.utc, ...(start.minutes !== undefined ? { minutes: start.minutes } : {}) },
        summary: `${committee} meeting`,
        status: 'TENTATIVE',
        sequence: 0,
        description: `Scheduled: ${when} (governance/charter.yaml, meetings.schedule). Not recorded yet.`,
      });
    }
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  const stamp = `${compact(today)}T000000Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`${committee} meetings`)}`,
    ...events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
