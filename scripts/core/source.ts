// Parsing one record file: bytes -> text -> YAML document -> plain value,
// with every way a file can be unsafe or unreadable turned into findings,
// and a locator that maps a path in the value back to a line and column.
//
// No file can stall the run: every step here is linear in the size of the
// file (at most 1 MiB), nesting is refused past MAX_DEPTH levels before it
// reaches a recursive parser, and the full parser (`yaml`, about ten times
// slower than js-yaml) gets at most MAX_FULL_PARSER_TOKENS tokens. A plain
// record, however large, is read and located without `yaml` at all.
import {
  Composer,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  Parser,
  visit,
  type CST,
  type Document,
  type Node as YamlNode,
  type Pair,
  type YAMLError,
  type YAMLMap,
} from 'yaml';
import jsyaml from 'js-yaml';
import type { Path } from './types.ts';

export const MAX_FILE_BYTES = 1024 * 1024;

/** Mappings and lists nested deeper than this are refused: records are never this deep. */
export const MAX_DEPTH = 64;

/**
 * Keys and list items one record may hold. A committee's largest record
 * (chair-terms.yaml after a century) holds a few thousand; tens of
 * thousands are an attack on the time of the run, refused in one finding.
 * (Text only the full parser reads is bounded by its token limit instead.)
 */
export const MAX_ENTRIES = 20_000;

/** Keys and list items in a parsed value, counting stops past the limit. */
function countEntries(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= MAX_ENTRIES) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      count += v.length;
      for (const x of v) if (x !== null && typeof x === 'object') stack.push(x);
    } else if (v !== null && typeof v === 'object') {
      const values = Object.values(v);
      count += values.length;
      for (const x of values) if (x !== null && typeof x === 'object') stack.push(x);
    }
  }
  return count;
}

/**
 * The most YAML tokens the full parser is given: `yaml` takes 1-3 µs a token
 * on a 2-core machine, so this keeps any file it reads near 0.1 s. A record
 * has a few thousand (about seven a line). Only a file the fast path leaves
 * to `yaml` (see `fastPathDeclines`) can meet it: a plain record is never
 * refused for its size, however long up to the 1 MiB limit.
 */
export const MAX_FULL_PARSER_TOKENS = 50_000;

export interface Position {
  line: number;
  column: number;
}

/** A finding produced while reading a file, before any rule runs. */
export interface LoadFinding {
  rule: 'yaml-syntax' | 'schema' | 'file-name';
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface ParsedSource {
  file: string;
  value: unknown;
  locate(path: Path, at?: 'key' | 'value'): Position;
}

export type ParseOutcome =
  | { ok: true; source: ParsedSource; findings: LoadFinding[] }
  | { ok: false; findings: LoadFinding[] };

// The core schema is passed explicitly: it wins over a `%YAML 1.1` directive,
// so `no` stays a string and dates are never turned into Date objects.
// Duplicate keys are found by our own linear pass (`yaml`'s is quadratic).
const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
} as const;

const DUPLICATE_KEY = 'duplicate key: every key may appear once in a mapping';
const TAB_INDENT = 'tabs are not allowed for indentation: indent with spaces';
const TOO_DEEP = `nested more than ${MAX_DEPTH} levels deep: records are never this deep`;

/** Offsets -> 1-based line and column, computed once per text. */
export class LineIndex {
  private starts: number[] | undefined;
  private readonly text: string;
  private readonly lineOffset: number;
  constructor(text: string, lineOffset = 0) {
    this.text = text;
    this.lineOffset = lineOffset;
  }

