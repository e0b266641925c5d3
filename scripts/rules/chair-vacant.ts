import { chairTermOn } from '../core/committee.ts';
import { chairTermLatestEnd, dayAfter, dayBefore, daysBetween } from '../core/dates.ts';
import type { ChairTerm, Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { chairTermsInOrder, describeTerm } from '../core/rule-kit.ts';

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
    // Terms that start after today are plans, not history: ignored.
    const terms = chairTermsInOrder(model).filter((t) => t.from <= today);
    const first = terms[0];
    if (!first) return [];

    // Sweep in order of `from`, keeping the last day some term covers so far
    // (undefined: an open term covers everything after it).
    let coveredTo: string | undefined = first.to;
    let coveringTerm: ChairTerm = first;
    for (const term of terms.slice(1)) {
      if (coveredTo === undefined) break;
      const gapFrom = dayAfter(coveredTo);
      if (term.from > gapFrom) {
        const gapTo = dayBefore(term.from);
        out.push({
          file: term.file,
          path: [...term.path, 'from'],
          message:
            `no chair from ${gapFrom} to ${gapTo} (${days(gapFrom, gapTo)}), between ${describeTerm(coveringTerm)} ` +
            `and ${describeTerm(term)}: the next term starts on the day after the previous term's \`to\``,
          date: gapTo,
        });
      }
      if (term.to === undefined || term.to > coveredTo) {
        coveredTo = term.to;
        coveringTerm = term;
      }
    }
    if (coveredTo !== undefined && coveredTo < today) {
      const gapFrom = dayAfter(coveredTo);
      out.push({
        file: coveringTerm.file,
        path: [...coveringTerm.path, 'to'],
        message:
          `no chair from ${gapFrom} to today ${today} (${days(gapFrom, today)}): the last term, ${describeTerm(coveringTerm)}, ` +
          `has no successor; record the next chair's term`,
        date: today,
      });
    }

    const current = chairTermOn(model, today);
    if (current && current.to === undefined) {
      const latest = chairTermLatestEnd(current.from, charter.chair.termMonths);
      if (today > latest) {
        out.push({
          file: current.file,
          path: current.path,
          message:
            `${describeTerm(current)} is past its length limit today ${today}: it should have ended by ${latest} ` +
            `(from + ${charter.chair.termMonths} months + 31 days); a chair election is overdue`,
          date: today,
        });
      }
    }
    return out;
  },
};
