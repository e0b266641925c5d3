// Fixture repositories for the tests: a small, valid committee that each
// test changes in one place.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkFiles, type CheckResult } from '../scripts/core/check.ts';
import { runRules } from '../scripts/core/engine.ts';
import { loadRepository } from '../scripts/core/load.ts';
import type { Model } from '../scripts/core/model.ts';
import type { Finding, Rule } from '../scripts/core/types.ts';
import { loadSchemas } from '../scripts/shell/fs-repo.ts';

export type Files = Record<string, string | Uint8Array | null>;

export const FIXTURE_TODAY = '2024-02-20';

/** A valid committee of five, one meeting, one chair election (each member answered the check-in), one RFC. */
export function baseRepo(): Record<string, string> {
  const member = (id: string, name: string): string =>
    [
      `id: ${id}`,
      `name: ${name}`,
      `github: ${id}-gh`,
      'disclosures:',
      '  - date: 2024-01-10',
      '    employer: Example Corp',
      '    conflicts: []',
      'service:',
      '  - from: 2024-01-10',
      '    appointed_by: board',
      'continuation:',
      '  - date: 2024-02-07',
      '    continues: true',
      '',
    ].join('\n');
  return {
    'governance/charter.yaml': [
      'committee: Test Committee',
      'board_appointment: 2024-01-10',
      'records_since: 2024-01-01',
      'quorum: { fraction: 0.5, plus: 1, minimum: 4 }',
      'majority: more-than-half-of-votes-cast',
      'tie_break: chair',
      'chair: { term_months: 6, max_consecutive_terms: 2 }',
      'meetings: { min_per_calendar_month: 1 }',
      'membership: { review_business_days: 5, self_nomination: false, majority_of: members }',
      'disclosure: { max_age_months: 6 }',
      'rfc: { board_input_topics: [trademark, resources, partnership] }',
      '',
    ].join('\n'),
    'governance/members/ann.yaml': member('ann', 'Ann Example'),
    'governance/members/bob.yaml': member('bob', 'Bob Example'),
    'governance/members/cat.yaml': member('cat', 'Cat Example'),
    'governance/members/dan.yaml': member('dan', 'Dan Example'),
    'governance/members/eve.yaml': member('eve', 'Eve Example'),
    'governance/chair-terms.yaml': [
      'terms:',
      '  - member: ann',
      '    from: 2024-02-07',
      '    elected_by: 2024-02-07-chair-election',
      '',
    ].join('\n'),
    'governance/meetings/2024-02-07.yaml': [
      'date: 2024-02-07',
      'kind: regular',
      'present: [ann, bob, cat, dan]',
      'board: []',
      'guests: ["A Visitor"]',
      '',
    ].join('\n'),
    'governance/votes/2024-02-07-chair-election.yaml': [
      'id: 2024-02-07-chair-election',
      'date: 2024-02-07',
      'meeting: 2024-02-07',
      'kind: chair-election',
      'motion: Elect the chair for the next six months',
      'candidates:',
      '  - { member: ann, nominated_by: bob, accepted: true }',
      'ballots:',
      '  ann: ann',
      '  bob: ann',
      '  cat: ann',
      '  dan: abstain',
      'result: elected:ann',
      '',
    ].join('\n'),
    'rfcs/0001-example.md': [
      '---',
      'rfc: 1',
      'title: An example proposal',
      'authors: ["Ann Example <ann@example.org>"]',
      'status: discussion',
      'created: 2024-02-01',
      'discussion_since: 2024-02-02',
      '---',
      '# RFC: An example proposal',
      '',
      'Body text.',
      '',
    ].join('\n'),
  };
}

/** The base repository's charter with `records_since` moved to `date`. */
export function recordsSince(date: string): Files {
  return {
    'governance/charter.yaml': baseRepo()['governance/charter.yaml']!.replace('records_since: 2024-01-01', `records_since: ${date}`),
  };
}

/** A passed asynchronous vote of 2024-02-15 that can annul (`nullified_by`) an earlier one. */
export function annulment(motion: string): Files {
  return {
    'governance/votes/2024-02-15-annul.yaml': [
      'id: 2024-02-15-annul',
      'date: 2024-02-15',
      'async: { channel: "~alesco", closed: 2024-02-15 }',
      'kind: decision',
      `motion: ${motion}`,
      'ballots: { ann: yes, bob: yes, cat: yes, dan: yes }',
      'result: passed',
      '',
    ].join('\n'),
  };
}

/** The base repository with some files replaced (`null` deletes one). */
export function repoWith(changes: Files = {}): Files {
  const files: Files = { ...baseRepo() };
  for (const [path, content] of Object.entries(changes)) {
    if (content === null) delete files[path];
    else files[path] = content;
  }
  return files;
}

const encoder = new TextEncoder();

function toRepoFiles(files: Files): { path: string; bytes: Uint8Array }[] {
  return Object.entries(files)
    .filter((e): e is [string, string | Uint8Array] => e[1] !== null)
    .map(([path, content]) => ({ path, bytes: typeof content === 'string' ? encoder.encode(content) : content }));
}

/**
 * Run only the given rules (a rule's own tests): positions and the
 * records_since demotion are applied as in `check`. With `base` (its files,
 * or its model from loadModel) the files are judged as a pull request
 * against it.
 */
export function checkRules(files: Files, rules: readonly Rule<Model>[], today = FIXTURE_TODAY, base?: Files | Model): Finding[] {
  const loaded = loadRepository({ files: toRepoFiles(files), schemas: loadSchemas(), today });
  if (base) loaded.model.base = isModel(base) ? base : loadModel(base, today);
  return runRules(loaded, rules);
}

const isModel = (x: Files | Model): x is Model => x.members instanceof Map;

/** A repository's model, as `checkRules` loads a base: to judge many heads against one base, load it once. */
export function loadModel(files: Files, today = FIXTURE_TODAY): Model {
  return loadRepository({ files: toRepoFiles(files), schemas: loadSchemas(), today }).model;
}

export function runCheck(files: Files, today = FIXTURE_TODAY, githubDir = false, codeowners?: string): CheckResult {
  return checkFiles({
    files: toRepoFiles(files),
    schemas: loadSchemas(),
    today,
    codeowners: { githubDir, ...(codeowners !== undefined ? { text: codeowners } : {}) },
  });
}

/** Findings as compact strings: "rule file:line:col severity message". */
export function findingsOf(files: Files, today = FIXTURE_TODAY): Finding[] {
  return runCheck(files, today).findings;
}

export function brief(f: Finding): string {
  return `${f.rule} ${f.file}:${f.line}:${f.column} ${f.severity}`;
}

/** Write files to a new temporary directory; returns its path. */
export function writeRepo(files: Files): string {
  const dir = mkdtempSync(join(tmpdir(), 'gov-test-'));
  for (const [path, content] of Object.entries(files)) {
    if (content === null) continue;
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}
