// The typed model of a committee's records. Values that the schema rejected
// are left out (undefined, or a `...Known: false` flag): a rule skips what
// depends on an unknown value and never reports it as missing.
import type { LoadFinding } from './source.ts';
import type { Path } from './types.ts';
import { isIsoDate, weekday as weekdayOf } from './dates.ts';

export interface Located {
  /** Repository-relative file of the record. */
  file: string;
  /** Path of this entry inside its file. */
  path: Path;
}

export interface Charter extends Located {
  committee: string;
  boardAppointment: string;
  recordsSince: string;
  quorum: { fraction: number; plus: number; minimum: number };
  majority: string;
  tieBreak: 'chair' | 'none';
  /** `checkIn`: each chair election is also the check-in where serving members answer whether they continue (`chair.check_in`, default true). */
  chair: { termMonths: number; maxConsecutiveTerms: number; checkIn: boolean };
  /** `schedule`: when the committee meets, for the published calendar (absent: not given, or not usable). */
  meetings: { minPerCalendarMonth: number; schedule?: MeetingSchedule };
  membership: { reviewBusinessDays: number; selfNomination: boolean; majorityOf: 'members' | 'votes-cast' };
  disclosure: { maxAgeMonths: number };
  rfc: { boardInputTopics: string[] };
  /** Ballots in a PR confirmed by the voters' own accounts: `required` gates the PR (default `reported`). */
  attestation: 'required' | 'reported';
}

/** Day names in the order of `weekday()` in dates.ts (0 Sunday). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * `meetings.schedule`: a meeting every `everyWeeks` weeks on `weekday`, the
 * first on `start`, at `time` in `timeZone` ('UTC' for `time_utc`, else the
 * IANA zone of `time_zone`, whose daylight saving the time follows).
 */
export interface MeetingSchedule {
  everyWeeks: number;
  weekday: Weekday;
  /** HH:MM, local to `timeZone`. */
  time: string;
  timeZone: string;
  durationMinutes?: number;
  start: string;
}

export interface ServicePeriod extends Located {
  index: number;
  from: string;
  to?: string;
  /** 'board', 'legacy' or a vote id. */
  appointedBy: string;
  left?: string;
}

export interface Disclosure extends Located {
  date: string;
  employer: string;
  conflicts: string[];
}

export interface ContinuationAnswer extends Located {
  date: string;
  continues: boolean;
}

export interface Member extends Located {
  id: string;
  name?: string;
  github?: string;
  /** False when the schema rejected `github`: the handle is unknown, not absent (undefined = known). */
  githubKnown?: boolean;
  /** False when any service value was rejected: the member is left out of n(D). */
  serviceKnown: boolean;
  service: ServicePeriod[];
  disclosuresKnown: boolean;
  disclosures: Disclosure[];
  continuationKnown: boolean;
  continuation: ContinuationAnswer[];
}

export interface ChairTerm extends Located {
  index: number;
  member: string;
  from: string;
  to?: string;
  /** 'legacy' or a vote id; when not `electedByKnown`, whatever text the file holds (or ''). */
  electedBy: string;
  /**
   * False when `elected_by` is missing or was rejected: the term's dates and
   * member still count, only its election is unknown.
   */
  electedByKnown: boolean;
  handoverFrom?: string;
}

/**
 * A chair term whose `member`, `from` or `to` is missing or was rejected: it
 * exists, but where it lies in time or whose it is is unknown. It is kept out
 * of `chairTerms` (no rule may guess its dates), and the rules that reason
 * about every term (gaps, runs) skip what it could change.
 */
export interface UnknownChairTerm extends Located {
  index: number;
  member?: string;
  from?: string;
  /** undefined: unknown, or open (`open` says which). */
  to?: string;
  /** The term gives no `to` at all. */
  open: boolean;
  /** When known: 'legacy' or a vote id. */
  electedBy?: string;
  handoverFrom?: string;
}

