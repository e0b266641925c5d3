// The chair's script before a vote, computed from the records and the
// charter: who is present and eligible (in the order to call them), whether
// the meeting has quorum, what it takes to pass, and what happens on a tie.
// Pure: `npm run record -- roll-call` prints it, `record vote` asks the
// ballots in this order.
import { chairTermOn, committeeSize, quorumFor, quorumFormula, servesIdOn } from './committee.ts';
import type { Model } from './model.ts';
import { majorityOfMembers } from './votes.ts';

export const VOTE_KINDS = ['rfc', 'chair-election', 'membership', 'policy', 'decision'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];

export interface RollCall {
  meeting: string;
  date: string;
  kind: VoteKind;
  /** Present and serving on the date, alphabetical: the order the chair calls them. */
  eligible: { id: string; name?: string }[];
  /** Listed present but not serving that day: they do not vote. */
  notServing: string[];
  /** Serving but not present. */
  absent: string[];
  /** n(D): members serving on the date. */
  serving: number;
  quorum: { needed: number; present: number; met: boolean; formula: string };
  /** What passes the motion, in words, and the yes votes it takes when that is a fixed number. */
  majority: { text: string; yesNeeded?: number };
  tieBreak: { text: string; chair?: string };
  /** For a chair election: who may be elected (members serving, named on the command line). */
  candidates?: string[];
}

export class RollCallError extends Error {}

/** The roll call for a vote of `kind` at meeting `meetingId` (its file name without .yaml). */
export function rollCall(model: Model, meetingId: string, kind: VoteKind, candidates?: readonly string[]): RollCall {
  const charter = model.charter;
  if (!charter) throw new RollCallError('governance/charter.yaml cannot be read: the quorum and majority come from it');
  const meeting = model.meetings.get(meetingId);
  if (!meeting) throw new RollCallError(`there is no meeting ${meetingId}: record it first (npm run record -- meeting --date ...)`);
  const date = meeting.date;
  if (!date) throw new RollCallError(`the date of meeting ${meetingId} cannot be read`);
  if (!meeting.present || !meeting.presentKnown)
    throw new RollCallError(`meeting ${meetingId} has no readable present list: who may vote is unknown`);
  const eligible: { id: string; name?: string }[] = [];
  const notServing: string[] = [];
  for (const id of [...new Set(meeting.present)].sort()) {
    if (servesIdOn(model, id, date) === 'yes') {
      const name = model.members.get(id)?.name;
      eligible.push(name !== undefined ? { id, name } : { id });
    } else notServing.push(id);
  }
  const { n } = committeeSize(model, date);
  const present = new Set(meeting.present);
  const absent = [...model.members.values()]
    .filter((m) => servesIdOn(model, m.id, date) === 'yes' && !present.has(m.id))
    .map((m) => m.id)
    .sort();
  const needed = quorumFor(charter, n);
  const chair = chairTermOn(model, date)?.member;

  let majority: RollCall['majority'];
  let tieBreak: RollCall['tieBreak'];
  if (kind === 'chair-election') {
    majority = { text: 'a candidate is elected with more than half of the votes cast; abstentions are not votes cast' };
    tieBreak = { text: 'there is no tie-break: without more than half of the votes cast no one is elected (no-majority)' };
  } else if (majorityOfMembers(kind, charter)) {
    const yesNeeded = Math.floor(n / 2) + 1;
    majority = {
      text: `a simple majority of the current members: at least ${yesNeeded} yes of the ${n} members serving, whoever is present`,
      yesNeeded,
    };
    tieBreak = { text: 'there is no tie-break: without the majority of the members the motion does not pass' };
  } else {
    majority = { text: 'more yes than no; abstentions are not votes cast' };
    tieBreak =
      charter.tieBreak === 'none'
        ? { text: 'the motion does not pass (the charter has no tie-break)' }
        : chair
          ? { text: `the chair, ${chair}, casts the deciding vote (or a member the chair designates)`, chair }
          : { text: 'the chair casts the deciding vote, but no chair is in office on this date' };
  }
  const call: RollCall = {
    meeting: meetingId,
    date,
    kind,
    eligible,
    notServing,
    absent,
    serving: n,
    quorum: { needed, present: eligible.length, met: eligible.length >= needed, formula: quorumFormula(charter) },
    majority,
    tieBreak,
  };
  if (kind === 'chair-election') call.candidates = [...(candidates ?? [])];
  return call;
}

const who = (e: { id: string; name?: string }): string => (e.name ? `${e.id} (${e.name})` : e.id);

/** The script in words, for the chair to read out. */
export function formatRollCall(c: RollCall): string {
  const lines = [
    `Roll call: ${c.kind} vote at the meeting of ${c.date}${c.meeting !== c.date ? ` (${c.meeting})` : ''}`,
    '',
    `Members present and eligible (${c.eligible.length}), in the order to call them:`,
    ...(c.eligible.length ? c.eligible.map((e, i) => `  ${i + 1}. ${who(e)}`) : ['  none']),
    `Absent: ${c.absent.length ? c.absent.join(', ') : 'none'}`,
  ];
  if (c.notServing.length) lines.push(`Listed present but not serving that day (they do not vote): ${c.notServing.join(', ')}`);
  lines.push(
    '',
    c.quorum.met
      ? `Quorum: met, ${c.quorum.present} of ${c.serving} members present, ${c.quorum.needed} needed (${c.quorum.formula})`
      : `Quorum: NOT met, ${c.quorum.present} of ${c.serving} members present, ${c.quorum.needed} needed (${c.quorum.formula}): no vote can be taken`,
    `To pass: ${c.majority.text}`,
    `On a tie: ${c.tieBreak.text}`,
  );
  if (c.candidates) lines.push(`Candidates: ${c.candidates.length ? c.candidates.join(', ') : 'none named (--candidates a,b)'}`);
  return `${lines.join('\n')}\n`;
}
