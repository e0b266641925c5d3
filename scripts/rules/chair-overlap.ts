import type { ChairTerm, Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { chairTermsInOrder } from '../core/rule-kit.ts';

/** A term in time: `member` is absent when the schema rejected it (its dates still stand). */
type Span = Pick<ChairTerm, 'file' | 'path' | 'index' | 'from' | 'to'> & { member?: string };

/** As describeTerm: "ann's term from 2024-02-07 (open)"; "the term from ... (its member unknown)". */
const describe = (t: Span): string =>
  `${t.member !== undefined ? `${t.member}'s term` : 'the term'} from ${t.from}${t.to ? ` to ${t.to}` : ' (open)'}` +
  (t.member !== undefined ? '' : ' (its member unknown)');

/** Whether two terms share a day; an open term runs on without end. */
function overlaps(a: Span, b: Span): boolean {
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
    // A term whose member alone the schema rejected still occupies its days.
    const dated: Span[] = (model.chairTermsUnknown ?? []).flatMap((u) =>
      u.from !== undefined && (u.open || u.to !== undefined) ? [{ ...u, from: u.from }] : [],
    );
    const terms: Span[] = [...chairTermsInOrder(model), ...dated].sort((a, b) =>
      a.from < b.from ? -1 : a.from > b.from ? 1 : a.index - b.index,
    );
    // Pairs in time order, reported on the later term: a handful of terms per
    // year, so the quadratic scan stays tiny even over decades.
    terms.forEach((later, j) => {
      for (let i = 0; i < j; i++) {
        const earlier = terms[i];
        if (!earlier || !overlaps(earlier, later)) continue;
        const whose = earlier.member !== undefined ? `${earlier.member}'s term` : 'that term';
        const handover = earlier.to === undefined ? `${whose} has no \`to\`` : `${whose} ends ${earlier.to}`;
        out.push({
          file: later.file,
          path: [...later.path, 'from'],
          message:
            `${describe(later)} overlaps ${describe(earlier)}: one chair at a time, ` +
            `a term starts on the day after the previous term's \`to\` at the earliest (${handover})`,
          date: later.to ?? model.today,
        });
      }
    });
    return out;
  },
};
