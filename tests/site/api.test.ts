// api/v1: every document validates against its schema in schemas/api/ (and
// a broken one does not), exact values for a known committee, the same
// bytes on every build, and unknowns as null rather than guesses.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { API_FILES, apiDocuments, renderApi, type ApiName } from '../../scripts/site/api.ts';
import { budgetVote, charterWith, REPO_URL, repoWith, SCHEDULE, SHA, siteInput } from './data-fixture.ts';

const addFormats = addFormatsModule.default;
const SCHEMAS = new URL('../../schemas/api/', import.meta.url);

// Compiled as the checker compiles the record schemas (scripts/core/validate.ts): strict, with formats.
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const schemaOf = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`${name}.schema.json`, SCHEMAS), 'utf8')) as Record<string, unknown>;
const validators = new Map<string, ValidateFunction>(API_FILES.map((name) => [name, ajv.compile(schemaOf(name))]));
const validate = (name: ApiName, doc: unknown): string[] => {
  const fn = validators.get(name)!;
  return fn(doc) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
};

/** A committee with a vote whose recorded result the ballots contradict, a meeting below quorum and an accepted RFC. */
const FILES = repoWith({
  ...budgetVote(),
  'governance/votes/2024-02-07-snacks.yaml': [
    'id: 2024-02-07-snacks',
    'date: 2024-02-07',
    'meeting: 2024-02-07',
    'kind: decision',
    'motion: Buy snacks',
    'ballots: { ann: yes, eve: yes, cat: no, bob: no }',
    'result: passed',
    'source: https://example.org/minutes/2024-02-07',
    '',
  ].join('\n'),
  'governance/meetings/2024-02-14.yaml': 'date: 2024-02-14\nkind: special\npresent: [ann, bob]\nminutes: "javascript:alert(1)"\n',
  'governance/votes/2024-02-07-rfc-2.yaml': [
    'id: 2024-02-07-rfc-2',
    'date: 2024-02-07',
    'meeting: 2024-02-07',
    'kind: rfc',
    'rfc: 2',
    'motion: Accept RFC 2',
    'ballots: { ann: yes, bob: yes, cat: yes, dan: yes }',
    'result: passed',
    '',
  ].join('\n'),
  'rfcs/0002-accepted.md': [
    '---',
    'rfc: 2',
    'title: "A <b>bold</b> proposal"',
    'authors: [Bob]',
    'status: accepted',
    'created: 2024-01-15',
    'updated: 2024-02-07',
    'discussion_since: 2024-01-16',
    'fcp_since: 2024-01-20',
    'decision: 2024-02-07-rfc-2',
    'pr: 12',
    '---',
    'Body.',
    '',
  ].join('\n'),
});
const INPUT = siteInput(FILES, { repoUrl: REPO_URL, commit: SHA });
const FILES_OUT = renderApi(INPUT);
const doc = <T = Record<string, unknown>>(name: ApiName): T => JSON.parse(FILES_OUT.get(`api/v1/${name}.json`)!) as T;
type Rows = Record<string, unknown>[];
const byId = (rows: Rows, id: string): Record<string, unknown> => rows.find((r) => r.id === id)!;

