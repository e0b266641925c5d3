// The PR comment poster: one comment per pull request, found again by its
// author and a hidden marker, updated in place. Node's built-in fetch, the
// REST API of GITHUB_API_URL (so tests point it at a local server), a bounded
// retry on 5xx, and a clear sentence for each way GitHub says no.
import { rulePaths } from '../core/changes.ts';
import { COMMENT_LIMIT, MARKER, truncateMarkdown } from '../core/report.ts';

/**
 * The login of the Actions token. `GET /user` answers 403 ("Resource not
 * accessible by integration") for an installation token such as Actions'
 * GITHUB_TOKEN; its comments are then authored by this login. A personal
 * token's login comes from `GET /user`; another GitHub App names its own
 * bot login with `--author`.
 */
export const ACTIONS_LOGIN = 'github-actions[bot]';

export class GitHubError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface GitHubOptions {
  token: string;
  /** `owner/repo`. */
  repository: string;
  /** `https://api.github.com`, or a GitHub Enterprise `https://host/api/v3`. */
  apiUrl: string;
  /** Attempts after the first on a 5xx, a 429 or a network failure. */
  retries?: number;
  /** The first retry's delay; each next one doubles, capped at 10 s. */
  retryDelayMs?: number;
  log?: (line: string) => void;
}

export interface PullRequest {
  headSha: string;
  /** `changed_files`: how many files the PR changes in all. */
  changedFiles?: number;
}

