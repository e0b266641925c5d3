// Questions the records answer: the committee as it stood on a date, and
// one person's history (service, disclosures, chair terms, attendance and
// ballots). Pure; `npm run status` and `npm run history` print them, and a
// member page of the site renders the same history.
import { servesOn } from './committee.ts';
import { addMonths } from './dates.ts';
import type { Model, Rfc } from './model.ts';
import { committeeState, OPEN_STAGES, type CommitteeState } from './summary.ts';
import { isNullified } from './votes.ts';

/**
 * An RFC's stage on `date`, from the dates it records: created (draft),
 * discussion_since, fcp_since, and the date of the vote that decided it.
 * Undefined: not created yet, or closed (decided, withdrawn, superseded) by then.
 */
export function rfcStageOn(model: Model, rfc: Rfc, date: string): (typeof OPEN_STAGES)[number] | 'closed' | undefined {
  if (!rfc.created || rfc.created > date) return undefined;
  const decided = rfc.decision && rfc.decision !== 'legacy' ? model.votes.get(rfc.decision)?.date : undefined;
  const closedOn =
    decided ??
    (rfc.status === 'withdrawn' || rfc.status === 'superseded' || rfc.decision === 'legacy' ? rfc.updated : undefined);
  if (closedOn !== undefined && closedOn <= date) return 'closed';
  if (rfc.status && !OPEN_STAGES.includes(rfc.status as (typeof OPEN_STAGES)[number]) && closedOn === undefined) {
    // Closed without a date to say when: closed as of today, open before only if its dates say so.
    if (date >= (rfc.updated ?? rfc.created)) return 'closed';
  }
  if (rfc.fcpSince && rfc.fcpSince <= date) return 'fcp';
  if (rfc.discussionSince && rfc.discussionSince <= date) return 'discussion';
  return 'draft';
}

/** The committee on `date`: who served, who chaired, the quorum, and the RFCs open that day. */
export function statusAsOf(model: Model, date: string): CommitteeState {
  const state = committeeState(model, date);
  const open: CommitteeState['openRfcs'] = { draft: [], discussion: [], fcp: [] };
  for (const r of [...model.rfcs].sort((a, b) => a.number - b.number)) {
    const stage = rfcStageOn(model, r, date);
    if (stage && stage !== 'closed') open[stage].push(r.number);
  }
  return { ...state, openRfcs: open };
}

export interface MemberHistory {
  id: string;
  name?: string;
  github?: string;
  service: { from: string; to?: string; appointedBy: string; left?: string }[];
  disclosures: { date: string; employer: string; conflicts: string[] }[];
  chairTerms: { from: string; to?: string; electedBy: string }[];
  continuation: { date: string; continues: boolean }[];
  /** Meetings with recorded attendance held while they served, and those they attended. */
  attendance: {
    all: { present: number; meetings: number };
    last12Months: { present: number; meetings: number; since: string };
    /** Each meeting while serving, newest first. */
    meetings: { id: string; date: string; present: boolean }[];
  };
  /** Every ballot they cast, oldest first, with the vote's recorded result. */
  ballots: { vote: string; date: string; kind?: string; motion?: string; ballot: string; result?: string; nullified: boolean }[];
}

const histories = new WeakMap<Model, Map<string, MemberHistory | undefined>>();

/** One member's history as of `today`; computed once per model (the site's pages and API both ask). Callers only read it. */
export function memberHistory(model: Model, id: string, today: string): MemberHistory | undefined {
  let perModel = histories.get(model);
  if (!perModel) histories.set(model, (perModel = new Map()));
  const key = `${today} ${id}`;
  if (!perModel.has(key)) perModel.set(key, computeHistory(model, id, today));
  return perModel.get(key);
}

