// The real CLI: exit codes and the three output formats. A usage error and
// a closed pipe start it as a child process (`spawnCheck`, through
// scripts/launch.mjs: the exit status of a real process, EPIPE); the rest run
// the same entry point in this process (`check`: the same arguments, output
// and exit code; tests/cli-command.ts).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoWith, writeRepo } from '../helpers.ts';
import { commandArgs, runCommand } from '../cli-command.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENV = { NO_COLOR: '1', GITHUB_ACTIONS: '' };

function spawnCheck(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [...commandArgs('check'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...ENV, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function check(args: string[], env: Record<string, string> = {}) {
  const r = await runCommand('check', args, { ...ENV, ...env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const EVE = 'governance/members/eve.yaml';
const broken = writeRepo(
  repoWith({
    [EVE]: 'id: eve\nname: Eve Example\ngithub: "eve example"\ndisclosures:\n  - date: 2024-01-10\n    employer: Example Corp\nservice:\n  - from: 2024-01-10\n    appointed_by: board\ncontinuation:\n  - { date: 2024-02-07, continues: true }\n',
    'governance/members/zed.yaml': 'id: zed\nid: zed\n',
  }),
);
const valid = writeRepo(repoWith());

const COMMITTEE = [
  'Committee on 2024-02-20: 5 members serving (ann, bob, cat, dan, eve)',
  'Quorum: 4 present (50% + 1, minimum 4)',
  'Chair: ann since 2024-02-07, term ends 2024-08-07',
  'Next semi-annual check-in: 2024-08-07',
  'Open RFCs: discussion RFC 0001',
];

describe('npm run check', () => {
  it('passes a valid repository with exit code 0', async () => {
    const r = await check(['--repo', valid, '--today', '2024-02-20']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([...COMMITTEE, '✔ no problems (10 files checked)', ''].join('\n'));
    expect(r.code).toBe(0);
  });

  it('text: names every broken file with line and column, exit code 1', async () => {
    const r = await check(['--repo', broken, '--today', '2024-02-20']);
    expect(r.stdout).toBe(
      [
        'governance/members/eve.yaml:3:9 error schema github: "eve example" is not valid here: a GitHub login: 1 to 39 letters, digits or hyphens, not starting with a hyphen',
        '',
        'governance/members/zed.yaml:2:1 error yaml-syntax duplicate key: every key may appear once in a mapping',
        '',
        ...COMMITTEE,
        '✖ 2 errors, 0 warnings in 2 files (11 files checked)',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
  });

  it('json: findings and summary', async () => {
    const r = await check(['--repo', broken, '--today', '2024-02-20', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: unknown[]; summary: Record<string, unknown> };
    expect(out.findings).toEqual([
      {
        rule: 'schema',
        severity: 'error',
        file: 'governance/members/eve.yaml',
        line: 3,
        column: 9,
        message: 'github: "eve example" is not valid here: a GitHub login: 1 to 39 letters, digits or hyphens, not starting with a hyphen',
      },
      {
        rule: 'yaml-syntax',
        severity: 'error',
        file: 'governance/members/zed.yaml',
        line: 2,
        column: 1,
        message: 'duplicate key: every key may appear once in a mapping',
      },
    ]);
    expect(out.summary).toEqual({
      today: '2024-02-20',
      files: 11,
      errors: 2,
      warnings: 0,
      committee: {
        date: '2024-02-20',
        members: ['ann', 'bob', 'cat', 'dan', 'eve'],
        quorum: 4,
        quorumRule: '50% + 1, minimum 4',
        chair: { member: 'ann', from: '2024-02-07', termEnd: '2024-08-07' },
        nextCheckIn: '2024-08-07',
        termMonths: 6,
        checkIn: true,
        openRfcs: { draft: [], discussion: [1], fcp: [] },
      },
    });
  });

  it('github: one workflow command per finding', async () => {
    const r = await check(['--repo', broken, '--today', '2024-02-20', '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      '::error title=schema,file=governance/members/eve.yaml,line=3,col=9::github: "eve example" is not valid here: a GitHub login: 1 to 39 letters, digits or hyphens, not starting with a hyphen',
      '::error title=yaml-syntax,file=governance/members/zed.yaml,line=2,col=1::duplicate key: every key may appear once in a mapping',
    ]);
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--repo', '/nonexistent/dir'], '--repo /nonexistent/dir: no such directory'],
    [['--repo', ROOT + 'scripts'], 'has no governance/ folder'],
    [['--today', '2024-02-30'], '--today 2024-02-30: expected a real date written YYYY-MM-DD'],
    [['--format', 'xml'], '--format xml: expected text, json or github'],
  ])('usage error %j: exit 2, a clear message, no stack trace', async (args, message) => {
    // One as a child process: a usage error is exit status 2 of a real process.
    const r = args[0] === '--bogus' ? spawnCheck(args) : await check(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Usage: npm run check');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

describe('a reader that stops early', () => {
  it('ends quietly on a closed pipe: no stack trace', async () => {
    const { spawn } = await import('node:child_process');
    const many: Record<string, string> = {};
    for (let i = 0; i < 400; i++) many[`governance/members/x${i}.yaml`] = `id: x${i}\nname: X\nservice: []\nfoo: 1\n`;
    const dir = writeRepo(repoWith(many));
    const child = spawn(process.execPath, [...commandArgs('check'), '--repo', dir, '--today', '2024-02-20', '--format', 'github'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(1);
  });
});

describe('the summary on a date past the chair term', () => {
  it('says the term ended and an election is due', async () => {
    const r = await check(['--repo', valid, '--today', '2024-09-20']);
    expect(r.stdout).toContain('Chair: ann since 2024-02-07, term ended 2024-08-07: an election is due\n');
    expect(r.stdout).toContain('The semi-annual check-in is due: since 2024-08-07\n');
  });
});
