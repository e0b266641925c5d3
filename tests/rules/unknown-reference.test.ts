// Enforces: every person, meeting, vote and RFC a record names has a record of its own.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/unknown-reference.ts';
import { checkRules, repoWith, type Files } from '../helpers.ts';

const show = (files: Files) => checkRules(repoWith(files), [rule]).map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
const MEETING = 'governance/meetings/2024-02-07.yaml';
const VOTE = 'governance/votes/2024-02-07-chair-election.yaml';
const policy = (extra: string) =>
  `id: 2024-02-07-policy\ndate: 2024-02-07\nmeeting: 2024-02-07\nkind: policy\nmotion: Adopt it\nballots:\n  ann: yes\n  bob: yes\n  cat: no\n${extra}result: passed\n`;
const POLICY = 'governance/votes/2024-02-07-policy.yaml';

describe('unknown-reference: "every person, meeting, vote and RFC a record names exists"', () => {
  it.each<[string, Files, string[]]>([
    ['an unknown member in present', { [MEETING]: 'date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, dam]\n' }, [`${MEETING}:3:26 present "dam" is not a member: there is no governance/members/dam.yaml (did you mean "dan"?)`]],
    ['a member written by name in present', { [MEETING]: 'date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, dan-example]\n' }, [`${MEETING}:3:26 present "dan-example" is not a member: there is no governance/members/dan-example.yaml (did you mean "dan"?)`]],
    ['an unknown voter, at the ballot key', { [POLICY]: policy('  zed: yes\n') }, [`${POLICY}:10:3 voter "zed" is not a member: there is no governance/members/zed.yaml`]],
    ['a chair-election ballot for an unknown person', { [VOTE]: (repoWith()[VOTE] as string).replace('cat: ann', 'cat: zed') }, [`${VOTE}:11:8 ballot for "zed" is not a member: there is no governance/members/zed.yaml`]],
    ['an unknown meeting', { [POLICY]: policy('').replace('meeting: 2024-02-07', 'meeting: 2024-02-08') }, [`${POLICY}:3:10 meeting "2024-02-08" does not exist: there is no governance/meetings/2024-02-08.yaml`]],
    ['a meeting vote dated another day than its meeting', { 'governance/votes/2024-02-08-policy.yaml': policy('').replace('id: 2024-02-07-policy\ndate: 2024-02-07', 'id: 2024-02-08-policy\ndate: 2024-02-08') }, ['governance/votes/2024-02-08-policy.yaml:3:10 the vote is dated 2024-02-08 but meeting "2024-02-07" was held on 2024-02-07: a meeting vote carries its meeting\'s date']],
    ['an unknown elected_by vote', { 'governance/chair-terms.yaml': 'terms:\n  - member: ann\n    from: 2024-02-07\n    elected_by: 2024-02-07-chair-vote\n' }, ['governance/chair-terms.yaml:4:17 elected_by "2024-02-07-chair-vote" is not a vote: there is no governance/votes/2024-02-07-chair-vote.yaml']],
    ['an unknown RFC in supersedes', { 'rfcs/0001-example.md': '---\nrfc: 1\ntitle: T\nauthors: [A]\nstatus: draft\ncreated: 2024-02-01\nsupersedes: [9]\n---\n' }, ['rfcs/0001-example.md:7:14 supersedes RFC 9 does not exist: no file under rfcs/ has rfc: 9']],
    ['nullified_by a vote that did not pass', { [POLICY]: policy('nullified_by: 2024-02-07-chair-election\n') }, [`${POLICY}:10:15 nullified_by "2024-02-07-chair-election" must name a passed vote dated on or after 2024-02-07 (it is elected:ann, dated 2024-02-07)`]],
    [
      'a chair term whose `from` the schema rejected still names its chair',
      { 'governance/chair-terms.yaml': 'terms:\n  - member: zed\n    from: 2024-02-30\n    elected_by: legacy\n' },
      ['governance/chair-terms.yaml:2:13 chair "zed" is not a member: there is no governance/members/zed.yaml'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(show(files)).toEqual(expected);
  });

  it.each<[string, Files]>([
    ['the base repository', {}],
    ['a reference to a member whose file could not be parsed (reported once, as yaml-syntax)', { 'governance/members/eve.yaml': 'id: eve\nid: eve\n', [MEETING]: 'date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, eve]\n' }],
    ['`legacy` and `board` are not vote ids', { 'governance/chair-terms.yaml': 'terms:\n  - member: ann\n    from: 2024-02-07\n    elected_by: legacy\n' }],
    [
      'nullified_by a vote whose result the schema rejected (unknown, the schema\'s finding alone)',
      {
        [POLICY]: policy('nullified_by: 2024-02-08-annul\n'),
        'governance/votes/2024-02-08-annul.yaml': policy('').replace(/2024-02-07-policy/, '2024-02-08-annul').replace('date: 2024-02-07\nmeeting: 2024-02-07', 'date: 2024-02-08\nasync: { closed: 2024-02-08 }').replace('result: passed', 'result: pased'),
      },
    ],
    [
      'a chair term whose `elected_by` the schema rejected: unknown, not a missing vote',
      { 'governance/chair-terms.yaml': 'terms:\n  - member: ann\n    from: 2024-02-07\n    elected_by: 2024-02-07-Chair\n' },
    ],
    ['an RFC referenced by its front-matter number', { [POLICY]: policy('').replace('kind: policy', 'kind: rfc\nrfc: 1') }],
  ])('accepts %s', (_name, files) => {
    expect(show(files)).toEqual([]);
  });
});
