// What `npm run record` writes, planned without touching the disk: a new
// record file, or an edit of an existing one (spliced in place, see
// yaml-edit.ts). The shell checks every plan with the same rules as
// `check` before anything is written.
import { chairTermOn, committeeSize, quorumFor, servesIdOn } from './committee.ts';
import { dayBefore, isIsoDate } from './dates.ts';
import { extractFrontMatter } from './source.ts';
import type { LiveVote } from './attest.ts';
import { inProgress, type Model } from './model.ts';
import { rollCall, VOTE_KINDS, type RollCall, type VoteKind } from './roll-call.ts';
import { computeElection, computeResult, majorityOfMembers } from './votes.ts';
import { addEntry, appendItem, assertParsesTo, renameKey, renderValue, setScalar } from './yaml-edit.ts';

/** A mistake in what was asked: said in one line, nothing written. */
export class RecordError extends Error {}

export interface Write {
  path: string;
  text: string;
  /** The file's text before, for an edit; undefined for a new file. */
  before?: string;
}

/** The current text of a repository file (undefined when it does not exist). */
export type ReadText = (path: string) => string | undefined;

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

function requireDate(value: string | undefined, flag: string): string {
  if (value === undefined) throw new RecordError(`${flag} is needed (YYYY-MM-DD)`);
  if (!isIsoDate(value)) throw new RecordError(`${flag} ${value}: expected a real date written YYYY-MM-DD`);
  return value;
}

function requireMember(model: Model, id: string, what: string): void {
  if (!model.members.has(id)) {
    const known = [...model.members.keys()].sort().join(', ');
    throw new RecordError(`${what} "${id}" is not a member: there is no governance/members/${id}.yaml (members: ${known || 'none'})`);
  }
}

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/**
 * A new record file's text, keys in the order given, in the records' style:
 * a list of values on one line (`present: [a, b]`), a list of mappings one
 * flow mapping per line, a small mapping on one line (`async: { ... }`),
 * and the mappings in `block` (ballots) one key per line.
 */
export function renderRecord(entries: [string, Plain | undefined][], block: ReadonlySet<string> = new Set(['ballots'])): string {
  const lines: string[] = [];
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length > 0 && value.every((v) => v !== null && typeof v === 'object'))
      lines.push(`${key}:`, ...value.map((v) => `  - ${renderValue(v, 'flow')}`));
    else if (block.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0)
      lines.push(`${key}:`, ...Object.entries(value).map(([k, v]) => `  ${renderValue(k, 'flow')}: ${renderValue(v, 'flow')}`));
    else lines.push(`${key}: ${renderValue(value, 'flow')}`);
  }
  const text = `${lines.join('\n')}\n`;
  assertParsesTo(text, Object.fromEntries(entries.filter(([, v]) => v !== undefined)));
  return text;
}

// ---------------------------------------------------------------------------
// Meetings

export interface MeetingInput {
  date: string;
  kind?: 'regular' | 'special';
  present: string[];
  chairedBy?: string;
  board?: string[];
  guests?: string[];
  minutes?: string;
}

/** The file name for a meeting on `date`: `<date>`, or `<date>-N` for a further one that day. */
export function nextMeetingId(model: Model, date: string): string {
  const taken = (id: string): boolean => model.meetings.has(id) || model.skipped.meetings.has(id);
  if (!taken(date)) return date;
  for (let n = 2; ; n++) if (!taken(`${date}-${n}`)) return `${date}-${n}`;
}

export function planMeeting(model: Model, input: MeetingInput): Write {
  const date = requireDate(input.date, '--date');
  for (const id of input.present) requireMember(model, id, 'present');
  if (input.chairedBy !== undefined) {
    requireMember(model, input.chairedBy, '--chaired-by');
    if (!input.present.includes(input.chairedBy)) throw new RecordError(`--chaired-by ${input.chairedBy} is not in --present: the chair attends`);
  }
  const id = nextMeetingId(model, date);
  const text = renderRecord([
    ['date', date],
    ['kind', input.kind ?? 'regular'],
    ['chaired_by', input.chairedBy],
    ['present', [...input.present]],
    ['board', input.board ?? []],
    ['guests', input.guests ?? []],
    ['minutes', input.minutes],
  ]);
  return { path: `governance/meetings/${id}.yaml`, text };
}

// ---------------------------------------------------------------------------
// Votes

