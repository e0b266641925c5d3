import { servesOn } from '../core/committee.ts';
import type { Member, Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';

function serviceText(member: Member): string {
  if (member.service.length === 0) return 'they have no service period';
  return `their service: ${member.service.map((p) => `${p.from} to ${p.to ?? 'now'}`).join(', ')}`;
}

export const rule: Rule<Model> = {
  id: 'meeting-attendee',
  severity: 'error',
  description: 'someone in `present` not serving on that date; a `chaired_by` who is not in `present`; from `records_since` on, a meeting without `present`',
  charter: 'A quorum is defined as 50% of members +1 with a minimum quorum always being at least four (4) members.',
  charterSection: 'Policies 6 (Quorum)',
  example: {
    violation: [
      '# governance/meetings/2025-05-14.yaml (rroe left on 2025-04-30)',
      'date: 2025-05-14',
      'kind: regular',
      'present: [jdoe, rroe, xyz, abc]',
      '',
    ].join('\n'),
    fix: [
      '# governance/meetings/2025-05-14.yaml (rroe left on 2025-04-30)',
      'date: 2025-05-14',
      'kind: regular',
      'present: [jdoe, xyz, abc, def]',
      'guests: ["R. Roe"]',
      '',
    ].join('\n'),
  },
  check(model) {
    const out: RuleFinding[] = [];
    const since = model.recordsSince;
    for (const meeting of model.meetings.values()) {
      const date = meeting.date;
      if (!date) continue;
      if (meeting.present) {
        meeting.present.forEach((id, i) => {
          const member = model.members.get(id);
          // No file is unknown-reference's finding; a skipped file or a
          // rejected service is unknown, never "not serving".
          if (!member || servesOn(member, date) !== 'no') return;
          out.push({
            file: meeting.file,
            path: ['present', i],
            message:
              `${id} is listed present on ${date} but does not serve on the committee that day (${serviceText(member)}): ` +
              `a non-member attending goes in \`guests\``,
            date,
          });
        });
        const chair = meeting.chairedBy;
        // Whoever chaired attended. A name with no member file is unknown-reference's finding alone.
        if (chair !== undefined && meeting.presentKnown && !meeting.present.includes(chair) && (model.members.has(chair) || model.skipped.members.has(chair))) {
          out.push({
            file: meeting.file,
            path: ['chaired_by'],
            message: `${chair} chaired the meeting of ${date} but is not in its present list: the chair attends, so either add ${chair} to \`present\` or correct \`chaired_by\``,
            date,
          });
        }
      } else if (meeting.presentKnown && since !== undefined && date >= since) {
        // presentKnown with no list: the key is absent (a rejected list is unknown, not missing).
        out.push({
          file: meeting.file,
          path: ['date'],
          at: 'key',
          message: `the meeting of ${date} has no \`present\`: from records_since ${since} on, every meeting lists the members present`,
          date,
        });
      }
    }
    return out;
  },
};
