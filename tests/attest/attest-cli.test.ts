// npm run attest end to end: a PR recording a meeting vote, its comments and
// reviews served by a stand-in for GitHub's API on 127.0.0.1 (several pages,
// an edited comment, a deleted one, a non-member, a member's second account,
// a rate limit and a 5xx retried), each ballot's status, and the
// governance/attestation commit status.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../cli-command.ts';
import { git, prRepo } from '../git/git-repo.ts';
import { baseRepo, recordsSince } from '../helpers.ts';

interface Served {
  comments: { id: number; user: { login: string }; body: string; created_at: string; html_url: string }[];
  reviews: { user: { login: string }; state: string; submitted_at: string; html_url: string }[];
  statuses: { sha: string; state: string; context: string; description: string }[];
  failures: number[];
  pageSize: number;
  requests: string[];
  /** The PR's head SHA GET /pulls/7 answers. */
  head: string;
}
let served: Served;
let server: Server;
let base = '';

const send = (res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(data));
};
async function readBody(req: IncomingMessage): Promise<Record<string, string>> {
  let t = '';
  for await (const c of req) t += c;
  return t ? (JSON.parse(t) as Record<string, string>) : {};
}
function paged<T>(res: ServerResponse, url: URL, list: T[]): void {
  const page = Number(url.searchParams.get('page') ?? '1');
  const size = served.pageSize;
  const more = page * size < list.length;
  send(res, 200, list.slice((page - 1) * size, page * size), more ? { link: `<${base}${url.pathname}?per_page=100&page=${page + 1}>; rel="next"` } : {});
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    served.requests.push(`${req.method} ${url.pathname}`);
    const fail = served.failures.shift();
    if (fail) return send(res, fail, { message: 'try again' }, { 'retry-after': '0' }); // a 503 may say when, too: the test need not wait a second
    if (url.pathname === '/repos/o/r/pulls/7') return send(res, 200, { head: { sha: served.head }, changed_files: 2 });
    if (url.pathname === '/user') return send(res, 403, { message: 'Resource not accessible by integration' });
    if (url.pathname === '/repos/o/r/issues/7/comments') return paged(res, url, served.comments);
    if (url.pathname === '/repos/o/r/pulls/7/reviews') return paged(res, url, served.reviews);
    const status = /^\/repos\/o\/r\/statuses\/([0-9a-f]{40})$/.exec(url.pathname);
    if (status && req.method === 'POST') {
      const b = await readBody(req);
      served.statuses.push({ sha: status[1]!, state: b.state!, context: b.context!, description: b.description! });
      return send(res, 201, {});
    }
    send(res, 404, { message: 'Not Found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  served = { comments: [], reviews: [], statuses: [], failures: [], pageSize: 100, requests: [], head: '' };
});

let id = 0;
const comment = (login: string, body: string, minute = 0) => ({
  id: ++id,
  user: { login },
  body,
  created_at: `2024-02-15T10:${String(minute).padStart(2, '0')}:00Z`,
  html_url: `https://github.com/o/r/pull/7#issuecomment-${id}`,
});

const MEETING = 'governance/meetings/2024-02-14.yaml';
const VOTE = 'governance/votes/2024-02-14-budget.yaml';
const pr = (required = false) =>
  prRepo(required ? { ...baseRepo(), 'governance/charter.yaml': `${baseRepo()['governance/charter.yaml']!}attestation: required\n` } : baseRepo(), {
    [MEETING]: 'date: 2024-02-14\nkind: regular\npresent: [ann, bob, cat, dan]\nboard: []\n',
    [VOTE]: 'id: 2024-02-14-budget\ndate: 2024-02-14\nmeeting: 2024-02-14\nkind: decision\nmotion: Adopt\nballots: { ann: yes, bob: no, cat: yes, dan: abstain }\nresult: passed\n',
  });
const env = { GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'o/r', GITHUB_API_URL: '' };
const attestCmd = (dir: string, ...args: string[]) =>
  runCommand('attest', ['--repo', dir, '--base', 'main', '--head', 'pr', '--pr', '7', '--today', '2024-02-20', ...args], { ...env, GITHUB_API_URL: base });

describe('npm run attest', () => {
  it('each ballot with its status, over several pages, through a rate limit and a 5xx', async () => {
    const dir = pr();
    served.pageSize = 2;
    served.failures = [429, 502];
    served.comments = [
      comment('someone', 'Looks good, please /vote yes everyone'),
      comment('ann-gh', '/vote yes'),
      comment('bob-gh', '```\n/vote yes\n```'),
      comment('bob-gh', '/vote yes', 5), // bob's latest: contradicts the recorded no
      comment('mallory', '/vote no'),
      comment('cat-gh-second', '/vote yes'),
    ];
    const r = await attestCmd(dir, '--format', 'json');
    // Each retry is said on stderr; the answer is complete.
    expect(r.stderr.split('\n').filter(Boolean).every((l) => l.startsWith('attest: GET /repos/o/r/'))).toBe(true);
    expect(r.stderr).toContain('429');
    const out = JSON.parse(r.stdout) as { required: boolean; votes: { id: string; ballots: { member: string; status: string; said?: string }[] }[]; ignored: { login: string }[] };
    expect(out.required).toBe(false);
    expect(out.votes).toEqual([
      {
        id: '2024-02-14-budget',
        ballots: [
          { member: 'ann', recorded: 'yes', status: 'attested', said: 'yes', url: 'https://github.com/o/r/pull/7#issuecomment-2' },
          { member: 'bob', recorded: 'no', status: 'contradicted', said: 'yes', url: 'https://github.com/o/r/pull/7#issuecomment-4' },
          { member: 'cat', recorded: 'yes', status: 'missing' },
          { member: 'dan', recorded: 'abstain', status: 'missing' },
        ],
      },
    ].map((v) => ({ ...v, ballots: v.ballots.map((b) => ({ ...b, recorded: b.recorded })) })));
    expect(out.ignored.map((i) => i.login)).toEqual(['mallory', 'cat-gh-second']);
    expect(served.requests.filter((q) => q.endsWith('/comments')).length).toBeGreaterThanOrEqual(3);
  });

  it('the Markdown section, escaped, and the commit status (reported: success)', async () => {
    const dir = pr();
    served.comments = [comment('ann-gh', '/vote yes'), comment('bob-gh', '/vote yes')];
    served.reviews = [{ user: { login: 'cat-gh' }, state: 'APPROVED', submitted_at: '2024-02-15T11:00:00Z', html_url: 'https://github.com/o/r/pull/7#pullrequestreview-1' }];
    const sha = git(dir, 'rev-parse', 'pr');
    const r = await attestCmd(dir, '--status-sha', sha);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("2 of 4 ballots confirmed by the voters' own accounts.");
    expect(r.stdout).toContain("- ❌ bob's ballot in 2024-02-14-budget says no, [their comment](https://github.com/o/r/pull/7#issuecomment-");
    expect(r.stdout).toContain('- ✅ cat: yes ([confirmed](https://github.com/o/r/pull/7#pullrequestreview-1))');
    expect(served.statuses).toEqual([{ sha, state: 'success', context: 'governance/attestation', description: '2 of 4 ballots confirmed by their voters (reported, not required)' }]);
  });

  it('attestation: required on the base branch fails the status while a ballot is missing or contradicted, and passes when all confirm', async () => {
    const dir = pr(true);
    const sha = git(dir, 'rev-parse', 'pr');
    served.comments = [comment('ann-gh', '/vote yes'), comment('bob-gh', '/vote no'), comment('cat-gh', '/vote yes')];
    const r = await attestCmd(dir, '--status-sha', sha);
    expect(r.status).toBe(1);
    expect(served.statuses.at(-1)).toMatchObject({ state: 'failure', description: '3 of 4 ballots confirmed by their voters' });
    served.comments.push(comment('dan-gh', '/vote abstain'));
    const again = await attestCmd(dir, '--status-sha', sha);
    expect(again.status).toBe(0);
    expect(served.statuses.at(-1)).toMatchObject({ state: 'success', description: '4 of 4 ballots confirmed by their voters' });
  });

  it('a PR that records no vote asks GitHub for nothing but the status', async () => {
    const dir = prRepo(baseRepo(), recordsSince('2023-12-01'));
    const sha = git(dir, 'rev-parse', 'pr');
    const r = await attestCmd(dir, '--status-sha', sha);
    expect(r.stdout).toBe('\n');
    expect(served.requests).toEqual([`POST /repos/o/r/statuses/${sha}`]);
    expect(served.statuses[0]?.description).toBe('no ballots recorded in this PR (reported, not required)');
  });

  it('an edited comment counts by its current text; a deleted one not at all', async () => {
    const dir = pr();
    // As GitHub serves them: ann's comment edited from "/vote yes" to "/vote no" is its current text;
    // bob's deleted comment is simply not listed.
    served.comments = [comment('ann-gh', '/vote no')];
    const out = JSON.parse((await attestCmd(dir, '--format', 'json')).stdout) as { votes: { ballots: { member: string; status: string }[] }[] };
    expect(out.votes[0]?.ballots.slice(0, 2)).toMatchObject([
      { member: 'ann', status: 'contradicted' },
      { member: 'bob', status: 'missing' },
    ]);
  });

  it('as the comment workflow runs it: the PR number from an artifact file, and only for the run\'s head commit', async () => {
    const dir = pr();
    const head = git(dir, 'rev-parse', 'pr');
    const file = join(mkdtempSync(join(tmpdir(), 'gov-att-')), 'pr-number');
    writeFileSync(file, '7\n');
    const out = join(dirname(file), 'attestation.md');
    served.comments = [comment('ann-gh', '/vote yes')];
    const run = (sha: string) =>
      runCommand('attest', ['--repo', dir, '--base-branch', 'main', '--pr-file', file, '--head-sha', sha, '--out', out, '--today', '2024-02-20'], { ...env, GITHUB_API_URL: base });
    served.head = head;
    const r = await run(head);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('1 of 4 ballots confirmed');
    // The PR moved on: nothing is attested for the old commit, and the section file is empty.
    served.head = 'f'.repeat(40);
    const stale = await run(head);
    expect(stale.status).toBe(0);
    expect(stale.stderr).toBe(`attest: skipped: pull request #7 is at ffffffffffff, not at ${head.slice(0, 12)} (a newer run will attest)\n`);
    expect(readFileSync(out, 'utf8')).toBe('');
  });
});
