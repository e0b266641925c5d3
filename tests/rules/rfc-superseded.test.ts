// Enforces the RFC lifecycle: "Superseded: The RFC is replaced by a new
// proposal" — the superseded RFC names its replacement, and the replacement
// lists it in `supersedes`.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/rfc-superseded.ts';
import { brief, checkRules, repoWith, type Files } from '../helpers.ts';

const OLD = 'rfcs/0001-example.md';
const NEW = 'rfcs/0002-successor.md';
const CHARTER = 'governance/charter.yaml';

const rfc = (n: number, extra: string, created = '2024-02-01') =>
  `---\nrfc: ${n}\ntitle: T\nauthors: [A]\ncreated: ${created}\n${extra}---\n# body\n`;
const superseded = (extra = 'superseded_by: 2\n', created?: string) => rfc(1, `status: superseded\n${extra}`, created);
const successor = (supersedes = '[1]') => rfc(2, `status: accepted\ndecision: legacy\nsupersedes: ${supersedes}\n`);

const run = (files: Files) => checkRules(repoWith(files), [rule]);
const show = (files: Files) => run(files).map((f) => `${brief(f)} ${f.message}`);

describe('rfc-superseded: "Superseded: The RFC is replaced by a new proposal"', () => {
  it.each<[string, Files, string[]]>([
    [
      'superseded without superseded_by: at the front matter',
      { [OLD]: superseded('') },
      ['rfc-superseded rfcs/0001-example.md:2:1 error status is superseded but superseded_by is not given: name the RFC that replaces this one (superseded_by: <number>)'],
    ],
    [
      'superseded_by: null, at the null',
      { [OLD]: superseded('superseded_by: null\n') },
      ['rfc-superseded rfcs/0001-example.md:7:16 error status is superseded but superseded_by is null: name the RFC that replaces this one (superseded_by: <number>)'],
    ],
    [
      'the successor does not list it in supersedes',
      { [OLD]: superseded(), [NEW]: successor('[]') },
      ['rfc-superseded rfcs/0001-example.md:7:16 error superseded_by is 2 but RFC 2 (rfcs/0002-successor.md) does not list 1 in its supersedes: add 1 there'],
    ],
    [
      'the successor has no supersedes at all',
      { [OLD]: superseded(), [NEW]: rfc(2, 'status: discussion\n') },
      ['rfc-superseded rfcs/0001-example.md:7:16 error superseded_by is 2 but RFC 2 (rfcs/0002-successor.md) does not list 1 in its supersedes: add 1 there'],
    ],
  ])('reports %s', (_name, files, expected) => {
    expect(show(files)).toEqual(expected);
  });

  it.each<[string, Files]>([
    ['the base repository', {}],
    ['superseded_by an RFC that lists it', { [OLD]: superseded(), [NEW]: successor() }],
    ['superseded_by an RFC that lists it among others', { [OLD]: superseded(), [NEW]: successor('[7, 1]') }],
    ['superseded_by given on an RFC that is not superseded (not this rule\'s concern)', { [OLD]: rfc(1, 'status: accepted\ndecision: legacy\nsuperseded_by: 2\n'), [NEW]: successor('[]') }],
    ['superseded_by an RFC that does not exist (unknown-reference\'s)', { [OLD]: superseded('superseded_by: 9\n') }],
    ['superseded_by a number two files hold (rfc-number\'s)', { [OLD]: superseded(), [NEW]: successor('[]'), 'rfcs/0002-twin.md': successor('[]') }],
    ['superseded_by an RFC whose file is unreadable', { [OLD]: superseded(), [NEW]: '---\nrfc: 2\nrfc: 2\n---\n' }],
    ['a rejected superseded_by is unknown, not missing (the schema\'s finding alone)', { [OLD]: superseded('superseded_by: "two"\n') }],
    ['a successor whose rfc the schema rejected (found by its file name only)', { [OLD]: superseded(), [NEW]: successor('[]').replace('rfc: 2', 'rfc: "two"') }],
    ['an RFC whose own rfc the schema rejected: what its successor lists is not judged', { [OLD]: superseded().replace('rfc: 1', 'rfc: "one"'), [NEW]: successor('[]') }],
    ['a successor whose supersedes the schema rejected', { [OLD]: superseded(), [NEW]: successor('["one"]') }],
    ['no readable charter: the charter rules do not run', { [OLD]: superseded(''), [CHARTER]: null }],
  ])('accepts %s', (_name, files) => {
    expect(run(files)).toEqual([]);
  });

  it('before records_since (by `updated`, else `created`), the fault is a warning', () => {
    const charter = (repoWith()[CHARTER] as string).replace('records_since: 2024-01-01', 'records_since: 2024-03-01');
    expect(run({ [CHARTER]: charter, [OLD]: superseded('') }).map(brief)).toEqual(['rfc-superseded rfcs/0001-example.md:2:1 warning']);
    expect(run({ [CHARTER]: charter, [OLD]: superseded('updated: 2024-03-01\n') }).map(brief)).toEqual(['rfc-superseded rfcs/0001-example.md:2:1 error']);
  });
});
