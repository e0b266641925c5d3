// Parsing one record file: bytes -> text -> YAML document -> plain value,
// with every way a file can be unsafe or unreadable turned into findings,
// and a locator that maps a path in the value back to a line and column.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  visit,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import jsyaml from 'js-yaml';
import type { Path } from './types.ts';

export const MAX_FILE_BYTES = 1024 * 1024;

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
const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
} as const;

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
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
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
 */
export const NEEDS_FULL_PARSER = /[&*!%\t]|<<|__proto__|\n(?:---|\.\.\.)|^\.\.\.|0[box]|[+-]\.|\d[eE][+-]?\d{3}|(?:^|\n)\s*\?/;

// Flow collections are where the two parsers disagree on malformed input, so
// the fast path takes only one-line flows of simple scalars and key: scalar
// pairs (the `present: [a, b]` and `{ member: a, accepted: true }` of records).
const FLOW_SCALAR = String.raw`(?:"[^"\
]*"|'[^'
]*'|[A-Za-z0-9_@/()][A-Za-z0-9_.@/() -]*?)`;
const FLOW_LIST = String.raw`\[\s*(?:${FLOW_SCALAR}(?:\s*,\s*${FLOW_SCALAR})*)?\s*\]`;
const FLOW_PAIR = String.raw`[A-Za-z_][A-Za-z0-9_-]*:\s+(?:${FLOW_SCALAR}|${FLOW_LIST})`;
const FLOW_MAP = String.raw`\{\s*(?:${FLOW_PAIR}(?:\s*,\s*${FLOW_PAIR})*)?\s*\}`;
const SIMPLE_FLOW = new RegExp(String.raw`^(?:${FLOW_LIST}|${FLOW_MAP})(?:\s+#.*)?\s*$`);
// Likewise a quoted value must close on its line with nothing but a comment after it.
const SIMPLE_QUOTED = /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*')(?:\s+#.*)?\s*$/;
// A key may hold a colon not followed by a space (`a:b: value`).
const QUOTED_START = /^\s*(?:-\s+)*(?:[^\s[{#"'-](?:[^:#\n]|:(?!\s))*:\s+)?(["'].*)$/;
const FLOW_START = /^\s*(?:-\s+)*(?:[^\s\[{#"'-](?:[^:#\n]|:(?!\s))*:\s+)?([[{].*)$/;

function flowsAreSimple(text: string): boolean {
  const flows = text.includes('[') || text.includes('{');
  const quotes = text.includes('"') || text.includes("'");
  if (!flows && !quotes) return true;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (flows && (line.includes('[') || line.includes('{'))) {
      const m = FLOW_START.exec(line);
      if (m && !SIMPLE_FLOW.test(m[1] ?? '')) return false;
    }
    if (quotes && (line.includes('"') || line.includes("'"))) {
      const m = QUOTED_START.exec(line);
      if (m && !SIMPLE_QUOTED.test(m[1] ?? '')) return false;
    }
  }
  return true;
}

const isPlainMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Parse YAML text that must hold exactly one mapping. `lineOffset` shifts
 * reported lines (RFC front matter starts after the opening `---`).
 *
 * Speed: a plain record is read with js-yaml (about ten times faster than
 * `yaml`), and `yaml`'s document with its source ranges is built only when a
 * finding in that file needs a position. Anything unusual, and every file
 * js-yaml refuses, goes through `yaml`, which decides what is reported.
 */
export function parseYamlText(file: string, text: string, lineOffset = 0): ParseOutcome {
  if (fastPathAccepts(text)) {
    let value: unknown;
    try {
      value = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false });
    } catch {
      value = undefined;
    }
    if (isPlainMapping(value)) {
      let located: ((path: Path, at?: 'key' | 'value') => Position) | undefined;
      return {
        ok: true,
        findings: [],
        source: {
          file,
          value,
          locate(path, at) {
            if (!located) {
              const full = parseFullText(file, text, lineOffset);
              located = full.ok ? full.source.locate : () => ({ line: 1 + lineOffset, column: 1 });
            }
            return located(path, at);
          },
        },
      };
    }
  }
  return parseFullText(file, text, lineOffset);
}

/** The `yaml` parser: exact errors, source ranges, and every safety check. */
export function parseFullText(file: string, text: string, lineOffset = 0): ParseOutcome {
  const lines = new LineIndex(text, lineOffset);
  const at = (offset: number | undefined): Position => lines.position(offset ?? 0);
  const findings: LoadFinding[] = [];
  const syntax = (offset: number | undefined, message: string): void => {
    findings.push({ rule: 'yaml-syntax', file, ...at(offset), message });
  };

  const parsed = parseAllDocuments(text, PARSE_OPTIONS);
  const docs: Document[] = Array.isArray(parsed) ? parsed : [];
  for (const doc of docs) {
    for (const error of doc.errors) {
      const message =
        error.code === 'DUPLICATE_KEY' ? 'duplicate key: every key may appear once in a mapping' : firstLine(error.message);
      syntax(error.pos[0], message);
    }
  }
  if (docs.length > 1) {
    const second = docs[1];
    syntax(second?.range?.[0], `${docs.length} YAML documents in one file; a record is exactly one document`);
  }
  // Anchors, aliases, merge and `__proto__` keys are looked for in every
  // document, also one with other errors: each occurrence is a finding of its
  // own (the settled reading), so one fix-and-rerun round shows them all.
  // Records never need anchors or aliases; refusing them also means an alias
  // bomb is never expanded. One finding per file for them, at the first.
  let anchorOffset: number | undefined;
  let anchorSeen = false;
  for (const d of docs) {
    visit(d, {
      Alias(_key, node) {
        if (!anchorSeen) {
          anchorSeen = true;
          anchorOffset = node.range?.[0];
        }
      },
      Node(_key, node) {
        if (!anchorSeen && 'anchor' in node && node.anchor) {
          anchorSeen = true;
          // The node's range starts after its `&name`: point at the anchor itself.
          const start = node.range?.[0] ?? 0;
          const amp = text.lastIndexOf(`&${node.anchor}`, start);
          anchorOffset = amp !== -1 && !text.slice(amp, start).includes('\n') ? amp : start;
        }
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
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
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
  return !NEEDS_FULL_PARSER.test(text) && flowsAreSimple(text);
}
