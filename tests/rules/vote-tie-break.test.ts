// Charter, Policies 5 (Decision Making): "In case of a tie, the chairperson
// (or a designated member) will have the deciding vote." Only a tie is
// broken; the chair in office on the vote's date (or a serving member that
// chair designated) breaks it; a tie declared passed needs the casting vote.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/vote-tie-break.ts';
import { baseRepo, brief, checkRules, repoWith, type Files } from '../helpers.ts';

const D = '2024-02-14';
const VOTE = `governance/votes/${D}-motion.yaml`;
const MEETING = `governance/meetings/${D}.yaml`;
const ALL = ['ann', 'bob', 'cat', 'dan', 'eve'];

const FORMER: Files = {
  'governance/members/zed.yaml': 'id: zed\nname: zed\nservice:\n  - from: 2024-01-10\n    appointed_by: board\n    to: 2024-02-10\n    left: resigned\n',
};
const CANDIDATE: Files = { 'governance/members/nia.yaml': 'id: nia\nname: nia\nservice: []\n' };
/** ann's term ended 2024-02-10; bob chairs on D. */
const BOB_CHAIRS: Files = {
  'governance/chair-terms.yaml': [
    'terms:',
    '  - { member: ann, from: 2024-02-07, to: 2024-02-10, elected_by: 2024-02-07-chair-election }',
    '  - { member: bob, from: 2024-02-11, elected_by: 2024-02-07-chair-election }',
    '',
  ].join('\n'),
};

function charter(replace: [string, string][] = []): Files {
  let text = baseRepo()['governance/charter.yaml']!;
  for (const [from, to] of replace) text = text.replace(from, to);
  return { 'governance/charter.yaml': text };
}
const since = (date: string): Files => charter([['records_since: 2024-01-01', `records_since: ${date}`]]);
const NONE = charter([['tie_break: chair', 'tie_break: none']]);

/** A vote at the meeting on D; `lines` start on line 6, `result:` is the last line. */
function vote(kind: string, lines: string[], result: string, extra: Files = {}): Files {
  const body = [`id: ${D}-motion`, `date: ${D}`, `meeting: ${D}`, `kind: ${kind}`, 'motion: The motion', ...lines, `result: ${result}`, ''];
  return repoWith({
    ...extra,
    [MEETING]: [`date: ${D}`, 'kind: regular', `present: [${ALL.join(', ')}]`, ''].join('\n'),
    [VOTE]: body.join('\n'),
  });
}
const ballots = (entries: Record<string, string>): string[] => ['ballots:', ...Object.entries(entries).map(([k, v]) => `  ${k}: ${v}`)];
const TIE = ballots({ ann: 'yes', bob: 'no', cat: 'yes', dan: 'no' });
const NO_TIE = ballots({ ann: 'yes', bob: 'no', cat: 'yes', dan: 'abstain' });
const NOBODY = ballots({ ann: 'abstain', bob: 'abstain', cat: 'abstain', dan: 'abstain' });
const ELECTION = [
  'candidates:',
  '  - { member: ann, nominated_by: bob, accepted: true }',
  '  - { member: bob, nominated_by: ann, accepted: true }',
  ...ballots({ ann: 'ann', bob: 'bob', cat: 'ann', dan: 'bob' }),
];
const MEMBERSHIP = ['subject: nia', ...TIE];

/** The tie-break line (the last of `lines`, on line 5 + lines.length) and the column of `token` in it. */
function at(lines: string[], token: string, severity = 'error'): string {
  const last = lines[lines.length - 1]!;
  return `vote-tie-break ${VOTE}:${5 + lines.length}:${last.indexOf(token) + 1} ${severity}`;
}
const run = (files: Files): string[] => checkRules(files, [rule]).map((f) => `${brief(f)} ${f.message}`);
const tb = (lines: string[], tieBreak: string): string[] => [...lines, `tie_break: ${tieBreak}`];

