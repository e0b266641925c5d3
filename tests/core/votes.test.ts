// The vote arithmetic every vote rule shares (scripts/core/votes.ts): the
// catalogue's "Result computation" and quorum(n) = 50% of members + 1, never
// fewer than the minimum.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quorumFor, quorumFormula } from '../../scripts/core/committee.ts';
import type { Ballot, Charter, Member, Model, Vote } from '../../scripts/core/model.ts';
import { analyzeVote, computeElection, computeResult, outcomeDisputed } from '../../scripts/core/votes.ts';

const D = '2024-02-14';

function charter(over: { tieBreak?: 'chair' | 'none'; majorityOf?: 'members' | 'votes-cast' } = {}): Charter {
  return {
    file: 'governance/charter.yaml',
    path: [],
    committee: 'Test',
    boardAppointment: '2024-01-10',
    recordsSince: '2024-01-01',
    quorum: { fraction: 0.5, plus: 1, minimum: 4 },
    majority: 'more-than-half-of-votes-cast',
    tieBreak: over.tieBreak ?? 'chair',
    chair: { termMonths: 6, maxConsecutiveTerms: 2, checkIn: true },
    meetings: { minPerCalendarMonth: 1 },
    membership: { reviewBusinessDays: 5, selfNomination: false, majorityOf: over.majorityOf ?? 'members' },
    disclosure: { maxAgeMonths: 6 },
    rfc: { boardInputTopics: [] },
    attestation: 'reported',
  };
}

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `m${i}`);

function member(id: string): Member {
  const file = `governance/members/${id}.yaml`;
  return {
    file,
    path: [],
    id,
    serviceKnown: true,
    service: [{ file, path: ['service', 0], index: 0, from: '2024-01-10', appointedBy: 'board' }],
    disclosuresKnown: true,
    disclosures: [],
    continuationKnown: true,
    continuation: [],
  };
}

interface VoteSpec {
  kind: string;
  ballots: [string, string][];
  candidates?: string[];
  tieBreak?: string;
  result?: string;
}

/** A committee of `n` serving members, all present at one meeting on D, and one vote there. */
function modelWith(n: number, spec: VoteSpec, c: Charter = charter()): { model: Model; vote: Vote } {
  const file = `governance/votes/${D}-x.yaml`;
  const ballots: Ballot[] = spec.ballots.map(([voter, value]) => ({ voter, value, path: ['ballots', voter] }));
  const vote: Vote = {
    file,
    path: [],
    id: `${D}-x`,
    raw: {},
    isKnown: () => true,
    date: D,
    kind: spec.kind,
    meeting: D,
    venueKnown: true,
    candidates: (spec.candidates ?? []).map((m, i) => ({ member: m, nominatedBy: 'm0', accepted: true, path: ['candidates', i] })),
    candidatesKnown: true,
    nominationKnown: true,
    questionnaireKnown: true,
    ballots,
    ballotsKnown: true,
    tallyKnown: true,
    recused: [],
    recusedKnown: true,
    ...(spec.tieBreak !== undefined ? { tieBreak: { by: 'm0', vote: spec.tieBreak } } : {}),
    tieBreakKnown: true,
    ...(spec.result !== undefined ? { result: spec.result } : {}),
    corrections: [],
  };
  const model: Model = {
    today: '2024-03-01',
    charter: c,
    recordsSince: c.recordsSince,
    members: new Map(ids(n).map((id) => [id, member(id)])),
    chairTermsFile: 'governance/chair-terms.yaml',
    chairTerms: [],
    meetings: new Map([
      [D, { file: `governance/meetings/${D}.yaml`, path: [], id: D, raw: {}, isKnown: () => true, date: D, present: ids(n), presentKnown: true, boardKnown: true, guests: [], agendaRfcs: [], corrections: [] }],
    ]),
    votes: new Map([[vote.id, vote]]),
    rfcs: [],
    sigs: new Map(),
    skipped: { members: new Set(), meetings: new Set(), votes: new Set(), sigs: new Set(), rfcs: new Set(), chairTerms: false },
    codeowners: { githubDir: false },
    loadFindings: [],
    meetingIdsWithUnknownDate: [],
  };
  return { model, vote };
}

