// The published status page: one self-contained HTML5 document (inline CSS,
// no JavaScript, no external requests) with the committee as it stands, the
// check's findings, and the history of meetings, votes, RFCs and chairs.
// Pure and deterministic: the same records and options give the same bytes,
// so a test can compare exact strings and a deploy changes only when the
// records do. Everything a person wrote is HTML-escaped, and a URL becomes a
// link only when it is http(s).
import { voteFacts } from './changes.ts';
import { servesOn, servingOn, termEnd } from './committee.ts';
import type { ChairTerm, Meeting, Member, Model, Rfc, ServicePeriod, Vote } from './model.ts';
import { OPEN_STAGES, type Summary } from './summary.ts';
import { checkInName } from './text.ts';
import type { Finding } from './types.ts';
import { analyzeVote, isNullified } from './votes.ts';

export interface StatusPageOptions {
  /** The date the page is judged on (YYYY-MM-DD): the only date the page adds. */
  today: string;
  /** `https://github.com/owner/repo`: findings and RFCs link to their file at `commit`. */
  repoUrl?: string;
  /** The commit the page was built from (links and the footer). */
  commit?: string;
}

// ---------------------------------------------------------------------------
// Escaping and links

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text a person wrote, inert in HTML text and in a quoted attribute. Control
 * and bidirectional-override characters are dropped: they could make a line
 * read differently from what it holds.
 */
export function escapeHtml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c)
  );
}

const esc = escapeHtml;

/**
 * The URL when it is an absolute http(s) URL a browser reads the same way,
 * else undefined: `javascript:`, `data:`, relative and protocol-relative
 * URLs, and anything with spaces or control characters never become a link.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  if (!/^https?:\/\/[^\s/?#\\]/i.test(url) || /[\s\u0000-\u001f\u007f\\]/.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return url;
}

/** A link when the URL is http(s), else the text alone. `html` is already escaped. */
function link(url: string | undefined, html: string): string {
  const safe = safeUrl(url);
  return safe ? `<a href="${esc(safe)}">${html}</a>` : html;
}

/** A repository path in a URL: every segment percent-encoded. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** A fragment identifier for an element id made from a record id. */
const anchor = (prefix: string, id: string): string => `${prefix}-${id}`;
const anchorLink = (prefix: string, id: string, html: string): string =>
  `<a href="#${esc(encodeURIComponent(anchor(prefix, id)))}">${html}</a>`;

const GITHUB_LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
const DASH = '—';

// ---------------------------------------------------------------------------
// Small pieces of wording

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
const rfcName = (n: number): string => `RFC ${String(n).padStart(4, '0')}`;
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const words = (s: string): string => s.replace(/-/g, ' ');

function personName(model: Model, id: string): string {
  const name = model.members.get(id)?.name;
  return esc(name ?? id);
}

/** Every table's columns: the header row, and the labels of a row shown as a card on a phone. */
const COLUMNS = {
  members: ['Name', 'Id', 'GitHub', 'Employer', 'Conflicts', 'Disclosed', 'Serving since', 'Appointed by'],
  findings: ['Severity', 'Rule', 'Where', 'Message'],
  meetings: ['Date', 'Kind', 'Present', 'Board', 'Guests', 'Minutes'],
  votes: ['Date', 'Motion', 'Kind', 'Result', 'Tally', 'Quorum', 'Notes'],
  rfcs: ['RFC', 'Title', 'Status', 'Created', 'Decision'],
  chairs: ['Chair', 'From', 'To', 'Elected by', 'Handed over from'],
  past: ['Name', 'Id', 'Service'],
} as const;

