import { chairInOfficeKnown, chairTermOn, servesIdOn } from '../core/committee.ts';
import type { Charter, Model, Vote } from '../core/model.ts';
import type { Path, Rule, RuleFinding } from '../core/types.ts';
import { analyzeVote, majorityOfMembers, tieDeclaredPassedWithoutTieBreak } from '../core/votes.ts';

export const rule: Rule<Model> = {
  id: 'vote-tie-break',
  severity: 'error',
  description:
    'a tie-break where there is no tie (or none applies); by someone neither the chair in office nor a serving member designated by that chair; missing on a tie declared passed',
  charter: 'In case of a tie, the chairperson (or a designated member) will have the deciding vote.',
  charterSection: 'Policies 5: Decision Making',
  charterKeys: ['tie_break', 'membership.majority_of'],
  example: {
    violation: [
      '# the chair in office on 2025-05-14 is jdoe',
      'ballots: { jdoe: yes, rroe: no, xyz: yes, abc: no }',
      'tie_break: { by: rroe, vote: yes }',
      'result: passed',
      '',
    ].join('\n'),
    fix: [
      '# the chair in office on 2025-05-14 is jdoe',
      'ballots: { jdoe: yes, rroe: no, xyz: yes, abc: no }',
      'tie_break: { by: rroe, vote: yes, designated_by: jdoe }',
      'result: passed',
      '',
    ].join('\n'),
  },
  check(model) {
    const charter = model.charter;
    if (!charter) return [];
    const out: RuleFinding[] = [];
    for (const vote of model.votes.values()) {
      if (vote.date && vote.tieBreakKnown) checkVote(model, charter, vote, vote.date, out);
    }
    return out;
  },
};

function checkVote(model: Model, charter: Charter, vote: Vote, date: string, out: RuleFinding[]): void {
  const report = (path: Path, message: string, at: 'key' | 'value' = 'value'): void => {
    out.push({ file: vote.file, path, at, message, date });
  };
  const tb = vote.tieBreak;
  const a = analyzeVote(model, vote);
  if (!tb) {
    if (a.tally && tieDeclaredPassedWithoutTieBreak(vote, a.tally, charter))
      report(
        ['result'],
        `result is passed on a tie (yes ${a.tally.yes}, no ${a.tally.no}) with no tie_break: a tie passes only by the casting vote of the chair in office (or a member the chair designated); without one it is not passed`,
      );
    return;
  }
  // A tie-break where none applies: who gave it does not matter then.
  if (vote.kind === 'chair-election') {
    report(['tie_break'], 'a chair election has no tie-break: a candidate is elected with more than half of the votes cast, else no-majority; remove tie_break and record the result the ballots give', 'key');
    return;
  }
  if (majorityOfMembers(vote.kind, charter)) {
    report(
      ['tie_break'],
      'a membership vote has no tie to break: it passes with more yes than half of the members serving (majority_of: members); remove tie_break',
      'key',
    );
    return;
  }
  if (charter.tieBreak === 'none') {
    report(['tie_break'], 'the charter has tie_break: none: a tie is indecisive, so a vote records no casting vote; remove tie_break (a tie is result: not-passed)', 'key');
    return;
  }
  const t = a.tally;
  if (t && (t.yes !== t.no || t.yes === 0)) {
    const why = t.yes === 0 && t.no === 0 ? 'zero votes cast is not a tie' : 'there is no tie';
    report(['tie_break'], `a tie-break where ${why} (yes ${t.yes}, no ${t.no}): only a tie is broken by a casting vote; remove tie_break`, 'key');
    return;
  }
  checkWho(model, vote, date, tb, report);
}

function checkWho(
  model: Model,
  vote: Vote,
  date: string,
  tb: NonNullable<Vote['tieBreak']>,
  report: (path: Path, message: string) => void,
): void {
  const by = tb.by;
  // Names with no member file are unknown-reference's; a skipped chair-terms
  // file, or a term whose member or dates the schema rejected, can leave the
  // chair in office unknown.
  if (by === undefined || !model.members.has(by) || !chairInOfficeKnown(model, date)) return;
  const chair = chairTermOn(model, date)?.member;
  if (by === chair) return;
  const chairText = chair ? `the chair in office on ${date} is ${chair}` : `no chair is in office on ${date}`;
  const designatedBy = tb.designatedBy;
  if (designatedBy === undefined) {
    report(['tie_break', 'by'], `tie-break by ${by}, but ${chairText}: another member casts the deciding vote only with designated_by naming that chair`);
    return;
  }
  if (!model.members.has(designatedBy)) return;
  if (designatedBy !== chair) {
    report(['tie_break', 'designated_by'], `designated_by ${designatedBy}, but ${chairText}: only the chair in office designates a member to break a tie`);
    return;
  }
  if (servesIdOn(model, by, date) === 'no')
    report(['tie_break', 'by'], `tie-break by ${by}, who does not serve on the committee on ${date}: the chair designates a serving member`);
}
