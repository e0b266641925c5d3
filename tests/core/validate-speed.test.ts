// The schema step's shortcuts (validate.ts) give exactly what the plain
// versions gave: "did you mean" is text.ts's `closest`, and a path is
// unknown exactly when it, an ancestor or a descendant was rejected.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest } from '../../scripts/core/text.ts';
import { compileSchemas, makeKnown } from '../../scripts/core/validate.ts';
import type { Path } from '../../scripts/core/types.ts';

const SCHEMAS = new URL('../../schemas/', import.meta.url);
const schemaFiles = readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json'));
const schemas = compileSchemas(schemaFiles.map((f) => JSON.parse(readFileSync(new URL(f, SCHEMAS), 'utf8')) as object));
const voteKeys = Object.keys(
  (JSON.parse(readFileSync(new URL('vote.schema.json', SCHEMAS), 'utf8')) as { properties: Record<string, unknown> }).properties,
);
const VOTE = { id: '2024-02-07-x', date: '2024-02-07', meeting: '2024-02-07', kind: 'decision', motion: 'm', result: 'passed' };

/** The makeKnown of before, one scan of every rejected path per question. */
function plainKnown(rejected: readonly Path[]): (path: Path) => boolean {
  if (rejected.length === 0) return () => true;
  const keys = rejected.map((p) => p.map(String).join('/'));
  return (path) => {
    const key = path.map(String).join('/');
    return !keys.some((r) => r === key || key === '' || r === '' || r.startsWith(`${key}/`) || key.startsWith(`${r}/`));
  };
}

describe('the schema step, fast and unchanged', () => {
  it('"did you mean" names what `closest` names, for any unknown key', () => {
    const nearby = fc.constantFrom(...voteKeys).chain((k) =>
      fc
        .tuple(fc.nat(k.length), fc.nat(9), fc.constantFrom('', 'x', 'S', 'é', '_', 'İ', 'abcd', 'xxxxxxxx'))
        .map(([at, cut, add]) => k.slice(0, at) + add + k.slice(at + cut)),
    );
    const key = fc.oneof(nearby, fc.string({ maxLength: 30 }), fc.stringMatching(/^[a-zA-Z_]{1,40}$/));
    fc.assert(
      fc.property(key, (k) => {
        if (voteKeys.includes(k) || k === '__proto__') return true;
        const issue = schemas.validate('vote', { ...VOTE, [k]: 1 }).find((i) => i.path[0] === k);
        const best = closest(k, voteKeys);
        expect(issue?.message, k).toBe(
          `unknown key "${k}" (${best ? `did you mean "${best}"? ` : ''}allowed here: ${voteKeys.join(', ')})`,
        );
        return true;
      }),
      { numRuns: 1500 },
    );
  });

  it('a key a megabyte long gets no suggestion, at once', () => {
    const k = 'motion'.repeat(200_000);
    const started = performance.now();
    const [issue] = schemas.validate('vote', { ...VOTE, [k]: 1 });
    expect(performance.now() - started).toBeLessThan(500);
    expect(issue?.message.endsWith(`" (allowed here: ${voteKeys.join(', ')})`)).toBe(true);
  });

  it('a path is known or not exactly as before', () => {
    const segment = fc.oneof(fc.constantFrom('a', 'b', 'a/b', '', 'ballots'), fc.nat(2));
    const path = fc.array(segment, { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(path, { maxLength: 6 }), fc.array(path, { minLength: 1, maxLength: 10 }), (rejected, asked) => {
        const fast = makeKnown(rejected);
        const plain = plainKnown(rejected);
        for (const p of asked) expect(fast(p), `${JSON.stringify(rejected)} ? ${JSON.stringify(p)}`).toBe(plain(p));
        return true;
      }),
      { numRuns: 2500 },
    );
  });

  it('60,000 unknown keys are described in linear time', () => {
    const many = (n: number): Record<string, unknown> => {
      const v: Record<string, unknown> = { ...VOTE };
      for (let i = 0; i < n; i++) v[`k${i}`] = 'v';
      return v;
    };
    const time = (n: number): number => {
      const value = many(n);
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const before = process.cpuUsage();
        expect(schemas.validate('vote', value)).toHaveLength(n);
        const used = process.cpuUsage(before);
        best = Math.min(best, (used.user + used.system) / 1000);
      }
      return best;
    };
    const small = time(15_000);
    const large = time(60_000);
    // Four times the keys: four times the time, give or take (quadratic would be sixteen).
    expect(large / small).toBeLessThan(8);
    // A bound far above the ~300 ms it takes, so a busy 2-core machine does not fail it; a quadratic step would take minutes.
    expect(large).toBeLessThan(3000);
  });
});
