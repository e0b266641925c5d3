// Editing a record in place: new text is spliced into the file at the
// position the `yaml` parser gives for the node, so every other byte
// (comments, folded text, key order, quoting, blank lines) stays as the
// person wrote it. Re-serialising the whole document would reflow folded
// scalars and move comments. Each edit is checked by parsing the result.
import { isMap, isSeq, parseDocument, stringify, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';

export class EditError extends Error {}

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

const OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: true } as const;

function parse(text: string) {
  const doc = parseDocument(text, OPTIONS);
  if (doc.errors.length > 0) throw new EditError(`cannot edit: the file does not parse (${doc.errors[0]?.message.split('\n')[0] ?? ''})`);
  return doc;
}

/** A scalar as YAML text, quoted only when it must be (in a flow collection, also for `,[]{}`). */
function scalar(value: string | number | boolean | null, inFlow = false): string {
  if (inFlow && typeof value === 'string' && /[,[\]{}]/.test(value)) return JSON.stringify(value);
  return stringify(value, { lineWidth: 0, version: '1.2' }).replace(/\n$/, '');
}

/**
 * A value as YAML text: block style over several lines, or one flow line in
 * the records' own style (`[a, b]`, `{ key: value }`).
 */
export function renderValue(value: Plain, style: 'block' | 'flow', inFlow = false): string {
  if (style === 'block' && value !== null && typeof value === 'object')
    // 'any' is block style with empty collections written `[]` and `{}`.
    return stringify(value, { lineWidth: 0, collectionStyle: 'any', version: '1.2' }).replace(/\n$/, '');
  if (Array.isArray(value)) return `[${value.map((v) => renderValue(v, 'flow', true)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? `{ ${entries.map(([k, v]) => `${scalar(k, true)}: ${renderValue(v, 'flow', true)}`).join(', ')} }` : '{}';
  }
  return scalar(value, inFlow);
}

/** Parse `text` and check it holds `expected`: every write is read back before it is trusted. */
export function assertParsesTo(text: string, expected: unknown): void {
  const doc = parse(text);
  if (JSON.stringify(doc.toJS()) !== JSON.stringify(expected)) throw new EditError(`the record written does not read back as intended: ${text}`);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

const columnOf = (text: string, offset: number): number => offset - lineStart(text, offset);

function nodeAt(doc: ReturnType<typeof parse>, path: readonly (string | number)[]): YamlNode | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  return (node ?? undefined) as YamlNode | undefined;
}

/** `value` on the line after `offset`'s line, at `indent`, as a block item or a key. */
function insertLines(text: string, at: number, lines: string): string {
  const before = text.slice(0, at);
  const sep = before.length === 0 || before.endsWith('\n') ? '' : '\n';
  return `${before}${sep}${lines}\n${text.slice(at)}`;
}

function indentBlock(rendered: string, indent: string): string {
  return rendered
    .split('\n')
    .map((l) => (l === '' ? l : `${indent}${l}`))
    .join('\n');
}

function verify(text: string, path: readonly (string | number)[], expected: Plain): void {
  const doc = parse(text);
  const got: unknown = doc.getIn(path);
  const actual: unknown = got !== null && typeof got === 'object' && 'toJSON' in got ? (got as { toJSON(): unknown }).toJSON() : got;
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new EditError(`the edit of ${path.join('.')} did not give the expected value (${JSON.stringify(actual)})`);
}

/** Add `key: value` to the mapping at `mapPath` (which must not have the key yet). */
function addKey(text: string, doc: ReturnType<typeof parse>, mapPath: readonly (string | number)[], key: string, value: Plain): string {
  const map = nodeAt(doc, mapPath);
  if (!map || !isMap(map) || !map.range) throw new EditError(`${mapPath.join('.') || 'the document'} is not a mapping`);
  const m = map as YAMLMap;
  if (m.flow) {
    const close = text.lastIndexOf('}', m.range![1]);
    const entry = `${key}: ${renderValue(value, 'flow')}`;
    const inner = text.slice(text.indexOf('{', m.range![0]) + 1, close).trim();
    return `${text.slice(0, close).replace(/\s*$/, '')}${inner ? ', ' : ' '}${entry} ${text.slice(close)}`;
  }
  const firstKey = m.items[0]?.key as YamlNode | undefined;
  const indent = ' '.repeat(firstKey?.range ? columnOf(text, firstKey.range[0]) : 0);
  const complex = value !== null && typeof value === 'object';
  const rendered = complex
    ? `${indent}${key}:\n${indentBlock(renderValue(value, 'block'), `${indent}  `)}`
    : `${indent}${key}: ${renderValue(value, 'flow')}`;
  return insertLines(text, m.range![1], rendered);
}

/**
 * Append `item` to the list at `path`, in the style of the list (block or
 * flow) and of its last item; a missing list is added to its mapping.
 */
export function appendItem(text: string, path: readonly (string | number)[], item: Plain): string {
  const doc = parse(text);
  const before = doc.getIn(path);
  const existing: Plain[] = before && typeof before === 'object' && 'toJSON' in before ? ((before as { toJSON(): Plain[] }).toJSON() ?? []) : [];
  const seq = nodeAt(doc, path);
  let out: string;
  if (!seq) out = addKey(text, doc, path.slice(0, -1), String(path[path.length - 1]), [item]);
  else if (!isSeq(seq)) {
    if (isMap(seq) || (seq as { value?: unknown }).value !== null || !seq.range) throw new EditError(`${path.join('.')} is not a list`);
    // `key:` with no value: the empty value becomes a one-item list.
    const [start, end] = seq.range;
    out = `${text.slice(0, start).replace(/[ \t]*$/, ' ')}${renderValue([item], 'flow')}${text.slice(end)}`;
  } else {
    const s = seq as YAMLSeq;
    const range = s.range!;
    if (s.flow) {
      const close = text.lastIndexOf(']', range[1]);
      const inner = text.slice(text.indexOf('[', range[0]) + 1, close).trim();
      out = `${text.slice(0, close).replace(/\s*$/, '')}${inner ? ', ' : ''}${renderValue(item, 'flow')}${text.slice(close)}`;
    } else {
      const indent = ' '.repeat(columnOf(text, range[0]));
      const last = s.items[s.items.length - 1] as YamlNode | undefined;
      const lastFlow = last !== undefined && (isMap(last) || isSeq(last)) && (last as YAMLMap).flow === true;
      const body =
        item !== null && typeof item === 'object' && !lastFlow
          ? renderValue(item, 'block')
              .split('\n')
              .map((l, i) => (i === 0 ? `${indent}- ${l}` : `${indent}  ${l}`))
              .join('\n')
          : `${indent}- ${renderValue(item, 'flow')}`;
      out = insertLines(text, range[1], body);
    }
  }
  verify(out, path, [...existing, item]);
  return out;
}

/** Set `path` to a scalar: the old value's text is replaced, or the key added to its mapping. */
export function setScalar(text: string, path: readonly (string | number)[], value: string | number | boolean): string {
  const doc = parse(text);
  const node = nodeAt(doc, path);
  let out: string;
  if (node && node.range && !isMap(node) && !isSeq(node)) {
    const [start, end] = node.range;
    out = `${text.slice(0, start)}${renderValue(value, 'flow')}${text.slice(end)}`;
  } else if (node) throw new EditError(`${path.join('.')} holds a list or mapping, not a value`);
  else out = addKey(text, doc, path.slice(0, -1), String(path[path.length - 1]), value);
  verify(out, path, value);
  return out;
}

/** Rename the last key of `path` to `to`, keeping its value, its place and every other byte. */
export function renameKey(text: string, path: readonly (string | number)[], to: string): string {
  const doc = parse(text);
  const parent = nodeAt(doc, path.slice(0, -1));
  if (!parent || !isMap(parent)) throw new EditError(`${path.slice(0, -1).join('.') || 'the document'} is not a mapping`);
  const from = String(path[path.length - 1]);
  if ((parent as YAMLMap).has(to)) throw new EditError(`${[...path.slice(0, -1), to].join('.')} exists already`);
  const pair = (parent as YAMLMap).items.find((p) => (p.key as { value?: unknown } | null)?.value === from);
  const key = pair?.key as YamlNode | undefined;
  if (!key?.range) throw new EditError(`${path.join('.')} is not in the record`);
  const value: unknown = doc.getIn(path);
  const plain = value !== null && typeof value === 'object' && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : value;
  const out = `${text.slice(0, key.range[0])}${scalar(to)}${text.slice(key.range[1])}`;
  verify(out, [...path.slice(0, -1), to], plain as Plain);
  return out;
}

/** Add `key: value` (any value: a mapping is written in block style) to the mapping at `mapPath`; the key must be new. */
export function addEntry(text: string, mapPath: readonly (string | number)[], key: string, value: Plain): string {
  const doc = parse(text);
  if (doc.hasIn([...mapPath, key])) throw new EditError(`${[...mapPath, key].join('.')} exists already`);
  const out = addKey(text, doc, mapPath, key, value);
  verify(out, [...mapPath, key], value);
  return out;
}
