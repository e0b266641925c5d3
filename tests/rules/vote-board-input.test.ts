// RFC process, "AlmaLinux OS Foundation Board input as a blocker": "Input from
// the board will be a blocking stakeholder before ALESCo can vote on RFCs
// that... [...] A representative from the board will also attend the meeting
// where the vote is taking place."
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/vote-board-input.ts';
import { baseRepo, brief, checkRules, repoWith, type Files, recordsSince, annulment } from '../helpers.ts';

const D = '2024-02-14';
const RFC = 'rfcs/0001-example.md';
const voteFile = (date: string, slug = 'rfc-0001'): string => `governance/votes/${date}-${slug}.yaml`;
const VOTE = voteFile(D);

function rfc(boardInput?: string): string {
  const base = baseRepo()[RFC]!;
  return boardInput === undefined ? base : base.replace('discussion_since: 2024-02-02', `discussion_since: 2024-02-02\nboard_input: ${boardInput}`);
}
function meeting(date: string, board?: string): string {
  return [`date: ${date}`, 'kind: regular', 'present: [ann, bob, cat, dan]', ...(board !== undefined ? [`board: ${board}`] : []), ''].join('\n');
}
/** A vote on RFC 1: `meeting:` value at 3:10, `rfc:` value at 5:6. */
function vote(date: string, venue: 'meeting' | 'async' = 'meeting', tail: string[] = [], slug = 'rfc-0001'): string {
  return [
    `id: ${date}-${slug}`,
    `date: ${date}`,
    venue === 'meeting' ? `meeting: ${date}` : `async: { channel: "~alesco", closed: ${date} }`,
    'kind: rfc',
    'rfc: 1',
    'motion: Accept RFC 0001',
    'ballots: { ann: yes, bob: yes, cat: yes, dan: yes }',
    'result: passed',
    ...tail,
    '',
  ].join('\n');
}
function repo(boardInput: string | undefined, board: string | undefined, extra: Files = {}): Files {
  return repoWith({ [RFC]: rfc(boardInput), [`governance/meetings/${D}.yaml`]: meeting(D, board), [VOTE]: vote(D), ...extra });
}
const since = recordsSince;
const NULLIFIER = annulment('Annul the vote on RFC 1');

const REQUIRED = '{ required: true, topics: [], received: 2024-02-10 }';
const REQUIRED_NONE = '{ required: true, topics: [], received: null }';
const BOARD = '["Board Member"]';
const run = (files: Files): string[] => checkRules(files, [rule]).map((f) => `${brief(f)} ${f.message}`);
const rfcAt = (file = VOTE, severity = 'error'): string => `vote-board-input ${file}:5:6 ${severity}`;
const meetingAt = (file = VOTE, severity = 'error'): string => `vote-board-input ${file}:3:10 ${severity}`;
const NEEDS = 'RFC 1 needs board input (board_input.required: true)';
const MISSING = `${NEEDS}, but board_input.received is not recorded: the board's input is received on or before the vote (${D})`;
const NO_BOARD = `${NEEDS}, but meeting ${D} lists no board attendee: a representative of the board attends the meeting where it is voted`;

describe('vote-board-input: "Input from the board will be a blocking stakeholder before ALESCo can vote on RFCs that..."', () => {
  it.each<[string, Files]>([
    ['input required, received before the vote, a board attendee', repo(REQUIRED, BOARD)],
    ['input received on the vote date', repo('{ required: true, topics: [], received: 2024-02-14 }', BOARD)],
    ['a topic among board_input_topics, received, a board attendee', repo('{ required: false, topics: [trademark], received: 2024-02-01 }', BOARD)],
    ['a topic outside board_input_topics needs no input', repo('{ required: false, topics: [documentation], received: null }', '[]')],
    ['an RFC without board_input', repo(undefined, '[]')],
    ['an asynchronous vote has no meeting to attend', repo(REQUIRED, undefined, { [VOTE]: vote(D, 'async') })],
    ['before records_since: a missing `received` is not demanded; an omitted `board` is unknown', repo(REQUIRED_NONE, undefined, since('2024-03-01'))],
    [
      'a nullified vote is owed no `received`',
      repo(REQUIRED_NONE, BOARD, { ...NULLIFIER, [VOTE]: vote(D, 'meeting', ['nullified_by: 2024-02-15-annul']) }),
    ],
    [
      'a meeting vote whose meeting is unknown (date mismatch): board attendance not judged',
      repo(REQUIRED, '[]', { [VOTE]: vote(D).replace(`meeting: ${D}`, 'meeting: 2024-02-07') }),
    ],
    ['a rejected board_input is unknown', repo('{ required: maybe, topics: [], received: null }', '[]')],
  ])('valid: %s', (_name, files) => {
    expect(run(files)).toEqual([]);
  });

  it.each<[string, Files, string[]]>([
    ['input required, none received (at the vote\'s `rfc`)', repo(REQUIRED_NONE, BOARD), [`${rfcAt()} ${MISSING}`]],
    ['input required, `received` omitted', repo('{ required: true, topics: [] }', BOARD), [`${rfcAt()} ${MISSING}`]],
    [
      'a topic among board_input_topics makes input required whatever `required` says',
      repo('{ required: false, topics: [trademark, docs], received: null }', BOARD),
      [
        `${rfcAt()} RFC 1 needs board input (topic trademark among the charter's board_input_topics), but board_input.received is not recorded: the board's input is received on or before the vote (${D})`,
      ],
    ],
    [
      'input received after the vote: a fact, judged before records_since too (a warning)',
      repo('{ required: true, topics: [], received: 2024-02-15 }', BOARD, since('2024-03-01')),
      [`${rfcAt(VOTE, 'warning')} ${NEEDS}, received 2024-02-15, after this vote on ${D}: the board's input is received before the vote`],
    ],
    ['a meeting with `board: []` (at the vote\'s `meeting`)', repo(REQUIRED, '[]'), [`${meetingAt()} ${NO_BOARD}`]],
    ['from records_since on, an omitted `board` means no board attendee', repo(REQUIRED, undefined), [`${meetingAt()} ${NO_BOARD}`]],
    [
      'before records_since, `board: []` is a fact: a warning',
      repo('{ required: true, topics: [], received: 2024-02-01 }', '[]', since('2024-03-01')),
      [`${meetingAt(VOTE, 'warning')} ${NO_BOARD}`],
    ],
    ['both causes: one finding each', repo(REQUIRED_NONE, '[]'), [`${meetingAt()} ${NO_BOARD}`, `${rfcAt()} ${MISSING}`]],
    [
      'every rfc vote on that RFC gets its own finding',
      repo(REQUIRED_NONE, BOARD, {
        'governance/meetings/2024-02-21.yaml': meeting('2024-02-21', BOARD),
        [voteFile('2024-02-21')]: vote('2024-02-21'),
      }),
      [
        `${rfcAt()} ${MISSING}`,
        `${rfcAt(voteFile('2024-02-21'))} ${MISSING.replace(`(${D})`, '(2024-02-21)')}`,
      ],
    ],
  ])('invalid: %s', (_name, files, expected) => {
    expect(run(files)).toEqual(expected);
  });
});