interface Comment {
  id: number;
  body?: string;
  user?: { login?: string } | null;
  html_url?: string;
}

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** A pull request number as the artifact or the command line gives it: a plain positive integer. */
export function parsePrNumber(text: string): number {
  const t = text.trim();
  if (!/^[1-9][0-9]{0,9}$/.test(t) || Number(t) > 2_147_483_647)
    // Quoted as JSON: a line break in an artifact's file cannot start a workflow command in the log.
    throw new GitHubError(0, `pull request number ${JSON.stringify(text.slice(0, 40))} is not a positive integer`);
  return Number(t);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class GitHub {
  private readonly options: Required<Omit<GitHubOptions, 'log'>> & Pick<GitHubOptions, 'log'>;
  private readonly origin: string;
  readonly owner: string;
  readonly repo: string;

  constructor(options: GitHubOptions) {
    if (!options.token) throw new GitHubError(0, 'GITHUB_TOKEN is not set: the poster needs a token that may write pull request comments');
    if (!REPOSITORY.test(options.repository))
      throw new GitHubError(0, `GITHUB_REPOSITORY "${options.repository}" is not owner/repo`);
    let api: URL;
    try {
      api = new URL(options.apiUrl);
    } catch {
      throw new GitHubError(0, `GITHUB_API_URL "${options.apiUrl}" is not a URL`);
    }
    if (api.protocol !== 'https:' && api.protocol !== 'http:') throw new GitHubError(0, `GITHUB_API_URL "${options.apiUrl}" is not http(s)`);
    this.origin = api.origin;
    const [owner = '', repo = ''] = options.repository.split('/');
    this.owner = owner;
    this.repo = repo;
    this.options = { retries: 3, retryDelayMs: 1000, ...options, apiUrl: options.apiUrl.replace(/\/+$/, '') };
  }

  private url(path: string): string {
    return `${this.options.apiUrl}${path}`;
  }

  /** One request, retried on 5xx, 429 and network failures; any other failure is a GitHubError in words. */
  async request(method: string, pathOrUrl: string, body?: unknown): Promise<{ status: number; data: unknown; headers: Headers }> {
    const url = pathOrUrl.startsWith('/') ? this.url(pathOrUrl) : pathOrUrl;
    // The token goes to the API's own origin only, whatever a Link header says.
    if (new URL(url).origin !== this.origin) throw new GitHubError(0, `refusing to send the token to ${new URL(url).origin}`);
    const what = `${method} ${new URL(url).pathname}`;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            Accept: 'application/vnd.github+json',
            Authorization: `Bearer ${this.options.token}`,
            'X-GitHub-Api-Version': '2022-11-28',
            'User-Agent': 'governance-summary-poster',
            ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(30_000),
        });
      } catch (error) {
        if (attempt < this.options.retries) {
          await this.backoff(attempt, what, error instanceof Error ? error.message : String(error));
          continue;
        }
        throw new GitHubError(0, `${what}: no answer from ${this.origin} after ${attempt + 1} attempts (${error instanceof Error ? error.message : String(error)})`);
      }
      const text = await response.text();
      let data: unknown = undefined;
      try {
        data = text ? JSON.parse(text) : undefined;
      } catch {
        data = text;
      }
      if (response.ok) return { status: response.status, data, headers: response.headers };
      const retryable = response.status >= 500 || response.status === 429;
      if (retryable && attempt < this.options.retries) {
        // Retry-After in seconds; 0 means at once (absent is not 0).
        const header = response.headers.get('retry-after');
        const after = header === null || header.trim() === '' ? Number.NaN : Number(header);
        await this.backoff(attempt, what, `${response.status}`, Number.isFinite(after) && after >= 0 ? after * 1000 : undefined);
        continue;
      }
      throw this.explain(response, data, what, attempt + 1);
    }
  }

  private async backoff(attempt: number, what: string, why: string, requested?: number): Promise<void> {
    const delay = Math.min(requested ?? this.options.retryDelayMs * 2 ** attempt, 10_000);
    this.options.log?.(`${what} failed (${why}); retrying in ${Math.round(delay)} ms`);
    await sleep(delay);
  }

  private explain(response: Response, data: unknown, what: string, attempts: number): GitHubError {
    const status = response.status;
    const said = typeof data === 'object' && data !== null && 'message' in data ? String((data as { message: unknown }).message) : '';
    const details =
      typeof data === 'object' && data !== null && 'errors' in data ? ` ${JSON.stringify((data as { errors: unknown }).errors)}` : '';
    const quote = said ? ` GitHub says: "${said}".` : '';
    const repo = `${this.owner}/${this.repo}`;
    switch (status) {
      case 401:
        return new GitHubError(status, `${what}: 401 Unauthorized: GITHUB_TOKEN is missing, expired or not a valid token.${quote}`);
      case 403:
        if (response.headers.get('x-ratelimit-remaining') === '0')
          return new GitHubError(status, `${what}: 403 rate limit exhausted; it resets at ${new Date(Number(response.headers.get('x-ratelimit-reset')) * 1000).toISOString()}.${quote}`);
        return new GitHubError(
          status,
          `${what}: 403 Forbidden: the token may not do this. Posting needs "permissions: pull-requests: write", ` +
            `which a pull_request workflow never has for a fork's PR: post from the workflow_run workflow.${quote}`,
        );
      case 404:
        return new GitHubError(status, `${what}: 404 Not Found: ${repo} or this pull request or comment does not exist, or the token cannot see it.${quote}`);
      case 422:
        return new GitHubError(
          status,
          `${what}: 422 Unprocessable: GitHub refused the content (a body over ${COMMENT_LIMIT.toLocaleString('en-US')} characters is one cause).${quote}${details}`,
        );
      default:
        return new GitHubError(status, `${what}: ${status} ${response.statusText}${attempts > 1 ? ` after ${attempts} attempts` : ''}.${quote}`);
    }
  }

  /** Every item of a list endpoint, following `Link: rel="next"` through every page. */
  async paginate<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = `${path}${path.includes('?') ? '&' : '?'}per_page=100`;
    // A Link header is the server's word: one that points back at a page already read ends the walk.
    const seen = new Set<string>();
    const pageKey = (ref: string): string => {
      const u = new URL(ref.startsWith('/') ? this.url(ref) : ref);
      u.searchParams.sort();
      return u.href;
    };
    for (let pages = 0; next !== undefined; pages++) {
      if (pages > 1000) throw new GitHubError(0, `${path}: more than 1000 pages; giving up`);
      seen.add(pageKey(next));
      const { data, headers } = await this.request('GET', next);
      if (!Array.isArray(data)) throw new GitHubError(0, `GET ${path}: expected a list`);
      items.push(...(data as T[]));
      next = nextLink(headers.get('link'));
      if (next !== undefined && seen.has(pageKey(next))) next = undefined;
    }
    return items;
  }

  /** The login whose comments are ours (see ACTIONS_LOGIN). */
  async login(): Promise<string> {
    try {
      const { data } = await this.request('GET', '/user');
      const login = typeof data === 'object' && data !== null && 'login' in data ? (data as { login: unknown }).login : undefined;
      if (typeof login === 'string' && login) return login;
    } catch (error) {
      if (!(error instanceof GitHubError) || error.status !== 403) throw error;
    }
    return ACTIONS_LOGIN;
  }

  /** The PR's head commit, and how many files it changes (`changed_files`), when GitHub says. */
  async pullRequest(pr: number): Promise<PullRequest> {
    const { data } = await this.request('GET', `/repos/${this.owner}/${this.repo}/pulls/${pr}`);
    const pull = typeof data === 'object' && data !== null ? (data as { head?: { sha?: unknown }; changed_files?: unknown }) : {};
    const sha = pull.head?.sha;
    if (typeof sha !== 'string') throw new GitHubError(0, `pull request #${pr}: no head SHA in GitHub's answer`);
    const changed = pull.changed_files;
    return { headSha: sha, ...(typeof changed === 'number' && Number.isInteger(changed) && changed >= 0 ? { changedFiles: changed } : {}) };
  }

  async pullHeadSha(pr: number): Promise<string> {
    return (await this.pullRequest(pr)).headSha;
  }

  /**
   * The PR's files (a rename gives both names), and how many entries GitHub
   * listed: it lists at most 3,000, so a longer PR's list is not complete.
   */
  async pullFiles(pr: number): Promise<{ paths: string[]; listed: number }> {
    const files = await this.paginate<{ filename?: string; previous_filename?: string }>(
      `/repos/${this.owner}/${this.repo}/pulls/${pr}/files`,
    );
    const paths = files.flatMap((f) => [f.filename, f.previous_filename]).filter((p): p is string => typeof p === 'string');
    return { paths, listed: files.length };
  }

  comments(pr: number): Promise<Comment[]> {
    return this.paginate<Comment>(`/repos/${this.owner}/${this.repo}/issues/${pr}/comments`);
  }

  async createComment(pr: number, body: string): Promise<Comment> {
    const { data } = await this.request('POST', `/repos/${this.owner}/${this.repo}/issues/${pr}/comments`, { body });
    return data as Comment;
  }

  async updateComment(id: number, body: string): Promise<Comment> {
    const { data } = await this.request('PATCH', `/repos/${this.owner}/${this.repo}/issues/comments/${id}`, { body });
    return data as Comment;
  }

  async deleteComment(id: number): Promise<void> {
    try {
      await this.request('DELETE', `/repos/${this.owner}/${this.repo}/issues/comments/${id}`);
    } catch (error) {
      // Another run deleted the same duplicate first: the goal is reached.
      if (!(error instanceof GitHubError) || error.status !== 404) throw error;
    }
  }
}

