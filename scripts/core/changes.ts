// What a pull request changes, from the base model and the head model: the
// votes it records (with their tally and quorum), members joining and
// leaving, chair terms, meetings, RFC status changes, disclosures, and
// whether it touches the rules themselves. Pure; report.ts puts it in words.
import type {
  Ballot,
  ChairTerm,
  Charter,
  Correction,
  Meeting,
  Member,
  Model,
  Rfc,
  ServicePeriod,
  Sig,
  Vote,
} from './model.ts';
import { charterLeaves, type CharterTexts } from './charter-text.ts';
import type { Path } from './types.ts';
import { quorumFor, servingOn } from './committee.ts';
import { inProgress } from './model.ts';
import { analyzeVote } from './votes.ts';

// ---------------------------------------------------------------------------
// Comparing one record on two sides, field by field. Shared with the
// record-immutable rule, so "changed" means the same in the rule and the report.

export interface FieldChange {
  /** Where the change is in the head file (the key itself when it was removed). */
  path: Path;
  /** `ballots.dan`, `present`, `result`. */
  label: string;
  before?: string;
  after?: string;
  /** For a charter number: the charter text beside it. */
  text?: string;
}

type Plain = string | number | boolean | null | undefined | Plain[] | { [k: string]: Plain };

const show = (v: Plain): string | undefined => {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map((x) => show(x) ?? '').join(', ')}]`;
  if (v !== null && typeof v === 'object')
    return `{ ${Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${k}: ${show(x) ?? ''}`)
      .join(', ')} }`;
  return String(v);
};

const same = (a: Plain, b: Plain): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));

/** [key, before, after, both sides known]: a value the schema rejected on either side is not compared. */
type FieldRow = readonly [string, Plain, Plain, boolean?];

function compareFields(fields: readonly FieldRow[], out: FieldChange[]): void {
  for (const [key, before, after, known = true] of fields) {
    if (!known || same(before, after)) continue;
    out.push({
      path: [key],
      label: key,
      ...(show(before) !== undefined ? { before: show(before) } : {}),
      ...(show(after) !== undefined ? { after: show(after) } : {}),
    });
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every difference between two parsed values, as paths into the head file. */
function diffValues(
  before: unknown,
  after: unknown,
  path: (string | number)[],
  rejected: (path: Path) => boolean,
  out: FieldChange[],
): void {
  if (before === after || rejected(path)) return;
  // A mapping or list is compared entry by entry even when a value inside it
  // was rejected: only that value is unknown, never its siblings.
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(after), ...Object.keys(before)])) {
      if (path.length === 0 && key === 'corrections') continue;
      diffValues(own(before, key), own(after, key), [...path, key], rejected, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((b, i) => diffValues(b, after[i], [...path, i], rejected, out));
    return;
  }
  if (sameValue(before, after)) return;
  const b = show(before as Plain);
  const a = show(after as Plain);
  out.push({
    // A removed key is located at its parent, which is still in the head file.
    path: after === undefined ? path.slice(0, -1) : path,
    label: path.join('.'),
    ...(b !== undefined ? { before: b } : {}),
    ...(a !== undefined ? { after: a } : {}),
  });
}

/** A key's own value: never one inherited from Object.prototype (`constructor`, `toString`). */
const own = (obj: Record<string, unknown>, key: string): unknown => (Object.hasOwn(obj, key) ? obj[key] : undefined);

/** Deep equality of parsed values, key order aside (`.nan` equals `.nan`, as JSON compared them). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(own(a, k), own(b, k)));
  }
  return false;
}

/** A child no schema path can name: `isKnown` of it is false only inside a rejected value. */
const PROBE = '\u0000probe';

/**
 * Is `path` a value the schema rejected, or inside one, on this side? Not
 * merely a mapping that holds a rejected value somewhere below: that one's
 * other entries are still known, and a change to them still counts.
 */
function rejectedAt(record: RawRecord, path: Path): boolean {
  return path.length > 0 && !record.isKnown([...path, PROBE]);
}

/**
 * How a record's parsed content differs, `corrections` aside. The parsed
 * values are compared, so comments, layout, key order and quoting never
 * count, and every key does (`notes` and `source` too), except values the
 * schema rejected on either side (and only those: a rejected ballot hides
 * no other ballot).
 */
export function recordChanges(base: RawRecord, head: RawRecord): FieldChange[] {
  const out: FieldChange[] = [];
  // A value the schema rejects on either side is unknown: the schema's finding is the one finding.
  const rejected = (path: Path): boolean => rejectedAt(base, path) || rejectedAt(head, path);
  diffValues(base.raw, head.raw, [], rejected, out);
  return out;
}

