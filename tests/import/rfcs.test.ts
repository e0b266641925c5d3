// Legacy RFC headers -> front matter: the status mapping (unknown words
// only through --status), dates reduced to days, authors kept, the number
// from the file name with template text reported, the decision found among
// the votes (legacy for imported history without one).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportContext } from '../../scripts/import/context.ts';
import { mapStatus, parseAuthors, parseLegacyRfc, parseStatusMap, planRfcs, reduceDate } from '../../scripts/import/rfcs.ts';
import { RFC_DIR, RFC_URL } from './fixture-repo.ts';

const files = readdirSync(RFC_DIR).map((name) => ({ name, text: readFileSync(`${RFC_DIR}/${name}`, 'utf8') }));
const ctx: ImportContext = {
  recordsSince: '2025-01-01',
  members: [],
  rfcs: [],
  chairTerms: [],
  votes: [{ id: '2024-04-03-rfc-0002', date: '2024-04-03', kind: 'rfc', rfc: 2, result: 'passed', nullified: false }],
};

describe('status mapping', () => {
  it.each([
    ['Draft', 'draft'],
    ['Accepted', 'accepted'],
    ['REJECTED', 'rejected'],
    ['Withdrawn', 'withdrawn'],
    ['Superseded', 'superseded'],
    ['Final Comment Period', 'fcp'],
    ['In Discussion', 'discussion'],
  ])('a known word: %s -> %s', (word, status) => {
    expect(mapStatus(word, new Map())).toBe(status);
  });

  it.each(['Approved', 'Merged', 'Done'])('an unknown word (%s) maps to nothing by itself', (word) => {
    expect(mapStatus(word, new Map())).toBeUndefined();
  });

  it('an explicit --status mapping, compared without case, wins', () => {
    const map = parseStatusMap(['Approved=accepted', 'On hold=draft']);
    expect(mapStatus('approved', map)).toBe('accepted');
    expect(mapStatus('On Hold', map)).toBe('draft');
  });

  it.each([
    ['Approved', 'expected WORD=STATUS'],
    ['Approved=yes', '"yes" is not a lifecycle status'],
  ])('a malformed --status %s is refused', (spec, message) => {
    expect(() => parseStatusMap([spec])).toThrow(message);
  });

  it('without the mapping an "Approved" RFC is reported and not written; with it, written as accepted', () => {
    const without = planRfcs(files, ctx);
    expect(without.records.map((r) => r.path)).not.toContain('rfcs/0002-add-a-widget.md');
    expect(without.gaps).toContainEqual({
      where: '0002-add-a-widget.md',
      message: 'unknown status word "Approved": skipped; map it explicitly, e.g. --status Approved=accepted',
    });
    const withMap = planRfcs(files, ctx, { statuses: parseStatusMap(['Approved=accepted']) });
    expect(withMap.records.find((r) => r.path === 'rfcs/0002-add-a-widget.md')?.value).toMatchObject({ status: 'accepted' });
    expect(withMap.gaps).toContainEqual({ where: '0002-add-a-widget.md', message: 'status "Approved" mapped to accepted by --status' });
  });
});

describe('header fields', () => {
  it('reads the title and the bullet-list header', () => {
    const r = parseLegacyRfc('0001-adopt-a-style-guide.md', readFileSync(`${RFC_DIR}/0001-adopt-a-style-guide.md`, 'utf8'));
    expect(r?.title).toBe('Adopt a style guide');
    expect(Object.fromEntries(r?.fields ?? [])).toEqual({
      'rfc number': '`0001`',
      'author(s)': '[Ann Example](ann@example.org), [Bob Example](bob@example.org),',
      status: 'Accepted',
      created: '[2024-02-20 09:00 UTC]',
      updated: '[2024-02-28 17:30 UTC]',
    });
    expect(r?.rest.startsWith('## Summary')).toBe(true);
  });

  it.each([
    ['[2025-05-07 15:00 UTC]', '2025-05-07'],
    ['2025-05-07', '2025-05-07'],
    ['[YYYY-MM-DD hh:mm UTC]', undefined],
    ['[2025-02-30 10:00 UTC]', undefined],
  ])('reduceDate(%s)', (value, date) => {
    expect(reduceDate(value)).toBe(date);
  });

  it.each([
    ['[Jane Doe](jane@example.org), [Bob Roe](mailto:bob@example.org)', ['Jane Doe <jane@example.org>', 'Bob Roe <bob@example.org>'], false],
    ['[Jane Doe](jane@example.org),', ['Jane Doe <jane@example.org>'], false],
    ['Jane Doe and Bob Roe', ['Jane Doe', 'Bob Roe'], false],
    ['[Your Name and Contact Information]', [], true],
  ])('parseAuthors(%s)', (value, authors, template) => {
    expect(parseAuthors(value)).toEqual({ authors, template });
  });
});

