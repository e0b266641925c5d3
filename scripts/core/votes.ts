// Vote arithmetic, written once: who counts towards quorum, which ballots
// count, and the result the charter computes from them. Every vote rule and
// every rule that reads a vote's outcome goes through `analyzeVote`, so the
// rules agree on which fact is wrong and report it once.
import { committeeSize, quorumFor, servesIdOn } from './committee.ts';
import { inProgress, type Ballot, type Charter, type Meeting, type Model, type Vote } from './model.ts';

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

export interface IneligibleBallot {
  ballot: Ballot;
  reason: 'not-serving' | 'not-present' | 'recused';
}

export interface VoteAnalysis {
  vote: Vote;
  /** The vote's meeting, when it exists and carries the vote's date. */
  meeting?: Meeting;
  /** The meeting is named but missing or on another date: unknown-reference's finding. */
  meetingUnknown: boolean;
  n?: number;
  quorumNeeded?: number;
  /** Present and serving (meeting), or distinct serving voters and recused (async), or the tally's sum. */
  attendance?: number;
  quorumJudged: boolean;
  quorumMet?: boolean;
  /** vote-eligibility judges this vote (its meeting and everyone it lists have known service). */
  eligibilityJudged: boolean;
  /** A `tally` that counts more votes than could have been cast. */
  tallyTooLarge: boolean;
  /** The most votes the tally could count: present and serving (meeting), or n (async). */
  tallyLimit?: number;
  /** A `tally` from records_since on, where a roll call must name every voter. */
  tallyNotAccepted: boolean;
  /** Ballots that count: from known members, eligible on the date. */
  counted: Ballot[];
  ineligible: IneligibleBallot[];
  /** undefined: the result is not judged (unknown data, no ballots or tally, a tie-break where none applies...). */
  computedResult?: string;
  /** Counts behind the computed result (non-election kinds), also when a misplaced tie-break leaves it unjudged. */
  tally?: Tally;
  /** The chair election's votes per candidate, and the votes cast. */
  election?: { votes: Map<string, number>; cast: number };
}

const cache = new WeakMap<Model, Map<Vote, VoteAnalysis>>();

/** Does "a simple majority of the current members" apply: no tie, no tie-break? */
export function majorityOfMembers(kind: string | undefined, charter: Pick<Charter, 'membership'>): boolean {
  return kind === 'membership' && charter.membership.majorityOf === 'members';
}

/** Passed/not-passed from counts, as the catalogue's "Result computation" says. */
export function computeResult(args: {
  kind: string;
  tally: Tally;
  n: number;
  charter: Pick<Charter, 'tieBreak' | 'membership'>;
  tieBreakVote?: string;
}): 'passed' | 'not-passed' | undefined {
  const { kind, tally, n, charter, tieBreakVote } = args;
  const hasTieBreak = tieBreakVote !== undefined;
  if (majorityOfMembers(kind, charter)) {
    // "a simple majority of the current members": no tie to break.
    if (hasTieBreak) return undefined;
    return tally.yes * 2 > n ? 'passed' : 'not-passed';
  }
  // A tie-break where none applies is vote-tie-break's finding alone.
  if (hasTieBreak && (charter.tieBreak === 'none' || tally.yes !== tally.no || tally.yes + tally.no === 0)) return undefined;
  if (tally.yes > tally.no) return 'passed';
  if (tally.yes < tally.no) return 'not-passed';
  // Zero votes cast is not a tie.
  if (tally.yes === 0) return 'not-passed';
  if (hasTieBreak) return tieBreakVote === 'yes' ? 'passed' : 'not-passed';
  return 'not-passed';
}

/**
 * More than half of the votes cast (abstentions excluded), else no-majority.
 * A ballot for a non-candidate is a vote cast but elects nobody; without
 * `candidates` every name may win.
 */
export function computeElection(
  values: readonly string[],
  candidates?: ReadonlySet<string>,
): { result: string; votes: Map<string, number>; cast: number } {
  const votes = new Map<string, number>();
  let cast = 0;
  for (const v of values) {
    if (v === 'abstain') continue;
    cast++;
    votes.set(v, (votes.get(v) ?? 0) + 1);
  }
  for (const [candidate, count] of votes) {
    if (count * 2 > cast && (!candidates || candidates.has(candidate)))
      return { result: `elected:${candidate}`, votes, cast };
  }
  return { result: 'no-majority', votes, cast };
}

function memberKnown(model: Model, id: string): boolean {
  return model.members.has(id) || model.skipped.members.has(id);
}

