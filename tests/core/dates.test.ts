import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_DAY_NUMBER,
  MIN_DAY_NUMBER,
  addDays,
  addMonths,
  businessDaysBetween,
  chairTermLatestEnd,
  compareDates,
  dayAfter,
  dayBefore,
  daysBetween,
  daysInMonth,
  firstDayOfIsoMonth,
  fromDayNumber,
  isAfter,
  isBefore,
  isBusinessDay,
  isDisclosureStale,
  isIsoDate,
  isIsoMonth,
  isLeapYear,
  isWithin,
  lastDayOfIsoMonth,
  lastDayOfMonth,
  maxDate,
  minDate,
  monthOf,
  monthsFromTo,
  parseIsoDate,
  toDayNumber,
  weekday,
} from '../../scripts/core/dates.ts';

// Independent oracles: the module computes without Date; the tests check it
// against Date.UTC, which is exact for years 100 and later.
const MS_PER_DAY = 86_400_000;
const utcDayNumber = (d: string): number =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / MS_PER_DAY;
const utcDate = (n: number): string => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
const utcWeekday = (n: number): number => new Date(n * MS_PER_DAY).getUTCDay();

// Day numbers of 1900-01-01 and 2199-12-31: a window that covers the
// century rules (1900 not leap, 2000 leap, 2100 not leap).
const LOW = -25567;
const HIGH = 84006;
const dayNumberArb = fc.integer({ min: LOW, max: HIGH });
const dateArb = dayNumberArb.map(utcDate);

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-28', true],
    ['2000-02-29', true],
    ['1970-01-01', true],
    ['2024-12-31', true],
    ['0000-01-01', true],
    ['9999-12-31', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2100-02-29', false],
    ['2024-02-30', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-01-32', false],
    ['2024-1-01', false],
    ['2024-01-1', false],
    ['24-01-01', false],
    ['2024/01/01', false],
    ['2024-01-01T00:00:00Z', false],
    [' 2024-01-01', false],
    ['2024-01-01\n', false],
    ['+02024-01-01', false],
    ['２０２４-01-01', false],
    ['', false],
  ])('%j -> %s', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });

  it.each([[undefined], [null], [20240101], [new Date(0)], [{}], [['2024-01-01']]])(
    'rejects the non-string %j',
    (v) => {
      expect(isIsoDate(v)).toBe(false);
    },
  );

  it('agrees with Date.UTC on every day of 1900-2199', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = utcDate(utcDayNumber(s)) === s;
          expect(isIsoDate(s)).toBe(real);
        },
      ),
    );
  });
});

describe('isIsoMonth', () => {
  it.each([
    ['2024-01', true],
    ['2024-12', true],
    ['2024-00', false],
    ['2024-13', false],
    ['2024-1', false],
    ['2024-01-01', false],
    [42, false],
  ])('%j -> %s', (s, expected) => {
    expect(isIsoMonth(s)).toBe(expected);
  });
});

