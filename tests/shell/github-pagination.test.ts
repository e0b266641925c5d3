// Pagination follows `Link: rel="next"`, and a Link header that points back
// at a page already read ends it: a hostile or broken API cannot loop the
// poster. A local HTTP server on 127.0.0.1 plays GitHub.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHub } from '../../scripts/shell/github.ts';

let server: Server;
let base = '';
let requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    requests.push(`${url.pathname}${url.search}`);
    const page = Number(url.searchParams.get('page') ?? '1');
    const loop = url.pathname.includes('/loop/');
    // /loop/: page 1 -> 2 -> 1 -> 2 ... ; /ok/: page 1 -> 2 -> 3, then none.
    const next = loop ? (page === 1 ? 2 : 1) : page < 3 ? page + 1 : undefined;
    if (next !== undefined) res.setHeader('link', `<${base}${url.pathname}?per_page=100&page=${next}>; rel="next"`);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify([{ page }]));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const client = (): GitHub => new GitHub({ token: 't', repository: 'o/r', apiUrl: base, retryDelayMs: 1 });

describe('pagination', () => {
  it('follows rel="next" through every page', async () => {
    requests = [];
    expect(await client().paginate<{ page: number }>('/ok/items')).toEqual([{ page: 1 }, { page: 2 }, { page: 3 }]);
    expect(requests).toHaveLength(3);
  });

  it('a Link header that repeats a page already read ends the pagination', async () => {
    requests = [];
    // The first page is asked as ?per_page=100; its next is page 2, whose next is page 1 again.
    const items = await client().paginate<{ page: number }>('/loop/items?page=1');
    expect(items).toEqual([{ page: 1 }, { page: 2 }]);
    expect(requests).toEqual(['/loop/items?page=1&per_page=100', '/loop/items?per_page=100&page=2']);
  });
});
