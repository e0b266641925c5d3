// The benchmark's synthetic repository: `years` of a committee's records
// (fortnightly meetings, members joining and leaving, chair terms, votes with
// ballots, RFCs), generated from a seed so every run checks the same data.
//
// The records are valid on purpose: the timing of `check` must cover every
// rule on realistic data, not the short cuts a rule takes on a broken record.
// Scale is the number of years (1x = 25 years); the committee's size and its
// rates (meetings, votes, RFCs, joins and departures per meeting) are the same
// at every scale, so the record count grows linearly with `years`.
//
// Pure: no clock, no I/O but `writeRepoDir`. The same (years, seed) gives the
// same files byte for byte.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fromDayNumber, toDayNumber, weekday } from '../core/dates.ts';

/** What the generator made, beside the files. */
export interface GeneratedRepo {
  /** path (relative to the repository root) -> file text */
  files: Map<string, string>;
  /** the first record's date (board appointment, records_since, first meeting) */
  first: string;
  /** the latest date any record names */
  last: string;
  /** a date after every record: the `--today` to check with */
  today: string;
  counts: { meetings: number; votes: number; asyncVotes: number; rfcs: number; members: number; chairTerms: number; sigs: number };
}

// Scale 1x: 25 years of fortnightly meetings from the first Wednesday of 2001.
const START_YEAR = 2001;
const MEETINGS_PER_YEAR = 26;
const FORTNIGHT = 14;
/** A chair election every 13 meetings (182 days: within 6 months + 31 days). */
const ELECTION_EVERY = 13;
const MIN_SERVING = 5;
const MAX_SERVING = 9;
const INITIAL_MEMBERS = 7;
/**
 * A member renews a disclosure this old at the meeting (12 fortnights: with the
 * meeting before an election skipped, never older than 182 days at a meeting,
 * and never more than six months old on the `today` the bench checks with).
 */
const DISCLOSURE_RENEWAL_DAYS = 168;

// ---------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: small, fast, good enough for test data, and the same everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

// ---------------------------------------------------------------------------
// Names and words

const FIRST = [
  'ada', 'ben', 'cora', 'dev', 'elif', 'farah', 'gus', 'hana', 'ivan', 'jun', 'kemal', 'lena', 'mara', 'nico', 'omar',
  'pia', 'quinn', 'rosa', 'sami', 'tara', 'uma', 'vik', 'wren', 'xena', 'yuri', 'zoe', 'amir', 'bea', 'cyril', 'dina',
  'emil', 'fern', 'gita', 'hugo', 'iris', 'joel', 'kira', 'leon', 'mila', 'noor',
];
const LAST = [
  'abbott', 'baker', 'castro', 'dietz', 'evans', 'fischer', 'garcia', 'hughes', 'ito', 'jensen', 'kowalski', 'lopez',
  'moreau', 'nakamura', 'okafor', 'petrov', 'quist', 'rossi', 'silva', 'tanaka', 'ueda', 'varga', 'weber', 'xu', 'yilmaz',
  'zhang', 'adler', 'berg', 'costa', 'dubois', 'eriksen', 'ferrari', 'gomez', 'horvat', 'ibrahim', 'jovanovic', 'klein',
  'larsen', 'meyer', 'novak',
];
const EMPLOYERS = ['Example Corp', 'Acme Hosting', 'Northwind Cloud', 'self-employed', 'none', 'Contoso Systems', 'Initech', 'Globex Labs'];
const TOPICS = [
  'kernel', 'mirrors', 'build system', 'secure boot', 'ppc64le', 'aarch64', 'container images', 'cloud images', 'ISO media',
  'package signing', 'errata', 'documentation', 'SIG process', 'release cadence', 'KVM', 'NVIDIA drivers', 'RISC-V',
  'live media', 'debuginfo', 'module streams', 'EPEL', 'installer', 'testing', 'infrastructure', 'backports',
];
const VERBS = ['Enable', 'Ship', 'Build', 'Adopt', 'Retire', 'Document', 'Automate', 'Support', 'Publish', 'Mirror'];
const POLICY_MOTIONS = [
  'Adopt the meeting agenda template',
  'Approve the updated code of conduct escalation path',
  'Move the meeting to the alternate time slot for the quarter',
  'Approve the SIG charter update',
  'Publish the quarterly report',
  'Approve the mirror admission policy',
  'Approve the security response process',
  'Adopt the release checklist',
];
const DECISION_MOTIONS = [
  'Approve the infrastructure budget request',
  'Accept the sponsorship of build hardware',
  'Approve the conference travel request',
  'Renew the CI service subscription',
  'Approve the new SIG',
  'Appoint a release coordinator for the next minor release',
  'Approve the community survey',
  'Approve the mirror network expansion',
];
const GUESTS = ['A Community Member', 'SIG Representative', 'Release Engineer', 'Infrastructure Volunteer'];
const BOARD = ['Board Member One', 'Board Member Two', 'Board Liaison'];

