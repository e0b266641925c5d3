import { addMonths, isIsoDate, lastDayOfIsoMonth, monthOf, monthsFromTo } from '../core/dates.ts';
import type { Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';

/** Meetings per 'YYYY-MM' month, counting every meeting file once. */
function meetingsPerMonth(model: Model): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (date: string): void => {
    const month = monthOf(date);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  };
  for (const meeting of model.meetings.values()) if (meeting.date) add(meeting.date);
  // A meeting file that could not be read, or whose `date` was rejected, still
  // records that a meeting took place: it counts in the month its name gives.
  for (const id of model.meetingIdsWithUnknownDate) {
    const fromName = id.slice(0, 10);
    if (isIsoDate(fromName)) add(fromName);
  }
  return counts;
}

export const rule: Rule<Model> = {
  id: 'meeting-cadence',
  severity: 'warning',
  description: 'a calendar month, from the first meeting to the last full month before today, with fewer than `min_per_calendar_month` meetings',
  charter: 'ALESCo will meet regularly, no less than once per month.',
  charterSection: 'Policies 4 (Meeting Frequency)',
  charterKeys: ['meetings.min_per_calendar_month'],
  example: {
    violation: 'governance/meetings/2024-01-10.yaml\ngovernance/meetings/2024-03-06.yaml   # no meeting in 2024-02\n',
    fix: 'governance/meetings/2024-01-10.yaml\ngovernance/meetings/2024-02-07.yaml\ngovernance/meetings/2024-03-06.yaml\n',
  },
  check(model) {
    const charter = model.charter;
    if (!charter) return [];
    const min = charter.meetings.minPerCalendarMonth;
    const counts = meetingsPerMonth(model);
    const months = [...counts.keys()].sort();
    const firstMonth = months[0];
    if (firstMonth === undefined) return [];
    // The last month whose last day is before today is always the month
    // before today's (today's own month ends on or after today).
    const lastFullMonth = monthOf(addMonths(model.today, -1));
    const out: RuleFinding[] = [];
    for (const month of monthsFromTo(firstMonth, lastFullMonth)) {
      const count = counts.get(month) ?? 0;
      if (count >= min) continue;
      const held = count === 0 ? 'no meeting' : `${count} meeting${count === 1 ? '' : 's'}`;
      out.push({
        file: charter.file,
        path: ['meetings', 'min_per_calendar_month'],
        message: `${held} in ${month}: the charter requires at least ${min} per calendar month`,
        date: lastDayOfIsoMonth(month),
      });
    }
    return out;
  },
};