export interface Correction extends Located {
  date: string;
  by: string;
  reason: string;
}

export interface Meeting extends Located {
  /** The file name without `.yaml`: `2025-05-14` or `2025-05-14-2`. */
  id: string;
  /** The parsed file, for comparing a merged record with its next version. */
  raw: unknown;
  /** False for a value the schema rejected (its `schema` finding is the one finding). */
  isKnown: (path: Path) => boolean;
  date?: string;
  kind?: string;
  chairedBy?: string;
  /** undefined: not recorded (or rejected, see presentKnown). */
  present?: string[];
  presentKnown: boolean;
  board?: string[];
  boardKnown: boolean;
  guests: string[];
  minutes?: string;
  agendaRfcs: { rfc: number; path: Path }[];
  corrections: Correction[];
}

export interface Ballot {
  voter: string;
  value: string;
  path: Path;
}

export interface Candidate {
  member: string;
  nominatedBy?: string;
  accepted?: boolean;
  path: Path;
}

export interface Vote extends Located {
  id: string;
  /** The parsed file, for comparing a merged record with its next version. */
  raw: unknown;
  /** False for a value the schema rejected (its `schema` finding is the one finding). */
  isKnown: (path: Path) => boolean;
  date?: string;
  kind?: string;
  motion?: string;
  /** The meeting id, for a vote at a meeting. */
  meeting?: string;
  /** `closes` (and no `closed`): a vote in progress on a pull request, not held yet. */
  async?: { channel?: string; opened?: string; closed?: string; closes?: string };
  /** False when `meeting`/`async` is rejected or both are given. */
  venueKnown: boolean;
  rfc?: number;
  candidates: Candidate[];
  candidatesKnown: boolean;
  subject?: string;
  nomination?: { by?: string; date?: string };
  nominationKnown: boolean;
  questionnaireCirculated?: string;
  questionnaireKnown: boolean;
  /** undefined: no `ballots` key. */
  ballots?: Ballot[];
  ballotsKnown: boolean;
  tally?: { yes: number; no: number; abstain: number };
  tallyKnown: boolean;
  recused: string[];
  recusedKnown: boolean;
  tieBreak?: { by?: string; vote?: string; designatedBy?: string };
  tieBreakKnown: boolean;
  result?: string;
  nullifiedBy?: string;
  corrections: Correction[];
}

export interface BoardInput {
  required?: boolean;
  topics: string[];
  received?: string | null;
}

export interface Rfc {
  file: string;
  /** The number the front matter gives, else the file name's. */
  number: number;
  /**
   * False when the front matter's `rfc` is missing or was rejected: `number`
   * is then the file name's, good for finding the RFC a reference names, but
   * not a number the RFC holds (no clash is judged on it).
   */
  numberKnown: boolean;
  fileNumber: number;
  slug: string;
  title?: string;
  authors: string[];
  status?: string;
  created?: string;
  updated?: string;
  pr?: number;
  discussionSince?: string;
  fcpSince?: string;
  fcpSinceKnown: boolean;
  decision?: string;
  /** False when the schema rejected the value: rules skip it instead of calling it missing. */
  decisionKnown: boolean;
  boardInput?: BoardInput;
  boardInputKnown: boolean;
  supersedes: number[];
  supersedesKnown: boolean;
  supersededBy?: number | null;
  supersededByKnown: boolean;
  /** False when the front matter could not be read at all. */
  readable: boolean;
}

export interface Sig extends Located {
  id: string;
  name?: string;
  technical: boolean;
  liaison?: { member: string } | { name: string };
  liaisonKnown: boolean;
}

/** Records whose file was skipped (unreadable): known to exist, contents unknown. */
export interface Skipped {
  members: Set<string>;
  meetings: Set<string>;
  votes: Set<string>;
  sigs: Set<string>;
  rfcs: Set<number>;
  chairTerms: boolean;
}