// ---------------------------------------------------------------------------
// The simulated history

type Ballot = 'yes' | 'no' | 'abstain';

interface Period {
  from: number;
  appointedBy: string;
  to?: number;
  left?: 'resigned' | 'stepped-down';
}

interface MemberGen {
  id: string;
  name: string;
  github: string;
  employer: string;
  disclosures: { date: number; employer: string }[];
  service: Period[];
  continuation: { date: number; continues: boolean }[];
}

interface MeetingGen {
  id: string;
  date: number;
  kind: 'regular' | 'special';
  chair: string;
  present: string[];
  board: boolean;
  guests: string[];
  agenda: ({ rfc: number } | { text: string })[];
}

interface VoteGen {
  id: string;
  date: number;
  kind: 'rfc' | 'chair-election' | 'membership' | 'policy' | 'decision';
  motion: string;
  meeting?: string;
  async?: { opened: number };
  rfc?: number;
  candidates?: { member: string; nominatedBy: string }[];
  subject?: string;
  nomination?: { by: string; date: number };
  questionnaire?: number;
  ballots: [string, string][];
  recused?: string[];
  tieBreak?: { by: string; vote: 'yes' | 'no' };
  result: string;
}

interface RfcGen {
  number: number;
  slug: string;
  title: string;
  authors: string[];
  created: number;
  discussionSince: number;
  fcpSince?: number;
  /** meeting index of the planned vote; undefined: withdrawn */
  voteAt?: number;
  accept: boolean;
  withdrawnOn?: number;
  boardInput: 'none' | 'not-needed' | 'needed';
  pr: number;
  // outcome
  status: 'discussion' | 'fcp' | 'accepted' | 'rejected' | 'withdrawn' | 'superseded';
  decision?: string;
  decidedOn?: number;
  supersedes: number[];
  supersededBy?: number;
}

interface TermGen {
  member: string;
  from: number;
  to?: number;
  electedBy: string;
  handoverFrom?: string;
}

const d = fromDayNumber;

function isServing(m: MemberGen, day: number): boolean {
  for (const p of m.service) if (p.from <= day && (p.to === undefined || day <= p.to)) return true;
  return false;
}

/** The charter's quorum, with the arithmetic of scripts/core/committee.ts quorumFor (0.5, +1, minimum 4). */
function quorum(n: number): number {
  const scale = 1_000_000;
  return Math.max(Math.ceil((Math.round(0.5 * scale) * n + 1 * scale) / scale), 4);
}

/** yes > no passes; yes < no fails; a tie needs the casting vote (charter: tie_break chair). */
function motionResult(ballots: readonly [string, string][], tieBreak?: { vote: 'yes' | 'no' }): 'passed' | 'not-passed' {
  let yes = 0;
  let no = 0;
  for (const [, b] of ballots) {
    if (b === 'yes') yes++;
    else if (b === 'no') no++;
  }
  if (yes > no) return 'passed';
  if (yes < no || yes === 0) return 'not-passed';
  return tieBreak?.vote === 'yes' ? 'passed' : 'not-passed';
}

function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

