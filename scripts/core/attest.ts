// Ballots confirmed by the voters themselves: on the pull request that
// records a vote, each member says `/vote yes` (or no, abstain, or a
// candidate's id) from their own GitHub account, or approves the PR. Pure:
// the comments and reviews come in as data (the shell fetches them), and
// every ballot gets one status.
import { servingOn } from './committee.ts';
import { inProgress, type Model, type Vote } from './model.ts';
import { analyzeVote, type Tally } from './votes.ts';

export interface PrComment {
  id: number;
  login: string;
  body: string;
  url?: string;
  /** ISO timestamp: the latest comment of an account counts. */
  createdAt: string;
  /** ISO timestamp of the last edit, when it was edited. */
  updatedAt?: string;
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

/** A vote held on the pull request (`async.closes`), counted from the members' own `/vote` comments so far. */
export interface LiveVote {
  id: string;
  kind?: string;
  motion?: string;
  channel?: string;
  opened?: string;
  closes: string;
  /** The members serving on the closing day, who may vote. */
  serving: string[];
  /** Each serving member's latest ballot, in the order of `serving`. */
  ballots: { member: string; value: string; url?: string }[];
  /** Serving members who have not voted yet. */
  waiting: string[];
  /** Who has taken part (voted, abstentions included), the quorum needed, whether it is met. */
  tookPart: number;
  quorumNeeded?: number;
  quorumMet?: boolean;
  tally?: Tally;
  election?: { votes: [string, number][]; cast: number };
  /** The result the charter gives these ballots now (undefined: no quorum yet, or not computable). */
  result?: string;
}

export interface Attestation {
  votes: AttestedVote[];
  ignored: IgnoredBallot[];
  /** Votes in progress on the PR, with their live tally (absent when there are none). */
  live?: LiveVote[];
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
 * read from `model`: the BASE branch's records, so a PR cannot name an
 * account of its choosing for a member. The latest `/vote` of that account
 * for the vote counts, and an approving review (their latest review,
 * approved) confirms all their ballots in the PR.
 */
export function attest(model: Model, votes: readonly Vote[], comments: readonly PrComment[], reviews: readonly PrReview[]): Attestation {
  const ids = new Set(votes.map((v) => v.id));
  const single = votes.length === 1 ? votes[0]!.id : undefined;
  const ignored: IgnoredBallot[] = [];
  /** member -> vote id -> latest ballot said */
  const said = new Map<string, Map<string, { value: string; url?: string; at: string; id: number }>>();

  const remember = (member: string, vote: string, value: string, c: PrComment): void => {
    let perVote = said.get(member);
    if (!perVote) said.set(member, (perVote = new Map()));
    perVote.set(vote, { value, ...(c.url ? { url: c.url } : {}), at: c.createdAt, id: c.id });
  };
  // Who serves on each open vote's closing day, asked once, not per comment.
  const servingAtClose = new Map(votes.filter(inProgress).map((v) => [v.id, new Set(servingOn(model, v.async?.closes ?? ''))]));
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
      const target = votes.find((v) => v.id === vote);
      if (target && inProgress(target)) {
        const closes = target.async?.closes ?? '';
        if (c.createdAt.slice(0, 10) > closes) {
          ignore(`vote ${vote} closed on ${closes} (UTC): this comment came after`);
          continue;
        }
        if (c.updatedAt !== undefined && c.updatedAt.slice(0, 10) > closes) {
          ignore(`vote ${vote} closed on ${closes} (UTC): this comment was edited after, so what it said at the close is not known`);
          continue;
        }
        if (!servingAtClose.get(vote)?.has(member)) {
          ignore(`${member} does not serve on ${closes}, the day vote ${vote} closes`);
          continue;
        }
        if (target.kind === 'chair-election' ? b.value !== 'abstain' && !target.candidates.some((x) => x.member === b.value) : !['yes', 'no', 'abstain'].includes(b.value)) {
          ignore(target.kind === 'chair-election' ? `/vote names a candidate of vote ${vote} (${target.candidates.map((x) => x.member).join(', ')}) or abstain` : '/vote yes, no or abstain');
          continue;
        }
        remember(member, vote, b.value, c);
        continue;
      }
      const recorded = target?.ballots?.find((x) => x.voter === member);
      if (!recorded) {
        ignore(`no ballot of ${member} is recorded in vote ${vote}`);
        continue;
      }
      remember(member, vote, b.value, c);
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

  const live = votes.filter(inProgress).map((v) => liveVote(model, v, said));
  return {
    ignored,
    ...(live.length ? { live } : {}),
    votes: votes.filter((v) => !inProgress(v)).map((v) => ({
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

/**
 * The tally so far of a vote held on the PR: its ballots are the serving
 * members' latest `/vote`s, judged as the recorded vote will be (a vote
 * closed on its `closes` day, with those ballots), against `model`, the base
 * branch's records: who serves, the charter's quorum and majority.
 */
function liveVote(model: Model, vote: Vote, said: ReadonlyMap<string, ReadonlyMap<string, { value: string; url?: string }>>): LiveVote {
  const closes = vote.async?.closes ?? '';
  const serving = [...servingOn(model, closes)].sort();
  const ballots = serving.flatMap((member) => {
    const b = said.get(member)?.get(vote.id);
    return b ? [{ member, value: b.value, ...(b.url ? { url: b.url } : {}) }] : [];
  });
  const voted = new Set(ballots.map((b) => b.member));
  const { closes: _open, ...venue } = vote.async ?? {};
  const { result: _none, ...rest } = vote;
  const held: Vote = {
    ...rest,
    date: closes,
    async: { ...venue, closed: closes },
    ballots: ballots.map((b) => ({ voter: b.member, value: b.value, path: ['ballots', b.member] })),
    ballotsKnown: true,
  };
  const a = analyzeVote(model, held);
  return {
    id: vote.id,
    ...(vote.kind !== undefined ? { kind: vote.kind } : {}),
    ...(vote.motion !== undefined ? { motion: vote.motion } : {}),
    ...(vote.async?.channel !== undefined ? { channel: vote.async.channel } : {}),
    ...(vote.async?.opened !== undefined ? { opened: vote.async.opened } : {}),
    closes,
    serving,
    ballots,
    waiting: serving.filter((m) => !voted.has(m)),
    tookPart: new Set([...voted, ...vote.recused.filter((r) => serving.includes(r))]).size,
    ...(a.quorumNeeded !== undefined ? { quorumNeeded: a.quorumNeeded } : {}),
    ...(a.quorumMet !== undefined ? { quorumMet: a.quorumMet } : {}),
    ...(a.tally ? { tally: a.tally } : {}),
    ...(a.election ? { election: { votes: [...a.election.votes.entries()], cast: a.election.cast } } : {}),
    // Without quorum no vote is taken at all (vote-quorum): there is no result to give.
    ...(a.computedResult !== undefined && a.quorumMet !== false ? { result: a.computedResult } : {}),
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
  const lines: string[] = [];
  const link = (text: string, url?: string): string => (url && /^https:\/\/[^\s()]+$/.test(url) ? `[${text}](${url})` : text);
  for (const v of a.live ?? []) lines.push(...liveMarkdown(v, escape, link));
  if (a.votes.length > 0) {
    const all = a.votes.flatMap((v) => v.ballots);
    const confirmed = all.filter((b) => b.status === 'attested').length;
    lines.push(
      '',
      '### Attestation',
      '',
      `${confirmed} of ${all.length} ballot${all.length === 1 ? '' : 's'} confirmed by the voters' own accounts${required ? ' (required by the charter: every ballot must be)' : ''}.`,
    );
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
  }
  if (lines.length === 0) return [];
  for (const i of a.ignored) lines.push(`- Ignored: ${link(escape(i.said, 80), i.url)} by @\u200d${escape(i.login, 40)}: ${escape(i.why, 200)}`);
  return lines;
}

/** "Vote in progress": who may vote, who has, quorum so far, the result if it closed now. */
function liveMarkdown(v: LiveVote, escape: (text: string, max?: number) => string, link: (text: string, url?: string) => string): string[] {
  const id = escape(v.id, 120);
  const where = [v.channel ? `on ${escape(v.channel, 80)}` : '', v.opened ? `opened ${v.opened}` : '', `closes ${v.closes} (end of the day, UTC)`].filter(Boolean).join(', ');
  const quorum =
    v.quorumNeeded === undefined
      ? `${v.tookPart} of ${v.serving.length} have taken part (the quorum cannot be computed: the charter cannot be read)`
      : `${v.tookPart} of ${v.serving.length} have taken part, ${v.quorumNeeded} needed ${v.quorumMet ? '✔' : '✘'}`;
  const counts = v.tally
    ? ` (${v.tally.yes} yes, ${v.tally.no} no, ${v.tally.abstain} abstain)`
    : v.election
      ? ` (${v.election.votes.map(([c, k]) => `${escape(c, 60)} ${k}`).join(', ') || 'no votes for a candidate'}; ${v.election.cast} cast)`
      : '';
  const result =
    v.quorumMet === false
      ? 'no vote: without quorum none is taken'
      : v.result === undefined
      ? 'not computable'
      : v.result === 'passed'
        ? 'passed'
        : v.result === 'not-passed'
          ? 'not passed'
          : v.result === 'no-majority'
            ? 'no one elected (no majority)'
            : `${escape(v.result.slice('elected:'.length), 60)} elected`;
  const example = v.kind === 'chair-election' ? '/vote <candidate-id>` or `/vote abstain' : '/vote yes`, `/vote no` or `/vote abstain';
  return [
    '',
    `### Vote in progress: ${id}`,
    '',
    `${v.motion !== undefined ? `${escape(v.motion, 200)} ` : ''}(${escape(v.kind ?? 'vote', 40)}; ${where}). Members vote with a comment line \`${example}\` from their own account; the latest counts.`,
    '',
    `- Voted: ${v.ballots.length ? v.ballots.map((b) => `${escape(b.member, 60)} ${link(escape(b.value, 60), b.url)}`).join(', ') : 'no one yet'}`,
    `- Not voted yet: ${v.waiting.length ? v.waiting.map((m) => escape(m, 60)).join(', ') : 'no one'}`,
    `- Quorum so far: ${quorum}`,
    `- If it closed now: ${result}${counts}`,
    `- After it closes: \`npm run record -- ballots --pr N\` writes the ballots and the result into the vote file, and the PR can merge.`,
  ];
}