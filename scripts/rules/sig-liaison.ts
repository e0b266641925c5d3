import type { Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { servesIdOn } from '../core/committee.ts';

export const rule: Rule<Model> = {
  id: 'sig-liaison',
  severity: 'warning',
  description: 'a technical SIG with no liaison, or with a member liaison who does not serve today',
  charter: 'if an ALESCo member is not actively participating in the SIG, it should work with the SIG to ensure a liaison attends ALESCo meetings',
  charterSection: 'Tasks and Responsibilities 5 (SIG Liaisons)',
  example: {
    violation: 'id: cloud\nname: Cloud SIG\ntechnical: true\n',
    fix: 'id: cloud\nname: Cloud SIG\ntechnical: true\nliaison: jdoe\n',
  },
  check(model) {
    if (!model.charter) return [];
    const out: RuleFinding[] = [];
    const today = model.today;
    for (const sig of model.sigs.values()) {
      // A rejected liaison is unknown: the schema's finding alone.
      if (!sig.technical || !sig.liaisonKnown) continue;
      const title = sig.name ?? sig.id;
      if (!sig.liaison) {
        out.push({
          file: sig.file,
          path: [],
          message: `technical SIG "${title}" has no liaison: name a serving member (liaison: <member id>) or the liaison who attends the committee's meetings (liaison: { name: ... })`,
          date: today,
        });
        continue;
      }
      // A non-member liaison ({ name }) is the charter's own remedy; an
      // unknown id is unknown-reference's, an unreadable member file unknown.
      if (!('member' in sig.liaison)) continue;
      const id = sig.liaison.member;
      if (!model.members.has(id) || servesIdOn(model, id, today) !== 'no') continue;
      out.push({
        file: sig.file,
        path: ['liaison'],
        message: `liaison ${id} does not serve on the committee today (${today}): a technical SIG's member liaison is a serving member; name one, or the non-member liaison who attends (liaison: { name: ... })`,
        date: today,
      });
    }
    return out;
  },
};
