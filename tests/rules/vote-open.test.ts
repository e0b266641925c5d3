// A vote in progress on a pull request (async.closes, no ballots or result)
// is vote-open's finding alone: it cannot merge, and no other rule judges it.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/vote-open.ts';
import { brief, checkRules, findingsOf, repoWith, type Files } from '../helpers.ts';

const VOTE = 'governance/votes/2024-02-22-logo.yaml';
const open = (closes = '2024-02-22', extra = ''): Files => ({
  [VOTE]: `id: ${closes}-logo\ndate: ${closes}\nasync: { channel: "PR #42", opened: 2024-02-15, closes: ${closes} }\nkind: decision\nmotion: Adopt the logo\n${extra}`,
});

describe('vote-open: a vote in progress cannot merge', () => {
  it('in progress: one finding at async.closes, and no other rule speaks', () => {
    expect(findingsOf(repoWith(open())).map((f) => `${brief(f)} ${f.message}`)).toEqual([
      `vote-open ${VOTE}:3:57 error vote 2024-02-22-logo is in progress until 2024-02-22: members vote with /vote on the pull request, and it can merge once \`npm run record -- ballots --pr N\` has recorded the ballots after it closes`,
    ]);
  });

  it('closed but not recorded: says to record the ballots', () => {
    const found = checkRules(repoWith(open('2024-02-18').valueOf() as Files), [rule]);
    expect(found[0]?.message).toContain('closed on 2024-02-18 and its ballots are not recorded');
  });

  it.each<[string, Files]>([
    ['an async vote that closed, with ballots and a result', { 'governance/votes/2024-02-15-x.yaml': 'id: 2024-02-15-x\ndate: 2024-02-15\nasync: { closed: 2024-02-15 }\nkind: decision\nmotion: M\nballots: { ann: yes, bob: yes, cat: yes, dan: yes }\nresult: passed\n' }],
    ['the fixture', {}],
  ])('valid: %s', (_name, files) => {
    expect(checkRules(repoWith(files), [rule])).toEqual([]);
  });

  it('in progress with ballots or a result: the schema refuses it', () => {
    const found = findingsOf(repoWith(open('2024-02-22', 'ballots: { ann: yes }\nresult: passed\n')));
    expect(found.map((f) => f.rule)).toContain('schema');
  });

  it('both closed and closes: the schema refuses it', () => {
    const found = findingsOf(repoWith({ [VOTE]: 'id: 2024-02-22-logo\ndate: 2024-02-22\nasync: { closed: 2024-02-22, closes: 2024-02-22 }\nkind: decision\nmotion: M\nresult: passed\n' }));
    expect(found.filter((f) => f.rule === 'schema').map((f) => f.message)).toEqual(['async: an asynchronous vote has `closed` (held) or `closes` (in progress), not both']);
  });
});