const computed = (n: number, spec: VoteSpec, c?: Charter): string | undefined => {
  const { model, vote } = modelWith(n, spec, c);
  return analyzeVote(model, vote).computedResult;
};

const MOTION_KINDS = ['decision', 'policy', 'rfc', 'membership'] as const;
const CANDIDATES = ['m0', 'm1', 'm2'];

/** A committee size, and a ballot from each of some of its members. */
const motionCase = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    kind: fc.constantFrom(...MOTION_KINDS),
    values: fc.array(fc.constantFrom('yes', 'no', 'abstain'), { maxLength: n }),
    tieBreak: fc.option(fc.constantFrom('yes', 'no'), { nil: undefined }),
    charter: fc.record({ tieBreak: fc.constantFrom('chair' as const, 'none' as const), majorityOf: fc.constantFrom('members' as const, 'votes-cast' as const) }),
    result: fc.constantFrom('passed', 'not-passed'),
  }),
);
const electionCase = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    // m3 is a member but not a candidate: a vote cast that elects nobody.
    values: fc.array(fc.constantFrom('m0', 'm1', 'm2', 'm3', 'abstain'), { maxLength: n }),
  }),
);
const withVoters = (values: string[]): [string, string][] => values.map((v, i) => [`m${i}`, v]);
const shuffled = <T>(items: T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });

describe('the computed result never depends on ballot order', () => {
  it('motions (every kind, with or without a tie-break, either charter setting)', () => {
    fc.assert(
      fc.property(
        motionCase.chain((c) => shuffled(withVoters(c.values)).map((order) => ({ ...c, order }))),
        ({ n, kind, values, tieBreak, charter: over, result, order }) => {
          const c = charter(over);
          const spec = (ballots: [string, string][]): VoteSpec => ({ kind, result, ...(tieBreak ? { tieBreak } : {}), ballots });
          expect(computed(n, spec(order), c)).toBe(computed(n, spec(withVoters(values)), c));
        },
      ),
    );
  });

  it('chair elections', () => {
    fc.assert(
      fc.property(
        electionCase.chain((c) => shuffled(withVoters(c.values)).map((order) => ({ ...c, order }))),
        ({ n, values, order }) => {
          const spec = { kind: 'chair-election', candidates: CANDIDATES };
          expect(computed(Math.max(n, 4), { ...spec, ballots: order })).toBe(computed(Math.max(n, 4), { ...spec, ballots: withVoters(values) }));
        },
      ),
    );
  });
});

describe('adding an abstention never changes a result', () => {
  it('motions: a present member who had not voted abstains', () => {
    fc.assert(
      fc.property(motionCase, ({ n, kind, values, tieBreak, charter: over, result }) => {
        fc.pre(values.length < n);
        const c = charter(over);
        const base: VoteSpec = { kind, result, ...(tieBreak ? { tieBreak } : {}), ballots: withVoters(values) };
        const more: VoteSpec = { ...base, ballots: [...base.ballots, [`m${values.length}`, 'abstain']] };
        expect(computed(n, more, c)).toBe(computed(n, base, c));
      }),
    );
  });

  it('chair elections: an abstention is not a vote cast', () => {
    fc.assert(
      fc.property(electionCase, ({ n, values }) => {
        const size = Math.max(n, 4) + 1;
        const base: VoteSpec = { kind: 'chair-election', candidates: CANDIDATES, ballots: withVoters(values) };
        const more: VoteSpec = { ...base, ballots: [...base.ballots, [`m${size - 1}`, 'abstain']] };
        expect(computed(size, more)).toBe(computed(size, base));
      }),
    );
  });
});

