import type { Charter, Member, Model, ServicePeriod, Vote } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { isNullified, outcomeDisputed } from '../core/votes.ts';

export const rule: Rule<Model> = {
  id: 'membership-appointment',
  severity: 'error',
  description:
    'a service period not appointed by the board on board_appointment, nor by a passed membership vote on that member dated before `from` (and after their previous period); `legacy` from records_since on',
  charter:
    'The first ALESCo members are to be appointed by the Board of Directors. After the initial appointment, the membership of ALESCo will manage itself - adding members or filling vacancies as deemed necessary by vote of the current members.',
  charterSection: 'Policies 2: Appointments',
  charterKeys: ['board_appointment'],
  example: {
    violation: [
      '# governance/members/newperson.yaml',
      'id: newperson',
      'name: New Person',
      'service:',
      '  - from: 2025-06-11',
      '    appointed_by: board        # the board appointed only the first members, on board_appointment',
      '',
    ].join('\n'),
    fix: [
      '# governance/members/newperson.yaml',
      'id: newperson',
      'name: New Person',
      'service:',
      '  - from: 2025-06-11',
      '    appointed_by: 2025-05-14-membership-newperson',
      '',
    ].join('\n'),
  },
  check(model) {
    const charter = model.charter;
    if (!charter) return [];
    const out: RuleFinding[] = [];
    for (const member of model.members.values()) {
      if (!member.serviceKnown) continue;
      checkMember(model, charter, member, out);
    }
    return out;
  },
};

/** A member's periods in time order (file order among equal dates). */
function periodsInOrder(member: Member): ServicePeriod[] {
  return [...member.service].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.index - b.index));
}

const citationCache = new WeakMap<Model, Map<Member, ReadonlyMap<ServicePeriod, string | undefined>>>();

/**
 * The member's periods that cite an existing vote, each with what is wrong
 * with that citation (undefined: the vote appoints the period). Shared with
 * membership-confirmation, which judges only periods a vote does appoint, so
 * a wrong citation is this rule's one finding.
 */
export function voteCitations(model: Model, member: Member): ReadonlyMap<ServicePeriod, string | undefined> {
  let perModel = citationCache.get(model);
  if (!perModel) {
    perModel = new Map();
    citationCache.set(model, perModel);
  }
  let citations = perModel.get(member);
  if (citations) return citations;
  const out = new Map<ServicePeriod, string | undefined>();
  const periods = periodsInOrder(member);
  // One vote appoints one period: the first period it validly appoints keeps
  // it. A period whose citation fails on its own does not claim the vote, so
  // that one wrong citation does not also fault the period the vote appoints.
  const claimedBy = new Map<string, ServicePeriod>();
  periods.forEach((p, i) => {
    const by = p.appointedBy;
    if (by === 'board' || by === 'legacy') return;
    const vote = model.votes.get(by);
    // A missing vote is unknown-reference's finding; an unreadable one is unknown.
    if (!vote) return;
    const fault = voteFault(model, member, vote, p, periods[i - 1], claimedBy.get(by));
    if (fault === undefined && !claimedBy.has(by)) claimedBy.set(by, p);
    out.set(p, fault);
  });
  citations = out;
  perModel.set(member, citations);
  return citations;
}

function checkMember(model: Model, charter: Charter, member: Member, out: RuleFinding[]): void {
  const citations = voteCitations(model, member);
  periodsInOrder(member).forEach((p) => {
    const report = (message: string): void => {
      out.push({ file: member.file, path: [...p.path, 'appointed_by'], message, date: p.from });
    };
    const by = p.appointedBy;
    if (by === 'board') {
      if (p.from !== charter.boardAppointment)
        report(
          `appointed_by: board is only for the initial appointment on board_appointment ${charter.boardAppointment}; this period starts ${p.from}: cite the membership vote that appointed ${member.id}`,
        );
      return;
    }
    if (by === 'legacy') {
      if (p.from >= charter.recordsSince)
        report(
          `appointed_by: legacy is allowed only for a period starting before records_since ${charter.recordsSince}; this period starts ${p.from}: cite the membership vote that appointed ${member.id}`,
        );
      return;
    }
    const fault = citations.get(p);
    if (fault) report(fault);
  });
}

/** What is wrong with `vote` as the appointment of period `p`, if anything (the first fault only). */
function voteFault(
  model: Model,
  member: Member,
  vote: Vote,
  p: ServicePeriod,
  previous: ServicePeriod | undefined,
  earlier: ServicePeriod | undefined,
): string | undefined {
  const cite = `appointed_by "${vote.id}"`;
  if (vote.kind !== undefined && vote.kind !== 'membership')
    return `${cite} is a ${vote.kind} vote, not a membership vote: a member is appointed by a passed membership vote on them`;
  if (vote.subject !== undefined && vote.subject !== member.id)
    return `${cite} is a membership vote on "${vote.subject}", not on ${member.id}`;
  if (isNullified(model, vote))
    return `${cite} was nullified by "${vote.nullifiedBy ?? ''}": a nullified vote appoints no one`;
  // A result that vote-result or vote-quorum disputes is theirs to report.
  if (vote.result !== undefined && vote.result !== 'passed' && !outcomeDisputed(model, vote))
    return `${cite} did not pass (result: ${vote.result}): only a passed membership vote appoints a member`;
  if (earlier)
    return `${cite} already appointed ${member.id}'s period from ${earlier.from}: one vote appoints one period`;
  if (vote.date === undefined) return undefined;
  if (vote.date >= p.from)
    return `${cite} is dated ${vote.date}, not before this period's from ${p.from}: a member serves after the vote that appoints them`;
  if (previous) {
    const end = previous.to ?? previous.from;
    if (vote.date <= end)
      return `${cite} is dated ${vote.date}, not after ${member.id}'s previous period (from ${previous.from}${previous.to ? ` to ${previous.to}` : ', open'}): each period needs a vote of its own`;
  }
  return undefined;
}
