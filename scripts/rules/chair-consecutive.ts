import type { ChairTerm, Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { chairTermsInOrder, termLastDay } from '../core/rule-kit.ts';

const FIRST_DAY = '0000-01-01';
const LAST_DAY = '9999-12-31';

/** A term in time order: `term` is absent for one whose `to` is unknown (counted, not judged). */
interface Link {
  member: string;
  from: string;
  index: number;
  term?: ChairTerm;
}

const ordinal = (n: number): string => {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
  return words[n - 1] ?? `${n}th`;
};

export const rule: Rule<Model> = {
  id: 'chair-consecutive',
  severity: 'error',
  description: 'more than `max_consecutive_terms` consecutive chair terms by one member',
  charter: 'The chair cannot serve more than 2 consecutive terms (1 year) as chair.',
  charterSection: 'Chair 4',
  charterKeys: ['chair.max_consecutive_terms'],
  example: {
    violation: [
      'terms:',
      '  - { member: jdoe, from: 2024-01-10, to: 2024-07-09, elected_by: 2024-01-10-chair-election }',
      '  - { member: jdoe, from: 2024-07-10, to: 2025-01-09, elected_by: 2024-07-10-chair-election }',
      '  - { member: jdoe, from: 2025-01-10, elected_by: 2025-01-10-chair-election }',
      '',
    ].join('\n'),
    fix: [
      'terms:',
      '  - { member: jdoe, from: 2024-01-10, to: 2024-07-09, elected_by: 2024-01-10-chair-election }',
      '  - { member: jdoe, from: 2024-07-10, to: 2025-01-09, elected_by: 2024-07-10-chair-election }',
      '  - { member: rroe, from: 2025-01-10, elected_by: 2025-01-10-chair-election }',
      '',
    ].join('\n'),
  },
  check(model) {
    const charter = model.charter;
    if (!charter) return [];
    const max = charter.chair.maxConsecutiveTerms;
    const out: RuleFinding[] = [];
    // In time order, a run is broken only by another member's term; a vacancy
    // between two terms of the same member leaves nothing between them.
    // A term whose `to` alone is unknown still has its member and place in
    // time: it counts in the run (though it is not judged itself, its last
    // day being unknown). A term whose member or `from` is unknown may or
    // may not break a run that it could fall inside: such runs are skipped.
    const partial: Link[] = [];
    const ambiguous: { startMin: string; startMax: string }[] = [];
    for (const u of model.chairTermsUnknown ?? []) {
      if (u.member !== undefined && u.from !== undefined) partial.push({ member: u.member, from: u.from, index: u.index });
      else ambiguous.push({ startMin: u.from ?? FIRST_DAY, startMax: u.from ?? u.to ?? LAST_DAY });
    }
    const links: Link[] = [...chairTermsInOrder(model).map((t) => ({ member: t.member, from: t.from, index: t.index, term: t })), ...partial];
    links.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.index - b.index));
    let run: Link[] = [];
    for (const link of links) {
      if (run[0]?.member !== link.member) run = [];
      run.push(link);
      const term = link.term;
      if (run.length <= max || !term) continue;
      const start = run[0]?.from ?? term.from;
      if (ambiguous.some((a) => a.startMin <= term.from && a.startMax >= start)) continue;
      out.push({
        file: term.file,
        path: [...term.path, 'member'],
        message:
          `${term.member}'s term from ${term.from} is their ${ordinal(run.length)} consecutive chair term ` +
          `(from ${run.map((t) => t.from).join(', ')}): at most ${max} consecutive terms, then another member chairs`,
        date: termLastDay(term, model.today),
      });
    }
    return out;
  },
};