interface RawRecord {
  raw: unknown;
  isKnown: (path: Path) => boolean;
}

export const voteChanges = (base: Vote, head: Vote): FieldChange[] => recordChanges(base, head);
export const meetingChanges = (base: Meeting, head: Meeting): FieldChange[] => recordChanges(base, head);

export type CorrectionsCheck =
  | { ok: true; appended: Correction[] }
  /** An entry the base has was changed or removed: `index` is its place, `date` and `by` what it said. */
  | { ok: false; index: number; date?: string; by?: string };

const rawCorrections = (record: RawRecord | undefined): unknown[] => {
  const raw = record && isRecord(record.raw) ? own(record.raw, 'corrections') : undefined;
  return Array.isArray(raw) ? raw : [];
};

/**
 * Corrections are append-only: the base's entries stay, in order and in
 * every key (`source` and `notes` too, layout and key order aside), and new
 * ones follow. Given the two records, their parsed entries are compared;
 * else the model's date, by and reason.
 */
export function correctionsOf(
  base: readonly Correction[],
  head: readonly Correction[],
  records?: { base: RawRecord; head: RawRecord },
): CorrectionsCheck {
  if (records) {
    const before = rawCorrections(records.base);
    const after = rawCorrections(records.head);
    for (let i = 0; i < before.length; i++) {
      if (sameValue(before[i], after[i])) continue;
      const entry = before[i];
      const date = isRecord(entry) && typeof entry.date === 'string' ? entry.date : undefined;
      const by = isRecord(entry) && typeof entry.by === 'string' ? entry.by : undefined;
      return { ok: false, index: i, ...(date !== undefined ? { date } : {}), ...(by !== undefined ? { by } : {}) };
    }
  }
  for (let i = 0; i < base.length; i++) {
    const b = base[i];
    const h = head[i];
    if (!b || !h || b.date !== h.date || b.by !== h.by || b.reason !== h.reason)
      return { ok: false, index: i, ...(b ? { date: b.date, by: b.by } : {}) };
  }
  return { ok: true, appended: head.slice(base.length) };
}

// ---------------------------------------------------------------------------
// RFCs on the two sides: matched by path, or by slug when numbering renames
// `0000-<slug>.md` (catalogue: rfc-transition).

export interface RfcPair {
  base?: Rfc;
  head?: Rfc;
}

const pairs = new WeakMap<Model, { base: Model; pairs: RfcPair[] }>();

/** Base and head RFCs side by side (computed once per pair of models). */
export function matchRfcs(base: Model, head: Model): RfcPair[] {
  const cached = pairs.get(head);
  if (cached?.base === base) return cached.pairs;
  const byFile = new Map(base.rfcs.map((r) => [r.file, r]));
  const headFiles = new Set(head.rfcs.map((r) => r.file));
  const used = new Set<Rfc>();
  const out: RfcPair[] = [];
  const unmatched: Rfc[] = [];
  for (const h of head.rfcs) {
    const b = byFile.get(h.file);
    if (b) {
      used.add(b);
      out.push({ base: b, head: h });
    } else unmatched.push(h);
  }
  // Numbering renames 0000-<slug>.md to NNNN-<slug>.md: the same RFC.
  const drafts = new Map<string, Rfc>();
  for (const r of base.rfcs) if (r.fileNumber === 0 && !used.has(r) && !headFiles.has(r.file)) drafts.set(r.slug, r);
  for (const h of unmatched) {
    const b = drafts.get(h.slug);
    if (b) {
      drafts.delete(h.slug);
      used.add(b);
    }
    out.push({ ...(b ? { base: b } : {}), head: h });
  }
  for (const b of base.rfcs) if (!used.has(b)) out.push({ base: b });
  pairs.set(head, { base, pairs: out });
  return out;
}

// ---------------------------------------------------------------------------
// The changes, structured.

export interface QuorumFacts {
  attendance: number;
  n: number;
  needed: number;
  met: boolean;
  async: boolean;
}

