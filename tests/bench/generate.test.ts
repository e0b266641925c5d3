// The benchmark's generator: deterministic, valid (the timing must cover every
// rule on clean records), and linear in the number of years.
import { describe, expect, it } from 'vitest';
import { generate, generateRepo } from '../../scripts/bench/generate.ts';
import { runCheck, type Files } from '../helpers.ts';

function filesOf(map: ReadonlyMap<string, string>): Files {
  return Object.fromEntries(map);
}

function findingsText(years: number, seed: number): { errors: number; warnings: number; lines: string[] } {
  const repo = generate(years, seed);
  const { findings, summary } = runCheck(filesOf(repo.files), repo.today);
  return {
    errors: summary.errors,
    warnings: summary.warnings,
    lines: findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`),
  };
}

describe('bench generator', () => {
  it('gives the same files for the same seed, and other files for another seed', () => {
    const a = generateRepo(3, 42);
    const b = generateRepo(3, 42);
    expect([...a.entries()]).toEqual([...b.entries()]);
    const c = generateRepo(3, 43);
    expect([...c.entries()]).not.toEqual([...a.entries()]);
  });

  it('lays the files out as the data model says', () => {
    const repo = generate(2, 1);
    for (const path of repo.files.keys()) {
      expect(path).toMatch(
        /^(governance\/(charter|chair-terms)\.yaml|governance\/(members|sigs)\/[a-z0-9-]+\.yaml|governance\/meetings\/\d{4}-\d{2}-\d{2}(-\d+)?\.yaml|governance\/votes\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.yaml|rfcs\/\d{4,}-[a-z0-9-]+\.md)$/,
      );
    }
    const charter = repo.files.get('governance/charter.yaml') ?? '';
    expect(charter).toContain(`records_since: ${repo.first}`);
    expect(charter).toContain(`board_appointment: ${repo.first}`);
    expect(repo.today > repo.last).toBe(true);
  });

  it.each([1, 2, 3, 4, 5])('checks clean at 2 years (seed %i)', (seed) => {
    const r = findingsText(2, seed);
    expect(r.lines).toEqual([]);
    expect(r.errors).toBe(0);
    expect(r.warnings).toBe(0);
  });

  it('checks clean at 25 years with the benchmark seed', () => {
    const r = findingsText(25, 1);
    expect(r.lines).toEqual([]);
  }, 60_000);

  it('grows linearly with the years, at the sizes of the issue at 25 years', () => {
    const one = generate(25, 1).counts;
    expect(one.meetings).toBeGreaterThanOrEqual(650);
    expect(one.meetings).toBeLessThan(700);
    expect(one.votes).toBeGreaterThan(2300);
    expect(one.votes).toBeLessThan(2800);
    expect(one.rfcs).toBeGreaterThan(540);
    expect(one.rfcs).toBeLessThan(660);
    expect(one.members).toBeGreaterThan(40);
    expect(one.members).toBeLessThan(85);
    expect(one.asyncVotes).toBeGreaterThan(0);

    const four = generate(100, 1);
    const oneRepo = generate(25, 1);
    const ratio = four.files.size / oneRepo.files.size;
    expect(ratio).toBeGreaterThan(3.6);
    expect(ratio).toBeLessThan(4.4);
    for (const key of ['meetings', 'votes', 'rfcs', 'chairTerms'] as const) {
      const r = four.counts[key] / one[key];
      expect(r, key).toBeGreaterThan(3.6);
      expect(r, key).toBeLessThan(4.4);
    }
  });
});
