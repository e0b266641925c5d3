// How a record reads on the site, in either language: the words for the
// values the data model enumerates, a vote's result, tally and quorum, a
// meeting's attendance, and the rows of the lists. Shared by the front page
// and the other pages.
import type { QuorumFacts } from '../core/changes.ts';
import { committeeSize, quorumFor, servingOn } from '../core/committee.ts';
import type { Meeting, Rfc, Vote } from '../core/model.ts';
import { analyzeVote, isNullified } from '../core/votes.ts';
import { externalLink, safeUrl } from './html.ts';
import type { MessageKey } from './i18n/en.ts';
import { DASH, esc, factsOf, href, meetingLink, memberLink, prLink, rfcLink, tr, voteLink, type Page, type Site } from './layout.ts';

/** The values the data model enumerates, which the catalogues translate; any other value shows as recorded. */
const ENUMS = {
  meetingKind: ['regular', 'special'],
  voteKind: ['rfc', 'chair-election', 'membership', 'policy', 'decision'],
  status: ['draft', 'discussion', 'fcp', 'accepted', 'rejected', 'withdrawn', 'superseded'],
  left: ['resigned', 'stepped-down', 'removed', 'dissolved'],
  ballot: ['yes', 'no', 'abstain'],
  severity: ['error', 'warning'],
} as const;
export type EnumGroup = keyof typeof ENUMS;

/** Every enumerated key, for the catalogue test. */
export const ENUM_KEYS: readonly string[] = Object.entries(ENUMS).flatMap(([g, values]) => values.map((v) => `${g}.${v}`));

export function enumText(p: Page, group: EnumGroup, value: string | undefined): string {
  if (value === undefined) return p.lang.t('unknown');
  return (ENUMS[group] as readonly string[]).includes(value) ? p.lang.t(`${group}.${value}` as MessageKey) : esc(value);
}

/** A vote's result in words; an election names who was elected. */
export function resultText(p: Page, result: string | undefined): string {
  if (result === undefined) return p.lang.t('result.none');
  if (result.startsWith('elected:')) return p.lang.t('result.elected', { name: memberLink(p, result.slice('elected:'.length)) });
  if (result === 'passed') return p.lang.t('result.passed');
  if (result === 'not-passed') return p.lang.t('result.notPassed');
  if (result === 'no-majority') return p.lang.t('result.noMajority');
  return esc(result);
}

/** How a service period or chair term came about: the board, imported history, or a vote. */
export function byText(p: Page, by: string): string {
  if (by === 'board') return p.lang.t('by.board');
  if (by === 'legacy') return p.lang.t('by.legacy');
  if (by === '') return p.lang.t('unknown');
  return voteLink(p, by, p.lang.t('by.vote', { id: `<code>${esc(by)}</code>` }));
}

export function quorumText(p: Page, q: QuorumFacts | undefined): string {
  if (!q) return p.lang.t('quorum.notJudged');
  const vars = { attendance: q.attendance, n: q.n, needed: q.needed };
  const detail = q.async ? p.lang.t('quorum.detail.async', vars) : p.lang.t('quorum.detail', vars);
  return q.met ? `<span class="ok">✔ ${p.lang.t('quorum.met')}</span> (${detail})` : `<span class="error">✘ ${p.lang.t('quorum.notMet')}</span> (${detail})`;
}

const counts = (p: Page, t: { yes: number; no: number; abstain: number }): string => p.lang.t('tally', { yes: t.yes, no: t.no, abstain: t.abstain });

