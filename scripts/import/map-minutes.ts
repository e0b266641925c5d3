// Minutes -> meeting and vote records, and the report of every gap.
// Pure: pages and the repository's context in, planned records out.
//
// The rule throughout: what the minutes state is written; what they leave
// open is not guessed. A decision with no counts keeps its recorded
// outcome and nothing more; a name that matches no member leaves the
// meeting's attendance unwritten; anything that reads like a decision but
// is not in the decisions list is reported, not written. Every such case
// is a line in the report.
import { NameIndex, normalizeName, servesOn, type ImportContext, type NameMatch } from './context.ts';
import { plainText } from './markdown.ts';
import { parseIndex, parseMinutes, type Block, type DecisionEntry, type IndexEntry, type ParsedMinutes } from './minutes.ts';
import type { Gap, ImportPlan, PlannedRecord } from './types.ts';
import { overlap, significantWords, slugOf } from './words.ts';

export interface MinutesSource {
  /** The index page, when there is one. */
  index?: { name: string; text: string };
  /** Minutes pages: YYYY-MM-DD.md (YYYY-MM-DD-N.md for a further meeting that day). */
  files: { name: string; text: string }[];
}

export interface MinutesOptions {
  /** The published page of a meeting's minutes: `{date}` and `{id}` are replaced. */
  url?: string;
}

interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

/** How the minutes describe a vote. */
interface Description {
  unanimous: boolean;
  against: boolean;
  count?: number;
  tally?: Tally;
  conflict?: string;
}

const pad4 = (n: number): string => String(n).padStart(4, '0');
const short = (s: string, n = 90): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const quote = (s: string, n = 90): string => `"${short(s, n)}"`;

const NULLIFIED = /\b(?:nullif\w*|annul\w*|rescind\w*|revok\w*|overturn\w*|invalidat\w*)\b/i;
const STEP_DOWN = /\bstep(?:s|ped|ping)? down\b|\bresign(?:s|ed|ing|ation)?\b|\bleft the committee\b|\bleaves? the committee\b/i;
const TABLED = /\btabled?\b|\bpostponed?\b|\bdeferred\b|\bpunted\b|\bno vote (?:was )?(?:taken|held)\b/i;
const REJECTED = /\b(?:rejected|declined?|not (?:approved|adopted|accepted|passed)|failed|voted (?:down|against)|turned down)\b/i;
const AGAINST = /\bvoted (?:to )?(?:decline|reject|oppose|against)\b|\bvoted down\b/i;
const UNANIMOUS =
  /\bunanimous(?:ly)?\b|\ball (?:\d+ )?(?:of the )?(?:attending |present )?(?:alesco |committee )?members(?: present| attending)? vot(?:ed|ing)\b|\b(?:everyone|everybody) voted\b/i;
const BODY_DECISION =
  /\b(?:decided|decides|agreed|voted|approved|approves|adopted|accepted|rejected|consensus|resolved|motion|unanimous(?:ly)?)\b|\bdecision:|^merged\b|\b(?:was|were|has been|have been) merged\b/i;
