// A vote held on a pull request is recorded in progress (`async.closes`, no
// ballots or result) so the PR can show its live tally; it cannot merge
// before it closes and its ballots are recorded.
import { inProgress, type Model } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';

export const rule: Rule<Model> = {
  id: 'vote-open',
  severity: 'error',
  // Nothing in progress belongs on the main branch, whatever the date.
  alwaysError: true,
  description: 'a vote still in progress (`async.closes`, no ballots or result): it cannot merge until it closes and its ballots are recorded',
  charter: 'Decisions will be made based on a majority vote.',
  charterSection: 'Policies 5 (Decision Making); data model: votes (a roll call names every voter)',
  example: {
    violation: ['# governance/votes/2026-12-10-logo.yaml, on the PR that holds the vote', 'async: { channel: "PR #42", opened: 2026-12-03, closes: 2026-12-10 }', ''].join('\n'),
    fix: [
      '# after it closes: npm run record -- ballots --pr 42',
      'async: { channel: "PR #42", opened: 2026-12-03, closed: 2026-12-10 }',
      'ballots: { ann: yes, bob: yes, cat: no, dan: yes }',
      'result: passed',
      '',
    ].join('\n'),
  },
  check(model) {
    const out: RuleFinding[] = [];
    for (const v of model.votes.values()) {
      if (!inProgress(v)) continue;
      const closes = v.async?.closes ?? '';
      out.push({
        file: v.file,
        path: ['async', 'closes'],
        message:
          closes < model.today
            ? `vote ${v.id} closed on ${closes} and its ballots are not recorded: run \`npm run record -- ballots --pr N\` to record them from the pull request`
            : `vote ${v.id} is in progress until ${closes}: members vote with /vote on the pull request, and it can merge once \`npm run record -- ballots --pr N\` has recorded the ballots after it closes`,
      });
    }
    return out;
  },
};
