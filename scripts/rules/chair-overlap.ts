import type { ChairTerm, Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { chairTermsInOrder, describeTerm, termLastDay } from '../core/rule-kit.ts';

/** Whether two terms share a day; an open term runs on without end. */
function overlaps(a: ChairTerm, b: ChairTerm): boolean {
  return (a.to === undefined || b.from <= a.to) && (b.to === undefined || a.from <= b.to);
}

export const rule: Rule<Model> = {
  id: 'chair-overlap',
  severity: 'error',
  description: 'two chair terms overlap',
  charter: 'The position of the chair will rotate among the elected members of ALESCo on a semi-annual basis- a 6-month term.',
  charterSection: 'Chair 1',
  example: {
    violation: [
      'terms:',
      '  - { member: jdoe, from: 2024-07-24, to: 2025-01-22, elected_by: 2024-07-24-chair-election }',
      '  - { member: rroe, from: 2025-01-22, elected_by: 2025-01-22-chair-election }',
      '',
    ].join('\n'),
    fix: [
      'terms:',
      '  - { member: jdoe, from: 2024-07-24, to: 2025-01-21, elected_by: 2024-07-24-chair-election }',
      '  - { member: rroe, from: 2025-01-22, elected_by: 2025-01-22-chair-election }',
      '',
    ].join('\n'),
  },
  check(model) {
    const out: RuleFinding[] = [];
    const terms = chairTermsInOrder(model);
    // Pairs in time order, reported on the later term: a handful of terms per
    // year, so the quadratic scan stays tiny even over decades.
    terms.forEach((later, j) => {
      for (let i = 0; i < j; i++) {
        const earlier = terms[i];
        if (!earlier || !overlaps(earlier, later)) continue;
        const handover = earlier.to === undefined ? `${earlier.member}'s term has no \`to\`` : `${earlier.member}'s term ends ${earlier.to}`;
        out.push({
          file: later.file,
          path: [...later.path, 'from'],
          message:
            `${describeTerm(later)} overlaps ${describeTerm(earlier)}: one chair at a time, ` +
            `a term starts on the day after the previous term's \`to\` at the earliest (${handover})`,
          date: termLastDay(later, model.today),
        });
      }
    });
    return out;
  },
};
