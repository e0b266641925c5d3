// Ballots confirmed by the voters themselves: on the pull request that
// records a vote, each member says `/vote yes` (or no, abstain, or a
// candidate's id) from their own GitHub account, or approves the PR. Pure:
// the comments and reviews come in as data (the shell fetches them), and
// every ballot gets one status.
import type { Model, Vote } from './model.ts';

export interface PrComment {
  id: number;
  login: string;
  body: string;
  url?: string;
  /** ISO timestamp: the latest comment of an account counts. */
  createdAt: string;
}

export interface PrReview {
  login: string;
  state: string;
  url?: string;
  submittedAt: string;
}

export type BallotStatus = 'attested' | 'contradicted' | 'missing' | 'no-handle';

export interface AttestedBallot {
  member: string;
  recorded: string;
  status: BallotStatus;
  /** What their own latest `/vote` says (contradicted, or attested by comment). */
  said?: string;
  /** The comment or review that decided it. */
  url?: string;
}

export interface AttestedVote {
  id: string;
  ballots: AttestedBallot[];
}

export interface IgnoredBallot {
  login: string;
  said: string;
  why: string;
  url?: string;
}

export interface Attestation {
  votes: AttestedVote[];
  ignored: IgnoredBallot[];
}

/** One `/vote` line: what it says, and for which vote when it names one. */
export interface SaidBallot {
  value: string;
  vote?: string;
}

const BALLOT_LINE = /^\/vote[ \t]+([a-z0-9][a-z0-9-]*)(?:[ \t]+([0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9-]+))?[ \t]*$/;

/**
 * The ballots a comment casts: lines of their own that are exactly `/vote
 * VALUE [VOTE-ID]`, outside fenced code blocks and quotes. `/vote` inside a
 * sentence, in backticks, indented as code, or quoted from someone else is
 * not a ballot.
 */
export function ballotsIn(body: string): SaidBallot[] {
  const out: SaidBallot[] = [];
  let fence: string | undefined;
  for (const raw of body.split(/\r\n|\r|\n/)) {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    // Four spaces or a tab make an indented code block; `>` quotes another comment.
    if (/^( {4,}|\t)/.test(raw) || /^\s*>/.test(raw)) continue;
    const m = BALLOT_LINE.exec(raw.trim());
    if (m) out.push({ value: m[1]!.toLowerCase(), ...(m[2] ? { vote: m[2] } : {}) });
  }
  return out;
}

/** The member whose `github` is this login (compared without case). */
function memberOfLogin(model: Model, login: string): string | undefined {
  const l = login.toLowerCase();
  for (const m of model.members.values()) if (m.github && m.github.toLowerCase() === l) return m.id;
  return undefined;
}

/**
 * Every ballot of `votes` (the vote files the PR adds or changes) with its
 * status. Only the account in the member's `github` field speaks for them,
 * read from `handles`: the BASE branch's records, so a PR cannot name an
 * account of its choosing for a member. The latest `/vote` of that account
 * for the vote counts, and an approving review (their latest review,
 * approved) confirms all their ballots in the PR.
 */
