// An RFC moves through its lifecycle one allowed step at a time, starts as a
// draft (or already accepted for discussion), and is withdrawn rather than
// deleted. Compares the head model with the base model; silent without a base.
import { matchRfcs } from '../core/changes.ts';
import type { Model, Rfc } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';

/** data-model.md, "Lifecycle". */
export const LIFECYCLE: Readonly<Record<string, readonly string[]>> = {
  draft: ['discussion', 'withdrawn'],
  discussion: ['fcp', 'withdrawn'],
  fcp: ['accepted', 'rejected', 'discussion', 'withdrawn'],
  accepted: ['superseded'],
  rejected: [],
  withdrawn: [],
  superseded: [],
};

const START = ['draft', 'discussion'];

const name = (r: Rfc): string => (r.number === 0 ? `the unnumbered RFC ${r.file}` : `RFC ${String(r.number).padStart(4, '0')}`);

function nextSteps(status: string): string {
  const next = LIFECYCLE[status] ?? [];
  return next.length === 0 ? `${status} is final` : `from ${status} an RFC moves to ${next.join(' or ')}`;
}

/** The date a finding is about (the rule is an error at every date; set for consistency). */
function dateOf(r: Rfc): { date: string } | Record<string, never> {
  const d = r.updated ?? r.created;
  return d ? { date: d } : {};
}

export const rule: Rule<Model> = {
  id: 'rfc-transition',
  severity: 'error',
  alwaysError: true,
  description:
    'in a PR, an RFC status change the lifecycle does not allow; a new RFC not starting as draft or discussion; a deleted RFC',
  charter: 'The status of the RFC should be updated in the document header as it progresses through the lifecycle stages.',
  charterSection: 'RFC process: RFC states',
  example: {
    violation: '# rfcs/0007-example.md, `status: discussion` on the base branch; the PR sets\nstatus: accepted\n',
    fix: '# first a PR that announces the final comment period\nstatus: fcp\nfcp_since: 2025-05-10\n',
  },
  check(model) {
    const base = model.base;
    if (!base) return [];
    const out: RuleFinding[] = [];
    for (const { base: b, head: h } of matchRfcs(base, model)) {
      if (h && b) {
        if (!h.readable || !b.readable || !b.status || !h.status || b.status === h.status) continue;
        if (!(b.status in LIFECYCLE) || !(h.status in LIFECYCLE)) continue;
        if (LIFECYCLE[b.status]?.includes(h.status)) continue;
        out.push({
          file: h.file,
          path: ['status'],
          message: `${name(h)} changes status from ${b.status} to ${h.status}, which the RFC lifecycle does not allow: ${nextSteps(b.status)}`,
          ...dateOf(h),
        });
      } else if (h) {
        if (!h.readable || !h.status || START.includes(h.status) || !(h.status in LIFECYCLE)) continue;
        // Imported history: an RFC created before records_since may arrive in any state.
        if (!h.created) continue;
        if (model.recordsSince !== undefined && h.created < model.recordsSince) continue;
        out.push({
          file: h.file,
          path: ['status'],
          message: `${name(h)} is new in this PR with status ${h.status}: a new RFC starts as draft or discussion (only one created before records_since${model.recordsSince ? ` ${model.recordsSince}` : ''} is imported history)`,
          ...dateOf(h),
        });
      } else if (b) {
        out.push({
          file: b.file,
          line: 1,
          column: 1,
          message: `${name(b)} is deleted by this PR: an RFC stays in the record; set its status to withdrawn instead`,
          ...dateOf(b),
        });
      }
    }
    return out;
  },
};
