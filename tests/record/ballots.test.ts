// A vote held on a pull request, from open to recorded: `record vote --async
// --closes` opens it, members vote with /vote comments, `record ballots --pr N`
// (after it closes) writes the ballots and the result from the comments
// (read from a local HTTP server standing in for GitHub), and `check` accepts
// the file.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkFiles } from '../../scripts/core/check.ts';
import { loadSchemas, readRepository } from '../../scripts/shell/fs-repo.ts';
import { runCommand } from '../cli-command.ts';
import { repoWith, writeRepo } from '../helpers.ts';

const VOTE = 'governance/votes/2024-02-22-adopt-logo.yaml';
let server: Server;
let api = '';
let comments: Record<string, unknown>[] = [];
let requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}`);
    if (url.pathname !== '/repos/o/r/issues/42/comments') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"Not Found"}');
      return;
    }
    // Two pages: the second through the Link header.
    const page = Number(url.searchParams.get('page') ?? '1');
    const per = 3;
    const slice = comments.slice((page - 1) * per, page * per);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (page * per < comments.length) headers.link = `<${api}/repos/o/r/issues/42/comments?page=${page + 1}>; rel="next"`;
    res.writeHead(200, headers);
    res.end(JSON.stringify(slice));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  comments = [];
  requests = [];
});

let id = 0;
const comment = (login: string, body: string, at = '2024-02-16T10:00:00Z') => {
  id++;
  return { id, user: { login }, body, created_at: at, updated_at: at, html_url: `https://github.com/o/r/pull/42#issuecomment-${id}` };
};
const ENV = { GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'o/r', GITHUB_SERVER_URL: 'https://github.com' };
const record = (dir: string, today: string, ...args: string[]) => runCommand('record', [...args, '--repo', dir, '--today', today], { ...ENV, GITHUB_API_URL: api });

function findings(dir: string, today: string): string[] {
  const disk = readRepository(dir);
  return checkFiles({ files: disk.files, schemas: loadSchemas(), today, codeowners: disk.codeowners }).findings.map((f) => `${f.severity} ${f.rule} ${f.file}`);
}

async function opened(): Promise<string> {
  const dir = writeRepo(repoWith());
  const r = await record(dir, '2024-02-15', 'vote', '--async', '--opened', '2024-02-15', '--closes', '2024-02-22', '--channel', 'PR #42', '--kind', 'decision', '--motion', 'Adopt the logo');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return dir;
}

