// api/v1: the records as JSON for other sites and tools (committee, members,
// meetings, votes, rfcs, findings), each described by a JSON Schema in
// schemas/api/. Pure and deterministic: every object is built in a fixed key
// order and every list sorted, so the same records give the same bytes. A
// value the records do not give (or the schema rejected) is null, never
// guessed; a URL is given only when it is http(s). v1 only ever adds fields.
import { chairTermOn, committeeSize, quorumFor, quorumFormula, servingOn, termEnd } from '../core/committee.ts';
import { voteFacts } from '../core/changes.ts';
import { countBySeverity } from '../core/engine.ts';
import { rfcOfVote } from '../core/rule-kit.ts';
import { memberHistory } from '../core/history.ts';
import { inProgress, type Charter, type Meeting, type Member, type Model, type Rfc, type Vote } from '../core/model.ts';
import { safeUrl } from './html.ts';
import { committeeState } from '../core/summary.ts';
import { checkInName } from '../core/text.ts';
import type { Finding } from '../core/types.ts';
import { analyzeVote, isNullified } from '../core/votes.ts';
import type { SiteFiles, SiteInput } from './input.ts';
import { linksOf, type Links } from './links.ts';
import { upcomingMeetings } from './schedule.ts';

export const API_VERSION = 'v1';
export const API_FILES = ['committee', 'members', 'meetings', 'votes', 'rfcs', 'findings'] as const;
export type ApiName = (typeof API_FILES)[number];

type Tally = { yes: number; no: number; abstain: number };
type Correction = { date: string; by: string; reason: string };

interface Head {
  api: 'v1';
  generated: string;
  repository: string | null;
  commit: string | null;
}

export interface CommitteeDoc extends Head {
  name: string | null;
  today: string;
  recordsSince: string | null;
  members: string[];
  quorum: { needed: number; serving: number; formula: string; fraction: number; plus: number; minimum: number } | null;
  chair: { member: string; name: string | null; from: string; termEnd: string | null; electedBy: string | null } | null;
  nextCheckIn: { name: string; date: string | null } | null;
  schedule: {
    everyWeeks: number;
    weekday: string;
    time: string;
    timeZone: string;
    durationMinutes: number | null;
    start: string;
    next: { date: string; start: string } | null;
  } | null;
  openRfcs: { draft: number[]; discussion: number[]; fcp: number[] };
  findings: { errors: number; warnings: number; filesChecked: number };
}

export interface MemberDoc {
  id: string;
  name: string | null;
  github: string | null;
  serving: boolean | null;
  servingSince: string | null;
  service: { from: string; to: string | null; appointedBy: string; left: string | null }[] | null;
  disclosure: { date: string; employer: string; conflicts: string[] } | null;
  disclosures: { date: string; employer: string; conflicts: string[] }[] | null;
  chairTerms: { from: string; to: string | null; electedBy: string | null }[];
  continuation: { date: string; continues: boolean }[] | null;
  attendance: {
    all: { present: number; meetings: number };
    last12Months: { present: number; meetings: number; since: string };
  };
  ballots: { vote: string; date: string; ballot: string }[];
  file: string;
  fileUrl: string | null;
}

export interface MeetingDoc {
  id: string;
  date: string | null;
  kind: string | null;
  chairedBy: string | null;
  chairInOffice: string | null;
  present: string[] | null;
  absent: string[] | null;
  board: string[] | null;
  guests: string[];
  quorum: { serving: number; needed: number; present: number; met: boolean } | null;
  votes: string[];
  agendaRfcs: number[];
  minutes: string | null;
  recording: string | null;
  corrections: Correction[];
  source: string | null;
  file: string;
  fileUrl: string | null;
}

