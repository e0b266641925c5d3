import { servesOn } from '../core/committee.ts';
import { addMonths, isDisclosureStale } from '../core/dates.ts';
import type { Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';

export const rule: Rule<Model> = {
  id: 'disclosure-stale',
  severity: 'warning',
  description: "a serving member's newest disclosure older than max_age_months",
  charter:
    'ALESCo members must publicly disclose their employer and any conflicts of interest, and maintain this disclosure in the wiki, updating it as necessary for accuracy.',
  charterSection: 'Policies 1: Transparency',
  charterKeys: ['disclosure.max_age_months'],
  example: {
    violation: [
      '# governance/members/jdoe.yaml (today: 2025-06-01, max_age_months: 6)',
      'disclosures:',
      '  - date: 2024-05-08',
      '    employer: Example Corp',
      '',
    ].join('\n'),
    fix: [
      '# governance/members/jdoe.yaml (today: 2025-06-01, max_age_months: 6)',
      'disclosures:',
      '  - date: 2024-05-08',
      '    employer: Example Corp',
      '  - date: 2025-05-28',
      '    employer: Example Corp',
      '    conflicts: []',
      '',
    ].join('\n'),
  },
  check(model) {
    const charter = model.charter;
    if (!charter) return [];
    const { today } = model;
    const months = charter.disclosure.maxAgeMonths;
    const out: RuleFinding[] = [];
    for (const member of model.members.values()) {
      if (!member.disclosuresKnown || servesOn(member, today) !== 'yes') continue;
      // The newest is the latest date wherever it stands; one dated after today does not count yet.
      let newest: string | undefined;
      for (const d of member.disclosures) if (d.date <= today && (newest === undefined || d.date > newest)) newest = d.date;
      // No disclosure at all is disclosure-missing's finding.
      if (newest === undefined || !isDisclosureStale(newest, today, months)) continue;
      out.push({
        file: member.file,
        path: ['disclosures'],
        at: 'key',
        message: `${member.id}'s newest disclosure is dated ${newest}, more than ${months} months before today (${today}; it was current through ${addMonths(newest, months)}): review the employer and conflicts and add a new dated disclosure`,
        date: today,
      });
    }
    return out;
  },
};
