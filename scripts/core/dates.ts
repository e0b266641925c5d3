/**
 * Calendar-date arithmetic for the charter rules (charter-rules.md, "Date
 * arithmetic"). Dates are 'YYYY-MM-DD' strings in the proleptic Gregorian
 * calendar with no time of day and no time zone.
 *
 * Everything goes through integer day numbers (days since 1970-01-01)
 * computed arithmetically, never through `Date` objects: a local-time `Date`
 * shifts a calendar date by the machine's UTC offset, and the rules must give
 * the same answer on every runner. The module never reads the clock — "today"
 * is always an argument — so results are reproducible.
 *
 * Functions other than the `is*` predicates throw a RangeError on malformed
 * input rather than returning NaN or a wrong date: callers validate records
 * first, so a bad value reaching here is a programming error that must not
 * turn silently into a wrong finding.
 */

/** A calendar date 'YYYY-MM-DD'. An alias, so plain strings flow through. */
export type IsoDate = string;

/** A calendar month 'YYYY-MM'. */
export type IsoMonth = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

// Four-digit years only: anything outside cannot be written as YYYY-MM-DD,
// so producing it would emit a string that isIsoDate rejects.
const MIN_YEAR = 0;
const MAX_YEAR = 9999;

/** Day numbers of 0000-01-01 and 9999-12-31 (the representable range). */
export const MIN_DAY_NUMBER = -719528;
export const MAX_DAY_NUMBER = 2932896;

// 1970-01-01 was a Thursday.
const EPOCH_WEEKDAY = 4;
// 1970-01-05, the first Monday on or after the epoch: business-day counting
// is anchored on a Monday so a week's first five days are the business days.
const MONDAY_ANCHOR = 4;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  checkYearMonth(year, month);
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

function partsOf(s: string): DateParts | undefined {
  const m = ISO_DATE.exec(s);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Syntactically 'YYYY-MM-DD' and a day that exists in the calendar. */
export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && partsOf(s) !== undefined;
}

/** Syntactically 'YYYY-MM' with a month 01-12. */
export function isIsoMonth(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_MONTH.exec(s);
  if (m === null) return false;
  const month = Number(m[2]);
  return month >= 1 && month <= 12;
}

/** Year, month (1-12) and day of a date; throws on an invalid date. */
export function parseIsoDate(d: IsoDate): DateParts {
  const p = typeof d === 'string' ? partsOf(d) : undefined;
  if (p === undefined) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${String(d)}`);
  return p;
}

function parseIsoMonth(m: IsoMonth): { year: number; month: number } {
  if (!isIsoMonth(m)) throw new RangeError(`not a calendar month (YYYY-MM): ${String(m)}`);
  return { year: Number(m.slice(0, 4)), month: Number(m.slice(5, 7)) };
}

function checkYearMonth(year: number, month: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year out of range ${MIN_YEAR}-${MAX_YEAR}: ${year}`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`month out of range 1-12: ${month}`);
  }
}

function checkInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer: ${n}`);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

function format(year: number, month: number, day: number): IsoDate {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

// Days from civil and back: H. Hinnant's algorithms, which work in 400-year
// eras (146097 days) with the year starting in March so the leap day falls
// last. Pure integer arithmetic, so no Date.UTC quirk (years 0-99 map to
// 1900-1999 there) can leak in.

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: number): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Days since 1970-01-01 (negative before it). */
export function toDayNumber(d: IsoDate): number {
  const { year, month, day } = parseIsoDate(d);
  return daysFromCivil(year, month, day);
}

/** The date `n` days after 1970-01-01. */
export function fromDayNumber(n: number): IsoDate {
  checkInteger(n, 'day number');
  if (n < MIN_DAY_NUMBER || n > MAX_DAY_NUMBER) {
    throw new RangeError(`day number outside years ${MIN_YEAR}-${MAX_YEAR}: ${n}`);
  }
  const { year, month, day } = civilFromDays(n);
  return format(year, month, day);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  checkInteger(n, 'days');
  return fromDayNumber(toDayNumber(d) + n);
}

export function dayBefore(d: IsoDate): IsoDate {
  return addDays(d, -1);
}

export function dayAfter(d: IsoDate): IsoDate {
  return addDays(d, 1);
}

/** `b - a` in days: positive when b is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * Moves the calendar month by `months` (may be negative) and keeps the day,
 * clamped to the target month's last day: 2024-08-31 + 6 = 2025-02-28. This
 * is the charter's reading, so month additions do not compose
 * (2024-08-31 + 6 - 6 = 2024-08-28).
 */
export function addMonths(d: IsoDate, months: number): IsoDate {
  checkInteger(months, 'months');
  const { year, month, day } = parseIsoDate(d);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  checkYearMonth(y, m);
  return format(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The last day of `month` (1-12) of `year`, as a date. */
export function lastDayOfMonth(year: number, month: number): IsoDate {
  return format(year, month, daysInMonth(year, month));
}

/** The first day of a 'YYYY-MM' month. */
export function firstDayOfIsoMonth(m: IsoMonth): IsoDate {
  const { year, month } = parseIsoMonth(m);
  return format(year, month, 1);
}

/** The last day of a 'YYYY-MM' month (the cadence rule judges a month by it). */
export function lastDayOfIsoMonth(m: IsoMonth): IsoDate {
  const { year, month } = parseIsoMonth(m);
  return lastDayOfMonth(year, month);
}

/** The 'YYYY-MM' month a date falls in. */
export function monthOf(d: IsoDate): IsoMonth {
  parseIsoDate(d);
  return d.slice(0, 7);
}

/** Every month from `startMonth` to `endMonth` inclusive; empty when start > end. */
export function monthsFromTo(startMonth: IsoMonth, endMonth: IsoMonth): IsoMonth[] {
  const s = parseIsoMonth(startMonth);
  const e = parseIsoMonth(endMonth);
  const out: IsoMonth[] = [];
  const last = e.year * 12 + (e.month - 1);
  for (let t = s.year * 12 + (s.month - 1); t <= last; t++) {
    const y = Math.floor(t / 12);
    out.push(`${pad4(y)}-${pad2(t - y * 12 + 1)}`);
  }
  return out;
}

/** Day of the week: 0 Sunday, 1 Monday, … 6 Saturday (as Date#getUTCDay). */
export function weekday(d: IsoDate): number {
  return mod(toDayNumber(d) + EPOCH_WEEKDAY, 7);
}

/** Monday to Friday; the charter has no holiday calendar. */
export function isBusinessDay(d: IsoDate): boolean {
  const w = weekday(d);
  return w >= 1 && w <= 5;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

// Business days among day numbers [MONDAY_ANCHOR, n) — negated for n below
// the anchor — so that businessBefore(b) - businessBefore(a) counts [a, b)
// with any signs. Each whole week from a Monday holds five business days;
// the partial week's first min(r, 5) days are Monday to Friday.
function businessBefore(n: number): number {
  const k = n - MONDAY_ANCHOR;
  const weeks = Math.floor(k / 7);
  return weeks * 5 + Math.min(k - weeks * 7, 5);
}

/**
 * Business days d with `circulated < d <= vote` — the charter's "N business
 * days before the vote" (circulated Wednesday, vote next Wednesday: 5).
 * 0 when circulated >= vote. O(1): it runs for every vote in the history.
 */
export function businessDaysBetween(circulated: IsoDate, vote: IsoDate): number {
  const a = toDayNumber(circulated);
  const b = toDayNumber(vote);
  if (a >= b) return 0;
  return businessBefore(b + 1) - businessBefore(a + 1);
}

/**
 * The latest allowed last day of a chair term: from + termMonths months + 31
 * days. The 31 days are grace for an election at the first meeting after the
 * term ends (2024-01-10 with 6 months: 2024-08-10).
 */
export function chairTermLatestEnd(from: IsoDate, termMonths: number): IsoDate {
  return addDays(addMonths(from, termMonths), 31);
}

/**
 * Stale when today > date + maxAgeMonths months: a disclosure exactly that
 * many calendar months old is still current.
 */
export function isDisclosureStale(
  disclosureDate: IsoDate,
  today: IsoDate,
  maxAgeMonths: number,
): boolean {
  return compareDates(today, addMonths(disclosureDate, maxAgeMonths)) > 0;
}

/** -1, 0 or 1 as a is before, equal to or after b; usable as a sort comparator. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  // Valid YYYY-MM-DD strings order lexicographically like the dates; parsing
  // is only there to reject malformed input.
  parseIsoDate(a);
  parseIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) > 0;
}

/** Whether `from <= d <= to`; an undefined `to` is an open end. */
export function isWithin(d: IsoDate, from: IsoDate, to?: IsoDate): boolean {
  return compareDates(from, d) <= 0 && (to === undefined || compareDates(d, to) <= 0);
}

/** The latest of one or more dates. */
export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  let best = first;
  parseIsoDate(best);
  for (const d of rest) if (compareDates(d, best) > 0) best = d;
  return best;
}

/** The earliest of one or more dates. */
export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  let best = first;
  parseIsoDate(best);
  for (const d of rest) if (compareDates(d, best) < 0) best = d;
  return best;
}