describe('api/v1 files', () => {
  it('writes the six documents, 2-space JSON with a final newline, each with api and generated first', () => {
    expect([...FILES_OUT.keys()]).toEqual(API_FILES.map((n) => `api/v1/${n}.json`));
    for (const text of FILES_OUT.values()) {
      expect(text.endsWith('}\n')).toBe(true);
      expect(text.startsWith(`{\n  "api": "v1",\n  "generated": "2024-02-20",\n  "repository": "${REPO_URL}",\n  "commit": "${SHA}",\n`)).toBe(true);
    }
  });

  it('the same records give the same bytes', () => {
    const again = renderApi(siteInput(FILES, { repoUrl: REPO_URL, commit: SHA }));
    expect([...again.entries()]).toEqual([...FILES_OUT.entries()]);
  });

  it.each(API_FILES)('%s.json validates against schemas/api/%s.schema.json', (name) => {
    expect(validate(name, doc(name))).toEqual([]);
  });

  it('every schema file in schemas/api/ is one of the documents, with the $id and dialect of the record schemas', () => {
    expect(readdirSync(SCHEMAS).sort()).toEqual(API_FILES.map((n) => `${n}.schema.json`).sort());
    for (const name of API_FILES) {
      const s = schemaOf(name);
      expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(s.$id).toBe(`https://alesco-governance.invalid/schemas/api/${name}.schema.json`);
    }
  });

  it('every field of every schema is described (the schemas are the API reference)', () => {
    const missing: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (node === null || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      const props = n.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [key, value] of Object.entries(props ?? {})) {
        if (typeof value.description !== 'string' || value.description === '') missing.push(`${at}.${key}`);
        walk(value, `${at}.${key}`);
      }
      walk(n.items, `${at}[]`);
      for (const [key, value] of Object.entries((n.$defs as Record<string, unknown> | undefined) ?? {})) walk(value, `${at}#${key}`);
    };
    for (const name of API_FILES) walk(schemaOf(name), name);
    expect(missing).toEqual([]);
  });

  // Each broken document must fail, or the validation above proves nothing.
  it.each<[ApiName, string, (d: Record<string, any>) => void]>([
    ['committee', 'a required field missing', (d) => delete d.quorum],
    ['committee', 'an unknown field', (d) => (d.extra = 1)],
    ['committee', 'another API version', (d) => (d.api = 'v2')],
    ['committee', 'a date that is not a date', (d) => (d.generated = '2024-02-30')],
    ['members', 'serving as text', (d) => (d.members[0].serving = 'yes')],
    ['meetings', 'absent as one name', (d) => (d.meetings[0].absent = 'eve')],
    ['meetings', 'a minutes link that is not http(s)', (d) => (d.meetings[0].minutes = 'javascript:alert(1)')],
    ['votes', 'a ballot without its voter', (d) => delete d.votes[0].ballots[0].voter],
    ['votes', 'agrees as text', (d) => (d.votes[0].result.agrees = 'no')],
    ['rfcs', 'an unknown stage', (d) => (d.rfcs[0].stage = 'voting')],
    ['findings', 'an unknown severity', (d) => (d.findings[0].severity = 'info')],
    ['findings', 'line 0', (d) => (d.findings[0].line = 0)],
  ])('%s.json with %s fails its schema', (name, _what, mutate) => {
    const d = doc(name);
    mutate(d);
    expect(validate(name, d)).not.toEqual([]);
  });
});

