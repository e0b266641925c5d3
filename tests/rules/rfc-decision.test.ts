// Enforces the RFC process, "Decision Making: ALESCo votes on the RFC", and
// the charter's Policies 5: "Decisions will be made based on a majority vote."
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/rfc-decision.ts';
import { brief, checkRules, repoWith, type Files } from '../helpers.ts';

const RFC = 'rfcs/0001-example.md';
const VOTE = 'governance/votes/2024-02-07-rfc-0001.yaml';
const ANNUL = 'governance/votes/2024-02-10-annul.yaml';
const CHARTER = 'governance/charter.yaml';

/** RFC 1 with these extra front-matter lines (from line 6 on). */
const rfc = (extra: string, created = '2024-02-01', n = 1) =>
  `---\nrfc: ${n}\ntitle: T\nauthors: [A]\ncreated: ${created}\n${extra}---\n# body\n`;

/** A meeting vote on RFC `n` at 2024-02-07 (present: ann, bob, cat, dan). */
const vote = (ballots: string, result: string, extra = '', n = 1) =>
  [
    'id: 2024-02-07-rfc-0001',
    'date: 2024-02-07',
    'meeting: 2024-02-07',
    'kind: rfc',
    'motion: Accept RFC 0001',
    `rfc: ${n}`,
    'ballots:',
    ...ballots.split(' ').map((b) => `  ${b.replace('=', ': ')}`),
    `result: ${result}`,
    extra,
  ].join('\n');
const PASSED = vote('ann=yes bob=yes cat=yes dan=no', 'passed');
const NOT_PASSED = vote('ann=no bob=no cat=yes dan=no', 'not-passed');
const annul = [
  'id: 2024-02-10-annul',
  'date: 2024-02-10',
  'async: { channel: "~c", opened: 2024-02-08, closed: 2024-02-10 }',
  'kind: decision',
  'motion: Annul the vote on RFC 0001',
  'ballots: { ann: yes, bob: yes, cat: yes, dan: yes }',
  'result: passed',
  '',
].join('\n');
/** The base charter with records_since moved to 2024-03-01: the whole fixture becomes imported history. */
const laterRecords = (): string => (repoWith()[CHARTER] as string).replace('records_since: 2024-01-01', 'records_since: 2024-03-01');

const run = (files: Files, today?: string) => checkRules(repoWith(files), [rule], today);
const show = (files: Files) => run(files).map((f) => `${brief(f)} ${f.message}`);

