import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const TESTS = 'tests/**/*.test.ts';

/**
 * Test files that mock a module (vi.mock, vi.doMock): they need a fresh
 * module graph. Found by reading the files, so a new one is isolated too.
 */
function filesThatMock(dir = 'tests'): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesThatMock(path));
    else if (e.name.endsWith('.test.ts') && /\bvi\s*\.\s*(?:mock|doMock|unmock|doUnmock)\s*\(/.test(readFileSync(path, 'utf8')))
      out.push(path.split('\\').join('/'));
  }
  return out;
}
const ISOLATED = filesThatMock();

/**
 * Where a run has no timings of an earlier one (a fresh clone, as in CI),
 * vitest starts the largest files first. These take longest (one long
 * property; many git and node processes), measured: they start first then,
 * so neither worker is left with one of them at the end. With timings,
 * vitest's own order (longest first) stands.
 */
const SLOWEST_FIRST = [
  'tests/package/package.test.ts',
  'tests/site/browser.test.ts',
  'tests/core/robustness.test.ts',
  'tests/git/summary.test.ts',
  'tests/workflows/workflows.test.ts',
  'tests/cli/explain.test.ts',
  'tests/cli/hostile-output.test.ts',
  'tests/cli/check.e2e.test.ts',
  'tests/comment/comment.test.ts',
  'tests/git/git.test.ts',
  'tests/git/pr-gate.test.ts',
  'tests/core/parse-differential.test.ts',
  'tests/bench/generate.test.ts',
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const timed = files.some((f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(root, f.moduleId)}`)?.duration);
    if (timed) return sorted;
    const rank = (f: TestSpecification): number => {
      const i = SLOWEST_FIRST.indexOf(relative(root, f.moduleId).split(sep).join('/'));
      return i === -1 ? SLOWEST_FIRST.length : i;
    };
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    // End-to-end tests spawn the CLI and git; give them room on a 2-core machine.
    testTimeout: 30_000,
    pool: 'forks',
    // Vitest's default on 2 cores is a single worker; with two, the second
    // core runs tests while the first waits on git and child processes.
    maxWorkers: 2,
    minWorkers: 1,
    // A worker runs many test files and keeps the modules it loaded (ajv's
    // compiled schemas, the rules) instead of loading them again for each file.
    // Files that mock a module (vi.mock) need a fresh module graph: the
    // 'isolated' project below.
    isolate: false,
    sequence: { sequencer: SlowestFirst },
    projects: [
      { extends: true, test: { name: 'shared', include: [TESTS], exclude: [...configDefaults.exclude, ...ISOLATED], isolate: false } },
      // Files that mock a module, each with a fresh module graph, in the threads
      // pool: it runs beside the forks instead of after them.
      ...(ISOLATED.length ? [{ extends: true as const, test: { name: 'isolated', include: ISOLATED, isolate: true, pool: 'threads' as const } }] : []),
    ],
  },
});