export function attest(handles: Model, votes: readonly Vote[], comments: readonly PrComment[], reviews: readonly PrReview[]): Attestation {
  const model = handles;
  const ids = new Set(votes.map((v) => v.id));
  const single = votes.length === 1 ? votes[0]!.id : undefined;
  const ignored: IgnoredBallot[] = [];
  /** member -> vote id -> latest ballot said */
  const said = new Map<string, Map<string, { value: string; url?: string; at: string; id: number }>>();

  const ordered = [...comments].sort((a, b) => (a.createdAt === b.createdAt ? a.id - b.id : a.createdAt < b.createdAt ? -1 : 1));
  for (const c of ordered) {
    for (const b of ballotsIn(c.body)) {
      const ignore = (why: string): void => {
        ignored.push({ login: c.login, said: `/vote ${b.value}${b.vote ? ` ${b.vote}` : ''}`, why, ...(c.url ? { url: c.url } : {}) });
      };
      const member = memberOfLogin(model, c.login);
      if (!member) {
        ignore(`@${c.login} is not the GitHub account of any member (the \`github\` field of a member file)`);
        continue;
      }
      const vote = b.vote ?? single;
      if (!vote) {
        ignore(`this PR records ${votes.length} votes: name the vote, e.g. /vote ${b.value} ${votes[0]?.id ?? 'VOTE-ID'}`);
        continue;
      }
      if (!ids.has(vote)) {
        ignore(`this PR records no vote ${vote}`);
        continue;
      }
      const recorded = votes.find((v) => v.id === vote)?.ballots?.find((x) => x.voter === member);
      if (!recorded) {
        ignore(`no ballot of ${member} is recorded in vote ${vote}`);
        continue;
      }
      let perVote = said.get(member);
      if (!perVote) said.set(member, (perVote = new Map()));
      perVote.set(vote, { value: b.value, ...(c.url ? { url: c.url } : {}), at: c.createdAt, id: c.id });
    }
  }

  // An approving review: the account's latest review decides (a later "changes requested" withdraws it).
  const approved = new Map<string, PrReview>();
  const latestReview = new Map<string, PrReview>();
  for (const r of [...reviews].sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : 1))) {
    if (r.state === 'COMMENTED') continue;
    latestReview.set(r.login.toLowerCase(), r);
  }
  for (const [login, r] of latestReview) if (r.state === 'APPROVED') approved.set(login, r);

  return {
    ignored,
    votes: votes.map((v) => ({
      id: v.id,
      ballots: (v.ballots ?? []).map((b) => {
        const member = model.members.get(b.voter);
        const base = { member: b.voter, recorded: b.value };
        if (!member?.github) return { ...base, status: 'no-handle' as const };
        const own = said.get(b.voter)?.get(v.id);
        if (own)
          return { ...base, status: own.value === b.value ? ('attested' as const) : ('contradicted' as const), said: own.value, ...(own.url ? { url: own.url } : {}) };
        const review = approved.get(member.github.toLowerCase());
        if (review) return { ...base, status: 'attested' as const, ...(review.url ? { url: review.url } : {}) };
        return { ...base, status: 'missing' as const };
      }),
    })),
  };
}

/** The ballots that keep an `attestation: required` PR from passing. */
export function unattested(a: Attestation): AttestedBallot[] {
  return a.votes.flatMap((v) => v.ballots.filter((b) => b.status === 'contradicted' || b.status === 'missing'));
}

/**
 * The "Attestation" section of the PR comment, in Markdown. `escape` makes
 * record and comment text inert (report.ts's escapeText).
 */
export function attestationMarkdown(a: Attestation, escape: (text: string, max?: number) => string, required: boolean): string[] {
  if (a.votes.length === 0) return [];
  const all = a.votes.flatMap((v) => v.ballots);
  const confirmed = all.filter((b) => b.status === 'attested').length;
  const link = (text: string, url?: string): string => (url && /^https:\/\/[^\s()]+$/.test(url) ? `[${text}](${url})` : text);
  const lines = [
    '',
    '### Attestation',
    '',
    `${confirmed} of ${all.length} ballot${all.length === 1 ? '' : 's'} confirmed by the voters' own accounts${required ? ' (required by the charter: every ballot must be)' : ''}.`,
  ];
  for (const v of a.votes) {
    for (const b of v.ballots) {
      const who = escape(b.member, 60);
      if (b.status === 'contradicted')
        lines.push(`- ❌ ${who}'s ballot in ${escape(v.id, 120)} says ${escape(b.recorded, 60)}, ${link('their comment', b.url)} says ${escape(b.said ?? '', 60)}`);
      else if (b.status === 'missing') lines.push(`- ⏳ ${who} has not confirmed their ballot (${escape(b.recorded, 60)}) in ${escape(v.id, 120)}: comment \`/vote ${escape(b.recorded, 60)}\` or approve the PR`);
      else if (b.status === 'no-handle') lines.push(`- ❔ ${who} has no \`github\` handle in their member file: their ballot cannot be confirmed here`);
      else lines.push(`- ✅ ${who}: ${escape(b.recorded, 60)} (${link('confirmed', b.url)})`);
    }
  }
  for (const i of a.ignored) lines.push(`- Ignored: ${link(escape(i.said, 80), i.url)} by @\u200d${escape(i.login, 40)}: ${escape(i.why, 200)}`);
  return lines;
}