describe('leap years and month lengths', () => {
  it.each([
    [1900, false],
    [2000, true],
    [2023, false],
    [2024, true],
    [2100, false],
    [2400, true],
  ])('isLeapYear(%i) = %s', (y, expected) => {
    expect(isLeapYear(y)).toBe(expected);
  });

  it.each([
    [2024, 1, 31],
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 6, 30],
    [2024, 9, 30],
    [2024, 11, 30],
    [2024, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (y, m, expected) => {
    expect(daysInMonth(y, m)).toBe(expected);
  });

  it.each([
    [2024, 2, '2024-02-29'],
    [2023, 2, '2023-02-28'],
    [1900, 2, '1900-02-28'],
    [2000, 2, '2000-02-29'],
    [2024, 4, '2024-04-30'],
    [2024, 12, '2024-12-31'],
    [2024, 1, '2024-01-31'],
  ])('lastDayOfMonth(%i, %i) = %s', (y, m, expected) => {
    expect(lastDayOfMonth(y, m)).toBe(expected);
  });

  it.each([
    [2024, 0],
    [2024, 13],
    [2024, 1.5],
    [-1, 1],
    [10000, 1],
  ])('lastDayOfMonth(%i, %i) throws', (y, m) => {
    expect(() => lastDayOfMonth(y, m)).toThrow(RangeError);
  });

  it.each([
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['1900-02', '1900-02-01', '1900-02-28'],
    ['2024-12', '2024-12-01', '2024-12-31'],
  ])('month %s runs %s to %s', (m, first, last) => {
    expect(firstDayOfIsoMonth(m)).toBe(first);
    expect(lastDayOfIsoMonth(m)).toBe(last);
  });
});

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-01-01', 10957],
    ['2000-03-01', 11017],
    ['2024-02-29', 19782],
    ['2024-03-01', 19783],
    ['1900-03-01', -25508],
    ['0000-01-01', MIN_DAY_NUMBER],
    ['9999-12-31', MAX_DAY_NUMBER],
  ])('%s <-> %i', (d, n) => {
    expect(toDayNumber(d)).toBe(n);
    expect(fromDayNumber(n)).toBe(d);
  });

  it('the representable range is 0000-01-01 to 9999-12-31', () => {
    expect(() => fromDayNumber(MIN_DAY_NUMBER - 1)).toThrow(RangeError);
    expect(() => fromDayNumber(MAX_DAY_NUMBER + 1)).toThrow(RangeError);
  });

  it.each([['2023-02-29'], ['not a date'], ['2024-1-1']])('toDayNumber(%j) throws', (d) => {
    expect(() => toDayNumber(d)).toThrow(RangeError);
  });

  it.each([[0.5], [Number.NaN], [Infinity]])('fromDayNumber(%s) throws', (n) => {
    expect(() => fromDayNumber(n)).toThrow(RangeError);
  });

  it('agree with Date.UTC', () => {
    fc.assert(
      fc.property(dayNumberArb, (n) => {
        const d = utcDate(n);
        expect(fromDayNumber(n)).toBe(d);
        expect(toDayNumber(d)).toBe(n);
      }),
    );
  });

  it('fromDayNumber(toDayNumber(d)) === d over the whole range', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY_NUMBER, max: MAX_DAY_NUMBER }), (n) => {
        const d = fromDayNumber(n);
        expect(isIsoDate(d)).toBe(true);
        expect(fromDayNumber(toDayNumber(d))).toBe(d);
        expect(toDayNumber(d)).toBe(n);
      }),
    );
  });

  it('consecutive day numbers are consecutive calendar days', () => {
    // Walk every day of 1899-2101 once: catches an off-by-one at any month
    // or century boundary that random sampling could miss.
    let prev = fromDayNumber(toDayNumber('1899-12-31'));
    for (let n = toDayNumber('1900-01-01'); n <= toDayNumber('2101-01-01'); n++) {
      const d = fromDayNumber(n);
      const p = parseIsoDate(prev);
      const q = parseIsoDate(d);
      const nextInMonth = q.year === p.year && q.month === p.month && q.day === p.day + 1;
      const nextMonth =
        q.day === 1 &&
        p.day === daysInMonth(p.year, p.month) &&
        (q.month === p.month + 1 ? q.year === p.year : q.month === 1 && p.month === 12 && q.year === p.year + 1);
      if (!nextInMonth && !nextMonth) expect.fail(`${prev} then ${d}`);
      prev = d;
    }
  });
});