export interface VoteDoc {
  id: string;
  date: string | null;
  kind: string | null;
  motion: string | null;
  venue: 'meeting' | 'async' | null;
  meeting: string | null;
  async: { channel: string | null; opened: string | null; closed: string | null; closes: string | null } | null;
  inProgress: boolean;
  rfc: number | null;
  subject: string | null;
  candidates: { member: string; nominatedBy: string | null; accepted: boolean | null }[];
  ballots: { voter: string; ballot: string; counted: boolean; notCounted: 'not-serving' | 'not-present' | 'recused' | null }[] | null;
  recused: string[];
  tally: Tally | null;
  tallyRecorded: Tally | null;
  election: { votes: { candidate: string; votes: number }[]; cast: number } | null;
  tieBreak: { by: string | null; vote: string | null; designatedBy: string | null } | null;
  quorum: { members: number; needed: number; attendance: number; met: boolean } | null;
  result: { recorded: string | null; computed: string | null; agrees: boolean | null };
  boardInput: { needed: boolean; why: string | null; topics: string[]; received: string | null; boardPresent: string[] | null } | null;
  nullified: boolean;
  nullifiedBy: string | null;
  corrections: Correction[];
  source: string | null;
  file: string;
  fileUrl: string | null;
}

export interface RfcDoc {
  number: number;
  title: string | null;
  status: string | null;
  stage: 'draft' | 'discussion' | 'fcp' | null;
  authors: string[];
  created: string | null;
  updated: string | null;
  discussionSince: string | null;
  fcpSince: string | null;
  decidedOn: string | null;
  decision: string | null;
  decisionVote: { id: string; date: string | null; result: string | null; computed: string | null } | null;
  outcome: 'accepted' | 'rejected' | 'withdrawn' | 'superseded' | null;
  supersedes: number[];
  supersededBy: number | null;
  boardInput: { required: boolean | null; topics: string[]; received: string | null } | null;
  pr: number | null;
  pullRequest: string | null;
  file: string;
  fileUrl: string | null;
}

export interface FindingDoc {
  rule: string;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  message: string;
  url: string | null;
}

// ---------------------------------------------------------------------------

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
const OPEN = ['draft', 'discussion', 'fcp'] as const;
const OUTCOMES = ['accepted', 'rejected', 'withdrawn', 'superseded'] as const;

/** A top-level string of a record the schema accepted (the model keeps no `source`, `recording`). */
function rawString(record: { raw: unknown; isKnown: (p: readonly (string | number)[]) => boolean }, key: string): string | null {
  const raw = record.raw;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !record.isKnown([key])) return null;
  const v = (raw as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : null;
}

const url = (u: string | undefined): string | null => orNull(safeUrl(u));

function head(input: SiteInput, links: Links): Head {
  return { api: 'v1', generated: input.today, repository: orNull(links.repoUrl), commit: orNull(links.commit) };
}

function committeeDoc(input: SiteInput, links: Links): CommitteeDoc {
  const { model, today } = input;
  const charter = model.charter;
  const state = committeeState(model, today);
  const term = chairTermOn(model, today);
  const counts = countBySeverity(input.findings);
  const schedule = charter?.meetings.schedule;
  const next = upcomingMeetings(model, today, 1)[0];
  return {
    ...head(input, links),
    name: orNull(charter?.committee),
    today,
    recordsSince: orNull(model.recordsSince),
    members: [...servingOn(model, today)].sort(cmp),
    quorum: charter
      ? {
          needed: quorumFor(charter, committeeSize(model, today).n),
          serving: committeeSize(model, today).n,
          formula: quorumFormula(charter),
          fraction: charter.quorum.fraction,
          plus: charter.quorum.plus,
          minimum: charter.quorum.minimum,
        }
      : null,
    chair: term
      ? {
          member: term.member,
          name: orNull(model.members.get(term.member)?.name),
          from: term.from,
          termEnd: orNull(termEnd(term, charter)),
          electedBy: term.electedByKnown ? term.electedBy : null,
        }
      : null,
    nextCheckIn: charter && charter.chair.checkIn ? { name: checkInName(charter.chair.termMonths), date: orNull(state.nextCheckIn) } : null,
    schedule: schedule
      ? {
          everyWeeks: schedule.everyWeeks,
          weekday: schedule.weekday,
          time: schedule.time,
          timeZone: schedule.timeZone,
          durationMinutes: orNull(schedule.durationMinutes),
          start: schedule.start,
          next: next ?? null,
        }
      : null,
    openRfcs: { draft: state.openRfcs.draft, discussion: state.openRfcs.discussion, fcp: state.openRfcs.fcp },
    findings: { errors: counts.errors, warnings: counts.warnings, filesChecked: input.summary.files },
  };
}

