// The current members own the rules (CODEOWNERS is generated from their
// `github` handles): a member without one is silently left out of that
// review. Said once per member, as a warning: the handle is not required by
// the charter, but its absence changes who reviews the checks.
import { isCurrentMember } from '../core/codeowners.ts';
import type { Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';

export const rule: Rule<Model> = {
  id: 'member-github',
  severity: 'warning',
  description:
    'a current member (last service period without `to`) with no `github` handle: left out of `.github/CODEOWNERS`, so they review no change to the rules; not checked in a repository without `.github/`',
  charter: 'After the initial appointment, the membership of ALESCo will manage itself',
  charterSection: 'Policies 2 (Appointments); in this repository the current members review every change to the checks',
  example: {
    violation: ['# governance/members/jdoe.yaml', 'id: jdoe', 'name: Jane Doe', 'service:', '  - { from: 2024-05-08, appointed_by: board }', ''].join('\n'),
    fix: ['# governance/members/jdoe.yaml', 'id: jdoe', 'name: Jane Doe', 'github: janedoe', 'service:', '  - { from: 2024-05-08, appointed_by: board }', ''].join('\n'),
  },
  check(model) {
    // Without .github/ there is no CODEOWNERS to be left out of (as for the codeowners rule).
    if (!model.codeowners.githubDir) return [];
    const out: RuleFinding[] = [];
    for (const m of model.members.values()) {
      // A rejected handle is the schema's finding; an unknown service is no finding.
      if (m.github || m.githubKnown === false || !m.serviceKnown || !isCurrentMember(m)) continue;
      out.push({
        file: m.file,
        path: ['id'],
        at: 'key',
        message: `${m.id} is a current member but has no \`github\` handle: \`npm run codeowners\` leaves them out of .github/CODEOWNERS, so they review no change to the rules; add \`github: <their login>\``,
        date: model.today,
      });
    }
    return out;
  },
};