function table(cls: keyof typeof COLUMNS, rows: readonly string[]): string {
  return [
    `<div class="scroll"><table class="${cls}">`,
    `<thead><tr>${COLUMNS[cls].map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table></div>',
  ].join('\n');
}

const row = (cells: readonly string[], attrs = ''): string => `<tr${attrs}>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;

/** How a service period or chair term came about: the board, imported history, or a vote on this page. */
function byVote(model: Model, by: string): string {
  if (by === 'board') return 'the board';
  if (by === 'legacy') return 'imported history';
  if (by === '') return 'unknown';
  return model.votes.has(by) ? anchorLink('vote', by, `vote ${esc(by)}`) : `vote ${esc(by)}`;
}

interface Context {
  model: Model;
  options: StatusPageOptions;
  /** `https://host/owner/repo/blob/<commit>/` or undefined: no file links. */
  blobBase?: string;
}

function fileUrl(ctx: Context, file: string, line?: number): string | undefined {
  if (!ctx.blobBase) return undefined;
  return `${ctx.blobBase}${encodePath(file)}${line !== undefined ? `#L${line}` : ''}`;
}

// ---------------------------------------------------------------------------
// The committee now

function newestDisclosure(m: Member): Member['disclosures'][number] | undefined {
  // "Newest last" is the convention; the date decides when the file disagrees.
  let best: Member['disclosures'][number] | undefined;
  for (const d of m.disclosures) if (!best || d.date >= best.date) best = d;
  return best;
}

function currentPeriod(m: Member, date: string): ServicePeriod | undefined {
  let best: ServicePeriod | undefined;
  for (const p of m.service) if (p.from <= date && (p.to === undefined || date <= p.to) && (!best || p.from > best.from)) best = p;
  return best;
}

function memberRow(ctx: Context, id: string, date: string): string {
  const { model } = ctx;
  const m = model.members.get(id);
  if (!m) return row([esc(id), `<code>${esc(id)}</code>`, DASH, DASH, DASH, DASH, DASH, DASH]);
  const gh = m.github !== undefined && GITHUB_LOGIN.test(m.github) ? link(`https://github.com/${m.github}`, esc(m.github)) : m.github !== undefined ? esc(m.github) : DASH;
  let employer: string;
  let conflicts: string;
  let disclosed: string;
  if (!m.disclosuresKnown) {
    employer = conflicts = '<span class="warn">not readable</span>';
    disclosed = DASH;
  } else {
    const d = newestDisclosure(m);
    if (!d) {
      employer = '<span class="error">no disclosure</span>';
      conflicts = DASH;
      disclosed = DASH;
    } else {
      employer = esc(d.employer);
      conflicts = d.conflicts.length ? d.conflicts.map(esc).join('; ') : 'none disclosed';
      disclosed = d.date;
    }
  }
  const p = currentPeriod(m, date);
  const since = p ? `${p.from}${p.to ? ` (until ${p.to})` : ''}` : DASH;
  const appointed = p ? byVote(model, p.appointedBy) : DASH;
  return row([esc(m.name ?? id), `<code>${esc(id)}</code>`, gh, employer, conflicts, disclosed, since, appointed], ` id="${esc(anchor('member', id))}"`);
}

function committeeSection(ctx: Context, summary: Summary): string {
  const { model } = ctx;
  const c = summary.committee;
  const out = [`<section id="committee">`, `<h2>The committee on ${esc(c.date)}</h2>`];
  out.push(
    `<p>${plural(c.members.length, 'member')} serving.</p>`,
    table(
      'members',
      c.members.length ? c.members.map((id) => memberRow(ctx, id, c.date)) : [`<tr><td colspan="${COLUMNS.members.length}">Nobody serves on this date.</td></tr>`],
    ),
  );
  const facts: [string, string][] = [];
  facts.push([
    'Quorum',
    c.quorum !== undefined
      ? `${plural(c.quorum, 'member')} present, of ${c.members.length} serving (${esc(c.quorumRule ?? '')})`
      : 'unknown: governance/charter.yaml cannot be read',
  ]);
  facts.push([
    'Chair',
    c.chair
      ? `${personName(model, c.chair.member)} (<code>${esc(c.chair.member)}</code>) since ${c.chair.from}${c.chair.termEnd ? `, term ends ${c.chair.termEnd}` : ''}`
      : 'none in office',
  ]);
  if (c.checkIn !== false) facts.push([`Next ${checkInName(c.termMonths)}`, c.nextCheckIn ?? 'unknown (no chair term in office)']);
  const open = OPEN_STAGES.filter((s) => c.openRfcs[s].length > 0);
  facts.push([
    'Open RFCs',
    open.length
      ? open.map((s) => `${s}: ${c.openRfcs[s].map((n) => anchorLink('rfc', String(n), rfcName(n))).join(', ')}`).join('; ')
      : 'none',
  ]);
  out.push('<dl class="facts">', ...facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`), '</dl>', '</section>');
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// The check

function findingRow(ctx: Context, f: Finding): string {
  const where = `${esc(f.file)}:${f.line}`;
  const sev = f.severity === 'error' ? '<span class="error">✖ error</span>' : '<span class="warn">⚠ warning</span>';
  return row([sev, `<code>${esc(f.rule)}</code>`, `<code>${link(fileUrl(ctx, f.file, f.line), where)}</code>`, esc(f.message)], ` class="${f.severity}"`);
}

function checkSection(ctx: Context, findings: readonly Finding[], summary: Summary): string {
  const files = new Set(findings.map((f) => f.file)).size;
  const headline =
    summary.errors === 0 && summary.warnings === 0
      ? `<p class="verdict ok">✔ No problems (${plural(summary.files, 'file')} checked).</p>`
      : `<p class="verdict ${summary.errors > 0 ? 'error' : 'warn'}">${summary.errors > 0 ? '✖' : '⚠'} ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')} in ${plural(files, 'file')} (${plural(summary.files, 'file')} checked).</p>`;
  const out = ['<section id="check">', '<h2>The check</h2>', headline];
  const since = ctx.model.recordsSince;
  out.push(
    `<p class="note">Every record is checked against the schemas and the charter rules (<code>npm run check</code>).${since ? ` Errors about events before ${since}, imported history that no pull request can change, are reported as warnings.` : ''}</p>`,
  );
  if (findings.length)
    out.push(table('findings', findings.map((f) => findingRow(ctx, f))));
  out.push('</section>');
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Meetings

function nameList(names: readonly string[] | undefined, unknown: string): string {
  if (names === undefined) return unknown;
  return names.length ? names.map(esc).join(', ') : 'none';
}

function meetingRow(ctx: Context, m: Meeting): string {
  const { model } = ctx;
  let present = 'not recorded';
  if (!m.presentKnown) present = 'not readable';
  else if (m.present && m.date) {
    const serving = servingOn(model, m.date);
    const set = new Set(serving);
    const count = m.present.filter((id) => set.has(id)).length;
    present = `${count} / ${serving.length}`;
  }
  // The model keeps no `recording`: it is read from the parsed file when the schema accepted it.
  const raw = m.raw as Record<string, unknown> | null;
  const recording =
    m.isKnown(['recording']) && raw !== null && typeof raw === 'object' && typeof raw.recording === 'string' ? raw.recording : undefined;
  const links = [
    m.minutes !== undefined && safeUrl(m.minutes) ? link(m.minutes, 'minutes') : undefined,
    recording !== undefined && safeUrl(recording) ? link(recording, 'recording') : undefined,
  ].filter((x): x is string => x !== undefined);
  return row(
    [
      m.date ?? esc(m.id),
      m.kind ? esc(m.kind) : 'unknown',
      present,
      m.boardKnown ? nameList(m.board, 'not recorded') : 'not readable',
      nameList(m.guests, 'none'),
      links.length ? links.join(' · ') : DASH,
    ],
    ` id="${esc(anchor('meeting', m.id))}"`,
  );
}

function meetingsSection(ctx: Context): string {
  const meetings = [...ctx.model.meetings.values()].sort(
    (a, b) => cmp(b.date ?? '', a.date ?? '') || cmp(b.id, a.id),
  );
  const out = ['<section id="meetings">', '<h2>Meetings</h2>'];
  if (!meetings.length) out.push('<p>No meeting is recorded.</p>');
  out.push(
    '<p class="note">Present: members present and serving on the day / members serving on the day.</p>',
  );
  const years = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const year = m.date ? m.date.slice(0, 4) : 'Date not readable';
    years.set(year, [...(years.get(year) ?? []), m]);
  }
  for (const [year, list] of years) {
    out.push(
      `<h3>${esc(year)} <span class="count">(${plural(list.length, 'meeting')})</span></h3>`,
      table('meetings', list.map((m) => meetingRow(ctx, m))),
    );
  }
  out.push('</section>');
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Votes

function resultText(model: Model, result: string): string {
  if (result.startsWith('elected:')) return `elected ${personName(model, result.slice('elected:'.length))}`;
  return esc(words(result));
}

function tallyText(model: Model, vote: Vote): string {
  const facts = voteFacts(model, vote);
  if (vote.kind === 'chair-election') {
    const a = analyzeVote(model, vote);
    if (a.election) {
      const abstain = a.counted.filter((b) => b.value === 'abstain').length;
      const parts = [...a.election.votes.entries()]
        .sort(([x, n], [y, k]) => k - n || cmp(x, y))
        .map(([candidate, n]) => `${personName(model, candidate)} ${n}`);
      return [...parts, `abstain ${abstain}`].join(' · ');
    }
    if (vote.ballots && vote.ballots.length)
      return `${facts.ballots.map((g) => `${personName(model, g.value)} ${g.voters.length}`).join(' · ')} <span class="note">(as recorded)</span>`;
    return 'not recorded';
  }
  const counts = (t: { yes: number; no: number; abstain: number }): string => `${t.yes} yes · ${t.no} no · ${t.abstain} abstain`;
  if (facts.tally) return `${counts(facts.tally)}${vote.ballots ? '' : ' <span class="note">(counts only)</span>'}`;
  if (vote.ballots && vote.ballots.length) {
    const by = (v: string): number => vote.ballots?.filter((b) => b.value === v).length ?? 0;
    return `${counts({ yes: by('yes'), no: by('no'), abstain: by('abstain') })} <span class="note">(as recorded, not counted)</span>`;
  }
  if (vote.tally) {
    const a = analyzeVote(model, vote);
    const why =
      a.tallyTooLarge && a.tallyLimit !== undefined
        ? `as recorded; more votes than the ${a.tallyLimit} who could vote, so not counted`
        : a.tallyNotAccepted
          ? 'as recorded; a roll call must name every voter, so not counted'
          : 'as recorded, not counted';
    return `${counts(vote.tally)} <span class="note">(${why})</span>`;
  }
  return 'not recorded';
}

function voteRow(ctx: Context, vote: Vote): string {
  const { model } = ctx;
  const facts = voteFacts(model, vote);
  const nullified = isNullified(model, vote);
  const date = vote.date ?? DASH;
  const when = vote.meeting !== undefined && model.meetings.has(vote.meeting) ? anchorLink('meeting', vote.meeting, date) : date;

  let result = vote.result !== undefined ? resultText(model, vote.result) : 'none recorded';
  if (facts.computedResult !== undefined && facts.computedResult !== vote.result)
    result += ` <span class="error">(the counted ballots give ${resultText(model, facts.computedResult)})</span>`;

  let quorum = 'not judged';
  if (facts.quorum) {
    const q = facts.quorum;
    const detail = `${q.attendance} of ${q.n} ${q.async ? 'took part' : 'present'}, ${q.needed} needed`;
    quorum = q.met ? `<span class="ok">✔ met</span> (${detail})` : `<span class="error">✘ not met</span> (${detail})`;
  }

  const notes: string[] = [];
  if (vote.async) {
    const a = vote.async;
    notes.push(
      `asynchronous${a.channel !== undefined ? ` on ${esc(a.channel)}` : ''}${a.opened ? `, opened ${a.opened}` : ''}${a.closed ? `, closed ${a.closed}` : ''}`,
    );
  }
  if (vote.rfc !== undefined) notes.push(`on ${anchorLink('rfc', String(vote.rfc), rfcName(vote.rfc))}`);
  if (vote.subject !== undefined) notes.push(`candidate: ${personName(model, vote.subject)}`);
  if (vote.tieBreak?.by !== undefined)
    notes.push(`tie broken by ${personName(model, vote.tieBreak.by)}${vote.tieBreak.vote !== undefined ? ` (${esc(vote.tieBreak.vote)})` : ''}`);
  if (facts.notCounted.length)
    notes.push(`not counted: ${facts.notCounted.map((n) => `${personName(model, n.voter)} (${esc(n.reason)})`).join(', ')}`);
  if (vote.nullifiedBy !== undefined) {
    const by = model.votes.has(vote.nullifiedBy) ? anchorLink('vote', vote.nullifiedBy, esc(vote.nullifiedBy)) : esc(vote.nullifiedBy);
    notes.push(
      nullified
        ? `<strong>nullified</strong> by ${by}: it decides nothing`
        : `names ${by} as nullifying it, but that vote does not annul it`,
    );
  }
  for (const c of vote.corrections) notes.push(`corrected ${c.date} by ${esc(c.by)}: ${esc(c.reason)}`);

  return row(
    [
      when,
      vote.motion !== undefined ? esc(vote.motion) : '<span class="note">no motion recorded</span>',
      vote.kind ? esc(vote.kind) : 'unknown',
      result,
      tallyText(model, vote),
      quorum,
      notes.join('; '),
    ],
    ` id="${esc(anchor('vote', vote.id))}"${nullified ? ' class="nullified"' : ''}`,
  );
}

function votesSection(ctx: Context): string {
  const votes = [...ctx.model.votes.values()].sort((a, b) => cmp(b.date ?? '', a.date ?? '') || cmp(b.id, a.id));
  const out = ['<section id="votes">', '<h2>Votes</h2>'];
  if (!votes.length) out.push('<p>No vote is recorded.</p>');
  else {
    out.push(
      '<p class="note">Newest first. The tally is the ballots that count (eligible members, present at the meeting); quorum is judged on the vote’s date.</p>',
      table('votes', votes.map((v) => voteRow(ctx, v))),
    );
  }
  out.push('</section>');
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// RFCs

const RFC_STATUSES = ['draft', 'discussion', 'fcp', 'accepted', 'rejected', 'withdrawn', 'superseded'] as const;

function rfcRow(ctx: Context, r: Rfc): string {
  const { model } = ctx;
  const name = r.number === 0 ? `unnumbered (<code>${esc(r.file)}</code>)` : rfcName(r.number);
  let decision = DASH;
  if (r.decision === 'legacy') decision = 'imported history (no vote recorded)';
  else if (r.decision !== undefined) decision = byVote(model, r.decision);
  else if (r.status === 'accepted' || r.status === 'rejected') decision = '<span class="error">none recorded</span>';
  if (r.status === 'superseded' && typeof r.supersededBy === 'number')
    decision += `; superseded by ${anchorLink('rfc', String(r.supersededBy), rfcName(r.supersededBy))}`;
  return row(
    [link(fileUrl(ctx, r.file), name), r.title !== undefined ? esc(r.title) : DASH, r.status ? esc(r.status) : 'unknown', r.created ?? DASH, decision],
    r.number !== 0 ? ` id="${esc(anchor('rfc', String(r.number)))}"` : '',
  );
}

function rfcsSection(ctx: Context): string {
  const rfcs = [...ctx.model.rfcs].sort((a, b) => a.number - b.number || cmp(a.file, b.file));
  const out = ['<section id="rfcs">', '<h2>RFCs</h2>'];
  if (!rfcs.length) out.push('<p>No RFC is recorded.</p>');
  const known = new Set<string>(RFC_STATUSES);
  const groups: [string, Rfc[]][] = RFC_STATUSES.map((s) => [s, rfcs.filter((r) => r.status === s)]);
  groups.push(['status not readable', rfcs.filter((r) => !r.status || !known.has(r.status))]);
  // An RFC number held twice gets its anchor once: the first file keeps it.
  const anchored = new Set<number>();
  for (const [status, list] of groups) {
    if (!list.length) continue;
    out.push(
      `<h3>${esc(status)} <span class="count">(${list.length})</span></h3>`,
      table(
        'rfcs',
        list.map((r) => {
          const html = rfcRow(ctx, r);
          if (r.number === 0 || !anchored.has(r.number)) {
            anchored.add(r.number);
            return html;
          }
          return html.replace(/^<tr id="[^"]*">/, '<tr>');
        }),
      ),
    );
  }
  out.push('</section>');
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Chair terms and past members

function chairRow(ctx: Context, t: ChairTerm, current: ChairTerm | undefined): string {
  const { model } = ctx;
  const end = t.to ?? (termEnd(t, model.charter) ? `open (term ends ${termEnd(t, model.charter)})` : 'open');
  return row(
    [
      `${personName(model, t.member)}${t === current ? ' <span class="badge">in office</span>' : ''}`,
      t.from,
      end,
      t.electedByKnown ? byVote(model, t.electedBy) : 'unknown',
      t.handoverFrom !== undefined ? personName(model, t.handoverFrom) : DASH,
    ],
    t === current ? ' class="current"' : '',
  );
}

function chairSection(ctx: Context, summary: Summary): string {
  const { model } = ctx;
  const terms = [...model.chairTerms].sort((a, b) => cmp(b.from, a.from) || b.index - a.index);
  const c = summary.committee.chair;
  const current = c ? model.chairTerms.find((t) => t.member === c.member && t.from === c.from) : undefined;
  const out = ['<section id="chairs">', '<h2>Chair terms</h2>'];
  if (!terms.length) out.push('<p>No chair term is recorded.</p>');
  else
    out.push(
      table('chairs', terms.map((t) => chairRow(ctx, t, current))),
    );
  const unknown = model.chairTermsUnknown?.length ?? 0;
  if (unknown || model.skipped.chairTerms)
    out.push(
      `<p class="warn">${model.skipped.chairTerms ? 'governance/chair-terms.yaml could not be read.' : `${plural(unknown, 'chair term')} could not be read (see the check).`}</p>`,
    );
  out.push('</section>');
  return out.join('\n');
}

function periodText(model: Model, p: ServicePeriod): string {
  return `${p.from} to ${p.to ?? 'open'}${p.left ? `, ${esc(words(p.left))}` : ''} (appointed by ${byVote(model, p.appointedBy)})`;
}

function pastSection(ctx: Context, date: string): string {
  const { model } = ctx;
  const past: Member[] = [];
  const other: Member[] = [];
  for (const m of model.members.values()) {
    if (servesOn(m, date) === 'yes') continue;
    if (!m.serviceKnown || m.service.some((p) => p.from <= date)) past.push(m);
    else other.push(m);
  }
  const lastDay = (m: Member): string => m.service.reduce((d, p) => (p.to !== undefined && p.to > d ? p.to : d), '');
  past.sort((a, b) => cmp(lastDay(b), lastDay(a)) || cmp(a.id, b.id));
  other.sort((a, b) => cmp(a.id, b.id));
  const out = ['<section id="past">', '<h2>Past members</h2>'];
  if (!past.length) out.push('<p>None.</p>');
  else
    out.push(
      table(
        'past',
        past.map((m) =>
          row(
            [
              esc(m.name ?? m.id),
              `<code>${esc(m.id)}</code>`,
              m.serviceKnown ? m.service.map((p) => periodText(model, p)).join('<br>') : '<span class="warn">not readable</span>',
            ],
            ` id="${esc(anchor('member', m.id))}"`,
          ),
        ),
      ),
    );
  if (other.length) {
    out.push(
      '<h3>Candidates and members not yet serving</h3>',
      table(
        'past',
        other.map((m) =>
          row(
            [
              esc(m.name ?? m.id),
              `<code>${esc(m.id)}</code>`,
              m.service.length ? m.service.map((p) => `from ${periodText(model, p)}`).join('<br>') : 'has not served',
            ],
            ` id="${esc(anchor('member', m.id))}"`,
          ),
        ),
      ),
    );
  }
  out.push('</section>');
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// The page

const BASE_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--head:#f6f8fa;--link:#0550ae;--error:#b42318;--warn:#8a5300;--ok:#1a7f37;--badge:#ddf4ff;--badgefg:#0550ae;--strike:#59636e}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--head:#151b23;--link:#6cb6ff;--error:#ff7b72;--warn:#e3b341;--ok:#56d364;--badge:#12263f;--badgefg:#9ecbff;--strike:#9198a1}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
header,nav,main,footer{max-width:84rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem}
h1{font-size:1.75rem;margin:0 0 .25rem}
h2{font-size:1.35rem;margin:2.25rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
a{color:var(--link)}
code{font:.85em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.75rem 0 0;padding:.5rem 0;border-top:1px solid var(--line);border-bottom:1px solid var(--line)}
.lead,.note,.count,footer{color:var(--muted)}
.note{font-size:.9em}
.scroll{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.875rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
thead th{background:var(--head);white-space:nowrap}
td:first-child,td code,.nw{white-space:nowrap}
td .note{white-space:normal}
table.members td:nth-child(6),table.members td:nth-child(7),table.votes td:nth-child(3),table.votes td:nth-child(5),table.votes td:nth-child(6),table.rfcs td:nth-child(3),table.rfcs td:nth-child(4),table.chairs td:nth-child(2),table.chairs td:nth-child(3),table.meetings td:nth-child(-n+3){white-space:nowrap}
table.findings td:nth-child(3) code{white-space:normal;overflow-wrap:anywhere}
table.findings td:nth-child(3){min-width:13rem}
table.votes td:nth-child(2){min-width:18rem}
table.votes td:nth-child(7){min-width:10rem}
table.meetings{table-layout:fixed;min-width:44rem}
table.meetings th:nth-child(1){width:7.5rem}
table.meetings th:nth-child(2){width:6rem}
table.meetings th:nth-child(3){width:5.5rem}
table.meetings th:nth-child(4){width:28%}
table.meetings th:nth-child(6){width:7rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:1rem 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.verdict{font-size:1.1rem;font-weight:600}
.error{color:var(--error)}
.warn{color:var(--warn)}
.ok{color:var(--ok)}
tr.nullified td:nth-child(2),tr.nullified td:nth-child(4){text-decoration:line-through;color:var(--strike)}
.badge{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:1rem;background:var(--badge);color:var(--badgefg);white-space:nowrap}
footer{margin-top:3rem;padding:1rem 1rem 2rem;font-size:.85rem;border-top:1px solid var(--line)}
@media (max-width:40rem){
body{font-size:15px}
h1{font-size:1.4rem}
dl.facts{grid-template-columns:1fr;gap:0}
dl.facts dd{margin-bottom:.5rem}
.scroll{overflow:visible}
table,tbody,tr,td{display:block;width:auto;min-width:0}
table.meetings{min-width:0}
thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
tr{border:1px solid var(--line);border-radius:.5rem;margin:0 0 .75rem;padding:.35rem .6rem}
td{position:relative;border:0;padding:.15rem 0 .15rem 7.5rem;white-space:normal!important;min-width:0!important;overflow-wrap:anywhere}
td[colspan]{padding-left:0}
td::before{position:absolute;left:0;width:7rem;font-weight:600;color:var(--muted);overflow-wrap:normal}
td:empty{display:none}
}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#333;--line:#999;--head:#eee;--link:#000;--error:#000;--warn:#000;--ok:#000;--badge:#fff;--badgefg:#000;--strike:#333}
body{font-size:9pt}
nav{display:none}
header,main,footer{max-width:none;padding:0}
.scroll{overflow:visible}
table{font-size:8pt}
td{min-width:0!important}
table.votes td:nth-child(5),table.votes td:nth-child(6){white-space:normal}
table.meetings{min-width:0}
a{text-decoration:none}
tr,dl.facts{break-inside:avoid}
h2,h3{break-after:avoid}
.badge{border:1px solid #000}
}
`.trim();

/** A phone shows each row as a card: every cell labelled with its column's header. */
const CARD_LABELS = Object.entries(COLUMNS)
  .flatMap(([cls, headers]) => headers.map((h, i) => `table.${cls} td:nth-child(${i + 1})::before{content:${JSON.stringify(h)}}`))
  .join('\n');

const CSS = BASE_CSS.replace(/\n}\n@media print/, `\n${CARD_LABELS}\n}\n@media print`);

export function renderStatusPage(
  model: Model,
  findings: readonly Finding[],
  summary: Summary,
  options: StatusPageOptions,
): string {
  const repoUrl = safeUrl(options.repoUrl)?.replace(/\/+$/, '');
  const commit = options.commit;
  const ctx: Context = {
    model,
    options,
    ...(repoUrl ? { blobBase: `${repoUrl}/blob/${commit !== undefined ? encodePath(commit) : 'HEAD'}/` } : {}),
  };
  const committee = model.charter?.committee ?? 'Committee';
  const today = esc(options.today);
  const title = `${committee}: governance status on ${options.today}`;
  const verdict =
    summary.errors === 0 && summary.warnings === 0
      ? 'the check finds no problems'
      : `the check finds ${plural(summary.errors, 'error')} and ${plural(summary.warnings, 'warning')}`;
  const source = repoUrl
    ? `${link(repoUrl, esc(repoUrl))}${commit !== undefined ? ` at commit ${link(`${repoUrl}/commit/${encodePath(commit)}`, `<code>${esc(commit.slice(0, 12))}</code>`)}` : ''}`
    : commit !== undefined
      ? `commit <code>${esc(commit.slice(0, 12))}</code>`
      : 'the repository';

  const body = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script, no request: the page is data, whatever the records hold.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${esc(title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${esc(committee)} governance status</h1>`,
    `<p class="lead">The committee’s records as of ${today}: ${plural(summary.committee.members.length, 'member')} serving, ${verdict}.</p>`,
    '</header>',
    '<nav aria-label="Sections"><ul>',
    ...[
      ['committee', 'The committee'],
      ['check', 'The check'],
      ['meetings', 'Meetings'],
      ['votes', 'Votes'],
      ['rfcs', 'RFCs'],
      ['chairs', 'Chair terms'],
      ['past', 'Past members'],
    ].map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`),
    '</ul></nav>',
    '<main>',
    committeeSection(ctx, summary),
    checkSection(ctx, findings, summary),
    meetingsSection(ctx),
    votesSection(ctx),
    rfcsSection(ctx),
    chairSection(ctx, summary),
    pastSection(ctx, summary.committee.date),
    '</main>',
    '<footer>',
    `<p>Built by <code>npm run status-page</code> from ${source}, judged on ${today}. The records in <code>governance/</code> and <code>rfcs/</code> are the source; this page only shows them.</p>`,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ];
  return body.join('\n');
}