describe('addDays, dayBefore, dayAfter, daysBetween', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-10', 0, '2024-01-10'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2023-01-01', 365, '2024-01-01'],
    ['1970-01-01', -1, '1969-12-31'],
  ])('addDays(%s, %i) = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it.each([
    ['2024-03-01', '2024-02-29', '2024-03-02'],
    ['2025-01-01', '2024-12-31', '2025-01-02'],
    ['2023-03-01', '2023-02-28', '2023-03-02'],
  ])('around %s: before %s, after %s', (d, before, after) => {
    expect(dayBefore(d)).toBe(before);
    expect(dayAfter(d)).toBe(after);
  });

  it.each([
    ['2024-01-01', '2024-01-01', 0],
    ['2024-01-01', '2024-01-02', 1],
    ['2024-01-02', '2024-01-01', -1],
    ['2024-01-01', '2025-01-01', 366],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
  ])('daysBetween(%s, %s) = %i', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });

  it('addDays(d, n) moves by n and back by -n', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -3000, max: 3000 }), (d, n) => {
        const e = addDays(d, n);
        expect(addDays(e, -n)).toBe(d);
        expect(daysBetween(d, e)).toBe(n);
        expect(e).toBe(utcDate(utcDayNumber(d) + n));
      }),
    );
  });

  it('dayBefore and dayAfter are inverse', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        expect(dayBefore(dayAfter(d))).toBe(d);
        expect(dayAfter(dayBefore(d))).toBe(d);
      }),
    );
  });

  it('rejects a fractional day count', () => {
    expect(() => addDays('2024-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-02-29', -12, '2023-02-28'],
    ['1999-02-28', 12, '2000-02-28'],
    ['1899-08-31', 6, '1900-02-28'],
    ['1999-08-31', 6, '2000-02-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-01-31', 2, '2024-03-31'],
    ['2024-01-31', 3, '2024-04-30'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-01-15', -13, '2022-12-15'],
    ['2025-02-28', -6, '2024-08-28'],
    ['2024-12-31', 1, '2025-01-31'],
    ['2024-11-30', 1, '2024-12-30'],
    ['2024-01-10', 6, '2024-07-10'],
    ['2024-01-10', 0, '2024-01-10'],
    ['2024-01-10', 24, '2026-01-10'],
    ['2024-01-10', -24, '2022-01-10'],
  ])('addMonths(%s, %i) = %s', (d, m, expected) => {
    expect(addMonths(d, m)).toBe(expected);
  });

  it.each([
    ['9999-12-31', 1],
    ['0000-01-01', -1],
    ['2024-01-01', 0.5],
  ])('addMonths(%s, %s) throws', (d, m) => {
    expect(() => addMonths(d, m)).toThrow(RangeError);
  });

  it('keeps the day when the target month has it, else clamps to its last day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -240, max: 240 }), (d, m) => {
        const r = parseIsoDate(addMonths(d, m));
        const o = parseIsoDate(d);
        expect(r.day).toBeLessThanOrEqual(o.day);
        expect(r.day).toBe(Math.min(o.day, daysInMonth(r.year, r.month)));
        expect(r.year * 12 + r.month - (o.year * 12 + o.month)).toBe(m);
      }),
    );
  });
});

describe('monthOf and monthsFromTo', () => {
  it.each([
    ['2024-02-29', '2024-02'],
    ['1999-12-31', '1999-12'],
  ])('monthOf(%s) = %s', (d, expected) => {
    expect(monthOf(d)).toBe(expected);
  });

  it('monthOf rejects an invalid date', () => {
    expect(() => monthOf('2023-02-29')).toThrow(RangeError);
  });

  it.each([
    ['2024-01', '2024-01', ['2024-01']],
    ['2024-11', '2025-02', ['2024-11', '2024-12', '2025-01', '2025-02']],
    ['2024-03', '2024-02', []],
    ['2025-01', '2024-12', []],
    ['2023-12', '2024-01', ['2023-12', '2024-01']],
  ])('monthsFromTo(%s, %s) = %j', (s, e, expected) => {
    expect(monthsFromTo(s, e)).toEqual(expected);
  });

  it('monthsFromTo spans whole years', () => {
    const ms = monthsFromTo('2020-01', '2024-12');
    expect(ms).toHaveLength(60);
    expect(ms[0]).toBe('2020-01');
    expect(ms[59]).toBe('2024-12');
  });

  it.each([
    ['2024-13', '2024-12'],
    ['2024-01', '2024-1'],
  ])('monthsFromTo(%s, %s) throws', (s, e) => {
    expect(() => monthsFromTo(s, e)).toThrow(RangeError);
  });
});

describe('weekday and isBusinessDay', () => {
  it.each([
    ['1970-01-01', 4, true],
    ['2024-01-07', 0, false],
    ['2024-01-08', 1, true],
    ['2024-01-10', 3, true],
    ['2024-01-12', 5, true],
    ['2024-01-13', 6, false],
    ['2024-02-29', 4, true],
    ['2000-01-01', 6, false],
    ['1900-01-01', 1, true],
    ['1969-12-28', 0, false],
  ])('%s: weekday %i, business day %s', (d, w, business) => {
    expect(weekday(d)).toBe(w);
    expect(isBusinessDay(d)).toBe(business);
  });

  it('agrees with Date#getUTCDay', () => {
    fc.assert(
      fc.property(dayNumberArb, (n) => {
        const d = utcDate(n);
        const w = utcWeekday(n);
        expect(weekday(d)).toBe(w);
        expect(isBusinessDay(d)).toBe(w >= 1 && w <= 5);
      }),
    );
  });
});

