// Reading a minutes page as written: the sections the real wiki varies
// (heading levels, "N/A", missing sections, plain lines instead of a list,
// names with extra spaces) and the index page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dateInText, isEmptyEntry, meetingIdOfFile, parseIndex, parseMinutes, sectionRole } from '../../scripts/import/minutes.ts';
import { FIXTURES } from './fixture-repo.ts';

const page = (name: string): string => readFileSync(`${FIXTURES}wiki/minutes/${name}`, 'utf8');

describe('sectionRole: section titles at any heading level', () => {
  it.each([
    ['Attendance', 'present'],
    ['ALESCo Member Attendees', 'present'],
    ['Committee Member Attendees', 'present'],
    ['Members Present', 'present'],
    ['Unable to attend', 'absent'],
    ['Unable to Attend', 'absent'],
    ['Absent', 'absent'],
    ['Board Attendees', 'board'],
    ['Community Attendees', 'guests'],
    ['Decisions Adopted', 'decisions'],
    ['Decisions', 'decisions'],
    ['Members', 'container'],
    ['Minutes', 'body'],
    ['RFC: Add a widget', 'body'],
  ])('%s -> %s', (title, role) => {
    expect(sectionRole(title)).toBe(role);
  });
});

describe('isEmptyEntry', () => {
  it.each(['N/A', 'n/a', 'None', 'No community attendees', 'No decisions.'])('"%s" says the list is empty', (t) => {
    expect(isEmptyEntry(t)).toBe(true);
  });
  it.each(['Ann Example', 'Nora None'])('"%s" is a name', (t) => {
    expect(isEmptyEntry(t)).toBe(false);
  });
});

describe('parseMinutes', () => {
  it('names with extra spaces, "N/A" entries, a numbered decisions list with details (h3 under "Members")', () => {
    const m = parseMinutes('2024-03-06.md', page('2024-03-06.md'));
    expect(m?.present).toEqual(['Ann Example', 'Bob Example', 'Cat Sample', 'dan sample']);
    expect(m?.absent).toEqual([]);
    expect(m?.board).toEqual([]);
    expect(m?.guests).toEqual(['Pat Visitor (left early)']);
    expect(m?.decisions?.map((d) => [d.text, d.details])).toEqual([
      ['Adopt the 2024 meeting calendar', ['Unanimous decision']],
      ['New Committee Chair - Ann Example', ['Ann Example self-nominated.', 'All 4 members voted for Ann']],
    ]);
    expect(m?.titleDate).toBe('2024-03-06');
  });

  it('attendance at h4, decisions at h3, board and guests sections missing (undefined, not empty)', () => {
    const m = parseMinutes('2024-04-03.md', page('2024-04-03.md'));
    expect(m?.present).toHaveLength(5);
    expect(m?.board).toBeUndefined();
    expect(m?.guests).toBeUndefined();
    expect(m?.absent).toBeUndefined();
    expect(m?.decisions?.map((d) => d.text)).toEqual(['The RFC to add a widget was APPROVED']);
    expect(m?.blocks.map((b) => b.title)).toEqual(['RFC: Add a widget (RFC #0002)', 'Social calendar', 'Logo refresh']);
  });

  it('attendance written as plain lines, not a list; an empty guests section is an empty list', () => {
    const m = parseMinutes('2024-05-01.md', page('2024-05-01.md'));
    expect(m?.present).toEqual(['Ann Example', 'Bob Example', 'Cat Sample', 'Zed Nobody']);
    expect(m?.absent).toEqual(['Eve Example']);
    expect(m?.board).toEqual(['Jo Director']);
    expect(m?.guests).toEqual([]);
  });

  it('no decisions section: undefined; the body split into blocks by item and paragraph', () => {
    const m = parseMinutes('2024-06-05.md', page('2024-06-05.md'));
    expect(m?.decisions).toBeUndefined();
    expect(m?.guests).toEqual([]);
    expect(m?.blocks.map((b) => b.lines)).toEqual([
      ['Cat: committee chair', 'Bob: nominates Cat', 'vote: unanimous'],
      ['Discussed the build farm migration:', 'The committee decided to rename the build farm to "forge".'],
      ['Eve Example decided to step down from the committee.'],
    ]);
  });

  it('a "Members" heading with the names right below it', () => {
    const m = parseMinutes('2024-01-10.md', '# Minutes\n\n## Members\n\n- Ann Example\n- Bob Example\n');
    expect(m?.present).toEqual(['Ann Example', 'Bob Example']);
  });

  it.each([
    ['2024-03-06.md', { id: '2024-03-06', date: '2024-03-06' }],
    ['2024-03-06-2.md', { id: '2024-03-06-2', date: '2024-03-06' }],
    ['2024-02-30.md', undefined],
    ['2024-03-06-1.md', undefined],
    ['index.md', undefined],
  ])('meeting id of %s', (name, ids) => {
    expect(meetingIdOfFile(name)).toEqual(ids);
  });
});

describe('parseIndex', () => {
  it('entries with links, and an entry with a date but no link (no minutes file)', () => {
    const entries = parseIndex(readFileSync(`${FIXTURES}wiki/minutes.md`, 'utf8'));
    expect(entries.map((e) => [e.id, e.target])).toEqual([
      ['2024-07-10', undefined],
      ['2024-06-05', '/example/minutes/2024-06-05'],
      ['2024-05-01', '/example/minutes/2024-05-01'],
      ['2024-04-03', '/example/minutes/2024-04-03'],
      ['2024-03-06', '/example/minutes/2024-03-06'],
    ]);
  });

  it("flags a link whose date disagrees with the entry's text", () => {
    const [e] = parseIndex('- [May 2, 2024](/minutes/2024-05-01)\n');
    expect(e).toMatchObject({ id: '2024-05-01', conflict: '2024-05-02' });
  });

  it.each([
    ['July 30, 2026', '2026-07-30'],
    ['July 02, 2026', '2026-07-02'],
    ['2 October 2025', '2025-10-02'],
    ['Sept 4, 2025', '2025-09-04'],
    ['2025-01-08', '2025-01-08'],
    ['February 30, 2025', undefined],
    ['Meeting notes', undefined],
  ])('dateInText(%s)', (text, date) => {
    expect(dateInText(text)).toBe(date);
  });
});
