// Enforces: "every schema is strict (additionalProperties: false), so a typo
// in a key is an error, not a silently ignored field" (data-model.md).
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/schema.ts';
import { rules } from '../../scripts/rules/index.ts';
import { checkRules, repoWith, type Files } from '../helpers.ts';

const MEETING = 'governance/meetings/2024-02-07.yaml';
const VOTE = 'governance/votes/2024-02-07-chair-election.yaml';
const ANN = 'governance/members/ann.yaml';
const show = (files: Files) => checkRules(repoWith(files), [rule]).map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);

const vote = (extra: string) =>
  [
    'id: 2024-02-07-chair-election',
    'date: 2024-02-07',
    'meeting: 2024-02-07',
    'kind: chair-election',
    'motion: Elect the chair',
    'candidates:',
    '  - { member: ann, nominated_by: bob, accepted: true }',
    'ballots:',
    '  ann: ann',
    '  bob: ann',
    '  cat: ann',
    '  dan: abstain',
    'result: elected:ann',
    extra,
  ].join('\n');

describe('schema: records follow their JSON Schema', () => {
  it.each<[string, Files, string[]]>([
    [
      'a misspelled key, at the key, with a suggestion',
      { [MEETING]: 'date: 2024-02-07\nkind: regular\npresnt: [ann, bob, cat, dan]\n' },
      [`${MEETING}:3:1 unknown key "presnt" (did you mean "present"? allowed here: date, kind, chaired_by, present, board, guests, minutes, recording, corrections, agenda, source, notes)`],
    ],
    [
      'an impossible date, at the value',
      { [MEETING]: 'date: 2024-02-30\nkind: regular\npresent: [ann, bob, cat, dan]\n' },
      [`${MEETING}:1:7 date: "2024-02-30" is not a real calendar date written YYYY-MM-DD`],
    ],
    [
      'a missing required key, at the mapping that lacks it',
      { [ANN]: 'id: ann\nname: Ann\nservice:\n  - from: 2024-01-10\n' },
      [`${ANN}:4:5 missing required key "appointed_by"`],
    ],
    [
      '`left` without `to`',
      { [ANN]: 'id: ann\nname: Ann\nservice:\n  - from: 2024-01-10\n    appointed_by: board\n    left: resigned\n' },
      [`${ANN}:4:5 missing required key "to": a service period with \`left\` gives its last day in \`to\``],
    ],
    [
      'both meeting and async',
      { [VOTE]: vote('async: { closed: 2024-02-07 }\n') },
      [`${VOTE}:14:8 async: a vote has exactly one of \`meeting\` and \`async\`, not both`],
    ],
    [
      'a ballot value that is not a member id on a chair election',
      { [VOTE]: vote('').replace('cat: ann', 'cat: Ann!') },
      [`${VOTE}:11:8 cat: "Ann!" is not valid here: a chair election's ballot is a candidate's member id or \`abstain\``],
    ],
    [
      'a list entry listed twice makes the list unknown',
      { [MEETING]: 'date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, ann]\n' },
      [`${MEETING}:3:10 present: lists "ann" twice`],
    ],
    [
      'a BOM and CRLF line endings: positions still right',
      { [MEETING]: '\ufeffdate: 2024-02-07\r\nkind: regular\r\npresent: [ann, bob, cat, dan]\r\nfoo: 1\r\n' },
      [`${MEETING}:4:1 unknown key "foo" (allowed here: date, kind, chaired_by, present, board, guests, minutes, recording, corrections, agenda, source, notes)`],
    ],
    ['an empty file, at 1:1', { [MEETING]: '' }, [`${MEETING}:1:1 empty document: a record is a mapping`]],
    [
      'a list instead of a mapping, at 1:1',
      { [MEETING]: '- date: 2024-02-07\n' },
      [`${MEETING}:1:1 the document is a list; a record is a mapping of keys to values`],
    ],
    [
      'an RFC without front matter',
      { 'rfcs/0001-example.md': '# RFC\n' },
      ['rfcs/0001-example.md:1:1 no YAML front matter: an RFC starts with a --- line, its front matter, and a closing --- line'],
    ],
    [
      'an RFC front matter value, on the .md file\'s line',
      { 'rfcs/0001-example.md': '---\nrfc: 1\ntitle: T\nauthors: [A]\nstatus: approved\ncreated: 2024-02-01\n---\n' },
      ['rfcs/0001-example.md:5:9 status: "approved" is not one of: draft, discussion, fcp, accepted, rejected, withdrawn, superseded'],
    ],
    ['an empty charter: one finding at 1:1, not two', { 'governance/charter.yaml': '' }, ['governance/charter.yaml:1:1 empty document: a record is a mapping']],
    [
      'a charter that is a list: one finding at 1:1, not two',
      { 'governance/charter.yaml': '- committee: X\n' },
      ['governance/charter.yaml:1:1 the document is a list; a record is a mapping of keys to values'],
    ],
    [
      'a charter skipped for yaml-syntax is schema at 1:1 too (data-model.md)',
      { 'governance/charter.yaml': 'committee: X\ncommittee: Y\n' },
      ['governance/charter.yaml:1:1 governance/charter.yaml could not be read: the charter rules need its numbers and do not run'],
    ],
    [
      'a missing charter',
      { 'governance/charter.yaml': null },
      ['governance/charter.yaml:1:1 governance/charter.yaml is missing: the charter rules need its numbers'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(show(files)).toEqual(expected);
  });

  it.each<[string, Files]>([
    ['the base repository', {}],
    ['yes/no ballots stay strings (YAML 1.2 core schema)', {}],
    [
      'a %YAML 1.1 file with `no` and a date',
      {
        'governance/votes/2024-02-07-policy.yaml':
          '%YAML 1.1\n---\nid: 2024-02-07-policy\ndate: 2024-02-07\nmeeting: 2024-02-07\nkind: policy\nmotion: Adopt a policy\nballots:\n  ann: yes\n  bob: no\n  cat: on\n  dan: yes\nresult: passed\n',
      },
    ],
  ])('accepts %s', (_name, files) => {
    const out = show(files);
    // `cat: on` is a string in YAML 1.2 but not a ballot value: exactly that one finding.
    expect(out.filter((l) => !l.includes('"on"'))).toEqual([]);
  });

  // data-model.md: "A value the schema rejects is unknown, not absent: the
  // `schema` finding is its one finding." A mapping the schema rejects for a
  // missing key is read the same way: no other rule reports what it lacks.
  const EVE = 'governance/members/eve.yaml';
  const eve = (disclosure: string, period: string, answer: string) =>
    `id: eve\nname: Eve\ngithub: eve-gh\ndisclosures:\n  - ${disclosure}\nservice:\n  - ${period}\ncontinuation:\n  - ${answer}\n`;
  const DISCLOSURE = 'date: 2024-01-10\n    employer: Example Corp';
  const PERIOD = 'from: 2024-01-10\n    appointed_by: board';
  const ANSWER = 'date: 2024-02-07\n    continues: true';
  it.each<[string, Files]>([
    ['a disclosure without `employer`', { [EVE]: eve('date: 2024-01-10', PERIOD, ANSWER) }],
    ['a continuation answer without `continues`', { [EVE]: eve(DISCLOSURE, PERIOD, 'date: 2024-02-07') }],
    ['a service period without `appointed_by`', { [EVE]: eve(DISCLOSURE, 'from: 2024-01-10', ANSWER) }],
    ['a member file without `service`', { [EVE]: eve(DISCLOSURE, PERIOD, ANSWER).replace(/service:\n.*\n.*\n/, '') }],
    ['a chair election without `candidates`', { [VOTE]: vote('').replace('candidates:\n  - { member: ann, nominated_by: bob, accepted: true }\n', '') }],
    ['a chair-election candidate without `member`', { [VOTE]: vote('').replace('{ member: ann, nominated_by: bob, accepted: true }', '{ nominated_by: bob, accepted: true }') }],
  ])('the schema finding is the only finding: %s', (_name, files) => {
    expect(checkRules(repoWith(files), rules).map((f) => f.rule)).toEqual(['schema']);
  });

  it('one broken file never hides the findings of the others', () => {
    const out = checkRules(
      repoWith({
        [MEETING]: 'date: 2024-02-07\nkind: [\n',
        [ANN]: 'id: ann\nname: Ann\nservice: []\nfoo: 1\n',
        'governance/members/bob.yaml': 'id: bob\nname: Bob\nservice: []\nbar: 1\n',
      }),
      [rule],
    ).map((f) => `${f.file}:${f.line}:${f.column}`);
    expect(out).toEqual([`${ANN}:4:1`, 'governance/members/bob.yaml:4:1']);
  });
});

describe('type messages name what was found once', () => {
  it.each<[string, string]>([
    ['name: { first: Zed }', 'name: expected text, found a mapping'],
    ['name: [Zed]', 'name: expected text, found a list'],
    ['name: 7', 'name: expected text, found an integer 7'],
  ])('%s', (line, message) => {
    const found = checkRules(repoWith({ 'governance/members/zed.yaml': `id: zed\n${line}\nservice: []\n` }), [rule]);
    expect(found.map((f) => f.message)).toEqual([message]);
  });
});