function newestDisclosure(m: Member): Member['disclosures'][number] | undefined {
  let best: Member['disclosures'][number] | undefined;
  for (const d of m.disclosures) if (!best || d.date >= best.date) best = d;
  return best;
}

function memberDoc(input: SiteInput, links: Links, m: Member): MemberDoc {
  const { model, today } = input;
  const h = memberHistory(model, m.id, today)!;
  const current = m.serviceKnown
    ? m.service.filter((p) => p.from <= today && (p.to === undefined || today <= p.to)).sort((a, b) => cmp(b.from, a.from))[0]
    : undefined;
  const newest = m.disclosuresKnown ? newestDisclosure(m) : undefined;
  return {
    id: m.id,
    name: orNull(m.name),
    github: orNull(m.github),
    serving: m.serviceKnown ? current !== undefined : null,
    servingSince: current ? current.from : null,
    service: m.serviceKnown ? h.service.map((p) => ({ from: p.from, to: orNull(p.to), appointedBy: p.appointedBy, left: orNull(p.left) })) : null,
    disclosure: newest ? { date: newest.date, employer: newest.employer, conflicts: [...newest.conflicts] } : null,
    disclosures: m.disclosuresKnown ? h.disclosures.map((d) => ({ date: d.date, employer: d.employer, conflicts: d.conflicts })) : null,
    chairTerms: model.chairTerms
      .filter((t) => t.member === m.id)
      .sort((a, b) => cmp(a.from, b.from) || a.index - b.index)
      .map((t) => ({ from: t.from, to: orNull(t.to), electedBy: t.electedByKnown ? t.electedBy : null })),
    continuation: m.continuationKnown ? h.continuation : null,
    attendance: {
      all: { present: h.attendance.all.present, meetings: h.attendance.all.meetings },
      last12Months: { present: h.attendance.last12Months.present, meetings: h.attendance.last12Months.meetings, since: h.attendance.last12Months.since },
    },
    ballots: h.ballots.map((b) => ({ vote: b.vote, date: b.date, ballot: b.ballot })),
    file: m.file,
    fileUrl: orNull(links.fileUrl(m.file)),
  };
}

function meetingDoc(input: SiteInput, links: Links, m: Meeting, votesAt: Map<string, string[]>): MeetingDoc {
  const { model } = input;
  const present = m.presentKnown && m.present ? m.present : undefined;
  let absent: string[] | null = null;
  let quorum: MeetingDoc['quorum'] = null;
  if (m.date && present) {
    const serving = servingOn(model, m.date);
    const here = new Set(present);
    absent = serving.filter((id) => !here.has(id)).sort(cmp);
    if (model.charter) {
      const n = committeeSize(model, m.date).n;
      const count = serving.filter((id) => here.has(id)).length;
      const needed = quorumFor(model.charter, n);
      quorum = { serving: n, needed, present: count, met: count >= needed };
    }
  }
  const recording = rawString(m, 'recording');
  return {
    id: m.id,
    date: orNull(m.date),
    kind: orNull(m.kind),
    chairedBy: orNull(m.chairedBy),
    chairInOffice: m.date ? orNull(chairTermOn(model, m.date)?.member) : null,
    present: present ? [...present] : null,
    absent,
    board: m.boardKnown && m.board ? [...m.board] : null,
    guests: [...m.guests],
    quorum,
    votes: votesAt.get(m.id) ?? [],
    agendaRfcs: m.agendaRfcs.map((a) => a.rfc),
    minutes: url(m.minutes),
    recording: url(recording ?? undefined),
    corrections: m.corrections.map((c) => ({ date: c.date, by: c.by, reason: c.reason })),
    source: rawString(m, 'source'),
    file: m.file,
    fileUrl: orNull(links.fileUrl(m.file)),
  };
}

