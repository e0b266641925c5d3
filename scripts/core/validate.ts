// JSON Schema validation of records, compiled once per run, with every ajv
// error turned into a message a committee member can act on and a path
// that points at the offending key or value.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { closest } from './text.ts';
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
      return describeErrors(fn.errors ?? [], value);
    },
  };
}

const COMPOSITE = new Set(['anyOf', 'oneOf', 'not']);

function pointerToPath(pointer: string, root: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
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

function suggestKey(key: string, parentSchema: unknown): string {
  const properties = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (!properties) return '';
  const names = Object.keys(properties);
  const best = closest(key, names);
  const allowed = `allowed here: ${names.join(', ')}`;
  return best ? ` (did you mean "${best}"? ${allowed})` : ` (${allowed})`;
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

function describeErrors(errors: readonly ErrorObject[], root: unknown): SchemaIssue[] {
  // A failed anyOf/oneOf/not already says what is wrong; the errors of its
  // branches would only repeat it in schema terms.
  const composites = errors.filter((e) => COMPOSITE.has(e.keyword)).map((e) => `${e.schemaPath}/`);
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (composites.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const issue = describe(error, root);
    if (!issue) continue;
    const key = `${issue.path.join('\u0000')}|${issue.at}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
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
      return { path, at: 'value', message: `${label}expected ${wanted}, found ${typeName(data)} ${show(data)}`, rejected: path };
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
      const allowed = (params.allowedValues as unknown[]).map((v) => String(v)).join(', ');
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
  const keys = rejected.map((p) => p.map(String).join('/'));
  return (path) => {
    const key = path.map(String).join('/');
    return !keys.some(
      (r) => r === key || key === '' || r === '' || r.startsWith(`${key}/`) || key.startsWith(`${r}/`),
    );
  };
}
