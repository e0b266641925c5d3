// Legacy RFCs (a bullet-list header under the title) -> front matter.
// Pure: file names and texts in, planned RFC files and gaps out.
//
//   # RFC: Title
//   * **RFC Number:** `0004`
//   * **Author(s):** [Jane Doe](jane@example.org), [Bob Roe](bob@example.org)
//   * **Status:** Accepted
//   * **Created:** [2025-05-07 15:00 UTC]
//   * **Updated:** [2025-05-07 15:00 UTC]
import { isIsoDate } from '../core/dates.ts';
import type { ImportContext } from './context.ts';
import { plainText } from './markdown.ts';
import type { Gap, ImportPlan, PlannedRecord } from './types.ts';

export const LIFECYCLE = ['draft', 'discussion', 'fcp', 'accepted', 'rejected', 'withdrawn', 'superseded'] as const;
export type Status = (typeof LIFECYCLE)[number];

/** Status words the importer maps without being told; anything else needs `--status WORD=status`. */
const KNOWN_STATUS: Record<string, Status> = {
  draft: 'draft',
  discussion: 'discussion',
  'in discussion': 'discussion',
  'under discussion': 'discussion',
  'accepted for discussion': 'discussion',
  fcp: 'fcp',
  'final comment period': 'fcp',
  accepted: 'accepted',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  superseded: 'superseded',
};

export function isStatus(s: string): s is Status {
  return (LIFECYCLE as readonly string[]).includes(s);
}

/** Parse `--status Approved=accepted` values into a word -> status map (words compared without case). */
export function parseStatusMap(specs: readonly string[]): Map<string, Status> {
  const out = new Map<string, Status>();
  for (const spec of specs) {
    const m = /^\s*([^=]+?)\s*=\s*([a-z]+)\s*$/.exec(spec);
    if (!m?.[1] || !m[2]) throw new Error(`--status ${spec}: expected WORD=STATUS, e.g. Approved=accepted`);
    if (!isStatus(m[2])) throw new Error(`--status ${spec}: "${m[2]}" is not a lifecycle status (${LIFECYCLE.join(', ')})`);
    out.set(m[1].toLowerCase(), m[2]);
  }
  return out;
}

/** The lifecycle status of a header's word: an explicit mapping first, then the known words. */
export function mapStatus(word: string, explicit: ReadonlyMap<string, Status>): Status | undefined {
  const key = word.toLowerCase().replace(/\s+/g, ' ').trim();
  return explicit.get(key) ?? KNOWN_STATUS[key];
}

export interface LegacyRfc {
  file: string;
  /** The number the file name gives. */
  number: number;
  slug: string;
  title?: string;
  /** Header fields as written, by lower-cased name. */
  fields: Map<string, string>;
  /** The text after the header. */
  rest: string;
}

const RFC_FILE = /^(\d{4,})-([A-Za-z0-9][A-Za-z0-9._-]*)\.md$/;
const FIELD = /^\s*[*-]\s+\*\*\s*(.+?)\s*:?\s*\*\*\s*:?\s*(.*)$/;

export function parseLegacyRfc(file: string, text: string): LegacyRfc | undefined {
  const m = RFC_FILE.exec(file);
  if (!m) return undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: LegacyRfc = { file, number: Number(m[1]), slug: m[2] ?? '', fields: new Map(), rest: '' };
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  const h1 = /^#\s+(.*?)\s*#*\s*$/.exec(lines[i] ?? '');
  if (h1) {
    out.title = plainText((h1[1] ?? '').replace(/^RFC\s*:\s*/i, ''));
    i++;
  }
  let end = i;
  for (let j = i; j < lines.length; j++) {
    const line = lines[j] ?? '';
    if (line.trim() === '') {
      if (out.fields.size > 0) {
        end = j;
        break;
      }
      continue;
    }
    const f = FIELD.exec(line);
    if (!f) {
      end = j;
      break;
    }
    out.fields.set((f[1] ?? '').toLowerCase(), (f[2] ?? '').trim());
    end = j + 1;
  }
  out.rest = lines.slice(end).join('\n').replace(/^\n+/, '');
  return out;
}

export interface RfcOptions {
  /** Explicit status words: `--status Approved=accepted`. */
  statuses?: ReadonlyMap<string, Status>;
  /** `keep`: the original text below the front matter; `link`: a title and a link to the original. */
  body?: 'keep' | 'link';
  /** Where the original is published: `{file}` is replaced by the file name. */
  url?: string;
}

function field(rfc: LegacyRfc, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = rfc.fields.get(n);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** "[Jane Doe](jane@example.org), [Bob](https://...)" -> ["Jane Doe <jane@example.org>", ...]. */
export function parseAuthors(value: string): { authors: string[]; template: boolean } {
  const authors: string[] = [];
  let template = false;
  let rest = value.replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, (_m, name: string, contact: string) => {
    const n = plainText(name);
    const c = contact.replace(/^mailto:/i, '');
    if (n !== '') authors.push(c !== '' ? `${n} <${c}>` : n);
    return ',';
  });
  rest = rest.replace(/\[([^\]]*)\]/g, (_m, inner: string) => {
    // A bracketed text with no link is the template's placeholder ("[Your Name and Contact Information]").
    template = true;
    void inner;
    return ',';
  });
  for (const part of rest.split(/,|;|\band\b/)) {
    const p = plainText(part);
    if (p !== '') authors.push(p);
  }
  return { authors, template };
}

