import type { Model, Vote } from '../core/model.ts';
import type { Path, Rule, RuleFinding } from '../core/types.ts';
import { analyzeVote, owedRecords, type VoteAnalysis } from '../core/votes.ts';

export const rule: Rule<Model> = {
  id: 'vote-eligibility',
  severity: 'error',
  description:
    'a ballot from someone not serving on the date, not present at the meeting, or recused; a tally larger than those present (serving, if async); a tally, or a vote without ballots, from records_since on',
  charter: 'the membership of ALESCo will manage itself - adding members or filling vacancies as deemed necessary by vote of the current members.',
  charterSection: 'Policies 2: Appointments (votes of the current members); data model: votes (a roll call names every voter)',
  example: {
    violation: [
      '# governance/meetings/2025-05-14.yaml',
      'present: [jdoe, rroe, xyz, abc]',
      '# governance/votes/2025-05-14-rfc-0002.yaml',
      'ballots:',
      '  jdoe: yes',
      '  def: no          # def is not in the meeting\'s present list',
      '',
    ].join('\n'),
    fix: [
      '# governance/meetings/2025-05-14.yaml',
      'present: [jdoe, rroe, xyz, abc, def]',
      '# governance/votes/2025-05-14-rfc-0002.yaml',
      'ballots:',
      '  jdoe: yes',
      '  def: no',
      '',
    ].join('\n'),
  },
  check(model) {
    if (!model.charter) return [];
    const out: RuleFinding[] = [];
    for (const vote of model.votes.values()) {
      const a = analyzeVote(model, vote);
      if (a.eligibilityJudged && vote.date) checkVote(model, vote, vote.date, a, out);
    }
    return out;
  },
};

function checkVote(model: Model, vote: Vote, date: string, a: VoteAnalysis, out: RuleFinding[]): void {
  const report = (path: Path, message: string, at: 'key' | 'value' = 'value'): void => {
    out.push({ file: vote.file, path, at, message, date });
  };
  for (const { ballot, reason } of a.ineligible) {
    const who = `ballot of ${ballot.voter}`;
    if (reason === 'not-serving') report(ballot.path, `${who}, who does not serve on the committee on ${date}: only serving members vote`, 'key');
    else if (reason === 'recused') report(ballot.path, `${who}, who is listed in recused: a recused member casts no ballot`, 'key');
    else report(ballot.path, `${who}, who is not in the present list of meeting ${vote.meeting ?? ''}: only members present at the meeting vote`, 'key');
  }
  const t = vote.tally;
  if (t && vote.tallyKnown) {
    const sum = t.yes + t.no + t.abstain;
    if (a.tallyTooLarge && a.tallyLimit !== undefined) {
      const limit = a.meeting
        ? `${a.tallyLimit} members were present at meeting ${a.meeting.id}`
        : `${a.tallyLimit} members serve on ${date}`;
      report(['tally'], `the tally counts ${sum} votes (yes ${t.yes} + no ${t.no} + abstain ${t.abstain}) but only ${limit}`);
    }
    if (a.tallyNotAccepted)
      report(
        ['tally'],
        `a tally is accepted only for imported history before records_since (${model.recordsSince ?? ''}): from then on a roll call names every voter in ballots`,
        'key',
      );
    return;
  }
  // Only absence is a demand, and a nullified vote is owed none.
  const noBallots = vote.ballots === undefined && vote.ballotsKnown && vote.tallyKnown;
  if (noBallots && owedRecords(model, vote))
    report([], `no ballots: from records_since (${model.recordsSince ?? ''}) on, a roll call names every voter in ballots (voter: yes | no | abstain)`);
}