/** The ballots that count, as counted; a recorded count that is not counted says why. */
export function tallyText(p: Page, vote: Vote): string {
  const { model } = p.site;
  const facts = factsOf(p.site, vote);
  const note = (key: MessageKey, vars?: Record<string, string | number>): string => ` <span class="note">(${p.lang.t(key, vars)})</span>`;
  if (vote.kind === 'chair-election') {
    const a = analyzeVote(model, vote);
    if (a.election) {
      const abstain = a.counted.filter((b) => b.value === 'abstain').length;
      const parts = [...a.election.votes.entries()]
        .sort(([x, n], [y, k]) => k - n || (x < y ? -1 : x > y ? 1 : 0))
        .map(([candidate, n]) => `${memberLink(p, candidate)} ${n}`);
      return [...parts, `${p.lang.t('ballot.abstain')} ${abstain}`].join(' · ');
    }
    if (vote.ballots && vote.ballots.length)
      return `${facts.ballots.map((g) => `${g.value === 'abstain' ? p.lang.t('ballot.abstain') : memberLink(p, g.value)} ${g.voters.length}`).join(' · ')}${note('tally.asRecorded')}`;
    return p.lang.t('tally.none');
  }
  if (facts.tally) return `${counts(p, facts.tally)}${vote.ballots ? '' : note('tally.countsOnly')}`;
  if (vote.ballots && vote.ballots.length) {
    const by = (v: string): number => vote.ballots?.filter((b) => b.value === v).length ?? 0;
    return `${counts(p, { yes: by('yes'), no: by('no'), abstain: by('abstain') })}${note('tally.notCounted')}`;
  }
  if (vote.tally) {
    const a = analyzeVote(model, vote);
    if (a.tallyTooLarge && a.tallyLimit !== undefined) return `${counts(p, vote.tally)}${note('tally.tooLarge', { limit: a.tallyLimit })}`;
    if (a.tallyNotAccepted) return `${counts(p, vote.tally)}${note('tally.notAccepted')}`;
    return `${counts(p, vote.tally)}${note('tally.notCounted')}`;
  }
  return p.lang.t('tally.none');
}

/** The recorded result, and what the counted ballots give when that differs. */
export function resultCell(p: Page, vote: Vote): string {
  const facts = factsOf(p.site, vote);
  let out = resultText(p, vote.result);
  if (facts.computedResult !== undefined && facts.computedResult !== vote.result)
    out += ` <span class="error">(${p.lang.t('result.computedDiffers', { result: resultText(p, facts.computedResult) })})</span>`;
  if (isNullified(p.site.model, vote)) out += ` <span class="badge">${p.lang.t('vote.nullified')}</span>`;
  return out;
}

// ---------------------------------------------------------------------------
// A meeting's attendance

export interface MeetingAttendance {
  serving: readonly string[];
  /** Present and serving that day. */
  present: string[];
  /** Listed present but not serving that day. */
  notServing: string[];
  /** Serving that day and not present. */
  absent: string[];
  /** Undefined without a readable charter. */
  quorum?: { needed: number; n: number; met: boolean };
}

/** Who was there and who was not, by id; undefined when attendance is not recorded. */
export function meetingAttendance(site: Site, m: Meeting): MeetingAttendance | undefined {
  if (!m.date || !m.present || !m.presentKnown) return undefined;
  const serving = servingOn(site.model, m.date);
  const set = new Set(serving);
  const listed = new Set(m.present);
  const present = m.present.filter((id) => set.has(id));
  const out: MeetingAttendance = {
    serving,
    present,
    notServing: m.present.filter((id) => !set.has(id)),
    absent: serving.filter((id) => !listed.has(id)),
  };
  const { charter } = site.model;
  if (charter) {
    const n = committeeSize(site.model, m.date).n;
    const needed = quorumFor(charter, n);
    out.quorum = { needed, n, met: present.length >= needed };
  }
  return out;
}

export const nameList = (p: Page, ids: readonly string[]): string => (ids.length ? ids.map((id) => memberLink(p, id)).join(', ') : p.lang.t('none'));

export const textList = (p: Page, names: readonly string[] | undefined): string =>
  names === undefined ? p.lang.t('notRecorded') : names.length ? names.map(esc).join(', ') : p.lang.t('none');

/** A meeting's quorum in a table cell: met, or below quorum (marked, not an error: no vote could be taken). */
export function meetingQuorumCell(p: Page, a: MeetingAttendance | undefined): string {
  if (!a) return p.lang.t('attendance.notRecorded');
  if (!a.quorum) return DASH;
  const vars = { present: a.present.length, n: a.quorum.n, needed: a.quorum.needed };
  return a.quorum.met
    ? `<span class="ok">✔ ${p.lang.t('quorum.met')}</span>`
    : `<span class="warn">⚠ ${p.lang.t('quorum.below')}</span> (${p.lang.t('quorum.belowShort', vars)})`;
}