/** "[2025-05-07 15:00 UTC]" -> "2025-05-07". */
export function reduceDate(value: string): string | undefined {
  const d = /(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
  return d !== undefined && isIsoDate(d) ? d : undefined;
}

const pad4 = (n: number): string => String(n).padStart(4, '0');

export function planRfcs(files: readonly { name: string; text: string }[], ctx: ImportContext, opts: RfcOptions = {}): ImportPlan {
  const gaps: Gap[] = [];
  const records: PlannedRecord[] = [];
  const statuses = opts.statuses ?? new Map<string, Status>();
  if (opts.url === undefined) gaps.push({ where: '(options)', message: 'no --url: where each original is published is not recorded' });
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const gap = (message: string): void => {
      gaps.push({ where: f.name, message });
    };
    const rfc = parseLegacyRfc(f.name, f.text);
    if (!rfc) {
      if (f.name.toLowerCase() !== 'readme.md') gap('not an RFC file name (NNNN-<slug>.md): skipped');
      continue;
    }
    if (rfc.fields.size === 0) {
      gap('no header list under the title (* **Status:** ...): skipped');
      continue;
    }
    let ok = true;
    const fail = (message: string): void => {
      gap(message);
      ok = false;
    };

    const numberField = field(rfc, 'rfc number', 'number', 'rfc');
    if (numberField !== undefined) {
      const plain = plainText(numberField);
      const digits = /^\s*`?\s*(\d+)\s*`?/.exec(numberField)?.[1];
      if (digits === undefined)
        gap(`the number field holds template text (${JSON.stringify(plain)}), not a number: the file name's number ${pad4(rfc.number)} is used`);
      else if (Number(digits) !== rfc.number)
        gap(`the number field says ${digits} but the file name says ${pad4(rfc.number)}: the file name's number is used`);
      else if (plain.replace(/^\d+/, '').trim() !== '')
        gap(`the number field has template text after the number (${JSON.stringify(plain)}): the number ${pad4(rfc.number)} is used`);
    } else gap(`no number field: the file name's number ${pad4(rfc.number)} is used`);

    const title = rfc.title;
    if (title === undefined || title === '' || /^\[.*\]$/.test(title)) fail(`no title (a "# RFC: Title" line): skipped`);

    const authorsField = field(rfc, 'author(s)', 'authors', 'author');
    const { authors, template } = parseAuthors(authorsField ?? '');
    if (template) gap(`the authors field holds template text (${JSON.stringify(plainText(authorsField ?? ''))})`);
    if (authors.length === 0) fail('no authors: skipped');

    const statusWord = plainText(field(rfc, 'status') ?? '');
    const status = statusWord === '' ? undefined : mapStatus(statusWord, statuses);
    if (statusWord === '') fail('no status: skipped');
    else if (!status) fail(`unknown status word "${statusWord}": skipped; map it explicitly, e.g. --status ${statusWord.replace(/\s+/g, '-')}=accepted`);
    else if (statuses.has(statusWord.toLowerCase())) gap(`status "${statusWord}" mapped to ${status} by --status`);

    const createdField = field(rfc, 'created', 'date');
    const created = createdField !== undefined ? reduceDate(createdField) : undefined;
    if (created === undefined) fail(`created is not a date (${JSON.stringify(plainText(createdField ?? ''))}): skipped`);
    const updatedField = field(rfc, 'updated', 'last updated');
    const updated = updatedField !== undefined ? reduceDate(updatedField) : undefined;
    if (updatedField !== undefined && updated === undefined) gap(`updated is not a date (${JSON.stringify(plainText(updatedField))}): left out`);
    if (created !== undefined && updated !== undefined && updated < created) gap(`updated ${updated} is before created ${created}: check reports it (rfc-dates)`);

    const known = new Set(['rfc number', 'number', 'rfc', 'author(s)', 'authors', 'author', 'status', 'created', 'date', 'updated', 'last updated']);
    for (const k of rfc.fields.keys()) if (!known.has(k)) gap(`header field "${k}" has no place in the front matter: not imported`);

    if (!ok || !status || created === undefined || title === undefined) continue;

    const value: Record<string, unknown> = { rfc: rfc.number, title, authors, status, created };
    if (updated !== undefined) value.updated = updated;
    const notes: string[] = [];
    if (status === 'accepted' || status === 'rejected') {
      const wanted = status === 'accepted' ? 'passed' : 'not-passed';
      const votes = ctx.votes.filter((v) => v.kind === 'rfc' && v.rfc === rfc.number && !v.nullified && v.result === wanted);
      const first = votes[0];
      if (votes.length === 1 && first) value.decision = first.id;
      else if (votes.length > 1)
        gap(`${status}, and ${votes.length} recorded votes could be its decision (${votes.map((v) => v.id).join(', ')}): decision left out; name it by hand`);
      else if (ctx.recordsSince !== undefined && created < ctx.recordsSince) {
        value.decision = 'legacy';
        notes.push(`Marked ${status} in the original, but no recorded vote decides it: decision is legacy (imported history, created before records_since).`);
        gap(`marked ${status} with no recorded decision (no vote on RFC ${pad4(rfc.number)} among governance/votes/): written with decision: legacy`);
      } else gap(`marked ${status} with no recorded decision (no vote on RFC ${pad4(rfc.number)} among governance/votes/): decision left out`);
    }
    const url = opts.url?.replaceAll('{file}', rfc.file).replaceAll('{number}', pad4(rfc.number));
    if (url !== undefined) value.source = url;
    if (notes.length > 0) value.notes = notes.join(' ');
    const body =
      opts.body === 'link'
        ? `# RFC: ${title}\n\nThe original text of this RFC is published at ${url ?? rfc.file}.\n`
        : `# RFC: ${title}\n\n${rfc.rest.replace(/\s+$/, '')}\n`;
    records.push({ path: `rfcs/${rfc.file}`, kind: 'rfc', value, body });
  }
  return { records, gaps, suggestions: [] };
}
