// The pull request report in Markdown: the headline, what the PR changes in
// words, new and existing findings, and the committee as it now stands.
// Everything a person wrote is escaped: no table breaks, nobody is pinged,
// no HTML or image runs. The result fits GitHub's comment limit, cut at whole
// lines with a note that says what was left out.
import type { PrChanges, VoteChange } from './changes.ts';
import { committeeState, type CommitteeState } from './summary.ts';
import type { Gated } from './gating.ts';
import type { Model } from './model.ts';
import type { Finding } from './types.ts';

/** GitHub refuses a comment body longer than this. */
export const COMMENT_LIMIT = 65_536;

/** The hidden first line by which the poster finds its own comment. */
export const MARKER = '<!-- governance-report -->';

// ---------------------------------------------------------------------------
// Escaping

const ZWJ = '\u200d';
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '|': '&#124;' };

/**
 * Text a person wrote, made inert for GitHub Markdown, on one line:
 * - `& < > |` become entities: no HTML, no image tag, no comment, and a `|`
 *   cannot end a table cell (the table is split before entities are decoded);
 * - Markdown punctuation is backslash-escaped: no link, image, emphasis,
 *   code span or math;
 * - `@` and `#` get a zero-width joiner after them: no mention pings anyone
 *   (`@everyone`, `@org/team`) and no `#123` cross-references another issue;
 *   so do `GH-123`, `://` and `www.`: no `GH-` reference and no autolinked
 *   issue URL cross-references one either;
 * - line breaks become spaces, control and bidirectional-override
 *   characters are dropped, and the text is cut at `max` characters.
 */
