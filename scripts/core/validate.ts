// JSON Schema validation of records, compiled once per run, with every ajv
// error turned into a message a committee member can act on and a path
// that points at the offending key or value.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Path } from './types.ts';

// ajv-formats is CommonJS; under NodeNext its callable is the default export's default.
const addFormats = addFormatsModule.default;

export const RECORD_KINDS = ['charter', 'member', 'chair-terms', 'meeting', 'vote', 'sig', 'rfc'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const SCHEMA_BASE = 'https://alesco-governance.invalid/schemas/';
export const schemaId = (name: string): string => `${SCHEMA_BASE}${name}.schema.json`;

export interface SchemaIssue {
  path: Path;
  at: 'key' | 'value';
  message: string;
  /** The value the schema rejected: unknown to the rules from here on. */
  rejected?: Path;
}

export interface SchemaSet {
  validate(kind: RecordKind, value: unknown): SchemaIssue[];
}

/** Compile every schema once; `schemas` are the parsed `schemas/*.schema.json`. */
export function compileSchemas(schemas: readonly object[]): SchemaSet {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, $data: true });
  addFormats(ajv);
  for (const schema of schemas) ajv.addSchema(schema);
  const compiled = new Map<RecordKind, ValidateFunction>();
  for (const kind of RECORD_KINDS) {
    const fn = ajv.getSchema(schemaId(kind));
    if (!fn) throw new Error(`schema ${schemaId(kind)} is missing`);
    compiled.set(kind, fn);
  }
  return {
    validate(kind, value) {
      const fn = compiled.get(kind);
      if (!fn || fn(value)) return [];
      // Let go of ajv's errors once described: a hostile file has tens of thousands.
      const errors = fn.errors ?? [];
      fn.errors = null;
      return describeErrors(errors, value);
    },
  };
}

const COMPOSITE = new Set(['anyOf', 'oneOf', 'not']);

