// Keeps the rule catalogue honest: every rule file is registered, named after
// its id, tested, documented, and the README table is generated from them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRuleTable, replaceRuleTable } from '../scripts/core/docs.ts';
import type { Rule } from '../scripts/core/types.ts';
import { rules } from '../scripts/rules/index.ts';

const RULES_DIR = new URL('../scripts/rules/', import.meta.url);
const ruleFiles = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('rule catalogue', () => {
  it('has rule files', () => {
    expect(ruleFiles.length).toBeGreaterThan(0);
  });

  it.each(ruleFiles)('%s is registered, and its id is its file name', async (name) => {
    const mod = (await import(new URL(`${name}.ts`, RULES_DIR).href)) as { rule?: Rule<unknown> };
    expect(mod.rule, `scripts/rules/${name}.ts must export \`rule\``).toBeDefined();
    expect(mod.rule?.id).toBe(name);
    expect(rules).toContain(mod.rule);
  });

  it.each(rules.map((r) => r.id))('%s has tests, a README row, a charter sentence and an example', (id) => {
    const rule = rules.find((r) => r.id === id)!;
    expect(existsSync(new URL(`../tests/rules/${id}.test.ts`, import.meta.url)), `tests/rules/${id}.test.ts`).toBe(true);
    expect(readme).toContain(`| \`${id}\` |`);
    expect(rule.charter.length).toBeGreaterThan(10);
    expect(rule.charterSection.length).toBeGreaterThan(3);
    expect(rule.example.violation).not.toBe(rule.example.fix);
  });

  it('registers each id once', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('README rule table is up to date (npm run readme)', () => {
    expect(replaceRuleTable(readme, renderRuleTable(rules))).toBe(readme);
  });
});

describe('the pure core', () => {
  // The core turns files into findings; only the shell may touch the file
  // system, git, the network, the process or the clock.
  const FORBIDDEN = /from 'node:(fs|child_process|net|http|https|os)'|from 'simple-git'|\bfetch\(|\bprocess\.|Date\.now\(|new Date\(\)/;
  const dirs = ['core', 'rules', 'import', 'site'];
  const files = dirs.flatMap((d) =>
    readdirSync(new URL(`../scripts/${d}/`, import.meta.url))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `scripts/${d}/${f}`),
  );
  it.each(files)('%s touches no file system, git, network, process or clock', (file) => {
    const text = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    expect(text).not.toMatch(FORBIDDEN);
  });
});

describe('README examples stay true', () => {
  it('the sample PR comment is the rendered snapshot', () => {
    const snapshot = readFileSync(new URL('../tests/report/__snapshots__/realistic-pr.md', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('<!-- governance-report'))
      .join('\n')
      .replace(/^\n+|\n+$/g, '');
    expect(readme).toContain(`\`\`\`markdown\n${snapshot}\n\`\`\``);
  });
});