export interface VoteInput {
  /** A meeting id (file name without .yaml), or undefined for an asynchronous vote. */
  meeting?: string;
  async?: { channel?: string; opened?: string; closed: string };
  kind: string;
  motion: string;
  rfc?: number;
  subject?: string;
  nomination?: { by: string; date: string };
  questionnaireCirculated?: string;
  candidates?: { member: string; nominatedBy: string; accepted: boolean }[];
  /** voter -> yes | no | abstain (chair election: a candidate id | abstain), in the order given. */
  ballots: [string, string][];
  recused?: string[];
  /** `by` may be the word `chair`: the chair in office on the vote's date. */
  tieBreak?: { by: string; vote: string; designatedBy?: string };
  slug?: string;
  notes?: string;
}

export interface VoteOutcome {
  id: string;
  date: string;
  result: string;
  tally?: { yes: number; no: number; abstain: number };
  election?: { votes: [string, number][]; cast: number };
  /** For a meeting vote: the roll call of that meeting (quorum, eligible members). */
  rollCall?: RollCall;
  /** For an async vote: who took part and the quorum. */
  asyncQuorum?: { tookPart: number; needed: number; met: boolean; serving: number };
}

function slugFor(input: Pick<VoteInput, 'slug' | 'kind' | 'rfc' | 'subject' | 'motion'>): string {
  if (input.slug !== undefined) return input.slug;
  if (input.kind === 'rfc' && input.rfc !== undefined) return `rfc-${String(input.rfc).padStart(4, '0')}`;
  if (input.kind === 'chair-election') return 'chair-election';
  if (input.kind === 'membership' && input.subject) return `membership-${input.subject}`;
  const words = input.motion
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 2 && !['the', 'and', 'for', 'with', 'from', 'that', 'this'].includes(w))
    .slice(0, 5);
  return words.length ? words.join('-') : 'decision';
}