/** Generate `years` of records; see the module comment. */
export function generate(years: number, seed: number): GeneratedRepo {
  if (!(years > 0)) throw new RangeError(`years must be positive: ${years}`);
  const rnd = new Random(seed);
  let startDay = toDayNumber(`${START_YEAR}-01-01`);
  while (weekday(d(startDay)) !== 3) startDay++; // the first Wednesday
  const meetingCount = Math.max(2, Math.round(years * MEETINGS_PER_YEAR));
  const meetingDay = (i: number): number => startDay + FORTNIGHT * i;

  const members = new Map<string, MemberGen>();
  const usedIds = new Set<string>();
  let nameIndex = 0;
  const newMember = (disclosedOn: number): MemberGen => {
    // Walk the name grid diagonally so consecutive members differ in both names.
    let id: string;
    let first: string;
    let last: string;
    for (;;) {
      const k = nameIndex++;
      first = FIRST[k % FIRST.length] ?? 'ada';
      last = LAST[(k * 7 + Math.floor(k / LAST.length)) % LAST.length] ?? 'abbott';
      const round = Math.floor(k / (FIRST.length * LAST.length));
      id = round === 0 ? `${first}-${last}` : `${first}-${last}-${round + 1}`;
      if (!usedIds.has(id)) break;
    }
    usedIds.add(id);
    const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
    const employer = rnd.pick(EMPLOYERS);
    const m: MemberGen = {
      id,
      name: `${cap(first)} ${cap(last)}`,
      github: `${cap(first)}${cap(last)}`.slice(0, 39),
      employer,
      disclosures: [{ date: disclosedOn, employer }],
      service: [],
      continuation: [],
    };
    members.set(id, m);
    return m;
  };
  /** Members who may still serve: pruned as their periods close. */
  let active: MemberGen[] = [];
  const servingOn = (day: number): MemberGen[] => {
    active = active.filter((m) => m.service.some((p) => p.to === undefined || p.to >= day));
    return active.filter((m) => isServing(m, day));
  };

  const meetings: MeetingGen[] = [];
  const votes: VoteGen[] = [];
  const rfcs: RfcGen[] = [];
  const terms: TermGen[] = [];
  const rfcVotesAt = new Map<number, RfcGen[]>();
  let lastDay = startDay;
  const seen = (day: number): void => {
    if (day > lastDay) lastDay = day;
  };

  // The board appoints the first members on the first meeting's day.
  for (let k = 0; k < INITIAL_MEMBERS; k++) {
    const m = newMember(startDay);
    m.service.push({ from: startDay, appointedBy: 'board' });
    active.push(m);
  }

  let chair: string | undefined;
  let chairRun = 0;
  /** A membership vote on its way: nominated at one meeting, voted two meetings later. */
  let pending: { candidate: MemberGen; nominator: string; nominatedOn: number; voteAt: number } | undefined;
  /** A new member confirming at this meeting index. */
  let joining: { index: number; id: string } | undefined;
  let rfcNumber = 0;
  let pr = 0;

  const authorOf = (id: string): string => `${members.get(id)?.name ?? id} <${id}@example.org>`;
  const ballotsOf = (voters: readonly string[], pYes: number, pNo: number): [string, string][] =>
    voters.map((id) => {
      const r = rnd.float();
      const b: Ballot = r < pYes ? 'yes' : r < pYes + pNo ? 'no' : 'abstain';
      return [id, b];
    });

  /** A policy or decision motion; on a tie the chair in office casts the deciding vote. */
  const motionVote = (
    base: Pick<VoteGen, 'id' | 'date' | 'kind' | 'motion' | 'meeting' | 'async'>,
    voters: readonly string[],
    chairId: string,
  ): VoteGen => {
    const ballots = ballotsOf(voters, 0.8, 0.12);
    let yes = 0;
    let no = 0;
    for (const [, b] of ballots) {
      if (b === 'yes') yes++;
      else if (b === 'no') no++;
    }
    const tieBreak = yes === no && yes > 0 ? { by: chairId, vote: rnd.chance(0.7) ? ('yes' as const) : ('no' as const) } : undefined;
    return { ...base, ballots, ...(tieBreak ? { tieBreak } : {}), result: motionResult(ballots, tieBreak) };
  };

  for (let i = 0; i < meetingCount; i++) {
    const day = meetingDay(i);
    const date = d(day);
    const meetingId = date;
    seen(day);
    const serving = servingOn(day);
    const n = serving.length;
    const election = i % ELECTION_EVERY === 0;
    const agenda: MeetingGen['agenda'] = [];
    const meetingVotes: VoteGen[] = [];
    const joiner = joining?.index === i ? joining.id : undefined;
    const newcomerIds = new Set(serving.filter((m) => m.service.some((p) => p.from === day)).map((m) => m.id));

    // Who leaves after this meeting (their last day is the Saturday after it).
    let leaver: MemberGen | undefined;
    let leaveKind: 'resigned' | 'stepped-down' = 'resigned';
    const mayLeave = (m: MemberGen): boolean => !newcomerIds.has(m.id) && m.id !== pending?.nominator;

    // Chair election: continuation answers from every serving member, a new term.
    let chairToday = chair;
    if (election) {
      if (n - 1 >= MIN_SERVING && rnd.chance(0.18)) {
        const options = serving.filter((m) => mayLeave(m));
        if (options.length > 0) {
          leaver = rnd.pick(options);
          leaveKind = 'stepped-down';
        }
      }
      const eligible = serving.filter(
        (m) => m.id !== leaver?.id && !newcomerIds.has(m.id) && !(m.id === chair && (chairRun >= 2 || rnd.chance(0.7))),
      );
      const pool = eligible.length > 0 ? eligible : serving.filter((m) => m.id !== leaver?.id && m.id !== chair);
      const elected = rnd.pick(pool);
      chairToday = elected.id;
    }
    if (chairToday === undefined) throw new Error('no chair');

    // One absentee now and then: never the chair, a newcomer confirming, or a nominee-to-be's nominator.
    let absent: string | undefined;
    if (rnd.chance(0.3)) {
      const options = serving.filter((m) => m.id !== chairToday && !newcomerIds.has(m.id) && m.id !== leaver?.id);
      if (options.length > 0) absent = rnd.pick(options).id;
    }
    const present = serving.filter((m) => m.id !== absent).map((m) => m.id);
    if (present.length < quorum(n)) throw new Error(`generator bug: no quorum on ${date}`);
    if (joiner !== undefined && !present.includes(joiner)) throw new Error(`generator bug: ${joiner} absent at confirmation`);
    if (joiner !== undefined) agenda.push({ text: `Welcome ${members.get(joiner)?.name ?? joiner}, who confirms joining the committee` });

    // Disclosures are renewed at every chair election; a member whose newest is 24 weeks old
    // (one who joined between elections) renews it, unless the next meeting is an election.
    const electionNext = (i + 1) % ELECTION_EVERY === 0 && i + 1 < meetingCount;
    if (!election && !electionNext) {
      for (const m of serving) {
        const newest = m.disclosures.at(-1)?.date ?? -Infinity;
        if (day - newest >= DISCLOSURE_RENEWAL_DAYS) m.disclosures.push({ date: day, employer: m.employer });
      }
    }
    if (election) {
      for (const m of serving) {
        m.continuation.push({ date: day, continues: m.id !== leaver?.id });
        if (rnd.chance(0.04)) m.employer = rnd.pick(EMPLOYERS);
        if (m.id !== leaver?.id && m.disclosures.at(-1)?.date !== day) m.disclosures.push({ date: day, employer: m.employer });
      }
      const elected = chairToday;
      const others = present.filter((id) => id !== elected);
      const candidates = [{ member: elected, nominatedBy: rnd.pick(others) }];
      const runners = others.filter((id) => id !== leaver?.id);
      if (runners.length > 1 && rnd.chance(0.3)) {
        const runner = rnd.pick(runners);
        candidates.push({ member: runner, nominatedBy: rnd.pick(present.filter((id) => id !== runner)) });
      }
      const vote: VoteGen = {
        id: `${date}-chair-election`,
        date: day,
        kind: 'chair-election',
        motion: 'Elect the chair for the next six months',
        meeting: meetingId,
        candidates,
        ballots: present.map((id) => [id, elected]),
        result: `elected:${elected}`,
      };
      meetingVotes.push(vote);
      agenda.push({ text: 'Semi-annual check-in and chair election' });
      const previous = terms.at(-1);
      if (previous) previous.to = day - 1;
      terms.push({
        member: elected,
        from: day,
        electedBy: vote.id,
        ...(previous && previous.member !== elected ? { handoverFrom: previous.member } : {}),
      });
      chairRun = chair === elected ? chairRun + 1 : 1;
      chair = elected;
    }
    const chairId = chairToday;

    // A resignation between elections (never the chair: a chair serves the whole term).
    if (!election && n - 1 >= MIN_SERVING && rnd.chance(0.055)) {
      const options = serving.filter((m) => m.id !== chairId && mayLeave(m));
      if (options.length > 0) leaver = rnd.pick(options);
    }

    // Membership: the vote on a pending nomination, two meetings after it.
    if (pending && pending.voteAt === i) {
      const { candidate, nominator, nominatedOn } = pending;
      const passes = rnd.chance(0.9);
      let ballots: [string, string][];
      if (passes) {
        // More yes than half of the members serving: everyone present says yes, maybe one abstains.
        const abstainer = present.length - 1 > n / 2 && rnd.chance(0.3) ? rnd.pick(present) : undefined;
        ballots = present.map((id) => [id, id === abstainer ? 'abstain' : 'yes']);
      } else {
        ballots = present.map((id, k) => [id, k % 3 === 0 ? 'yes' : 'no']);
      }
      let yes = 0;
      for (const [, b] of ballots) if (b === 'yes') yes++;
      const result = yes > n / 2 ? 'passed' : 'not-passed';
      const vote: VoteGen = {
        id: `${date}-membership-${candidate.id}`,
        date: day,
        kind: 'membership',
        motion: `Appoint ${candidate.name} to the committee`,
        meeting: meetingId,
        subject: candidate.id,
        nomination: { by: nominator, date: nominatedOn },
        questionnaire: nominatedOn + 2,
        ballots,
        result,
      };
      meetingVotes.push(vote);
      agenda.push({ text: `Membership vote: ${candidate.name}` });
      if (result === 'passed' && i + 1 < meetingCount) {
        // They serve from the next meeting, where they confirm.
        candidate.service.push({ from: meetingDay(i + 1), appointedBy: vote.id });
        active.push(candidate);
        joining = { index: i + 1, id: candidate.id };
      }
      pending = undefined;
    }

    // A new nomination when the committee has room (at most nine, counting the nominee).
    if (!pending && i + 3 < meetingCount) {
      const after = n - (leaver ? 1 : 0) + (joining && joining.index > i ? 1 : 0);
      const p = after <= 5 ? 0.6 : after === 6 ? 0.3 : after === 7 ? 0.1 : after === 8 ? 0.03 : 0;
      if (after < MAX_SERVING && rnd.chance(p)) {
        const nominators = present.filter((id) => id !== leaver?.id);
        if (nominators.length > 0) {
          const candidate = newMember(day);
          pending = { candidate, nominator: rnd.pick(nominators), nominatedOn: day, voteAt: i + 2 };
          agenda.push({ text: `Nomination of ${candidate.name}; questionnaire to follow` });
        }
      }
    }

    // RFC votes planned for this meeting.
    const board = i % 2 === 0 || (rfcVotesAt.get(i) ?? []).some((r) => r.boardInput === 'needed');
    for (const r of rfcVotesAt.get(i) ?? []) {
      const recusedId = rnd.chance(0.05) ? rnd.pick(present.filter((id) => id !== chairId)) : undefined;
      const voters = present.filter((id) => id !== recusedId);
      let ballots = r.accept ? ballotsOf(voters, 0.85, 0.08) : ballotsOf(voters, 0.2, 0.7);
      // The outcome is the RFC's: nudge the ballots until they give it, no tie.
      let result = motionResult(ballots);
      let guard = 0;
      while ((result === 'passed') !== r.accept || isTie(ballots)) {
        ballots = r.accept ? ballotsOf(voters, 0.85, 0.08) : ballotsOf(voters, 0.2, 0.7);
        result = motionResult(ballots);
        if (++guard > 100) throw new Error('generator bug: cannot reach the RFC outcome');
      }
      const vote: VoteGen = {
        id: `${date}-rfc-${pad4(r.number)}`,
        date: day,
        kind: 'rfc',
        motion: `Accept RFC ${pad4(r.number)}, ${r.title}`,
        meeting: meetingId,
        rfc: r.number,
        ballots,
        ...(recusedId ? { recused: [recusedId] } : {}),
        result,
      };
      meetingVotes.push(vote);
      agenda.push({ rfc: r.number });
      r.status = r.accept ? 'accepted' : 'rejected';
      r.decision = vote.id;
      r.decidedOn = day;
      if (r.accept && rnd.chance(0.06)) {
        const older = rfcs.filter((o) => o.status === 'accepted' && o.number < r.number && o.supersededBy === undefined);
        if (older.length > 0) {
          const o = rnd.pick(older);
          o.status = 'superseded';
          o.supersededBy = r.number;
          r.supersedes.push(o.number);
        }
      }
    }

    // Policy and decision motions: about three a meeting.
    const motions = rnd.pick([2, 3, 3, 3, 4, 2]);
    for (let k = 0; k < motions; k++) {
      const kind = rnd.chance(0.5) ? 'policy' : 'decision';
      const motion = rnd.pick(kind === 'policy' ? POLICY_MOTIONS : DECISION_MOTIONS);
      meetingVotes.push(motionVote({ id: `${date}-${kind}-${k + 1}`, date: day, kind, motion, meeting: meetingId }, present, chairId));
      agenda.push({ text: motion });
    }

    // New RFCs: about one a meeting, opened for discussion at it.
    if (rnd.chance(0.92)) {
      rfcNumber++;
      pr += rnd.int(1, 4);
      const topic = rnd.pick(TOPICS);
      const title = `${rnd.pick(VERBS)} ${topic} ${rnd.pick(['for the next release', 'on all architectures', 'in the build system', 'for the community', 'by default'])}`;
      const roll = rnd.float();
      const voteAt = roll < 0.1 ? undefined : i + rnd.int(3, 6);
      const boardRoll = rnd.float();
      const r: RfcGen = {
        number: rfcNumber,
        slug: slugify(title).slice(0, 48).replace(/-+$/, ''),
        title,
        authors: [authorOf(rnd.pick(present))],
        created: day - rnd.int(3, 9),
        discussionSince: day,
        accept: rnd.chance(0.85),
        boardInput: boardRoll < 0.08 ? 'needed' : boardRoll < 0.5 ? 'not-needed' : 'none',
        pr,
        status: 'discussion',
        supersedes: [],
      };
      if (voteAt === undefined) r.withdrawnOn = day + rnd.int(10, 40);
      else {
        r.voteAt = voteAt;
        r.fcpSince = meetingDay(voteAt) - rnd.int(8, 12);
        const list = rfcVotesAt.get(voteAt) ?? [];
        list.push(r);
        rfcVotesAt.set(voteAt, list);
      }
      rfcs.push(r);
      agenda.push({ rfc: r.number });
    }

    // An asynchronous decision now and then, closing the Monday after the meeting.
    let asyncDay: number | undefined;
    if (rnd.chance(0.08) && i + 1 < meetingCount) {
      asyncDay = day + 5;
      // Everyone serving when it closes votes; a leaver's last day is before that.
      const asyncVoters = servingOn(asyncDay)
        .map((m) => m.id)
        .filter((id) => id !== leaver?.id);
      seen(asyncDay);
      meetingVotes.push(
        motionVote(
          {
            id: `${d(asyncDay)}-async-decision`,
            date: asyncDay,
            kind: 'decision',
            motion: rnd.pick(DECISION_MOTIONS),
            async: { opened: day + 1 },
          },
          asyncVoters,
          chairId,
        ),
      );
    }

    meetings.push({
      id: meetingId,
      date: day,
      kind: 'regular',
      chair: chairId,
      present,
      board,
      guests: rnd.chance(0.5) ? [rnd.pick(GUESTS)] : [],
      agenda,
    });
    votes.push(...meetingVotes);

    if (leaver) {
      const period = leaver.service.at(-1);
      if (!period) throw new Error('generator bug: leaver without service');
      period.to = day + 3;
      period.left = leaveKind;
      seen(period.to);
    }

    // A special meeting a week later now and then, when no newcomer is waiting to confirm.
    if (rnd.chance(0.02) && !(joining && joining.index === i + 1) && i + 1 < meetingCount) {
      const sday = day + 7;
      const sPresent = servingOn(sday).map((m) => m.id);
      const sdate = d(sday);
      const vote = motionVote(
        { id: `${sdate}-decision-1`, date: sday, kind: 'decision', motion: rnd.pick(DECISION_MOTIONS), meeting: sdate },
        sPresent,
        chairId,
      );
      meetings.push({ id: sdate, date: sday, kind: 'special', chair: chairId, present: sPresent, board: true, guests: [], agenda: [{ text: 'Urgent decision' }] });
      votes.push(vote);
      seen(sday);
    }
  }

  // RFCs whose vote falls after the last meeting are still open.
  const lastMeeting = meetingDay(meetingCount - 1);
  for (const r of rfcs) {
    if (r.withdrawnOn !== undefined) {
      if (r.withdrawnOn <= lastMeeting) r.status = 'withdrawn';
      else delete r.withdrawnOn;
    } else if (r.decision === undefined) {
      // Those to be voted at one of the next two meetings are in their final comment period.
      if (r.voteAt !== undefined && r.voteAt <= meetingCount + 1 && r.fcpSince !== undefined) {
        r.status = 'fcp';
        r.fcpSince = Math.min(r.fcpSince, lastMeeting);
      } else {
        r.status = 'discussion';
        delete r.fcpSince;
      }
    }
    seen(r.created);
  }

  const today = lastDay + 1;
  const files = new Map<string, string>();
  const first = d(startDay);
  files.set('governance/charter.yaml', charterText(first));
  for (const m of members.values()) files.set(`governance/members/${m.id}.yaml`, memberText(m));
  files.set('governance/chair-terms.yaml', termsText(terms));
  for (const m of meetings) files.set(`governance/meetings/${m.id}.yaml`, meetingText(m));
  for (const v of votes) files.set(`governance/votes/${v.id}.yaml`, voteText(v));
  for (const r of rfcs) files.set(`rfcs/${pad4(r.number)}-${r.slug}.md`, rfcText(r, lastMeeting));
  // Two drafts not yet numbered.
  files.set('rfcs/0000-draft-idea.md', draftText('A draft idea', lastMeeting - 3));
  files.set('rfcs/0000-another-draft.md', draftText('Another draft', lastMeeting - 1));
  // SIGs: one for every five years; technical ones have a serving member as liaison.
  const servingAtEnd = [...members.values()].filter((m) => isServing(m, today)).map((m) => m.id);
  const sigCount = Math.max(2, Math.round(years / 5));
  for (let k = 0; k < sigCount; k++) {
    const topic = TOPICS[k % TOPICS.length] ?? 'misc';
    const id = `${slugify(topic)}${k >= TOPICS.length ? `-${Math.floor(k / TOPICS.length) + 1}` : ''}`;
    const technical = k % 3 !== 2;
    const liaison = technical
      ? k % 4 === 3
        ? 'liaison: { name: "Outside Liaison" }'
        : `liaison: ${servingAtEnd[k % servingAtEnd.length] ?? ''}`
      : undefined;
    files.set(
      `governance/sigs/${id}.yaml`,
      [`id: ${id}`, `name: ${JSON.stringify(`${topic} SIG`)}`, `technical: ${technical}`, ...(liaison ? [liaison] : []), ''].join('\n'),
    );
  }

  return {
    files,
    first,
    last: d(lastDay),
    today: d(today),
    counts: {
      meetings: meetings.length,
      votes: votes.length,
      asyncVotes: votes.filter((v) => v.async).length,
      rfcs: rfcs.length + 2,
      members: members.size,
      chairTerms: terms.length,
      sigs: sigCount,
    },
  };
}