export interface CodeOwnersFile {
  /** Whether the repository has a `.github/` folder at all. */
  githubDir: boolean;
  /** The text of `.github/CODEOWNERS`, if it exists. */
  text?: string;
  /** `.github/` or CODEOWNERS is a link or cannot be read: it was not read, and this is why. */
  problem?: FileProblem & { path: string };
}

/** Why a file or folder was not read (found by the shell, reported by the loader). */
export type FileProblem =
  | { kind: 'symlink'; folder?: boolean }
  | { kind: 'unreadable'; detail: string; folder?: boolean }
  | { kind: 'special'; detail: string }
  | { kind: 'too-large'; size: number };

/**
 * The records of a folder that could not be read: every id may exist. Rules
 * then treat any reference into it as a skipped record (unknown, not
 * missing), so one unreadable folder is one finding.
 */
export class EverySet<T> extends Set<T> {
  override has(_value: T): boolean {
    return true;
  }
  /** Unknown how many: as many as anyone asks about. */
  override get size(): number {
    return Number.MAX_SAFE_INTEGER;
  }
}

export interface Model {
  today: string;
  /** Absent when charter.yaml is missing, unreadable or invalid: rules that read its numbers do not run. */
  charter?: Charter;
  /** The charter's records_since when readable, even if other charter values are not. */
  recordsSince?: string;
  members: Map<string, Member>;
  chairTermsFile: string;
  chairTerms: ChairTerm[];
  /** Chair terms whose member or dates are unknown (see UnknownChairTerm); absent = none. */
  chairTermsUnknown?: UnknownChairTerm[];
  meetings: Map<string, Meeting>;
  votes: Map<string, Vote>;
  rfcs: Rfc[];
  sigs: Map<string, Sig>;
  skipped: Skipped;
  codeowners: CodeOwnersFile;
  /** Findings of the record rules made while reading (yaml-syntax, schema, file-name). */
  loadFindings: LoadFinding[];
  /** Meeting file names (without .yaml) of meetings whose `date` could not be read. */
  meetingIdsWithUnknownDate: string[];
  /**
   * The base revision's model when checking a pull request (`summary`); the
   * git rules compare against it and report nothing without it.
   */
  base?: Model;
  /**
   * In a pull request judged by the base branch's charter: what the head's
   * own charter.yaml proposes (its numbers apply once merged, never to the
   * PR that brings them).
   */
  proposed?: { charter?: Charter; recordsSince?: string };
}

/**
 * A pull request is judged by the charter of the branch it merges into: a
 * PR that changes `charter.yaml` cannot re-judge its own records (setting
 * `records_since: 2099-01-01` would otherwise turn its own errors into
 * warnings). The head keeps what it proposes in `proposed`. Without a
 * readable base charter (a repository's first charter), the head's stands.
 * Call before any rule runs on `head`: results are memoized per model.
 */
export function judgeByBaseCharter(head: Model, base: Model): void {
  head.base = base;
  head.proposed = {
    ...(head.charter ? { charter: head.charter } : {}),
    ...(head.recordsSince !== undefined ? { recordsSince: head.recordsSince } : {}),
  };
  if (base.charter) {
    head.charter = base.charter;
    head.recordsSince = base.recordsSince;
  } else if (base.recordsSince !== undefined) head.recordsSince = base.recordsSince;
}

// ---------------------------------------------------------------------------
// Reading plain values defensively: the schema has already reported what is
// wrong, so here a value of the wrong shape is simply unknown.