/** Why an RFC needs the board's input (vote-board-input's reading), or undefined. */
function boardInputNeed(rfc: Rfc, charter: Charter | undefined): string | undefined {
  const bi = rfc.boardInput;
  if (!bi) return undefined;
  const topics = charter ? bi.topics.filter((t) => charter.rfc.boardInputTopics.includes(t)) : [];
  if (topics.length > 0) return `topics among the charter's board_input_topics: ${topics.join(', ')}`;
  return bi.required === true ? 'board_input.required' : undefined;
}

function voteDoc(input: SiteInput, links: Links, v: Vote): VoteDoc {
  const { model } = input;
  const a = analyzeVote(model, v);
  const facts = voteFacts(model, v);
  const why = new Map(a.ineligible.map((i) => [i.ballot, i.reason]));
  // The RFC as vote-board-input reads it: none when its number is held twice.
  const rfc = rfcOfVote(model, v);
  let boardInput: VoteDoc['boardInput'] = null;
  if (rfc?.boardInput) {
    const need = boardInputNeed(rfc, model.charter);
    const meeting = v.meeting !== undefined ? model.meetings.get(v.meeting) : undefined;
    boardInput = {
      needed: need !== undefined,
      why: orNull(need),
      topics: [...rfc.boardInput.topics],
      received: rfc.boardInput.received ?? null,
      boardPresent: meeting && meeting.boardKnown && meeting.board ? [...meeting.board] : null,
    };
  }
  const recorded = orNull(v.result);
  const computed = orNull(facts.computedResult);
  return {
    id: v.id,
    date: orNull(v.date),
    kind: orNull(v.kind),
    motion: orNull(v.motion),
    venue: !v.venueKnown ? null : v.meeting !== undefined ? 'meeting' : v.async ? 'async' : null,
    meeting: orNull(v.meeting),
    async: v.async
      ? { channel: orNull(v.async.channel), opened: orNull(v.async.opened), closed: orNull(v.async.closed), closes: orNull(v.async.closes) }
      : null,
    inProgress: inProgress(v),
    rfc: orNull(v.rfc),
    subject: orNull(v.subject),
    candidates: v.candidates.map((c) => ({ member: c.member, nominatedBy: orNull(c.nominatedBy), accepted: orNull(c.accepted) })),
    ballots:
      v.ballots && v.ballotsKnown
        ? v.ballots.map((b) => {
            const reason = why.get(b);
            return { voter: b.voter, ballot: b.value, counted: a.counted.includes(b), notCounted: reason ?? null };
          })
        : null,
    recused: [...v.recused],
    tally: facts.tally ? { yes: facts.tally.yes, no: facts.tally.no, abstain: facts.tally.abstain } : null,
    tallyRecorded: v.tally && v.tallyKnown ? { yes: v.tally.yes, no: v.tally.no, abstain: v.tally.abstain } : null,
    election: a.election
      ? {
          votes: [...a.election.votes.entries()]
            .sort(([x, n], [y, k]) => k - n || cmp(x, y))
            .map(([candidate, votes]) => ({ candidate, votes })),
          cast: a.election.cast,
        }
      : null,
    tieBreak: v.tieBreak ? { by: orNull(v.tieBreak.by), vote: orNull(v.tieBreak.vote), designatedBy: orNull(v.tieBreak.designatedBy) } : null,
    quorum: facts.quorum ? { members: facts.quorum.n, needed: facts.quorum.needed, attendance: facts.quorum.attendance, met: facts.quorum.met } : null,
    result: { recorded, computed, agrees: recorded !== null && computed !== null ? recorded === computed : null },
    boardInput,
    nullified: isNullified(model, v),
    nullifiedBy: orNull(v.nullifiedBy),
    corrections: v.corrections.map((c) => ({ date: c.date, by: c.by, reason: c.reason })),
    source: rawString(v, 'source'),
    file: v.file,
    fileUrl: orNull(links.fileUrl(v.file)),
  };
}