function isTie(ballots: readonly [string, string][]): boolean {
  let yes = 0;
  let no = 0;
  for (const [, b] of ballots) {
    if (b === 'yes') yes++;
    else if (b === 'no') no++;
  }
  return yes === no;
}

/** The generated repository's files: path -> text. */
export function generateRepo(years: number, seed: number): Map<string, string> {
  return generate(years, seed).files;
}

/** Write the files under `dir`, replacing whatever was there. */
export function writeRepoDir(dir: string, files: ReadonlyMap<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  const made = new Set<string>();
  for (const [path, text] of files) {
    const full = join(dir, path);
    const parent = dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(full, text);
  }
}

// ---------------------------------------------------------------------------
// Record texts, as a person would write them (plain dates, flow maps where short)

function charterText(first: string): string {
  return [
    '# A synthetic committee for the benchmark (scripts/bench/generate.ts).',
    'committee: Benchmark Committee',
    `board_appointment: ${first}        # the board vote that appointed the first members`,
    `records_since: ${first}            # every rule applies to every record`,
    'quorum: { fraction: 0.5, plus: 1, minimum: 4 }',
    'majority: more-than-half-of-votes-cast',
    'tie_break: chair',
    'chair: { term_months: 6, max_consecutive_terms: 2 }',
    'meetings: { min_per_calendar_month: 1 }',
    'membership: { review_business_days: 5, self_nomination: false, majority_of: members }',
    'disclosure: { max_age_months: 6 }',
    'rfc: { board_input_topics: [trademark, resources, partnership] }',
    '',
  ].join('\n');
}

