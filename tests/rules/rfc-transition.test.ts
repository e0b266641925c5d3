// RFC process: "The status of the RFC should be updated in the document
// header as it progresses through the lifecycle stages." Lifecycle:
// draft -> discussion -> fcp -> accepted | rejected; fcp -> discussion;
// draft | discussion | fcp -> withdrawn; accepted -> superseded. A new RFC
// starts as draft or discussion (unless imported: created before
// records_since); an RFC is withdrawn, never deleted. Judged base -> head.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/rfc-transition.ts';
import { brief, checkRules, repoWith, type Files } from '../helpers.ts';

const RFC1 = 'rfcs/0001-example.md';

/** An RFC file: `status` is on line 5, its value at column 9. */
function rfc(n: number, status: string, extra: string[] = [], created = '2024-02-01'): string {
  return [
    '---',
    `rfc: ${n}`,
    'title: An example proposal',
    'authors: ["Ann Example <ann@example.org>"]',
    `status: ${status}`,
    `created: ${created}`,
    ...extra,
    '---',
    '# RFC',
    '',
  ].join('\n');
}

const run = (base: Files, head: Files): string[] => checkRules(repoWith(head), [rule], undefined, repoWith(base)).map(brief);
const messages = (base: Files, head: Files): string[] =>
  checkRules(repoWith(head), [rule], undefined, repoWith(base)).map((f) => f.message);

describe('rfc-transition: "as it progresses through the lifecycle stages"', () => {
  const allowed: [string, string][] = [
    ['draft', 'discussion'],
    ['draft', 'withdrawn'],
    ['discussion', 'fcp'],
    ['discussion', 'withdrawn'],
    ['fcp', 'accepted'],
    ['fcp', 'rejected'],
    ['fcp', 'discussion'],
    ['fcp', 'withdrawn'],
    ['accepted', 'superseded'],
    ['accepted', 'accepted'],
  ];
  it.each(allowed)('valid: %s -> %s', (from, to) => {
    expect(run({ [RFC1]: rfc(1, from) }, { [RFC1]: rfc(1, to) })).toEqual([]);
  });

  const illegal: [string, string][] = [
    ['draft', 'fcp'],
    ['draft', 'accepted'],
    ['discussion', 'accepted'],
    ['discussion', 'rejected'],
    ['accepted', 'discussion'],
    ['rejected', 'accepted'],
    ['withdrawn', 'discussion'],
    ['superseded', 'accepted'],
    ['fcp', 'superseded'],
  ];
  it.each(illegal)('invalid: %s -> %s, at the head status', (from, to) => {
    expect(run({ [RFC1]: rfc(1, from) }, { [RFC1]: rfc(1, to) })).toEqual([`rfc-transition ${RFC1}:5:9 error`]);
  });

  it('says which steps the lifecycle allows', () => {
    expect(messages({ [RFC1]: rfc(1, 'discussion') }, { [RFC1]: rfc(1, 'accepted') })).toEqual([
      'RFC 0001 changes status from discussion to accepted, which the RFC lifecycle does not allow: from discussion an RFC moves to fcp or withdrawn',
    ]);
  });

  it('is an error at every date: a jump on an RFC created before records_since stays an error', () => {
    const base = { [RFC1]: rfc(1, 'discussion', [], '2023-05-01') };
    const head = { [RFC1]: rfc(1, 'accepted', [], '2023-05-01') };
    expect(run(base, head)).toEqual([`rfc-transition ${RFC1}:5:9 error`]);
  });

  describe('numbering renames 0000-<slug>.md: matched by slug', () => {
    it.each([
      ['draft -> discussion while numbered', 'discussion', []],
      ['draft -> fcp while numbered', 'fcp', [`rfc-transition rfcs/0002-new-idea.md:5:9 error`]],
    ])('%s', (_name, to, expected) => {
      const base = { 'rfcs/0000-new-idea.md': rfc(0, 'draft') };
      const head = { 'rfcs/0000-new-idea.md': null, 'rfcs/0002-new-idea.md': rfc(2, to) };
      expect(run(base, head)).toEqual(expected);
    });

    it('another slug is a new RFC and a deleted one', () => {
      const base = { 'rfcs/0000-new-idea.md': rfc(0, 'draft') };
      const head = { 'rfcs/0000-new-idea.md': null, 'rfcs/0002-other-idea.md': rfc(2, 'draft') };
      expect(run(base, head)).toEqual(['rfc-transition rfcs/0000-new-idea.md:1:1 error']);
    });
  });

  describe('a new RFC starts as draft or discussion', () => {
    const NEW = 'rfcs/0002-second.md';
    it.each([
      ['draft', 'draft', '2024-02-10', []],
      ['discussion', 'discussion', '2024-02-10', []],
      ['fcp', 'fcp', '2024-02-10', [`rfc-transition ${NEW}:5:9 error`]],
      ['accepted', 'accepted', '2024-02-10', [`rfc-transition ${NEW}:5:9 error`]],
      ['accepted, created the day before records_since (imported history)', 'accepted', '2023-12-31', []],
      ['accepted, created on records_since', 'accepted', '2024-01-01', [`rfc-transition ${NEW}:5:9 error`]],
    ])('%s', (_name, status, created, expected) => {
      expect(run({}, { [NEW]: rfc(2, status, [], created) })).toEqual(expected);
    });
  });

  describe('a deleted RFC: withdraw it instead', () => {
    it('is reported at 1:1 of the base file', () => {
      expect(run({}, { [RFC1]: null })).toEqual([`rfc-transition ${RFC1}:1:1 error`]);
      expect(messages({}, { [RFC1]: null })).toEqual([
        'RFC 0001 is deleted by this PR: an RFC stays in the record; set its status to withdrawn instead',
      ]);
    });
    it('withdrawing it is legal', () => {
      expect(run({}, { [RFC1]: rfc(1, 'withdrawn') })).toEqual([]);
    });
  });

  describe('unknown values stay silent', () => {
    it.each([
      ['a status the schema rejects on the head', rfc(1, 'approved')],
      ['an unreadable head file (yaml-syntax reports it)', '---\nrfc: 1\nstatus: [unclosed\n---\n'],
      ['no front matter at all', '# just a body\n'],
    ])('%s', (_name, content) => {
      expect(run({ [RFC1]: rfc(1, 'discussion') }, { [RFC1]: content })).toEqual([]);
    });
  });

  it('reports nothing without a base (check on a branch alone)', () => {
    expect(checkRules(repoWith({ [RFC1]: rfc(1, 'accepted'), 'rfcs/0002-x.md': rfc(2, 'fcp') }), [rule]).map(brief)).toEqual([]);
  });
});
