import { servesOn } from '../core/committee.ts';
import { dayAfter } from '../core/dates.ts';
import type { ContinuationAnswer, Model } from '../core/model.ts';
import { firstMeetingDayAfter } from '../core/rule-kit.ts';
import type { Rule, RuleFinding } from '../core/types.ts';

export const rule: Rule<Model> = {
  id: 'continuation-ignored',
  severity: 'error',
  description: 'a member answered `continues: false` but still serves after the next meeting',
  charter:
    'Every 6 months, at the time of chair election within ALESCo, each member is to be asked if they intend to continue serving or choose to step down.',
  charterSection: 'Policies 3: Term Duration',
  example: {
    violation: [
      '# governance/members/jdoe.yaml (the next meeting after 2024-11-13 is 2024-12-11)',
      'service:',
      '  - from: 2024-05-08',
      '    appointed_by: board',
      'continuation:',
      '  - date: 2024-11-13',
      '    continues: false',
      '',
    ].join('\n'),
    fix: [
      '# governance/members/jdoe.yaml (the next meeting after 2024-11-13 is 2024-12-11)',
      'service:',
      '  - from: 2024-05-08',
      '    appointed_by: board',
      '    to: 2024-12-11',
      '    left: stepped-down',
      'continuation:',
      '  - date: 2024-11-13',
      '    continues: false',
      '',
    ].join('\n'),
  },
  check(model) {
    const out: RuleFinding[] = [];
    for (const member of model.members.values()) {
      if (!member.serviceKnown || !member.continuationKnown) continue;
      for (const answer of member.continuation) {
        if (answer.continues) continue;
        const next = firstMeetingDayAfter(model, answer.date);
        // No meeting after the answer yet, or one whose date is unreadable: nothing to judge.
        if (!next || next.uncertain) continue;
        if (superseded(member.continuation, answer, next.date)) continue;
        const after = dayAfter(next.date);
        if (servesOn(member, after) !== 'yes') continue;
        out.push({
          file: member.file,
          path: [...answer.path, 'continues'],
          message: `${member.id} answered continues: false on ${answer.date} but still serves on ${after}, after the next meeting (${next.date}): end the service period there (to, left: stepped-down)`,
          date: next.date,
        });
      }
    }
    return out;
  },
};

/**
 * A later answer given by the next meeting replaces this one: a member who
 * changed their mind (continues: true) is judged by their last word, and two
 * `false` answers before one meeting give one finding. A later `false` given
 * on the meeting's day looks ahead to the meeting after it, so it does not
 * excuse serving on past this one.
 */
function superseded(answers: readonly ContinuationAnswer[], answer: ContinuationAnswer, nextMeeting: string): boolean {
  return answers.some(
    (a) => a !== answer && a.date > answer.date && (a.date < nextMeeting || (a.date === nextMeeting && a.continues)),
  );
}