  position(offset: number): Position {
    if (!this.starts) {
      const starts = [0];
      for (let nl = this.text.indexOf('\n'); nl !== -1; nl = this.text.indexOf('\n', nl + 1)) starts.push(nl + 1);
      this.starts = starts;
    }
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1 + this.lineOffset, column: offset - (starts[lo] ?? 0) + 1 };
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function tooLargeMessage(size: number): string {
  return `file is ${(size / MAX_FILE_BYTES).toFixed(1)} MiB, over the 1 MiB limit for a record`;
}

/**
 * Decode a file's bytes. A UTF-8 byte-order mark is dropped (the decoder does
 * that), so positions count from the text after it.
 */
export function decodeText(file: string, bytes: Uint8Array): { text: string } | { finding: LoadFinding } {
  if (bytes.length > MAX_FILE_BYTES) {
    return { finding: { rule: 'yaml-syntax', file, line: 1, column: 1, message: tooLargeMessage(bytes.length) } };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return {
      finding: { rule: 'yaml-syntax', file, line: 1, column: 1, message: 'file is not valid UTF-8 text' },
    };
  }
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return nl === -1 ? message : message.slice(0, nl);
}

/**
 * Text on which js-yaml and `yaml` could disagree, or that needs `yaml`'s
 * exact report: anchors and aliases, tags, directives, merge and `__proto__`
 * keys, tabs, document markers, complex keys, and the number forms that YAML
 * 1.1 and 1.2 read differently (0b, 0o, 0x, +.5). A differential test holds
 * the two parsers to the same values on everything else.
 * (Every part is linear: the complex-key test looks at one line's leading
 * blanks, never across lines, so blank lines cannot make it quadratic.)
 */
export const NEEDS_FULL_PARSER = /[&*!%\t]|<<|__proto__|\n(?:---|\.\.\.)|^\.\.\.|0[box]|[+-]\.|\d[eE][+-]?\d{3}|(?:^|\n)[^\S\n]*\?/;

// Flow collections are where the two parsers disagree on malformed input, so
// the fast path takes only one-line flows of simple scalars and key: scalar
// pairs (the `present: [a, b]` and `{ member: a, accepted: true }` of records):
//   list   = "[" ws (scalar (ws "," ws scalar)*)? ws "]"
//   map    = "{" ws (pair (ws "," ws pair)*)? ws "}"
//   pair   = [A-Za-z_][A-Za-z0-9_-]* ":" " "+ (scalar | list)
//   scalar = "..." (no backslash) | '...' | [A-Za-z0-9_@/()][A-Za-z0-9_.@/() -]*
// followed by nothing but spaces and a comment. `scanFlow` reads exactly
// this, in one pass (a regular expression for it backtracks exponentially on
// `[a , a , a , ...` left open), and gives the offsets the locator needs.
// A quoted value must likewise close on its line with nothing but a comment
// after it: `isSimpleQuoted` (a regular expression for it backtracks over
// the whole line when the quote is left open).
// A key may hold a colon not followed by a space (`a:b: value`).
const QUOTED_START = /^\s*(?:-\s+)*(?:[^\s[{#"'-](?:[^:#\n]|:(?!\s))*:\s+)?(["'].*)$/;
const FLOW_START = /^\s*(?:-\s+)*(?:[^\s\[{#"'-](?:[^:#\n]|:(?!\s))*:\s+)?([[{].*)$/;

function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const PLAIN_FIRST = charTable(`${ALNUM}_@/()`);
const PLAIN_REST = charTable(`${ALNUM}_.@/() -`);
const KEY_FIRST = charTable(`${ALNUM.slice(0, 52)}_`);
const KEY_REST = charTable(`${ALNUM}_-`);
const inTable = (table: Uint8Array, code: number): boolean => code < 128 && table[code] === 1;

const SPACE = 32;
const HASH = 35;

/** A node of a plain record's position tree: where each key and value starts. */
type PlainNode =
  | { kind: 'map'; start: number; entries: Map<string, PlainEntry> }
  | { kind: 'seq'; start: number; items: PlainNode[] }
  | { kind: 'scalar'; start: number }
  /** No value at all (`key:`, `-`): a map value is located at its key, as `yaml` does. */
  | { kind: 'empty'; start: number };
interface PlainEntry {
  key: number;
  value: PlainNode;
}

/** The text is outside what the plain reader takes: the caller asks `yaml`. */
class Unsupported extends Error {}

/**
 * Read one simple flow collection (grammar above) in `text` from `start`,
 * which holds `[` or `{`, up to `end`. Returns the node and the offset after
 * its closing bracket, or undefined when it is not simple.
 */
function scanFlow(text: string, start: number, end: number, build = true): { node: PlainNode; next: number } | undefined {
  let i = start;
  // Only checking (the fast path's guard): one node stands for every scalar.
  const checked: PlainNode = { kind: 'scalar', start };
  const spaces = (): void => {
    while (i < end && text.charCodeAt(i) === SPACE) i++;
  };
  const scalar = (): PlainNode | undefined => {
    const at = i;
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      let j = i + 1;
      while (j < end && text.charCodeAt(j) !== c) {
        if (c === 34 && text.charCodeAt(j) === 92 /* \ */) return undefined;
        j++;
      }
      if (j >= end) return undefined;
      i = j + 1;
      return build ? { kind: 'scalar', start: at } : checked;
    }
    if (!inTable(PLAIN_FIRST, c)) return undefined;
    i++;
    while (i < end && inTable(PLAIN_REST, text.charCodeAt(i))) i++;
    return build ? { kind: 'scalar', start: at } : checked;
  };
  const list = (): PlainNode | undefined => {
    const node: PlainNode = { kind: 'seq', start: i, items: [] };
    i++;
    spaces();
    if (text.charCodeAt(i) === 93 /* ] */) {
      i++;
      return node;
    }
    for (;;) {
      const item = scalar();
      if (!item) return undefined;
      if (build) node.items.push(item);
      spaces();
      const c = text.charCodeAt(i);
      if (c === 93) {
        i++;
        return node;
      }
      if (c !== 44 /* , */) return undefined;
      i++;
      spaces();
    }
  };
  const map = (): PlainNode | undefined => {
    const node: PlainNode = { kind: 'map', start: i, entries: new Map() };
    i++;
    spaces();
    if (text.charCodeAt(i) === 125 /* } */) {
      i++;
      return node;
    }
    for (;;) {
      const key = i;
      if (!inTable(KEY_FIRST, text.charCodeAt(i))) return undefined;
      i++;
      while (i < end && inTable(KEY_REST, text.charCodeAt(i))) i++;
      const keyText = build ? text.slice(key, i) : '';
      if (text.charCodeAt(i) !== 58 /* : */ || text.charCodeAt(i + 1) !== SPACE) return undefined;
      i++;
      spaces();
      const value = text.charCodeAt(i) === 91 /* [ */ ? list() : scalar();
      if (!value) return undefined;
      if (build) {
        const name = plainKeyString(keyText);
        if (!node.entries.has(name)) node.entries.set(name, { key, value });
      }
      spaces();
      const c = text.charCodeAt(i);
      if (c === 125) {
        i++;
        return node;
      }
      if (c !== 44) return undefined;
      i++;
      spaces();
    }
  };
  const c = text.charCodeAt(start);
  const node = c === 91 ? list() : c === 123 /* { */ ? map() : undefined;
  return node ? { node, next: i } : undefined;
}

/** Only spaces, or spaces and then a comment, from `i` to `end`. */
function restIsBlank(text: string, i: number, end: number): boolean {
  const from = i;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i === end || (i > from && text.charCodeAt(i) === HASH);
}

const isLineBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * `text` from `start` (a quote) to `end` is one quoted scalar that closes
 * before `end`, with at most spaces and a comment after it: "..." with
 * backslash escapes, or '...' with '' for a quote.
 */
function isSimpleQuoted(text: string, start: number, end: number): boolean {
  const quote = text.charCodeAt(start);
  let i = start + 1;
  for (;;) {
    if (i >= end) return false;
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if (quote === 34 /* " */) {
      if (c === 92 /* \ */) {
        if (i + 1 >= end || isLineBreak(text.charCodeAt(i + 1))) return false;
        i += 2;
        continue;
      }
      if (c === 34) break;
    } else if (c === 39 /* ' */) {
      if (text.charCodeAt(i + 1) !== 39 || i + 1 >= end) break;
      i += 2;
      continue;
    }
    i++;
  }
  return restIsBlank(text, i + 1, end);
}

/** A line that is one simple flow collection, with at most a comment after it. */
function isSimpleFlowLine(line: string): boolean {
  const flow = scanFlow(line, 0, line.length, false);
  return flow !== undefined && restIsBlank(line, flow.next, line.length);
}

/** The offset of the first line whose flow or quote the fast path does not take, or -1. */
function complexFlowOffset(text: string): number {
  const flows = text.includes('[') || text.includes('{');
  const quotes = text.includes('"') || text.includes("'");
  if (!flows && !quotes) return -1;
  let start = 0;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (flows && (line.includes('[') || line.includes('{'))) {
      const m = FLOW_START.exec(line);
      if (m && !isSimpleFlowLine(m[1] ?? '')) return start + line.length - (m[1] ?? '').length;
    }
    if (quotes && (line.includes('"') || line.includes("'"))) {
      const m = QUOTED_START.exec(line);
      const quoted = m?.[1];
      if (quoted !== undefined && !isSimpleQuoted(quoted, 0, quoted.length)) return start + line.length - quoted.length;
    }
    start += raw.length + 1;
  }
  return -1;
}

/**
 * The key a plain scalar becomes in the value, as `yaml`'s core schema
 * resolves it and `String()` spells it (`locate` compares `String(key)`).
 */
function plainKeyString(s: string): string {
  const c = s.charCodeAt(0);
  // Most keys start with a letter that no core-schema value starts with.
  if (s.length > 0 && ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) && !/^[nNtTfF]/.test(s)) return s;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return 'null';
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return 'true';
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return 'false';
  if (/^0o[0-7]+$/.test(s)) return String(parseInt(s.slice(2), 8));
  if (/^[-+]?[0-9]+$/.test(s)) return String(parseInt(s, 10));
  if (/^0x[0-9a-fA-F]+$/.test(s)) return String(parseInt(s.slice(2), 16));
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s))
    return s.slice(-3).toLowerCase() === 'nan' ? 'NaN' : s.startsWith('-') ? '-Infinity' : 'Infinity';
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s))
    return String(parseFloat(s));
  return s;
}

/**
 * Positions in a text the fast path accepted (so valid YAML, no tabs,
 * anchors, tags, complex keys or multi-line flows and quotes), read line by
 * line in one pass: the same offsets `yaml` gives, without its cost. Throws
 * `Unsupported` on anything outside that subset; a test compares it with
 * `yaml` on every path of random and real records.
 */
class PlainTree {
  private readonly text: string;
  private readonly lines: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Leading spaces of each line; -1 for a blank or comment-only line. */
  private readonly indents: Int32Array;
  /** Leading spaces of each comment-only line; -1 for any other line. */
  private readonly comments: Int32Array;

  constructor(text: string) {
    this.text = text;
    let lines = 1;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) lines++;
    this.lines = lines;
    this.starts = new Int32Array(lines);
    this.ends = new Int32Array(lines);
    this.indents = new Int32Array(lines);
    this.comments = new Int32Array(lines);
    let start = 0;
    for (let line = 0; line < lines; line++) {
      let nl = text.indexOf('\n', start);
      if (nl === -1) nl = text.length;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      let i = start;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      const comment = i < end && text.charCodeAt(i) === HASH;
      this.starts[line] = start;
      this.ends[line] = end;
      this.indents[line] = i === end || comment ? -1 : i - start;
      this.comments[line] = comment ? i - start : -1;
      start = nl + 1;
    }
  }

  root(): PlainNode {
    const text = this.text;
    let first = 0;
    if (text.startsWith('---') && (this.end(0) === 3 || text.charCodeAt(3) === SPACE)) {
      if (!restIsBlank(text, 3, this.end(0))) throw new Unsupported();
      first = 1;
    }
    const line = this.content(first);
    if (line >= this.lines) throw new Unsupported();
    const [node, next] = this.node(line, this.start(line) + this.indent(line), -1);
    if (this.content(next) < this.lines) throw new Unsupported();
    return node;
  }

  private start(line: number): number {
    return this.starts[line] ?? 0;
  }
  private end(line: number): number {
    return this.ends[line] ?? 0;
  }
  private indent(line: number): number {
    return this.indents[line] ?? -1;
  }
  /** The first line from `line` on that holds content (not blank, not a comment). */
  private content(line: number): number {
    while (line < this.lines && this.indent(line) === -1) line++;
    return line;
  }
  /**
   * The first line from `line` on that ends a scalar inside a collection
   * indented `n`: text or a comment at or left of `n`. Blank lines and deeper
   * ones (a plain scalar's next lines, a block scalar's text) belong to it.
   */
  private after(line: number, n: number): number {
    for (; line < this.lines; line++) {
      const indent = this.indent(line);
      const comment = this.comments[line] ?? -1;
      if ((indent !== -1 && indent <= n) || (comment !== -1 && comment <= n)) return line;
    }
    return line;
  }
  private isDash(line: number, at: number): boolean {
    return this.text.charCodeAt(at) === 45 /* - */ && (at + 1 === this.end(line) || this.text.charCodeAt(at + 1) === SPACE);
  }
  /** The offset of the `:` that ends a key starting at `from`, or -1 when the line holds no key. */
  private keyColon(line: number, from: number): number {
    const text = this.text;
    const end = this.end(line);
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 58 /* : */ && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) return i;
      if (c === HASH && i > from && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  /** The node whose text starts at `at` on `line`, inside a collection indented `n`. */
  private node(line: number, at: number, n: number): [PlainNode, number] {
    const text = this.text;
    const end = this.end(line);
    const c = text.charCodeAt(at);
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const flow = scanFlow(text, at, end);
      if (!flow || !restIsBlank(text, flow.next, end)) throw new Unsupported();
      return [flow.node, line + 1];
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      if (!isSimpleQuoted(text, at, end)) throw new Unsupported();
      return [{ kind: 'scalar', start: at }, line + 1];
    }
    if (c === 124 /* | */ || c === 62 /* > */) return [{ kind: 'scalar', start: at }, this.after(line + 1, n)];
    if (this.isDash(line, at)) return this.seq(line, at);
    if (this.keyColon(line, at) !== -1) return this.map(line, at);
    // A plain scalar, maybe continued on lines indented more than its collection.
    return [{ kind: 'scalar', start: at }, this.after(line + 1, n)];
  }

  /** What follows an indicator (`key:` or `-`) ending at `from` on `line`. */
  private valueAfter(line: number, from: number, n: number, inMap: boolean): [PlainNode, number] {
    const text = this.text;
    const end = this.end(line);
    let v = from;
    while (v < end && text.charCodeAt(v) === SPACE) v++;
    if (v < end && !(text.charCodeAt(v) === HASH && v > from)) return this.node(line, v, n);
    const next = this.content(line + 1);
    const indent = this.indent(next);
    if (next < this.lines && indent > n) return this.node(next, this.start(next) + indent, n);
    // A list may sit at its key's own indentation (`key:` then `- a` below it).
    if (inMap && next < this.lines && indent === n && this.isDash(next, this.start(next) + n))
      return this.seq(next, this.start(next) + n);
    // `yaml` puts an empty node after the indicator and the spaces that follow it.
    return [{ kind: 'empty', start: v }, line + 1];
  }

  private seq(line: number, at: number): [PlainNode, number] {
    const s = at - this.start(line);
    const node: PlainNode = { kind: 'seq', start: at, items: [] };
    let dash = at;
    for (;;) {
      const [item, next] = this.valueAfter(line, dash + 1, s, false);
      node.items.push(item);
      const following = this.content(next);
      if (following >= this.lines) return [node, following];
      const indent = this.indent(following);
      if (indent > s) throw new Unsupported();
      if (indent < s || !this.isDash(following, this.start(following) + s)) return [node, following];
      line = following;
      dash = this.start(line) + s;
    }
  }

  private map(line: number, at: number): [PlainNode, number] {
    const m = at - this.start(line);
    const node: PlainNode = { kind: 'map', start: at, entries: new Map() };
    let key = at;
    for (;;) {
      const colon = this.keyColon(line, key);
      if (colon === -1) throw new Unsupported();
      const keyText = this.text.slice(key, colon).trimEnd();
      if (keyText === '') throw new Unsupported();
      const [value, next] = this.valueAfter(line, colon + 1, m, true);
      const name = plainKeyString(keyText);
      if (!node.entries.has(name)) node.entries.set(name, { key, value });
      const following = this.content(next);
      if (following >= this.lines) return [node, following];
      const indent = this.indent(following);
      if (indent > m) throw new Unsupported();
      if (indent < m) return [node, following];
      key = this.start(following) + m;
      if (this.isDash(following, key)) throw new Unsupported();
      line = following;
    }
  }
}

function locatePlain(root: PlainNode, path: Path, where: 'key' | 'value'): number {
  let node = root;
  let offset = root.start;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (node.kind === 'map') {
      const entry = node.entries.get(String(segment));
      if (!entry) return offset;
      if (i === path.length - 1 && where === 'key') return entry.key;
      node = entry.value;
      offset = node.kind === 'empty' ? entry.key : node.start;
    } else if (node.kind === 'seq' && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) return offset;
      node = item;
      offset = item.start;
    } else {
      return offset;
    }
  }
  return offset;
}

