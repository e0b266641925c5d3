import { dayAfter } from '../core/dates.ts';
import type { Member, Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { describeTerm, termLastDay } from '../core/rule-kit.ts';

/**
 * The first day in [from, end] that no service period covers, periods joined
 * where they touch (one ends the day before the next starts); undefined when
 * the whole span is covered.
 */
function firstDayNotServing(member: Member, from: string, end: string): string | undefined {
  const periods = [...member.service].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let day = from;
  for (const p of periods) {
    if (p.from > day) break;
    if (p.to === undefined) return undefined;
    if (p.to >= day) {
      if (p.to >= end) return undefined;
      day = dayAfter(p.to);
    }
  }
  return day;
}

function serviceText(member: Member): string {
  if (member.service.length === 0) return 'no service period';
  return `service ${member.service.map((p) => `${p.from} to ${p.to ?? 'now'}`).join(', ')}`;
}

export const rule: Rule<Model> = {
  id: 'chair-not-member',
  severity: 'error',
  description: 'the chair is not serving on the committee for the whole term',
  charter: 'The position of the chair will rotate among the elected members of ALESCo',
  charterSection: 'Chair 1',
  example: {
    violation: [
      '# governance/members/jdoe.yaml: service: [{ from: 2024-01-10, appointed_by: board, to: 2024-05-31, left: resigned }]',
      'terms:',
      '  - { member: jdoe, from: 2024-01-10, to: 2024-07-09, elected_by: 2024-01-10-chair-election }',
      '',
    ].join('\n'),
    fix: [
      '# governance/members/jdoe.yaml: service: [{ from: 2024-01-10, appointed_by: board, to: 2024-05-31, left: resigned }]',
      'terms:',
      '  - { member: jdoe, from: 2024-01-10, to: 2024-05-31, elected_by: 2024-01-10-chair-election }',
      '  - { member: rroe, from: 2024-06-01, to: 2024-07-09, elected_by: 2024-06-01-chair-election }',
      '',
    ].join('\n'),
  },
  check(model) {
    const out: RuleFinding[] = [];
    for (const term of model.chairTerms) {
      const member = model.members.get(term.member);
      // No file is unknown-reference's finding; a skipped file or a rejected
      // service leaves the member's service unknown, so nothing can be said.
      if (!member || !member.serviceKnown) continue;
      const last = termLastDay(term, model.today);
      // A term that starts after today is judged on its first day at least.
      const end = last < term.from ? term.from : last;
      const gap = firstDayNotServing(member, term.from, end);
      if (gap === undefined) continue;
      out.push({
        file: term.file,
        path: [...term.path, 'member'],
        message:
          `${term.member} does not serve on the committee on ${gap}, within ${describeTerm(term)} ` +
          `(${serviceText(member)}): the chair is a serving member for the whole term`,
        date: last,
      });
    }
    return out;
  },
};
