// The meeting schedule of charter.yaml (`meetings.schedule`) as dates and
// instants: which days it falls on, and when a meeting on such a day starts
// in UTC. Pure: a local time in a named zone is turned into UTC with the
// runtime's time zone data (Intl), never the clock or the machine's zone.
import { addDays, daysBetween, parseIsoDate, weekday as weekdayOf } from '../core/dates.ts';
import { WEEKDAYS, type MeetingSchedule, type Model } from '../core/model.ts';

/** The schedule's meeting days on or after `from`, the first `count` of them. */
export function scheduledDates(schedule: MeetingSchedule, from: string, count: number): string[] {
  const step = schedule.everyWeeks * 7;
  const gap = daysBetween(schedule.start, from);
  // The first occurrence on or after `from` (never before `start`).
  const first = gap <= 0 ? 0 : Math.ceil(gap / step);
  const out: string[] = [];
  for (let k = first; out.length < count; k++) out.push(addDays(schedule.start, k * step));
  return out;
}

/**
 * The next `count` meetings of the charter's schedule from `today` on (today
 * included: it may not be held yet), leaving out the days a recorded meeting
 * holds: those are in the records already.
 */
export function upcomingMeetings(model: Model, today: string, count: number): { date: string; start: string }[] {
  const schedule = model.charter?.meetings.schedule;
  if (!schedule || count <= 0) return [];
  const held = new Set<string>();
  for (const m of model.meetings.values()) if (m.date !== undefined && m.date >= today) held.add(m.date);
  // Each recorded day skips one scheduled day at most.
  return scheduledDates(schedule, today, count + held.size)
    .filter((d) => !held.has(d))
    .slice(0, count)
    .map((date) => ({ date, start: scheduledStart(schedule, date).iso }));
}

/** Does a meeting on `date` take the schedule's time: on its weekday, from its start on. */
export function takesScheduledTime(schedule: MeetingSchedule, date: string): boolean {
  return date >= schedule.start && WEEKDAYS[weekdayOf(date)] === schedule.weekday;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Minutes `zone` is ahead of UTC at the instant `utcMs`. */
function offsetMinutes(zone: string, utcMs: number): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((local - utcMs) / 60_000);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * When a meeting on `date` at the schedule's time starts, in UTC, as
 * iCalendar writes it (`20240605T150000Z`), and how long it lasts. A local
 * time that a daylight-saving change skips is read with the offset before
 * the change.
 */
export function scheduledStart(schedule: MeetingSchedule, date: string): { utc: string; iso: string; minutes?: number } {
  const { year, month, day } = parseIsoDate(date);
  const [h, m] = schedule.time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, h ?? 0, m ?? 0);
  let utcMs = wall;
  if (schedule.timeZone !== 'UTC') {
    // Two rounds: the offset at the guessed instant, then at the instant it gives.
    const first = offsetMinutes(schedule.timeZone, wall);
    utcMs = wall - first * 60_000;
    const second = offsetMinutes(schedule.timeZone, utcMs);
    if (second !== first) utcMs = wall - second * 60_000;
  }
  const t = new Date(utcMs);
  const ymd = `${pad(t.getUTCFullYear(), 4)}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}`;
  const hms = `${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}00`;
  const iso = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:00Z`;
  return { utc: `${ymd}T${hms}Z`, iso, ...(schedule.durationMinutes !== undefined ? { minutes: schedule.durationMinutes } : {}) };
}
