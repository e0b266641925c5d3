// `npm run explain -- RULE` for every rule id, and its usage errors.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../scripts/core/docs.ts';
import { rules } from '../../scripts/rules/index.ts';
import { commandArgs } from '../cli-command.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const explain = (...args: string[]) =>
  spawnSync(process.execPath, [...commandArgs('explain'), ...args], { cwd: ROOT, encoding: 'utf8' });

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

  it('prints exactly the explanation for a rule, exit 0', () => {
    const r = explain('vote-quorum');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(explainRule(rules.find((x) => x.id === 'vote-quorum')!));
  });

  it('an unknown rule is a usage error listing the ids, exit 2', () => {
    const r = explain('no-such-rule');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no rule "no-such-rule"');
    expect(r.stderr).toContain('vote-quorum');
    expect(r.stdout).toBe('');
  });
});

describe('every command answers --help the same way', () => {
  it.each(['check', 'summary', 'comment', 'codeowners', 'explain', 'import', 'status-page'])('%s --help and -h print its usage, exit 0', (name) => {
    for (const flag of ['--help', '-h']) {
      const r = spawnSync(process.execPath, [...commandArgs(name), flag], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: npm run ${name} --`));
      expect(r.stderr).toBe('');
    }
  });
});
