import { servesOn } from '../core/committee.ts';
import type { Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';

export const rule: Rule<Model> = {
  id: 'disclosure-missing',
  severity: 'error',
  description: 'a serving member with no disclosure of their employer (and conflicts, if any)',
  charter:
    'ALESCo members must publicly disclose their employer and any conflicts of interest, and maintain this disclosure in the wiki.',
  charterSection: 'Policies 1: Transparency',
  example: {
    violation: [
      '# governance/members/jdoe.yaml',
      'id: jdoe',
      'name: Jane Doe',
      'service:',
      '  - from: 2024-05-08',
      '    appointed_by: board',
      '',
    ].join('\n'),
    fix: [
      '# governance/members/jdoe.yaml',
      'id: jdoe',
      'name: Jane Doe',
      'disclosures:',
      '  - date: 2024-05-08',
      '    employer: Example Corp',
      '    conflicts: []',
      'service:',
      '  - from: 2024-05-08',
      '    appointed_by: board',
      '',
    ].join('\n'),
  },
  check(model) {
    const { today } = model;
    const out: RuleFinding[] = [];
    for (const member of model.members.values()) {
      // A rejected disclosure is unknown, not missing: the schema finding is its one finding.
      if (!member.disclosuresKnown || servesOn(member, today) !== 'yes') continue;
      if (member.disclosures.some((d) => d.date <= today)) continue;
      const future = member.disclosures.map((d) => d.date).sort();
      const why =
        future.length > 0
          ? ` dated on or before today (${future.length === 1 ? 'the only one is' : 'the earliest is'} dated ${future[0] ?? ''}, after today)`
          : '';
      out.push({
        file: member.file,
        path: ['disclosures'],
        at: 'key',
        message: `${member.id} serves today (${today}) but has no disclosure${why}: members publicly disclose their employer and any conflicts of interest`,
        date: today,
      });
    }
    return out;
  },
};