/** When an RFC was decided: its decision vote's date, else (closed without a vote date) its `updated`. */
export function rfcDecidedOn(model: Model, r: Rfc): string | undefined {
  if (!OUTCOMES.some((o) => o === r.status)) return undefined;
  const vote = r.decision && r.decision !== 'legacy' ? model.votes.get(r.decision) : undefined;
  return vote?.date ?? r.updated;
}

function rfcDoc(input: SiteInput, links: Links, r: Rfc): RfcDoc {
  const { model } = input;
  const vote = r.decision && r.decision !== 'legacy' ? model.votes.get(r.decision) : undefined;
  const stage = OPEN.find((s) => s === r.status);
  const outcome = OUTCOMES.find((s) => s === r.status);
  return {
    number: r.number,
    title: orNull(r.title),
    status: orNull(r.status),
    stage: stage ?? null,
    authors: [...r.authors],
    created: orNull(r.created),
    updated: orNull(r.updated),
    discussionSince: orNull(r.discussionSince),
    fcpSince: orNull(r.fcpSince),
    decidedOn: orNull(rfcDecidedOn(model, r)),
    decision: orNull(r.decision),
    decisionVote: vote
      ? { id: vote.id, date: orNull(vote.date), result: orNull(vote.result), computed: orNull(analyzeVote(model, vote).computedResult) }
      : null,
    outcome: outcome ?? null,
    supersedes: [...r.supersedes],
    supersededBy: orNull(r.supersededBy ?? undefined),
    boardInput: r.boardInput
      ? { required: orNull(r.boardInput.required), topics: [...r.boardInput.topics], received: r.boardInput.received ?? null }
      : null,
    pr: orNull(r.pr),
    pullRequest: orNull(links.pullUrl(r.pr)),
    file: r.file,
    fileUrl: orNull(links.fileUrl(r.file)),
  };
}

function findingDoc(links: Links, f: Finding): FindingDoc {
  return {
    rule: f.rule,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    message: f.message,
    url: orNull(links.fileUrl(f.file, f.line)),
  };
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The six documents as values (the test and other renderers read them without parsing). */
export function apiDocuments(input: SiteInput): Record<ApiName, object> {
  const { model } = input;
  const links = linksOf(input);
  const h = head(input, links);
  const meetings = [...model.meetings.values()].sort((a, b) => cmp(a.date ?? '', b.date ?? '') || cmp(a.id, b.id));
  const votes = [...model.votes.values()].sort((a, b) => cmp(a.date ?? '', b.date ?? '') || cmp(a.id, b.id));
  const votesAt = new Map<string, string[]>();
  for (const v of votes) if (v.meeting !== undefined) votesAt.set(v.meeting, [...(votesAt.get(v.meeting) ?? []), v.id]);
  const findings = [...input.findings].sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.rule, b.rule) || cmp(a.message, b.message),
  );
  const counts = countBySeverity(input.findings);
  return {
    committee: committeeDoc(input, links),
    members: {
      ...h,
      members: [...model.members.values()].sort((a, b) => cmp(a.id, b.id)).map((m) => memberDoc(input, links, m)),
    },
    meetings: { ...h, meetings: meetings.map((m) => meetingDoc(input, links, m, votesAt)) },
    votes: { ...h, votes: votes.map((v) => voteDoc(input, links, v)) },
    rfcs: {
      ...h,
      rfcs: [...model.rfcs].sort((a, b) => a.number - b.number || cmp(a.file, b.file)).map((r) => rfcDoc(input, links, r)),
    },
    findings: { ...h, errors: counts.errors, warnings: counts.warnings, findings: findings.map((f) => findingDoc(links, f)) },
  };
}

/** `api/v1/<name>.json` for each document: 2-space JSON with a final newline. */
export function renderApi(input: SiteInput): SiteFiles {
  const docs = apiDocuments(input);
  const files: SiteFiles = new Map();
  for (const name of API_FILES) files.set(`api/${API_VERSION}/${name}.json`, json(docs[name]));
  return files;
}