describe('api/v1 content', () => {
  it('committee.json: today, the quorum with its formula, the chair, the next check-in, open RFCs, counts', () => {
    const counts = { errors: INPUT.findings.filter((f) => f.severity === 'error').length, warnings: INPUT.findings.filter((f) => f.severity === 'warning').length };
    expect(counts.errors).toBeGreaterThan(0);
    expect(doc('committee')).toEqual({
      api: 'v1',
      generated: '2024-02-20',
      repository: REPO_URL,
      commit: SHA,
      name: 'Test Committee',
      today: '2024-02-20',
      recordsSince: '2024-01-01',
      members: ['ann', 'bob', 'cat', 'dan', 'eve'],
      quorum: { needed: 4, serving: 5, formula: '50% + 1, minimum 4', fraction: 0.5, plus: 1, minimum: 4 },
      chair: { member: 'ann', name: 'Ann Example', from: '2024-02-07', termEnd: '2024-08-07', electedBy: '2024-02-07-chair-election' },
      nextCheckIn: { name: 'semi-annual check-in', date: '2024-08-07' },
      schedule: null,
      openRfcs: { draft: [], discussion: [1], fcp: [] },
      findings: { ...counts, filesChecked: INPUT.summary.files },
    });
  });

  it('committee.json: the schedule and the next meeting it gives; no check-in when the charter has none', () => {
    const input = siteInput(
      repoWith({
        ...charterWith(SCHEDULE),
        'governance/charter.yaml': charterWith(SCHEDULE)['governance/charter.yaml']!.replace('max_consecutive_terms: 2 }', 'max_consecutive_terms: 2, check_in: false }'),
      }),
    );
    const c = apiDocuments(input).committee as Record<string, unknown>;
    expect(c.schedule).toEqual({
      everyWeeks: 2,
      weekday: 'wednesday',
      time: '15:00',
      timeZone: 'UTC',
      durationMinutes: 60,
      start: '2024-02-07',
      next: { date: '2024-02-21', start: '2024-02-21T15:00:00Z' },
    });
    expect(c.nextCheckIn).toBeNull();
    expect(validate('committee', c)).toEqual([]);
  });

  it('meetings.json: absent members by id, quorum with its numbers, votes taken, a below-quorum meeting marked', () => {
    const meetings = doc<{ meetings: Rows }>('meetings').meetings;
    expect(meetings.map((m) => m.id)).toEqual(['2024-02-07', '2024-02-14']);
    expect(byId(meetings, '2024-02-07')).toMatchObject({
      chairInOffice: 'ann',
      present: ['ann', 'bob', 'cat', 'dan'],
      absent: ['eve'],
      board: [],
      guests: ['A Visitor'],
      quorum: { serving: 5, needed: 4, present: 4, met: true },
      votes: ['2024-02-07-budget', '2024-02-07-chair-election', '2024-02-07-rfc-2', '2024-02-07-snacks'],
      fileUrl: `${REPO_URL}/blob/${SHA}/governance/meetings/2024-02-07.yaml`,
    });
    expect(byId(meetings, '2024-02-14')).toMatchObject({
      kind: 'special',
      absent: ['cat', 'dan', 'eve'],
      board: null,
      quorum: { serving: 5, needed: 4, present: 2, met: false },
      votes: [],
      // A link that is not http(s) is left out, never passed on.
      minutes: null,
    });
  });

  it('votes.json: ballots with whether each counts, the tally, the result recorded and computed', () => {
    const votes = doc<{ votes: Rows }>('votes').votes;
    expect(byId(votes, '2024-02-07-snacks')).toMatchObject({
      venue: 'meeting',
      meeting: '2024-02-07',
      ballots: [
        { voter: 'ann', ballot: 'yes', counted: true, notCounted: null },
        { voter: 'eve', ballot: 'yes', counted: false, notCounted: 'not-present' },
        { voter: 'cat', ballot: 'no', counted: true, notCounted: null },
        { voter: 'bob', ballot: 'no', counted: true, notCounted: null },
      ],
      tally: { yes: 1, no: 2, abstain: 0 },
      tallyRecorded: null,
      result: { recorded: 'passed', computed: 'not-passed', agrees: false },
      quorum: { members: 5, needed: 4, attendance: 4, met: true },
      source: 'https://example.org/minutes/2024-02-07',
      nullified: false,
    });
    expect(byId(votes, '2024-02-07-budget')).toMatchObject({
      tally: { yes: 2, no: 1, abstain: 1 },
      result: { recorded: 'passed', computed: 'passed', agrees: true },
    });
    expect(byId(votes, '2024-02-07-chair-election')).toMatchObject({
      candidates: [{ member: 'ann', nominatedBy: 'bob', accepted: true }],
      election: { votes: [{ candidate: 'ann', votes: 3 }], cast: 3 },
      result: { recorded: 'elected:ann', computed: 'elected:ann', agrees: true },
    });
  });

  it('rfcs.json: open ones with their stage, decided ones with outcome, decision vote, dates and pull request', () => {
    const rfcs = doc<{ rfcs: Rows }>('rfcs').rfcs;
    expect(rfcs.map((r) => [r.number, r.stage, r.outcome])).toEqual([
      [1, 'discussion', null],
      [2, null, 'accepted'],
    ]);
    expect(rfcs[1]).toEqual({
      number: 2,
      title: 'A <b>bold</b> proposal',
      status: 'accepted',
      stage: null,
      authors: ['Bob'],
      created: '2024-01-15',
      updated: '2024-02-07',
      discussionSince: '2024-01-16',
      fcpSince: '2024-01-20',
      decidedOn: '2024-02-07',
      decision: '2024-02-07-rfc-2',
      decisionVote: { id: '2024-02-07-rfc-2', date: '2024-02-07', result: 'passed', computed: 'passed' },
      outcome: 'accepted',
      supersedes: [],
      supersededBy: null,
      boardInput: null,
      pr: 12,
      pullRequest: `${REPO_URL}/pull/12`,
      file: 'rfcs/0002-accepted.md',
      fileUrl: `${REPO_URL}/blob/${SHA}/rfcs/0002-accepted.md`,
    });
  });

  it('findings.json: every finding, sorted, each linked to its line at the commit', () => {
    const f = doc<{ errors: number; warnings: number; findings: Rows }>('findings');
    expect(f.findings.length).toBe(INPUT.findings.length);
    expect(f.errors).toBe(INPUT.findings.filter((x) => x.severity === 'error').length);
    const result = f.findings.find((x) => x.rule === 'vote-result')!;
    expect(result).toMatchObject({ severity: 'error', file: 'governance/votes/2024-02-07-snacks.yaml' });
    expect(result.url).toBe(`${REPO_URL}/blob/${SHA}/governance/votes/2024-02-07-snacks.yaml#L${String(result.line)}`);
    const keys = f.findings.map((x) => `${String(x.file)}\u0000${String(x.line).padStart(6, '0')}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('without --repo-url and --commit, no links: repository, commit, file URLs and pull requests are null', () => {
    const docs = apiDocuments(siteInput(FILES));
    const finding = (docs.findings as { findings: Rows }).findings[0]!;
    expect(finding.url).toBeNull();
    expect((docs.rfcs as { rfcs: Rows }).rfcs[1]).toMatchObject({ pr: 12, pullRequest: null, fileUrl: null });
    expect(docs.committee).toMatchObject({ repository: null, commit: null });
    // With the repository but no commit, still no file link: it would point at a moving branch.
    const noCommit = apiDocuments(siteInput(FILES, { repoUrl: REPO_URL }));
    expect((noCommit.rfcs as { rfcs: Rows }).rfcs[1]).toMatchObject({ pullRequest: `${REPO_URL}/pull/12`, fileUrl: null });
  });

  it('unknowns are null, and the documents still validate: no charter, attendance not recorded, a member leaving', () => {
    const input = siteInput(
      repoWith({
        'governance/charter.yaml': null,
        'governance/meetings/2024-02-14.yaml': 'date: 2024-02-14\nkind: regular\n',
        'governance/members/eve.yaml': 'id: eve\nname: Eve Example\nservice:\n  - { from: 2024-01-10, to: 2024-02-10, appointed_by: board, left: resigned }\n',
      }),
    );
    const docs = apiDocuments(input);
    for (const name of API_FILES) expect(validate(name, JSON.parse(JSON.stringify(docs[name])))).toEqual([]);
    expect(docs.committee).toMatchObject({ name: null, quorum: null, nextCheckIn: null, schedule: null, members: ['ann', 'bob', 'cat', 'dan'] });
    const meeting = byId((docs.meetings as { meetings: Rows }).meetings, '2024-02-14');
    expect(meeting).toMatchObject({ present: null, absent: null, quorum: null });
    const eve = byId((docs.members as { members: Rows }).members, 'eve');
    expect(eve).toMatchObject({
      serving: false,
      servingSince: null,
      service: [{ from: '2024-01-10', to: '2024-02-10', appointedBy: 'board', left: 'resigned' }],
      disclosure: null,
      github: null,
    });
  });

  it('text a person wrote comes back exactly as written, whatever it holds', () => {
    const motion = 'Close </script><script>alert(1)</script> & "quote" \u0001\u2028 ]]> é 🎉';
    const votes = apiDocuments(siteInput(repoWith(budgetVote(motion)))).votes as { votes: Rows };
    const text = renderApi(siteInput(repoWith(budgetVote(motion)))).get('api/v1/votes.json')!;
    expect(byId(votes.votes, '2024-02-07-budget').motion).toBe(motion);
    expect((JSON.parse(text) as { votes: Rows }).votes.find((v) => v.id === '2024-02-07-budget')!.motion).toBe(motion);
    expect(text).toContain('\\u0001');
  });
});
