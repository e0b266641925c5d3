import type { ChairTerm, Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { isNullified, outcomeDisputed } from '../core/votes.ts';

export const rule: Rule<Model> = {
  id: 'chair-not-elected',
  severity: 'error',
  description:
    '`elected_by` is not a chair-election vote whose recorded `result` is `elected:<this member>`, dated on or before `from`; not for `legacy` before `records_since`',
  charter: 'The chair will be elected by members of ALESCo.',
  charterSection: 'Chair 3',
  example: {
    violation: [
      '# governance/votes/2024-07-24-chair-election.yaml: kind: chair-election, result: elected:rroe',
      'terms:',
      '  - { member: jdoe, from: 2024-07-24, elected_by: 2024-07-24-chair-election }',
      '',
    ].join('\n'),
    fix: [
      '# governance/votes/2024-07-24-chair-election.yaml: kind: chair-election, result: elected:rroe',
      'terms:',
      '  - { member: rroe, from: 2024-07-24, elected_by: 2024-07-24-chair-election }',
      '',
    ].join('\n'),
  },
  check(model) {
    const out: RuleFinding[] = [];
    for (const term of model.chairTerms) out.push(...checkTerm(model, term));
    return out;
  },
};

function checkTerm(model: Model, term: ChairTerm): RuleFinding[] {
  const at = (message: string): RuleFinding => ({
    file: term.file,
    path: [...term.path, 'elected_by'],
    message,
    // The election belongs to the term's start: a term begun before
    // records_since is imported history, and its fault a warning.
    date: term.from,
  });
  // A missing or rejected `elected_by` is the schema's finding alone.
  if (!term.electedByKnown) return [];
  if (term.electedBy === 'legacy') {
    const since = model.recordsSince;
    // Without a readable records_since, whether `legacy` is allowed is unknown.
    if (since === undefined || term.from < since) return [];
    return [
      at(
        `${term.member}'s term from ${term.from} gives elected_by: legacy, allowed only for a term that started before records_since ` +
          `${since}: name the chair-election vote`,
      ),
    ];
  }
  const vote = model.votes.get(term.electedBy);
  // A missing vote is unknown-reference's finding; a skipped one is unknown.
  if (!vote) return [];
  const id = term.electedBy;
  if (vote.kind === undefined) return [];
  if (vote.kind !== 'chair-election') {
    return [at(`elected_by "${id}" is a ${vote.kind} vote: a chair term is elected by a vote of kind chair-election`)];
  }
  if (isNullified(model, vote)) {
    return [
      at(`elected_by "${id}" was nullified by "${vote.nullifiedBy ?? ''}": a nullified election elects no one, so ${term.member}'s term from ${term.from} has no election`),
    ];
  }
  const findings: RuleFinding[] = [];
  if (vote.date !== undefined && vote.date > term.from) {
    findings.push(
      at(`elected_by "${id}" is dated ${vote.date}, after the term's start ${term.from}: a term starts on or after the election that elected its chair`),
    );
  }
  // A recorded result that the ballots contradict, or a vote without quorum,
  // is vote-result's or vote-quorum's finding alone.
  const expected = `elected:${term.member}`;
  if (vote.result !== undefined && vote.result !== expected && !outcomeDisputed(model, vote)) {
    findings.push(
      at(`elected_by "${id}" has result ${vote.result}, not ${expected}: the vote behind a chair term elects that term's member`),
    );
  }
  return findings;
}
