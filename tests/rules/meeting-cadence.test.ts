// Charter, Policies 4 (Meeting Frequency): "ALESCo will meet regularly, no
// less than once per month." Every calendar month from the first meeting to
// the last full month before today holds at least min_per_calendar_month meetings.
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../scripts/core/load.ts';
import { rule } from '../../scripts/rules/meeting-cadence.ts';
import { loadSchemas } from '../../scripts/shell/fs-repo.ts';
import { baseRepo, brief, checkRules, repoWith, type Files } from '../helpers.ts';

const CHARTER = 'governance/charter.yaml';
const BASE_MEETING = 'governance/meetings/2024-02-07.yaml';
/** `meetings.min_per_calendar_month` in the fixture charter. */
const AT = `meeting-cadence ${CHARTER}:8:37 warning`;

const meeting = (date: string, extra = 'present: [ann, bob, cat, dan]\n'): string => `date: ${date}\nkind: regular\n${extra}`;

/** Meeting files for the given names (dates, or date-N), replacing the fixture's one meeting. */
function meetings(...ids: string[]): Files {
  const files: Files = { [BASE_MEETING]: null };
  for (const id of ids) files[`governance/meetings/${id}.yaml`] = meeting(id.slice(0, 10));
  return files;
}

const findings = (changes: Files, today: string) => checkRules(repoWith(changes), [rule], today);
const run = (changes: Files, today: string): string[] => findings(changes, today).map(brief);

describe('meeting-cadence: "no less than once per month"', () => {
  it.each<[string, Files, string]>([
    ['today in the first meeting\'s month: no full month yet', {}, '2024-02-20'],
    ['today is the last day of the month: that month is not full yet', meetings('2024-02-07'), '2024-03-31'],
    ['the month\'s only meeting on its last day counts', meetings('2024-02-07', '2024-03-31'), '2024-04-01'],
    ['a month\'s only meeting on its first day counts', meetings('2024-02-07', '2024-03-01'), '2024-04-01'],
    ['months before the first meeting are not judged', meetings('2024-06-05'), '2024-07-01'],
    ['no meetings at all', meetings(), '2025-01-01'],
    ['a special meeting counts', { ...meetings('2024-02-07'), 'governance/meetings/2024-03-06.yaml': 'date: 2024-03-06\nkind: special\n' }, '2024-04-01'],
    ['a meeting without recorded attendance counts', { ...meetings('2024-02-07'), 'governance/meetings/2024-03-06.yaml': 'date: 2024-03-06\nkind: regular\n' }, '2024-04-01'],
    ['a meeting file skipped for yaml-syntax counts in its file name\'s month', { ...meetings('2024-02-07'), 'governance/meetings/2024-03-06.yaml': 'date: 2024-03-06\ndate: 2024-03-06\n' }, '2024-04-01'],
    ['a second meeting file (date-2) skipped for yaml-syntax counts too', { ...meetings('2024-02-07'), 'governance/meetings/2024-03-06-2.yaml': 'date: [\n' }, '2024-04-01'],
    ['a meeting whose date the schema rejected counts in its file name\'s month', { ...meetings('2024-02-07'), 'governance/meetings/2024-03-06.yaml': meeting('2024-03-32') }, '2024-04-01'],
  ])('valid: %s', (_name, changes, today) => {
    expect(run(changes, today)).toEqual([]);
  });

  it.each<[string, Files, string, string[]]>([
    ['a month with no meeting', meetings('2024-02-07', '2024-04-03'), '2024-05-01', ['no meeting in 2024-03']],
    ['the last full month before today: its last day is before today', meetings('2024-02-07'), '2024-04-01', ['no meeting in 2024-03']],
    ['two empty months: one finding each', meetings('2024-02-07', '2024-05-01'), '2024-05-20', ['no meeting in 2024-03', 'no meeting in 2024-04']],
    ['meetings after today do not fill earlier months', meetings('2024-02-07', '2024-05-01'), '2024-04-20', ['no meeting in 2024-03']],
  ])('invalid: %s', (_name, changes, today, months) => {
    const found = findings(changes, today);
    expect(found.map(brief)).toEqual(months.map(() => AT));
    expect(found.map((f) => f.message)).toEqual(months.map((m) => `${m}: the charter requires at least 1 per calendar month`));
  });

  it('reads min_per_calendar_month from the charter', () => {
    const twice = baseRepo()[CHARTER]!.replace('min_per_calendar_month: 1', 'min_per_calendar_month: 2');
    const found = findings({ ...meetings('2024-02-07', '2024-03-06', '2024-03-20'), [CHARTER]: twice }, '2024-04-01');
    expect(found.map(brief)).toEqual([AT]);
    expect(found[0]?.message).toBe('1 meeting in 2024-02: the charter requires at least 2 per calendar month');
  });

  it('is a warning at every date, dated by the month\'s last day', () => {
    const files = repoWith(meetings('2024-01-10', '2024-03-06'));
    const { model } = loadRepository({
      files: Object.entries(files).flatMap(([path, text]) => (typeof text === 'string' ? [{ path, bytes: new TextEncoder().encode(text) }] : [])),
      schemas: loadSchemas(),
      today: '2024-04-01',
    });
    expect(rule.check(model).map((f) => f.date)).toEqual(['2024-02-29']);
    expect(rule.severity).toBe('warning');
  });

  it('without a readable charter the rule does not run', () => {
    expect(run({ ...meetings('2024-02-07', '2024-04-03'), [CHARTER]: null }, '2024-05-01')).toEqual([]);
  });
});
