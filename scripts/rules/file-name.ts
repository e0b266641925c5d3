import type { Model } from '../core/model.ts';
import type { Rule } from '../core/types.ts';
import { loadFindingsOf } from '../core/rule-kit.ts';

export const rule: Rule<Model> = {
  id: 'file-name',
  severity: 'error',
  alwaysError: true,
  description: 'a file name that does not match its `id` or `date`, or a file outside the layout of governance/ and rfcs/',
  charter: 'One file per record, named after its id or date, so a record is found by its name and never twice.',
  charterSection: 'Data model: file layout',
  example: {
    violation: '# governance/members/jdoe.yaml\nid: jane-doe\nname: Jane Doe\nservice: []\n',
    fix: '# governance/members/jane-doe.yaml\nid: jane-doe\nname: Jane Doe\nservice: []\n',
  },
  check: (model) => loadFindingsOf(model, 'file-name'),
};
