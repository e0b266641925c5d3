// Enforces: records are plain YAML 1.2 mappings, one document per file, with
// no duplicate keys, anchors, aliases, merge keys or `__proto__`, at most 1 MiB.
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
