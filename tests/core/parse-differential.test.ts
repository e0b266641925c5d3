// The fast path (js-yaml) must read every file it accepts exactly as the
// full parser (`yaml`, YAML 1.2 core schema) does; otherwise a record could
// mean one thing to `check` and another to its error positions.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fastPathAccepts, parseFullText, parseYamlText } from '../../scripts/core/source.ts';
import { baseRepo } from '../helpers.ts';

function fastValue(text: string): unknown {
  if (!fastPathAccepts(text)) return undefined;
  try {
    const v: unknown = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false });
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function fullValue(text: string): { ok: boolean; value?: unknown } {
  const docs = parseAllDocuments(text, { version: '1.2', schema: 'core', uniqueKeys: true, merge: false });
  if (!Array.isArray(docs) || docs.length !== 1 || (docs[0]?.errors.length ?? 1) > 0) return { ok: false };
  return { ok: true, value: docs[0]?.toJS() };
}

const scalarChars = fc.constantFrom(...'abcXYZ019 :#\'"-.,+_@()[]{}eE/\\n'.split(''));
const scalar = fc.oneof(
  fc.string({ unit: scalarChars, maxLength: 12 }),
  fc.constantFrom('yes', 'no', 'on', 'off', 'true', 'False', 'NULL', '~', '2024-02-29', '1e3', '.inf', '-.5', '017', '1_000', '12:30'),
);

describe('fast path and full parser agree', () => {
  it('on random plain scalars, flow lists and maps', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.stringMatching(/^[a-z][a-z_]{0,6}$/), scalar, fc.nat(3)), { minLength: 1, maxLength: 5 }), (entries) => {
        const text = entries
          .map(([k, v, shape], i) => {
            const key = `${k}${i}`;
            if (shape === 1) return `${key}: [${v}, ${v}]`;
            if (shape === 2) return `${key}:\n  - ${v}`;
            if (shape === 3) return `${key}: { inner: ${v} }`;
            return `${key}: ${v}`;
          })
          .join('\n');
        const fast = fastValue(text);
        if (fast === undefined) return true; // the full parser handles it
        const full = fullValue(text);
        expect(full.ok, text).toBe(true);
        // JSON equality: the one accepted difference is -0 versus 0, which no schema can tell apart.
        expect(JSON.stringify(fast), text).toBe(JSON.stringify(full.value));
        return true;
      }),
      { numRuns: 20000 },
    );
  });

  // Found by a longer search (13 million cases): each once read differently by the two parsers.
  it.each([
    ['an exponent too large for a double', 'e_0: { inner: 1e9190 }\nb: [1e900, 1e900]\n'],
    ['a quoted value opened after a key holding a colon', "k1:\n  - _11.:: '\nk2: [2024-02-29]\nq3: ,E'\n"],
  ])('regression: %s goes to the full parser', (_name, text) => {
    expect(fastValue(text)).toBeUndefined();
  });

  const realFiles = [
    ...Object.entries(baseRepo()).filter(([p]) => p.endsWith('.yaml')).map(([p, t]) => [p, t] as const),
    ...readdirSync(new URL('../../governance/members/', import.meta.url)).map(
      (f) => [`governance/members/${f}`, readFileSync(new URL(`../../governance/members/${f}`, import.meta.url), 'utf8')] as const,
    ),
  ];
  it.each(realFiles)('on %s', (path, text) => {
    const fast = parseYamlText(path, text);
    const full = parseFullText(path, text);
    expect(fast.ok && full.ok).toBe(true);
    if (fast.ok && full.ok) expect(fast.source.value).toEqual(full.source.value);
  });

  it('positions from the fast path are those of the full parser', () => {
    const text = 'date: 2024-02-07\nkind: regular\npresent: [ann, bob]\n';
    const fast = parseYamlText('m.yaml', text);
    const full = parseFullText('m.yaml', text);
    if (!fast.ok || !full.ok) throw new Error('both parse');
    for (const path of [['present', 1], ['kind'], []] as const) {
      expect(fast.source.locate(path)).toEqual(full.source.locate(path));
    }
  });
});