describe('businessDaysBetween', () => {
  // 2024-01-10 is a Wednesday.
  it.each([
    ['Wednesday to the next Wednesday', '2024-01-10', '2024-01-17', 5],
    ['Friday to the next Thursday (weekend excluded)', '2024-01-12', '2024-01-18', 4],
    ['Friday to Monday', '2024-01-12', '2024-01-15', 1],
    ['Friday to Saturday', '2024-01-12', '2024-01-13', 0],
    ['Friday to Sunday', '2024-01-12', '2024-01-14', 0],
    ['Saturday to Sunday', '2024-01-13', '2024-01-14', 0],
    ['Saturday to Monday', '2024-01-13', '2024-01-15', 1],
    ['Saturday to the next Saturday', '2024-01-13', '2024-01-20', 5],
    ['Saturday to the next Friday', '2024-01-13', '2024-01-19', 5],
    ['Sunday to Monday', '2024-01-14', '2024-01-15', 1],
    ['Monday to Tuesday', '2024-01-15', '2024-01-16', 1],
    ['Thursday to Friday', '2024-01-11', '2024-01-12', 1],
    ['same day', '2024-01-10', '2024-01-10', 0],
    ['same Saturday', '2024-01-13', '2024-01-13', 0],
    ['vote a day before circulation', '2024-01-17', '2024-01-16', 0],
    ['vote weeks before circulation', '2024-03-01', '2024-01-10', 0],
    ['two whole weeks', '2024-01-10', '2024-01-24', 10],
    ['across a leap day', '2024-02-28', '2024-03-04', 3],
    ['across the year end', '2024-12-27', '2025-01-03', 5],
    ['before the epoch', '1969-12-26', '1970-01-02', 5],
    ['across the epoch from a Wednesday', '1969-12-31', '1970-01-07', 5],
  ])('%s: %s -> %s = %i', (_, circulated, vote, expected) => {
    expect(businessDaysBetween(circulated, vote)).toBe(expected);
  });

  const naive = (circulated: string, vote: string): number => {
    let count = 0;
    for (let n = utcDayNumber(circulated) + 1; n <= utcDayNumber(vote); n++) {
      const w = utcWeekday(n);
      if (w >= 1 && w <= 5) count++;
    }
    return count;
  };

  it('equals a day-by-day count for dates within ±3000 days', () => {
    fc.assert(
      fc.property(dayNumberArb, fc.integer({ min: -3000, max: 3000 }), (a, delta) => {
        const circulated = utcDate(a);
        const vote = utcDate(a + delta);
        expect(businessDaysBetween(circulated, vote)).toBe(naive(circulated, vote));
      }),
      { numRuns: 1000 },
    );
  });

  it('equals a day-by-day count for every short window starting on each weekday', () => {
    // Exhaustive over small gaps, where an error in the partial-week term
    // would show; the random test covers long spans.
    for (let start = toDayNumber('2024-01-06'); start < toDayNumber('2024-01-13'); start++) {
      for (let gap = -2; gap <= 21; gap++) {
        const c = fromDayNumber(start);
        const v = fromDayNumber(start + gap);
        expect(businessDaysBetween(c, v), `${c} -> ${v}`).toBe(naive(c, v));
      }
    }
  });

  it('rejects an invalid date', () => {
    expect(() => businessDaysBetween('2024-02-30', '2024-03-05')).toThrow(RangeError);
  });
});

describe('chairTermLatestEnd', () => {
  it.each([
    ['2024-01-10', 6, '2024-08-10'],
    ['2024-01-10', 12, '2025-02-10'],
    // The 31 days of grace run across month ends of every length.
    ['2024-01-31', 6, '2024-08-31'],
    ['2024-03-31', 6, '2024-10-31'],
    ['2024-05-31', 6, '2024-12-31'],
    ['2024-06-30', 6, '2025-01-30'],
    ['2023-12-31', 1, '2024-03-02'],
    ['2024-12-31', 1, '2025-03-03'],
    ['2024-01-15', 1, '2024-03-17'],
    ['2023-01-15', 1, '2023-03-18'],
    ['2024-08-31', 6, '2025-03-31'],
    ['2024-06-01', 6, '2025-01-01'],
  ])('from %s with %i months: %s', (from, months, expected) => {
    expect(chairTermLatestEnd(from, months)).toBe(expected);
  });

  it('is always 31 days after from + term months', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 36 }), (from, months) => {
        expect(daysBetween(addMonths(from, months), chairTermLatestEnd(from, months))).toBe(31);
      }),
    );
  });
});

