// Enforces: records are plain YAML 1.2 mappings, one document per file, with
// no duplicate keys, anchors, aliases, tags, merge keys or `__proto__`, at
// most 1 MiB, nested at most 64 levels; the parser's errors are one finding.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/yaml-syntax.ts';
import { brief, checkRules, repoWith } from '../helpers.ts';

const MEETING = 'governance/meetings/2024-02-07.yaml';
const at = (text: string | Uint8Array) => checkRules(repoWith({ [MEETING]: text }), [rule]);

describe('yaml-syntax: "Records are plain YAML 1.2 mappings, one document per file"', () => {
  it.each([
    ['a duplicate key', 'date: 2024-02-07\nkind: regular\nkind: special\n', ['3:1']],
    ['two duplicate keys, one finding each', 'date: 2024-02-07\nkind: regular\nkind: special\ndate: 2024-02-07\n', ['3:1', '4:1']],
    ['an anchor and alias (one finding, at the first)', 'date: &d 2024-02-07\nkind: regular\nguests: [*d, *d]\n', ['1:7']],
    ['a self-referencing alias', 'date: 2024-02-07\nkind: regular\nx: &a [*a]\n', ['3:4']],
    ['a __proto__ key', 'date: 2024-02-07\nkind: regular\n__proto__: { polluted: true }\n', ['3:1']],
    ['a merge key', 'date: 2024-02-07\n<<: { kind: regular }\n', ['2:1']],
    ['a duplicate key and a __proto__ key: one finding per occurrence', 'date: 2024-02-07\nkind: regular\nkind: special\n__proto__: 1\n', ['3:1', '4:1']],
    ['a duplicate key and an anchor: both reported', 'date: &d 2024-02-07\nkind: regular\nkind: special\nguests: [*d]\n', ['1:7', '3:1']],
    ['two documents, one with a __proto__ key: both reported', 'date: 2024-02-07\nkind: regular\n---\n__proto__: 1\n', ['3:1', '4:1']],
    ['tab indentation', 'date: 2024-02-07\nkind: regular\nguests:\n\t- x\n', ['4:1']],
    ['an unclosed quote (reported where the parser gives up)', 'date: 2024-02-07\nkind: "regular\n', ['3:1']],
    ['two documents', 'date: 2024-02-07\nkind: regular\n---\ndate: 2024-02-07\n', ['3:1']],
  ])('%s', (_name, text, positions) => {
    const found = at(text);
    expect(found.map((f) => `${f.line}:${f.column}`)).toEqual(positions);
    expect(found.every((f) => f.rule === 'yaml-syntax' && f.severity === 'error')).toBe(true);
  });

  it.each([
    ['a plain record', 'date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, dan]\n'],
    ['& and * inside quoted text are not anchors', 'date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, dan]\nguests: ["R&D *lead*"]\n'],
    ['a document start marker alone', '---\ndate: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, dan]\n'],
    ['a %YAML 1.1 directive: `no` stays a string, the date a string', '%YAML 1.1\n---\ndate: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, dan]\n'],
  ])('accepts %s', (_name, text) => {
    expect(at(text)).toEqual([]);
  });

  it.each([
    ['a tag from another language', 'date: 2024-02-07\nkind: !!js/function "function () {}"\n', '2:7'],
    ['a local tag', 'date: 2024-02-07\nkind: !regular regular\n', '2:7'],
    ['!!binary (would make a Buffer)', 'date: 2024-02-07\nkind: regular\nguests: !!binary aGk=\n', '3:9'],
    ['!!set (would make a Set)', 'date: 2024-02-07\nkind: regular\nguests: !!set { a, b }\n', '3:9'],
    ['even a core-schema tag (!!str)', 'date: !!str 2024-02-07\nkind: regular\n', '1:7'],
    ['the non-specific tag !', 'date: ! 2024-02-07\nkind: regular\n', '1:7'],
    ['a verbatim tag', 'date: 2024-02-07\nkind: !<tag:yaml.org,2002:str> regular\n', '2:7'],
    ['a tag on a key', 'date: 2024-02-07\n!!str kind: regular\n', '2:1'],
    ['a tag on an empty value', 'date: 2024-02-07\nkind: regular\nchaired_by: !x\n', '3:13'],
    ['a tag declared by a %TAG directive', '%TAG !e! tag:example.org,2024:\n---\ndate: 2024-02-07\nkind: !e!kind regular\n', '4:7'],
    ['two tags (one finding, at the first)', 'date: !!str 2024-02-07\nkind: !!str regular\n', '1:7'],
  ])('refuses %s: one finding, at the tag', (_name, text, position) => {
    const found = at(text);
    expect(found.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([`${position} tags are not allowed in records`]);
  });

  it('a tag and an anchor are each one finding', () => {
    const found = at('date: &d !!str 2024-02-07\nkind: regular\nguests: [*d]\n');
    expect(found.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '1:7 anchors and aliases are not allowed in records',
      '1:10 tags are not allowed in records',
    ]);
  });

  it('! in text is not a tag', () => {
    expect(at('date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, dan]\nguests: ["Hi!", "!x"]\n# !!str\n')).toEqual([]);
  });

  it('the parser\'s errors are one finding: the first, with how many follow', () => {
    const found = at('date: 2024-02-07\nkind: [regular\nguests: ]\npresent: {\n: : :\n');
    expect(found).toHaveLength(1);
    expect(`${found[0]?.line}:${found[0]?.column}`).toBe('3:1');
    expect(found[0]?.message).toMatch(/^Flow sequence in block collection must be sufficiently indented and end with a \] \(\d+ more parser errors after it\)$/);
  });

  it('a single parser error says nothing more', () => {
    expect(at('date: 2024-02-07\nkind: "regular\n').map((f) => f.message)).toEqual(['Missing closing "quote']);
  });

  it.each([
    ['a tab before a list item', 'date: 2024-02-07\nkind: regular\nguests:\n\t- x\n', '4:1', ''],
    [
      'a tab among list items',
      'date: 2024-02-07\nkind: regular\nguests:\n  - a\n\t- b\n  - c\npresent: [ann]\n',
      '5:1',
      ' (3 more parser errors after it)',
    ],
    [
      'a tab in a service entry (the parser says 5 things, 2 of them about good lines)',
      'date: 2024-02-07\nkind: regular\nservice:\n  - from: 2024-01-01\n\tappointed_by: board\n  - from: 2024-02-01\n    appointed_by: board\nname: x\n',
      '5:1',
      ' (4 more parser errors after it)',
    ],
    ['a tab after spaces', 'date: 2024-02-07\nkind: regular\nguests:\n  \t- x\n', '4:3', ''],
    ['a tab before block scalar text', 'date: 2024-02-07\nkind: regular\nnotes: |\n\ttext\n', '4:1', ' (1 more parser error after it)'],
    ['a tab before the second line of a quoted value', 'date: 2024-02-07\nkind: regular\nnotes: "one\n\ttwo"\n', '4:1', ' (2 more parser errors after it)'],
  ])('%s: one finding, at the tab line', (_name, text, position, more) => {
    const found = at(text);
    expect(found.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      `${position} tabs are not allowed for indentation: indent with spaces${more}`,
    ]);
  });

  it('a tab inside block scalar text, after its indentation, is text', () => {
    expect(at('date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, dan]\nnotes: |\n  a\ttable\n  \tindented\n')).toEqual([]);
  });

  it('nesting past 64 levels is one finding, where the 65th level opens', () => {
    const found = at(`date: 2024-02-07\nkind: regular\nguests: ${'['.repeat(10_000)}\n`);
    expect(found.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '3:72 nested more than 64 levels deep: records are never this deep',
    ]);
  });

  it('keys that are one key in the record (1 and "1") are duplicates', () => {
    const found = at('date: 2024-02-07\nkind: regular\nballots:\n  1: yes\n  "1": no\n');
    expect(found.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual(['5:3 duplicate key: every key may appear once in a mapping']);
  });

  it('every duplicate key is a finding, in one pass (4,000 of them, well under a second)', () => {
    const started = performance.now();
    const found = at(`date: 2024-02-07\nkind: regular\n${'kind: special\n'.repeat(2000)}present:\n${'  ann: 1\n'.repeat(2001)}`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(found).toHaveLength(4000);
    expect(found.every((f) => f.message === 'duplicate key: every key may appear once in a mapping')).toBe(true);
    expect(`${found[0]?.line}:${found[0]?.column}`).toBe('3:1');
  });

  it('an alias bomb is refused without being expanded, well under a second', () => {
    const lines = ['date: 2024-02-07', 'kind: regular', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 30; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = performance.now();
    const found = at(`${lines.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(found.map(brief)).toEqual([`yaml-syntax ${MEETING}:3:5 error`]);
  });

  it('a file over 1 MiB is refused at 1:1 without parsing (a 5 MB file)', () => {
    const big = `date: 2024-02-07\nkind: regular\nguests:\n${'  - "x"\n'.repeat(700_000)}`;
    const started = performance.now();
    const found = at(big);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(found.map(brief)).toEqual([`yaml-syntax ${MEETING}:1:1 error`]);
    expect(found[0]?.message).toBe('file is 5.3 MiB, over the 1 MiB limit for a record');
  });

  it('bytes that are not UTF-8 are refused at 1:1', () => {
    const found = at(new Uint8Array([0x64, 0x61, 0x74, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    expect(found.map((f) => `${brief(f)} ${f.message}`)).toEqual([`yaml-syntax ${MEETING}:1:1 error file is not valid UTF-8 text`]);
  });

  it('an RFC front matter error is reported on the line of the .md file', () => {
    const found = checkRules(
      repoWith({ 'rfcs/0001-example.md': '---\nrfc: 1\ntitle: A\ntitle: B\n---\nbody\n' }),
      [rule],
    );
    expect(found.map(brief)).toEqual(['yaml-syntax rfcs/0001-example.md:4:1 error']);
  });
});