describe('rfc-decision: "Decision Making: ALESCo votes on the RFC" (accepted needs a passed vote on it, rejected a not-passed one)', () => {
  it.each<[string, Files, string[]]>([
    [
      'accepted without decision, created on records_since: at the front matter',
      { [RFC]: rfc('status: accepted\n', '2024-01-01') },
      ['rfc-decision rfcs/0001-example.md:2:1 error status is accepted but there is no decision: an RFC created on or after records_since 2024-01-01 (this one 2024-01-01) names the vote that decided it (decision: <vote id>)'],
    ],
    [
      'rejected without decision',
      { [RFC]: rfc('status: rejected\nupdated: 2024-02-07\n') },
      ['rfc-decision rfcs/0001-example.md:2:1 error status is rejected but there is no decision: an RFC created on or after records_since 2024-01-01 (this one 2024-02-01) names the vote that decided it (decision: <vote id>)'],
    ],
    [
      'decision: legacy from records_since on',
      { [RFC]: rfc('status: accepted\ndecision: legacy\n') },
      ['rfc-decision rfcs/0001-example.md:7:11 error decision: legacy is allowed only for an RFC created before records_since 2024-01-01; this one was created 2024-02-01: name the vote that decided it'],
    ],
    [
      'a decision vote of another kind',
      { [RFC]: rfc('status: accepted\ndecision: 2024-02-07-chair-election\n') },
      ['rfc-decision rfcs/0001-example.md:7:11 error decision "2024-02-07-chair-election" is a chair-election vote: an RFC\'s decision is a vote of kind rfc with rfc: 1'],
    ],
    [
      'a decision vote on another RFC',
      {
        [RFC]: rfc('status: accepted\ndecision: 2024-02-07-rfc-0001\n'),
        'rfcs/0002-other.md': rfc('status: discussion\n', '2024-02-01', 2),
        [VOTE]: vote('ann=yes bob=yes cat=yes dan=no', 'passed', '', 2),
      },
      ['rfc-decision rfcs/0001-example.md:7:11 error decision "2024-02-07-rfc-0001" is a vote on RFC 2, not on this RFC (1)'],
    ],
    [
      'accepted, but the vote did not pass: at status',
      { [RFC]: rfc('status: accepted\ndecision: 2024-02-07-rfc-0001\n'), [VOTE]: NOT_PASSED },
      ['rfc-decision rfcs/0001-example.md:6:9 error status is accepted but decision "2024-02-07-rfc-0001" has result not-passed: an accepted RFC was voted through (passed); a motion on an RFC is to accept it'],
    ],
    [
      'rejected, but the vote passed',
      { [RFC]: rfc('status: rejected\ndecision: 2024-02-07-rfc-0001\n'), [VOTE]: PASSED },
      ['rfc-decision rfcs/0001-example.md:6:9 error status is rejected but decision "2024-02-07-rfc-0001" has result passed: a rejected RFC was voted down (not-passed); a motion on an RFC is to accept it'],
    ],
    [
      'superseded (accepted first), but the vote did not pass',
      { [RFC]: rfc('status: superseded\ndecision: 2024-02-07-rfc-0001\n'), [VOTE]: NOT_PASSED },
      ['rfc-decision rfcs/0001-example.md:6:9 error status is superseded but decision "2024-02-07-rfc-0001" has result not-passed: a superseded RFC was accepted first, so its vote passed; a motion on an RFC is to accept it'],
    ],
    [
      'a nullified decision vote: it decides nothing',
      {
        [RFC]: rfc('status: accepted\ndecision: 2024-02-07-rfc-0001\n'),
        [VOTE]: vote('ann=yes bob=yes cat=yes dan=no', 'passed', 'nullified_by: 2024-02-10-annul\n'),
        [ANNUL]: annul,
      },
      ['rfc-decision rfcs/0001-example.md:7:11 error decision "2024-02-07-rfc-0001" was nullified by "2024-02-10-annul": a nullified vote decides nothing, so this RFC has no decision'],
    ],
  ])('reports %s', (_name, files, expected) => {
    expect(show(files)).toEqual(expected);
  });

  it.each<[string, Files]>([
    ['the base repository (an RFC in discussion)', {}],
    ['accepted with a passed vote on it', { [RFC]: rfc('status: accepted\ndecision: 2024-02-07-rfc-0001\n'), [VOTE]: PASSED }],
    ['rejected with a not-passed vote on it', { [RFC]: rfc('status: rejected\ndecision: 2024-02-07-rfc-0001\n'), [VOTE]: NOT_PASSED }],
    ['superseded with a passed vote', { [RFC]: rfc('status: superseded\nsuperseded_by: 2\ndecision: 2024-02-07-rfc-0001\n'), [VOTE]: PASSED }],
    ['a superseded RFC without decision (only accepted/rejected demand one)', { [RFC]: rfc('status: superseded\nsuperseded_by: 2\n') }],
    ['withdrawn without decision', { [RFC]: rfc('status: withdrawn\n') }],
    ['accepted without decision, created the day before records_since (a demand: imported history)', { [RFC]: rfc('status: accepted\n', '2023-12-31') }],
    ['decision: legacy, created the day before records_since', { [RFC]: rfc('status: accepted\ndecision: legacy\n', '2023-12-31') }],
    ['a decision vote that does not exist (unknown-reference\'s)', { [RFC]: rfc('status: accepted\ndecision: 2024-02-07-rfc-0009\n') }],
    ['a decision vote whose file is unreadable', { [RFC]: rfc('status: accepted\ndecision: 2024-02-07-rfc-0001\n'), [VOTE]: 'id: a\nid: b\n' }],
    [
      'rejected, vote recorded passed but the ballots say not-passed (vote-result\'s finding alone)',
      { [RFC]: rfc('status: rejected\ndecision: 2024-02-07-rfc-0001\n'), [VOTE]: vote('ann=yes bob=no cat=no dan=no', 'passed') },
    ],
    [
      'rejected, vote recorded passed at a meeting without quorum (vote-quorum\'s finding alone)',
      {
        [RFC]: rfc('status: rejected\ndecision: 2024-02-07-rfc-0001\n'),
        [VOTE]: vote('ann=yes bob=yes cat=no', 'passed'),
        'governance/meetings/2024-02-07.yaml': 'date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat]\nboard: []\n',
      },
    ],
    [
      'nullified_by a vote that did not pass does not nullify (unknown-reference\'s finding)',
      {
        [RFC]: rfc('status: accepted\ndecision: 2024-02-07-rfc-0001\n'),
        [VOTE]: vote('ann=yes bob=yes cat=yes dan=no', 'passed', 'nullified_by: 2024-02-10-annul\n'),
        [ANNUL]: annul.replace('result: passed', 'result: not-passed').replace('ann: yes, bob: yes, cat: yes, dan: yes', 'ann: no, bob: no, cat: no, dan: no'),
      },
    ],
    [
      'an RFC whose rfc the schema rejected: whether its vote is on it is unknown (the schema\'s finding alone)',
      {
        [RFC]: rfc('status: accepted\ndecision: 2024-02-07-rfc-0001\n').replace('rfc: 1', 'rfc: "one"'),
        'rfcs/0002-other.md': rfc('status: discussion\n', '2024-02-01', 2),
        [VOTE]: vote('ann=yes bob=yes cat=yes dan=no', 'passed', '', 2),
      },
    ],
    ['a rejected decision value is unknown, not missing (the schema\'s finding alone)', { [RFC]: rfc('status: accepted\ndecision: 24-2-7-vote\n') }],
    ['a rejected created date leaves the demand unjudged', { [RFC]: rfc('status: accepted\n', '2024-02-30') }],
    ['no readable charter: records_since and the vote arithmetic are unknown', { [RFC]: rfc('status: accepted\n'), [CHARTER]: null }],
  ])('accepts %s', (_name, files) => {
    expect(run(files)).toEqual([]);
  });

  it('before records_since, a wrong decision is a warning (severity date: the vote\'s date)', () => {
    const findings = run({ [CHARTER]: laterRecords(), [RFC]: rfc('status: accepted\ndecision: 2024-02-07-rfc-0001\nupdated: 2024-03-05\n'), [VOTE]: NOT_PASSED });
    expect(findings.map(brief)).toEqual(['rfc-decision rfcs/0001-example.md:6:9 warning']);
  });

  it('without a decision vote, the severity date is `updated`, else `created`', () => {
    const charter = laterRecords();
    const missing = (updated: string) => rfc(`status: accepted\n${updated}`, '2024-03-02');
    expect(run({ [CHARTER]: charter, [RFC]: missing('') }).map(brief)).toEqual(['rfc-decision rfcs/0001-example.md:2:1 error']);
    // An `updated` before records_since (and before `created`: rfc-dates' finding) decides.
    expect(run({ [CHARTER]: charter, [RFC]: missing('updated: 2024-02-29\n') }).map(brief)).toEqual(['rfc-decision rfcs/0001-example.md:2:1 warning']);
  });
});
