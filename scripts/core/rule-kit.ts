// The record rules' findings are made while reading the files; their rule
// modules hand them on, so every finding still comes from a registered rule.
import type { Model } from './model.ts';
import type { LoadFinding } from './source.ts';
import type { RuleFinding } from './types.ts';

export function loadFindingsOf(model: Model, rule: LoadFinding['rule']): RuleFinding[] {
  return model.loadFindings
    .filter((f) => f.rule === rule)
    .map((f) => ({ file: f.file, line: f.line, column: f.column, message: f.message }));
}

// ---------------------------------------------------------------------------
// Chair terms, shared by the chair-* rules.
import type { ChairTerm } from './model.ts';

const termOrders = new WeakMap<Model, readonly ChairTerm[]>();

/**
 * Chair terms in order of `from` (file order among equal dates), sorted once
 * per model: "between", "later" and "consecutive" are all about time, not
 * about where a term stands in the file.
 */
export function chairTermsInOrder(model: Model): readonly ChairTerm[] {
  let sorted = termOrders.get(model);
  if (!sorted) {
    sorted = [...model.chairTerms].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.index - b.index));
    termOrders.set(model, sorted);
  }
  return sorted;
}

/** A term's last day for judging it: its `to`, or today while it is open. */
export function termLastDay(term: ChairTerm, today: string): string {
  return term.to ?? today;
}

/** "ann's term from 2024-02-07 to 2024-08-06" / "... from 2024-02-07 (open)", for messages. */
export function describeTerm(term: ChairTerm): string {
  return `${term.member}'s term from ${term.from}${term.to ? ` to ${term.to}` : ' (open)'}`;
}

// ---------------------------------------------------------------------------
// Meeting days, shared by membership-confirmation and continuation-ignored
// ("the first meeting after", "the next meeting": strictly after a date).
import type { Meeting } from './model.ts';
import { isIsoDate } from './dates.ts';

export interface MeetingDay {
  date: string;
  /** The meetings held that day whose file could be read with its date. */
  meetings: Meeting[];
  /**
   * Some meeting on this day (by its file name) has an unreadable file or
   * date: whether it is the next meeting, and who attended, is unknown.
   */
  uncertain: boolean;
}

const meetingDayIndexes = new WeakMap<Model, readonly MeetingDay[]>();

function meetingDays(model: Model): readonly MeetingDay[] {
  let days = meetingDayIndexes.get(model);
  if (days) return days;
  const byDate = new Map<string, MeetingDay>();
  const day = (date: string): MeetingDay => {
    let d = byDate.get(date);
    if (!d) {
      d = { date, meetings: [], uncertain: false };
      byDate.set(date, d);
    }
    return d;
  };
  for (const m of model.meetings.values()) if (m.date) day(m.date).meetings.push(m);
  // A meeting whose date is unknown still happened: its file name gives the day.
  for (const id of model.meetingIdsWithUnknownDate) {
    const named = id.slice(0, 10);
    if (isIsoDate(named)) day(named).uncertain = true;
  }
  days = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  meetingDayIndexes.set(model, days);
  return days;
}

/** The first day strictly after `date` with a meeting; undefined when there is none yet. */
export function firstMeetingDayAfter(model: Model, date: string): MeetingDay | undefined {
  const days = meetingDays(model);
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid]?.date ?? '') <= date) lo = mid + 1;
    else hi = mid;
  }
  return days[lo];
}

// ---------------------------------------------------------------------------
// RFCs, shared by the rfc-* rules (`Rfc` is imported by the section below).

/**
 * The date that decides an RFC finding's severity (catalogue, "The date that
 * decides severity"): its decision vote's date, else `updated`, else `created`.
 */
export function rfcDate(model: Model, rfc: Rfc): string | undefined {
  const vote = rfc.decision !== undefined && rfc.decision !== 'legacy' ? model.votes.get(rfc.decision) : undefined;
  return vote?.date ?? rfc.updated ?? rfc.created;
}

const rfcIndexes = new WeakMap<Model, ReadonlyMap<number, readonly Rfc[]>>();

/** RFCs by the number they hold (front matter, else file name), indexed once per model. */
export function rfcsNumbered(model: Model): ReadonlyMap<number, readonly Rfc[]> {
  let index = rfcIndexes.get(model);
  if (!index) {
    const map = new Map<number, Rfc[]>();
    for (const r of model.rfcs) {
      const list = map.get(r.number);
      if (list) list.push(r);
      else map.set(r.number, [r]);
    }
    index = map;
    rfcIndexes.set(model, index);
  }
  return index;
}

// ---------------------------------------------------------------------------
// RFCs as the vote-* rules read them (this import also serves the rfc-*
// helpers above).
import type { Rfc, Vote } from './model.ts';

const votedRfcIndexes = new WeakMap<Model, Map<number, Rfc[]>>();

/**
 * The RFC a vote names, when exactly one readable RFC has that number: a
 * duplicate number is rfc-number's finding and a missing one
 * unknown-reference's, so the vote is not judged against a guess.
 */
export function rfcOfVote(model: Model, vote: Vote): Rfc | undefined {
  if (vote.rfc === undefined) return undefined;
  let index = votedRfcIndexes.get(model);
  if (!index) {
    index = new Map();
    for (const r of model.rfcs) {
      const list = index.get(r.number);
      if (list) list.push(r);
      else index.set(r.number, [r]);
    }
    votedRfcIndexes.set(model, index);
  }
  const found = index.get(vote.rfc);
  if (!found || found.length !== 1 || !found[0]?.readable) return undefined;
  return found[0];
}
