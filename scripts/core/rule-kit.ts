// The record rules' findings are made while reading the files; their rule
// modules hand them on, so every finding still comes from a registered rule.
import type { Model } from './model.ts';
import type { LoadFinding } from './source.ts';
import type { RuleFinding } from './types.ts';

export function loadFindingsOf(model: Model, rule: LoadFinding['rule']): RuleFinding[] {
  return model.loadFindings
    .filter((f) => f.rule === rule)
    .map((f) => ({ file: f.file, line: f.line, column: f.column, message: f.message }));
}