export interface VoteFacts {
  id: string;
  file: string;
  date?: string;
  kind?: string;
  motion?: string;
  /** The meeting id, or undefined for an async vote. */
  meeting?: string;
  result?: string;
  /** The result the charter computes; undefined when it cannot be judged. */
  computedResult?: string;
  /** Every recorded ballot, grouped by value (yes, no, abstain, or a candidate). */
  ballots: { value: string; voters: string[] }[];
  /** The counts behind the computed result (ballots that count, or a tally). */
  tally?: { yes: number; no: number; abstain: number };
  /** Ballots that do not count, and why. */
  notCounted: { voter: string; reason: string }[];
  quorum?: QuorumFacts;
  /** A vote held on the pull request (async.closes): who may vote and the quorum it needs; no ballots yet. */
  inProgress?: { channel?: string; opened?: string; closes: string; serving: string[]; quorumNeeded?: number };
}

export interface VoteChange extends VoteFacts {
  change: 'added' | 'changed' | 'removed';
  fields: FieldChange[];
  correctionsAppended: Correction[];
}

export interface MemberChange {
  id: string;
  file: string;
  name?: string;
  change: 'added' | 'changed' | 'removed';
  joins: ServicePeriod[];
  leaves: ServicePeriod[];
  /** Head periods that changed in another way (a date, the appointing vote). */
  serviceChanged: boolean;
  disclosures: { date: string; employer: string; conflicts: string[] }[];
  continuation: { date: string; continues: boolean }[];
  github?: { before?: string; after?: string };
}

export interface ChairChange {
  member: string;
  from: string;
  change: 'added' | 'closed' | 'changed' | 'removed';
  to?: string;
  electedBy: string;
}

export interface MeetingChange {
  id: string;
  file: string;
  change: 'added' | 'changed' | 'removed';
  date?: string;
  kind?: string;
  /** Present and serving / serving that day. */
  present?: { count: number; n: number };
  guests: string[];
  board?: string[];
  fields: FieldChange[];
  correctionsAppended: Correction[];
}

export interface RfcChange {
  number: number;
  file: string;
  title?: string;
  change: 'added' | 'status' | 'numbered' | 'removed';
  from?: string;
  to?: string;
  /** For `numbered`: the number it had before (0). */
  previousFile?: string;
}

export interface SigChange {
  id: string;
  name?: string;
  change: 'added' | 'changed' | 'removed';
  liaison?: { before?: string; after?: string };
}

export interface PrChanges {
  votes: VoteChange[];
  members: MemberChange[];
  chair: ChairChange[];
  meetings: MeetingChange[];
  rfcs: RfcChange[];
  sigs: SigChange[];
  /** Charter numbers that changed: `quorum`, `chair`... with their values. */
  charter: FieldChange[];
  /** Paths that change the rules (scripts/, schemas/, .github/ but the generated CODEOWNERS alone, the charter). */
  rulePaths: string[];
  /** Every path the PR adds, changes or deletes (records, .github/, scripts/, schemas/). */
  changedPaths: string[];
}

/** Paths whose blob differs between two trees (added, changed or deleted). */
export function changedPaths(base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>): string[] {
  const out = new Set<string>();
  for (const [path, oid] of head) if (base.get(path) !== oid) out.add(path);
  for (const path of base.keys()) if (!head.has(path)) out.add(path);
  return [...out].sort();
}

/**
 * The files at the top of the repository that decide which code runs as the
 * checker: the dependencies `npm ci` installs (a lock file can point a
 * package anywhere), the npm scripts (`npm run comment` is what the poster
 * runs with its write token), npm's settings, and the TypeScript settings
 * the bundler reads (`paths` can swap a module). A change to them changes
 * the rules as much as one under `scripts/`.
 */
export const BUILD_FILES = ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', '.npmrc', 'tsconfig.json'] as const;

const BUILD = new Set<string>(BUILD_FILES);

/**
 * The paths of a change that decide the rules. A change under `.github/`
 * that is only the generated CODEOWNERS does not count (catalogue,
 * `codeowners`): `check` already fails when that file is out of date.
 */
export function rulePaths(paths: readonly string[]): string[] {
  const github = paths.filter((p) => p.startsWith('.github/'));
  const onlyCodeowners = github.length > 0 && github.every((p) => p === '.github/CODEOWNERS');
  return paths.filter(
    (p) =>
      p.startsWith('scripts/') ||
      p.startsWith('schemas/') ||
      p === 'governance/charter.yaml' ||
      BUILD.has(p) ||
      (p.startsWith('.github/') && !onlyCodeowners),
  );
}

