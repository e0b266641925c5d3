// A small stand-in for GitHub's REST API on 127.0.0.1 (a random port): issue
// comments with Link-header pagination, pull requests, GET /user, and
// failures injected on demand.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string };
}

export interface Failure {
  method: string;
  path: RegExp;
  status: number;
  times: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeGitHub {
  url: string;
  repo: string;
  token: string;
  /** The login behind the token; `GET /user` answers it unless userForbidden. */
  login: string;
  userForbidden: boolean;
  comments: FakeComment[];
  headSha: string;
  files: string[];
  /** `changed_files` of the PR (default: files.length); GitHub lists at most 3,000 files. */
  changedFiles?: number;
  /** Runs when the PR's files are listed (a push landing meanwhile). */
  onListFiles?: () => void;
  requests: string[];
  failures: Failure[];
  /** Runs before a comment is created (a racing run posting first). */
  beforeCreate?: () => void;
  nextId: number;
  addComment(login: string, body: string): FakeComment;
  close(): Promise<void>;
}

export async function fakeGitHub(): Promise<FakeGitHub> {
  const fake: FakeGitHub = {
    url: '',
    repo: 'example/governance',
    token: 'secret-token',
    login: 'gov-bot',
    userForbidden: false,
    comments: [],
    headSha: 'c'.repeat(40),
    files: ['governance/votes/2024-02-21-budget.yaml'],
    requests: [],
    failures: [],
    nextId: 1000,
    addComment(login, body) {
      const c = { id: fake.nextId++, body, user: { login } };
      fake.comments.push(c);
      return c;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };

  const send = (res: ServerResponse, status: number, data?: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(data === undefined ? '' : JSON.stringify(data));
  };

  function page<T>(res: ServerResponse, url: URL, items: T[]): void {
    const per = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
    const n = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / per));
    const link = (p: number): string => {
      const u = new URL(url.toString());
      u.searchParams.set('page', String(p));
      return u.toString();
    };
    const links = [n < last ? `<${link(n + 1)}>; rel="next"` : '', `<${link(last)}>; rel="last"`].filter(Boolean).join(', ');
    send(res, 200, items.slice((n - 1) * per, n * per), { link: links });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', fake.url);
    const method = req.method ?? 'GET';
    fake.requests.push(`${method} ${url.pathname}${url.search}`);
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const failure = fake.failures.find((f) => f.method === method && f.path.test(url.pathname) && f.times > 0);
    if (failure) {
      failure.times--;
      return send(res, failure.status, failure.body ?? { message: `injected ${failure.status}` }, failure.headers);
    }
    if (req.headers.authorization !== `Bearer ${fake.token}`) return send(res, 401, { message: 'Bad credentials' });
    const base = `/repos/${fake.repo}`;
    const p = url.pathname;
    if (method === 'GET' && p === '/user') {
      if (fake.userForbidden) return send(res, 403, { message: 'Resource not accessible by integration' });
      return send(res, 200, { login: fake.login });
    }
    let m = new RegExp(`^${base}/pulls/(\\d+)$`).exec(p);
    if (method === 'GET' && m) {
      if (m[1] !== '5') return send(res, 404, { message: 'Not Found' });
      return send(res, 200, { number: 5, head: { sha: fake.headSha }, changed_files: fake.changedFiles ?? fake.files.length });
    }
    m = new RegExp(`^${base}/pulls/(\\d+)/files$`).exec(p);
    if (method === 'GET' && m) {
      fake.onListFiles?.();
      // Like GitHub: "Responses include a maximum of 3000 files."
      return page(res, url, fake.files.slice(0, 3000).map((filename) => ({ filename })));
    }
    m = new RegExp(`^${base}/issues/(\\d+)/comments$`).exec(p);
    if (m) {
      if (m[1] !== '5') return send(res, 404, { message: 'Not Found' });
      if (method === 'GET') return page(res, url, fake.comments);
      if (method === 'POST') {
        const body = (JSON.parse(raw) as { body: string }).body;
        if (body.length > 65_536) return send(res, 422, { message: 'Validation Failed', errors: [{ code: 'custom', message: 'body is too long' }] });
        fake.beforeCreate?.();
        return send(res, 201, fake.addComment(fake.login, body));
      }
    }
    m = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(p);
    if (m) {
      const c = fake.comments.find((x) => x.id === Number(m?.[1]));
      if (!c) return send(res, 404, { message: 'Not Found' });
      if (c.user.login !== fake.login) return send(res, 403, { message: 'Must have admin rights to Repository.' });
      if (method === 'PATCH') {
        c.body = (JSON.parse(raw) as { body: string }).body;
        return send(res, 200, c);
      }
      if (method === 'DELETE') {
        fake.comments = fake.comments.filter((x) => x !== c);
        return send(res, 204);
      }
    }
    send(res, 404, { message: 'Not Found' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
