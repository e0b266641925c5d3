// Planned records against what the repository already holds: new,
// unchanged, or different; and the schema check of everything about to be
// written. Pure: the shell hands in the existing files' text.
//
// Some keys are the committee's to word, not the importer's to restate:
// a motion in the committee's own words, notes and sources, a
// `nullified_by` or `corrections` added by hand, an RFC's body. In an
// existing record those are kept as they are, and only the facts the
// importer reads (dates, attendance, ballots, results...) are compared, so
// re-running an import over curated records changes nothing.
import { isDeepStrictEqual } from 'node:util';
import { extractFrontMatter, parseYamlText } from '../core/source.ts';
import type { RecordKind, SchemaSet } from '../core/validate.ts';
import { emitRfc, emitYaml, orderRecord } from './emit.ts';
import type { PlannedRecord, RecordKindOut } from './types.ts';

export const CURATED: Record<RecordKindOut, readonly string[]> = {
  meeting: ['chaired_by', 'corrections', 'recording', 'agenda', 'source', 'notes'],
  vote: ['motion', 'corrections', 'nullified_by', 'source', 'notes'],
  rfc: ['pr', 'discussion_since', 'fcp_since', 'board_input', 'supersedes', 'superseded_by', 'source', 'notes'],
};

export type Outcome = 'new' | 'unchanged' | 'update' | 'kept';

export interface Decided {
  record: PlannedRecord;
  outcome: Outcome;
  /** Top-level keys whose imported value differs from the existing record's. */
  differs: string[];
  /** The text to write (new and update). */
  text?: string;
}

interface Existing {
  value: Record<string, unknown>;
  body?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** An existing file's record, or undefined when it cannot be read as one. */
export function readExisting(kind: RecordKindOut, path: string, text: string): Existing | undefined {
  if (kind === 'rfc') {
    const fm = extractFrontMatter(text);
    if (!fm) return undefined;
    const parsed = parseYamlText(path, fm.yaml, fm.lineOffset);
    if (!parsed.ok || !isRecord(parsed.source.value)) return undefined;
    const rest = text.replace(/^\uFEFF/, '').replace(/^---[ \t]*\r?\n/, '');
    const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(rest);
    const body = close ? rest.slice(close.index + close[0].length) : '';
    return { value: parsed.source.value, body };
  }
  const parsed = parseYamlText(path, text);
  if (!parsed.ok || !isRecord(parsed.source.value)) return undefined;
  return { value: parsed.source.value };
}

function render(record: PlannedRecord): string {
  return record.kind === 'rfc' ? emitRfc(record.value, record.body ?? '') : emitYaml(record.kind, record.value);
}

/**
 * What to do with one planned record, given the file already at its path
 * (undefined: none). `force` replaces a record whose facts differ.
 */
export function decide(record: PlannedRecord, existingText: string | undefined, force: boolean): Decided {
  if (existingText === undefined) return { record, outcome: 'new', differs: [], text: render(record) };
  const existing = readExisting(record.kind, record.path, existingText);
  if (!existing) {
    return force
      ? { record, outcome: 'update', differs: ['(unreadable file)'], text: render(record) }
      : { record, outcome: 'kept', differs: ['(unreadable file)'] };
  }
  const curated = CURATED[record.kind];
  const merged: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record.value)) if (!curated.includes(k)) merged[k] = v;
  for (const k of curated) if (existing.value[k] !== undefined) merged[k] = existing.value[k];
  const mergedRecord: PlannedRecord = { ...record, value: orderRecord(record.kind, merged) };
  if (record.kind === 'rfc') mergedRecord.body = existing.body ?? record.body ?? '';
  const keys = new Set([...Object.keys(merged), ...Object.keys(existing.value)]);
  const differs = [...keys].filter((k) => !isDeepStrictEqual(merged[k], existing.value[k])).sort();
  if (differs.length === 0) return { record: mergedRecord, outcome: 'unchanged', differs };
  if (!force) return { record: mergedRecord, outcome: 'kept', differs };
  return { record: mergedRecord, outcome: 'update', differs, text: render(mergedRecord) };
}

export interface SchemaFailure {
  path: string;
  messages: string[];
}

const SCHEMA_KIND: Record<RecordKindOut, RecordKind> = { meeting: 'meeting', vote: 'vote', rfc: 'rfc' };

/** Every record about to be written, against the checker's schemas. */
export function validateRecords(decided: readonly Decided[], schemas: SchemaSet): SchemaFailure[] {
  const out: SchemaFailure[] = [];
  for (const d of decided) {
    if (d.outcome !== 'new' && d.outcome !== 'update') continue;
    // The text about to be written, read back as `check` will read it.
    const back = d.text !== undefined ? readExisting(d.record.kind, d.record.path, d.text) : undefined;
    if (!back) {
      out.push({ path: d.record.path, messages: ['the record does not read back from its text'] });
      continue;
    }
    const messages = schemas.validate(SCHEMA_KIND[d.record.kind], back.value).map((i) => i.message);
    if (!isDeepStrictEqual(back.value, d.record.value)) messages.push('the record reads back different from what was planned');
    if (messages.length > 0) out.push({ path: d.record.path, messages });
  }
  return out;
}