export function voteFacts(model: Model, vote: Vote): VoteFacts {
  const a = analyzeVote(model, vote);
  const groups = new Map<string, string[]>();
  for (const b of vote.ballots ?? []) groups.set(b.value, [...(groups.get(b.value) ?? []), b.voter]);
  const order = (v: string): number => (v === 'yes' ? 0 : v === 'no' ? 1 : v === 'abstain' ? 3 : 2);
  const ballots = [...groups.entries()]
    .sort(([x], [y]) => order(x) - order(y) || (x < y ? -1 : x > y ? 1 : 0))
    .map(([value, voters]) => ({ value, voters }));
  const reasons = { 'not-serving': 'not serving', 'not-present': 'not present', recused: 'recused' } as const;
  const facts: VoteFacts = {
    id: vote.id,
    file: vote.file,
    ballots,
    notCounted: a.ineligible.map((i) => ({ voter: i.ballot.voter, reason: reasons[i.reason] })),
  };
  if (vote.date) facts.date = vote.date;
  if (inProgress(vote)) {
    const closes = vote.async?.closes ?? '';
    const serving = [...servingOn(model, closes)].sort();
    facts.inProgress = {
      ...(vote.async?.channel !== undefined ? { channel: vote.async.channel } : {}),
      ...(vote.async?.opened !== undefined ? { opened: vote.async.opened } : {}),
      closes,
      serving,
      ...(model.charter ? { quorumNeeded: quorumFor(model.charter, serving.length) } : {}),
    };
  }
  if (vote.kind) facts.kind = vote.kind;
  if (vote.motion !== undefined) facts.motion = vote.motion;
  if (vote.meeting !== undefined) facts.meeting = vote.meeting;
  if (vote.result) facts.result = vote.result;
  if (a.computedResult !== undefined) facts.computedResult = a.computedResult;
  if (a.tally) facts.tally = a.tally;
  else if (vote.tally && vote.tallyKnown && !a.tallyTooLarge) facts.tally = vote.tally;
  if (a.quorumJudged && a.attendance !== undefined && a.n !== undefined && a.quorumNeeded !== undefined)
    facts.quorum = {
      attendance: a.attendance,
      n: a.n,
      needed: a.quorumNeeded,
      met: a.attendance >= a.quorumNeeded,
      async: vote.meeting === undefined,
    };
  return facts;
}

/**
 * The ids of the records in `governance/<folder>/` whose file the PR adds,
 * changes or deletes: a record whose file is unchanged is the same record,
 * so a PR on 25 years of records compares only what it touches.
 */
function touched(paths: readonly string[], folder: string): string[] {
  const prefix = `governance/${folder}/`;
  return paths
    .filter((p) => p.startsWith(prefix) && p.endsWith('.yaml') && p.indexOf('/', prefix.length) === -1)
    .map((p) => p.slice(prefix.length, -'.yaml'.length));
}