describe('planRfcs', () => {
  const plan = planRfcs(files, ctx, { statuses: parseStatusMap(['Approved=accepted']), body: 'link', url: RFC_URL });
  const value = (path: string): Record<string, unknown> | undefined => plan.records.find((r) => r.path === path)?.value;

  it('front matter in the data model: number from the file name, dates reduced, authors kept, the decision vote linked', () => {
    expect(value('rfcs/0002-add-a-widget.md')).toEqual({
      rfc: 2,
      title: 'Add a widget',
      authors: ['Cat Sample <cat@example.org>'],
      status: 'accepted',
      created: '2024-03-20',
      updated: '2024-04-04',
      decision: '2024-04-03-rfc-0002',
      source: 'https://git.example.org/rfcs/blob/main/0002-add-a-widget.md',
    });
  });

  it('accepted with no recorded decision, created before records_since: decision legacy, with a note, and reported', () => {
    expect(value('rfcs/0001-adopt-a-style-guide.md')).toMatchObject({ decision: 'legacy', notes: expect.stringContaining('no recorded vote decides it') });
    expect(plan.gaps).toContainEqual({
      where: '0001-adopt-a-style-guide.md',
      message: 'marked accepted with no recorded decision (no vote on RFC 0001 among governance/votes/): written with decision: legacy',
    });
  });

  it('accepted with no decision, created on or after records_since: no decision written (rfc-decision will ask for one)', () => {
    const late = planRfcs(files, { ...ctx, recordsSince: '2024-01-01' });
    expect(late.records.find((r) => r.path.includes('0001'))?.value).not.toHaveProperty('decision');
  });

  it('template text in the number field: the file name gives the number, and the report says so', () => {
    expect(value('rfcs/0003-try-a-gadget.md')).toMatchObject({ rfc: 3, status: 'draft' });
    expect(plan.gaps).toContainEqual({
      where: '0003-try-a-gadget.md',
      message: 'the number field holds template text ("XXXX (filled in by the maintainers)"), not a number: the file name\'s number 0003 is used',
    });
  });

  it('the template itself is not an RFC: skipped, each reason reported; README.md is not an RFC', () => {
    expect(plan.records.map((r) => r.path)).toEqual(['rfcs/0001-adopt-a-style-guide.md', 'rfcs/0002-add-a-widget.md', 'rfcs/0003-try-a-gadget.md']);
    expect(plan.gaps.filter((g) => g.where === '0000-template.md').map((g) => g.message)).toEqual([
      'the number field holds template text ("XXXX (filled in by the maintainers)"), not a number: the file name\'s number 0000 is used',
      'no title (a "# RFC: Title" line): skipped',
      'the authors field holds template text ("[Your name and an email address]")',
      'no authors: skipped',
      'created is not a date ("[YYYY-MM-DD hh:mm UTC]"): skipped',
      'updated is not a date ("[YYYY-MM-DD hh:mm UTC]"): left out',
    ]);
    expect(plan.gaps.some((g) => g.where === 'README.md')).toBe(false);
  });

  it('a number field that disagrees with the file name is reported', () => {
    const p = planRfcs([{ name: '0007-x.md', text: '# RFC: X\n\n* **RFC Number:** `0008`\n* **Author(s):** Ann\n* **Status:** Draft\n* **Created:** 2024-01-01\n' }], ctx);
    expect(p.gaps).toContainEqual({ where: '0007-x.md', message: "the number field says 0008 but the file name says 0007: the file name's number is used" });
    expect(p.records[0]?.value.rfc).toBe(7);
  });

  it('--body link: the title and a link to the original; --body keep: the original text', () => {
    expect(plan.records.find((r) => r.path.includes('0002'))?.body).toBe(
      '# RFC: Add a widget\n\nThe original text of this RFC is published at https://git.example.org/rfcs/blob/main/0002-add-a-widget.md.\n',
    );
    const keep = planRfcs(files, ctx, { body: 'keep' });
    expect(keep.records.find((r) => r.path.includes('0001'))?.body).toBe('# RFC: Adopt a style guide\n\n## Summary\n\nWrite code the same way everywhere.\n');
  });
});
