import type { Model } from '../core/model.ts';
import type { Rule } from '../core/types.ts';
import { loadFindingsOf } from '../core/rule-kit.ts';

export const rule: Rule<Model> = {
  id: 'yaml-syntax',
  severity: 'error',
  alwaysError: true,
  description:
    'not parseable YAML (the first parser error, with the count of the rest); a duplicate key; an anchor or alias; a tag; more than one document; a `__proto__` or merge key; nesting over 64 levels; over 20,000 keys and list items; a file over 1 MiB, not UTF-8, or that cannot be read',
  charter: 'Records are plain YAML 1.2 mappings, one document per file, so every reader sees the same data.',
  charterSection: 'Data model: files',
  example: {
    violation: 'date: 2025-05-14\ndate: 2025-05-15\nkind: regular\n',
    fix: 'date: 2025-05-14\nkind: regular\n',
  },
  check: (model) => loadFindingsOf(model, 'yaml-syntax'),
};
