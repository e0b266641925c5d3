// `records_since` divides imported history (judged leniently, its errors
// reported as warnings) from the record kept here. Moving it later would
// turn errors already judged into warnings, so a pull request may move it
// earlier (taking more history under the full rules) but never later.
import { CHARTER_FILE } from '../core/load.ts';
import type { Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';

export const rule: Rule<Model> = {
  id: 'records-since',
  severity: 'error',
  alwaysError: true,
  description:
    'in a PR, `records_since` in governance/charter.yaml moved later than on the base branch: it would turn errors in history already judged into warnings',
  charter: 'Adjustments to this governing document require board approval.',
  charterSection: 'Charter (preamble: adjustments need board approval); data model: records_since',
  charterKeys: ['records_since'],
  example: {
    violation: ['# governance/charter.yaml, records_since: 2026-12-01 on the base branch', 'records_since: 2099-01-01', ''].join('\n'),
    fix: ['# governance/charter.yaml: records_since stays (or moves earlier)', 'records_since: 2026-12-01', ''].join('\n'),
  },
  check(model) {
    const base = model.base?.recordsSince;
    const proposed = model.proposed ? model.proposed.recordsSince : model.recordsSince;
    if (!model.base || base === undefined || proposed === undefined || proposed <= base) return [];
    const finding: RuleFinding = {
      file: CHARTER_FILE,
      path: ['records_since'],
      message: `records_since moves from ${base} to ${proposed}: events from ${base} on are already the record, judged by the full rules; moving it later would downgrade their errors to warnings. Keep ${base} (or move it earlier)`,
    };
    return [finding];
  },
};