function pointerToPath(pointer: string, root: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
    const segment = Array.isArray(node) ? Number(key) : key;
    path.push(segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return path;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'boolean') return 'true/false';
  return `a ${typeof value}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

const FORMAT_WORDS: Record<string, string> = {
  date: 'a real calendar date written YYYY-MM-DD',
  uri: 'a URL',
};

interface KeyNames {
  names: string[];
  lower: string[];
  /** For each lowercased name in ASCII: how often each character occurs in it, and which occur. */
  letters: ({ counts: Int32Array; distinct: number[] } | undefined)[];
  allowed: string;
  /** The largest distance `closest` accepts for any of the names. */
  reach: number;
}

function lettersOf(word: string, counts = new Int32Array(128)): { counts: Int32Array; distinct: number[] } | undefined {
  const distinct: number[] = [];
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return undefined;
    const n = counts[c] ?? 0;
    if (n === 0) distinct.push(c);
    counts[c] = n + 1;
  }
  return { counts, distinct };
}

// Per schema object, worked out once: a file with 60,000 unknown keys asks 60,000 times.
const keyNamesOf = new WeakMap<object, KeyNames | null>();
function keyNames(parentSchema: unknown): KeyNames | null {
  if (parentSchema === null || typeof parentSchema !== 'object') return null;
  let entry = keyNamesOf.get(parentSchema);
  if (entry === undefined) {
    const properties = (parentSchema as { properties?: Record<string, unknown> }).properties;
    if (!properties) entry = null;
    else {
      const names = Object.keys(properties);
      const lower = names.map((n) => n.toLowerCase());
      entry = {
        names,
        lower,
        letters: lower.map((n) => lettersOf(n)),
        allowed: `allowed here: ${names.join(', ')}`,
        reach: Math.max(1, ...names.map((n) => Math.floor(n.length / 3))),
      };
    }
    keyNamesOf.set(parentSchema, entry);
  }
  return entry;
}

let row = new Int32Array(64);

/**
 * Levenshtein distance of two lowercased words, as `distance` in text.ts
 * counts it, when it is at most `limit`; otherwise some number above `limit`
 * (it stops as soon as every cell of a row is over it).
 */
function editDistance(a: string, b: string, limit: number): number {
  if (row.length <= b.length) row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    let smallest = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      const left = row[j - 1] ?? 0;
      const diagonal = previous + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const cell = current < left ? (current + 1 < diagonal ? current + 1 : diagonal) : left + 1 < diagonal ? left + 1 : diagonal;
      row[j] = cell;
      if (cell < smallest) smallest = cell;
      previous = current;
    }
    if (smallest > limit) return limit + 1;
  }
  return row[b.length] ?? 0;
}

// The letters of the key being matched: one table, cleared for each key.
const keyLetters = new Int32Array(128);

/**
 * Exactly `closest(key, names)` of text.ts, without computing most of the
 * distances: only a name strictly closer than the best so far can replace it
 * (the first of equals wins), and none further than the largest distance any
 * name accepts matters (if the closest is that far, nothing is close enough
 * and the answer is none either way). A name is skipped when a lower bound
 * of its distance already rules it out: the difference in length, and the
 * letters one word has more of than the other.
 */
function closestName(key: string, entry: KeyNames): string | undefined {
  const word = key.toLowerCase();
  keyLetters.fill(0);
  const mine = lettersOf(word, keyLetters);
  let best: string | undefined;
  let bestDistance = entry.reach + 1;
  for (let i = 0; i < entry.names.length; i++) {
    const lower = entry.lower[i] ?? '';
    if (Math.abs(lower.length - word.length) >= bestDistance) continue;
    const theirs = entry.letters[i];
    if (mine && theirs) {
      let over = 0;
      for (const c of mine.distinct) over += Math.max(0, (mine.counts[c] ?? 0) - (theirs.counts[c] ?? 0));
      let under = 0;
      for (const c of theirs.distinct) under += Math.max(0, (theirs.counts[c] ?? 0) - (mine.counts[c] ?? 0));
      if (over >= bestDistance || under >= bestDistance) continue;
    }
    const d = editDistance(word, lower, bestDistance - 1);
    if (d < bestDistance) {
      best = entry.names[i];
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

function suggestKey(key: string, parentSchema: unknown): string {
  const entry = keyNames(parentSchema);
  if (!entry) return '';
  const best = closestName(key, entry);
  return best ? ` (did you mean "${best}"? ${entry.allowed})` : ` (${entry.allowed})`;
}

/** What a missing key takes, from its schema: "(one of: regular, special)". */
function whatGoesIn(parentSchema: unknown, key: string): string {
  const property = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties?.[key];
  const values = (property as { enum?: unknown[] } | undefined)?.enum;
  if (Array.isArray(values)) return ` (one of: ${values.map(String).join(', ')})`;
  const about = description(property);
  return about ? ` (${about})` : '';
}

function description(schema: unknown): string | undefined {
  const d = (schema as { description?: unknown } | undefined)?.description;
  return typeof d === 'string' ? d : undefined;
}

// An enum's values as a message lists them, once per schema (ajv hands over the schema's own array).
const lists = new WeakMap<readonly unknown[], string>();
function listOf(values: readonly unknown[]): string {
  let list = lists.get(values);
  if (list === undefined) {
    list = values.map((v) => String(v)).join(', ');
    lists.set(values, list);
  }
  return list;
}

function describeErrors(errors: readonly ErrorObject[], root: unknown): SchemaIssue[] {
  // A failed anyOf/oneOf/not already says what is wrong; the errors of its
  // branches would only repeat it in schema terms.
  // Looked up by each `/`-prefix of an error's schema path, so many errors
  // under many composites stay linear.
  const composites = new Set(errors.filter((e) => COMPOSITE.has(e.keyword)).map((e) => e.schemaPath));
  const insideComposite = (schemaPath: string): boolean => {
    if (composites.size === 0) return false;
    for (let i = schemaPath.indexOf('/'); i !== -1; i = schemaPath.indexOf('/', i + 1))
      if (composites.has(schemaPath.slice(0, i))) return true;
    return false;
  };
  const issues: SchemaIssue[] = [];
  // An issue said twice (by two branches of the schema) is kept once. Looked
  // up by its place first (the path's parent, then its last step, so tens of
  // thousands of keys in one mapping make no new strings), and its message
  // is compared only when the place repeats.
  const seen = new Map<string, Map<string | number, string | string[]>>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (insideComposite(error.schemaPath)) continue;
    const issue = describe(error, root);
    if (!issue) continue;
    const { path } = issue;
    const parent = path.length > 1 ? `${issue.at}|${path.slice(0, -1).join('\u0000')}` : issue.at;
    const last = path.length > 0 ? (path[path.length - 1] ?? '') : '';
    let places = seen.get(parent);
    if (!places) seen.set(parent, (places = new Map()));
    const said = places.get(last);
    if (said === undefined) places.set(last, issue.message);
    else if (typeof said === 'string') {
      if (said === issue.message) continue;
      places.set(last, [said, issue.message]);
    } else if (said.includes(issue.message)) continue;
    else said.push(issue.message);
    issues.push(issue);
  }
  return issues;
}

function describe(error: ErrorObject, root: unknown): SchemaIssue | undefined {
  const path = pointerToPath(error.instancePath, root);
  const last = path[path.length - 1];
  const label = typeof last === 'string' ? `${last}: ` : '';
  const data: unknown = error.data;
  const params = error.params as Record<string, unknown>;
  const own = description(error.parentSchema);

  if (error.propertyName !== undefined) {
    const keyPath = [...path, error.propertyName];
    return {
      path: keyPath,
      at: 'key',
      message: `key ${JSON.stringify(error.propertyName)} is not valid here${own ? `: ${own}` : ''}`,
      rejected: keyPath,
    };
  }

  switch (error.keyword) {
    case 'propertyNames':
      return undefined; // reported through the inner error, which names the key
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const keyPath = [...path, key];
      return {
        path: keyPath,
        at: 'key',
        message: `unknown key "${key}"${suggestKey(key, error.parentSchema)}`,
        rejected: keyPath,
      };
    }
    case 'required': {
      const key = String(params.missingProperty);
      // Inside an if/then the schema's own description says why the key is needed here.
      const why = own && error.schemaPath.includes('/then') ? `: ${own}` : '';
      return { path, at: 'value', message: `missing required key "${key}"${why}${whatGoesIn(error.parentSchema, key)}` };
    }
    case 'dependentRequired':
      return {
        path,
        at: 'value',
        message: `"${String(params.property)}" needs "${String(params.missingProperty)}" beside it`,
      };
    case 'type': {
      const wanted = String(params.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ');
      // A list or mapping is named once ("found a list"); a value is shown too ("found a number 7").
      const found = data !== null && typeof data === 'object' ? typeName(data) : `${typeName(data)} ${show(data)}`;
      return { path, at: 'value', message: `${label}expected ${wanted}, found ${found}`, rejected: path };
    }
    case 'format': {
      const format = String(params.format);
      return {
        path,
        at: 'value',
        message: `${label}${show(data)} is not ${FORMAT_WORDS[format] ?? `a valid ${format}`}`,
        rejected: path,
      };
    }
    case 'enum': {
      const allowed = listOf(params.allowedValues as unknown[]);
      return { path, at: 'value', message: `${label}${show(data)} is not one of: ${allowed}`, rejected: path };
    }
    case 'const': {
      const wanted = own ?? `must be ${show(params.allowedValue)}`;
      return { path, at: 'value', message: `${label}${show(data)}: ${wanted} (${show(params.allowedValue)})`, rejected: path };
    }
    case 'pattern':
      return {
        path,
        at: 'value',
        message: own
          ? `${label}${show(data)} is not valid here: ${own}`
          : `${label}${show(data)} is not in the form ${String(params.pattern)}`,
        rejected: path,
      };
    case 'uniqueItems':
      return {
        path,
        at: 'value',
        message: `${label}lists ${show(Array.isArray(data) ? data[Number(params.i)] : undefined)} twice`,
        rejected: path,
      };
    case 'anyOf':
    case 'oneOf':
    case 'not':
      return {
        path,
        at: 'value',
        message: `${label}${own ?? (error.message ?? 'is not valid')}`,
        // A rule across the record's keys ("`meeting` or `async`") does not
        // make the whole record unknown; a rejected value of one key is.
        ...(path.length > 0 ? { rejected: path } : {}),
      };
    default:
      return { path, at: 'value', message: `${label}${show(data)} ${error.message ?? 'is not valid'}`, rejected: path };
  }
}

/** Is the value at `path` known, given the paths the schema rejected? */
export function makeKnown(rejected: readonly Path[]): (path: Path) => boolean {
  if (rejected.length === 0) return () => true;
  // A path is unknown when it, one of its ancestors or one of its
  // descendants was rejected (compared as `/`-joined text). Sets of the
  // rejected paths and of their ancestors make each question a few lookups,
  // not a scan of every rejected path.
  const keys = new Set<string>();
  const ancestors = new Set<string>();
  for (const p of rejected) {
    const r = p.map(String).join('/');
    keys.add(r);
    for (let i = r.indexOf('/'); i !== -1; i = r.indexOf('/', i + 1)) ancestors.add(r.slice(0, i));
  }
  if (keys.has('')) return () => false;
  return (path) => {
    const key = path.map(String).join('/');
    if (key === '' || keys.has(key) || ancestors.has(key)) return false;
    for (let i = key.indexOf('/'); i !== -1; i = key.indexOf('/', i + 1)) if (keys.has(key.slice(0, i))) return false;
    return true;
  };
}