// js-yaml counts every node it composes, a leaf too, so a text `yaml` finds
// nested more than MAX_DEPTH deep always goes over this and on to `yaml`,
// which refuses it (a test holds the two to the same verdict).
const JS_YAML_OPTIONS: jsyaml.LoadOptions & { maxDepth: number } = {
  schema: jsyaml.CORE_SCHEMA,
  json: false,
  maxDepth: MAX_DEPTH,
};

const isPlainMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Parse YAML text that must hold exactly one mapping. `lineOffset` shifts
 * reported lines (RFC front matter starts after the opening `---`).
 *
 * Speed: a plain record is read with js-yaml (about ten times faster than
 * `yaml`) and located by `PlainTree`, built only when a finding in that file
 * needs a position. Anything unusual, and every file js-yaml refuses, goes
 * through `yaml`, which decides what is reported.
 */
export function parseYamlText(file: string, text: string, lineOffset = 0): ParseOutcome {
  let reason = fastPathDeclines(text);
  if (!reason) {
    let value: unknown;
    try {
      value = jsyaml.load(text, JS_YAML_OPTIONS);
    } catch (error) {
      const { mark, reason: why } = error as { mark?: { position?: number }; reason?: string };
      reason = { offset: mark?.position ?? 0, what: why ? `"${why}"` : 'a YAML error' };
    }
    if (isPlainMapping(value)) {
      const nodes = countEntries(value);
      if (nodes > MAX_ENTRIES)
        return {
          ok: false,
          findings: [
            {
              rule: 'yaml-syntax',
              file,
              line: 1 + lineOffset,
              column: 1,
              message: `the file holds ${nodes.toLocaleString('en-US')} keys and list items, more than the ${MAX_ENTRIES.toLocaleString('en-US')} a record may hold: no record is this large`,
            },
          ],
        };
      let located: ((path: Path, at?: 'key' | 'value') => Position) | undefined;
      return {
        ok: true,
        findings: [],
        source: {
          file,
          value,
          locate(path, at) {
            located ??= plainLocator(file, text, lineOffset);
            return located(path, at);
          },
        },
      };
    }
    reason ??= { offset: 0, what: 'a document that is not a mapping' };
  }
  return parseFullText(file, text, lineOffset, reason);
}