describe('zero votes cast', () => {
  it('is not-passed for every motion kind, committee size and charter setting (not a tie)', () => {
    fc.assert(
      fc.property(motionCase, ({ n, kind, values, charter: over }) => {
        const abstaining = withVoters(values.map(() => 'abstain'));
        expect(computed(n, { kind, ballots: abstaining }, charter(over))).toBe('not-passed');
        expect(computeResult({ kind, tally: { yes: 0, no: 0, abstain: values.length }, n, charter: charter(over) })).toBe('not-passed');
      }),
    );
  });

  it('is no-majority in a chair election', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), (k) => {
        expect(computed(Math.max(k, 4), { kind: 'chair-election', candidates: CANDIDATES, ballots: withVoters(Array(k).fill('abstain')) })).toBe('no-majority');
        expect(computeElection(Array(k).fill('abstain')).result).toBe('no-majority');
      }),
    );
  });

  it('a tie-break on zero votes cast gives no computed result (vote-tie-break alone)', () => {
    expect(computed(5, { kind: 'decision', tieBreak: 'yes', result: 'passed', ballots: withVoters(['abstain', 'abstain']) }, charter())).toBeUndefined();
  });
});

describe('result computation, by example', () => {
  it.each<[string, VoteSpec, number, Charter, string | undefined]>([
    ['more yes than no passes', { kind: 'decision', ballots: withVoters(['yes', 'yes', 'no', 'abstain']) }, 5, charter(), 'passed'],
    ['a tie without a tie-break is not passed', { kind: 'decision', ballots: withVoters(['yes', 'no']) }, 5, charter(), 'not-passed'],
    ['a tie broken yes passes', { kind: 'rfc', tieBreak: 'yes', ballots: withVoters(['yes', 'no']) }, 5, charter(), 'passed'],
    ['a tie-break where there is no tie: unjudged', { kind: 'rfc', tieBreak: 'yes', ballots: withVoters(['yes', 'no', 'no']) }, 5, charter(), undefined],
    ['tie_break: none ignores a recorded tie-break: unjudged', { kind: 'rfc', tieBreak: 'yes', ballots: withVoters(['yes', 'no']) }, 5, charter({ tieBreak: 'none' }), undefined],
    [
      'a tie declared passed without a tie-break: unjudged (vote-tie-break alone)',
      { kind: 'policy', result: 'passed', ballots: withVoters(['yes', 'no']) },
      5,
      charter(),
      undefined,
    ],
    ['membership, majority_of members: 3 yes of 5', { kind: 'membership', ballots: withVoters(['yes', 'yes', 'yes', 'no', 'no']) }, 5, charter(), 'passed'],
    ['membership, majority_of members: 2 yes, 0 no of 5', { kind: 'membership', ballots: withVoters(['yes', 'yes', 'abstain']) }, 5, charter(), 'not-passed'],
    ['membership, majority_of members: 3 yes of 6 is not more than half', { kind: 'membership', ballots: withVoters(['yes', 'yes', 'yes']) }, 6, charter(), 'not-passed'],
    [
      'membership, majority_of votes-cast: 2 yes, 0 no',
      { kind: 'membership', ballots: withVoters(['yes', 'yes', 'abstain']) },
      5,
      charter({ majorityOf: 'votes-cast' }),
      'passed',
    ],
    ['membership, majority_of members: a tie-break does not apply', { kind: 'membership', tieBreak: 'yes', ballots: withVoters(['yes', 'no']) }, 5, charter(), undefined],
    ['chair election: 3 of 5 votes cast', { kind: 'chair-election', candidates: CANDIDATES, ballots: withVoters(['m0', 'm0', 'm0', 'm1', 'm2']) }, 5, charter(), 'elected:m0'],
    ['chair election: a plurality of 2 of 4', { kind: 'chair-election', candidates: CANDIDATES, ballots: withVoters(['m0', 'm0', 'm1', 'm2']) }, 5, charter(), 'no-majority'],
    ['chair election: a non-candidate with a majority is not elected', { kind: 'chair-election', candidates: CANDIDATES, ballots: withVoters(['m3', 'm3', 'm3', 'm0']) }, 5, charter(), 'no-majority'],
  ])('%s', (_name, spec, n, c, expected) => {
    expect(computed(n, spec, c)).toBe(expected);
  });

  it('outcomeDisputed: a result the ballots contradict, or a vote without quorum', () => {
    const contradicted = modelWith(5, { kind: 'decision', result: 'passed', ballots: withVoters(['no', 'no', 'yes']) });
    expect(outcomeDisputed(contradicted.model, contradicted.vote)).toBe(true);
    const agreed = modelWith(5, { kind: 'decision', result: 'not-passed', ballots: withVoters(['no', 'no', 'yes']) });
    expect(outcomeDisputed(agreed.model, agreed.vote)).toBe(false);
    const inquorate = modelWith(5, { kind: 'decision', result: 'not-passed', ballots: withVoters(['no', 'no', 'yes']) });
    const mt = inquorate.model.meetings.get(D)!;
    mt.present = ['m0', 'm1', 'm2'];
    expect(outcomeDisputed(inquorate.model, inquorate.vote)).toBe(true);
  });
});

