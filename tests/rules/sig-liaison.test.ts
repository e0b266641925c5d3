// Enforces the charter's Tasks and Responsibilities 5, SIG Liaisons: "if an
// ALESCo member is not actively participating in the SIG, it should work with
// the SIG to ensure a liaison attends ALESCo meetings".
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/sig-liaison.ts';
import { brief, checkRules, repoWith, type Files } from '../helpers.ts';

const SIG = 'governance/sigs/cloud.yaml';
const sig = (extra: string) => `id: cloud\nname: Cloud SIG\n${extra}`;
/** zed served from 2024-01-10 to `to`. */
const zed = (to: string) =>
  `id: zed\nname: Zed Former\nservice:\n  - from: 2024-01-10\n    appointed_by: board\n    to: ${to}\n    left: resigned\n`;

const run = (files: Files, today?: string) => checkRules(repoWith(files), [rule], today);
const show = (files: Files, today?: string) => run(files, today).map((f) => `${brief(f)} ${f.message}`);

describe('sig-liaison: "if an ALESCo member is not actively participating in the SIG, ... ensure a liaison attends ALESCo meetings"', () => {
  it.each<[string, Files, string[]]>([
    [
      'a technical SIG with no liaison: at the mapping',
      { [SIG]: sig('technical: true\n') },
      ['sig-liaison governance/sigs/cloud.yaml:1:1 warning technical SIG "Cloud SIG" has no liaison: name a serving member (liaison: <member id>) or the liaison who attends the committee\'s meetings (liaison: { name: ... })'],
    ],
    [
      'a member liaison who no longer serves today',
      { [SIG]: sig('technical: true\nliaison: zed\n'), 'governance/members/zed.yaml': zed('2024-02-19') },
      ['sig-liaison governance/sigs/cloud.yaml:4:10 warning liaison zed does not serve on the committee today (2024-02-20): a technical SIG\'s member liaison is a serving member; name one, or the non-member liaison who attends (liaison: { name: ... })'],
    ],
    [
      'a member liaison who has not started serving yet',
      {
        [SIG]: sig('technical: true\nliaison: yan\n'),
        'governance/members/yan.yaml': 'id: yan\nname: Yan Later\nservice:\n  - from: 2024-03-01\n    appointed_by: 2024-02-28-membership\n',
      },
      ['sig-liaison governance/sigs/cloud.yaml:4:10 warning liaison yan does not serve on the committee today (2024-02-20): a technical SIG\'s member liaison is a serving member; name one, or the non-member liaison who attends (liaison: { name: ... })'],
    ],
  ])('reports %s', (_name, files, expected) => {
    expect(show(files)).toEqual(expected);
  });

  it.each<[string, Files]>([
    ['the base repository (no SIGs)', {}],
    ['a technical SIG with a serving member liaison', { [SIG]: sig('technical: true\nliaison: ann\n') }],
    ['a liaison whose service ends today (serving includes `to`)', { [SIG]: sig('technical: true\nliaison: zed\n'), 'governance/members/zed.yaml': zed('2024-02-20') }],
    ['a technical SIG with a non-member liaison', { [SIG]: sig('technical: true\nliaison: { name: "Pat Outside" }\n') }],
    ['a SIG that is not technical, without liaison', { [SIG]: sig('technical: false\n') }],
    ['a SIG with `technical` absent (= false)', { [SIG]: sig('') }],
    ['a liaison id with no member file (unknown-reference\'s)', { [SIG]: sig('technical: true\nliaison: nobody\n') }],
    ['a liaison whose member file is unreadable', { [SIG]: sig('technical: true\nliaison: zed\n'), 'governance/members/zed.yaml': 'id: zed\nid: zed\n' }],
    ['a liaison whose service the schema rejected', { [SIG]: sig('technical: true\nliaison: zed\n'), 'governance/members/zed.yaml': zed('2024-02-31') }],
    ['a liaison value the schema rejected (unknown, not missing)', { [SIG]: sig('technical: true\nliaison: { nom: "Pat" }\n') }],
    ['a rejected `technical` (unknown)', { [SIG]: sig('technical: "yes"\n') }],
    ['no readable charter: the charter rules do not run', { [SIG]: sig('technical: true\n'), 'governance/charter.yaml': null }],
  ])('accepts %s', (_name, files) => {
    expect(run(files)).toEqual([]);
  });

  it('judges the liaison on today, and stays a warning at every date', () => {
    const files = { [SIG]: sig('technical: true\nliaison: zed\n'), 'governance/members/zed.yaml': zed('2024-02-19') };
    expect(run(files, '2024-02-19')).toEqual([]);
    expect(run(files, '2024-02-20').map(brief)).toEqual(['sig-liaison governance/sigs/cloud.yaml:4:10 warning']);
  });
});
