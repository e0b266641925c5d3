import type { Model } from '../core/model.ts';
import type { Rule } from '../core/types.ts';
import { loadFindingsOf } from '../core/rule-kit.ts';

export const rule: Rule<Model> = {
  id: 'schema',
  severity: 'error',
  alwaysError: true,
  description: 'a record violates its JSON Schema (an unknown key, a missing key, an impossible date, a wrong value)',
  charter: 'Every record kind has a strict schema, so a typo in a key is an error, not a silently ignored field.',
  charterSection: 'Data model: schemas',
  example: {
    violation: 'date: 2025-02-30\nkind: regular\npresnt: [jdoe]\n',
    fix: 'date: 2025-02-28\nkind: regular\npresent: [jdoe]\n',
  },
  check: (model) => loadFindingsOf(model, 'schema'),
};
