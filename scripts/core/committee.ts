// The arithmetic every charter rule leans on, written once: who serves on a
// date, n(D), quorum(n), who chairs on a date. Indexes are built once per
// model and cached, so no rule scans every member per vote.
import { addMonths, compareDates, dayAfter } from './dates.ts';
import type { Charter, ChairTerm, Member, Model } from './model.ts';

export type Serving = 'yes' | 'no' | 'unknown';

/** Is `member` serving on `date`? Unknown when its service was rejected. */
export function servesOn(member: Member | undefined, date: string): Serving {
  if (!member || !member.serviceKnown) return 'unknown';
  for (const p of member.service) {
    if (p.from <= date && (p.to === undefined || date <= p.to)) return 'yes';
  }
  return 'no';
}

/** Serving status of an id, counting members whose file could not be read as unknown. */
export function servesIdOn(model: Model, id: string, date: string): Serving {
  const member = model.members.get(id);
  if (!member) return model.skipped.members.has(id) ? 'unknown' : 'no';
  return servesOn(member, date);
}

interface CommitteeIndex {
  /** Sorted distinct dates where n(D) may change, with the serving ids from that date on. */
  changes: { date: string; serving: string[] }[];
  /** Some member's service is unknown, so n(D) is a lower bound only. */
  uncertain: boolean;
  /** How many members' service is unknown (rejected, or their file skipped): n(D) is at most this many more. */
  unknown: number;
}

const indexes = new WeakMap<Model, CommitteeIndex>();

function committeeIndex(model: Model): CommitteeIndex {
  let index = indexes.get(model);
  if (index) return index;
  // Events: a period starts on `from` and stops after `to`. Sweeping them once
  // gives the committee on every date in O(members * periods).
  const boundaries = new Set<string>();
  let unknown = model.skipped.members.size;
  for (const m of model.members.values()) {
    if (!m.serviceKnown) {
      unknown++;
      continue;
    }
    for (const p of m.service) {
      boundaries.add(p.from);
      if (p.to !== undefined) boundaries.add(dayAfter(p.to));
    }
  }
  const dates = [...boundaries].sort(compareDates);
  const changes = dates.map((date) => ({
    date,
    serving: [...model.members.values()].filter((m) => servesOn(m, date) === 'yes').map((m) => m.id).sort(),
  }));
  index = { changes, uncertain: unknown > 0, unknown };
  indexes.set(model, index);
  return index;
}

/** Ids of the members serving on `date` (members with unknown service left out). */
export function servingOn(model: Model, date: string): readonly string[] {
  const { changes } = committeeIndex(model);
  let lo = 0;
  let hi = changes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((changes[mid]?.date ?? '') <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found === -1 ? [] : (changes[found]?.serving ?? []);
}

/**
 * n(D): members serving on `date`, whether that count is certain, and how
 * many members of unknown service might serve too (n(D) + unknown is an
 * upper bound).
 */
export function committeeSize(model: Model, date: string): { n: number; certain: boolean; unknown: number } {
  const index = committeeIndex(model);
  return { n: servingOn(model, date).length, certain: !index.uncertain, unknown: index.unknown };
}

/**
 * The fraction as a ratio of whole numbers: the simplest ratio within 1e-9
 * of the number written (continued fractions), so 0.5 is 1/2, 0.6666666666666666
 * is 2/3 and 0.666666 stays 333333/500000. Quorum is then computed without
 * any floating-point rounding.
 */
export function fractionAsRatio(x: number): { num: number; den: number } {
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let rest = x;
  for (let i = 0; i < 40; i++) {
    const a = Math.floor(rest);
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (Math.abs(h1 / k1 - x) <= 1e-9 * Math.max(1, Math.abs(x)) || k1 > 1e9) break;
    const frac = rest - a;
    if (frac < 1e-15) break;
    rest = 1 / frac;
  }
  return { num: h1, den: k1 };
}

/**
 * quorum(n) = the least whole number >= n * fraction + plus, never below the
 * minimum, in exact arithmetic: 0.5 * 7 + 1 = 4.5 needs 5, and two thirds of
 * 9 (written 0.6666666666666666) is 6, not 6.000001 rounded up to 7.
 */
export function quorumFor(charter: Pick<Charter, 'quorum'>, n: number): number {
  const { fraction, plus, minimum } = charter.quorum;
  const { num, den } = fractionAsRatio(fraction);
  const needed = Math.ceil((num * n + plus * den) / den);
  return Math.max(needed, minimum);
}

/** How the quorum is written in messages: "50% + 1, minimum 4". */
export function quorumFormula(charter: Pick<Charter, 'quorum'>): string {
  const { fraction, plus, minimum } = charter.quorum;
  const { num, den } = fractionAsRatio(fraction);
  // "50%" where the charter speaks in percent; "2/3" where a percentage would be rounded.
  const share = 100 % den === 0 ? `${(num * 100) / den}%` : `${num}/${den}`;
  return `${share}${plus ? ` + ${plus}` : ''}, minimum ${minimum}`;
}

/** The chair term in office on `date`: among overlapping terms, the one that started latest. */
export function chairTermOn(model: Model, date: string): ChairTerm | undefined {
  let best: ChairTerm | undefined;
  for (const t of model.chairTerms) {
    if (t.from <= date && (t.to === undefined || date <= t.to)) {
      if (!best || t.from > best.from) best = t;
    }
  }
  return best;
}

/**
 * Whether the chair in office on `date` is known. A term whose member or
 * dates the schema rejected (`chairTermsUnknown`) is unknown, not absent:
 * when it may be in office that day and may have started after the known
 * term in office, who chairs is unknown; so it is while chair-terms.yaml is
 * skipped.
 */
export function chairInOfficeKnown(model: Model, date: string): boolean {
  if (model.skipped.chairTerms) return false;
  const known = chairTermOn(model, date);
  return !(model.chairTermsUnknown ?? []).some((u) => {
    const mayCover = (u.from === undefined || u.from <= date) && (u.open || u.to === undefined || date <= u.to);
    if (!mayCover) return false;
    if (known && u.member === known.member) return false;
    // The term that started latest is in office: an earlier start does not displace it.
    return !known || u.from === undefined || u.from >= known.from;
  });
}

/** A term's end for the summary: its `to`, else `from + term_months`. */
export function termEnd(term: ChairTerm, charter: Pick<Charter, 'chair'> | undefined): string | undefined {
  if (term.to) return term.to;
  return charter ? addMonths(term.from, charter.chair.termMonths) : undefined;
}