function plainLocator(file: string, text: string, lineOffset: number): (path: Path, at?: 'key' | 'value') => Position {
  let root: PlainNode | undefined;
  try {
    root = new PlainTree(text).root();
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
  }
  if (root) {
    const lines = new LineIndex(text, lineOffset);
    const tree = root;
    return (path, at = 'value') => lines.position(locatePlain(tree, path, at));
  }
  // Not expected for text the fast path took; `yaml` (bounded like every full parse) decides.
  const full = parseFullText(file, text, lineOffset);
  return full.ok ? full.source.locate : () => ({ line: 1 + lineOffset, column: 1 });
}

/** Whether `PlainTree` reads a text itself, without `yaml` (exported for the differential test). */
export function plainTreeReads(text: string): boolean {
  try {
    new PlainTree(text).root();
    return true;
  } catch (error) {
    if (error instanceof Unsupported) return false;
    throw error;
  }
}

/** Nesting depth of the parser's stack: collections only, not the document or a scalar. */
function depthOf(stack: readonly CST.Token[]): number {
  let depth = 0;
  for (const token of stack) if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') depth++;
  return depth;
}

type Tokens =
  | { ok: true; tokens: CST.Token[]; tagOffset: number | undefined }
  | { ok: false; offset: number; message: string };

/**
 * Run `yaml`'s lexer and parser, refusing before the recursive composer
 * sees it a file nested deeper than MAX_DEPTH (the parser slows down with
 * depth, and the composer would overflow the stack), or one longer than
 * MAX_FULL_PARSER_TOKENS tokens. Also notes where the first tag is.
 */
