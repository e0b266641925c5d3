// Small text helpers for messages.

/** Levenshtein distance; small inputs only (key names, member ids). */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/** The candidate a typo most likely meant, when it is close enough to say "did you mean". */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/**
 * The check-in's name from the chair term's length: it falls at each chair
 * election, so its period is the term's ("semi-annual" only for six months).
 */
export function checkInName(termMonths: number | undefined): string {
  const names: Record<number, string> = { 1: 'monthly', 3: 'quarterly', 6: 'semi-annual', 12: 'annual', 24: 'biennial' };
  if (termMonths === undefined) return 'check-in (at the chair election)';
  const name = names[termMonths];
  return name ? `${name} check-in` : `check-in (every ${termMonths} months, at the chair election)`;
}