export function analyzeVote(model: Model, vote: Vote): VoteAnalysis {
  let perModel = cache.get(model);
  if (!perModel) {
    perModel = new Map();
    cache.set(model, perModel);
  }
  let analysis = perModel.get(vote);
  if (!analysis) {
    analysis = analyze(model, vote);
    perModel.set(vote, analysis);
  }
  return analysis;
}

function analyze(model: Model, vote: Vote): VoteAnalysis {
  const out: VoteAnalysis = {
    vote,
    meetingUnknown: false,
    quorumJudged: false,
    eligibilityJudged: false,
    tallyTooLarge: false,
    tallyNotAccepted: false,
    counted: [],
    ineligible: [],
  };
  const { charter } = model;
  const date = vote.date;
  // A vote in progress has no ballots or result yet: vote-open's finding alone.
  if (!charter || !date || !vote.venueKnown || inProgress(vote)) return out;

  let present: Set<string> | undefined;
  if (vote.meeting !== undefined) {
    const meeting = model.meetings.get(vote.meeting);
    // The settled reading leaves such a vote unjudged for quorum, eligibility
    // and board attendance only: its result is still computed, every ballot
    // of a known member counting (none is reported).
    if (!meeting || meeting.date !== date) out.meetingUnknown = true;
    else {
      out.meeting = meeting;
      if (meeting.present && meeting.presentKnown) present = new Set(meeting.present);
    }
  } else if (!vote.async) return out;

  const isAsync = vote.meeting === undefined;
  const { n } = committeeSize(model, date);
  out.n = n;
  out.quorumNeeded = quorumFor(charter, n);

  // A member whose service is unknown, listed anywhere in the vote, leaves
  // quorum, eligibility and result unjudged (one wrong fact, one finding): a
  // rejected service, a skipped file, or a name with no member file at all
  // (a misspelt id in `present`, a voter or `recused` is unknown-reference's
  // finding alone).
  const listed = [...(present ?? []), ...(vote.ballots ?? []).map((b) => b.voter), ...vote.recused];
  if (listed.some((id) => !memberKnown(model, id) || servesIdOn(model, id, date) === 'unknown')) return out;

  const serving = (id: string): boolean => servesIdOn(model, id, date) === 'yes';
  // A rejected `recused` list is unknown as a whole: only what depends on it
  // (an async vote's quorum, the recused clause, which ballots count) is left
  // unjudged; a meeting's quorum is its attendance and does not.
  const recusedKnown = vote.recusedKnown;
  const recused = new Set(vote.recused);
  const judged = !out.meetingUnknown;
  out.eligibilityJudged = judged;

  if (judged) {
    if (!isAsync) {
      if (present) {
        out.attendance = [...present].filter(serving).length;
        out.quorumJudged = true;
      }
    } else if (vote.ballots && vote.ballotsKnown) {
      if (recusedKnown) {
        const voters = new Set([...vote.ballots.map((b) => b.voter), ...vote.recused].filter(serving));
        out.attendance = voters.size;
        out.quorumJudged = true;
      }
    } else if (vote.tally && vote.tallyKnown) {
      out.attendance = vote.tally.yes + vote.tally.no + vote.tally.abstain;
      out.quorumJudged = true;
    }
    if (out.quorumJudged && out.attendance !== undefined) out.quorumMet = out.attendance >= out.quorumNeeded;
  }

  if (vote.ballots && vote.ballotsKnown) {
    for (const ballot of vote.ballots) {
      if (!memberKnown(model, ballot.voter)) continue; // unknown-reference's, and it does not count
      if (!judged) out.counted.push(ballot);
      else if (!serving(ballot.voter)) out.ineligible.push({ ballot, reason: 'not-serving' });
      else if (recusedKnown && recused.has(ballot.voter)) out.ineligible.push({ ballot, reason: 'recused' });
      // Without recorded attendance, presence cannot be judged: the ballot counts.
      else if (!isAsync && present && !present.has(ballot.voter)) out.ineligible.push({ ballot, reason: 'not-present' });
      else out.counted.push(ballot);
    }
  }

  const usesTally = !(vote.ballots && vote.ballotsKnown) && vote.tally !== undefined && vote.tallyKnown;
  if (usesTally && vote.tally && judged) {
    // vote-eligibility's tally clauses read only the tally, attendance and the
    // date: an unknown kind or tie-break does not leave them unjudged.
    const t = vote.tally;
    out.tallyLimit = isAsync ? n : present ? (out.attendance ?? 0) : undefined;
    if (out.tallyLimit !== undefined && t.yes + t.no + t.abstain > out.tallyLimit) out.tallyTooLarge = true;
    // A nullified vote is owed no roll call, so its tally is not reported.
    if (owedRecords(model, vote)) out.tallyNotAccepted = true;
  }

  const kind = vote.kind;
  if (!kind) return out;
  // Whether a ballot comes from a recused member is unknown: which ballots count is too.
  if (vote.ballots && vote.ballotsKnown && !recusedKnown) return out;
  if (kind === 'chair-election') {
    // A tie-break on a chair election is vote-tie-break's finding alone, and
    // without the candidate list nobody can be said to be elected.
    if (!vote.ballots || !vote.ballotsKnown || !vote.tieBreakKnown || vote.tieBreak || !vote.candidatesKnown) return out;
    const values = out.counted.map((b) => b.value).filter((v) => v === 'abstain' || memberKnown(model, v));
    const election = computeElection(values, new Set(vote.candidates.map((c) => c.member)));
    out.election = { votes: election.votes, cast: election.cast };
    out.computedResult = election.result;
    return out;
  }
  if (!vote.tieBreakKnown) return out;

  let tally: Tally | undefined;
  if (vote.ballots && vote.ballotsKnown) {
    tally = { yes: 0, no: 0, abstain: 0 };
    for (const b of out.counted) {
      if (b.value === 'yes') tally.yes++;
      else if (b.value === 'no') tally.no++;
      else tally.abstain++;
    }
  } else if (usesTally && vote.tally) {
    // "A tally that vote-eligibility reports gives no computed result."
    if (out.tallyTooLarge || out.tallyNotAccepted) return out;
    tally = { ...vote.tally };
  }
  if (!tally) return out;
  out.tally = tally;
  const tieBreakVote = vote.tieBreak?.vote;
  const computed = computeResult({
    kind,
    tally,
    n,
    charter,
    ...(tieBreakVote !== undefined ? { tieBreakVote } : {}),
  });
  // A tie-break recorded without its vote (rejected) leaves the result unknown.
  if (vote.tieBreak && tieBreakVote === undefined) return out;
  // A tie declared passed without a tie-break is vote-tie-break's finding alone.
  if (tieDeclaredPassedWithoutTieBreak(vote, tally, charter)) return out;
  if (computed !== undefined) out.computedResult = computed;
  return out;
}

