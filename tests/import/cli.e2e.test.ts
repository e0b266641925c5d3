// `npm run import`: a dry run writes nothing, --write writes, a second run
// changes nothing, a different record is never overwritten without --force,
// one invalid record stops every write, and a committee moved in from the
// fixture wiki passes `check`. The commands' entry points run in this process
// (tests/cli-command.ts: the same arguments, output, files written and exit
// code); tests/cli/explain.test.ts starts `import` as a child process.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_TODAY, emptyRepo, MINUTES_URL, RFC_DIR, RFC_URL, WIKI_MINUTES } from './fixture-repo.ts';
import { runCommand } from '../cli-command.ts';

async function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = await runCommand(script, args, { NO_COLOR: '1', GITHUB_ACTIONS: '' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const importMinutes = (repo: string, ...extra: string[]) => run('import', ['minutes', WIKI_MINUTES, '--repo', repo, '--url', MINUTES_URL, ...extra]);
const importRfcs = (repo: string, ...extra: string[]) =>
  run('import', ['rfcs', RFC_DIR, '--repo', repo, '--status', 'Approved=accepted', '--body', 'link', '--url', RFC_URL, ...extra]);

/** Every file under the repository with its bytes and modification time. */
function snapshot(dir: string): Map<string, { text: string; mtime: number }> {
  const out = new Map<string, { text: string; mtime: number }>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(relative(dir, full), { text: readFileSync(full, 'utf8'), mtime: statSync(full).mtimeMs });
    }
  };
  walk(dir);
  return out;
}

describe('npm run import', () => {
  it('a dry run prints what it would write and the report, and writes nothing', async () => {
    const repo = emptyRepo();
    const before = snapshot(repo);
    const r = await importMinutes(repo);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(dry run, nothing written; pass --write to write)');
    expect(r.stdout).toContain('--- governance/meetings/2024-03-06.yaml (new)\ndate: 2024-03-06\nkind: regular\n');
    expect(r.stdout).toContain('  new       governance/votes/2024-04-03-rfc-0002.yaml');
    expect(r.stdout).toContain('Gaps in the source (14):');
    expect(snapshot(repo)).toEqual(before);
  });

  it('moves the fixture committee in: the result passes check, and a second run changes nothing, byte for byte', async () => {
    const repo = emptyRepo();
    expect((await importMinutes(repo, '--write')).code).toBe(0);
    const rfcs = await importRfcs(repo, '--write');
    expect(rfcs.code).toBe(0);
    expect(rfcs.stdout).toContain('  new       rfcs/0002-add-a-widget.md');

    const check = await run('check', ['--repo', repo, '--today', E2E_TODAY]);
    expect(check.stdout).toContain('✔ no problems (19 files checked)');
    expect(check.code).toBe(0);

    const written = snapshot(repo);
    const again = [await importMinutes(repo, '--write'), await importRfcs(repo, '--write')];
    expect(again.map((r) => r.code)).toEqual([0, 0]);
    expect(again[0]?.stdout).toContain('0 new, 0 to replace, 10 unchanged, 0 kept because they differ');
    expect(again[1]?.stdout).toContain('0 new, 0 to replace, 3 unchanged, 0 kept because they differ');
    expect(snapshot(repo)).toEqual(written);
  });

  it('never overwrites a record whose facts differ without --force; --force replaces it', async () => {
    const repo = emptyRepo();
    await importMinutes(repo, '--write');
    const file = join(repo, 'governance/meetings/2024-03-06.yaml');
    const edited = readFileSync(file, 'utf8').replace('present: [ann-example, bob-example, cat-sample, dan-sample]', 'present: [ann-example, bob-example]');
    writeFileSync(file, edited);

    const kept = await importMinutes(repo, '--write');
    expect(kept.code).toBe(1);
    expect(kept.stdout).toContain('  keep      governance/meetings/2024-03-06.yaml: differs in present (kept; --force replaces it)');
    expect(readFileSync(file, 'utf8')).toBe(edited);

    const forced = await importMinutes(repo, '--write', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('  replace   governance/meetings/2024-03-06.yaml: differs in present');
    expect(readFileSync(file, 'utf8')).toContain('present: [ann-example, bob-example, cat-sample, dan-sample]');
  });

  it('writes nothing at all when one record would fail the schema', async () => {
    const repo = emptyRepo();
    await importMinutes(repo, '--write');
    // A curated key the importer keeps, made invalid, on a record --force is about to replace.
    const file = join(repo, 'governance/meetings/2024-03-06.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('kind: regular', 'kind: regular\nnotes: 5').replace('cat-sample, ', ''));
    const deleted = join(repo, 'governance/votes/2024-05-01-budget-build-farm.yaml');
    rmSync(deleted);
    const before = snapshot(repo);

    const r = await importMinutes(repo, '--write', '--force');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(nothing written)');
    expect(r.stdout).toMatch(/Schema failures \(1\): nothing was written\n {2}governance\/meetings\/2024-03-06\.yaml: .*notes/);
    expect(snapshot(repo)).toEqual(before);
  });

  it.each([
    [['copy', WIKI_MINUTES], 'expected "minutes" or "rfcs"'],
    [['minutes'], 'the source folder DIR is missing'],
    [['rfcs', RFC_DIR, '--body', 'link'], '--body link needs --url'],
    [['rfcs', RFC_DIR, '--status', 'Approved'], 'expected WORD=STATUS'],
    [['minutes', WIKI_MINUTES, '--status', 'Approved=accepted'], '--status and --body apply to rfcs'],
  ])('usage error: %j', async (args, message) => {
    const r = await run('import', [...args, '--repo', emptyRepo()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
