// Records are of what happened: a meeting, a vote, a disclosure or a
// correction dated after today is a typo (2062 for 2026) or a record written
// before the event. One day of slack covers a secretary ahead of the
// checker's time zone.
import { addDays } from '../core/dates.ts';
import { inProgress, type Correction, type Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';

export const rule: Rule<Model> = {
  id: 'future-date',
  severity: 'error',
  // A date after today is wrong now, whatever records_since says.
  alwaysError: true,
  description: 'a meeting, vote, disclosure or correction dated after today (today plus one day, for time zones): records are of what happened',
  charter: 'All meetings, decisions, and discussions will be public',
  charterSection: 'Responsibilities: Transparency (the record says what happened)',
  example: {
    violation: ['# governance/meetings/2062-05-14.yaml (today: 2026-05-14)', 'date: 2062-05-14', 'kind: regular', ''].join('\n'),
    fix: ['# governance/meetings/2026-05-14.yaml', 'date: 2026-05-14', 'kind: regular', ''].join('\n'),
  },
  check(model) {
    const latest = addDays(model.today, 1);
    const out: RuleFinding[] = [];
    const flag = (file: string, path: (string | number)[], what: string, date: string): void => {
      out.push({
        file,
        path,
        message: `${what} is dated ${date}, after today (${model.today}): records are of what happened; correct the date, or record it once it has happened`,
      });
    };
    const corrections = (file: string, what: string, list: readonly Correction[]): void => {
      for (const c of list) if (c.date > latest) flag(file, [...c.path, 'date'], `a correction of ${what}`, c.date);
    };
    for (const m of model.meetings.values()) {
      if (m.date && m.date > latest) flag(m.file, ['date'], `the meeting ${m.id}`, m.date);
      corrections(m.file, `the meeting ${m.id}`, m.corrections);
    }
    for (const v of model.votes.values()) {
      // A vote in progress is dated the day it closes: ahead of today by design (vote-open's).
      if (v.date && v.date > latest && !inProgress(v)) flag(v.file, ['date'], `the vote ${v.id}`, v.date);
      corrections(v.file, `the vote ${v.id}`, v.corrections);
    }
    for (const member of model.members.values())
      for (const d of member.disclosures)
        if (d.date > latest) flag(member.file, [...d.path, 'date'], `a disclosure of ${member.id}`, d.date);
    return out;
  },
};