/** "has not been merged", "haven't seen anything ... merged": a negated decision word is no decision. */
const NEGATED = /\b(?:not|never|no one|nobody)\b|n['’]t\b/i;
const ASYNC_VOTE =
  /\basync(?:hronous)?\s+vote\b|\bvote\b[^.]*\b(?:async(?:hronously)?|in (?:the )?(?:\w+ )?chat|chat channel|mailing list|by e-?mail|on github)\b/i;
const CHAIR_ENTRY = /\bchair(?:person)?\b/i;
const MEMBERSHIP_ENTRY = /\bappoint(?:s|ed|ing)?\b[^.]*\bmember\b|\bas (?:a )?new (?:\S+ )?member\b|\bnew (?:\S+ )?member\b[^.]*\b(?:appointed|approved|elected)\b/i;
const POLICY = /\b(?:polic(?:y|ies)|process(?:es)?|procedures?|workflows?|guidelines?|questionnaire|charter|onboarding)\b/i;

function describe(lines: readonly string[]): Description {
  const d: Description = { unanimous: false, against: false };
  for (const line of lines) {
    if (UNANIMOUS.test(line)) d.unanimous = true;
    if (AGAINST.test(line)) d.against = true;
    const count = /\ball (\d+) (?:members|present|voters)\b/i.exec(line) ?? /\b(\d+) of (?:the )?(\d+)\b/.exec(line);
    if (count) d.count = Number(count[1]);
    let tally: Tally | undefined;
    const signed = /\+\s*(\d+)\s*,\s*(\d+)\s*,\s*-\s*(\d+)/.exec(line);
    if (signed) tally = { yes: Number(signed[1]), abstain: Number(signed[2]), no: Number(signed[3]) };
    const yes = /(\d+)\s+(?:in favou?r|yes|ayes?)\b/i.exec(line);
    const no = /(\d+)\s+(?:against|opposed|not in favou?r|no|nays?)\b/i.exec(line);
    const abstain = /(\d+)\s+abstain(?:ed|ing|s|ions?)?\b/i.exec(line);
    if (yes && (no || abstain)) {
      const words: Tally = { yes: Number(yes[1]), no: no ? Number(no[1]) : 0, abstain: abstain ? Number(abstain[1]) : 0 };
      if (tally && (tally.yes !== words.yes || tally.no !== words.no || tally.abstain !== words.abstain))
        d.conflict = `the counts in ${quote(line, 70)} disagree with each other`;
      tally ??= words;
    }
    if (tally) {
      if (d.tally && (d.tally.yes !== tally.yes || d.tally.no !== tally.no || d.tally.abstain !== tally.abstain))
        d.conflict = 'the minutes give two different sets of counts';
      d.tally = tally;
    }
  }
  return d;
}

function hasDescription(d: Description): boolean {
  return d.unanimous || d.tally !== undefined || d.conflict !== undefined;
}

/** "github.com/owner/repo/pull/N" -> "owner/repo#N". */
function pullKey(url: string): string | undefined {
  const m = /github\.com\/([^/\s]+)\/([^/\s]+)\/pull\/(\d+)/i.exec(url);
  return m ? `${(m[1] ?? '').toLowerCase()}/${(m[2] ?? '').toLowerCase()}#${m[3] ?? ''}` : undefined;
}

/** Pull requests the minutes name as an RFC ("RFC [#0002](.../pull/3)"), across every page. */
function learnRfcPulls(pages: readonly ParsedMinutes[]): Map<string, number> {
  const map = new Map<string, number>();
  const pattern = /RFC\s*\[\s*#?\s*(\d{1,4})\s*\]\(\s*(https?:\/\/[^)\s]+)[^)]*\)|RFC\s*#?\s*(\d{1,4})\s*\(\s*(https?:\/\/[^)\s]+)\s*\)/gi;
  for (const page of pages) {
    for (const line of page.rawLines) {
      for (const m of line.matchAll(pattern)) {
        const n = Number(m[1] ?? m[3]);
        const key = pullKey(m[2] ?? m[4] ?? '');
        if (key && n > 0) map.set(key, n);
      }
    }
  }
  return map;
}

interface RfcRefs {
  numbers: Set<number>;
  /** Names of RFCs that could not be resolved to a number (a title, a pull request). */
  unresolved: string[];
  mentioned: boolean;
}

const normTitle = (s: string): string => normalizeName(s).replace(/[.:;,!?]+$/, '');

function rfcRefs(raw: readonly string[], ctx: ImportContext, pulls: ReadonlyMap<string, number>): RfcRefs {
  const refs: RfcRefs = { numbers: new Set(), unresolved: [], mentioned: false };
  const titles = new Map(ctx.rfcs.filter((r) => r.title !== undefined).map((r) => [normTitle(r.title ?? ''), r.number]));
  for (const line of raw) {
    const plain = plainText(line);
    if (/\bRFC\b/.test(plain)) refs.mentioned = true;
    for (const m of plain.matchAll(/\bRFC\s*#\s*(\d{1,4})\b|\bRFC\s+(\d{1,4})\b/gi)) {
      const n = Number(m[1] ?? m[2]);
      if (n > 0) refs.numbers.add(n);
    }
    const title = /\bRFC:\s*(.+?)\s*(?:\(|$)/.exec(plain)?.[1];
    if (title !== undefined) {
      const n = titles.get(normTitle(title));
      if (n !== undefined) refs.numbers.add(n);
      else refs.unresolved.push(`"${title}"`);
    }
    for (const m of line.matchAll(/https?:\/\/github\.com\/[^\s)]+\/pull\/\d+/gi)) {
      const key = pullKey(m[0]);
      if (!key) continue;
      const n = pulls.get(key);
      if (n !== undefined) refs.numbers.add(n);
      else if (/\bRFC\b/.test(plain)) refs.unresolved.push(`pull request ${key}`);
    }
  }
  return refs;
}

/** Which body block discusses each decision: the best word overlap, when it is clear. */
function matchBlocks(decisions: readonly DecisionEntry[], blocks: readonly Block[]): Map<DecisionEntry, Block> {
  const out = new Map<DecisionEntry, Block>();
  const blockTitleWords = blocks.map((b) => significantWords(b.title));
  const blockAllWords = blocks.map((b) => significantWords(b.lines.join(' ')));
  for (const d of decisions) {
    const words = significantWords([d.text, ...d.details.filter((l) => !NULLIFIED.test(l))].join(' '));
    let best: { block: Block; score: number } | undefined;
    let tied = false;
    blocks.forEach((block, i) => {
      const title = overlap(words, blockTitleWords[i] ?? new Set());
      const all = overlap(words, blockAllWords[i] ?? new Set());
      // The title names the topic; the whole text is a weaker signal. A
      // decision of one significant word ("the widget RFC") needs only that one.
      const needed = Math.min(2, words.size);
      const score = needed > 0 && title >= needed ? 100 + title * 10 + all : all >= 3 ? all : 0;
      if (score === 0) return;
      if (!best || score > best.score) {
        best = { block, score };
        tied = false;
      } else if (score === best.score) tied = true;
    });
    if (best && !tied) out.set(d, (best as { block: Block }).block);
  }
  return out;
}

interface MeetingState {
  page: ParsedMinutes;
  date: string;
  url?: string;
  /** Present and serving, when attendance is recorded and every name was matched. */
  voters?: string[];
  gaps: Gap[];
  names: NameIndex;
}

interface PlannedVote {
  value: Record<string, unknown>;
  /** The minutes say the vote was annulled afterwards. */
  nullified: boolean;
}

export function planMinutes(src: MinutesSource, ctx: ImportContext, opts: MinutesOptions = {}): ImportPlan {
  const gaps: Gap[] = [];
  const records: PlannedRecord[] = [];
  const names = new NameIndex(ctx.members);
  const pages: ParsedMinutes[] = [];
  for (const f of [...src.files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const page = parseMinutes(f.name, f.text);
    if (!page) gaps.push({ where: f.name, message: 'not a minutes file name (YYYY-MM-DD.md): skipped' });
    else pages.push(page);
  }
  const pulls = learnRfcPulls(pages);
  const index = src.index ? parseIndex(src.index.text) : undefined;
  if (src.index && index?.length === 0) gaps.push({ where: src.index.name, message: 'the index lists no meetings' });

  if (opts.url === undefined) gaps.push({ where: '(options)', message: "no --url: the meetings' minutes URL is not recorded" });
  const usedVoteIds = new Set<string>();
  const planned: PlannedVote[] = [];
  const urlOf = (id: string, date: string): string | undefined =>
    opts.url?.replaceAll('{date}', date).replaceAll('{id}', id);
  for (const page of pages) {
    const state: MeetingState = { page, date: page.date, names, gaps };
    const url = urlOf(page.id, page.date);
    if (url !== undefined) state.url = url;
    records.push(meetingRecord(state));
    for (const v of meetingVotes(state, ctx, pulls, usedVoteIds)) {
      planned.push(v);
      const id = String(v.value.id);
      records.push({ path: `governance/votes/${id}.yaml`, kind: 'vote', value: v.value });
    }
  }

  if (index && src.index) {
    const have = new Set(pages.map((p) => p.id));
    const listed = new Set<string>();
    for (const e of index) {
      if (e.id === undefined || e.date === undefined || listed.has(e.id)) continue;
      listed.add(e.id);
      if (e.conflict !== undefined)
        gaps.push({ where: e.date, message: `the index entry ${quote(e.text)} says ${e.conflict} but links to ${e.date}: the link's date is used` });
      if (have.has(e.id)) continue;
      records.push(indexOnlyMeeting(e, src.index.name));
      gaps.push({
        where: e.date,
        message: `listed in the index (${quote(e.text, 40)}) with no minutes file: written without present (attendance not recorded) and with a source saying so`,
      });
    }
    for (const p of pages)
      if (!listed.has(p.id)) gaps.push({ where: p.date, message: `minutes file ${p.id}.md is not listed in the index ${src.index.name}` });
  } else if (!src.index) {
    gaps.push({ where: '(index)', message: 'no index page: meetings listed only there cannot be found' });
  }

  records.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  gaps.sort((a, b) => (a.where < b.where ? -1 : a.where > b.where ? 1 : 0));
  return { records, gaps, suggestions: legacySuggestions(ctx, planned) };
}

function indexOnlyMeeting(e: IndexEntry, indexName: string): PlannedRecord {
  const date = e.date ?? '';
  return {
    path: `governance/meetings/${e.id ?? date}.yaml`,
    kind: 'meeting',
    value: {
      date,
      kind: 'regular',
      source: `minutes index (${indexName}): "${e.text}", listed without minutes`,
      notes: 'The index lists this meeting, but no minutes were published: attendance is not recorded, so present is left out.',
    },
  };
}

function matchNames(state: MeetingState, entries: readonly string[], list: string): { ids: string[]; complete: boolean } {
  const ids: string[] = [];
  let complete = true;
  for (const raw of entries) {
    const m: NameMatch | undefined = state.names.match(raw, state.date);
    if (!m) {
      complete = false;
      state.gaps.push({ where: state.date, message: `"${raw}" in ${list} matches no member's name` });
      continue;
    }
    if (m.how === 'first-name')
      state.gaps.push({ where: state.date, message: `"${raw}" in ${list} is a first name only: matched to ${m.id}, the one serving member of that name` });
    if (!ids.includes(m.id)) ids.push(m.id);
  }
  return { ids, complete };
}

function meetingRecord(state: MeetingState): PlannedRecord {
  const { page, date } = state;
  const value: Record<string, unknown> = { date, kind: 'regular' };
  if (page.titleDate !== undefined && page.titleDate !== date)
    state.gaps.push({ where: date, message: `the page's title says ${page.titleDate}, its file name ${date}: the file name is used` });
  if (page.present === undefined) {
    state.gaps.push({ where: date, message: 'no members\' attendance section: present not written (attendance not recorded)' });
  } else {
    const { ids, complete } = matchNames(state, page.present, 'the members present');
    if (!complete) {
      state.gaps.push({ where: date, message: 'present not written: a name in the attendance matches no member, and a partial list would misstate quorum' });
    } else {
      value.present = [...ids].sort();
      const serving = [...ids].sort().filter((id) => {
        const m = state.names.member(id);
        const ok = m !== undefined && servesOn(m, date);
        if (!ok) state.gaps.push({ where: date, message: `${id} is listed among the members present but does not serve on ${date} (governance/members/${id}.yaml)` });
        return ok;
      });
      state.voters = serving;
    }
  }
  if (page.absent !== undefined) {
    const { ids } = matchNames(state, page.absent, 'the members unable to attend');
    for (const id of ids)
      if (Array.isArray(value.present) && value.present.includes(id))
        state.gaps.push({ where: date, message: `${id} is listed both as present and as unable to attend` });
  }
  if (page.board !== undefined) value.board = page.board;
  else state.gaps.push({ where: date, message: 'no board attendance section: board not written (unknown, not "nobody")' });
  if (page.guests !== undefined) value.guests = page.guests;
  if (state.url !== undefined) value.minutes = state.url;
  return { path: `governance/meetings/${page.id}.yaml`, kind: 'meeting', value };
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** The candidate's name in "New Chair - Jane Doe", "Jane Doe elected chair". */
function chairCandidateName(text: string): string | undefined {
  const after = /\bchair(?:person)?\b\s*(?:[-–—:]|is|was)\s*(.+?)\s*\.?$/i.exec(text)?.[1];
  if (after !== undefined && after !== '') return after;
  return /^(.+?)\s+(?:was\s+)?(?:unanimously\s+)?(?:re-?)?elected\b/i.exec(text)?.[1];
}

interface VoteDraft {
  kind: 'rfc' | 'chair-election' | 'membership' | 'policy' | 'decision';
  motion: string;
  rfc?: number;
  candidate?: string;
  nominatedBy?: string;
  accepted?: boolean;
  subject?: string;
  rejected: boolean;
  description: Description;
  notes: string[];
  nullified: boolean;
  slugText: string;
}

function meetingVotes(
  state: MeetingState,
  ctx: ImportContext,
  pulls: ReadonlyMap<string, number>,
  usedIds: Set<string>,
): PlannedVote[] {
  const { page, date } = state;
  const decisions = page.decisions ?? [];
  const matched = matchBlocks(decisions, page.blocks);
  const blockUse = new Map<Block, number>();
  for (const b of matched.values()) blockUse.set(b, (blockUse.get(b) ?? 0) + 1);
  const drafts: VoteDraft[] = [];
  const gap = (message: string): void => {
    state.gaps.push({ where: date, message });
  };

  for (const entry of decisions) {
    const lines = [entry.text, ...entry.details];
    const all = lines.join(' ');
    const block = matched.get(entry);
    const exclusiveBlock = block && blockUse.get(block) === 1 ? block : undefined;
    if (STEP_DOWN.test(entry.text) && !CHAIR_ENTRY.test(entry.text)) {
      gap(`decision ${quote(entry.text)} records a member leaving, not a vote: nothing written (record to/left in the member's file)`);
      continue;
    }
    if (TABLED.test(all) && !UNANIMOUS.test(all)) {
      gap(`decision ${quote(entry.text)} records a motion tabled or postponed, not a vote: nothing written`);
      continue;
    }
    const nullifiedLines = lines.filter((l) => NULLIFIED.test(l));
    const descLines = lines.filter((l) => !NULLIFIED.test(l));
    let description = describe(descLines);
    let fromBody = false;
    if (!hasDescription(description) && exclusiveBlock) {
      const bodyDesc = describe(exclusiveBlock.lines.filter((l) => !NULLIFIED.test(l)));
      if (hasDescription(bodyDesc)) {
        description = bodyDesc;
        fromBody = true;
      }
    }
    const notes: string[] = [];
    if (fromBody && exclusiveBlock) notes.push(`The vote is described in the body of the minutes, under "${short(exclusiveBlock.title, 70)}".`);
    const nullified = nullifiedLines.length > 0;
    if (nullified)
      gap(
        `decision ${quote(entry.text, 50)}: the minutes say it was annulled afterwards (${quote(nullifiedLines[0] ?? '', 70)}): ` +
          'written as decided at the meeting; add the annulling vote and nullified_by by hand',
      );

    if (CHAIR_ENTRY.test(entry.text)) {
      const name = chairCandidateName(entry.text);
      const who = name !== undefined ? matchPerson(state, name) : undefined;
      if (!who) {
        gap(`chair election ${quote(entry.text)}: the candidate ${name !== undefined ? `"${name}" ` : ''}matches no member: nothing written`);
        continue;
      }
      const draft: VoteDraft = {
        kind: 'chair-election',
        motion: 'Elect the chair',
        candidate: who.id,
        rejected: false,
        description,
        notes,
        nullified,
        slugText: 'chair-election',
      };
      if (who.how === 'first-name') {
        notes.push(`The minutes name the candidate by first name only ("${name ?? ''}"), the one serving member of that name.`);
        gap(`chair election: the candidate is named by first name only ("${name ?? ''}"): matched to ${who.id}, the one serving member of that name`);
      }
      nominations(state, [...entry.details, ...(exclusiveBlock?.lines ?? [])], draft);
      drafts.push(draft);
      continue;
    }

    const rejected = REJECTED.test(all);
    if (MEMBERSHIP_ENTRY.test(entry.text)) {
      const subjects = state.names.namesIn(entry.text);
      if (subjects.length !== 1 || subjects[0] === undefined) {
        gap(`membership decision ${quote(entry.text)}: ${subjects.length === 0 ? 'names no member' : 'names more than one member'}: nothing written`);
        continue;
      }
      const subject = subjects[0];
      const name = state.names.member(subject)?.name ?? subject;
      drafts.push({ kind: 'membership', motion: `Appoint ${name} as a member`, subject, rejected, description, notes, nullified, slugText: `membership-${subject}` });
      continue;
    }

    const entryRefs = rfcRefs(entry.raw, ctx, pulls);
    const blockRefs = exclusiveBlock ? rfcRefs([exclusiveBlock.raw[0] ?? '', ...exclusiveBlock.raw.slice(1)], ctx, pulls) : undefined;
    const numbers = entryRefs.numbers.size > 0 ? entryRefs.numbers : (blockRefs?.numbers ?? new Set<number>());
    const blockTitleMentions = exclusiveBlock !== undefined && /\bRFC\b/.test(exclusiveBlock.title);
    const onRfc = numbers.size > 0 || entryRefs.mentioned || blockTitleMentions;
    const text = motionText(entry);
    if (onRfc && numbers.size > 1) {
      gap(`decision ${quote(entry.text)} names several RFCs (${[...numbers].map(pad4).join(', ')}): nothing written`);
      continue;
    }
    const rfcNumber = [...numbers][0];
    if (rfcNumber !== undefined) {
      const title = ctx.rfcs.find((r) => r.number === rfcNumber)?.title ?? rfcTopic(exclusiveBlock?.title) ?? text;
      drafts.push({ kind: 'rfc', motion: `Accept RFC ${pad4(rfcNumber)}: ${title}`, rfc: rfcNumber, rejected, description, notes, nullified, slugText: `rfc-${pad4(rfcNumber)}` });
      if (!ctx.rfcs.some((r) => r.number === rfcNumber))
        gap(`decision ${quote(entry.text, 60)} is on RFC ${pad4(rfcNumber)}, which is not in rfcs/ yet: import the RFCs next (npm run import -- rfcs DIR)`);
      continue;
    }
    if (onRfc) {
      const which = [...entryRefs.unresolved, ...(blockRefs?.unresolved ?? [])];
      const topic = rfcTopic(exclusiveBlock?.title) ?? text;
      notes.push(`A decision on an RFC that is not among this repository's RFCs${which.length > 0 ? ` (${which.join(', ')})` : ''}: recorded as kind decision.`);
      gap(`decision ${quote(entry.text, 60)} is on an RFC that is not in rfcs/ (${which.join(', ') || 'no number given'}): written as kind decision, not linked to an RFC`);
      drafts.push({ kind: 'decision', motion: `Accept the RFC "${topic}"`, rejected, description, notes, nullified, slugText: text });
      continue;
    }
    drafts.push({ kind: POLICY.test(all) ? 'policy' : 'decision', motion: text, rejected, description, notes, nullified, slugText: text });
  }

  const chairInList = drafts.some((d) => d.kind === 'chair-election');
  const bodyChairBlocks = new Set<Block>();
  if (!chairInList) {
    for (const block of page.blocks) {
      const draft = bodyChairElection(state, block);
      if (draft) {
        drafts.push(draft);
        bodyChairBlocks.add(block);
        gap(`a chair election recorded only in the body (under ${quote(block.title, 50)}), not in the decisions list: written`);
      }
    }
  }

  // The body: async votes announced, members leaving, and whatever reads like a decision that the list does not have.
  const decisionWords = decisions.map((d) => significantWords([d.text, ...d.details.filter((l) => !NULLIFIED.test(l))].join(' ')));
  for (const entry of decisions) for (const l of entry.details) if (ASYNC_VOTE.test(l)) asyncGap(state, l);
  for (const block of page.blocks) {
    const flagged: string[] = [];
    for (const line of block.lines) {
      if (ASYNC_VOTE.test(line)) {
        asyncGap(state, line);
        continue;
      }
      if (STEP_DOWN.test(line)) {
        const who = state.names.namesIn(line);
        gap(`the body records a member leaving (${quote(line, 70)}${who.length > 0 ? `: ${who.join(', ')}` : ''}): not a vote, nothing written (record to/left in the member's file)`);
        continue;
      }
      if (matchedBlock(block, matched) || bodyChairBlocks.has(block) || chairInList && CHAIR_ENTRY.test(line)) continue;
      const hit = BODY_DECISION.exec(line);
      if (!hit || NEGATED.test(line.slice(0, hit.index))) continue;
      const words = significantWords(line);
      if (decisionWords.some((w) => w.size > 0 && overlap(w, words) >= Math.min(2, w.size))) continue;
      flagged.push(line);
    }
    if (flagged.length > 0)
      gap(
        `the body may record a decision that is not in the decisions list (under ${quote(block.title, 50)}: ` +
          `${flagged.slice(0, 3).map((l) => quote(l, 70)).join('; ')}${flagged.length > 3 ? `; and ${flagged.length - 3} more` : ''}): nothing written`,
      );
  }

  return drafts.flatMap((d) => {
    const v = voteRecord(state, d, usedIds);
    return v ? [v] : [];
  });
}

function matchedBlock(block: Block, matched: ReadonlyMap<DecisionEntry, Block>): boolean {
  for (const b of matched.values()) if (b === block) return true;
  return false;
}

function asyncGap(state: MeetingState, line: string): void {
  state.gaps.push({ where: state.date, message: `a vote to be held asynchronously, with no result recorded (${quote(line, 80)}): nothing written` });
}

function matchPerson(state: MeetingState, name: string): NameMatch | undefined {
  return state.names.match(name.replace(/\s+as\s+(?:the\s+)?chair.*$/i, ''), state.date);
}

/** "Jane self-nominated", "Bob: nominates Jane", "nominated by Bob". */
function nominations(state: MeetingState, lines: readonly string[], draft: VoteDraft): void {
  for (const line of lines) {
    const self = /(?:^|\.\s*)([\p{L}][\p{L} .'-]*?)\s+self-nominated\b/iu.exec(line);
    if (self?.[1] !== undefined) {
      const who = state.names.match(self[1], state.date);
      if (who !== undefined && who.id === draft.candidate) {
        draft.nominatedBy = who.id;
        draft.accepted = true;
        draft.notes.push('The candidate nominated themselves.');
      }
      continue;
    }
    const by = /^([\p{L}][\p{L} .'-]*?):\s*nominates?\s+(.+?)\.?$/iu.exec(line) ?? /\bnominated by\s+([\p{L}][\p{L} .'-]*?)(?:[.,;]|$)/iu.exec(line);
    if (by?.[1] !== undefined) {
      const who = state.names.match(by[1], state.date);
      if (who) {
        draft.nominatedBy = who.id;
        if (who.how === 'first-name') {
          draft.notes.push(`The nominator is named by first name only ("${by[1]}"), the one serving member of that name.`);
          state.gaps.push({
            where: state.date,
            message: `chair election: the nominator is named by first name only ("${by[1]}"): matched to ${who.id}, the one serving member of that name`,
          });
        }
      }
      else state.gaps.push({ where: state.date, message: `chair nomination ${quote(line, 60)}: the nominator "${by[1]}" matches no member: nominated_by not written` });
    }
  }
}

/** A chair election written in the body only: "Jane was unanimously re-elected as Chair", or a "chair" item with "X: nominates Y" and "vote: unanimous". */
function bodyChairElection(state: MeetingState, block: Block): VoteDraft | undefined {
  for (const line of block.lines) {
    const m = /^(.+?)\s+was\s+(unanimously\s+)?(?:re-?)?elected\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?(?:\S+\s+)?chair(?:person)?\b/i.exec(line);
    if (!m?.[1]) continue;
    const who = matchPerson(state, m[1]);
    if (!who) {
      state.gaps.push({ where: state.date, message: `chair election in the body (${quote(line, 70)}): "${m[1]}" matches no member: nothing written` });
      return undefined;
    }
    const description = describe([line]);
    const notes = ['Recorded in the body of the minutes, not in their decisions list.'];
    return { kind: 'chair-election', motion: 'Elect the chair', candidate: who.id, rejected: false, description, notes, nullified: false, slugText: 'chair-election' };
  }
  if (!CHAIR_ENTRY.test(block.title)) return undefined;
  const nominated = block.lines.map((l) => /^([\p{L}][\p{L} .'-]*?):\s*nominates?\s+(.+?)\.?$/iu.exec(l)).find((m) => m !== null);
  if (!nominated?.[2]) return undefined;
  const who = matchPerson(state, nominated[2]);
  const voteLine = block.lines.find((l) => /^(?:vote|votes|voting|result)\s*:/i.test(l) || UNANIMOUS.test(l));
  if (!who) {
    state.gaps.push({ where: state.date, message: `chair nomination in the body (${quote(block.title, 50)}): "${nominated[2]}" matches no member: nothing written` });
    return undefined;
  }
  if (!voteLine) {
    state.gaps.push({ where: state.date, message: `chair nomination in the body (${quote(block.title, 50)}) with no recorded vote: nothing written` });
    return undefined;
  }
  const notes = ['Recorded in the body of the minutes, not in their decisions list.'];
  if (who.how === 'first-name') {
    notes.push(`The minutes name the candidate by first name only ("${nominated[2]}"), the one serving member of that name.`);
    state.gaps.push({
      where: state.date,
      message: `chair election: the candidate is named by first name only ("${nominated[2]}"): matched to ${who.id}, the one serving member of that name`,
    });
  }
  const draft: VoteDraft = {
    kind: 'chair-election',
    motion: 'Elect the chair',
    candidate: who.id,
    rejected: false,
    description: describe([voteLine]),
    notes,
    nullified: false,
    slugText: 'chair-election',
  };
  nominations(state, block.lines, draft);
  return draft;
}

/** The motion as a single line: the decision entry, with its first detail when the entry is only a heading. */
function motionText(entry: DecisionEntry): string {
  // The motion is what was moved, not how it went: "Unanimously voted to backport X" -> "Backport X".
  let text = entry.text
    .replace(/\s*[.;:]+$/, '')
    .replace(/^(?:unanimously\s+)?(?:voted|agreed|decided)\s+(?:unanimously\s+)?to\s+/i, '')
    .replace(/^(?:unanimously\s+)?(?:approved|adopted)\s+/i, 'Approve ');
  text = text.charAt(0).toUpperCase() + text.slice(1);
  const first = entry.details.find((d) => !UNANIMOUS.test(d) && !NULLIFIED.test(d) && !/^https?:\/\//.test(d));
  if (text.length <= 30 && first !== undefined) text = `${text}: ${first.replace(/\s*[.;:]+$/, '')}`;
  return text;
}

/** "Enable KVM on PPC64LE (RFC #0002)" -> "Enable KVM on PPC64LE"; "RFC: Title" -> "Title". */
function rfcTopic(title: string | undefined): string | undefined {
  if (title === undefined) return undefined;
  const t = title.replace(/\s*\(\s*RFC[^)]*\)\s*/gi, ' ').replace(/^\s*RFC\s*:\s*/i, '').replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}

function voteRecord(state: MeetingState, d: VoteDraft, usedIds: Set<string>): PlannedVote | undefined {
  const { date, page } = state;
  const slug = d.kind === 'chair-election' || d.kind === 'rfc' || d.kind === 'membership' ? d.slugText : slugOf(d.slugText) || 'decision';
  const id = uniqueId(`${date}-${slug}`, usedIds);
  const value: Record<string, unknown> = { id, date, meeting: page.id, kind: d.kind, motion: d.motion };
  const notes = [...d.notes];
  const where = `${id}`;
  const gap = (message: string): void => {
    state.gaps.push({ where: date, message: `${where}: ${message}` });
  };
  if (d.kind === 'rfc') value.rfc = d.rfc;
  if (d.kind === 'chair-election') {
    const candidate: Record<string, unknown> = { member: d.candidate };
    if (d.nominatedBy !== undefined) candidate.nominated_by = d.nominatedBy;
    if (d.accepted !== undefined) candidate.accepted = d.accepted;
    value.candidates = [candidate];
  }
  if (d.kind === 'membership') value.subject = d.subject;

  const desc = d.description;
  const passedWord = d.kind === 'chair-election' ? `elected:${d.candidate ?? ''}` : d.rejected ? 'not-passed' : 'passed';
  const outcomeOnly = (why: string): void => {
    notes.push('The minutes give the outcome only, with no counts and no roll call: no ballots or tally, and the recorded result stands.');
    gap(why);
  };
  if (desc.conflict !== undefined) outcomeOnly(`${desc.conflict}: written with the outcome only`);
  else if (desc.tally && d.kind === 'chair-election') outcomeOnly('the minutes give counts for a chair election, which records ballots per candidate: written with the outcome only');
  else if (desc.tally) {
    const t = desc.tally;
    value.tally = { yes: t.yes, no: t.no, abstain: t.abstain };
    notes.push('The minutes give the counts without naming every voter: recorded as a tally.');
    gap(`counts without every voter's name (yes ${t.yes}, no ${t.no}, abstain ${t.abstain}): written as a tally`);
    const sum = t.yes + t.no + t.abstain;
    if (state.voters !== undefined && sum > state.voters.length)
      gap(`the tally counts ${sum} votes but ${state.voters.length} members are recorded present: check reports it (vote-eligibility)`);
    const computed = t.yes > t.no ? 'passed' : 'not-passed';
    if (computed !== passedWord) gap(`the counts give ${computed} but the minutes record ${passedWord}: check reports it (vote-result)`);
  } else if (desc.unanimous) {
    const againstPassed = desc.against && !d.rejected;
    if (state.voters === undefined) outcomeOnly('recorded as unanimous, but the members present are not known: written with the outcome only');
    else if (againstPassed) outcomeOnly('the minutes say members voted against, but record the motion as adopted: written with the outcome only');
    else if (desc.count !== undefined && desc.count !== state.voters.length)
      outcomeOnly(`the minutes count ${desc.count} votes but list ${state.voters.length} members present: written with the outcome only`);
    else if (state.voters.length === 0) outcomeOnly('recorded as unanimous, but no serving member is recorded present: written with the outcome only');
    else {
      const ballot = d.kind === 'chair-election' ? (d.candidate ?? '') : d.rejected ? 'no' : 'yes';
      value.ballots = Object.fromEntries(state.voters.map((v) => [v, ballot]));
      if (d.kind === 'chair-election')
        notes.push(`The minutes record the election as unanimous: one ballot for ${d.candidate ?? ''} per member present.`);
      else if (d.rejected) notes.push('The minutes record that every member present voted against: one no ballot per member present.');
      else notes.push('The minutes record the decision as unanimous: one yes ballot per member present.');
    }
  } else {
    outcomeOnly('a decision with no counts and no described vote: written with its outcome only (no ballots, no tally)');
  }
  value.result = passedWord;
  if (state.url !== undefined) value.source = state.url;
  if (notes.length > 0) value.notes = notes.join(' ');
  return { value, nullified: d.nullified };
}

/** `legacy` placeholders that an imported vote can now replace. */
function legacySuggestions(ctx: ImportContext, planned: readonly PlannedVote[]): string[] {
  const out: string[] = [];
  const votes = [
    ...ctx.votes.filter((v) => !v.nullified).map((v) => ({ id: v.id, date: v.date, kind: v.kind, result: v.result, subject: v.subject })),
    ...planned
      .filter((p) => !p.nullified)
      .map((p) => ({
        id: String(p.value.id),
        date: typeof p.value.date === 'string' ? p.value.date : undefined,
        kind: typeof p.value.kind === 'string' ? p.value.kind : undefined,
        result: typeof p.value.result === 'string' ? p.value.result : undefined,
        subject: typeof p.value.subject === 'string' ? p.value.subject : undefined,
      })),
  ];
  const latest = (list: typeof votes): (typeof votes)[number] | undefined =>
    [...list].sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : (a.date ?? '') > (b.date ?? '') ? -1 : 0))[0];
  for (const t of ctx.chairTerms) {
    if (t.electedBy !== 'legacy') continue;
    const v = latest(votes.filter((x) => x.kind === 'chair-election' && x.result === `elected:${t.member}` && x.date !== undefined && x.date <= t.from));
    if (v) out.push(`governance/chair-terms.yaml: the term of ${t.member} from ${t.from} has elected_by: legacy; vote ${v.id} elected ${t.member} on ${v.date ?? ''}`);
  }
  for (const m of ctx.members) {
    for (const p of m.service) {
      if (p.appointedBy !== 'legacy') continue;
      const v = latest(votes.filter((x) => x.kind === 'membership' && x.subject === m.id && x.result === 'passed' && x.date !== undefined && x.date < p.from));
      if (v) out.push(`governance/members/${m.id}.yaml: the period from ${p.from} has appointed_by: legacy; vote ${v.id} appointed ${m.id} on ${v.date ?? ''}`);
    }
  }
  return out;
}
