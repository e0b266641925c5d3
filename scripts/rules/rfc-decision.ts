import type { Model, Rfc } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { rfcDate } from '../core/rule-kit.ts';
import { isNullified, outcomeDisputed } from '../core/votes.ts';

/** The recorded result each decided status needs: a motion on an RFC is to accept it. */
const NEEDS: Record<string, 'passed' | 'not-passed'> = {
  accepted: 'passed',
  // Only an accepted RFC can be superseded: its decision still passed.
  superseded: 'passed',
  rejected: 'not-passed',
};

const WHY: Record<string, string> = {
  accepted: 'an accepted RFC was voted through (passed)',
  superseded: 'a superseded RFC was accepted first, so its vote passed',
  rejected: 'a rejected RFC was voted down (not-passed)',
};

export const rule: Rule<Model> = {
  id: 'rfc-decision',
  severity: 'error',
  description:
    'accepted/rejected without `decision`, or its vote is not on this RFC, or the vote result disagrees (accepted needs passed, rejected needs not-passed)',
  charter: 'Decision Making: ALESCo votes on the RFC.',
  charterSection: 'RFC process (ALESCo RFC README): RFC Process Overview 6; charter Policies 5 (Decision Making)',
  example: {
    violation: '---\nrfc: 4\ntitle: Build NVIDIA drivers\nauthors: ["Jane Doe"]\nstatus: accepted\ncreated: 2025-05-07\n---\n',
    fix: '---\nrfc: 4\ntitle: Build NVIDIA drivers\nauthors: ["Jane Doe"]\nstatus: accepted\ncreated: 2025-05-07\ndecision: 2025-05-14-rfc-0004\n---\n',
  },
  check(model) {
    // Whether `legacy` and a missing decision are allowed, and whether a
    // vote's outcome is disputed, both need the charter.
    if (!model.charter) return [];
    const out: RuleFinding[] = [];
    for (const r of model.rfcs) if (r.readable) out.push(...checkRfc(model, r, model.charter.recordsSince));
    return out;
  },
};

function checkRfc(model: Model, r: Rfc, since: string): RuleFinding[] {
  const status = r.status;
  const at = (path: string[], message: string): RuleFinding[] => {
    const date = rfcDate(model, r);
    return [{ file: r.file, path, message, ...(date ? { date } : {}) }];
  };
  // "Created on or after records_since": unknown without a readable `created`.
  const recorded = r.created !== undefined ? r.created >= since : undefined;

  if (r.decision === undefined) {
    if (status !== 'accepted' && status !== 'rejected') return [];
    // A demand: imported history need not say which vote decided it.
    if (recorded !== true || !r.decisionKnown) return [];
    return at(
      [],
      `status is ${status} but there is no decision: an RFC created on or after records_since ${since} ` +
        `(this one ${r.created ?? ''}) names the vote that decided it (decision: <vote id>)`,
    );
  }
  if (r.decision === 'legacy') {
    if (recorded !== true) return [];
    return at(
      ['decision'],
      `decision: legacy is allowed only for an RFC created before records_since ${since}; ` +
        `this one was created ${r.created ?? ''}: name the vote that decided it`,
    );
  }

  const id = r.decision;
  const vote = model.votes.get(id);
  // A missing vote is unknown-reference's finding; an unreadable one is unknown.
  if (!vote || vote.kind === undefined) return [];
  if (vote.kind !== 'rfc') {
    return at(['decision'], `decision "${id}" is a ${vote.kind} vote: an RFC's decision is a vote of kind rfc with rfc: ${r.number}`);
  }
  if (vote.rfc === undefined) return [];
  if (vote.rfc !== r.number) {
    // This RFC's number the schema rejected (or left out): unknown, not "another RFC".
    if (!r.numberKnown) return [];
    return at(['decision'], `decision "${id}" is a vote on RFC ${vote.rfc}, not on this RFC (${r.number})`);
  }
  if (isNullified(model, vote)) {
    return at(
      ['decision'],
      `decision "${id}" was nullified by "${vote.nullifiedBy ?? ''}": a nullified vote decides nothing, so this RFC has no decision`,
    );
  }
  const needed = status !== undefined ? NEEDS[status] : undefined;
  // A result the ballots contradict, or a vote without quorum, is
  // vote-result's or vote-quorum's finding alone.
  if (!needed || vote.result === undefined || vote.result === needed || outcomeDisputed(model, vote)) return [];
  return at(
    ['status'],
    `status is ${status ?? ''} but decision "${id}" has result ${vote.result}: ` +
      `${WHY[status ?? ''] ?? ''}; ` +
      'a motion on an RFC is to accept it',
  );
}