/** A string the model does not keep (a meeting's `recording`, a record's `source` and `notes`), read from the parsed file when the schema accepted it. */
export function rawString(record: { raw: unknown; isKnown: (path: (string | number)[]) => boolean }, key: string): string | undefined {
  const raw = record.raw;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !record.isKnown([key])) return undefined;
  const v = (raw as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}

export function meetingLinks(p: Page, m: Meeting): string {
  const recording = rawString(m, 'recording');
  const links = [
    safeUrl(m.minutes) ? externalLink(m.minutes, p.lang.t('meeting.minutes')) : undefined,
    safeUrl(recording) ? externalLink(recording, p.lang.t('meeting.recording')) : undefined,
  ].filter((x): x is string => x !== undefined);
  return links.length ? links.join(' · ') : DASH;
}

// ---------------------------------------------------------------------------
// Rows of the lists

export function meetingRow(p: Page, m: Meeting): string {
  const a = meetingAttendance(p.site, m);
  const votes = p.site.votesByMeeting.get(m.id)?.length ?? 0;
  return tr(
    [
      meetingLink(p, m.id, m.date ? p.lang.date(m.date) : esc(m.id)),
      enumText(p, 'meetingKind', m.kind),
      a ? `${a.present.length} / ${a.serving.length}` : m.presentKnown ? p.lang.t('notRecorded') : p.lang.t('notReadable'),
      a ? nameList(p, a.absent) : DASH,
      meetingQuorumCell(p, a),
      String(votes),
      meetingLinks(p, m),
    ],
    a?.quorum && !a.quorum.met ? ' class="inquorate-row"' : '',
  );
}

export function voteRow(p: Page, v: Vote): string {
  const { model } = p.site;
  const facts = factsOf(p.site, v);
  const date = v.date ? p.lang.date(v.date) : DASH;
  const when = v.meeting !== undefined && model.meetings.has(v.meeting) ? meetingLink(p, v.meeting, date) : date;
  const motion = v.motion !== undefined ? esc(v.motion) : p.lang.t('vote.noMotion');
  return tr(
    [when, voteLink(p, v.id, motion), enumText(p, 'voteKind', v.kind), resultCell(p, v), tallyText(p, v), quorumText(p, facts.quorum)],
    isNullified(model, v) ? ' class="nullified"' : '',
  );
}

/** The date an RFC entered its present stage: discussion, FCP, its decision, or its last update. */
export function stageSince(site: Site, r: Rfc): string | undefined {
  if (r.status === 'discussion') return r.discussionSince;
  if (r.status === 'fcp') return r.fcpSince;
  if ((r.status === 'accepted' || r.status === 'rejected') && r.decision && r.decision !== 'legacy') return site.model.votes.get(r.decision)?.date ?? r.updated;
  if (r.status === 'draft') return r.created;
  return r.updated;
}

export function decisionText(p: Page, r: Rfc): string {
  let out = DASH;
  if (r.decision === 'legacy') out = p.lang.t('rfc.legacyDecision');
  else if (r.decision !== undefined) {
    const v = p.site.model.votes.get(r.decision);
    out = v
      ? v.date !== undefined
        ? p.lang.t('rfc.decisionOn', { result: voteLink(p, v.id, resultText(p, v.result)), date: p.lang.date(v.date) })
        : voteLink(p, v.id, resultText(p, v.result))
      : byText(p, r.decision);
  } else if (r.status === 'accepted' || r.status === 'rejected') out = `<span class="error">${p.lang.t('rfc.noDecision')}</span>`;
  if (r.status === 'superseded' && typeof r.supersededBy === 'number') out = p.lang.t('rfc.supersededBy', { rfc: rfcLink(p, r.supersededBy) });
  return out;
}

export function rfcTitleLink(p: Page, r: Rfc): string {
  const path = p.site.rfcPath.get(r);
  const name = r.number === 0 ? p.lang.t('rfc.unnumbered') : `RFC ${String(r.number).padStart(4, '0')}`;
  return path !== undefined ? `<a href="${href(p, path)}">${name}</a>` : name;
}

export function rfcRow(p: Page, r: Rfc): string {
  return tr([
    rfcTitleLink(p, r),
    r.title !== undefined ? esc(r.title) : DASH,
    enumText(p, 'status', r.status),
    p.lang.date(r.created),
    p.lang.date(stageSince(p.site, r)),
    prLink(p, r.pr),
    decisionText(p, r),
  ]);
}
