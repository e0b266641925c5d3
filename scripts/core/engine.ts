// Rules over a loaded model -> positioned, sorted findings, with the
// records_since demotion applied in one place.
import type { Loaded } from './load.ts';
import type { Model } from './model.ts';
import { cutValues } from './escape.ts';
import type { Finding, Rule, RuleFinding } from './types.ts';

export function runRules(loaded: Loaded, rules: readonly Rule<Model>[]): Finding[] {
  const { model } = loaded;
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const raw of rule.check(model)) findings.push(position(loaded, rule, raw));
  }
  return sortFindings(findings);
}

function position(loaded: Loaded, rule: Rule<Model>, raw: RuleFinding): Finding {
  let line = raw.line;
  let column = raw.column;
  if (line === undefined || column === undefined) {
    const pos = loaded.locate(raw.file, raw.path ?? [], raw.at);
    line = pos?.line ?? 1;
    column = pos?.column ?? 1;
  }
  const since = loaded.model.recordsSince;
  const demote = rule.severity === 'error' && !rule.alwaysError && since !== undefined && raw.date !== undefined && raw.date < since;
  return {
    rule: rule.id,
    severity: demote ? 'warning' : rule.severity,
    file: raw.file,
    line,
    column,
    // A value from a record is cut at about 200 characters: a 100 KB id stays one readable line.
    message: cutValues(raw.message),
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
