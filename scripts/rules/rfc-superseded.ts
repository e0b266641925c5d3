import type { Model, Rfc } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { rfcDate, rfcsNumbered } from '../core/rule-kit.ts';

export const rule: Rule<Model> = {
  id: 'rfc-superseded',
  severity: 'error',
  description: 'superseded without `superseded_by`, or that RFC does not list it in `supersedes`',
  charter: 'Superseded: The RFC is replaced by a new proposal.',
  charterSection: 'RFC process (ALESCo RFC README): RFC Lifecycle 6',
  example: {
    violation: [
      '# rfcs/0002-kvm.md',
      '---',
      'rfc: 2',
      'title: Enable KVM',
      'authors: ["Jane Doe"]',
      'status: superseded',
      'created: 2025-05-07',
      'decision: 2025-05-14-rfc-0002',
      '---',
      '# rfcs/0009-kvm-everywhere.md has supersedes: []',
      '',
    ].join('\n'),
    fix: [
      '# rfcs/0002-kvm.md',
      '---',
      'rfc: 2',
      'title: Enable KVM',
      'authors: ["Jane Doe"]',
      'status: superseded',
      'created: 2025-05-07',
      'decision: 2025-05-14-rfc-0002',
      'superseded_by: 9',
      '---',
      '# rfcs/0009-kvm-everywhere.md has supersedes: [2]',
      '',
    ].join('\n'),
  },
  check(model) {
    if (!model.charter) return [];
    const out: RuleFinding[] = [];
    for (const r of model.rfcs) {
      if (!r.readable || r.status !== 'superseded') continue;
      const finding = checkRfc(model, r);
      if (finding) {
        const date = rfcDate(model, r);
        out.push({ ...finding, ...(date ? { date } : {}) });
      }
    }
    return out;
  },
};

function checkRfc(model: Model, r: Rfc): RuleFinding | undefined {
  if (!r.supersededByKnown) return undefined;
  const by = r.supersededBy;
  if (by === undefined || by === null) {
    return {
      file: r.file,
      // `superseded_by: null` is the wrong value; no key at all, the mapping lacks it.
      path: by === null ? ['superseded_by'] : [],
      message: `status is superseded but superseded_by is ${by === null ? 'null' : 'not given'}: name the RFC that replaces this one (superseded_by: <number>)`,
    };
  }
  // Which number the successor must list, or which file holds RFC `by`, is
  // unknown when a front matter's `rfc` was rejected or left out.
  if (!r.numberKnown) return undefined;
  const successors = rfcsNumbered(model).get(by) ?? [];
  // No such RFC is unknown-reference's finding; two of them is rfc-number's;
  // an unreadable one, or one whose supersedes was rejected, is unknown.
  const [successor] = successors;
  if (successors.length !== 1 || !successor || !successor.readable || !successor.numberKnown || !successor.supersedesKnown)
    return undefined;
  if (successor.supersedes.includes(r.number)) return undefined;
  return {
    file: r.file,
    path: ['superseded_by'],
    message: `superseded_by is ${by} but RFC ${by} (${successor.file}) does not list ${r.number} in its supersedes: add ${r.number} there`,
  };
}
