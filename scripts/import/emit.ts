// Records -> YAML text, always the same text for the same record: keys in
// the data model's order, 2-space indent, dates and ids unquoted, id lists
// and tallies on one line, long free text folded. A second import of the
// same source is then byte-identical to the first.
import { Document, isMap, isPair, isScalar, isSeq, visit, type Scalar } from 'yaml';
import type { RecordKindOut } from './types.ts';

const ORDER: Record<RecordKindOut, readonly string[]> = {
  meeting: ['date', 'kind', 'chaired_by', 'present', 'board', 'guests', 'minutes', 'corrections', 'recording', 'agenda', 'source', 'notes'],
  vote: [
    'id', 'date', 'meeting', 'async', 'kind', 'motion', 'rfc', 'candidates', 'subject', 'nomination',
    'questionnaire_circulated', 'ballots', 'tally', 'recused', 'tie_break', 'result', 'corrections', 'nullified_by',
    'source', 'notes',
  ],
  rfc: [
    'rfc', 'title', 'authors', 'status', 'created', 'updated', 'pr', 'discussion_since', 'fcp_since', 'decision',
    'board_input', 'supersedes', 'superseded_by', 'source', 'notes',
  ],
};

/** Nested mappings: their keys' order, by the key they sit under. */
const NESTED: Record<string, readonly string[]> = {
  async: ['channel', 'opened', 'closed', 'source', 'notes'],
  candidates: ['member', 'nominated_by', 'accepted', 'source', 'notes'],
  nomination: ['by', 'date', 'source', 'notes'],
  tally: ['yes', 'no', 'abstain'],
  tie_break: ['by', 'vote', 'designated_by', 'source', 'notes'],
  corrections: ['date', 'by', 'reason', 'source', 'notes'],
  board_input: ['required', 'topics', 'received', 'source', 'notes'],
  agenda: ['rfc', 'text', 'source', 'notes'],
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function ordered(value: Record<string, unknown>, order: readonly string[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value);
  const known = order ? order.filter((k) => keys.includes(k)) : [];
  // Keys the order does not name (ballots' voter ids, new fields) keep a stable, sorted order after the known ones.
  const rest = keys.filter((k) => !known.includes(k));
  if (order) rest.sort();
  for (const k of [...known, ...rest]) {
    const v = value[k];
    if (v === undefined) continue;
    const nested = NESTED[k];
    if (Array.isArray(v)) out[k] = v.map((item) => (isRecord(item) ? ordered(item, nested) : item));
    else if (isRecord(v)) out[k] = k === 'ballots' ? { ...v } : ordered(v, nested);
    else out[k] = v;
  }
  return out;
}

/** The record with its keys in the data model's order. */
export function orderRecord(kind: RecordKindOut, value: Record<string, unknown>): Record<string, unknown> {
  return ordered(value, ORDER[kind]);
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
const FOLD_OVER = 96;

export function emitYaml(kind: RecordKindOut, value: Record<string, unknown>): string {
  const doc = new Document(orderRecord(kind, value));
  visit(doc, {
    Seq(_key, node) {
      // Lists of ids and numbers read best on one line; free text (names, authors) one per line.
      if (node.items.length > 0 && node.items.every((i) => isScalar(i) && (typeof i.value === 'number' || (typeof i.value === 'string' && ID.test(i.value)))))
        node.flow = true;
    },
    Pair(_key, pair) {
      if (!isPair(pair)) return;
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (key === 'tally' && isMap(pair.value)) pair.value.flow = true;
      if (isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.value.length > FOLD_OVER)
        (pair.value as Scalar).type = 'BLOCK_FOLDED';
    },
  });
  // An empty list stays `[]`.
  visit(doc, {
    Seq(_key, node) {
      if (isSeq(node) && node.items.length === 0) node.flow = true;
    },
  });
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: FOLD_OVER + 4, minContentWidth: 20, flowCollectionPadding: false });
}

export function emitRfc(front: Record<string, unknown>, body: string): string {
  const b = body.replace(/^\n+/, '');
  return `---\n${emitYaml('rfc', front)}---\n${b.endsWith('\n') || b === '' ? b : `${b}\n`}`;
}
