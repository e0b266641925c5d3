// The committee's state in words, as `check` prints it.
import { describe, expect, it } from 'vitest';
import { committeeLines } from '../../scripts/core/format.ts';
import type { Summary } from '../../scripts/core/summary.ts';

const summary = (over: Partial<Summary['committee']>): Summary => ({
  today: '2027-01-10',
  files: 1,
  errors: 0,
  warnings: 0,
  committee: {
    date: '2027-01-10',
    members: ['ann', 'bob'],
    quorum: 5,
    quorumRule: '2/3, minimum 5',
    chair: { member: 'ann', from: '2026-01-14', termEnd: '2027-01-14' },
    nextCheckIn: '2027-01-14',
    termMonths: 12,
    openRfcs: { draft: [], discussion: [], fcp: [3] },
    ...over,
  },
});

describe('committeeLines', () => {
  it('names the check-in after the charter: not "semi-annual" for 12-month terms', () => {
    expect(committeeLines(summary({}))).toEqual([
      'Committee on 2027-01-10: 2 members serving (ann, bob)',
      'Quorum: 5 present (2/3, minimum 5)',
      'Chair: ann since 2026-01-14, term ends 2027-01-14',
      'Next annual check-in: 2027-01-14',
      'Open RFCs: fcp RFC 0003',
    ]);
  });

  it('a check-in in the past is due, and the chair term ended', () => {
    const lines = committeeLines(summary({ date: '2027-02-15' }));
    expect(lines).toContain('Chair: ann since 2026-01-14, term ended 2027-01-14: an election is due');
    expect(lines).toContain('The annual check-in is due: since 2027-01-14');
  });

  it('no chair in office, no charter', () => {
    const lines = committeeLines(summary({ chair: undefined, nextCheckIn: undefined, quorum: undefined, quorumRule: undefined }));
    expect(lines).toEqual([
      'Committee on 2027-01-10: 2 members serving (ann, bob)',
      'Quorum: unknown (governance/charter.yaml cannot be read)',
      'Chair: none in office',
      'Open RFCs: fcp RFC 0003',
    ]);
  });
});
