// Writing records: stable text, and what happens when a record already exists.
import { describe, expect, it } from 'vitest';
import { emitRfc, emitYaml } from '../../scripts/import/emit.ts';
import { decide, readExisting, validateRecords } from '../../scripts/import/plan.ts';
import type { PlannedRecord } from '../../scripts/import/types.ts';
import { loadSchemas } from '../../scripts/shell/fs-repo.ts';

const vote: PlannedRecord = {
  path: 'governance/votes/2024-03-06-adopt-calendar.yaml',
  kind: 'vote',
  value: {
    notes: 'The minutes record the decision as unanimous: one yes ballot per member present.',
    result: 'passed',
    ballots: { 'bob-example': 'yes', 'ann-example': 'no' },
    motion: 'Adopt the 2024 meeting calendar',
    kind: 'decision',
    meeting: '2024-03-06',
    date: '2024-03-06',
    id: '2024-03-06-adopt-calendar',
  },
};

describe('emitYaml', () => {
  it("keys in the data model's order, dates and ballots unquoted, ballots as given", () => {
    expect(emitYaml('vote', vote.value)).toBe(
      [
        'id: 2024-03-06-adopt-calendar',
        'date: 2024-03-06',
        'meeting: 2024-03-06',
        'kind: decision',
        'motion: Adopt the 2024 meeting calendar',
        'ballots:',
        '  bob-example: yes',
        '  ann-example: no',
        'result: passed',
        'notes: "The minutes record the decision as unanimous: one yes ballot per member present."',
        '',
      ].join('\n'),
    );
  });

  it('id lists and tallies on one line, free-text lists one per line, long text folded, and stable through a round trip', () => {
    const meeting = {
      guests: ['Pat Visitor (left early)', 'Sam'],
      present: ['ann-example', 'bob-example'],
      kind: 'regular',
      date: '2024-03-06',
      notes: 'x'.repeat(40) + ' ' + 'y'.repeat(40) + ' ' + 'z'.repeat(40),
    };
    const text = emitYaml('meeting', meeting);
    expect(text).toBe(
      [
        'date: 2024-03-06',
        'kind: regular',
        'present: [ann-example, bob-example]',
        'guests:',
        '  - Pat Visitor (left early)',
        '  - Sam',
        'notes: >-',
        `  ${'x'.repeat(40)} ${'y'.repeat(40)}`,
        `  ${'z'.repeat(40)}`,
        '',
      ].join('\n'),
    );
    expect(emitYaml('meeting', readExisting('meeting', 'm.yaml', text)?.value ?? {})).toBe(text);
    expect(emitYaml('vote', { id: 'x', tally: { abstain: 0, no: 1, yes: 4 } })).toBe('id: x\ntally: {yes: 4, no: 1, abstain: 0}\n');
  });

  it('an RFC: front matter, then the body', () => {
    expect(emitRfc({ title: 'T', rfc: 1 }, '# RFC: T\n')).toBe('---\nrfc: 1\ntitle: T\n---\n# RFC: T\n');
  });
});

describe('decide', () => {
  const text = emitYaml('vote', vote.value);

  it('a new record', () => {
    expect(decide(vote, undefined, false)).toMatchObject({ outcome: 'new', text });
  });

  it('the same record: unchanged, nothing to write', () => {
    expect(decide(vote, text, false)).toMatchObject({ outcome: 'unchanged', differs: [] });
  });

  it('the committee reworded the motion and added notes, nullified_by and corrections: still unchanged, and kept so', () => {
    const curated = text
      .replace('motion: Adopt the 2024 meeting calendar', 'motion: Adopt the calendar of meetings for 2024')
      .replace(/notes: .*\n/, 'nullified_by: 2024-03-07-annul\nnotes: Our own words.\ncorrections:\n  - { date: 2024-03-08, by: Ann, reason: typo }\n');
    const d = decide(vote, curated, true);
    expect(d.outcome).toBe('unchanged');
    expect(d.record.value).toMatchObject({ motion: 'Adopt the calendar of meetings for 2024', notes: 'Our own words.', nullified_by: '2024-03-07-annul' });
  });

  it('a record whose facts differ is kept without --force, and names what differs', () => {
    const other = text.replace('ann-example: no', 'ann-example: yes');
    expect(decide(vote, other, false)).toMatchObject({ outcome: 'kept', differs: ['ballots'] });
    expect(decide(vote, other, false).text).toBeUndefined();
  });

  it('--force replaces the facts and keeps the curated keys', () => {
    const other = text.replace('ann-example: no', 'ann-example: yes').replace('motion: Adopt the 2024 meeting calendar', 'motion: Our motion');
    const d = decide(vote, other, true);
    expect(d.outcome).toBe('update');
    expect(d.text).toContain('ann-example: no');
    expect(d.text).toContain('motion: Our motion');
  });

  it('an unreadable existing file is kept (replaced only with --force)', () => {
    expect(decide(vote, 'id: [', false)).toMatchObject({ outcome: 'kept', differs: ['(unreadable file)'] });
    expect(decide(vote, 'id: [', true)).toMatchObject({ outcome: 'update' });
  });

  it("an RFC's body is the committee's: kept when the front matter is the same", () => {
    const rfc: PlannedRecord = {
      path: 'rfcs/0001-a.md',
      kind: 'rfc',
      value: { rfc: 1, title: 'A', authors: ['Ann'], status: 'draft', created: '2024-01-01' },
      body: '# RFC: A\n\nLink.\n',
    };
    const existing = emitRfc(rfc.value, '# RFC: A\n\nOur summary.\n\nLink.\n');
    const d = decide(rfc, existing, false);
    expect(d.outcome).toBe('unchanged');
    expect(d.record.body).toBe('# RFC: A\n\nOur summary.\n\nLink.\n');
  });
});

describe('validateRecords', () => {
  it('checks every record about to be written against the schemas, as its text reads back', () => {
    const bad: PlannedRecord = { ...vote, value: { ...vote.value, result: 'maybe' } };
    const failures = validateRecords([decide(bad, undefined, false), decide(vote, emitYaml('vote', vote.value), false)], loadSchemas());
    expect(failures).toHaveLength(1);
    expect(failures[0]?.path).toBe(vote.path);
    expect(failures[0]?.messages.join(' ')).toContain('result');
  });
});
