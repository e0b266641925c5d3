import { servesIdOn } from '../core/committee.ts';
import { businessDaysBetween, weekday } from '../core/dates.ts';
import type { Model, Vote } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { owedRecords } from '../core/votes.ts';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const dayName = (d: string): string => DAY_NAMES[weekday(d)] ?? '';

export const rule: Rule<Model> = {
  id: 'membership-nomination',
  severity: 'error',
  description:
    'a membership vote without a nomination or questionnaire date (from records_since on), nominated by someone not serving, self-nominated, or with the questionnaire circulated fewer than review_business_days business days before the vote',
  charter:
    'A candidate first be nominated by a current, acting member of ALESCo. [...] Committee members must receive the completed questionnaire at least 5 business days before the vote.',
  charterSection: 'Policies 2: Appointments',
  charterKeys: ['membership.review_business_days', 'membership.self_nomination'],
  example: {
    violation: [
      '# governance/votes/2025-05-14-membership-newperson.yaml (a Wednesday)',
      'subject: newperson',
      'nomination: { by: jdoe, date: 2025-04-01 }',
      'questionnaire_circulated: 2025-05-09    # a Friday: 3 business days before the vote',
      '',
    ].join('\n'),
    fix: [
      '# governance/votes/2025-05-14-membership-newperson.yaml (a Wednesday)',
      'subject: newperson',
      'nomination: { by: jdoe, date: 2025-04-01 }',
      'questionnaire_circulated: 2025-05-07    # a Wednesday: 5 business days before the vote',
      '',
    ].join('\n'),
  },
  check(model) {
    const charter = model.charter;
    if (!charter) return [];
    const out: RuleFinding[] = [];
    for (const vote of model.votes.values()) {
      if (vote.kind === 'membership') checkVote(model, vote, charter.membership, out);
    }
    return out;
  },
};

function checkVote(
  model: Model,
  vote: Vote,
  rules: { reviewBusinessDays: number; selfNomination: boolean },
  out: RuleFinding[],
): void {
  const date = vote.date;
  const report = (path: (string | number)[], message: string): void => {
    out.push({ file: vote.file, path, message, ...(date ? { date } : {}) });
  };
  // Only absence is a demand: waived before records_since and for a vote that was nullified.
  const demanded = owedRecords(model, vote);

  const nomination = vote.nomination;
  if (!nomination) {
    if (demanded && vote.nominationKnown)
      report(
        ['subject'],
        'no nomination: a candidate is first nominated by a current, acting member (nomination: { by, date })',
      );
  } else if (nomination.by !== undefined) {
    const by = nomination.by;
    if (vote.subject !== undefined && by === vote.subject) {
      // One finding, whether or not the nominee serves yet.
      if (!rules.selfNomination)
        report(
          ['nomination'],
          `${by} nominated themselves: a candidate is nominated by a current, acting member (self_nomination: false)`,
        );
    } else if (nomination.date !== undefined && model.members.has(by)) {
      // A nominator with no member file is unknown-reference's finding.
      if (servesIdOn(model, by, nomination.date) === 'no')
        report(
          ['nomination'],
          `nominated by ${by}, who does not serve on the nomination date ${nomination.date}: a candidate is nominated by a current, acting member`,
        );
    }
  }

  const circulated = vote.questionnaireCirculated;
  if (circulated === undefined) {
    if (demanded && vote.questionnaireKnown)
      report(
        ['subject'],
        `no questionnaire_circulated: members receive the candidate's completed questionnaire at least ${rules.reviewBusinessDays} business days before the vote`,
      );
  } else if (date !== undefined) {
    const days = businessDaysBetween(circulated, date);
    if (days < rules.reviewBusinessDays)
      report(
        ['questionnaire_circulated'],
        `questionnaire circulated ${circulated} (${dayName(circulated)}), ${days} business day${days === 1 ? '' : 's'} before the vote on ${date} (${dayName(date)}); at least ${rules.reviewBusinessDays} needed (Monday to Friday, after the day it was circulated, up to the vote)`,
      );
  }
}
