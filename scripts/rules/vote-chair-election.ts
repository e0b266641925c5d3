import { servesIdOn } from '../core/committee.ts';
import type { Model, Vote } from '../core/model.ts';
import type { Path, Rule, RuleFinding } from '../core/types.ts';
import { owedRecords } from '../core/votes.ts';

export const rule: Rule<Model> = {
  id: 'vote-chair-election',
  severity: 'error',
  description: 'a chair-election candidate not serving, not nominated or not accepting; a ballot for a non-candidate',
  charter: 'The position of the chair will rotate among the elected members of ALESCo [...] The chair will be elected by members of ALESCo.',
  charterSection: 'Chair 1, 3',
  example: {
    violation: [
      'kind: chair-election',
      'candidates:',
      '  - { member: jdoe, nominated_by: rroe }     # acceptance not recorded',
      'ballots: { jdoe: jdoe, rroe: xyz }          # xyz is not a candidate',
      '',
    ].join('\n'),
    fix: [
      'kind: chair-election',
      'candidates:',
      '  - { member: jdoe, nominated_by: rroe, accepted: true }',
      '  - { member: xyz, nominated_by: abc, accepted: true }',
      'ballots: { jdoe: jdoe, rroe: xyz }',
      '',
    ].join('\n'),
  },
  check(model) {
    if (!model.charter) return [];
    const out: RuleFinding[] = [];
    for (const vote of model.votes.values()) {
      if (vote.kind === 'chair-election' && vote.date && vote.candidatesKnown) checkVote(model, vote, vote.date, out);
    }
    return out;
  },
};

function checkVote(model: Model, vote: Vote, date: string, out: RuleFinding[]): void {
  const report = (path: Path, message: string): void => {
    out.push({ file: vote.file, path, message, date });
  };
  // Only absence is a demand: waived before records_since and for a nullified vote.
  const demanded = owedRecords(model, vote);
  for (const c of vote.candidates) {
    // A candidate with no member file is unknown-reference's; unknown service is not judged.
    if (model.members.has(c.member) && servesIdOn(model, c.member, date) === 'no')
      report([...c.path, 'member'], `candidate ${c.member} does not serve on the committee on ${date}: the chair is elected among the members`);
    if (c.nominatedBy === undefined && demanded)
      report(c.path, `candidate ${c.member} has no nominated_by: from records_since on, a candidate's nomination is recorded`);
    if (c.accepted === false)
      report([...c.path, 'accepted'], `candidate ${c.member} did not accept the nomination (accepted: false): only a candidate who accepts stands for election`);
    else if (c.accepted === undefined && demanded)
      report(c.path, `candidate ${c.member} has no accepted: true: from records_since on, a candidate's acceptance of the nomination is recorded`);
  }
  if (!vote.ballots || !vote.ballotsKnown) return;
  const candidates = new Set(vote.candidates.map((c) => c.member));
  for (const b of vote.ballots) {
    if (b.value === 'abstain' || candidates.has(b.value)) continue;
    // A ballot for a name with no member file is unknown-reference's.
    if (!model.members.has(b.value) && !model.skipped.members.has(b.value)) continue;
    report(b.path, `ballot of ${b.voter} is for ${b.value}, who is not a candidate (candidates: ${[...candidates].join(', ') || 'none'})`);
  }
}
