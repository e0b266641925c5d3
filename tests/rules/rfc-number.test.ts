// Enforces the RFC README: "Name your RFC file as XXXX-title-of-your-proposal.md,
// where XXXX is the assigned RFC number" (0000 while unnumbered).
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/rfc-number.ts';
import { brief, checkRules, repoWith, type Files } from '../helpers.ts';

const rfc = (n: number | string, created = '2024-02-01') =>
  `---\nrfc: ${n}\ntitle: T\nauthors: [A]\nstatus: discussion\ncreated: ${created}\n---\n# body\n`;
const run = (files: Files) => checkRules(repoWith(files), [rule]);
const show = (files: Files) => run(files).map((f) => `${brief(f)} ${f.message}`);

describe('rfc-number: "Name your RFC file as XXXX-title-of-your-proposal.md, where XXXX is the assigned RFC number"', () => {
  it.each<[string, Files, string[]]>([
    [
      'rfc disagreeing with the file name, once, at the rfc value',
      { 'rfcs/0001-example.md': rfc(2) },
      ['rfc-number rfcs/0001-example.md:2:6 error rfc is 2 but the file name says 0001: 0001-example.md holds rfc: 1'],
    ],
    [
      'a numbered RFC still in a 0000 file',
      { 'rfcs/0000-idea.md': rfc(3) },
      ['rfc-number rfcs/0000-idea.md:2:6 error rfc is 3 but the file is 0000-idea.md: an unnumbered draft holds rfc: 0; once numbered, rename the file to 0003-idea.md'],
    ],
    [
      'rfc: 0 in a numbered file',
      { 'rfcs/0002-idea.md': rfc(0) },
      ['rfc-number rfcs/0002-idea.md:2:6 error rfc is 0 but the file is 0002-idea.md: RFC 2 holds rfc: 2 (an unnumbered draft is named 0000-idea.md)'],
    ],
    [
      'two RFCs with the same number: one finding on each file',
      { 'rfcs/0001-other.md': rfc(1) },
      [
        'rfc-number rfcs/0001-example.md:2:6 error RFC 1 is also numbered in rfcs/0001-other.md: every RFC has a number of its own',
        'rfc-number rfcs/0001-other.md:2:6 error RFC 1 is also numbered in rfcs/0001-example.md: every RFC has a number of its own',
      ],
    ],
    [
      'three RFCs with the same number: still one finding on each',
      { 'rfcs/0001-other.md': rfc(1), 'rfcs/0001-third.md': rfc(1) },
      [
        'rfc-number rfcs/0001-example.md:2:6 error RFC 1 is also numbered in rfcs/0001-other.md, rfcs/0001-third.md: every RFC has a number of its own',
        'rfc-number rfcs/0001-other.md:2:6 error RFC 1 is also numbered in rfcs/0001-example.md, rfcs/0001-third.md: every RFC has a number of its own',
        'rfc-number rfcs/0001-third.md:2:6 error RFC 1 is also numbered in rfcs/0001-example.md, rfcs/0001-other.md: every RFC has a number of its own',
      ],
    ],
    [
      'a mismatched file that repeats another number: one finding on each file, the mismatch naming the clash',
      { 'rfcs/0002-other.md': rfc(1) },
      [
        'rfc-number rfcs/0001-example.md:2:6 error RFC 1 is also numbered in rfcs/0002-other.md: every RFC has a number of its own',
        'rfc-number rfcs/0002-other.md:2:6 error rfc is 1 but the file name says 0002: 0002-other.md holds rfc: 2; RFC 1 is also numbered in rfcs/0001-example.md',
      ],
    ],
    [
      'a number in the file name that another RFC holds in its front matter is no clash (references go by front matter)',
      { 'rfcs/0002-other.md': rfc(3), 'rfcs/0002-two.md': rfc(2) },
      ['rfc-number rfcs/0002-other.md:2:6 error rfc is 3 but the file name says 0002: 0002-other.md holds rfc: 2'],
    ],
    [
      'an unreadable RFC holds its file name\'s number: the duplicate is reported on both, the unreadable one at 1:1',
      { 'rfcs/0001-broken.md': '---\nrfc: 1\nrfc: 1\n---\n' },
      [
        'rfc-number rfcs/0001-broken.md:1:1 error RFC 1 is also numbered in rfcs/0001-example.md: every RFC has a number of its own',
        'rfc-number rfcs/0001-example.md:2:6 error RFC 1 is also numbered in rfcs/0001-broken.md: every RFC has a number of its own',
      ],
    ],
  ])('reports %s', (_name, files, expected) => {
    expect(show(files)).toEqual(expected);
  });

  it.each<[string, Files]>([
    ['the base repository', {}],
    ['several unnumbered drafts (rfc: 0)', { 'rfcs/0000-a.md': rfc(0), 'rfcs/0000-b.md': rfc(0) }],
    ['a five-digit file number that matches', { 'rfcs/10000-big.md': rfc(10000) }],
    ['a rejected rfc value (the schema\'s finding alone)', { 'rfcs/0001-example.md': rfc('"one"') }],
    ['a rejected rfc value in a file named like another RFC: no clash is judged on an unknown number', { 'rfcs/0001-other.md': rfc('"one"') }],
    ['a missing rfc (the schema\'s finding alone) in a file named like another RFC', { 'rfcs/0001-other.md': rfc(1).replace('rfc: 1\n', '') }],
    ['files under rfcs/ that are not RFCs', { 'rfcs/README.md': '# RFCs\n', 'rfcs/assets/0001-x.md': rfc(1) }],
  ])('accepts %s', (_name, files) => {
    expect(run(files)).toEqual([]);
  });

  it('stays an error before records_since (imported history)', () => {
    const findings = run({ 'rfcs/0001-example.md': rfc(2, '2023-05-01') });
    expect(findings.map(brief)).toEqual(['rfc-number rfcs/0001-example.md:2:6 error']);
  });

  it('runs without a readable charter', () => {
    const findings = run({ 'governance/charter.yaml': null, 'rfcs/0001-example.md': rfc(2) });
    expect(findings.map(brief)).toEqual(['rfc-number rfcs/0001-example.md:2:6 error']);
  });
});
