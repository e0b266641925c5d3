// `npm run explain -- RULE` for every rule id, and its usage errors; and
// --help of every command. `check -h` starts the command as a child process
// through scripts/launch.mjs, as `npm run <name>` does: the launcher builds
// and starts every command, and its exit status is the process's. The other
// cases run the commands' entry points in this process (tests/cli-command.ts:
// the same arguments, output and exit code).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../scripts/core/docs.ts';
import { rules } from '../../scripts/rules/index.ts';
import { commandArgs, runCommand } from '../cli-command.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const explain = (...args: string[]) => runCommand('explain', args);

describe('explain', () => {
  it.each(rules.map((r) => r.id))('%s: description, charter text, a violation and its fix', (id) => {
    const rule = rules.find((r) => r.id === id)!;
    const text = explainRule(rule);
    expect(text.split('\n')[0]).toMatch(new RegExp(`^${id} \\((error|warning)`));
    expect(text).toContain(rule.description);
    expect(text).toContain(rule.charter);
    expect(text).toContain('Violation:\n');
    expect(text).toContain('Fix:\n');
  });

  it('prints exactly the explanation for a rule, exit 0', async () => {
    const r = await explain('vote-quorum');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(explainRule(rules.find((x) => x.id === 'vote-quorum')!));
  });

  it('an unknown rule is a usage error listing the ids, exit 2', async () => {
    const r = await explain('no-such-rule');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no rule "no-such-rule"');
    expect(r.stderr).toContain('vote-quorum');
    expect(r.stdout).toBe('');
  });
});

describe('every command answers --help the same way', () => {
  it.each(['check', 'summary', 'comment', 'codeowners', 'explain', 'import', 'status-page'])('%s --help and -h print its usage, exit 0', async (name) => {
    for (const flag of ['--help', '-h']) {
      // One command through the launcher as a real process is enough to show the launcher answers; the rest in this process.
      const r = flag === '-h' && name === 'check' ? spawnSync(process.execPath, [...commandArgs(name), flag], { cwd: ROOT, encoding: 'utf8' }) : await runCommand(name, [flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: npm run ${name} --`));
      expect(r.stderr).toBe('');
    }
  });
});