function tokenize(text: string, reason: FullParserReason | undefined): Tokens {
  const lexer = new Lexer();
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  let tagOffset: number | undefined;
  let scalarNext = false;
  let count = 0;
  for (const lexeme of lexer.lex(text)) {
    const offset = parser.offset;
    if (scalarNext) scalarNext = false;
    else if (lexeme === '\x1f') scalarNext = true; // the next lexeme is a scalar's text
    else if (tagOffset === undefined && lexeme.charCodeAt(0) === 33 /* ! */) tagOffset = offset;
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (++count > MAX_FULL_PARSER_TOKENS) {
      const limit = MAX_FULL_PARSER_TOKENS.toLocaleString('en-US');
      return {
        ok: false,
        offset: reason?.offset ?? 0,
        message:
          `${reason ? `this file needs the full YAML parser (for ${reason.what} here), which` : 'the full YAML parser'} ` +
          `reads at most ${limit} tokens, and it has more: a record this large must be plain YAML`,
      };
    }
    if (parser.stack.length > MAX_DEPTH && depthOf(parser.stack) > MAX_DEPTH) return { ok: false, offset, message: TOO_DEEP };
  }
  for (const token of parser.end()) tokens.push(token);
  return { ok: true, tokens, tagOffset };
}

/** Whether the line holding `offset` has a tab among the blanks that indent it. */
function tabIndented(text: string, offset: number): boolean {
  let i = text.lastIndexOf('\n', offset - 1) + 1;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) return true;
    if (c !== SPACE) return false;
  }
  return false;
}