describe('vote-tie-break: "In case of a tie, the chairperson (or a designated member) will have the deciding vote"', () => {
  it.each<[string, Files]>([
    ['a tie broken by the chair in office', vote('decision', tb(TIE, '{ by: ann, vote: yes }'), 'passed')],
    ['a tie broken by a serving member the chair designated', vote('decision', tb(TIE, '{ by: bob, vote: no, designated_by: ann }'), 'not-passed')],
    ['a tie broken by the chair in office after a handover', vote('decision', tb(TIE, '{ by: bob, vote: yes }'), 'passed', BOB_CHAIRS)],
    ['a tie without a tie-break, not passed', vote('decision', TIE, 'not-passed')],
    ['no tie, no tie-break', vote('decision', NO_TIE, 'passed')],
    ['charter tie_break: none: a tie is not passed', vote('decision', TIE, 'not-passed', NONE)],
    ['charter tie_break: none: a tie declared passed is vote-result\'s', vote('decision', TIE, 'passed', NONE)],
    ['majority_of: members: yes = no is no tie, a wrong result is vote-result\'s', vote('membership', MEMBERSHIP, 'passed', CANDIDATE)],
    ['a chair election with equal votes and no tie-break', vote('chair-election', ELECTION, 'no-majority')],
    ['ballots unknown (a rejected value): the tie cannot be judged, the chair may break it', vote('decision', tb(ballots({ ann: 'maybe' }), '{ by: ann, vote: yes }'), 'passed')],
    ['a tie-break by someone with no member file is unknown-reference\'s', vote('decision', tb(TIE, '{ by: xyz, vote: yes }'), 'passed')],
    [
      'the chair\'s term has a rejected `to`: who chairs is unknown, not "nobody"',
      vote('decision', tb(TIE, '{ by: ann, vote: yes }'), 'passed', {
        'governance/chair-terms.yaml': 'terms:\n  - { member: ann, from: 2024-02-07, to: 2024-02-31, elected_by: 2024-02-07-chair-election }\n',
      }),
    ],
    [
      'a later term with a rejected `member` may be bob\'s, in office: who chairs is unknown',
      vote('decision', tb(TIE, '{ by: bob, vote: yes }'), 'passed', {
        'governance/chair-terms.yaml': [
          'terms:',
          '  - { member: ann, from: 2024-02-07, elected_by: 2024-02-07-chair-election }',
          '  - { member: Not An Id, from: 2024-02-11, elected_by: 2024-02-07-chair-election }',
          '',
        ].join('\n'),
      }),
    ],
  ])('valid: %s', (_name, files) => {
    expect(run(files)).toEqual([]);
  });

  const byBob = tb(TIE, '{ by: bob, vote: yes }');
  const byBobForCat = tb(TIE, '{ by: bob, vote: yes, designated_by: cat }');
  const byZed = tb(TIE, '{ by: zed, vote: yes, designated_by: ann }');
  const byAnn = tb(TIE, '{ by: ann, vote: yes }');
  const noTie = tb(NO_TIE, '{ by: ann, vote: yes }');
  const nobody = tb(NOBODY, '{ by: ann, vote: yes }');
  const election = tb(ELECTION, '{ by: ann, vote: ann }');
  const membership = tb(MEMBERSHIP, '{ by: ann, vote: yes }');
  it.each<[string, Files, string[]]>([
    [
      'a tie broken by another member without designated_by',
      vote('decision', byBob, 'passed'),
      [`${at(byBob, 'bob')} tie-break by bob, but the chair in office on ${D} is ann: another member casts the deciding vote only with designated_by naming that chair`],
    ],
    [
      'designated_by naming someone who is not the chair in office',
      vote('decision', byBobForCat, 'passed'),
      [`${at(byBobForCat, 'cat')} designated_by cat, but the chair in office on ${D} is ann: only the chair in office designates a member to break a tie`],
    ],
    [
      'a designated member who does not serve on the vote date',
      vote('decision', byZed, 'passed', FORMER),
      [`${at(byZed, 'zed')} tie-break by zed, who does not serve on the committee on ${D}: the chair designates a serving member`],
    ],
    [
      'the former chair breaks a tie after the handover',
      vote('decision', byAnn, 'passed', BOB_CHAIRS),
      [`${at(byAnn, 'ann')} tie-break by ann, but the chair in office on ${D} is bob: another member casts the deciding vote only with designated_by naming that chair`],
    ],
    [
      'a tie-break where there is no tie (at the `tie_break` key)',
      vote('decision', noTie, 'passed'),
      [`${at(noTie, 'tie_break')} a tie-break where there is no tie (yes 2, no 1): only a tie is broken by a casting vote; remove tie_break`],
    ],
    [
      'a tie-break with zero votes cast',
      vote('decision', nobody, 'passed'),
      [`${at(nobody, 'tie_break')} a tie-break where zero votes cast is not a tie (yes 0, no 0): only a tie is broken by a casting vote; remove tie_break`],
    ],
    [
      'a tie-break on a chair election',
      vote('chair-election', election, 'elected:ann'),
      [`${at(election, 'tie_break')} a chair election has no tie-break: a candidate is elected with more than half of the votes cast, else no-majority; remove tie_break and record the result the ballots give`],
    ],
    [
      'a tie-break on a membership vote under majority_of: members',
      vote('membership', membership, 'passed', CANDIDATE),
      [`${at(membership, 'tie_break')} a membership vote has no tie to break: it passes with more yes than half of the members serving (majority_of: members); remove tie_break`],
    ],
    [
      'charter tie_break: none with a recorded tie-break',
      vote('decision', byAnn, 'passed', NONE),
      [`${at(byAnn, 'tie_break')} the charter has tie_break: none: a tie is indecisive, so a vote records no casting vote; remove tie_break (a tie is result: not-passed)`],
    ],
    [
      'a tie declared passed without a tie-break (at `result`)',
      vote('decision', TIE, 'passed'),
      [
        `vote-tie-break ${VOTE}:11:9 error result is passed on a tie (yes 2, no 2) with no tie_break: a tie passes only by the casting vote of the chair in office (or a member the chair designated); without one it is not passed`,
      ],
    ],
    [
      'a term with a rejected `to` that started before the chair in office does not make the chair unknown',
      vote('decision', byAnn, 'passed', {
        'governance/chair-terms.yaml': [
          'terms:',
          '  - { member: ann, from: 2024-01-10, to: 2024-02-31, elected_by: 2024-02-07-chair-election }',
          '  - { member: bob, from: 2024-02-11, elected_by: 2024-02-07-chair-election }',
          '',
        ].join('\n'),
      }),
      [`${at(byAnn, 'ann')} tie-break by ann, but the chair in office on ${D} is bob: another member casts the deciding vote only with designated_by naming that chair`],
    ],
    [
      'before records_since: a warning',
      vote('decision', byBob, 'passed', since('2024-03-01')),
      [`${at(byBob, 'bob', 'warning')} tie-break by bob, but the chair in office on ${D} is ann: another member casts the deciding vote only with designated_by naming that chair`],
    ],
  ])('invalid: %s', (_name, files, expected) => {
    expect(run(files)).toEqual(expected);
  });
});