export function planVote(model: Model, input: VoteInput): { write: Write; outcome: VoteOutcome } {
  const charter = model.charter;
  if (!charter) throw new RecordError('governance/charter.yaml cannot be read: the result is computed from its numbers');
  const kind = checkVoteHead(model, input);
  if ((input.meeting === undefined) === (input.async === undefined)) throw new RecordError('a vote is at a meeting (--meeting D) or asynchronous (--async --closed D), not both');

  let date: string;
  let call: RollCall | undefined;
  if (input.meeting !== undefined) {
    const meeting = model.meetings.get(input.meeting);
    if (!meeting?.date) throw new RecordError(`there is no meeting ${input.meeting}: record it first (npm run record -- meeting --date ${input.meeting})`);
    date = meeting.date;
    call = rollCall(model, input.meeting, kind, input.candidates?.map((c) => c.member));
  } else date = requireDate(input.async?.closed, '--closed');
  if (input.async?.opened !== undefined) requireDate(input.async.opened, '--opened');

  const voters = input.ballots.map(([v]) => v);
  const dup = voters.find((v, i) => voters.indexOf(v) !== i);
  if (dup) throw new RecordError(`${dup} is given two ballots: each member votes once`);
  for (const v of [...voters, ...(input.recused ?? [])]) requireMember(model, v, 'voter');
  if (call) {
    const eligible = new Set(call.eligible.map((e) => e.id));
    const absent = voters.filter((v) => !eligible.has(v));
    if (absent.length)
      throw new RecordError(
        `${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} not present and serving at meeting ${input.meeting} (present and eligible: ${[...eligible].join(', ') || 'none'}): only members present vote`,
      );
  } else for (const v of voters) if (servesIdOn(model, v, date) !== 'yes') throw new RecordError(`${v} does not serve on ${date}: only serving members vote`);

  const values = kind === 'chair-election' ? undefined : new Set(['yes', 'no', 'abstain']);
  for (const [voter, value] of input.ballots) {
    if (values && !values.has(value)) throw new RecordError(`ballot of ${voter} "${value}": expected yes, no or abstain`);
    if (!values && value !== 'abstain' && !input.candidates?.some((c) => c.member === value))
      throw new RecordError(`ballot of ${voter} "${value}": a chair-election ballot names a candidate (--candidates) or is abstain`);
  }

  let tieBreak = input.tieBreak;
  if (tieBreak?.by === 'chair') {
    const chair = chairTermOn(model, date)?.member;
    if (!chair) throw new RecordError(`--tie-break chair:${tieBreak.vote}: no chair is in office on ${date}`);
    tieBreak = { ...tieBreak, by: chair };
  }
  if (tieBreak && !['yes', 'no'].includes(tieBreak.vote)) throw new RecordError(`--tie-break ${tieBreak.by}:${tieBreak.vote}: the casting vote is yes or no`);

  const outcome: VoteOutcome = { id: newVoteId(model, date, input), date, result: 'not-passed', ...(call ? { rollCall: call } : {}) };

  if (kind === 'chair-election') {
    if (tieBreak) throw new RecordError('a chair election has no tie-break: without more than half of the votes cast no one is elected');
    const election = computeElection(
      input.ballots.map(([, v]) => v),
      new Set(input.candidates?.map((c) => c.member)),
    );
    outcome.result = election.result;
    outcome.election = { votes: [...election.votes.entries()], cast: election.cast };
  } else {
    const tally = { yes: 0, no: 0, abstain: 0 };
    for (const [, v] of input.ballots) tally[v as 'yes' | 'no' | 'abstain']++;
    outcome.tally = tally;
    const { n } = committeeSize(model, date);
    if (tieBreak && (majorityOfMembers(kind, charter) || charter.tieBreak === 'none' || tally.yes !== tally.no || tally.yes === 0))
      throw new RecordError(
        majorityOfMembers(kind, charter)
          ? 'a membership vote needs a majority of the current members: there is no tie-break'
          : charter.tieBreak === 'none'
            ? 'the charter has no tie-break (tie_break: none)'
            : `--tie-break applies only on a tie (this is ${tally.yes} yes to ${tally.no} no)`,
      );
    outcome.result = computeResult({ kind, tally, n, charter, ...(tieBreak ? { tieBreakVote: tieBreak.vote } : {}) }) ?? 'not-passed';
  }
  if (!call) {
    const { n } = committeeSize(model, date);
    const tookPart = new Set([...voters, ...(input.recused ?? [])]).size;
    const needed = quorumFor(charter, n);
    outcome.asyncQuorum = { tookPart, needed, met: tookPart >= needed, serving: n };
  }

  const text = renderRecord([
    ['id', outcome.id],
    ['date', date],
    ['meeting', input.meeting],
    [
      'async',
      input.async
        ? {
            ...(input.async.channel !== undefined ? { channel: input.async.channel } : {}),
            ...(input.async.opened !== undefined ? { opened: input.async.opened } : {}),
            closed: input.async.closed,
          }
        : undefined,
    ],
    ['kind', kind],
    ['motion', input.motion],
    ...subjectEntries(input),
    ['ballots', Object.fromEntries(input.ballots)],
    ['recused', input.recused?.length ? input.recused : undefined],
    [
      'tie_break',
      tieBreak ? { by: tieBreak.by, vote: tieBreak.vote, ...(tieBreak.designatedBy ? { designated_by: tieBreak.designatedBy } : {}) } : undefined,
    ],
    ['result', outcome.result],
    ['notes', input.notes],
  ]);
  return { write: { path: `governance/votes/${outcome.id}.yaml`, text }, outcome };
}

/** What every vote needs, held or opened: a known kind, a motion, and what that kind is about. */
function checkVoteHead(model: Model, input: Pick<VoteInput, 'kind' | 'motion' | 'rfc' | 'subject' | 'candidates'>): VoteKind {
  if (!(VOTE_KINDS as readonly string[]).includes(input.kind)) throw new RecordError(`--kind ${input.kind}: expected one of ${VOTE_KINDS.join(', ')}`);
  if (input.motion.trim() === '') throw new RecordError('--motion is needed: the motion as it is put to the vote');
  if (input.kind === 'rfc' && input.rfc === undefined) throw new RecordError('--rfc N is needed for a vote of kind rfc');
  if (input.kind === 'membership' && input.subject === undefined) throw new RecordError('--subject ID is needed for a membership vote (the candidate)');
  if (input.kind === 'chair-election' && !input.candidates?.length) throw new RecordError('--candidates is needed for a chair election');
  return input.kind as VoteKind;
}

/** `<date>-<slug>`, refused when the slug is not one or the file exists. */
function newVoteId(model: Model, date: string, input: Pick<VoteInput, 'slug' | 'kind' | 'rfc' | 'subject' | 'motion'>): string {
  const id = `${date}-${slugFor(input)}`;
  if (!SLUG.test(id.slice(11))) throw new RecordError(`--slug ${input.slug ?? ''}: lowercase letters, digits and hyphens`);
  if (model.votes.has(id) || model.skipped.votes.has(id)) throw new RecordError(`governance/votes/${id}.yaml exists already: give this vote its own --slug`);
  return id;
}

