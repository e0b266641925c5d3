import type { Member, Model, ServicePeriod, Vote } from '../core/model.ts';
import { firstMeetingDayAfter } from '../core/rule-kit.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { voteCitations } from './membership-appointment.ts';

export const rule: Rule<Model> = {
  id: 'membership-confirmation',
  severity: 'warning',
  description:
    'a period appointed by a vote whose `from` is not the first meeting after that vote, or whose new member is not present at it',
  charter:
    'Following successful approval, the candidate shall be invited to the next ALESCo meeting, where they will formally confirm their acceptance to join the committee.',
  charterSection: 'Policies 2: Appointments',
  example: {
    violation: [
      '# governance/members/newperson.yaml (voted in on 2025-05-14; the next meeting is 2025-06-11)',
      'service:',
      '  - from: 2025-05-15',
      '    appointed_by: 2025-05-14-membership-newperson',
      '',
    ].join('\n'),
    fix: [
      '# governance/members/newperson.yaml (and newperson in present at 2025-06-11)',
      'service:',
      '  - from: 2025-06-11',
      '    appointed_by: 2025-05-14-membership-newperson',
      '',
    ].join('\n'),
  },
  check(model) {
    const out: RuleFinding[] = [];
    for (const member of model.members.values()) {
      if (!member.serviceKnown) continue;
      for (const p of member.service) {
        if (p.appointedBy === 'board' || p.appointedBy === 'legacy') continue;
        const vote = model.votes.get(p.appointedBy);
        if (vote && appoints(model, member, vote, p)) checkPeriod(model, member, vote, p, out);
      }
    }
    return out;
  },
};

/**
 * Whether the vote appoints this period: when it does not (another kind or
 * subject, not passed, nullified, not before `from`, not after the previous
 * period, already appointing another period), that is
 * membership-appointment's finding, and the confirmation is not judged on top.
 */
function appoints(model: Model, member: Member, vote: Vote, p: ServicePeriod): vote is Vote & { date: string } {
  const citations = voteCitations(model, member);
  return (
    vote.kind === 'membership' &&
    vote.subject === member.id &&
    vote.date !== undefined &&
    citations.has(p) &&
    citations.get(p) === undefined
  );
}

function checkPeriod(model: Model, member: Member, vote: Vote & { date: string }, p: ServicePeriod, out: RuleFinding[]): void {
  const next = firstMeetingDayAfter(model, vote.date);
  // No meeting after the vote yet, or one whose date is unreadable: nothing to judge.
  if (!next || next.uncertain) return;
  const wrongFrom = p.from !== next.date;
  // Present at any meeting held that day; a meeting without `present` leaves presence unjudged.
  const attended = next.meetings.some((m) => m.present?.includes(member.id) === true);
  const absent = !attended && next.meetings.every((m) => m.present !== undefined);
  if (!wrongFrom && !absent) return;
  const after = `the first meeting after the appointing vote ${vote.id} (${vote.date})`;
  let message: string;
  if (wrongFrom && absent)
    message = `${member.id}'s period starts ${p.from}, but ${after} was ${next.date}, and ${member.id} is not in its present: the new member confirms their acceptance at that meeting and serves from it`;
  else if (wrongFrom)
    message = `${member.id}'s period starts ${p.from}, not ${next.date}, ${after}: the new member confirms their acceptance at that meeting and serves from it`;
  else
    message = `${member.id} is not in present at ${next.date}, ${after}: the new member confirms their acceptance at that meeting`;
  out.push({ file: member.file, path: [...p.path, 'from'], message, date: p.from });
}