function computeHistory(model: Model, id: string, today: string): MemberHistory | undefined {
  const m = model.members.get(id);
  if (!m) return undefined;
  const since = addMonths(today, -12);
  const meetings = [...model.meetings.values()]
    .filter((mt) => mt.date && mt.date <= today && mt.present && mt.presentKnown && servesOn(m, mt.date) === 'yes')
    .map((mt) => ({ id: mt.id, date: mt.date!, present: mt.present!.includes(id) }))
    .sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1));
  const count = (list: typeof meetings) => ({ present: list.filter((x) => x.present).length, meetings: list.length });
  const recent = meetings.filter((x) => x.date > since);
  const ballots: MemberHistory['ballots'] = [];
  for (const v of model.votes.values()) {
    const b = v.ballots?.find((x) => x.voter === id);
    if (!b || !v.date) continue;
    ballots.push({
      vote: v.id,
      date: v.date,
      ...(v.kind ? { kind: v.kind } : {}),
      ...(v.motion !== undefined ? { motion: v.motion } : {}),
      ballot: b.value,
      ...(v.result ? { result: v.result } : {}),
      nullified: isNullified(model, v),
    });
  }
  ballots.sort((a, b) => (a.date === b.date ? (a.vote < b.vote ? -1 : 1) : a.date < b.date ? -1 : 1));
  return {
    id,
    ...(m.name !== undefined ? { name: m.name } : {}),
    ...(m.github !== undefined ? { github: m.github } : {}),
    service: m.service.map((p) => ({ from: p.from, ...(p.to ? { to: p.to } : {}), appointedBy: p.appointedBy, ...(p.left ? { left: p.left } : {}) })),
    disclosures: m.disclosures.map((d) => ({ date: d.date, employer: d.employer, conflicts: [...d.conflicts] })),
    chairTerms: model.chairTerms
      .filter((t) => t.member === id)
      .map((t) => ({ from: t.from, ...(t.to ? { to: t.to } : {}), electedBy: t.electedBy })),
    continuation: m.continuation.map((c) => ({ date: c.date, continues: c.continues })),
    attendance: { all: count(meetings), last12Months: { ...count(recent), since }, meetings },
    ballots,
  };
}

const pct = (a: number, b: number): string => (b === 0 ? 'no meetings' : `${a} of ${b} (${Math.round((a / b) * 100)}%)`);

/** A member's history in words. */
export function formatHistory(h: MemberHistory): string {
  const lines = [`${h.id}${h.name ? ` (${h.name})` : ''}${h.github ? `, GitHub @${h.github}` : ''}`, ''];
  lines.push('Service:');
  lines.push(...(h.service.length ? h.service.map((p) => `  ${p.from} to ${p.to ?? 'now'}, appointed by ${p.appointedBy}${p.left ? `; ${p.left}` : ''}`) : ['  none']));
  lines.push('Disclosures:');
  lines.push(
    ...(h.disclosures.length
      ? h.disclosures.map((d) => `  ${d.date}: employer ${d.employer}; ${d.conflicts.length ? `conflicts: ${d.conflicts.join('; ')}` : 'no conflicts'}`)
      : ['  none']),
  );
  lines.push('Chair terms:');
  lines.push(...(h.chairTerms.length ? h.chairTerms.map((t) => `  ${t.from} to ${t.to ?? 'now'}, elected by ${t.electedBy}`) : ['  none']));
  if (h.continuation.length) lines.push('Check-in answers:', ...h.continuation.map((c) => `  ${c.date}: ${c.continues ? 'continues' : 'does not continue'}`));
  const a = h.attendance;
  lines.push(
    `Attendance (meetings with recorded attendance while serving): ${pct(a.all.present, a.all.meetings)} in all; ${pct(a.last12Months.present, a.last12Months.meetings)} since ${a.last12Months.since}`,
  );
  lines.push(`Ballots (${h.ballots.length}):`);
  lines.push(
    ...(h.ballots.length
      ? h.ballots.map((b) => `  ${b.date} ${b.vote}: ${b.ballot}${b.result ? ` (result ${b.result}${b.nullified ? ', nullified' : ''})` : ''}`)
      : ['  none']),
  );
  return `${lines.join('\n')}\n`;
}