/** What a vote is about, in the data model's key order: the RFC, the candidates, the membership subject. */
function subjectEntries(input: Pick<VoteInput, 'rfc' | 'candidates' | 'subject' | 'nomination' | 'questionnaireCirculated'>): [string, Plain | undefined][] {
  return [
    ['rfc', input.rfc],
    ['candidates', input.candidates?.map((c) => ({ member: c.member, nominated_by: c.nominatedBy, accepted: c.accepted }))],
    ['subject', input.subject],
    ['nomination', input.nomination ? { by: input.nomination.by, date: input.nomination.date } : undefined],
    ['questionnaire_circulated', input.questionnaireCirculated],
  ];
}

/**
 * A vote opened on a pull request: `async: { channel, opened, closes }` and
 * no ballots or result. Members vote with `/vote` comments on the PR until
 * the end of `closes`; `planBallots` records them after.
 */
export function planOpenVote(model: Model, input: Omit<VoteInput, 'ballots' | 'meeting' | 'async' | 'tieBreak'> & { channel: string; opened: string; closes: string }): Write {
  if (!model.charter) throw new RecordError('governance/charter.yaml cannot be read: the vote is judged by its numbers');
  checkVoteHead(model, input);
  const opened = requireDate(input.opened, '--opened');
  const closes = requireDate(input.closes, '--closes');
  if (closes < opened) throw new RecordError(`--closes ${closes} is before --opened ${opened}`);
  for (const id of [...(input.recused ?? []), ...(input.candidates ?? []).flatMap((c) => [c.member, c.nominatedBy])]) requireMember(model, id, 'member');
  const id = newVoteId(model, closes, input);
  const text = renderRecord([
    ['id', id],
    ['date', closes],
    ['async', { channel: input.channel, opened, closes }],
    ['kind', input.kind],
    ['motion', input.motion],
    ...subjectEntries(input),
    ['recused', input.recused?.length ? input.recused : undefined],
    ['notes', input.notes],
  ]);
  return { path: `governance/votes/${id}.yaml`, text };
}

/**
 * Record the ballots of a vote held on a pull request, after it closed:
 * `closes` becomes `closed`, the ballots are each serving member's latest
 * `/vote` (`live`, from attest), the result is computed, `source` names the
 * PR and `notes` each ballot's comment (the data model has no per-ballot
 * source). The rest of the file is kept byte for byte.
 */
/** `utcToday`: the UTC date now (a vote closes at the end of its day in UTC, as GitHub's comment times are), not the local date. */
export function planBallots(model: Model, read: ReadText, input: { vote: string; live: LiveVote; prUrl: string; utcToday: string }): { write: Write; outcome: VoteOutcome } {
  const vote = model.votes.get(input.vote);
  if (!vote || !inProgress(vote)) throw new RecordError(`vote ${input.vote} is not in progress (no async.closes without closed)`);
  const closes = vote.async?.closes ?? '';
  if (input.utcToday <= closes) throw new RecordError(`vote ${vote.id} is open until the end of ${closes} (UTC): record its ballots from the day after`);
  const live = input.live;
  if (live.quorumMet === false)
    throw new RecordError(
      `vote ${vote.id} closed without quorum: ${live.tookPart} of ${live.serving.length} members took part, ${live.quorumNeeded ?? '?'} needed. No vote was taken: close the pull request, or remove the vote file from it and note the attempt in a meeting's notes`,
    );
  if (live.result === undefined) throw new RecordError(`the result of vote ${vote.id} cannot be computed (is governance/charter.yaml readable?)`);
  const before = read(vote.file);
  if (before === undefined) throw new RecordError(`${vote.file} cannot be read`);
  let text = renameKey(before, ['async', 'closes'], 'closed');
  text = addEntry(text, [], 'ballots', Object.fromEntries(live.ballots.map((b) => [b.member, b.value])));
  text = addEntry(text, [], 'result', live.result);
  if (vote.raw && typeof vote.raw === 'object' && !('source' in vote.raw)) text = addEntry(text, [], 'source', input.prUrl);
  const cited = live.ballots.filter((b) => b.url).map((b) => `${b.member} ${b.url}`);
  const said = `Ballots cast on ${input.prUrl} by each member's own /vote comment (the latest before the close)${cited.length ? `: ${cited.join('; ')}` : ''}.`;
  const notes = vote.raw && typeof vote.raw === 'object' ? (vote.raw as Record<string, unknown>).notes : undefined;
  text = typeof notes === 'string' ? setScalar(text, ['notes'], `${notes}
${said}`) : addEntry(text, [], 'notes', said);
  const outcome: VoteOutcome = {
    id: vote.id,
    date: closes,
    result: live.result,
    ...(live.tally ? { tally: live.tally } : {}),
    ...(live.election ? { election: live.election } : {}),
    asyncQuorum: { tookPart: live.tookPart, needed: live.quorumNeeded ?? 0, met: live.quorumMet === true, serving: live.serving.length },
  };
  return { write: { path: vote.file, text, before }, outcome };
}