describe('quorumFor: 50% of members + 1, never fewer than 4', () => {
  it.each([
    [7, 5],
    [6, 4],
    [5, 4],
    [3, 4],
    [8, 5],
    [0, 4],
    [1, 4],
    [4, 4],
    [9, 6],
    [60, 31],
  ])('%i members need %i', (n, needed) => {
    expect(quorumFor(charter(), n)).toBe(needed);
  });

  it('is the least whole number >= n / 2 + 1, and at least the minimum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        const q = quorumFor(charter(), n);
        expect(q).toBeGreaterThanOrEqual(4);
        expect(2 * q).toBeGreaterThanOrEqual(n + 2);
        if (q > 4) expect(2 * (q - 1)).toBeLessThan(n + 2);
      }),
    );
  });
});

describe('quorumFor with fractions that are not exact in binary', () => {
  const q = (fraction: number, plus: number, minimum: number, n: number): number =>
    quorumFor({ quorum: { fraction, plus, minimum } }, n);
  it.each([
    // [fraction, plus, minimum, n, needed]
    [0.6666666666666666, 0, 5, 9, 6],
    [0.6666666666666666, 0, 1, 6, 4],
    [2 / 3, 0, 1, 6, 4],
    [0.666666, 0, 1, 6, 4], // 3.999996 -> 4
    [0.666666, 0, 1, 9, 6], // 5.999994 -> 6
    [0.6667, 0, 1, 9, 7], // 6.0003 -> 7: what 0.6667 says
    [0.1 + 0.2, 0, 1, 10, 3], // 0.30000000000000004 is 3/10: 10 members need 3
    [0.5, 1, 4, 7, 5],
    [0.5, 1, 4, 6, 4],
    [0.75, 0, 1, 4, 3],
    [1, 0, 1, 9, 9],
  ])('fraction %d + %d (minimum %d) of %d members needs %d', (fraction, plus, minimum, n, needed) => {
    expect(q(fraction, plus, minimum, n)).toBe(needed);
  });
});

describe('quorumFormula', () => {
  it.each([
    [0.5, 1, 4, '50% + 1, minimum 4'],
    [0.6666666666666666, 0, 5, '2/3, minimum 5'],
    [0.75, 0, 3, '75%, minimum 3'],
    [0.3, 2, 4, '30% + 2, minimum 4'],
  ])('%d + %d, minimum %d is written "%s"', (fraction, plus, minimum, text) => {
    expect(quorumFormula({ quorum: { fraction, plus, minimum } })).toBe(text);
  });
});
