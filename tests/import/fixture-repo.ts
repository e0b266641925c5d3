// An empty repository of the fixture committee: a charter and five members,
// nothing else. The import tests move the fixture wiki and RFCs into it.
import { fileURLToPath } from 'node:url';
import { writeRepo } from '../helpers.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
export const WIKI_MINUTES = `${FIXTURES}wiki/minutes`;
export const RFC_DIR = `${FIXTURES}rfcs`;
export const MINUTES_URL = 'https://wiki.example.org/minutes/{date}.html';
export const RFC_URL = 'https://git.example.org/rfcs/blob/main/{file}';
/** After the last fixture meeting (July 2024), so no month is missing. */
export const E2E_TODAY = '2024-08-15';

export const MEMBERS: readonly [string, string][] = [
  ['ann-example', 'Ann Example'],
  ['bob-example', 'Bob Example'],
  ['cat-sample', 'Cat Sample'],
  ['dan-sample', 'Dan Sample'],
  ['eve-example', 'Eve Example'],
];

export function emptyRepoFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'governance/charter.yaml': [
      'committee: Example Committee',
      'board_appointment: 2024-01-10',
      'records_since: 2025-01-01',
      'quorum: { fraction: 0.5, plus: 1, minimum: 4 }',
      'majority: more-than-half-of-votes-cast',
      'tie_break: chair',
      'chair: { term_months: 6, max_consecutive_terms: 2 }',
      'meetings: { min_per_calendar_month: 1 }',
      'membership: { review_business_days: 5, self_nomination: false, majority_of: members }',
      'disclosure: { max_age_months: 6 }',
      '',
    ].join('\n'),
  };
  for (const [id, name] of MEMBERS) {
    files[`governance/members/${id}.yaml`] = [
      `id: ${id}`,
      `name: ${name}`,
      'disclosures:',
      '  - { date: 2024-06-01, employer: Example Corp, conflicts: [] }',
      'service:',
      '  - { from: 2024-01-10, appointed_by: board }',
      '',
    ].join('\n');
  }
  return files;
}

export function emptyRepo(): string {
  return writeRepo(emptyRepoFiles());
}