function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (m && m[2]?.split(/\s+/).includes('next')) return m[1];
  }
  return undefined;
}

// ---------------------------------------------------------------------------

export interface PostOptions {
  pr: number;
  /** The report (untrusted: it comes from an artifact of a PR's run). */
  report: string;
  /** When given, the PR's head must be this commit, or nothing is posted. */
  headSha?: string;
  /** Whose comments are ours; default: GET /user, else ACTIONS_LOGIN. */
  author?: string;
  /** The Attestation / Vote in progress section, from trusted code (`attest`): kept as Markdown even when the report is not. */
  attestation?: string;
}

export type PostResult =
  | { action: 'created' | 'updated'; id: number; url?: string }
  | { action: 'skipped'; reason: string };

const isOurs = (c: Comment, login: string): boolean =>
  (c.user?.login ?? '').toLowerCase() === login.toLowerCase() && (c.body ?? '').startsWith(MARKER);

/**
 * Whether the report can be posted as Markdown. Only when the PR leaves
 * `.github/` alone (CODEOWNERS aside) did the base branch's workflow write it;
 * a PR that changes a workflow runs its own, which can write any report, and
 * a PR whose file list GitHub cuts (3,000 files) may hide such a change.
 */
export type ReportTrust = 'trusted' | 'workflows-changed' | 'files-unlisted';

