import { committeeSize } from '../core/committee.ts';
import type { Model } from '../core/model.ts';
import type { Rule } from '../core/types.ts';

export const rule: Rule<Model> = {
  id: 'committee-below-quorum',
  severity: 'warning',
  description: 'fewer members serve today than the quorum minimum: no vote can reach quorum',
  charter:
    'A quorum is defined as 50% of members +1 with a minimum quorum always being at least four (4) members. A quorum is required for any votes.',
  charterSection: 'Policies 6: Quorum',
  charterKeys: ['quorum.fraction', 'quorum.plus', 'quorum.minimum'],
  example: {
    violation: '# governance/members/: three members serve today\n# governance/charter.yaml\nquorum: { fraction: 0.5, plus: 1, minimum: 4 }\n',
    fix: '# governance/members/: a fourth member appointed by a membership vote\n# governance/charter.yaml\nquorum: { fraction: 0.5, plus: 1, minimum: 4 }\n',
  },
  check(model) {
    const charter = model.charter;
    if (!charter) return [];
    const { today } = model;
    const { n, unknown } = committeeSize(model, today);
    const minimum = charter.quorum.minimum;
    // A member whose service is unknown may serve: the committee is below the
    // minimum only when it would be even if every one of them served.
    if (n + unknown >= minimum) return [];
    const serve = `${n} member${n === 1 ? ' serves' : 's serve'} today (${today})`;
    const maybe = unknown > 0 ? ` (${unknown} more whose service is unknown would not reach it either)` : '';
    return [
      {
        file: charter.file,
        path: ['quorum', 'minimum'],
        message: `${serve}, fewer than the quorum minimum of ${minimum}${maybe}: no vote can reach quorum until the committee appoints ${minimum - n} more`,
        date: today,
      },
    ];
  },
};
