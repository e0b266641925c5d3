// The small Markdown reader the importer stands on: headings at any level,
// list depth from indentation, code blocks left alone, plain text of a line.
import { describe, expect, it } from 'vitest';
import { lexMarkdown, linksOf, plainText, sectionsOf } from '../../scripts/import/markdown.ts';

describe('lexMarkdown', () => {
  it('reads headings at every level and skips front matter', () => {
    const lines = lexMarkdown('---\ntitle: x\n---\n# One\n## Two ##\n#### Four\n');
    expect(lines.filter((l) => l.kind === 'heading').map((l) => [l.level, l.text, l.line])).toEqual([
      [1, 'One', 4],
      [2, 'Two', 5],
      [4, 'Four', 6],
    ]);
  });

  it.each([
    ['two-space nesting', '- a\n  - b\n    - c\n- d\n', [0, 1, 2, 0]],
    ['four-space nesting', '- a\n    - b\n        - c\n- d\n', [0, 1, 2, 0]],
    ['numbered lists with bullets below', '1. a\n   - b\n2. c\n', [0, 1, 0]],
    ['a paragraph ends the list', '- a\n  - b\nText\n  - c\n', [0, 1, 0]],
  ])('list depth: %s', (_name, text, depths) => {
    expect(lexMarkdown(text).filter((l) => l.kind === 'item').map((l) => l.depth)).toEqual(depths);
  });

  it('leaves fenced code alone', () => {
    const kinds = lexMarkdown('```\n- not an item\n# not a heading\n```\n- item\n').map((l) => l.kind);
    expect(kinds).toEqual(['code', 'code', 'code', 'code', 'item', 'blank']);
  });

  it('groups lines under their headings', () => {
    const s = sectionsOf(lexMarkdown('intro\n## A\n- x\n### B\n- y\n'));
    expect(s.map((x) => [x.title, x.level, x.lines.filter((l) => l.kind === 'item').map((l) => l.text)])).toEqual([
      ['', 0, []],
      ['A', 2, ['x']],
      ['B', 3, ['y']],
    ]);
  });
});

describe('plainText and linksOf', () => {
  it.each([
    ['links become their text', 'RFC [#0002](https://example.org/pull/3) was merged', 'RFC #0002 was merged'],
    ['emphasis and code marks go', '**Status:** `Accepted` and _italic_ text', 'Status: Accepted and italic text'],
    ['snake_case words keep their underscores', 'build x86_64_v2 and release_task', 'build x86_64_v2 and release_task'],
    ['spaces collapse, hard breaks go', 'Ann   Example  ', 'Ann Example'],
  ])('%s', (_name, input, output) => {
    expect(plainText(input)).toBe(output);
  });

  it('finds Markdown links and bare URLs', () => {
    expect(linksOf('See [RFC](https://a.example/pull/1) and https://b.example/x.')).toEqual([
      { text: 'RFC', url: 'https://a.example/pull/1' },
      { text: 'https://b.example/x.', url: 'https://b.example/x.' },
    ]);
  });
});
