// decisions.atom: the committee's decisions as an Atom 1.0 feed (RFC 4287),
// newest first: every vote held (a nullified one marked as such) and every
// RFC closed (accepted, rejected, withdrawn, superseded). Ids are tag: URIs
// made from the committee and the record (`tag:alesco.governance,2024-05-08:vote/<id>`),
// so they survive a move of the site; dates come from the records, never
// the clock. Everything a person wrote is escaped for XML, and characters
// XML cannot hold are dropped.
import { voteFacts } from '../core/changes.ts';
import { BIDI_RANGES, CONTROLS_BUT_BREAKS, LONE_SURROGATE } from '../core/escape.ts';
import type { Model, Rfc, Vote } from '../core/model.ts';
import { inProgress } from '../core/model.ts';
import { isNullified } from '../core/votes.ts';
import { rfcDecidedOn } from './api.ts';
import type { SiteInput } from './input.ts';
import { committeeSlug, linksOf, pagePath, type Links } from './links.ts';

// What XML 1.0 cannot hold (controls but tab and line breaks, U+FFFE, U+FFFF, lone
// surrogates) and the bidirectional overrides: dropped.
const UNFIT_SOURCE = `[${CONTROLS_BUT_BREAKS}\\ufffe\\uffff${BIDI_RANGES}]|${LONE_SURROGATE}`;
const UNFIT = new RegExp(UNFIT_SOURCE);
const UNFIT_ALL = new RegExp(UNFIT_SOURCE, 'g');
const MARKUP = /[&<>"]/;

/**
 * Text for XML content or a double-quoted attribute: `&`, `<`, `>` and `"`
 * as entities; characters outside XML 1.0's Char production (controls but
 * tab and line breaks, lone surrogates, U+FFFE, U+FFFF) and bidirectional
 * overrides dropped; line breaks as `\n`.
 */
export function escapeXml(text: string): string {
  let out = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  // Tested first: most text has nothing to drop or escape, and a feed holds megabytes of it.
  if (UNFIT.test(out)) out = out.replace(UNFIT_ALL, '');
  if (MARKUP.test(out)) out = out.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return out;
}

const instant = (date: string): string => `${date}T00:00:00Z`;
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const rfcName = (n: number): string => `RFC ${String(n).padStart(4, '0')}`;

interface Entry {
  record: 'vote' | 'rfc';
  id: string;
  title: string;
  /** The decision's date: the order of the feed. */
  published: string;
  /** The latest date its records give (a correction, a nullification). */
  updated: string;
  link?: string;
  category: string;
  summary: string;
}

const KIND_NAMES: Record<string, string> = {
  rfc: 'RFC vote',
  'chair-election': 'Chair election',
  membership: 'Membership vote',
  policy: 'Policy vote',
  decision: 'Decision',
};

/** A vote's result in words: `passed`, `not passed`, `elected Ann Example`, `no majority`. */
export function resultWords(model: Model, result: string | undefined): string {
  if (result === undefined) return 'no result recorded';
  if (result.startsWith('elected:')) {
    const id = result.slice('elected:'.length);
    return `elected ${model.members.get(id)?.name ?? id}`;
  }
  return result.replace(/-/g, ' ');
}

function voteEntry(model: Model, links: Links, tag: string, v: Vote, date: string): Entry {
  const facts = voteFacts(model, v);
  const nullified = isNullified(model, v);
  const kind = v.kind ? (KIND_NAMES[v.kind] ?? v.kind) : 'Vote';
  const what = v.motion ?? v.id;
  const lines: string[] = [];
  lines.push(
    v.meeting !== undefined
      ? `${kind} at the meeting of ${v.meeting}.`
      : `${kind}, asynchronous${v.async?.channel !== undefined ? ` on ${v.async.channel}` : ''}${v.async?.closed ? `, closed ${v.async.closed}` : ''}.`,
  );
  if (v.motion !== undefined) lines.push(`Motion: ${v.motion}`);
  lines.push(`Result: ${resultWords(model, v.result)}${facts.computedResult !== undefined && facts.computedResult !== v.result ? ` (the counted ballots give ${resultWords(model, facts.computedResult)})` : ''}.`);
  if (facts.tally) lines.push(`Tally: ${facts.tally.yes} yes, ${facts.tally.no} no, ${facts.tally.abstain} abstain.`);
  if (facts.quorum) {
    const q = facts.quorum;
    lines.push(`Quorum: ${q.met ? 'met' : 'not met'}, ${q.attendance} of ${q.n} ${q.async ? 'took part' : 'present'}, ${q.needed} needed.`);
  }
  if (v.rfc !== undefined) lines.push(`On ${rfcName(v.rfc)}.`);
  let updated = date;
  if (nullified && v.nullifiedBy !== undefined) {
    lines.push(`Nullified by ${v.nullifiedBy}: it decides nothing.`);
    const by = model.votes.get(v.nullifiedBy)?.date;
    if (by && by > updated) updated = by;
  }
  for (const c of v.corrections) {
    lines.push(`Corrected ${c.date} by ${c.by}: ${c.reason}`);
    if (c.date > updated) updated = c.date;
  }
  return {
    record: 'vote',
    id: `${tag}vote/${encodeURIComponent(v.id)}`,
    title: `${nullified ? '[nullified] ' : ''}${kind} ${date}: ${what} (${resultWords(model, v.result)})`,
    published: date,
    updated,
    link: links.page(pagePath.vote(v.id)),
    category: v.kind ?? 'vote',
    summary: lines.join('\n'),
  };
}

function rfcEntry(model: Model, links: Links, tag: string, r: Rfc, date: string, status: string): Entry {
  const lines: string[] = [];
  const vote = r.decision && r.decision !== 'legacy' ? model.votes.get(r.decision) : undefined;
  if (r.decision === 'legacy') lines.push(`${status[0]?.toUpperCase()}${status.slice(1)} before these records began (no vote recorded).`);
  else if (r.decision !== undefined)
    lines.push(`${status[0]?.toUpperCase()}${status.slice(1)} by vote ${r.decision}${vote ? ` (${resultWords(model, vote.result)})` : ''}.`);
  else lines.push(`${status[0]?.toUpperCase()}${status.slice(1)} on ${date}.`);
  if (status === 'superseded' && typeof r.supersededBy === 'number') lines.push(`Superseded by ${rfcName(r.supersededBy)}.`);
  const dates = [
    r.created ? `created ${r.created}` : undefined,
    r.discussionSince ? `in discussion from ${r.discussionSince}` : undefined,
    r.fcpSince ? `final comment period from ${r.fcpSince}` : undefined,
  ].filter((x): x is string => x !== undefined);
  if (dates.length) lines.push(`Lifecycle: ${dates.join(', ')}.`);
  const pr = links.pullUrl(r.pr);
  if (pr) lines.push(`Pull request: ${pr}`);
  const updated = r.updated && r.updated > date ? r.updated : date;
  return {
    record: 'rfc',
    id: `${tag}rfc/${r.number}/${status}`,
    title: `${rfcName(r.number)} ${status}: ${r.title ?? r.slug}`,
    published: date,
    updated,
    link: links.page(pagePath.rfc(r.number)),
    category: `rfc-${status}`,
    summary: lines.join('\n'),
  };
}

export function renderAtom(input: SiteInput): string {
  const { model, today } = input;
  const links = linksOf(input);
  const committee = model.charter?.committee ?? 'Committee';
  const slug = committeeSlug(model.charter?.committee);
  // A tag URI's date must be one the name was held on: the board's appointment of the committee.
  const since = model.charter?.boardAppointment ?? model.recordsSince ?? '2000-01-01';
  const tag = `tag:${slug}.governance,${since}:`;
  const entries: Entry[] = [];
  for (const v of model.votes.values()) {
    // A vote in progress has decided nothing yet.
    if (v.date === undefined || inProgress(v)) continue;
    entries.push(voteEntry(model, links, tag, v, v.date));
  }
  for (const r of model.rfcs) {
    // An unnumbered draft withdrawn by its author is no decision of the committee, and has no page.
    if (r.number <= 0 || !r.status) continue;
    const date = rfcDecidedOn(model, r);
    if (date === undefined) continue;
    entries.push(rfcEntry(model, links, tag, r, date, r.status));
  }
  // Newest first; on one day an RFC's outcome before the vote that decided it.
  const rank = (e: Entry): number => (e.record === 'rfc' ? 0 : 1);
  entries.sort((a, b) => cmp(b.published, a.published) || rank(a) - rank(b) || cmp(b.id, a.id));
  const updated = entries.reduce((max, e) => (e.updated > max ? e.updated : max), entries.length ? '' : today);
  const x = escapeXml;
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${x(`${tag}decisions`)}</id>`,
    `  <title>${x(`${committee}: decisions`)}</title>`,
    `  <subtitle>${x(`Votes and RFC decisions of ${committee}, from its records, newest first`)}</subtitle>`,
    `  <updated>${instant(updated)}</updated>`,
    `  <author><name>${x(committee)}</name></author>`,
    '  <generator>alesco-governance</generator>',
  ];
  if (links.siteUrl) {
    out.push(`  <link rel="self" type="application/atom+xml" href="${x(`${links.siteUrl}decisions.atom`)}"/>`);
    out.push(`  <link rel="alternate" type="text/html" href="${x(links.siteUrl)}"/>`);
  }
  for (const e of entries) {
    out.push(
      '  <entry>',
      `    <id>${x(e.id)}</id>`,
      `    <title type="text">${x(e.title)}</title>`,
      ...(e.link ? [`    <link rel="alternate" type="text/html" href="${x(e.link)}"/>`] : []),
      `    <published>${instant(e.published)}</published>`,
      `    <updated>${instant(e.updated)}</updated>`,
      `    <category term="${x(e.category)}"/>`,
      // An entry without a page carries its text as content (RFC 4287 4.1.2: no alternate link, then content).
      e.link ? `    <summary type="text">${x(e.summary)}</summary>` : `    <content type="text">${x(e.summary)}</content>`,
      '  </entry>',
    );
  }
  out.push('</feed>');
  return `${out.join('\n')}\n`;
}
