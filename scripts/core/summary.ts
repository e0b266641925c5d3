// The committee's state on a date, for the summary of `check` and the PR
// comment: who serves, the quorum, the chair, and the open RFCs.
import { chairTermOn, committeeSize, quorumFor, quorumFormula, servingOn, termEnd } from './committee.ts';
import type { Model } from './model.ts';
import type { Finding } from './types.ts';
import { countBySeverity } from './engine.ts';

export const OPEN_STAGES = ['draft', 'discussion', 'fcp'] as const;

export interface CommitteeState {
  date: string;
  members: string[];
  /** Absent when the charter cannot be read. */
  quorum?: number;
  quorumRule?: string;
  chair?: { member: string; from: string; termEnd?: string };
  /** The next check-in: the chair term's end (none when the charter has no check-in). */
  nextCheckIn?: string;
  /** The charter's chair term length, which sets how often the check-in comes. */
  termMonths?: number;
  /** False when the charter has no check-in (chair.check_in: false). */
  checkIn?: boolean;
  openRfcs: Record<(typeof OPEN_STAGES)[number], number[]>;
}

export interface Summary {
  today: string;
  files: number;
  errors: number;
  warnings: number;
  committee: CommitteeState;
}

export function committeeState(model: Model, date: string): CommitteeState {
  const members = [...servingOn(model, date)];
  const state: CommitteeState = { date, members, openRfcs: { draft: [], discussion: [], fcp: [] } };
  if (model.charter) {
    state.quorum = quorumFor(model.charter, committeeSize(model, date).n);
    state.quorumRule = quorumFormula(model.charter);
    state.termMonths = model.charter.chair.termMonths;
    state.checkIn = model.charter.chair.checkIn;
  }
  const term = chairTermOn(model, date);
  if (term) {
    const end = termEnd(term, model.charter);
    state.chair = { member: term.member, from: term.from, ...(end ? { termEnd: end } : {}) };
    if (end && model.charter?.chair.checkIn !== false) state.nextCheckIn = end;
  }
  for (const r of [...model.rfcs].sort((a, b) => a.number - b.number)) {
    const stage = OPEN_STAGES.find((s) => s === r.status);
    if (stage) state.openRfcs[stage].push(r.number);
  }
  return state;
}

export function summarize(model: Model, findings: readonly Finding[], files: number): Summary {
  return { today: model.today, files, ...countBySeverity(findings), committee: committeeState(model, model.today) };
}