describe('isDisclosureStale', () => {
  it.each([
    ['2024-01-10', '2024-07-09', 6, false],
    ['2024-01-10', '2024-07-10', 6, false],
    ['2024-01-10', '2024-07-11', 6, true],
    ['2024-08-31', '2025-02-28', 6, false],
    ['2024-08-31', '2025-03-01', 6, true],
    ['2023-08-31', '2024-02-29', 6, false],
    ['2023-08-31', '2024-03-01', 6, true],
    ['2024-02-29', '2025-02-28', 12, false],
    ['2024-02-29', '2025-03-01', 12, true],
    ['2024-01-10', '2024-01-10', 6, false],
    ['2024-01-10', '2023-12-01', 6, false],
    ['2024-01-10', '2024-02-10', 1, false],
    ['2024-01-10', '2024-02-11', 1, true],
  ])('disclosed %s, today %s, max %i months: stale %s', (date, today, max, expected) => {
    expect(isDisclosureStale(date, today, max)).toBe(expected);
  });

  it('turns stale exactly the day after date + max months', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 24 }), (date, max) => {
        const limit = addMonths(date, max);
        expect(isDisclosureStale(date, limit, max)).toBe(false);
        expect(isDisclosureStale(date, dayAfter(limit), max)).toBe(true);
      }),
    );
  });
});

describe('comparisons', () => {
  it.each([
    ['2024-01-10', '2024-01-11', -1],
    ['2024-01-11', '2024-01-10', 1],
    ['2024-01-10', '2024-01-10', 0],
    ['1999-12-31', '2000-01-01', -1],
    ['0999-12-31', '1000-01-01', -1],
  ])('compareDates(%s, %s) = %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
    expect(isBefore(a, b)).toBe(expected < 0);
    expect(isAfter(a, b)).toBe(expected > 0);
  });

  it('compareDates agrees with day numbers', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        expect(compareDates(a, b)).toBe(Math.sign(toDayNumber(a) - toDayNumber(b)));
      }),
    );
  });

  it('compareDates sorts dates', () => {
    expect(['2024-03-01', '2023-12-31', '2024-02-29'].sort(compareDates)).toEqual([
      '2023-12-31',
      '2024-02-29',
      '2024-03-01',
    ]);
  });

  it('compareDates rejects an invalid date', () => {
    expect(() => compareDates('2024-01-01', '2024-1-2')).toThrow(RangeError);
  });

  it.each([
    [['2024-01-10'], '2024-01-10', '2024-01-10'],
    [['2024-01-10', '2023-05-01', '2024-02-29'], '2024-02-29', '2023-05-01'],
    [['2024-01-10', '2024-01-10'], '2024-01-10', '2024-01-10'],
  ])('maxDate/minDate of %j', (dates, max, min) => {
    const [first, ...rest] = dates as [string, ...string[]];
    expect(maxDate(first, ...rest)).toBe(max);
    expect(minDate(first, ...rest)).toBe(min);
  });

  it('maxDate/minDate reject an invalid date', () => {
    expect(() => maxDate('2024-02-30')).toThrow(RangeError);
    expect(() => minDate('2024-01-01', 'x')).toThrow(RangeError);
  });

  it.each([
    ['2024-01-10', '2024-01-10', '2024-01-20', true],
    ['2024-01-20', '2024-01-10', '2024-01-20', true],
    ['2024-01-09', '2024-01-10', '2024-01-20', false],
    ['2024-01-21', '2024-01-10', '2024-01-20', false],
    ['2099-01-01', '2024-01-10', undefined, true],
    ['2024-01-09', '2024-01-10', undefined, false],
  ])('isWithin(%s, %s, %s) = %s', (d, from, to, expected) => {
    expect(isWithin(d, from, to)).toBe(expected);
  });
});