function memberText(m: MemberGen): string {
  const out = [`id: ${m.id}`, `name: ${m.name}`, `github: ${m.github}`, `chat: ${m.id.replace(/-/g, '')}`, 'disclosures:'];
  for (const x of m.disclosures) {
    out.push(`  - date: ${d(x.date)}`, `    employer: ${x.employer}`, '    conflicts: []');
  }
  if (m.service.length === 0) out.push('service: []');
  else {
    out.push('service:');
    for (const p of m.service) {
      out.push(`  - from: ${d(p.from)}`, `    appointed_by: ${p.appointedBy}`);
      if (p.to !== undefined) out.push(`    to: ${d(p.to)}`);
      if (p.left !== undefined) out.push(`    left: ${p.left}`);
    }
  }
  if (m.continuation.length > 0) {
    out.push('continuation:');
    for (const c of m.continuation) out.push(`  - date: ${d(c.date)}`, `    continues: ${c.continues}`);
  }
  out.push('');
  return out.join('\n');
}

function termsText(terms: readonly TermGen[]): string {
  const out = ['terms:'];
  for (const t of terms) {
    out.push(`  - member: ${t.member}`, `    from: ${d(t.from)}`);
    if (t.to !== undefined) out.push(`    to: ${d(t.to)}`);
    out.push(`    elected_by: ${t.electedBy}`);
    if (t.handoverFrom !== undefined) out.push(`    handover_from: ${t.handoverFrom}`);
  }
  out.push('');
  return out.join('\n');
}

