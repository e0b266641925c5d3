// The site's input built in-process from a fixture repository, as the CLI
// builds it: the records loaded and checked once, the renderers called on
// the result. Shared by the tests of api/v1, meetings.ics and decisions.atom.
import type { SiteInput } from '../../scripts/site/input.ts';
import { baseRepo, FIXTURE_TODAY, repoWith, runCheck, type Files } from '../helpers.ts';

export const REPO_URL = 'https://github.com/example/governance';
export const SHA = '0123456789abcdef0123456789abcdef01234567';

export function siteInput(files: Files, options: Partial<Omit<SiteInput, 'model' | 'findings' | 'summary'>> = {}): SiteInput {
  const today = options.today ?? FIXTURE_TODAY;
  const { loaded, findings, summary } = runCheck(files, today);
  return { model: loaded.model, findings, summary, ...options, today };
}

/** The base charter with `meetings:` replaced (a schedule, for one). */
export function charterWith(meetings: string, committee?: string): Record<string, string> {
  let text = baseRepo()['governance/charter.yaml']!.replace('meetings: { min_per_calendar_month: 1 }', meetings);
  if (committee !== undefined) text = text.replace('committee: Test Committee', `committee: ${JSON.stringify(committee)}`);
  return { 'governance/charter.yaml': text };
}

/** Meets every other Wednesday at 15:00 UTC for an hour, from the base repository's meeting of 2024-02-07. */
export const SCHEDULE =
  'meetings:\n  min_per_calendar_month: 1\n  schedule:\n    every_weeks: 2\n    weekday: wednesday\n    time_utc: "15:00"\n    duration_minutes: 60\n    start: 2024-02-07\n';

/** A decision vote at the meeting of 2024-02-07: 2 yes, 1 no, 1 abstain. */
export function budgetVote(motion = 'Adopt the budget', extra: string[] = []): Files {
  return {
    'governance/votes/2024-02-07-budget.yaml': [
      'id: 2024-02-07-budget',
      'date: 2024-02-07',
      'meeting: 2024-02-07',
      'kind: decision',
      `motion: ${JSON.stringify(motion)}`,
      'ballots:',
      '  ann: yes',
      '  bob: yes',
      '  cat: no',
      '  dan: abstain',
      'result: passed',
      ...extra,
      '',
    ].join('\n'),
  };
}

export { repoWith };
