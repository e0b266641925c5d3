// RFC process, steps 5-6: "Final Comment Period (FCP): A last call for
// comments before the decision. [...] Decision Making: ALESCo votes on the
// RFC." A vote on an RFC follows an `fcp_since` on or before its date.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/vote-fcp.ts';
import { baseRepo, brief, checkRules, repoWith, type Files, recordsSince, annulment } from '../helpers.ts';

const D = '2024-02-14';
const RFC = 'rfcs/0001-example.md';
const voteFile = (date: string): string => `governance/votes/${date}-rfc-0001.yaml`;
const VOTE = voteFile(D);

function rfc(fcpSince?: string): string {
  const base = baseRepo()[RFC]!;
  return fcpSince === undefined ? base : base.replace('discussion_since: 2024-02-02', `discussion_since: 2024-02-02\nfcp_since: ${fcpSince}`);
}
/** An asynchronous vote on RFC 1; its `rfc:` value is at 5:6. */
function vote(date: string, tail: string[] = [], rfcNumber = 1): string {
  return [
    `id: ${date}-rfc-0001`,
    `date: ${date}`,
    `async: { channel: "~alesco", closed: ${date} }`,
    'kind: rfc',
    `rfc: ${rfcNumber}`,
    'motion: Accept RFC 0001',
    'ballots: { ann: yes, bob: yes, cat: yes, dan: yes }',
    'result: passed',
    ...tail,
    '',
  ].join('\n');
}
const repo = (fcpSince: string | undefined, extra: Files = {}): Files => repoWith({ [RFC]: rfc(fcpSince), [VOTE]: vote(D), ...extra });
const since = recordsSince;
const NULLIFIER = annulment('Annul the vote on RFC 1');

const run = (files: Files): string[] => checkRules(files, [rule]).map((f) => `${brief(f)} ${f.message}`);
const at = (file = VOTE, severity = 'error'): string => `vote-fcp ${file}:5:6 ${severity}`;
const missing = (date: string): string =>
  `RFC 1 has no fcp_since: from records_since on, a vote on an RFC follows a final comment period announced on or before the vote (${date})`;
const late = (fcp: string): string =>
  `RFC 1's final comment period began ${fcp}, after this vote on ${D}: an RFC is voted on after its FCP is announced`;

describe('vote-fcp: "Final Comment Period (FCP): A last call for comments before the decision"', () => {
  it.each<[string, Files]>([
    ['fcp_since before the vote', repo('2024-02-10')],
    ['fcp_since on the vote date', repo(D)],
    ['before records_since a missing fcp_since is not demanded', repo(undefined, since('2024-03-01'))],
    ['a nullified vote is owed no fcp_since', repo(undefined, { ...NULLIFIER, [VOTE]: vote(D, ['nullified_by: 2024-02-15-annul']) })],
    ['a rejected fcp_since is unknown, not missing', repo('2024-02-30')],
    ['a rejected nullified_by: whether the vote is owed an fcp_since is unknown', repo(undefined, { [VOTE]: vote(D, ['nullified_by: Annulled later']) })],
    ['a vote on an RFC that does not exist is unknown-reference\'s', repo(undefined, { [VOTE]: vote(D, [], 9) })],
    [
      'two RFCs with the number voted on: rfc-number\'s, the vote is not judged against either',
      repo(undefined, { 'rfcs/0001-other.md': rfc().replace('title: An example proposal', 'title: Another proposal') }),
    ],
  ])('valid: %s', (_name, files) => {
    expect(run(files)).toEqual([]);
  });

  it.each<[string, Files, string[]]>([
    ['no fcp_since, from records_since on (at the vote\'s `rfc`)', repo(undefined), [`${at()} ${missing(D)}`]],
    ['fcp_since the day after the vote', repo('2024-02-15'), [`${at()} ${late('2024-02-15')}`]],
    ['fcp_since after the vote, before records_since: a fact, a warning', repo('2024-02-20', since('2024-03-01')), [`${at(VOTE, 'warning')} ${late('2024-02-20')}`]],
    [
      'every vote on the RFC is judged',
      repo(undefined, { [voteFile('2024-02-21')]: vote('2024-02-21') }),
      [`${at()} ${missing(D)}`, `${at(voteFile('2024-02-21'))} ${missing('2024-02-21')}`],
    ],
  ])('invalid: %s', (_name, files, expected) => {
    expect(run(files)).toEqual(expected);
  });
});