function meetingText(m: MeetingGen): string {
  const out = [
    `date: ${d(m.date)}`,
    `kind: ${m.kind}`,
    `chaired_by: ${m.chair}`,
    `present: [${m.present.join(', ')}]`,
    `board: [${m.board ? JSON.stringify(BOARD[m.date % BOARD.length]) : ''}]`,
    `guests: [${m.guests.map((g) => JSON.stringify(g)).join(', ')}]`,
    `minutes: https://minutes.example.org/${d(m.date)}.html`,
  ];
  if (m.agenda.length > 0) {
    out.push('agenda:');
    for (const a of m.agenda) out.push('rfc' in a ? `  - rfc: ${a.rfc}` : `  - text: ${JSON.stringify(a.text)}`);
  }
  out.push('');
  return out.join('\n');
}

function voteText(v: VoteGen): string {
  const out = [`id: ${v.id}`, `date: ${d(v.date)}`];
  if (v.meeting !== undefined) out.push(`meeting: ${v.meeting}`);
  if (v.async) out.push(`async: { channel: "~committee", opened: ${d(v.async.opened)}, closed: ${d(v.date)} }`);
  out.push(`kind: ${v.kind}`, `motion: ${JSON.stringify(v.motion)}`);
  if (v.rfc !== undefined) out.push(`rfc: ${v.rfc}`);
  if (v.candidates) {
    out.push('candidates:');
    for (const c of v.candidates) out.push(`  - { member: ${c.member}, nominated_by: ${c.nominatedBy}, accepted: true }`);
  }
  if (v.subject !== undefined) out.push(`subject: ${v.subject}`);
  if (v.nomination) out.push(`nomination: { by: ${v.nomination.by}, date: ${d(v.nomination.date)} }`);
  if (v.questionnaire !== undefined) out.push(`questionnaire_circulated: ${d(v.questionnaire)}`);
  out.push('ballots:');
  for (const [id, b] of v.ballots) out.push(`  ${id}: ${b}`);
  if (v.recused) out.push(`recused: [${v.recused.join(', ')}]`);
  if (v.tieBreak) out.push(`tie_break: { by: ${v.tieBreak.by}, vote: ${v.tieBreak.vote} }`);
  out.push(`result: ${v.result}`, '');
  return out.join('\n');
}

