import { servingOn } from '../core/committee.ts';
import type { Member, Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { owedRecords } from '../core/votes.ts';

export const rule: Rule<Model> = {
  id: 'continuation-missing',
  severity: 'warning',
  description: 'at a chair election, a serving member without a continuation answer dated that day',
  charter:
    'Every 6 months, at the time of chair election within ALESCo, each member is to be asked if they intend to continue serving or choose to step down.',
  charterSection: 'Policies 3: Term Duration',
  example: {
    violation: [
      '# governance/members/jdoe.yaml (chair election on 2024-11-13)',
      'continuation:',
      '  - date: 2024-05-08',
      '    continues: true',
      '',
    ].join('\n'),
    fix: [
      '# governance/members/jdoe.yaml (chair election on 2024-11-13)',
      'continuation:',
      '  - date: 2024-05-08',
      '    continues: true',
      '  - date: 2024-11-13',
      '    continues: true',
      '',
    ].join('\n'),
  },
  check(model) {
    // A demand for a record: it applies from records_since on, which the charter must give.
    if (model.recordsSince === undefined) return [];
    // A charter without the check-in (chair.check_in: false) asks no one whether they continue.
    if (model.charter?.chair.checkIn === false) return [];
    const out: RuleFinding[] = [];
    let answered: Map<Member, Set<string>> | undefined;
    for (const vote of model.votes.values()) {
      const date = vote.date;
      // Before records_since, or for a nullified vote, no record is demanded.
      if (vote.kind !== 'chair-election' || !date || !owedRecords(model, vote)) continue;
      answered ??= answerDates(model);
      for (const id of servingOn(model, date)) {
        const member = model.members.get(id);
        if (!member || !member.continuationKnown || answered.get(member)?.has(date)) continue;
        out.push({
          file: member.file,
          path: ['continuation'],
          at: 'key',
          message: `${id} serves on ${date}, the day of chair election ${vote.id}, but has no continuation answer dated ${date}: at each chair election every member is asked whether they continue serving or step down`,
          date,
        });
      }
    }
    return out;
  },
};

function answerDates(model: Model): Map<Member, Set<string>> {
  const out = new Map<Member, Set<string>>();
  for (const m of model.members.values()) out.set(m, new Set(m.continuation.map((c) => c.date)));
  return out;
}