const UNTRUSTED: Record<Exclude<ReportTrust, 'trusted'>, string> = {
  'workflows-changed': '**This PR changes the workflow files**: the report below was produced by its own workflow and cannot be trusted until a code owner reviews it.',
  'files-unlisted': '**This PR changes more files than GitHub lists** (3,000), so whether it changes the workflow files cannot be told: the report below may have been produced by its own workflow and cannot be trusted until a code owner reviews it.',
};

/** The line ends CommonMark knows: a lone CR ends a line too. */
const LINE_END = /\r\n|\r|\n/;

/**
 * An untrusted report as an indented code block: every line, blank ones
 * too, starts with four spaces, so nothing in it is Markdown or HTML: no
 * mention (not even `&#64;name`), no `#12` or `GH-12`, no link, image,
 * table or `<details>`, and no line can end the block. Cut at whole lines to
 * `room` characters.
 */
function asCodeBlock(text: string, room: number): { block: string; cut: number } {
  const lines = text.replace(/(?:\r\n|\r|\n)+$/, '').split(LINE_END);
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = `    ${lines[i] ?? ''}`;
    if (used + line.length + 1 > room) return { block: out.join('\n'), cut: lines.length - i };
    out.push(line);
    used += line.length + 1;
  }
  return { block: out.join('\n'), cut: 0 };
}

/**
 * The comment body from a report file: the marker first, nobody pinged even
 * by a report that a PR's own workflow wrote, within the comment limit. A
 * report that is not trusted (see ReportTrust) is shown as plain text.
 */
export function commentBody(report: string, trust: ReportTrust | boolean = 'trusted'): string {
  const level: ReportTrust = trust === true ? 'workflows-changed' : trust === false ? 'trusted' : trust;
  let text = report.startsWith(MARKER) ? report.slice(MARKER.length).replace(/^\r?\n/, '') : report;
  // renderReport already escapes mentions; this holds for any file handed in.
  text = text.replace(/@(?=[A-Za-z0-9])/g, '@\u200d');
  if (level === 'trusted') return truncateMarkdown(`${MARKER}\n${text}`, COMMENT_LIMIT);
  const head = `${MARKER}\n> ⚠️ ${UNTRUSTED[level]} It is shown as plain text.\n\n`;
  const note = (n: number): string =>
    `\n> ✂️ Cut to fit GitHub's ${COMMENT_LIMIT.toLocaleString('en-US')}-character comment limit: ${n.toLocaleString('en-US')} more lines left out.\n`;
  const { block, cut } = asCodeBlock(text, COMMENT_LIMIT - head.length - note(Number.MAX_SAFE_INTEGER).length - 1);
  return `${head}${block}\n${cut > 0 ? note(cut) : ''}`;
}

export const SECTION_START = '<!-- governance-attestation:start -->';
export const SECTION_END = '<!-- governance-attestation:end -->';
/** The section's own share of the comment: the report keeps the rest. */
const SECTION_LIMIT = 16_000;

/** `body` with its attestation section replaced by `section` (added at the end when it has none; removed when `section` is empty). */
export function withAttestation(body: string, section: string): string {
  const start = body.indexOf(SECTION_START);
  const end = body.indexOf(SECTION_END, start);
  const rest = start === -1 || end === -1 ? body : `${body.slice(0, start)}${body.slice(end + SECTION_END.length)}`;
  const trimmed = section.replace(/\s+$/, '');
  if (trimmed === '') return `${rest.replace(/\s+$/, '')}\n`;
  const text = trimmed.replace(/@(?=[A-Za-z0-9])/g, '@\u200d').replaceAll(SECTION_START, '').replaceAll(SECTION_END, '');
  const block = `\n${SECTION_START}\n${truncateMarkdown(text, SECTION_LIMIT)}\n${SECTION_END}\n`;
  const room = COMMENT_LIMIT - block.length;
  const head = rest.replace(/\s+$/, '');
  return `${head.length > room ? truncateMarkdown(head, room) : head}\n${block}`;
}

