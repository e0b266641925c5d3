// The whole pure pipeline: files -> model -> rules -> findings and summary.
import { runRules } from './engine.ts';
import { loadRepository, type LoadInput, type Loaded } from './load.ts';
import { summarize, type Summary } from './summary.ts';
import type { Finding } from './types.ts';
import { rules } from '../rules/index.ts';

export interface CheckResult {
  loaded: Loaded;
  findings: Finding[];
  summary: Summary;
}

export function checkFiles(input: LoadInput): CheckResult {
  const loaded = loadRepository(input);
  const findings = runRules(loaded, rules);
  const records = input.files.filter((f) => f.path.startsWith('governance/') || f.path.startsWith('rfcs/')).length;
  return { loaded, findings, summary: summarize(loaded.model, findings, records) };
}