/** The map's pairs by key, built once per map (a long mapping is looked up once per finding). */
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairFor(map: YAMLMap, segment: string | number): Pair | undefined {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      if (isPair(p) && isScalar(p.key)) {
        const name = String(p.key.value);
        if (!index.has(name)) index.set(name, p);
      }
    }
    keyIndexes.set(map, index);
  }
  return index.get(String(segment));
}

/**
 * The `yaml` parser: exact errors, source ranges, and every safety check.
 * `reason` is why the fast path did not read the text, if it was asked.
 */
export function parseFullText(file: string, text: string, lineOffset = 0, reason?: FullParserReason): ParseOutcome {
  const lines = new LineIndex(text, lineOffset);
  const at = (offset: number | undefined): Position => lines.position(offset ?? 0);
  const findings: LoadFinding[] = [];
  const syntax = (offset: number | undefined, message: string): void => {
    findings.push({ rule: 'yaml-syntax', file, ...at(offset), message });
  };

  const scanned = tokenize(text, reason);
  if (!scanned.ok) {
    syntax(scanned.offset, scanned.message);
    return { ok: false, findings };
  }
  const composer = new Composer(PARSE_OPTIONS);
  const docs: Document.Parsed[] = [...composer.compose(scanned.tokens)];

  // The parser's errors are one finding: the first, and how many follow.
  // After the first error the parser is often out of step with the text,
  // so the rest tend to point at good lines. A tab in the indentation is
  // named as such, whatever else the parser says about its line.
  const errors: YAMLError[] = docs.length > 0 ? docs.flatMap((d) => d.errors) : composer.streamInfo().errors;
  let first: YAMLError | undefined;
  for (const error of errors) if (!first || error.pos[0] < first.pos[0]) first = error;
  if (first) {
    // The parser may first complain at the end of the line before the tab.
    const line = at(first.pos[0]).line;
    const tab = errors.find((e) => {
      if (e.code !== 'TAB_AS_INDENT') return false;
      const l = at(e.pos[0]).line;
      return l === line || l === line + 1;
    });
    const shown = tab ?? first;
    const more = errors.length - 1;
    const message = shown.code === 'TAB_AS_INDENT' || tabIndented(text, shown.pos[0]) ? TAB_INDENT : firstLine(shown.message);
    syntax(shown.pos[0], more > 0 ? `${message} (${more} more parser error${more === 1 ? '' : 's'} after it)` : message);
  }
  if (docs.length > 1) {
    const second = docs[1];
    syntax(second?.range?.[0], `${docs.length} YAML documents in one file; a record is exactly one document`);
  }
  // Records never need tags: `!!binary` and `!!set` would make a Buffer or a
  // Set, `!foo` is unknown, and even `!!str` would make a value read
  // differently from what it looks like. Any explicit tag (also `!`) is
  // refused; one finding per file, at the first, like anchors.
  if (scanned.tagOffset !== undefined) syntax(scanned.tagOffset, 'tags are not allowed in records');
  // Anchors, aliases, duplicate, merge and `__proto__` keys are looked for
  // in every document, also one with other errors: each duplicate, merge or
  // `__proto__` key is a finding of its own (the settled reading), so one
  // fix-and-rerun round shows them all. Records never need anchors or
  // aliases; refusing them also means an alias bomb is never expanded. One
  // finding per file for them, at the first.
  let anchorOffset: number | undefined;
  let anchorSeen = false;
  const noteAnchor = (node: YamlNode): void => {
    if (!anchorSeen && 'anchor' in node && node.anchor) {
      anchorSeen = true;
      // The node's range starts after its `&name`: point at the anchor itself.
      const start = node.range?.[0] ?? 0;
      const amp = text.lastIndexOf(`&${String(node.anchor)}`, start);
      anchorOffset = amp !== -1 && !text.slice(amp, start).includes('\n') ? amp : start;
    }
  };
  for (const d of docs) {
    visit(d, {
      Alias(_key, node) {
        if (!anchorSeen) {
          anchorSeen = true;
          anchorOffset = node.range?.[0];
        }
      },
      Map(_key, map) {
        noteAnchor(map);
        // Duplicate keys, in one pass: `String()` as in the value, so `1` and `"1"` are one key.
        const seen = new Set<string>();
        for (const pair of map.items) {
          if (!isScalar(pair.key)) continue;
          const name = String(pair.key.value);
          if (seen.has(name)) syntax(pair.key.range?.[0], DUPLICATE_KEY);
          else seen.add(name);
        }
      },
      Node(_key, node) {
        noteAnchor(node);
      },
      Pair(_key, pair) {
        const key = pair.key;
        if (isScalar(key)) {
          if (key.value === '__proto__') syntax(key.range?.[0], 'key "__proto__" is not allowed');
          else if (key.value === '<<')
            syntax(key.range?.[0], 'merge key "<<" is not allowed: write the keys out in full');
        }
      },
    });
  }
  if (anchorSeen) syntax(anchorOffset, 'anchors and aliases are not allowed in records');

  const doc = docs[0];
  if (findings.length > 0) return { ok: false, findings };
  if (!doc || doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return {
      ok: false,
      findings: [{ rule: 'schema', file, line: 1 + lineOffset, column: 1, message: 'empty document: a record is a mapping' }],
    };
  }

  if (!isMap(doc.contents)) {
    const what = isSeq(doc.contents) ? 'a list' : 'a single value';
    return {
      ok: false,
      findings: [
        {
          rule: 'schema',
          file,
          line: 1 + lineOffset,
          column: 1,
          message: `the document is ${what}; a record is a mapping of keys to values`,
        },
      ],
    };
  }

  const value: unknown = doc.toJS({ maxAliasCount: 0 });
  const contents = doc.contents;
  return {
    ok: true,
    findings,
    source: {
      file,
      value,
      locate(path: Path, where: 'key' | 'value' = 'value'): Position {
        return at(locateOffset(contents, path, where));
      },
    },
  };
}