/** The outcome in words: tally, quorum and result, as the secretary reads it back. */
export function describeOutcome(o: VoteOutcome): string {
  const lines: string[] = [];
  if (o.tally) lines.push(`Tally: ${o.tally.yes} yes, ${o.tally.no} no, ${o.tally.abstain} abstain`);
  if (o.election)
    lines.push(
      `Votes cast: ${o.election.cast}${o.election.votes.length ? ` (${o.election.votes.map(([c, k]) => `${c} ${k}`).join(', ')})` : ''}; abstentions are not votes cast`,
    );
  if (o.rollCall) {
    const q = o.rollCall.quorum;
    lines.push(
      `Quorum: ${q.met ? 'met' : 'NOT met'}, ${q.present} of ${o.rollCall.serving} members present, ${q.needed} needed (${q.formula})`,
    );
  } else if (o.asyncQuorum) {
    const q = o.asyncQuorum;
    lines.push(`Quorum: ${q.met ? 'met' : 'NOT met'}, ${q.tookPart} of ${q.serving} members took part, ${q.needed} needed`);
  }
  const words =
    o.result === 'passed'
      ? 'passed'
      : o.result === 'not-passed'
        ? 'not passed'
        : o.result === 'no-majority'
          ? 'no candidate has a majority: no one is elected'
          : `${o.result.slice('elected:'.length)} is elected`;
  lines.push(`Result: ${words} (result: ${o.result})`);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------
// Edits of existing records

function existing(read: ReadText, path: string): string {
  const text = read(path);
  if (text === undefined) throw new RecordError(`${path} does not exist`);
  return text;
}

export function planDisclosure(model: Model, read: ReadText, input: { member: string; date: string; employer: string; conflicts: string[] }): Write {
  requireMember(model, input.member, 'member');
  const path = `governance/members/${input.member}.yaml`;
  const before = existing(read, path);
  const text = appendItem(before, ['disclosures'], {
    date: requireDate(input.date, '--date'),
    employer: input.employer,
    conflicts: input.conflicts,
  });
  return { path, text, before };
}

export function planContinuation(model: Model, read: ReadText, input: { member: string; date: string; continues: boolean }): Write {
  requireMember(model, input.member, 'member');
  const path = `governance/members/${input.member}.yaml`;
  const before = existing(read, path);
  return { path, text: appendItem(before, ['continuation'], { date: requireDate(input.date, '--date'), continues: input.continues }), before };
}

export interface MemberInput {
  id: string;
  name?: string;
  github?: string;
  disclosure?: { date: string; employer: string; conflicts: string[] };
  /** A service period to add: from, and the vote that appointed them (or `board`). */
  service?: { from: string; appointedBy: string };
  /** Close the open service period: its last day and why. */
  leave?: { to: string; left: string };
}

export function planMember(model: Model, read: ReadText, input: MemberInput): Write {
  if (!SLUG.test(input.id)) throw new RecordError(`member id "${input.id}": lowercase letters, digits and hyphens (normally the GitHub login)`);
  const path = `governance/members/${input.id}.yaml`;
  const before = read(path);
  if (before === undefined) {
    if (!input.name) throw new RecordError('--name is needed for a new member');
    if (input.leave) throw new RecordError(`${input.id} has no member file yet: nothing to leave`);
    return {
      path,
      text: renderRecord([
        ['id', input.id],
        ['name', input.name],
        ['github', input.github],
        ['disclosures', input.disclosure ? [{ date: input.disclosure.date, employer: input.disclosure.employer, conflicts: input.disclosure.conflicts }] : undefined],
        ['service', input.service ? [{ from: input.service.from, appointed_by: input.service.appointedBy }] : []],
      ]),
    };
  }
  let text = before;
  if (input.name !== undefined) text = setScalar(text, ['name'], input.name);
  if (input.github !== undefined) text = setScalar(text, ['github'], input.github);
  if (input.disclosure)
    text = appendItem(text, ['disclosures'], { date: input.disclosure.date, employer: input.disclosure.employer, conflicts: input.disclosure.conflicts });
  const member = model.members.get(input.id);
  if (input.leave) {
    const open = member?.service.findIndex((p) => p.to === undefined) ?? -1;
    if (open === -1) throw new RecordError(`${input.id} has no open service period to close`);
    text = setScalar(text, ['service', open, 'to'], requireDate(input.leave.to, '--to'));
    text = setScalar(text, ['service', open, 'left'], input.leave.left);
  }
  if (input.service) text = appendItem(text, ['service'], { from: requireDate(input.service.from, '--from'), appointed_by: input.service.appointedBy });
  if (text === before) throw new RecordError(`nothing to change in ${path}: give --name, --github, --employer, --from or --leave`);
  return { path, text, before };
}

export function planChairTerm(model: Model, read: ReadText, input: { member: string; from: string; electedBy: string; handoverFrom?: string }): Write {
  requireMember(model, input.member, '--member');
  const from = requireDate(input.from, '--from');
  const path = model.chairTermsFile;
  const before = read(path) ?? 'terms: []\n';
  let text = before;
  // The term in office ends the day before the new one starts (data model: a handover at a meeting).
  const open = model.chairTerms.find((t) => t.to === undefined && t.from < from);
  if (open) text = setScalar(text, ['terms', open.index, 'to'], dayBefore(from));
  const handover = input.handoverFrom ?? (open && open.member !== input.member ? open.member : undefined);
  text = appendItem(text, ['terms'], {
    member: input.member,
    from,
    elected_by: input.electedBy,
    ...(handover ? { handover_from: handover } : {}),
  });
  return { path, text, ...(read(path) !== undefined ? { before } : {}) };
}

const LIFECYCLE: Record<string, readonly string[]> = {
  draft: ['discussion', 'withdrawn'],
  discussion: ['fcp', 'withdrawn'],
  fcp: ['accepted', 'rejected', 'discussion', 'withdrawn'],
  accepted: ['superseded'],
};

export function planRfcStatus(
  model: Model,
  read: ReadText,
  input: { rfc: number; to: string; date: string; decision?: string; supersededBy?: number },
): Write {
  const rfc = model.rfcs.find((r) => r.number === input.rfc && r.readable);
  if (!rfc) throw new RecordError(`there is no readable RFC ${input.rfc}`);
  const from = rfc.status ?? '';
  if (!(LIFECYCLE[from] ?? []).includes(input.to))
    throw new RecordError(`RFC ${input.rfc} is ${from || 'of unknown status'}: it can move to ${(LIFECYCLE[from] ?? []).join(', ') || 'nothing'}, not ${input.to}`);
  const date = requireDate(input.date, '--date');
  const before = existing(read, rfc.file);
  const fm = extractFrontMatter(before);
  if (!fm) throw new RecordError(`${rfc.file} has no front matter`);
  const start = before.indexOf(fm.yaml);
  let yaml = setScalar(fm.yaml, ['status'], input.to);
  yaml = setScalar(yaml, ['updated'], date);
  if (input.to === 'discussion' && from === 'draft') yaml = setScalar(yaml, ['discussion_since'], date);
  if (input.to === 'fcp') yaml = setScalar(yaml, ['fcp_since'], date);
  if (input.to === 'accepted' || input.to === 'rejected') {
    if (!input.decision) throw new RecordError(`--decision VOTE-ID is needed: the vote that ${input.to === 'accepted' ? 'accepted' : 'rejected'} RFC ${input.rfc}`);
    yaml = setScalar(yaml, ['decision'], input.decision);
  }
  if (input.to === 'superseded') {
    if (input.supersededBy === undefined) throw new RecordError('--superseded-by N is needed');
    yaml = setScalar(yaml, ['superseded_by'], input.supersededBy);
  }
  return { path: rfc.file, text: `${before.slice(0, start)}${yaml}${before.slice(start + fm.yaml.length)}`, before };
}