/** vote-tie-break's "missing on a tie when tie_break: chair and result says passed". */
export function tieDeclaredPassedWithoutTieBreak(
  vote: Vote,
  tally: Tally,
  charter: Pick<Charter, 'tieBreak' | 'membership'>,
): boolean {
  return (
    vote.result === 'passed' &&
    !vote.tieBreak &&
    vote.tieBreakKnown &&
    charter.tieBreak === 'chair' &&
    tally.yes === tally.no &&
    tally.yes > 0 &&
    vote.kind !== 'chair-election' &&
    !majorityOfMembers(vote.kind, charter)
  );
}

/** True when vote-result or vote-quorum reports this vote: its recorded outcome is not judged again. */
export function outcomeDisputed(model: Model, vote: Vote): boolean {
  const a = analyzeVote(model, vote);
  if (a.quorumJudged && a.quorumMet === false) return true;
  return a.computedResult !== undefined && vote.result !== undefined && a.computedResult !== vote.result;
}

/** A vote is nullified when `nullified_by` names a passed vote dated on or after it. */
export function isNullified(model: Model, vote: Vote): boolean {
  if (!vote.nullifiedBy) return false;
  const by = model.votes.get(vote.nullifiedBy);
  return by !== undefined && by.result === 'passed' && !!by.date && !!vote.date && by.date >= vote.date;
}

/**
 * Whether a vote is owed the records a demand asks for: dated on or after
 * records_since and not nullified. A `nullified_by` the schema rejected, or
 * naming a vote whose file was skipped or whose result or date is unknown,
 * leaves the nullification unknown, and an unknown is not reported as missing.
 */
export function owedRecords(model: Model, vote: Vote): boolean {
  if (!recordsSinceApplies(model, vote.date)) return false;
  if (!vote.isKnown(['nullified_by'])) return false;
  const by = vote.nullifiedBy;
  if (by === undefined) return true;
  if (model.skipped.votes.has(by)) return false;
  const named = model.votes.get(by);
  if (named && (named.result === undefined || named.date === undefined)) return false;
  return !isNullified(model, vote);
}

/** Do demands for records apply on `date` (on or after records_since)? */
export function recordsSinceApplies(model: Model, date: string | undefined): boolean {
  if (!date) return false;
  const since = model.recordsSince;
  return since === undefined || date >= since;
}
