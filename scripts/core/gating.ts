// What fails a pull request (charter-rules.md, "Gating"): an error that the
// base branch does not have, matched by rule + file + message, not by line,
// so a finding that only moved down a few lines is still "existing". The
// severity is matched too: a warning on the base (imported history, dated
// before records_since) does not excuse the same words as an error on the
// head, which a PR gets by moving a record's date past records_since.
import type { Finding } from './types.ts';

export interface Gated {
  /** Head findings the base does not have: new errors fail the PR, new warnings are shown. */
  fresh: Finding[];
  /** Head findings the base has too: listed, never blocking. */
  existing: Finding[];
  /** Base findings the head no longer has. */
  fixed: Finding[];
  /** The number of new errors: the PR fails when it is above 0. */
  newErrors: number;
}

const keyOf = (f: Finding): string => `${f.severity}\u0000${f.rule}\u0000${f.file}\u0000${f.message}`;

/**
 * Match head findings against base findings. Matching counts: when the base
 * has one finding with a key and the head two, one of the two is new.
 */
export function gate(base: readonly Finding[], head: readonly Finding[]): Gated {
  const available = new Map<string, number>();
  for (const f of base) available.set(keyOf(f), (available.get(keyOf(f)) ?? 0) + 1);
  const fresh: Finding[] = [];
  const existing: Finding[] = [];
  for (const f of head) {
    const key = keyOf(f);
    const left = available.get(key) ?? 0;
    if (left > 0) {
      available.set(key, left - 1);
      existing.push(f);
    } else fresh.push(f);
  }
  const fixed: Finding[] = [];
  for (const f of base) {
    const key = keyOf(f);
    const left = available.get(key) ?? 0;
    if (left > 0) {
      available.set(key, left - 1);
      fixed.push(f);
    }
  }
  return { fresh, existing, fixed, newErrors: fresh.filter((f) => f.severity === 'error').length };
}
