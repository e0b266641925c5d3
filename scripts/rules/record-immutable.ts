// A merged vote or meeting is the record: a pull request may correct it, but
// only by saying so in an appended `corrections` entry, and never delete it.
// Compares the head model with the base model; silent without a base.
import { correctionsOf, meetingChanges, voteChanges, type FieldChange } from '../core/changes.ts';
import type { Correction, Model } from '../core/model.ts';
import type { Path, Rule, RuleFinding } from '../core/types.ts';

const MAX_LISTED = 3;

function listChanges(fields: readonly FieldChange[]): string {
  const shown = fields.slice(0, MAX_LISTED).map((f) => {
    const short = (v: string | undefined): boolean => v === undefined || v.length <= 40;
    if ((f.before !== undefined || f.after !== undefined) && short(f.before) && short(f.after))
      return `${f.label} (${f.before ?? 'absent'} -> ${f.after ?? 'absent'})`;
    return f.label;
  });
  const more = fields.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

interface RecordPair {
  what: 'vote' | 'meeting';
  id: string;
  baseFile: string;
  date?: string;
  fields: FieldChange[];
  baseCorrections: readonly Correction[];
  headCorrections: readonly Correction[];
  headFile: string;
  /** The two parsed records: a merged correction entry is compared in every key. */
  records: { base: ParsedRecord; head: ParsedRecord };
}

interface ParsedRecord {
  raw: unknown;
  isKnown: (path: Path) => boolean;
}

/**
 * A correction appended in this PR is accountable: `by` names a member (or
 * `board`), so the people who answer for the change are known, and its date
 * is not before the record it corrects (a date after today is future-date's).
 */
function unaccountable(model: Model, pair: RecordPair, appended: readonly Correction[]): RuleFinding[] {
  const out: RuleFinding[] = [];
  const first = pair.baseCorrections.length;
  const date = pair.date ? { date: pair.date } : {};
  appended.forEach((c, k) => {
    const i = first + k;
    const entry = `the correction appended to ${pair.what} ${pair.id}`;
    if (pair.records.head.isKnown(['corrections', i, 'by']) && c.by !== 'board' && !model.members.has(c.by) && !model.skipped.members.has(c.by))
      out.push({
        file: pair.headFile,
        path: ['corrections', i, 'by'],
        message: `${entry} is made by "${c.by}", who is not a member: \`by\` names the member id of who made it (or \`board\`), so a change to a merged record is accountable`,
        ...date,
      });
    if (pair.date && c.date && pair.records.head.isKnown(['corrections', i, 'date']) && c.date < pair.date)
      out.push({
        file: pair.headFile,
        path: ['corrections', i, 'date'],
        message: `${entry} is dated ${c.date}, before the ${pair.what} itself (${pair.date}): a correction comes after the record it corrects`,
        ...date,
      });
  });
  return out;
}

function judge(model: Model, pair: RecordPair): RuleFinding[] {
  const { what, id } = pair;
  const corrections = correctionsOf(pair.baseCorrections, pair.headCorrections, pair.records);
  const date = pair.date ? { date: pair.date } : {};
  if (!corrections.ok) {
    const i = corrections.index;
    const headEntries = (pair.records.head.raw as { corrections?: unknown } | null)?.corrections;
    return [
      {
        file: pair.headFile,
        path: Array.isArray(headEntries) && i < headEntries.length ? ['corrections', i] : ['corrections'],
        message: `corrections are append-only: entry ${i + 1} of the merged ${what} ${id} (${corrections.date ?? ''} by ${corrections.by ?? ''}) was changed or removed; keep every entry as it is and append a new one`,
        ...date,
      },
    ];
  }
  if (corrections.appended.length > 0) return unaccountable(model, pair, corrections.appended);
  if (pair.fields.length === 0) return [];
  const first = pair.fields[0];
  return [
    {
      file: pair.headFile,
      path: first?.path ?? [],
      message: `${what} ${id} is merged on the base branch: this PR changes ${listChanges(pair.fields)} without appending a corrections entry (date, by, reason) that says why`,
      ...date,
    },
  ];
}

export const rule: Rule<Model> = {
  id: 'record-immutable',
  severity: 'error',
  alwaysError: true,
  description:
    'a PR changes a merged vote or meeting record without appending a corrections entry (date, by, reason), or deletes one; an appended correction whose `by` is not a member id (or `board`) or whose date is before the record',
  charter: 'All meetings, decisions, and discussions will be public',
  charterSection: 'Responsibilities: Transparency (merged records are append-only)',
  example: {
    violation: [
      '# governance/votes/2025-05-14-rfc-0002.yaml, merged with `dan: abstain`; the PR changes it to:',
      'ballots:',
      '  dan: yes',
      'result: passed',
      '',
    ].join('\n'),
    fix: [
      'ballots:',
      '  dan: yes',
      'result: passed',
      'corrections:',
      '  - { date: 2025-05-20, by: jdoe, reason: "Ballot of dan was recorded wrong (minutes, item 3)" }',
      '',
    ].join('\n'),
  },
  check(model) {
    const base = model.base;
    if (!base) return [];
    const out: RuleFinding[] = [];
    const deleted = (what: 'vote' | 'meeting', id: string, file: string, date: string | undefined): void => {
      out.push({
        file,
        line: 1,
        column: 1,
        message: `${what} ${id} is merged on the base branch and this PR deletes its file: a merged record stays; correct it with an appended corrections entry${what === 'vote' ? ' (or annul it with a vote and nullified_by)' : ''}`,
        ...(date ? { date } : {}),
      });
    };

    for (const [id, b] of base.votes) {
      const h = model.votes.get(id);
      if (!h) {
        // A file that is there but unreadable is yaml-syntax's finding, not a deletion.
        if (!model.skipped.votes.has(id)) deleted('vote', id, b.file, b.date);
        continue;
      }
      const findings = judge(model, {
        what: 'vote',
        id,
        baseFile: b.file,
        headFile: h.file,
        ...(b.date ? { date: b.date } : {}),
        fields: voteChanges(b, h),
        baseCorrections: b.corrections,
        headCorrections: h.corrections,
        records: { base: b, head: h },
      });
      out.push(...findings);
    }
    for (const [id, b] of base.meetings) {
      const h = model.meetings.get(id);
      if (!h) {
        if (!model.skipped.meetings.has(id)) deleted('meeting', id, b.file, b.date);
        continue;
      }
      const findings = judge(model, {
        what: 'meeting',
        id,
        baseFile: b.file,
        headFile: h.file,
        ...(b.date ? { date: b.date } : {}),
        fields: meetingChanges(b, h),
        baseCorrections: b.corrections,
        headCorrections: h.corrections,
        records: { base: b, head: h },
      });
      out.push(...findings);
    }
    return out;
  },
};
