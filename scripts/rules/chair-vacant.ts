import { chairTermLatestEnd, dayAfter, dayBefore, daysBetween } from '../core/dates.ts';
import type { ChairTerm, Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { chairTermsInOrder } from '../core/rule-kit.ts';

const FIRST_DAY = '0000-01-01';
const LAST_DAY = '9999-12-31';

/** A term in time: `member` is absent when the schema rejected it (its dates still stand). */
type Span = Pick<ChairTerm, 'file' | 'path' | 'index' | 'from' | 'to'> & { member?: string };

/** As describeTerm: "ann's term from 2024-02-07 (open)"; "the term from ... (its member unknown)". */
const describe = (t: Span): string =>
  `${t.member !== undefined ? `${t.member}'s term` : 'the term'} from ${t.from}${t.to ? ` to ${t.to}` : ' (open)'}` +
  (t.member !== undefined ? '' : ' (its member unknown)');

/**
 * The terms whose dates are known (also one whose member alone the schema
 * rejected), in order of `from`; and the days each term of unknown dates
 * could cover: from its `from` (any day when unknown) to its `to` (any day
 * when unknown). A value the schema rejected is unknown, not absent: a gap
 * such a term could fill is not reported.
 */
function spans(model: Model): { dated: Span[]; undated: { start: string; end: string }[] } {
  const dated: Span[] = [...chairTermsInOrder(model)];
  const undated: { start: string; end: string }[] = [];
  for (const u of model.chairTermsUnknown ?? []) {
    if (u.from !== undefined && (u.open || u.to !== undefined)) dated.push({ ...u, from: u.from });
    else undated.push({ start: u.from ?? FIRST_DAY, end: u.to ?? LAST_DAY });
  }
  dated.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.index - b.index));
  return { dated, undated };
}

const days = (from: string, to: string): string => {
  const n = daysBetween(from, to) + 1;
  return `${n} day${n === 1 ? '' : 's'}`;
};

export const rule: Rule<Model> = {
  id: 'chair-vacant',
  severity: 'warning',
  description: 'days with no chair between the first term and today; the current (open) term is past its length limit today',
  charter: 'The position of the chair will rotate among the elected members of ALESCo on a semi-annual basis- a 6-month term.',
  charterSection: 'Chair 1',
  charterKeys: ['chair.term_months'],
  example: {
    violation: [
      'terms:',
      '  - { member: jdoe, from: 2024-01-10, to: 2024-07-09, elected_by: 2024-01-10-chair-election }',
      '  - { member: rroe, from: 2024-08-07, elected_by: 2024-08-07-chair-election }',
      '',
    ].join('\n'),
    fix: [
      'terms:',
      '  - { member: jdoe, from: 2024-01-10, to: 2024-08-06, elected_by: 2024-01-10-chair-election }',
      '  - { member: rroe, from: 2024-08-07, elected_by: 2024-08-07-chair-election }',
      '',
    ].join('\n'),
  },
  check(model) {
    const charter = model.charter;
    if (!charter) return [];
    const today = model.today;
    const out: RuleFinding[] = [];
    const { dated, undated } = spans(model);
    // Terms that start after today are plans, not history: ignored.
    const terms = dated.filter((t) => t.from <= today);
    const unknown = undated.filter((u) => u.start <= today);
    const first = terms[0];
    if (!first) return [];
    const mayBeCovered = (from: string, to: string): boolean => unknown.some((u) => u.start <= to && u.end >= from);

    // Sweep in order of `from`, keeping the last day some term covers so far
    // (undefined: an open term covers everything after it).
    let coveredTo: string | undefined = first.to;
    let coveringTerm: Span = first;
    for (const term of terms.slice(1)) {
      if (coveredTo === undefined) break;
      const gapFrom = dayAfter(coveredTo);
      if (term.from > gapFrom && !mayBeCovered(gapFrom, dayBefore(term.from))) {
        const gapTo = dayBefore(term.from);
        out.push({
          file: term.file,
          path: [...term.path, 'from'],
          message:
            `no chair from ${gapFrom} to ${gapTo} (${days(gapFrom, gapTo)}), between ${describe(coveringTerm)} ` +
            `and ${describe(term)}: the next term starts on the day after the previous term's \`to\``,
          date: gapTo,
        });
      }
      if (term.to === undefined || term.to > coveredTo) {
        coveredTo = term.to;
        coveringTerm = term;
      }
    }
    if (coveredTo !== undefined && coveredTo < today && !mayBeCovered(dayAfter(coveredTo), today)) {
      const gapFrom = dayAfter(coveredTo);
      out.push({
        file: coveringTerm.file,
        path: [...coveringTerm.path, 'to'],
        message:
          `no chair from ${gapFrom} to today ${today} (${days(gapFrom, today)}): the last term, ${describe(coveringTerm)}, ` +
          `has no successor; record the next chair's term`,
        date: today,
      });
    }

    // The term in office today: among those covering it, the one that started
    // latest (as chairTermOn). A term of unknown dates that may have started
    // after it and run to today may be the one in office instead.
    let current: Span | undefined;
    for (const t of terms) if (t.to === undefined || today <= t.to) if (!current || t.from > current.from) current = t;
    const mayBeSucceeded = (from: string): boolean =>
      unknown.some((u) => u.end >= today && (u.start === FIRST_DAY || u.start >= from));
    if (current && current.to === undefined && !mayBeSucceeded(current.from)) {
      const latest = chairTermLatestEnd(current.from, charter.chair.termMonths);
      if (today > latest) {
        out.push({
          file: current.file,
          path: current.path,
          message:
            `${describe(current)} is past its length limit today ${today}: it should have ended by ${latest} ` +
            `(from + ${charter.chair.termMonths} months + 31 days); a chair election is overdue`,
          date: today,
        });
      }
    }
    return out;
  },
};
