// Keeps one issue titled "What falls due" current: created once, edited
// after, reopened rather than duplicated, closed when nothing is due. It
// finds its own issue by author and a hidden marker through every page of
// the repository's issues, as the PR poster finds its comment; two runs at
// once leave one issue (the oldest stays, a later duplicate is closed).
import { DUE_MARKER } from '../core/due.ts';
import { GitHub, GitHubError } from './github.ts';

export const DUE_TITLE = 'What falls due';

interface Issue {
  number: number;
  state?: string;
  body?: string | null;
  user?: { login?: string } | null;
  pull_request?: unknown;
  html_url?: string;
}

/** GitHub refuses an issue body longer than this. */
const BODY_LIMIT = 65_536;

export type KeepResult =
  | { action: 'created' | 'updated' | 'reopened' | 'closed' | 'unchanged'; number: number; url?: string }
  | { action: 'none'; reason: string };

const isOurs = (i: Issue, login: string): boolean =>
  i.pull_request === undefined && (i.user?.login ?? '').toLowerCase() === login.toLowerCase() && (i.body ?? '').startsWith(DUE_MARKER);

export interface KeepOptions {
  body: string;
  /** Something is due or overdue: the issue is open; else it is closed (or never created). */
  open: boolean;
  author?: string;
}

async function ours(gh: GitHub, login: string): Promise<Issue[]> {
  // Every state: a closed issue of ours is reopened, never a second one opened.
  const all = await gh.paginate<Issue>(`/repos/${gh.owner}/${gh.repo}/issues?state=all&creator=${encodeURIComponent(login)}`);
  return all.filter((i) => isOurs(i, login)).sort((a, b) => a.number - b.number);
}

export async function keepDueIssue(gh: GitHub, options: KeepOptions): Promise<KeepResult> {
  if (!options.body.startsWith(DUE_MARKER)) throw new GitHubError(0, 'the report does not start with the due-report marker: was it made by npm run due --format md?');
  const body = options.body.length > BODY_LIMIT ? `${options.body.slice(0, BODY_LIMIT - 200)}\n\n> ✂️ Cut to fit GitHub's issue limit; run \`npm run due\` for the whole report.\n` : options.body;
  const login = options.author ?? (await gh.login());
  let found = await ours(gh, login);
  const path = (n: number): string => `/repos/${gh.owner}/${gh.repo}/issues/${n}`;

  if (found.length === 0) {
    if (!options.open) return { action: 'none', reason: 'nothing is due and there is no issue to close' };
    const { data } = await gh.request('POST', `/repos/${gh.owner}/${gh.repo}/issues`, { title: DUE_TITLE, body });
    const created = data as Issue;
    // Another run may have created one at the same time: the oldest stays, the others are closed.
    found = await ours(gh, login);
    const keep = found[0] ?? created;
    for (const extra of found.slice(1))
      await gh.request('PATCH', path(extra.number), { state: 'closed', state_reason: 'not_planned', body: `${DUE_MARKER}\nA duplicate of #${keep.number}, opened by a run at the same time.\n` });
    if (keep.number !== created.number) {
      await gh.request('PATCH', path(keep.number), { body, state: 'open' });
      return { action: 'updated', number: keep.number, ...(keep.html_url ? { url: keep.html_url } : {}) };
    }
    return { action: 'created', number: created.number, ...(created.html_url ? { url: created.html_url } : {}) };
  }

  const issue = found[0]!;
  // Later ones (a race in an earlier run) are closed as duplicates once seen.
  for (const extra of found.slice(1))
    if (extra.state !== 'closed') await gh.request('PATCH', path(extra.number), { state: 'closed', state_reason: 'not_planned' });
  const url = issue.html_url ? { url: issue.html_url } : {};
  const open = issue.state !== 'closed';
  if (!options.open) {
    if (!open && issue.body === body) return { action: 'unchanged', number: issue.number, ...url };
    await gh.request('PATCH', path(issue.number), { body, ...(open ? { state: 'closed', state_reason: 'completed' } : {}) });
    return { action: open ? 'closed' : 'updated', number: issue.number, ...url };
  }
  if (open && issue.body === body) return { action: 'unchanged', number: issue.number, ...url };
  await gh.request('PATCH', path(issue.number), { body, ...(open ? {} : { state: 'open' }) });
  return { action: open ? 'updated' : 'reopened', number: issue.number, ...url };
}
