// Enforces: "one file per record, named after its id or date" (data-model.md file layout).
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/file-name.ts';
import { checkRules, repoWith, type Files } from '../helpers.ts';

const show = (files: Files) => checkRules(repoWith(files), [rule]).map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
const meeting = (date: string) => `date: ${date}\nkind: regular\npresent: [ann, bob, cat, dan]\n`;
const member = (id: string) => `id: ${id}\nname: Someone\nservice: []\n`;

describe('file-name: "one file per record, named after its id or date"', () => {
  it.each<[string, Files, string[]]>([
    ['a member whose id is not its file name', { 'governance/members/zed.yaml': member('zeta') }, ['governance/members/zed.yaml:1:5 file name is "zed.yaml" but id is "zeta": a record\'s file is named after its id']],
    ['a meeting whose date is not its file name', { 'governance/meetings/2024-03-06.yaml': meeting('2024-03-07') }, ['governance/meetings/2024-03-06.yaml:1:7 file name says 2024-03-06 but date is 2024-03-07: a meeting file is named after its date; rename the file, or correct date if the file name is right']],
    ['a second meeting numbered -1', { 'governance/meetings/2024-02-07-1.yaml': meeting('2024-02-07') }, ['governance/meetings/2024-02-07-1.yaml:1:7 a meeting file is named <date>.yaml, or <date>-N.yaml (N >= 2) for a further meeting that day; found "2024-02-07-1.yaml"']],
    ['a vote file not starting with its date', { 'governance/votes/2024-03-06-policy.yaml': 'id: 2024-03-06-policy\ndate: 2024-03-07\nasync: { closed: 2024-03-07 }\nkind: policy\nmotion: M\nballots: { ann: yes }\nresult: passed\n' }, ['governance/votes/2024-03-06-policy.yaml:2:7 vote file "2024-03-06-policy.yaml" does not start with its date 2024-03-07: either the date is right, and the file and its id are renamed 2024-03-07-policy, or the file name is right, and date is corrected']],
    ['a member file whose name is not an id (a newline, capitals)', { 'governance/members/Zed\n::x.yaml': 'name: Zed\nservice: []\n' }, ['governance/members/Zed\n::x.yaml:1:1 a member file is named <id>.yaml, the id in lowercase letters, digits and hyphens; found "Zed\\n::x.yaml"']],
    ['a SIG file whose name is not an id', { 'governance/sigs/Cloud SIG.yaml': 'id: cloud\nname: Cloud SIG\n' }, ['governance/sigs/Cloud SIG.yaml:1:1 a SIG file is named <id>.yaml, the id in lowercase letters, digits and hyphens; found "Cloud SIG.yaml"']],
    ['a .yml extension', { 'governance/members/zed.yml': member('zed') }, ['governance/members/zed.yml:1:1 not a record file here: records end in .yaml, not .yml']],
    ['a folder outside the layout', { 'governance/people/zed.yaml': member('zed') }, ['governance/people/zed.yaml:1:1 not a record file here: "people/" is not a records folder (members, meetings, votes, sigs)']],
    ['a stray file at the top of governance/', { 'governance/notes.txt': 'x' }, ['governance/notes.txt:1:1 not a record file here: governance/ holds charter.yaml, chair-terms.yaml and the folders members/, meetings/, votes/ and sigs/']],
    ['an RFC file not named NNNN-<slug>.md', { 'rfcs/my-idea.md': '---\nrfc: 0\n---\n' }, ['rfcs/my-idea.md:1:1 not a record file here: an RFC file is named NNNN-<slug>.md (0000-<slug>.md while unnumbered)']],
  ])('%s', (_name, files, expected) => {
    expect(show(files)).toEqual(expected);
  });

  it.each<[string, Files]>([
    ['the base repository', {}],
    ['a second meeting that day numbered -2', { 'governance/meetings/2024-02-07-2.yaml': meeting('2024-02-07') }],
    ['a README.md in governance/ and in rfcs/', { 'governance/README.md': '# Records\n', 'rfcs/README.md': '# RFCs\n' }],
    ['non-Markdown files and subfolders under rfcs/', { 'rfcs/images/diagram.png': 'x', 'rfcs/0001-example/notes.md': 'x' }],
    ['a rejected date leaves the file name unjudged (the schema reports it)', { 'governance/meetings/2024-02-07.yaml': meeting('2024-02-30') }],
  ])('accepts %s', (_name, files) => {
    expect(show(files)).toEqual([]);
  });
});
