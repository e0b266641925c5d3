// What the importer needs to know about the repository it imports into:
// the members (to turn names into ids), the RFCs and votes already there
// (to link decisions), records_since (where `legacy` is allowed). Built
// from the checker's own model, so names and dates are read exactly as
// `check` reads them.
import type { Model } from '../core/model.ts';
import { isNullified } from '../core/votes.ts';

export interface MemberInfo {
  id: string;
  name?: string;
  service: { from: string; to?: string; appointedBy?: string }[];
}

export interface VoteInfo {
  id: string;
  date?: string;
  kind?: string;
  rfc?: number;
  subject?: string;
  result?: string;
  nullified: boolean;
}

export interface ImportContext {
  recordsSince?: string;
  members: MemberInfo[];
  rfcs: { number: number; title?: string; file: string }[];
  votes: VoteInfo[];
  chairTerms: { member: string; from: string; electedBy: string }[];
}

export function contextFromModel(model: Model): ImportContext {
  return {
    ...(model.recordsSince !== undefined ? { recordsSince: model.recordsSince } : {}),
    members: [...model.members.values()].map((m) => ({
      id: m.id,
      ...(m.name !== undefined ? { name: m.name } : {}),
      service: m.service.map((p) => ({
        from: p.from,
        ...(p.to !== undefined ? { to: p.to } : {}),
        appointedBy: p.appointedBy,
      })),
    })),
    rfcs: model.rfcs
      .filter((r) => r.readable)
      .map((r) => ({ number: r.number, file: r.file, ...(r.title !== undefined ? { title: r.title } : {}) })),
    votes: [...model.votes.values()].map((v) => ({
      id: v.id,
      ...(v.date !== undefined ? { date: v.date } : {}),
      ...(v.kind !== undefined ? { kind: v.kind } : {}),
      ...(v.rfc !== undefined ? { rfc: v.rfc } : {}),
      ...(v.subject !== undefined ? { subject: v.subject } : {}),
      ...(v.result !== undefined ? { result: v.result } : {}),
      nullified: isNullified(model, v),
    })),
    chairTerms: model.chairTerms.map((t) => ({ member: t.member, from: t.from, electedBy: t.electedBy })),
  };
}

/** Serving on `date`: some period with from <= date <= to. */
export function servesOn(member: MemberInfo, date: string): boolean {
  return member.service.some((p) => p.from <= date && (p.to === undefined || date <= p.to));
}

export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

export type NameMatch = { id: string; how: 'name' | 'first-name' };

/**
 * Members by name. A full name matches case- and space-insensitively; a
 * single word matches only the one member serving on the date whose first
 * name it is (minutes' bodies say "Cody" for Cody Robertson), and the match
 * says so, so that it can be reported, never silently assumed.
 */
export class NameIndex {
  private readonly byName = new Map<string, MemberInfo[]>();
  private readonly members: readonly MemberInfo[];

  constructor(members: readonly MemberInfo[]) {
    this.members = members;
    for (const m of members) {
      if (m.name === undefined) continue;
      const key = normalizeName(m.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), m]);
    }
  }

  match(name: string, date?: string): NameMatch | undefined {
    const key = normalizeName(name.replace(/\([^)]*\)/g, ' '));
    if (key === '') return undefined;
    const full = this.byName.get(key) ?? [];
    if (full.length === 1 && full[0]) return { id: full[0].id, how: 'name' };
    if (full.length > 1) {
      const serving = date !== undefined ? full.filter((m) => servesOn(m, date)) : [];
      return serving.length === 1 && serving[0] ? { id: serving[0].id, how: 'name' } : undefined;
    }
    if (key.includes(' ') || date === undefined) return undefined;
    const first = this.members.filter(
      (m) => m.name !== undefined && normalizeName(m.name).split(' ')[0] === key && servesOn(m, date),
    );
    return first.length === 1 && first[0] ? { id: first[0].id, how: 'first-name' } : undefined;
  }

  member(id: string): MemberInfo | undefined {
    return this.members.find((m) => m.id === id);
  }

  /** Members whose full name appears in a line of text, in order of appearance. */
  namesIn(text: string): string[] {
    const hay = ` ${normalizeName(text.replace(/['’]s\b/g, '').replace(/[^\p{L}\p{N} -]/gu, ' '))} `;
    const found: { at: number; id: string }[] = [];
    for (const [key, list] of this.byName) {
      const at = hay.indexOf(` ${key} `);
      if (at >= 0 && list.length === 1 && list[0]) found.push({ at, id: list[0].id });
    }
    return found.sort((a, b) => a.at - b.at).map((f) => f.id);
  }
}
