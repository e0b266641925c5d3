import type { Model, Vote } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { analyzeVote, majorityOfMembers, type VoteAnalysis } from '../core/votes.ts';

export const rule: Rule<Model> = {
  id: 'vote-result',
  severity: 'error',
  description: '`result` differs from the result computed from the ballots (or the tally of imported history)',
  charter: 'Decisions will be made based on a majority vote. In case of a tie, the chairperson (or a designated member) will have the deciding vote.',
  charterSection: 'Policies 5: Decision Making',
  charterKeys: ['majority', 'tie_break', 'membership.majority_of'],
  example: {
    violation: ['ballots:', '  jdoe: yes', '  rroe: no', '  xyz: no', '  abc: abstain', 'result: passed', ''].join('\n'),
    fix: ['ballots:', '  jdoe: yes', '  rroe: no', '  xyz: no', '  abc: abstain', 'result: not-passed', ''].join('\n'),
  },
  check(model) {
    if (!model.charter) return [];
    const out: RuleFinding[] = [];
    for (const vote of model.votes.values()) {
      const a = analyzeVote(model, vote);
      if (a.computedResult === undefined || vote.result === undefined || a.computedResult === vote.result) continue;
      out.push({
        file: vote.file,
        path: ['result'],
        message: `result is ${vote.result} but ${explain(model, vote, a)}`,
        ...(vote.date ? { date: vote.date } : {}),
      });
    }
    return out;
  },
};

function explain(model: Model, vote: Vote, a: VoteAnalysis): string {
  const computed = a.computedResult ?? '';
  const source = vote.ballots && vote.ballotsKnown ? 'the counted ballots give' : 'the tally gives';
  if (a.election) {
    const counts = [...a.election.votes].map(([id, n]) => `${id} ${n}`).join(', ');
    return `${source} ${computed}: ${a.election.cast} votes cast${counts ? ` (${counts})` : ''}; a candidate needs more than half of the votes cast, abstentions excluded`;
  }
  const t = a.tally;
  if (!t) return `${source} ${computed}`;
  const counts = `yes ${t.yes}, no ${t.no}, abstain ${t.abstain}`;
  if (model.charter && majorityOfMembers(vote.kind, model.charter))
    return `${source} ${computed}: ${counts}; a membership vote needs more yes than half of the ${a.n ?? 0} members serving on ${vote.date ?? ''} (majority_of: members)`;
  if (t.yes + t.no === 0) return `${source} ${computed}: ${counts}; zero votes cast does not pass`;
  if (t.yes === t.no) {
    const tb = vote.tieBreak;
    return tb?.vote
      ? `${source} ${computed}: ${counts}, a tie broken by ${tb.by ?? 'the tie-break'} voting ${tb.vote}`
      : `${source} ${computed}: ${counts}, ${model.charter?.tieBreak === 'none' ? 'a tie is indecisive (tie_break: none)' : 'a tie without a casting vote is not passed'}`;
  }
  return `${source} ${computed}: ${counts}; a motion passes with more yes than no`;
}