export function escapeText(text: string, max = 300): string {
  let s = text
    .replace(/[\r\n\u2028\u2029\t\f\v]+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
  const chars = [...s];
  if (chars.length > max) s = `${chars.slice(0, max - 1).join('')}…`;
  // One pass, so no replacement is itself escaped again (an entity's `#`).
  return (
    s
      .replace(/[&<>|\\`*_[\]~$@#]/g, (c) => ENTITIES[c] ?? (c === '@' || c === '#' ? `${c}${ZWJ}` : `\\${c}`))
      // GitHub's other issue references: `GH-12`, and an issue's URL (an
      // autolink, `https://...` or `www....`): a joiner breaks each.
      .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`)
      .replace(/:(?=\/\/)/g, `:${ZWJ}`)
      .replace(/\b(www)\./gi, `$1${ZWJ}.`)
  );
}

/** A repository path as a link target: every segment percent-encoded, parentheses too. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
const rfcName = (n: number): string => `RFC ${String(n).padStart(4, '0')}`;
const short = (sha: string): string => sha.slice(0, 7);

// ---------------------------------------------------------------------------
// Blocks and the length limit

interface Block {
  /** Lines before the items (a heading, a table header). */
  head: string[];
  /** The entries that may be left out, each one or more whole lines. */
  items: string[];
  /** Lines after the items (closing a `<details>`). */
  tail: string[];
  /** Lower keeps its items first when the report is too long. */
  priority: number;
  /** What an item is, for the note: "new finding", "change". */
  noun: string;
}

const joinedLength = (lines: readonly string[]): number => lines.reduce((n, l) => n + l.length + 1, 0);

/** Lay the blocks out within `limit` characters, leaving out items (never half an item) when they do not fit. */
function layout(blocks: readonly Block[], limit: number): string {
  const whole = blocks.flatMap((b) => [...b.head, ...b.items, ...b.tail]).join('\n');
  if (whole.length + 1 <= limit) return `${whole}\n`;

  // Room for the per-block notes and the closing note is set aside first.
  const perNote = 80;
  const closingNote = 400;
  let room =
    limit -
    closingNote -
    blocks.reduce((n, b) => n + joinedLength(b.head) + joinedLength(b.tail) + (b.items.length ? perNote : 0), 0);
  const kept = new Map<Block, number>();
  for (const b of [...blocks].sort((x, y) => x.priority - y.priority)) {
    let count = 0;
    for (const item of b.items) {
      const len = item.length + 1;
      if (len > room) break;
      room -= len;
      count++;
    }
    kept.set(b, count);
  }
  const left: string[] = [];
  const lines: string[] = [];
  for (const b of blocks) {
    const count = kept.get(b) ?? b.items.length;
    const omitted = b.items.length - count;
    lines.push(...b.head, ...b.items.slice(0, count));
    if (omitted > 0) {
      lines.push('', `_…and ${plural(omitted, `more ${b.noun}`)}, left out to fit the comment limit._`);
      left.push(plural(omitted, b.noun));
    }
    lines.push(...b.tail);
  }
  lines.push(
    '',
    `> ✂️ This report was cut to fit GitHub's ${COMMENT_LIMIT.toLocaleString('en-US')}-character comment limit: left out ${left.join(', ')}. ` +
      'The full report is in the workflow run\'s job summary, or run `npm run summary` locally.',
  );
  const out = `${lines.join('\n')}\n`;
  // The estimate above is generous; this only guards against a pathological single line.
  return out.length <= limit ? out : truncateMarkdown(out, limit);
}

/**
 * Cut any Markdown text to `limit` characters at a line boundary, close a
 * `<details>` left open, and say so. For text that did not come from
 * `renderReport` (the poster does not trust its input file).
 */
export function truncateMarkdown(text: string, limit = COMMENT_LIMIT): string {
  if (text.length <= limit) return text;
  const note = `\n\n> ✂️ Cut to fit GitHub's ${COMMENT_LIMIT.toLocaleString('en-US')}-character comment limit: ${(text.length - limit).toLocaleString('en-US')} or more characters at the end were left out.\n`;
  let cut = text.slice(0, Math.max(0, limit - note.length - 20));
  const nl = cut.lastIndexOf('\n');
  if (nl > 0) cut = cut.slice(0, nl);
  const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  const close = open > 0 ? '\n\n</details>'.repeat(Math.min(open, 1)) : '';
  return `${cut}${close}${note}`.slice(0, limit);
}

// ---------------------------------------------------------------------------
// The report

export interface ReportSide {
  sha: string;
  model: Model;
}

export interface ReportInput {
  base: ReportSide;
  head: ReportSide;
  gated: Gated;
  changes: PrChanges;
  today: string;
  /** `https://github.com/owner/repo`: findings link to their line on the head commit. */
  repoUrl?: string;
  /** Characters the report may take (default: GitHub's comment limit). */
  limit?: number;
}

function where(f: Finding, input: ReportInput): string {
  const text = `${escapeText(f.file, 200)}:${f.line}`;
  if (!input.repoUrl) return text;
  return `[${text}](${input.repoUrl}/blob/${input.head.sha}/${encodePath(f.file)}#L${f.line})`;
}

function findingRow(f: Finding, input: ReportInput): string {
  const icon = f.severity === 'error' ? '❌ error' : '⚠️ warning';
  return `| ${icon} | \`${f.rule}\` | ${where(f, input)} | ${escapeText(f.message, 500)} |`;
}

const TABLE_HEAD = ['| | Rule | Where | Message |', '|---|---|---|---|'];

function who(voters: readonly string[]): string {
  return voters.length ? ` (${voters.map((v) => escapeText(v, 60)).join(', ')})` : '';
}

function voteLines(v: VoteChange): string {
  const id = escapeText(v.id, 120);
  const lines: string[] = [];
  if (v.change === 'removed') return `- **Vote ${id} deleted** (${escapeText(v.file, 200)})`;
  if (v.change === 'changed') {
    const what = v.fields.map((f) =>
      f.before !== undefined || f.after !== undefined
        ? `${escapeText(f.label, 80)} (${escapeText(f.before ?? 'absent', 60)} → ${escapeText(f.after ?? 'absent', 60)})`
        : escapeText(f.label, 80),
    );
    lines.push(`- **Vote ${id} changed**${what.length ? `: ${what.join(', ')}` : ''}`);
    for (const c of v.correctionsAppended)
      lines.push(`  - Correction appended: ${c.date} by ${escapeText(c.by, 80)}: ${escapeText(c.reason)}`);
    return lines.join('\n');
  }
  if (v.inProgress) {
    const p = v.inProgress;
    const held = [p.channel !== undefined ? `on ${escapeText(p.channel, 80)}` : '', p.opened ? `opened ${p.opened}` : '', `closes ${p.closes}`].filter(Boolean).join(', ');
    lines.push(`- **Vote ${id} in progress** (${v.kind ? `${escapeText(v.kind, 40)}, ` : ''}${held}): ${v.motion !== undefined ? `“${escapeText(v.motion)}”` : 'no motion recorded'}`);
    lines.push(`  - Who may vote (serving on ${p.closes}): ${p.serving.length ? p.serving.map((m) => escapeText(m, 60)).join(', ') : 'no one'}`);
    if (p.quorumNeeded !== undefined) lines.push(`  - Quorum: ${p.quorumNeeded} of ${p.serving.length} must take part (a ballot, abstain included)`);
    const how = v.kind === 'chair-election' ? '`/vote <candidate-id>` or `/vote abstain`' : '`/vote yes`, `/vote no` or `/vote abstain`';
    lines.push(
      `  - Members vote with a comment line ${how} on this PR; the live tally is under “Vote in progress”. After it closes, \`npm run record -- ballots --pr N\` records the ballots and the PR can merge`,
    );
    return lines.join('\n');
  }
  const venue =
    v.meeting !== undefined
      ? `at the meeting ${escapeText(v.meeting, 40)}${v.date && v.date !== v.meeting ? ` on ${v.date}` : ''}`
      : `asynchronous${v.date ? `, closed ${v.date}` : ''}`;
  const kind = v.kind ? `${escapeText(v.kind, 40)}, ` : '';
  lines.push(`- **Vote ${id}** (${kind}${venue}): ${v.motion !== undefined ? `“${escapeText(v.motion)}”` : 'no motion recorded'}`);
  if (v.kind === 'chair-election') {
    if (v.ballots.length)
      lines.push(
        `  - Ballots: ${v.ballots.map((g) => `${escapeText(g.value, 60)}: ${g.voters.length}${who(g.voters)}`).join(' · ')}`,
      );
  } else if (v.ballots.length) {
    const groups = new Map(v.ballots.map((g) => [g.value, g.voters]));
    const parts = ['yes', 'no', 'abstain'].map((value) => {
      const voters = groups.get(value) ?? [];
      return `${voters.length} ${value}${who(voters)}`;
    });
    const odd = v.ballots.filter((g) => !['yes', 'no', 'abstain'].includes(g.value));
    for (const g of odd) parts.push(`${g.voters.length} “${escapeText(g.value, 40)}”${who(g.voters)}`);
    lines.push(`  - ${v.notCounted.length ? 'Ballots recorded' : 'Tally'}: ${parts.join(' · ')}`);
  } else if (v.tally) {
    lines.push(`  - Tally (counts only): ${v.tally.yes} yes · ${v.tally.no} no · ${v.tally.abstain} abstain`);
  } else lines.push('  - No ballots recorded');
  if (v.notCounted.length) {
    lines.push(`  - Not counted: ${v.notCounted.map((n) => `${escapeText(n.voter, 60)} (${n.reason})`).join(', ')}`);
    // The recorded ballots and the counted ones differ: show the counts the result comes from.
    if (v.tally && v.kind !== 'chair-election')
      lines.push(`  - Counted: ${v.tally.yes} yes · ${v.tally.no} no · ${v.tally.abstain} abstain`);
  }
  const recorded = v.result !== undefined ? escapeText(v.result, 60) : 'none recorded';
  const tie =
    v.kind !== 'chair-election' && v.tally && v.tally.yes === v.tally.no && v.tally.yes > 0
      ? `; a tie, ${v.tally.yes} to ${v.tally.no}`
      : '';
  const noQuorum = `${tie}${v.quorum && !v.quorum.met ? '; without quorum the vote decides nothing' : ''}`;
  if (v.computedResult === undefined) lines.push(`  - Result: ${recorded} (not computed from the record)${noQuorum}`);
  else if (v.computedResult === v.result) lines.push(`  - Result: **${recorded}** (the counted ballots give the same)${noQuorum}`);
  else
    lines.push(`  - Result: recorded **${recorded}**, but the counted ballots give **${escapeText(v.computedResult, 60)}**${noQuorum}`);
  if (v.quorum) {
    const q = v.quorum;
    const verb = q.async ? 'took part' : 'present';
    lines.push(
      `  - Quorum: ${q.attendance} of ${q.n} ${verb}, ${q.needed} needed ${q.met ? '✔' : '✘ (no quorum)'}`,
    );
  } else lines.push('  - Quorum: not judged (attendance unknown)');
  return lines.join('\n');
}

function changeBlocks(changes: PrChanges): Block[] {
  const blocks: Block[] = [];
  const group = (title: string, items: string[]): void => {
    if (items.length) blocks.push({ head: ['', `**${title}**`, ''], items, tail: [], priority: 1, noun: 'change' });
  };
  group('Votes', changes.votes.map(voteLines));

  const members: string[] = [];
  const disclosures: string[] = [];
  for (const m of changes.members) {
    const id = `**${escapeText(m.id, 60)}**${m.name !== undefined ? ` (${escapeText(m.name, 100)})` : ''}`;
    if (m.change === 'removed') {
      members.push(`- ${id}: member file deleted`);
      continue;
    }
    for (const p of m.joins) {
      const by = p.appointedBy === 'board' ? 'by the board' : p.appointedBy === 'legacy' ? '(imported history)' : `by vote ${escapeText(p.appointedBy, 120)}`;
      members.push(`- ${id} joins on ${p.from}, appointed ${by}`);
    }
    for (const p of m.leaves) members.push(`- ${id} leaves after ${p.to ?? ''}${p.left ? ` (${escapeText(p.left, 40)})` : ''}`);
    if (m.change === 'added' && m.joins.length === 0) members.push(`- ${id} added as a candidate (no service yet)`);
    if (m.serviceChanged) members.push(`- ${id}: service periods changed`);
    for (const c of m.continuation)
      members.push(`- ${id} answers the check-in of ${c.date}: ${c.continues ? 'continues' : 'does not continue'}`);
    if (m.github)
      members.push(
        `- ${id}: GitHub handle ${escapeText(m.github.before ?? 'none', 60)} → ${escapeText(m.github.after ?? 'none', 60)} (CODEOWNERS follows it)`,
      );
    for (const d of m.disclosures)
      disclosures.push(
        `- ${id}: disclosure of ${d.date}: employer ${escapeText(d.employer, 120)}; ${d.conflicts.length ? `conflicts: ${d.conflicts.map((c) => escapeText(c, 120)).join('; ')}` : 'no conflicts'}`,
      );
  }
  group('Members', members);

  group(
    'Chair',
    changes.chair.map((c) => {
      const m = escapeText(c.member, 60);
      const by = c.electedBy === 'legacy' ? 'imported history' : `elected by ${escapeText(c.electedBy, 120)}`;
      switch (c.change) {
        case 'added':
          return `- ${m} chairs from ${c.from}${c.to ? ` to ${c.to}` : ''} (${by})`;
        case 'closed':
          return `- ${m}'s term from ${c.from} ends on ${c.to ?? ''}`;
        case 'changed':
          return `- ${m}'s term from ${c.from} changed${c.to ? ` (now to ${c.to})` : ''}`;
        default:
          return `- ${m}'s term from ${c.from} deleted`;
      }
    }),
  );

  group(
    'Meetings',
    changes.meetings.map((m) => {
      const id = escapeText(m.id, 60);
      if (m.change === 'removed') return `- **Meeting ${id} deleted**`;
      if (m.change === 'changed') {
        const lines = [
          `- **Meeting ${id} changed**${m.fields.length ? `: ${m.fields.map((f) => escapeText(f.label, 60)).join(', ')}` : ''}`,
        ];
        for (const c of m.correctionsAppended)
          lines.push(`  - Correction appended: ${c.date} by ${escapeText(c.by, 80)}: ${escapeText(c.reason)}`);
        return lines.join('\n');
      }
      const facts = [
        m.present ? `${m.present.count} of ${m.present.n} members present` : 'attendance not recorded',
        plural(m.guests.length, 'guest'),
        m.board === undefined ? undefined : m.board.length ? plural(m.board.length, 'board member') : 'no board member',
      ].filter((x): x is string => x !== undefined);
      return `- **Meeting ${id}** (${m.kind ? escapeText(m.kind, 40) : 'kind unknown'}): ${facts.join(', ')}`;
    }),
  );

  group(
    'RFCs',
    changes.rfcs.map((r) => {
      const name = `${r.number === 0 ? `unnumbered RFC ${escapeText(r.file, 200)}` : rfcName(r.number)}${r.title !== undefined ? ` (${escapeText(r.title, 150)})` : ''}`;
      switch (r.change) {
        case 'added':
          return `- ${name} added${r.to ? ` as ${escapeText(r.to, 30)}` : ''}`;
        case 'status':
          return `- ${name}: ${escapeText(r.from ?? '', 30)} → ${escapeText(r.to ?? '', 30)}`;
        case 'numbered':
          return `- ${name} numbered (was ${escapeText(r.previousFile ?? '', 200)})`;
        default:
          return `- ${name} deleted`;
      }
    }),
  );

  group('Disclosures', disclosures);

  group(
    'SIGs',
    changes.sigs.map((s) => {
      const name = `${escapeText(s.id, 60)}${s.name !== undefined ? ` (${escapeText(s.name, 100)})` : ''}`;
      if (s.change === 'added') return `- SIG ${name} added`;
      if (s.change === 'removed') return `- SIG ${name} deleted`;
      return `- SIG ${name} changed${s.liaison ? `: liaison ${escapeText(s.liaison.before ?? 'none', 80)} → ${escapeText(s.liaison.after ?? 'none', 80)}` : ''}`;
    }),
  );

  // The charter's changes are the "Charter amendment" section, near the top.
  return blocks;
}

function committeeItems(state: CommitteeState, model: Model): string[] {
  const names = state.members.map((id) => {
    const name = model.members.get(id)?.name;
    return `${escapeText(id, 60)}${name !== undefined ? ` (${escapeText(name, 100)})` : ''}`;
  });
  const items = [`- Members (${state.members.length}): ${names.length ? names.join(', ') : 'none'}`];
  items.push(
    state.quorum !== undefined
      ? `- Quorum: ${state.quorum} present (${escapeText(state.quorumRule ?? '', 80)})`
      : '- Quorum: unknown (governance/charter.yaml cannot be read)',
  );
  items.push(
    state.chair
      ? `- Chair: ${escapeText(state.chair.member, 60)} since ${state.chair.from}${state.chair.termEnd ? `, term ends ${state.chair.termEnd}` : ''}`
      : '- Chair: none in office',
  );
  const open = (['draft', 'discussion', 'fcp'] as const).filter((s) => state.openRfcs[s].length > 0);
  items.push(
    `- Open RFCs: ${open.length ? open.map((s) => `${s} ${state.openRfcs[s].map(rfcName).join(', ')}`).join('; ') : 'none'}`,
  );
  return items;
}

const OUTCOME_FIELD = /^(result|ballots(\.|$)|tally(\.|$)|tie_break(\.|$)|recused$)/;

/**
 * A PR that corrects a merged vote so that its outcome, ballots or tally
 * change says so first: nobody should learn from a table row further down
 * that a decision was reversed.
 */
function outcomeLines(changes: PrChanges): string[] {
  const lines: string[] = [];
  for (const v of changes.votes) {
    if (v.change !== 'changed') continue;
    const relevant = v.fields.filter((f) => OUTCOME_FIELD.test(f.label));
    if (relevant.length === 0) continue;
    const id = escapeText(v.id, 120);
    const result = relevant.find((f) => f.label === 'result');
    lines.push(
      '',
      result
        ? `> ⚠️ **This PR changes the outcome of vote ${id} from ${escapeText(result.before ?? 'none', 60)} to ${escapeText(result.after ?? 'none', 60)}.**`
        : `> ⚠️ **This PR changes the recorded ${relevant.some((f) => f.label.startsWith('ballots')) ? 'ballots' : 'counts'} of vote ${id}** (its recorded result stays ${escapeText(v.result ?? 'none', 60)}).`,
    );
    for (const f of relevant) {
      if (f.label === 'result') continue;
      const what = f.label.startsWith('ballots.') ? `ballot of ${escapeText(f.label.slice('ballots.'.length), 60)}` : escapeText(f.label, 60);
      lines.push(`> - ${what}: ${escapeText(f.before ?? 'absent', 60)} → ${escapeText(f.after ?? 'absent', 60)}`);
    }
    const why = v.correctionsAppended.map((c) => `${c.date} by ${escapeText(c.by, 80)}: ${escapeText(c.reason)}`);
    lines.push(why.length ? `> - Correction: ${why.join('; ')}` : '> - No correction entry says why (record-immutable).');
  }
  return lines;
}

/** A PR that changes charter.yaml: each number old → new, with its charter text, and who judges this PR. */
function amendmentLines(changes: PrChanges): string[] {
  if (changes.charter.length === 0) return [];
  return [
    '',
    '### Charter amendment',
    '',
    "This PR changes the charter's numbers. They apply once it is merged: this PR's own records are judged by the base branch's charter.",
    '',
    ...changes.charter.map(
      (c) =>
        // The label is one of the checker's own key paths (charterLeaves), never record text.
        `- \`${c.label}\`: ${escapeText(c.before ?? 'absent', 150)} → ${escapeText(c.after ?? 'absent', 150)}${c.text !== undefined ? `, beside “${escapeText(c.text, 300)}”` : ''}`,
    ),
  ];
}

export function renderReport(input: ReportInput): string {
  const { gated, changes } = input;
  const limit = input.limit ?? COMMENT_LIMIT;
  const newWarnings = gated.fresh.length - gated.newErrors;
  const blocks: Block[] = [];

  const headline =
    gated.newErrors > 0
      ? `## ❌ Governance check failed: ${plural(gated.newErrors, 'new error')}`
      : '## ✅ Governance check passed';
  const intro = [
    MARKER,
    headline,
    '',
    `Base \`${short(input.base.sha)}\` → head \`${short(input.head.sha)}\`, judged on ${input.today}. ` +
      `New in this PR: ${plural(gated.newErrors, 'error')}, ${plural(newWarnings, 'warning')}. ` +
      `Already on the base branch: ${plural(gated.existing.length, 'finding')} (not blocking)` +
      `${gated.fixed.length ? `. Fixed by this PR: ${plural(gated.fixed.length, 'finding')}` : ''}.`,
  ];
  if (changes.rulePaths.length) {
    const shown = changes.rulePaths.slice(0, 10).map((p) => escapeText(p, 200));
    const more = changes.rulePaths.length - shown.length;
    intro.push(
      '',
      `> ⚠️ **This PR changes the rules: needs code-owner review.** It changes ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`,
    );
  }
  intro.push(...outcomeLines(changes));
  blocks.push({ head: intro, items: [], tail: [], priority: 0, noun: '' });
  const amendment = amendmentLines(changes);
  if (amendment.length) blocks.push({ head: amendment, items: [], tail: [], priority: 0, noun: '' });

  blocks.push({ head: ['', '### What this PR changes'], items: [], tail: [], priority: 1, noun: 'change' });
  const changed = changeBlocks(changes);
  if (changed.length === 0 && changes.charter.length === 0) {
    const other = changes.changedPaths.length;
    blocks.push({
      head: ['', other ? `No governance records change (${plural(other, 'other file')} ${other === 1 ? 'changes' : 'change'}).` : 'No governance records change.'],
      items: [],
      tail: [],
      priority: 1,
      noun: 'change',
    });
  }
  blocks.push(...changed);

  if (gated.fresh.length) {
    const title =
      gated.newErrors > 0
        ? `### New findings (${gated.fresh.length}): the errors fail this PR`
        : `### New findings (${gated.fresh.length}): warnings only, this PR can merge`;
    blocks.push({
      head: ['', title, '', ...TABLE_HEAD],
      items: gated.fresh.map((f) => findingRow(f, input)),
      tail: [],
      priority: 0,
      noun: 'new finding',
    });
  } else blocks.push({ head: ['', '### New findings', '', 'None.'], items: [], tail: [], priority: 0, noun: '' });

  if (gated.existing.length) {
    blocks.push({
      head: [
        '',
        `<details><summary>Existing findings on the base branch (${gated.existing.length}): not blocking</summary>`,
        '',
        ...TABLE_HEAD,
      ],
      items: gated.existing.map((f) => findingRow(f, input)),
      tail: ['', '</details>'],
      priority: 3,
      noun: 'existing finding',
    });
  }

  const state = committeeState(input.head.model, input.today);
  blocks.push({
    head: ['', `### The committee now (${input.today})`, ''],
    items: committeeItems(state, input.head.model),
    tail: [],
    priority: 2,
    noun: 'line',
  });
  blocks.push({
    head: ['', `<sub>Base \`${short(input.base.sha)}\`; judged by the rules and schemas of the checker that ran (in CI, the base branch's); \`npm run summary\` renders this report.</sub>`],
    items: [],
    tail: [],
    priority: 0,
    noun: '',
  });
  return layout(blocks, limit);
}
