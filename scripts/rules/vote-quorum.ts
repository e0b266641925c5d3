import { quorumFormula } from '../core/committee.ts';
import type { Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { analyzeVote } from '../core/votes.ts';

export const rule: Rule<Model> = {
  id: 'vote-quorum',
  severity: 'error',
  description:
    'members present (meeting), or casting any ballot incl. abstain or listed in recused (async), below quorum(n) on the vote date',
  charter: 'A quorum is defined as 50% of members +1 with a minimum quorum always being at least four (4) members. A quorum is required for any votes.',
  charterSection: 'Policies 6: Quorum',
  charterKeys: ['quorum.fraction', 'quorum.plus', 'quorum.minimum'],
  example: {
    violation: [
      '# governance/meetings/2025-05-14.yaml: 7 members serve',
      'present: [jdoe, rroe, xyz, abc]',
      '# governance/votes/2025-05-14-rfc-0002.yaml',
      'meeting: 2025-05-14     # 4 of 7 present, 5 needed',
      '',
    ].join('\n'),
    // Attendance is a fact: the fix is never to add someone to `present`.
    fix: [
      '# Attendance is a fact: never add anyone to present. Without quorum no vote',
      '# could be taken. Hold it again at a meeting with quorum and record that vote:',
      '# governance/votes/2025-05-28-rfc-0002.yaml',
      'meeting: 2025-05-28     # 5 of 7 present',
      '# and record the first attempt on its meeting, not as a vote:',
      '# governance/meetings/2025-05-14.yaml',
      'notes: RFC 0002 could not be put to a vote without quorum (4 of 7 present, 5 needed).',
      '',
    ].join('\n'),
  },
  check(model) {
    const charter = model.charter;
    if (!charter) return [];
    const formula = quorumFormula(charter);
    const out: RuleFinding[] = [];
    for (const vote of model.votes.values()) {
      const a = analyzeVote(model, vote);
      if (!a.quorumJudged || a.quorumMet !== false || !vote.date) continue;
      const needed = `${a.quorumNeeded} needed (${formula})`;
      const of = `of ${a.n} members`;
      let message: string;
      if (a.meeting) message = `quorum not met: ${a.attendance} ${of} present, ${needed}; who was present is the present list of ${a.meeting.file}`;
      else if (vote.ballots && vote.ballotsKnown)
        message = `quorum not met: ${a.attendance} ${of} took part in the asynchronous vote (cast a ballot, abstain included, or recused), ${needed}`;
      else message = `quorum not met: the tally counts ${a.attendance} votes ${of}, ${needed}`;
      out.push({ file: vote.file, path: [a.meeting ? 'meeting' : 'async'], at: 'key', message, date: vote.date });
    }
    return out;
  },
};
