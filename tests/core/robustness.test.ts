// No input makes the checker crash: every rule copes with records that are
// half valid (a value of the wrong type, a key missing, a list where a map
// belongs). Random mutations of a valid repository must always end in
// findings, never in an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { rules } from '../../scripts/rules/index.ts';
import type { Model } from '../../scripts/core/model.ts';
import type { Finding } from '../../scripts/core/types.ts';
import { baseRepo, checkRules, loadModel, runCheck, type Files } from '../helpers.ts';

const BASE = baseRepo();
const YAML_FILES = Object.keys(BASE).filter((p) => p.endsWith('.yaml'));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 3000 }),
  fc.constantFrom('', 'yes', 'no', 'abstain', 'ann', 'zed', 'legacy', 'board', '2024-02-30', '2024-02-07', '9999-12-31', 'elected:ann', 'passed'),
  fc.constant([] as Json[]),
  fc.constant({}),
  fc.constant(["ann", "ann"] as Json[]),
  fc.constant({ member: 'ann' }),
);


/** Every path to a value inside a parsed record. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const copy = structuredClone(root);
  let node: Json = copy;
  for (const seg of path.slice(0, -1)) node = (node as Record<string, Json>)[seg as string] as Json;
  const last = path[path.length - 1] as string;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete (node as Record<string, Json>)[last];
  } else (node as Record<string, Json>)[last] = value;
  return copy;
}

/**
 * `parse` of a record's text, remembered by text: the same nine texts of the
 * base repository are parsed again in almost every run. Callers only read
 * the result (setAt copies before it changes anything).
 */
const parsed = new Map<string, Json>();
function parseOnce(text: string): Json {
  let doc = parsed.get(text);
  if (doc === undefined) parsed.set(text, (doc = parse(text) as Json));
  return doc;
}

/** The valid base as a model, loaded once per date (the rules only read a base): every run judges its mutation against it. */
const baseModels = new Map<string, Model>();
function baseModel(today: string): Model {
  let model = baseModels.get(today);
  if (!model) baseModels.set(today, (model = loadModel(BASE, today)));
  return model;
}

/** A finding that has a real position and says something. */
const wellFormed = (f: Finding): boolean =>
  typeof f.line === 'number' && f.line >= 1 && typeof f.column === 'number' && f.column >= 1 && typeof f.message === 'string' && f.message.length > 0;

const mutation = fc.record({
  file: fc.constantFrom(...YAML_FILES),
  pick: fc.nat(),
  value: fc.option(oddValue, { nil: undefined }),
});

describe('robustness', () => {
  it('random mutations of valid records end in findings, never an exception', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom('2024-02-20', '2024-12-31'), (mutations, today) => {
        const files: Files = { ...BASE };
        for (const m of mutations) {
          const text = files[m.file];
          if (typeof text !== 'string') continue;
          const doc = parseOnce(text);
          const all = paths(doc);
          const path = all[m.pick % all.length] ?? [];
          files[m.file] = stringify(setAt(doc, path, m.value));
        }
        const result = runCheck(files, today);
        // As a pull request against the valid base: the git rules read both sides.
        const asPr = checkRules(files, rules, today, baseModel(today));
        // Every finding has line >= 1, column >= 1 and a message; one expect for all of them.
        expect([...result.findings, ...asPr].filter((f) => !wellFormed(f))).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });
});
