import { chairTermLatestEnd } from '../core/dates.ts';
import type { Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';

export const rule: Rule<Model> = {
  id: 'chair-term-length',
  severity: 'error',
  description:
    'a closed chair term whose `to` is after `from + term_months months + 31 days` (the grace lets the election fall at the first meeting after the term)',
  charter: 'The position of the chair will rotate among the elected members of ALESCo on a semi-annual basis- a 6-month term.',
  charterSection: 'Chair 1',
  charterKeys: ['chair.term_months'],
  example: {
    violation: 'terms:\n  - { member: jdoe, from: 2024-01-10, to: 2024-08-11, elected_by: 2024-01-10-chair-election }\n',
    fix: 'terms:\n  - { member: jdoe, from: 2024-01-10, to: 2024-08-10, elected_by: 2024-01-10-chair-election }\n',
  },
  check(model) {
    const charter = model.charter;
    if (!charter) return [];
    const months = charter.chair.termMonths;
    const out: RuleFinding[] = [];
    // A term whose member alone the schema rejected still has its dates.
    const dated = (model.chairTermsUnknown ?? []).flatMap((u) => (u.from !== undefined && u.to !== undefined ? [{ ...u, from: u.from }] : []));
    for (const term of [...model.chairTerms, ...dated]) {
      // An open term is judged against today by chair-vacant (an overdue election).
      if (term.to === undefined) continue;
      const latest = chairTermLatestEnd(term.from, months);
      if (term.to <= latest) continue;
      out.push({
        file: term.file,
        path: [...term.path, 'to'],
        message:
          `${term.member !== undefined ? `${term.member}'s term` : 'the term'} from ${term.from} to ${term.to}` +
          `${term.member !== undefined ? '' : ' (its member unknown)'} is too long: it ends ${term.to}, after ${latest} ` +
          `(from + ${months} months + 31 days of grace for an election at the first meeting after the term)`,
        date: term.to,
      });
    }
    return out;
  },
};
