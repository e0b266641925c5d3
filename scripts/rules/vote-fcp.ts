import type { Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { owedRecords } from '../core/votes.ts';
import { rfcOfVote } from '../core/rule-kit.ts';

export const rule: Rule<Model> = {
  id: 'vote-fcp',
  severity: 'error',
  description: 'a vote on an RFC that had no final comment period (fcp_since) on or before the vote date',
  charter:
    'Final Comment Period (FCP): A last call for comments before the decision. [...] Decision Making: ALESCo votes on the RFC.',
  charterSection: 'RFC process: steps 5-6',
  example: {
    violation: [
      '# rfcs/0002-enable-kvm.md (voted on 2025-05-14)',
      'status: accepted',
      'discussion_since: 2025-05-08',
      'decision: 2025-05-14-rfc-0002',
      '',
    ].join('\n'),
    fix: [
      '# rfcs/0002-enable-kvm.md (voted on 2025-05-14)',
      'status: accepted',
      'discussion_since: 2025-05-08',
      'fcp_since: 2025-05-10',
      'decision: 2025-05-14-rfc-0002',
      '',
    ].join('\n'),
  },
  check(model) {
    if (!model.charter) return [];
    const out: RuleFinding[] = [];
    for (const vote of model.votes.values()) {
      const date = vote.date;
      if (vote.kind !== 'rfc' || !date) continue;
      const rfc = rfcOfVote(model, vote);
      if (!rfc) continue;
      const fcp = rfc.fcpSince;
      if (fcp !== undefined) {
        if (fcp > date)
          out.push({
            file: vote.file,
            path: ['rfc'],
            message: `RFC ${rfc.number}'s final comment period began ${fcp}, after this vote on ${date}: an RFC is voted on after its FCP is announced`,
            date,
          });
      } else if (owedRecords(model, vote) && rfc.fcpSinceKnown) {
        // Only absence is a demand: waived before records_since and for a nullified vote.
        out.push({
          file: vote.file,
          path: ['rfc'],
          message: `RFC ${rfc.number} has no fcp_since: from records_since on, a vote on an RFC follows a final comment period announced on or before the vote (${date})`,
          date,
        });
      }
    }
    return out;
  },
};
