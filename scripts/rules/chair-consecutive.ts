import type { ChairTerm, Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { chairTermsInOrder, termLastDay } from '../core/rule-kit.ts';

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
    let run: ChairTerm[] = [];
    for (const term of chairTermsInOrder(model)) {
      if (run[0]?.member !== term.member) run = [];
      run.push(term);
      if (run.length <= max) continue;
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