/** The offset of the node at `path`, or of the deepest existing ancestor. */
function locateOffset(root: YamlNode, path: Path, where: 'key' | 'value'): number | undefined {
  let node: unknown = root;
  let offset = root.range?.[0];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node) && segment !== undefined) {
      const pair = pairFor(node, segment);
      if (!pair) return offset;
      const keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      if (last && where === 'key') return keyOffset ?? offset;
      const value = pair.value;
      if (value === null || isAlias(value)) return keyOffset ?? offset;
      node = value;
      // A key with an empty value (`to:`) has a zero-width node; the key is where a person looks.
      const range = (value as YamlNode).range;
      offset = range && range[0] < range[1] ? range[0] : (keyOffset ?? offset);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item || isAlias(item)) return offset;
      node = item;
      offset = (item as YamlNode).range?.[0] ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

export interface FrontMatter {
  /** The YAML text between the fences. */
  yaml: string;
  /** Lines before the YAML starts (the opening fence). */
  lineOffset: number;
}

/** Split a Markdown file's leading `---` front matter from its body. */
export function extractFrontMatter(text: string): FrontMatter | undefined {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(rest);
  if (!close) return undefined;
  return { yaml: rest.slice(0, close.index), lineOffset: 1 };
}

/** Whether a text may be read by the fast path (exported for the differential test). */
export function fastPathAccepts(text: string): boolean {
  return fastPathDeclines(text) === undefined;
}

/** Why the fast path leaves a text to `yaml`: what, at which offset (for the finding if it is too large for `yaml`). */
interface FullParserReason {
  offset: number;
  what: string;
}

function fastPathDeclines(text: string): FullParserReason | undefined {
  const m = NEEDS_FULL_PARSER.exec(text);
  if (m) {
    if (m[0] === '\t') return { offset: m.index, what: 'the tab' };
    const found = m[0].replace(/^\s+/, ''); // a document marker or `?` after a line break
    return { offset: m.index + m[0].length - found.length, what: `the "${found}"` };
  }
  const flow = complexFlowOffset(text);
  if (flow !== -1) return { offset: flow, what: 'the quotes or brackets' };
  return undefined;
}
