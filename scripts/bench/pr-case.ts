// The pull-request case of `npm run bench`: on a generated repository, a PR
// that adds one vote file, timed through `summary` (both sides read from git
// objects, every rule run twice, the Markdown rendered).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SUMMARY_COMMAND: readonly string[] = [process.execPath, 'scripts/launch.mjs', 'summary'];

function git(dir: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

/**
 * Commit the generated records as `main`, then branch `pr` adding a copy of
 * the newest meeting vote under a new id. Objects are packed, as a CI
 * checkout's are.
 */
export function preparePullRequest(dir: string): { added: string } {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'generated records');
  git(dir, 'checkout', '-q', '-b', 'pr');
  const votesDir = join(dir, 'governance', 'votes');
  const newest = readdirSync(votesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .reverse()
    .find((f) => /^meeting: /m.test(readFileSync(join(votesDir, f), 'utf8')) && /^kind: (policy|decision)$/m.test(readFileSync(join(votesDir, f), 'utf8')));
  if (!newest) throw new Error('no meeting vote of kind policy or decision to copy');
  const id = newest.slice(0, -'.yaml'.length);
  const date = id.slice(0, 10);
  const added = `${date}-bench-extra-decision`;
  const text = readFileSync(join(votesDir, newest), 'utf8')
    .replace(/^id: .*$/m, `id: ${added}`)
    .replace(/^motion: .*$/m, 'motion: Record one more decision (benchmark PR)');
  writeFileSync(join(votesDir, `${added}.yaml`), text);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'record one vote');
  git(dir, 'gc', '-q');
  return { added: `governance/votes/${added}.yaml` };
}

/** `summary --stats` line: "... N git processes". */
export function gitProcessesOf(stderr: string): number | undefined {
  const m = / (\d+) git processes$/m.exec(stderr);
  return m ? Number(m[1]) : undefined;
}