/**
 * Refresh only the attestation section of this PR's report comment (a new
 * `/vote` comment changed it; the report is the check run's and stays). With
 * no report comment yet, one is created holding the section alone: the
 * check run's comment replaces it whole.
 */
export async function postSection(gh: GitHub, options: { pr: number; section: string; author?: string }): Promise<PostResult> {
  const login = options.author ?? (await gh.login());
  const mine = (await gh.comments(options.pr)).filter((c) => isOurs(c, login)).sort((a, b) => a.id - b.id);
  const oldest = mine[0];
  if (oldest) {
    const body = withAttestation(oldest.body ?? MARKER, options.section);
    const updated = oldest.body === body ? oldest : await gh.updateComment(oldest.id, body);
    return { action: 'updated', id: oldest.id, ...(updated.html_url ? { url: updated.html_url } : {}) };
  }
  const created = await gh.createComment(options.pr, withAttestation(`${MARKER}\n_The governance check has not reported on this PR yet._\n`, options.section));
  return { action: 'created', id: created.id, ...(created.html_url ? { url: created.html_url } : {}) };
}

/**
 * Create or update this PR's one report comment. After creating, it lists
 * again and keeps the oldest of its comments, so two runs racing each other
 * still leave one.
 */
export async function postReport(gh: GitHub, options: PostOptions): Promise<PostResult> {
  const { pr } = options;
  const pull = await gh.pullRequest(pr);
  if (options.headSha !== undefined && pull.headSha.toLowerCase() !== options.headSha.toLowerCase())
    return {
      action: 'skipped',
      reason: `pull request #${pr} is at ${pull.headSha.slice(0, 12)}, not at the run's head ${options.headSha.slice(0, 12)}: the report belongs to another commit (a newer run will post), or the PR number is not this run's`,
    };
  // Trusted code decides whether the PR's own workflow wrote the report.
  const files = await gh.pullFiles(pr);
  // The file list is of the PR as it is now: a push in between (a workflow
  // change reverted) must not make an untrusted report look trusted.
  const now = await gh.pullRequest(pr);
  if (now.headSha !== pull.headSha)
    return {
      action: 'skipped',
      reason: `pull request #${pr} moved to ${now.headSha.slice(0, 12)} while its files were listed: a newer run will post`,
    };
  const trust: ReportTrust =
    pull.changedFiles === undefined || files.listed < pull.changedFiles
      ? 'files-unlisted'
      : rulePaths(files.paths).some((p) => p.startsWith('.github/'))
        ? 'workflows-changed'
        : 'trusted';
  const body = options.attestation !== undefined ? withAttestation(commentBody(options.report, trust), options.attestation) : commentBody(options.report, trust);
  const login = options.author ?? (await gh.login());

  const mine = (await gh.comments(pr)).filter((c) => isOurs(c, login)).sort((a, b) => a.id - b.id);
  const oldest = mine[0];
  if (oldest) {
    const updated = oldest.body === body ? oldest : await gh.updateComment(oldest.id, body);
    for (const extra of mine.slice(1)) await gh.deleteComment(extra.id);
    return { action: 'updated', id: oldest.id, ...(updated.html_url ? { url: updated.html_url } : {}) };
  }
  const created = await gh.createComment(pr, body);
  const again = (await gh.comments(pr)).filter((c) => isOurs(c, login)).sort((a, b) => a.id - b.id);
  const keep = again[0];
  if (keep && keep.id !== created.id) {
    // Another run created one first: keep that one, with this report, and drop ours.
    await gh.updateComment(keep.id, body);
    for (const extra of again.slice(1)) await gh.deleteComment(extra.id);
    if (!again.some((c) => c.id === created.id)) await gh.deleteComment(created.id);
    return { action: 'updated', id: keep.id, ...(keep.html_url ? { url: keep.html_url } : {}) };
  }
  for (const extra of again.slice(1)) await gh.deleteComment(extra.id);
  return { action: 'created', id: created.id, ...(created.html_url ? { url: created.html_url } : {}) };
}