function diffVotes(base: Model, head: Model, ids: readonly string[]): VoteChange[] {
  const out: VoteChange[] = [];
  for (const id of ids) {
    const h = head.votes.get(id);
    const b = base.votes.get(id);
    if (!h) {
      if (b && !head.skipped.votes.has(id))
        out.push({ ...voteFacts(base, b), change: 'removed', fields: [], correctionsAppended: [] });
      continue;
    }
    if (!b) {
      out.push({ ...voteFacts(head, h), change: 'added', fields: [], correctionsAppended: [] });
      continue;
    }
    const fields = voteChanges(b, h);
    const corr = correctionsOf(b.corrections, h.corrections, { base: b, head: h });
    const appended = corr.ok ? corr.appended : [];
    if (fields.length === 0 && corr.ok && appended.length === 0) continue;
    out.push({ ...voteFacts(head, h), change: 'changed', fields, correctionsAppended: appended });
  }
  return out.sort((x, y) => cmp(x.date ?? '', y.date ?? '') || cmp(x.id, y.id));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function periodKey(p: ServicePeriod): string {
  return p.from;
}

function diffMember(b: Member | undefined, h: Member | undefined): MemberChange | undefined {
  const m = (h ?? b)!;
  const change: MemberChange = {
    id: m.id,
    file: m.file,
    ...(m.name !== undefined ? { name: m.name } : {}),
    change: !b ? 'added' : !h ? 'removed' : 'changed',
    joins: [],
    leaves: [],
    serviceChanged: false,
    disclosures: [],
    continuation: [],
  };
  if (!h) return change;
  const before = new Map((b?.service ?? []).map((p) => [periodKey(p), p]));
  for (const p of h.service) {
    const was = before.get(periodKey(p));
    if (!was) {
      change.joins.push(p);
      if (p.to) change.leaves.push(p);
    } else if (was.to === undefined && p.to !== undefined) change.leaves.push(p);
    else if (was.to !== p.to || was.appointedBy !== p.appointedBy || was.left !== p.left) change.serviceChanged = true;
  }
  if (b && h.service.length < b.service.length) change.serviceChanged = true;
  const seen = new Set((b?.disclosures ?? []).map((d) => JSON.stringify([d.date, d.employer, d.conflicts])));
  for (const d of h.disclosures)
    if (!seen.has(JSON.stringify([d.date, d.employer, d.conflicts])))
      change.disclosures.push({ date: d.date, employer: d.employer, conflicts: d.conflicts });
  const answered = new Set((b?.continuation ?? []).map((c) => `${c.date}:${c.continues}`));
  for (const c of h.continuation)
    if (!answered.has(`${c.date}:${c.continues}`)) change.continuation.push({ date: c.date, continues: c.continues });
  if (b && (b.github ?? '') !== (h.github ?? ''))
    change.github = { ...(b.github ? { before: b.github } : {}), ...(h.github ? { after: h.github } : {}) };
  const nothing =
    change.change === 'changed' &&
    change.joins.length === 0 &&
    change.leaves.length === 0 &&
    !change.serviceChanged &&
    change.disclosures.length === 0 &&
    change.continuation.length === 0 &&
    !change.github;
  return nothing ? undefined : change;
}

function diffMembers(base: Model, head: Model, ids: readonly string[]): MemberChange[] {
  const out: MemberChange[] = [];
  for (const id of ids) {
    const h = head.members.get(id);
    const b = base.members.get(id);
    if (!h && (!b || head.skipped.members.has(id))) continue;
    const c = diffMember(b, h);
    if (c) out.push(c);
  }
  return out.sort((x, y) => cmp(x.id, y.id));
}

function diffChair(base: Model, head: Model): ChairChange[] {
  const key = (t: ChairTerm): string => `${t.member}\u0000${t.from}`;
  const before = new Map(base.chairTerms.map((t) => [key(t), t]));
  const after = new Set(head.chairTerms.map(key));
  const out: ChairChange[] = [];
  const entry = (t: ChairTerm, change: ChairChange['change']): ChairChange => ({
    member: t.member,
    from: t.from,
    change,
    electedBy: t.electedBy,
    ...(t.to ? { to: t.to } : {}),
  });
  for (const t of head.chairTerms) {
    const was = before.get(key(t));
    if (!was) out.push(entry(t, 'added'));
    else if (was.to === undefined && t.to !== undefined) out.push(entry(t, 'closed'));
    else if (was.to !== t.to || was.electedBy !== t.electedBy || was.handoverFrom !== t.handoverFrom)
      out.push(entry(t, 'changed'));
  }
  if (!head.skipped.chairTerms) for (const t of base.chairTerms) if (!after.has(key(t))) out.push(entry(t, 'removed'));
  return out.sort((x, y) => cmp(x.from, y.from) || cmp(x.member, y.member));
}

function meetingFacts(model: Model, m: Meeting): Pick<MeetingChange, 'date' | 'kind' | 'present' | 'guests' | 'board'> {
  const out: Pick<MeetingChange, 'date' | 'kind' | 'present' | 'guests' | 'board'> = { guests: m.guests };
  if (m.date) out.date = m.date;
  if (m.kind) out.kind = m.kind;
  if (m.board) out.board = m.board;
  if (m.date && m.present && m.presentKnown) {
    const serving = new Set(servingOn(model, m.date));
    out.present = { count: m.present.filter((id) => serving.has(id)).length, n: serving.size };
  }
  return out;
}

function diffMeetings(base: Model, head: Model, ids: readonly string[]): MeetingChange[] {
  const out: MeetingChange[] = [];
  for (const id of ids) {
    const h = head.meetings.get(id);
    const b = base.meetings.get(id);
    if (!h) {
      if (b && !head.skipped.meetings.has(id))
        out.push({ id, file: b.file, change: 'removed', ...meetingFacts(base, b), fields: [], correctionsAppended: [] });
      continue;
    }
    if (!b) {
      out.push({ id, file: h.file, change: 'added', ...meetingFacts(head, h), fields: [], correctionsAppended: [] });
      continue;
    }
    const fields = meetingChanges(b, h);
    const corr = correctionsOf(b.corrections, h.corrections, { base: b, head: h });
    const appended = corr.ok ? corr.appended : [];
    if (fields.length === 0 && corr.ok && appended.length === 0) continue;
    out.push({ id, file: h.file, change: 'changed', ...meetingFacts(head, h), fields, correctionsAppended: appended });
  }
  return out.sort((x, y) => cmp(x.id, y.id));
}

function diffRfcs(base: Model, head: Model): RfcChange[] {
  const out: RfcChange[] = [];
  for (const { base: b, head: h } of matchRfcs(base, head)) {
    const r = (h ?? b)!;
    const common = { number: r.number, file: r.file, ...(r.title !== undefined ? { title: r.title } : {}) };
    if (!b) out.push({ ...common, change: 'added', ...(r.status ? { to: r.status } : {}) });
    else if (!h) out.push({ ...common, change: 'removed', ...(r.status ? { from: r.status } : {}) });
    else {
      if (b.file !== h.file) out.push({ ...common, change: 'numbered', previousFile: b.file });
      if (b.status && h.status && b.status !== h.status) out.push({ ...common, change: 'status', from: b.status, to: h.status });
    }
  }
  return out.sort((x, y) => x.number - y.number || cmp(x.file, y.file));
}

function liaisonText(s: Sig): string | undefined {
  if (!s.liaison) return undefined;
  return 'member' in s.liaison ? s.liaison.member : s.liaison.name;
}

function diffSigs(base: Model, head: Model, ids: readonly string[]): SigChange[] {
  const out: SigChange[] = [];
  for (const id of ids) {
    const h = head.sigs.get(id);
    const b = base.sigs.get(id);
    if (!h) {
      if (b && !head.skipped.sigs.has(id)) out.push({ id, ...(b.name ? { name: b.name } : {}), change: 'removed' });
      continue;
    }
    const name = h.name !== undefined ? { name: h.name } : {};
    if (!b) out.push({ id, ...name, change: 'added' });
    else if (b.name !== h.name || b.technical !== h.technical || liaisonText(b) !== liaisonText(h)) {
      const before = liaisonText(b);
      const after = liaisonText(h);
      out.push({
        id,
        ...name,
        change: 'changed',
        ...(before !== after ? { liaison: { ...(before ? { before } : {}), ...(after ? { after } : {}) } } : {}),
      });
    }
  }
  return out.sort((x, y) => cmp(x.id, y.id));
}

/**
 * A charter amendment, number by number (old → new), each with the charter
 * text beside it in the amended file (or, when the amendment removed it,
 * in the base's).
 */
function diffCharter(
  base: Charter | undefined,
  head: Charter | undefined,
  texts: { base?: CharterTexts; head?: CharterTexts } = {},
): FieldChange[] {
  if (!base || !head) return [];
  const before = new Map(charterLeaves(base));
  const out: FieldChange[] = [];
  for (const [key, after] of charterLeaves(head)) {
    const old = before.get(key);
    if (same(old, after)) continue;
    const text = texts.head?.get(key) ?? texts.base?.get(key);
    out.push({
      path: key.split('.'),
      label: key,
      ...(show(old) !== undefined ? { before: show(old) } : {}),
      ...(show(after) !== undefined ? { after: show(after) } : {}),
      ...(text !== undefined ? { text } : {}),
    });
  }
  return out;
}

export interface CharterAmendment {
  /** The head's own charter, when the base's judges the PR (summary). */
  proposed?: Charter;
  /** The charter text beside each number, in the base's and in the head's charter.yaml. */
  texts?: { base?: CharterTexts; head?: CharterTexts };
}

/**
 * What the PR changes. `paths` are the files it adds, changes or deletes
 * (changedPaths): only their records are compared.
 */
export function describeChanges(base: Model, head: Model, paths: readonly string[], amendment: CharterAmendment = {}): PrChanges {
  const changed = new Set(paths);
  const proposed = amendment.proposed ?? head.charter;
  return {
    votes: diffVotes(base, head, touched(paths, 'votes')),
    members: diffMembers(base, head, touched(paths, 'members')),
    chair: changed.has(head.chairTermsFile) ? diffChair(base, head) : [],
    meetings: diffMeetings(base, head, touched(paths, 'meetings')),
    rfcs: diffRfcs(base, head),
    sigs: diffSigs(base, head, touched(paths, 'sigs')),
    charter: changed.has('governance/charter.yaml') ? diffCharter(base.charter, proposed, amendment.texts) : [],
    rulePaths: rulePaths(paths),
    changedPaths: [...paths],
  };
}