type Obj = Record<string, unknown>;
type Known = (path: Path) => boolean;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const date = (v: unknown): string | undefined => (isIsoDate(v) ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');

/** The value at `key` when the schema did not reject it. */
function field(obj: Obj, base: Path, key: string, known: Known): unknown {
  return known([...base, key]) ? obj[key] : undefined;
}

function corrections(obj: Obj, file: string, known: Known): Correction[] {
  const out: Correction[] = [];
  list(obj.corrections).forEach((c, i) => {
    const path = ['corrections', i];
    if (!isObj(c) || !known(path)) return;
    const d = date(c.date);
    const by = str(c.by);
    const reason = str(c.reason);
    if (d && by && reason) out.push({ file, path, date: d, by, reason });
  });
  return out;
}

/** A time zone the runtime's time zone data knows (IANA names, and UTC). */
function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * `meetings.schedule` once the schema accepted it, with what the schema
 * cannot check: `start` on `weekday`, a time zone the runtime knows. Such a
 * schedule is left out (the calendar would be wrong) and the problem said.
 */
function readSchedule(v: unknown): { schedule?: MeetingSchedule; problem?: { path: Path; message: string } } {
  if (!isObj(v)) return {};
  const everyWeeks = int(v.every_weeks);
  const day = WEEKDAYS.find((w) => w === v.weekday);
  const start = date(v.start);
  const time = str(v.time_utc) ?? str(v.time);
  const timeZone = v.time_utc !== undefined ? 'UTC' : str(v.time_zone);
  const duration = int(v.duration_minutes);
  if (everyWeeks === undefined || !day || !start || time === undefined || timeZone === undefined) return {};
  const path = ['meetings', 'schedule'];
  if (!knownTimeZone(timeZone))
    return {
      problem: {
        path: [...path, 'time_zone'],
        message: `meetings.schedule.time_zone: ${JSON.stringify(timeZone)} is not a time zone name known here (an IANA name such as America/New_York or Europe/Paris, or UTC): the calendar leaves the schedule out`,
      },
    };
  const actual = WEEKDAYS[weekdayOf(start)] ?? '';
  if (actual !== day)
    return {
      problem: {
        path: [...path, 'start'],
        message: `meetings.schedule.start: ${start} is a ${actual}, not a ${day} (weekday): the meetings fall every ${everyWeeks} week(s) from start, so start must be the first of them; the calendar leaves the schedule out`,
      },
    };
  return { schedule: { everyWeeks, weekday: day, time, timeZone, ...(duration !== undefined ? { durationMinutes: duration } : {}), start } };
}

export function readCharter(
  value: unknown,
  file: string,
  known: Known,
): { charter?: Charter; recordsSince?: string; problems?: { path: Path; message: string }[] } {
  if (!isObj(value)) return {};
  const recordsSince = known(['records_since']) ? date(value.records_since) : undefined;
  // The charter is all-or-nothing: a rule computing quorum from a half-read
  // charter would report faults that are not there.
  if (!known([])) return recordsSince ? { recordsSince } : {};
  const q = isObj(value.quorum) ? value.quorum : {};
  const chair = isObj(value.chair) ? value.chair : {};
  const meetings = isObj(value.meetings) ? value.meetings : {};
  const membership = isObj(value.membership) ? value.membership : {};
  const disclosure = isObj(value.disclosure) ? value.disclosure : {};
  const rfc = isObj(value.rfc) ? value.rfc : {};
  const parts = {
    committee: str(value.committee),
    boardAppointment: date(value.board_appointment),
    recordsSince,
    fraction: num(q.fraction),
    plus: int(q.plus),
    minimum: int(q.minimum),
    majority: str(value.majority),
    tieBreak: value.tie_break === 'chair' || value.tie_break === 'none' ? value.tie_break : undefined,
    termMonths: int(chair.term_months),
    maxConsecutive: int(chair.max_consecutive_terms),
    minPerMonth: int(meetings.min_per_calendar_month),
    review: int(membership.review_business_days),
    selfNomination: bool(membership.self_nomination),
    maxAge: int(disclosure.max_age_months),
  };
  if (Object.values(parts).some((v) => v === undefined)) return recordsSince ? { recordsSince } : {};
  const { schedule, problem } = readSchedule(meetings.schedule);
  return {
    recordsSince,
    ...(problem ? { problems: [problem] } : {}),
    charter: {
      file,
      path: [],
      committee: parts.committee!,
      boardAppointment: parts.boardAppointment!,
      recordsSince: parts.recordsSince!,
      quorum: { fraction: parts.fraction!, plus: parts.plus!, minimum: parts.minimum! },
      majority: parts.majority!,
      tieBreak: parts.tieBreak === 'none' ? 'none' : 'chair',
      chair: { termMonths: parts.termMonths!, maxConsecutiveTerms: parts.maxConsecutive!, checkIn: chair.check_in !== false },
      meetings: { minPerCalendarMonth: parts.minPerMonth!, ...(schedule ? { schedule } : {}) },
      membership: {
        reviewBusinessDays: parts.review!,
        selfNomination: parts.selfNomination!,
        majorityOf: membership.majority_of === 'votes-cast' ? 'votes-cast' : 'members',
      },
      disclosure: { maxAgeMonths: parts.maxAge! },
      rfc: { boardInputTopics: strings(rfc.board_input_topics) },
      attestation: value.attestation === 'required' ? 'required' : 'reported',
    },
  };
}

export function readMember(value: unknown, file: string, fileId: string, known: Known): Member {
  const obj = isObj(value) ? value : {};
  // A missing `service`, or a period that lacks `from` or `appointed_by`, or
  // gives `left` without `to`, is the schema's finding alone: the member's
  // service is then unknown, as with a rejected value, never "not serving" or
  // "still serving" (a guess that would cascade into every meeting and vote).
  let serviceKnown = known(['service']) && Array.isArray(obj.service);
  const service: ServicePeriod[] = [];
  if (serviceKnown) {
    list(obj.service).forEach((p, index) => {
      const from = isObj(p) ? date(p.from) : undefined;
      const appointedBy = isObj(p) ? str(p.appointed_by) : undefined;
      if (!isObj(p) || !from || !appointedBy || (p.left !== undefined && p.to === undefined)) {
        serviceKnown = false;
        return;
      }
      const to = date(p.to);
      const left = str(p.left);
      service.push({
        file,
        path: ['service', index],
        index,
        from,
        appointedBy,
        ...(to ? { to } : {}),
        ...(left ? { left } : {}),
      });
    });
  }
  // Likewise an entry that lacks a required key leaves the list unknown,
  // never "no disclosure" or "no answer".
  let disclosuresKnown = known(['disclosures']);
  const disclosures: Disclosure[] = [];
  if (disclosuresKnown) {
    list(obj.disclosures).forEach((d, i) => {
      const dd = isObj(d) ? date(d.date) : undefined;
      const employer = isObj(d) ? str(d.employer) : undefined;
      if (!isObj(d) || !dd || employer === undefined) {
        disclosuresKnown = false;
        return;
      }
      disclosures.push({ file, path: ['disclosures', i], date: dd, employer, conflicts: strings(d.conflicts) });
    });
  }
  let continuationKnown = known(['continuation']);
  const continuation: ContinuationAnswer[] = [];
  if (continuationKnown) {
    list(obj.continuation).forEach((c, i) => {
      const dd = isObj(c) ? date(c.date) : undefined;
      const continues = isObj(c) ? bool(c.continues) : undefined;
      if (!isObj(c) || !dd || continues === undefined) {
        continuationKnown = false;
        return;
      }
      continuation.push({ file, path: ['continuation', i], date: dd, continues });
    });
  }
  const name = str(field(obj, [], 'name', known));
  const github = str(field(obj, [], 'github', known));
  return {
    file,
    path: [],
    id: str(field(obj, [], 'id', known)) ?? fileId,
    ...(name !== undefined ? { name } : {}),
    ...(github !== undefined ? { github } : {}),
    ...(known(['github']) ? {} : { githubKnown: false }),
    serviceKnown,
    service: serviceKnown ? service : [],
    disclosuresKnown,
    disclosures: disclosuresKnown ? disclosures : [],
    continuationKnown,
    continuation: continuationKnown ? continuation : [],
  };
}

export function readChairTerms(
  value: unknown,
  file: string,
  known: Known,
  unknownOut?: UnknownChairTerm[],
): ChairTerm[] {
  const obj = isObj(value) ? value : {};
  const terms: ChairTerm[] = [];
  list(obj.terms).forEach((t, index) => {
    const path = ['terms', index];
    const term: Obj = isObj(t) ? t : {};
    const read = <T>(key: string, as: (v: unknown) => T | undefined): T | undefined =>
      known([...path, key]) ? as(term[key]) : undefined;
    const member = read('member', str);
    const from = read('from', date);
    const electedBy = read('elected_by', str);
    const handoverFrom = read('handover_from', str);
    const open = isObj(t) && t.to === undefined;
    // An unreadable `to` is unknown, not "still open".
    const to = open ? undefined : read('to', date);
    if (!isObj(t) || !member || !from || (!open && !to)) {
      // A value the schema rejected (or a missing key) is unknown, not absent:
      // the term still exists, so no rule may report a gap or a run it could fill.
      unknownOut?.push({
        file,
        path,
        index,
        open,
        ...(member ? { member } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(electedBy ? { electedBy } : {}),
        ...(handoverFrom ? { handoverFrom } : {}),
      });
      return;
    }
    const rawElectedBy = t.elected_by;
    terms.push({
      file,
      path,
      index,
      member,
      from,
      // An unknown election leaves the term's dates and member standing.
      electedBy: electedBy ?? (typeof rawElectedBy === 'string' ? rawElectedBy : ''),
      electedByKnown: electedBy !== undefined,
      ...(to ? { to } : {}),
      ...(handoverFrom ? { handoverFrom } : {}),
    });
  });
  return terms;
}

export function readMeeting(value: unknown, file: string, fileId: string, known: Known): Meeting {
  const obj = isObj(value) ? value : {};
  const presentKnown = known(['present']);
  const boardKnown = known(['board']);
  const d = date(field(obj, [], 'date', known));
  const kind = str(field(obj, [], 'kind', known));
  const chairedBy = str(field(obj, [], 'chaired_by', known));
  const minutes = str(field(obj, [], 'minutes', known));
  const agendaRfcs: { rfc: number; path: Path }[] = [];
  list(obj.agenda).forEach((item, i) => {
    const n = isObj(item) && known(['agenda', i, 'rfc']) ? int(item.rfc) : undefined;
    if (n !== undefined) agendaRfcs.push({ rfc: n, path: ['agenda', i, 'rfc'] });
  });
  return {
    file,
    path: [],
    id: fileId,
    raw: value,
    isKnown: known,
    ...(d ? { date: d } : {}),
    ...(kind ? { kind } : {}),
    ...(chairedBy ? { chairedBy } : {}),
    ...(presentKnown && Array.isArray(obj.present) ? { present: strings(obj.present) } : {}),
    presentKnown,
    ...(boardKnown && Array.isArray(obj.board) ? { board: strings(obj.board) } : {}),
    boardKnown,
    guests: strings(obj.guests),
    ...(minutes ? { minutes } : {}),
    agendaRfcs,
    corrections: corrections(obj, file, known),
  };
}

export function readVote(value: unknown, file: string, fileId: string, known: Known): Vote {
  const obj = isObj(value) ? value : {};
  const get = (key: string): unknown => field(obj, [], key, known);
  const meeting = str(get('meeting'));
  const asyncRaw = get('async');
  const bothVenues = obj.meeting !== undefined && obj.async !== undefined;
  const venueKnown = !bothVenues && known(['meeting']) && known(['async']);
  const ballotsKnown = known(['ballots']);
  let ballots: Ballot[] | undefined;
  if (isObj(obj.ballots) && ballotsKnown) {
    ballots = Object.entries(obj.ballots).map(([voter, v]) => ({
      voter,
      value: typeof v === 'string' ? v : String(v),
      path: ['ballots', voter],
    }));
  }
  const tallyKnown = known(['tally']);
  let tally: Vote['tally'];
  if (isObj(obj.tally) && tallyKnown) {
    const yes = int(obj.tally.yes);
    const no = int(obj.tally.no);
    const abstain = int(obj.tally.abstain);
    if (yes !== undefined && no !== undefined && abstain !== undefined) tally = { yes, no, abstain };
  }
  // A candidate without `member` (the schema's finding) leaves the list
  // unknown: every ballot would otherwise be "for a non-candidate".
  // So does a chair election without its required `candidates`.
  let candidatesKnown = known(['candidates']) && !(obj.candidates === undefined && obj.kind === 'chair-election');
  const candidates: Candidate[] = [];
  if (candidatesKnown) {
    list(obj.candidates).forEach((c, i) => {
      const member = isObj(c) ? str(c.member) : undefined;
      if (!isObj(c) || !member) {
        candidatesKnown = false;
        return;
      }
      const nominatedBy = str(c.nominated_by);
      const accepted = bool(c.accepted);
      candidates.push({
        member,
        path: ['candidates', i],
        ...(nominatedBy ? { nominatedBy } : {}),
        ...(accepted !== undefined ? { accepted } : {}),
      });
    });
  }
  const nominationKnown = known(['nomination']);
  const nominationRaw = nominationKnown && isObj(obj.nomination) ? obj.nomination : undefined;
  const tieBreakKnown = known(['tie_break']);
  const tieRaw = tieBreakKnown && isObj(obj.tie_break) ? obj.tie_break : undefined;
  const d = date(get('date'));
  const kind = str(get('kind'));
  const motion = str(get('motion'));
  const rfc = int(get('rfc'));
  const subject = str(get('subject'));
  const questionnaireKnown = known(['questionnaire_circulated']);
  const questionnaire = date(get('questionnaire_circulated'));
  const result = str(get('result'));
  const nullifiedBy = str(get('nullified_by'));
  const recusedKnown = known(['recused']);
  return {
    file,
    path: [],
    id: str(get('id')) ?? fileId,
    raw: value,
    isKnown: known,
    ...(d ? { date: d } : {}),
    ...(kind ? { kind } : {}),
    ...(motion !== undefined ? { motion } : {}),
    ...(meeting && !bothVenues ? { meeting } : {}),
    ...(isObj(asyncRaw) && !bothVenues
      ? {
          async: {
            ...(str(asyncRaw.channel) !== undefined ? { channel: str(asyncRaw.channel) } : {}),
            ...(date(asyncRaw.opened) ? { opened: date(asyncRaw.opened) } : {}),
            ...(date(asyncRaw.closed) ? { closed: date(asyncRaw.closed) } : {}),
            ...(date(asyncRaw.closes) ? { closes: date(asyncRaw.closes) } : {}),
          },
        }
      : {}),
    venueKnown,
    ...(rfc !== undefined ? { rfc } : {}),
    candidates: candidatesKnown ? candidates : [],
    candidatesKnown,
    ...(subject ? { subject } : {}),
    ...(nominationRaw
      ? {
          nomination: {
            ...(str(nominationRaw.by) ? { by: str(nominationRaw.by) } : {}),
            ...(date(nominationRaw.date) ? { date: date(nominationRaw.date) } : {}),
          },
        }
      : {}),
    nominationKnown,
    ...(questionnaire ? { questionnaireCirculated: questionnaire } : {}),
    questionnaireKnown,
    ...(ballots ? { ballots } : {}),
    ballotsKnown,
    ...(tally ? { tally } : {}),
    tallyKnown,
    recused: recusedKnown ? strings(obj.recused) : [],
    recusedKnown,
    ...(tieRaw
      ? {
          tieBreak: {
            ...(str(tieRaw.by) ? { by: str(tieRaw.by) } : {}),
            ...(str(tieRaw.vote) ? { vote: str(tieRaw.vote) } : {}),
            ...(str(tieRaw.designated_by) ? { designatedBy: str(tieRaw.designated_by) } : {}),
          },
        }
      : {}),
    tieBreakKnown,
    ...(result ? { result } : {}),
    ...(nullifiedBy ? { nullifiedBy } : {}),
    corrections: corrections(obj, file, known),
  };
}

export function readRfc(
  value: unknown,
  file: string,
  fileNumber: number,
  slug: string,
  known: Known,
): Rfc {
  const obj = isObj(value) ? value : {};
  const get = (key: string): unknown => field(obj, [], key, known);
  const number = int(get('rfc'));
  const boardInputKnown = known(['board_input']);
  const bi = boardInputKnown && isObj(obj.board_input) ? obj.board_input : undefined;
  const supersededByRaw = get('superseded_by');
  const out: Rfc = {
    file,
    number: number ?? fileNumber,
    numberKnown: number !== undefined,
    fileNumber,
    slug,
    authors: strings(get('authors')),
    boardInputKnown,
    decisionKnown: known(['decision']),
    fcpSinceKnown: known(['fcp_since']),
    supersedes: list(get('supersedes')).filter((n): n is number => typeof n === 'number' && Number.isInteger(n)),
    supersedesKnown: known(['supersedes']),
    supersededByKnown: known(['superseded_by']),
    readable: true,
  };
  const title = str(get('title'));
  if (title !== undefined) out.title = title;
  const status = str(get('status'));
  if (status) out.status = status;
  const created = date(get('created'));
  if (created) out.created = created;
  const updated = date(get('updated'));
  if (updated) out.updated = updated;
  const pr = int(get('pr'));
  if (pr !== undefined) out.pr = pr;
  const discussionSince = date(get('discussion_since'));
  if (discussionSince) out.discussionSince = discussionSince;
  const fcpSince = date(get('fcp_since'));
  if (fcpSince) out.fcpSince = fcpSince;
  const decision = str(get('decision'));
  if (decision) out.decision = decision;
  if (bi) {
    const required = bool(bi.required);
    const received = bi.received === null ? null : date(bi.received);
    out.boardInput = {
      ...(required !== undefined ? { required } : {}),
      topics: strings(bi.topics),
      ...(received !== undefined ? { received } : {}),
    };
  }
  if (supersededByRaw === null) out.supersededBy = null;
  else if (int(supersededByRaw) !== undefined) out.supersededBy = int(supersededByRaw)!;
  return out;
}

export function readSig(value: unknown, file: string, fileId: string, known: Known): Sig {
  const obj = isObj(value) ? value : {};
  const raw = known(['liaison']) ? obj.liaison : undefined;
  let liaison: Sig['liaison'];
  if (typeof raw === 'string') liaison = { member: raw };
  else if (isObj(raw) && typeof raw.name === 'string') liaison = { name: raw.name };
  // A liaison that is given but cannot be read is unknown, not absent.
  const liaisonKnown = obj.liaison === undefined || liaison !== undefined;
  const name = str(field(obj, [], 'name', known));
  return {
    file,
    path: [],
    id: str(field(obj, [], 'id', known)) ?? fileId,
    ...(name !== undefined ? { name } : {}),
    technical: bool(field(obj, [], 'technical', known)) ?? false,
    ...(liaison ? { liaison } : {}),
    liaisonKnown,
  };
}

/** A vote in progress on a pull request (`async.closes`, no `closed`): it decides nothing yet. */
export function inProgress(vote: Vote): boolean {
  return vote.async !== undefined && vote.async.closes !== undefined && vote.async.closed === undefined;
}