describe('a vote held on a pull request, from open to recorded', () => {
  it('record vote --async --closes opens it: the file, and check says only vote-open', async () => {
    const dir = await opened();
    expect(readFileSync(join(dir, VOTE), 'utf8')).toBe(
      'id: 2024-02-22-adopt-logo\ndate: 2024-02-22\nasync: { channel: "PR #42", opened: 2024-02-15, closes: 2024-02-22 }\nkind: decision\nmotion: Adopt the logo\n',
    );
    expect(findings(dir, '2024-02-15')).toEqual([`error vote-open ${VOTE}`]);
  });

  it('record ballots after the close writes ballots, closed, result, source and notes; check accepts it', async () => {
    const dir = await opened();
    comments = [
      comment('ann-gh', '/vote yes'),
      comment('bob-gh', 'I think `/vote no` is wrong here.\n/vote yes'),
      comment('mallory', '/vote no'),
      comment('cat-gh', '/vote no'),
      comment('dan-gh', '/vote no', '2024-02-17T10:00:00Z'),
      comment('dan-gh', '/vote yes', '2024-02-18T10:00:00Z'),
      comment('eve-gh', '/vote yes', '2024-02-23T08:00:00Z'),
    ];
    const r = await record(dir, '2024-02-23', 'ballots', '--pr', '42');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        `updated ${VOTE}`,
        '',
        'Tally: 3 yes, 1 no, 0 abstain',
        'Quorum: met, 4 of 5 members took part, 4 needed',
        'Result: passed (result: passed)',
        'ignored: /vote no by @mallory: @mallory is not the GitHub account of any member (the `github` field of a member file)',
        'ignored: /vote yes by @eve-gh: vote 2024-02-22-adopt-logo closed on 2024-02-22 (UTC): this comment came after',
        '',
      ].join('\n'),
    );
    const u = (k: number): string => `https://github.com/o/r/pull/42#issuecomment-${id - 7 + k}`;
    expect(readFileSync(join(dir, VOTE), 'utf8')).toBe(
      [
        'id: 2024-02-22-adopt-logo',
        'date: 2024-02-22',
        'async: { channel: "PR #42", opened: 2024-02-15, closed: 2024-02-22 }',
        'kind: decision',
        'motion: Adopt the logo',
        'ballots:',
        '  ann: yes',
        '  bob: yes',
        '  cat: no',
        '  dan: yes',
        'result: passed',
        'source: https://github.com/o/r/pull/42',
        `notes: "Ballots cast on https://github.com/o/r/pull/42 by each member's own /vote comment (the latest before the close): ann ${u(1)}; bob ${u(2)}; cat ${u(4)}; dan ${u(6)}."`,
        '',
      ].join('\n'),
    );
    expect(findings(dir, '2024-02-23')).toEqual([]);
    // Every page was read.
    expect(requests).toEqual(['GET /repos/o/r/issues/42/comments', 'GET /repos/o/r/issues/42/comments', 'GET /repos/o/r/issues/42/comments']);
  });

  it('refuses before the end of the closing day, and writes nothing', async () => {
    const dir = await opened();
    const before = readFileSync(join(dir, VOTE), 'utf8');
    const r = await record(dir, '2024-02-22', 'ballots', '--pr', '42');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('record: vote 2024-02-22-adopt-logo is open until the end of 2024-02-22 (UTC): record its ballots from the day after; nothing written\n');
    expect(readFileSync(join(dir, VOTE), 'utf8')).toBe(before);
  });

  it('a vote that closed without quorum is not recorded as a vote', async () => {
    const dir = await opened();
    comments = [comment('ann-gh', '/vote yes'), comment('bob-gh', '/vote yes'), comment('cat-gh', '/vote abstain')];
    const before = readFileSync(join(dir, VOTE), 'utf8');
    const r = await record(dir, '2024-02-23', 'ballots', '--pr', '42');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('record: vote 2024-02-22-adopt-logo closed without quorum: 3 of 5 members took part, 4 needed. No vote was taken');
    expect(readFileSync(join(dir, VOTE), 'utf8')).toBe(before);
  });

  it('without a vote in progress, or with a bad --pr, says so', async () => {
    const dir = writeRepo(repoWith());
    expect((await record(dir, '2024-02-23', 'ballots', '--pr', '42')).stderr).toBe('record: no vote is in progress here (a vote file with async.closes and no closed); nothing written\n');
    const bad = await record(dir, '2024-02-23', 'ballots', '--pr', '42; rm -rf /');
    expect(bad.status).toBe(2);
    expect(existsSync(join(dir, 'governance'))).toBe(true);
  });

  it('a vote opened with ballots is a usage error', async () => {
    const dir = writeRepo(repoWith());
    const r = await record(dir, '2024-02-15', 'vote', '--async', '--closes', '2024-02-22', '--kind', 'decision', '--motion', 'M', '--yes', 'ann');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('a vote opened with --closes has no ballots yet');
  });

  it.each<[string, string[], number, string]>([
    ['a tie-break before any ballot', ['--tie-break', 'chair:yes'], 2, 'a vote opened with --closes has no tie-break yet'],
    ['a recused id with no member file', ['--recused', 'zed'], 1, 'member "zed" is not a member'],
    ['closing before it opens', ['--opened', '2024-02-23'], 1, '--closes 2024-02-22 is before --opened 2024-02-23'],
  ])('opening a vote refuses %s, and writes nothing', async (_name, extra, status, message) => {
    const dir = writeRepo(repoWith());
    const r = await record(dir, '2024-02-15', 'vote', '--async', '--closes', '2024-02-22', '--kind', 'decision', '--motion', 'Adopt the logo', ...extra);
    expect(r.status).toBe(status);
    expect(r.stderr).toContain(message);
    expect(existsSync(join(dir, VOTE))).toBe(false);
  });
});

