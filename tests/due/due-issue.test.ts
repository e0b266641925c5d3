// The "What falls due" issue, kept against a stand-in for GitHub's issues API
// on 127.0.0.1: created once, updated, closed and reopened, never a second
// one, also when two runs race and when our issue is on a second page.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DUE_MARKER } from '../../scripts/core/due.ts';
import { DUE_TITLE, keepDueIssue } from '../../scripts/shell/due-issue.ts';
import { GitHub } from '../../scripts/shell/github.ts';

interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  user: { login: string };
  pull_request?: object;
}

let server: Server;
let base = '';
let issues: FakeIssue[] = [];
let pageSize = 100;
let createDelay = 0;
const BOT = 'github-actions[bot]';

function send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(data));
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    if (req.headers.authorization !== 'Bearer token') return send(res, 401, { message: 'Bad credentials' });
    if (url.pathname === '/user') return send(res, 403, { message: 'Resource not accessible by integration' });
    if (url.pathname === '/repos/o/r/issues' && req.method === 'GET') {
      const creator = url.searchParams.get('creator');
      const list = issues.filter((i) => !creator || i.user.login === creator);
      const page = Number(url.searchParams.get('page') ?? '1');
      const size = Math.min(pageSize, Number(url.searchParams.get('per_page') ?? '30'));
      const slice = list.slice((page - 1) * size, page * size);
      const more = page * size < list.length;
      return send(res, 200, slice, more ? { link: `<${base}/repos/o/r/issues?state=all&creator=${encodeURIComponent(creator ?? '')}&per_page=${size}&page=${page + 1}>; rel="next"` } : {});
    }
    if (url.pathname === '/repos/o/r/issues' && req.method === 'POST') {
      const b = await body(req);
      if (createDelay) await new Promise((r) => setTimeout(r, createDelay));
      const issue: FakeIssue = { number: issues.length + 1, title: String(b.title), body: String(b.body), state: 'open', user: { login: BOT } };
      issues.push(issue);
      return send(res, 201, issue);
    }
    const m = /^\/repos\/o\/r\/issues\/(\d+)$/.exec(url.pathname);
    if (m && req.method === 'PATCH') {
      const issue = issues.find((i) => i.number === Number(m[1]));
      if (!issue) return send(res, 404, { message: 'Not Found' });
      const b = await body(req);
      if (typeof b.body === 'string') issue.body = b.body;
      if (b.state === 'open' || b.state === 'closed') issue.state = b.state;
      return send(res, 200, issue);
    }
    send(res, 404, { message: 'Not Found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  issues = [];
  pageSize = 100;
  createDelay = 0;
});

const gh = (): GitHub => new GitHub({ token: 'token', repository: 'o/r', apiUrl: base, retryDelayMs: 1 });
const report = (text: string): string => `${DUE_MARKER}\n## What falls due\n\n${text}\n`;
const ours = (): FakeIssue[] => issues.filter((i) => i.body.startsWith(DUE_MARKER) && i.user.login === BOT);

describe('the What falls due issue', () => {
  it('is created once, titled, then updated in place', async () => {
    expect(await keepDueIssue(gh(), { body: report('one'), open: true })).toMatchObject({ action: 'created', number: 1 });
    expect(issues).toMatchObject([{ title: DUE_TITLE, body: report('one'), state: 'open' }]);
    expect(await keepDueIssue(gh(), { body: report('two'), open: true })).toMatchObject({ action: 'updated', number: 1 });
    expect(await keepDueIssue(gh(), { body: report('two'), open: true })).toMatchObject({ action: 'unchanged', number: 1 });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.body).toBe(report('two'));
  });

  it('is closed when nothing is due, and reopened (not a second one) when something is again', async () => {
    await keepDueIssue(gh(), { body: report('due'), open: true });
    expect(await keepDueIssue(gh(), { body: report('nothing'), open: false })).toMatchObject({ action: 'closed', number: 1 });
    expect(issues[0]?.state).toBe('closed');
    expect(await keepDueIssue(gh(), { body: report('again'), open: true })).toMatchObject({ action: 'reopened', number: 1 });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ state: 'open', body: report('again') });
  });

  it('nothing due and no issue: none is opened', async () => {
    expect(await keepDueIssue(gh(), { body: report('nothing'), open: false })).toEqual({ action: 'none', reason: 'nothing is due and there is no issue to close' });
    expect(issues).toEqual([]);
  });

  it('finds its issue on a second page, and ignores a marker pasted by someone else', async () => {
    pageSize = 2;
    issues.push({ number: 1, title: 'x', body: `${DUE_MARKER} pasted`, state: 'open', user: { login: 'mallory' } });
    for (let n = 2; n <= 4; n++) issues.push({ number: n, title: 'other', body: 'hello', state: 'open', user: { login: BOT } });
    issues.push({ number: 5, title: DUE_TITLE, body: report('old'), state: 'open', user: { login: BOT } });
    expect(await keepDueIssue(gh(), { body: report('new'), open: true })).toMatchObject({ action: 'updated', number: 5 });
    expect(issues).toHaveLength(5);
    expect(issues[0]?.body).toBe(`${DUE_MARKER} pasted`);
  });

  it('two runs at once leave one open issue: the oldest', async () => {
    createDelay = 30;
    const results = await Promise.all([keepDueIssue(gh(), { body: report('a'), open: true }), keepDueIssue(gh(), { body: report('a'), open: true })]);
    expect(results.map((r) => r.action === 'none' ? 0 : r.number)).toEqual([1, 1]);
    expect(ours().filter((i) => i.state === 'open').map((i) => i.number)).toEqual([1]);
  });

  it('refuses a body that is not a due report', async () => {
    await expect(keepDueIssue(gh(), { body: 'hello', open: true })).rejects.toThrow('does not start with the due-report marker');
  });
});
