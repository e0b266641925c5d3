import type { Model, Rfc } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { rfcDate } from '../core/rule-kit.ts';

/** The lifecycle's dates in the order they happen: created -> accepted for discussion -> FCP. */
const CHAIN = [
  { key: 'created', get: (r: Rfc) => r.created },
  { key: 'discussion_since', get: (r: Rfc) => r.discussionSince },
  { key: 'fcp_since', get: (r: Rfc) => r.fcpSince },
] as const;

export const rule: Rule<Model> = {
  id: 'rfc-dates',
  severity: 'error',
  description: 'created > updated, or the dates given out of order: created <= discussion_since <= fcp_since (a missing date is skipped)',
  charter: 'Final Comment Period (FCP): A last call for comments before the decision.',
  charterSection: 'RFC process (ALESCo RFC README): RFC Process Overview',
  example: {
    violation: '---\nrfc: 4\ntitle: T\nauthors: [A]\nstatus: fcp\ncreated: 2025-05-07\ndiscussion_since: 2025-05-12\nfcp_since: 2025-05-10\n---\n',
    fix: '---\nrfc: 4\ntitle: T\nauthors: [A]\nstatus: fcp\ncreated: 2025-05-07\ndiscussion_since: 2025-05-08\nfcp_since: 2025-05-10\n---\n',
  },
  check(model) {
    if (!model.charter) return [];
    const out: RuleFinding[] = [];
    for (const r of model.rfcs) {
      if (!r.readable) continue;
      const date = rfcDate(model, r);
      const at = (key: string, message: string): void => {
        out.push({ file: r.file, path: [key], message, ...(date ? { date } : {}) });
      };
      if (r.created && r.updated && r.created > r.updated) {
        at('updated', `updated ${r.updated} is before created ${r.created}: an RFC is updated on or after the day it was created`);
      }
      // Each given date against the last given one before it: a missing date
      // is skipped and its neighbours are still compared. (An fcp_since after
      // the vote is vote-fcp's finding alone.)
      let previous: { key: string; value: string } | undefined;
      for (const { key, get } of CHAIN) {
        const value = get(r);
        if (value === undefined) continue;
        if (previous && previous.value > value) {
          at(key, `${key} ${value} is before ${previous.key} ${previous.value}: the dates run created <= discussion_since <= fcp_since`);
        }
        previous = { key, value };
      }
    }
    return out;
  },
};