function rfcText(r: RfcGen, lastMeeting: number): string {
  const updated = r.decidedOn ?? r.withdrawnOn ?? Math.min(r.fcpSince ?? r.discussionSince, lastMeeting);
  const out = [
    '---',
    `rfc: ${r.number}`,
    `title: ${JSON.stringify(r.title)}`,
    `authors: [${r.authors.map((a) => JSON.stringify(a)).join(', ')}]`,
    `status: ${r.status}`,
    `created: ${d(r.created)}`,
    `updated: ${d(Math.max(updated, r.created))}`,
    `pr: ${r.pr}`,
    `discussion_since: ${d(r.discussionSince)}`,
  ];
  if (r.fcpSince !== undefined) out.push(`fcp_since: ${d(r.fcpSince)}`);
  if (r.decision !== undefined) out.push(`decision: ${r.decision}`);
  if (r.boardInput === 'needed' && r.decidedOn !== undefined)
    out.push(`board_input: { required: true, topics: [partnership], received: ${d(r.decidedOn - 6)} }`);
  else if (r.boardInput === 'needed') out.push('board_input: { required: true, topics: [partnership], received: null }');
  else if (r.boardInput === 'not-needed') out.push('board_input: { required: false, topics: [], received: null }');
  if (r.supersedes.length > 0) out.push(`supersedes: [${r.supersedes.join(', ')}]`);
  if (r.supersededBy !== undefined) out.push(`superseded_by: ${r.supersededBy}`);
  out.push(
    '---',
    `# RFC: ${r.title}`,
    '',
    '## Summary',
    '',
    `This RFC proposes to ${r.title.charAt(0).toLowerCase()}${r.title.slice(1)}.`,
    '',
    '## Motivation',
    '',
    'Users have asked for it on the forum and in the chat; the SIG that owns the area supports it.',
    '',
    '## Design',
    '',
    '- Build the packages in the existing pipeline.',
    '- Document the change in the release notes.',
    '- Review after one release.',
    '',
  );
  return out.join('\n');
}

function draftText(title: string, created: number): string {
  return [
    '---',
    'rfc: 0',
    `title: ${title}`,
    'authors: ["A Contributor <contributor@example.org>"]',
    'status: draft',
    `created: ${d(created)}`,
    '---',
    `# RFC: ${title}`,
    '',
    'Not yet numbered.',
    '',
  ].join('\n');
}
