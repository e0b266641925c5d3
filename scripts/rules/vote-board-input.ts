import type { Charter, Model, Rfc, Vote } from '../core/model.ts';
import type { Path, Rule, RuleFinding } from '../core/types.ts';
import { analyzeVote, owedRecords, recordsSinceApplies } from '../core/votes.ts';
import { rfcOfVote } from '../core/rule-kit.ts';

export const rule: Rule<Model> = {
  id: 'vote-board-input',
  severity: 'error',
  description:
    "an RFC that needs board input (board_input.required, or a topic among the charter's board_input_topics) voted on with no input received on or before the vote, or at a meeting with no board attendee",
  charter:
    'Input from the board will be a blocking stakeholder before ALESCo can vote on RFCs that... [...] A representative from the board will also attend the meeting where the vote is taking place.',
  charterSection: 'RFC process: AlmaLinux OS Foundation Board input as a blocker',
  charterKeys: ['rfc.board_input_topics'],
  example: {
    violation: [
      '# rfcs/0007-new-trademark-policy.md',
      'board_input: { required: true, topics: [trademark], received: null }',
      '# governance/meetings/2025-05-14.yaml',
      'board: []',
      '',
    ].join('\n'),
    fix: [
      '# rfcs/0007-new-trademark-policy.md',
      'board_input: { required: true, topics: [trademark], received: 2025-05-02 }',
      '# governance/meetings/2025-05-14.yaml',
      'board: ["Board Member Name"]',
      '',
    ].join('\n'),
  },
  check(model) {
    const charter = model.charter;
    if (!charter) return [];
    const out: RuleFinding[] = [];
    for (const vote of model.votes.values()) {
      if (vote.kind !== 'rfc' || !vote.date) continue;
      const rfc = rfcOfVote(model, vote);
      if (!rfc || !rfc.boardInputKnown) continue;
      const why = needsInput(rfc, charter);
      if (why) checkVote(model, vote, vote.date, rfc, why, out);
    }
    return out;
  },
};

/** Why the RFC needs board input, or undefined when it does not. */
function needsInput(rfc: Rfc, charter: Charter): string | undefined {
  const bi = rfc.boardInput;
  if (!bi) return undefined;
  // Topics among the charter's list make input required whatever `required` says.
  const topics = bi.topics.filter((t) => charter.rfc.boardInputTopics.includes(t));
  if (topics.length > 0) return `topic${topics.length > 1 ? 's' : ''} ${topics.join(', ')} among the charter's board_input_topics`;
  return bi.required === true ? 'board_input.required: true' : undefined;
}

function checkVote(model: Model, vote: Vote, date: string, rfc: Rfc, why: string, out: RuleFinding[]): void {
  const report = (path: Path, message: string): void => {
    out.push({ file: vote.file, path, message, date });
  };
  const needs = `RFC ${rfc.number} needs board input (${why})`;
  const received = rfc.boardInput?.received;
  if (typeof received === 'string') {
    if (received > date) report(['rfc'], `${needs}, received ${received}, after this vote on ${date}: the board's input is received before the vote`);
  } else if (owedRecords(model, vote)) {
    // Only absence is a demand: waived before records_since and for a nullified vote.
    report(['rfc'], `${needs}, but board_input.received is not recorded: the board's input is received on or before the vote (${date})`);
  }

  const meeting = analyzeVote(model, vote).meeting;
  if (!meeting || !meeting.boardKnown) return;
  // Before records_since an omitted `board` is unknown; from then on it means nobody from the board attended.
  if (meeting.board === undefined && !recordsSinceApplies(model, date)) return;
  if ((meeting.board ?? []).length === 0)
    report(
      ['meeting'],
      `${needs}, but meeting ${meeting.id} lists no board attendee: a representative of the board attends the meeting where it is voted`,
    );
}
