import type { Model, Vote } from '../core/model.ts';
import { closest } from '../core/text.ts';
import type { Path, Rule, RuleFinding } from '../core/types.ts';

const memberExists = (model: Model, id: string): boolean => model.members.has(id) || model.skipped.members.has(id);
const voteExists = (model: Model, id: string): boolean => model.votes.has(id) || model.skipped.votes.has(id);

/** A member id close to a typo, or the id of the member whose name was written instead. */
function suggestMember(model: Model, written: string): string | undefined {
  const asName = written.replace(/[\s-]+/g, ' ').trim().toLowerCase();
  for (const m of model.members.values()) if (m.name?.replace(/\s+/g, ' ').trim().toLowerCase() === asName) return m.id;
  return closest(written, model.members.keys());
}

function rfcExists(model: Model, n: number): boolean {
  return model.rfcs.some((r) => r.number === n) || model.skipped.rfcs.has(n);
}

export const rule: Rule<Model> = {
  id: 'unknown-reference',
  severity: 'error',
  alwaysError: true,
  description: 'a member, meeting, vote or RFC that is named but does not exist',
  charter: 'Every person, meeting, vote and RFC a record names has a record of its own.',
  charterSection: 'Data model: references',
  example: {
    violation: '# governance/meetings/2025-05-14.yaml\ndate: 2025-05-14\nkind: regular\npresent: [jdoe, jdeo]\n',
    fix: '# governance/meetings/2025-05-14.yaml\ndate: 2025-05-14\nkind: regular\npresent: [jdoe, rroe]\n',
  },
  check(model) {
    const out: RuleFinding[] = [];
    const member = (file: string, path: Path, id: string | undefined, role: string, at: 'key' | 'value' = 'value'): void => {
      if (id === undefined || memberExists(model, id)) return;
      const hint = suggestMember(model, id);
      out.push({
        file,
        path,
        at,
        message: `${role} "${id}" is not a member: there is no governance/members/${id}.yaml${hint ? ` (did you mean "${hint}"?)` : ''}`,
      });
    };
    const vote = (file: string, path: Path, id: string, role: string): void => {
      if (voteExists(model, id)) return;
      out.push({ file, path, message: `${role} "${id}" is not a vote: there is no governance/votes/${id}.yaml` });
    };
    const rfc = (file: string, path: Path, n: number, role: string): void => {
      if (rfcExists(model, n)) return;
      out.push({ file, path, message: `${role} RFC ${n} does not exist: no file under rfcs/ has rfc: ${n}` });
    };

    for (const m of model.members.values()) {
      for (const p of m.service) {
        if (p.appointedBy !== 'board' && p.appointedBy !== 'legacy')
          vote(m.file, [...p.path, 'appointed_by'], p.appointedBy, 'appointed_by');
      }
    }
    // A term whose dates are unknown still names its chair and election.
    const terms = [
      ...model.chairTerms.map((t) => ({ ...t, electedBy: t.electedByKnown ? t.electedBy : undefined })),
      ...(model.chairTermsUnknown ?? []),
    ];
    for (const t of terms) {
      member(t.file, [...t.path, 'member'], t.member, 'chair');
      member(t.file, [...t.path, 'handover_from'], t.handoverFrom, 'handover_from');
      if (t.electedBy !== undefined && t.electedBy !== 'legacy') vote(t.file, [...t.path, 'elected_by'], t.electedBy, 'elected_by');
    }
    for (const mt of model.meetings.values()) {
      if (mt.present) mt.present.forEach((id, i) => member(mt.file, ['present', i], id, 'present'));
      member(mt.file, ['chaired_by'], mt.chairedBy, 'chaired_by');
      for (const a of mt.agendaRfcs) rfc(mt.file, a.path, a.rfc, 'agenda item:');
    }
    for (const v of model.votes.values()) checkVote(model, v, member, vote, rfc, out);
    for (const r of model.rfcs) {
      if (!r.readable) continue;
      if (r.decision && r.decision !== 'legacy') vote(r.file, ['decision'], r.decision, 'decision');
      r.supersedes.forEach((n, i) => rfc(r.file, ['supersedes', i], n, 'supersedes'));
      if (typeof r.supersededBy === 'number') rfc(r.file, ['superseded_by'], r.supersededBy, 'superseded_by');
    }
    for (const s of model.sigs.values()) {
      if (s.liaison && 'member' in s.liaison) member(s.file, ['liaison'], s.liaison.member, 'liaison');
    }
    return out;
  },
};

function checkVote(
  model: Model,
  v: Vote,
  member: (file: string, path: Path, id: string | undefined, role: string, at?: 'key' | 'value') => void,
  vote: (file: string, path: Path, id: string, role: string) => void,
  rfc: (file: string, path: Path, n: number, role: string) => void,
  out: RuleFinding[],
): void {
  const f = v.file;
  if (v.meeting !== undefined && !model.skipped.meetings.has(v.meeting)) {
    const meeting = model.meetings.get(v.meeting);
    if (!meeting) {
      out.push({
        file: f,
        path: ['meeting'],
        message: `meeting "${v.meeting}" does not exist: there is no governance/meetings/${v.meeting}.yaml`,
      });
    } else if (meeting.date && v.date && meeting.date !== v.date) {
      out.push({
        file: f,
        path: ['meeting'],
        message: `the vote is dated ${v.date} but meeting "${v.meeting}" was held on ${meeting.date}: a meeting vote carries its meeting's date`,
      });
    }
  }
  if (v.rfc !== undefined) rfc(f, ['rfc'], v.rfc, 'rfc:');
  member(f, ['subject'], v.subject, 'subject');
  member(f, ['nomination', 'by'], v.nomination?.by, 'nominated by');
  member(f, ['tie_break', 'by'], v.tieBreak?.by, 'tie_break.by');
  member(f, ['tie_break', 'designated_by'], v.tieBreak?.designatedBy, 'tie_break.designated_by');
  v.recused.forEach((id, i) => member(f, ['recused', i], id, 'recused'));
  for (const c of v.candidates) {
    member(f, [...c.path, 'member'], c.member, 'candidate');
    member(f, [...c.path, 'nominated_by'], c.nominatedBy, 'nominated_by');
  }
  for (const b of v.ballots ?? []) {
    member(f, b.path, b.voter, 'voter', 'key');
    if (v.kind === 'chair-election' && b.value !== 'abstain') member(f, b.path, b.value, 'ballot for');
  }
  if (v.nullifiedBy !== undefined) {
    const by = model.votes.get(v.nullifiedBy);
    if (!by) {
      if (!model.skipped.votes.has(v.nullifiedBy)) vote(f, ['nullified_by'], v.nullifiedBy, 'nullified_by');
    } else if ((by.result !== undefined && by.result !== 'passed') || (by.date && v.date && by.date < v.date)) {
      // A result the schema rejected (or left out) is unknown: the schema's finding alone.
      out.push({
        file: f,
        path: ['nullified_by'],
        message: `nullified_by "${v.nullifiedBy}" must name a passed vote dated on or after ${v.date ?? 'this vote'} (it is ${by.result ?? 'without a result'}, dated ${by.date ?? 'unknown'})`,
      });
    }
  }
}
