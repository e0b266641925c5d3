// Record text and file names never speak to the runner or the terminal:
// `--format github` escapes every line it prints, and the text format shows
// control characters instead of obeying them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cutValues, visible, workflowCommand, workflowLine } from '../../scripts/core/escape.ts';
import { formatGithub, formatText } from '../../scripts/core/format.ts';
import { commandArgs } from '../cli-command.ts';
import { commit, git, gitRepo } from '../git/git-repo.ts';
import { repoWith, runCheck, writeRepo } from '../helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function check(args: string[]) {
  const r = spawnSync(process.execPath, [...commandArgs('check'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A member file whose name carries a newline and a forged workflow command, and no `id`. */
const FORGED = [
  'governance/members/zz\n::error file=README.md,line=1::forged.yaml',
  'governance/members/zz\n::add-mask::secret.yaml',
  'governance/members/zz\n::stop-commands::token.yaml',
  'governance/members/zz ##[error]forged.yaml',
];
const member = 'name: Zed\nservice:\n  - from: 2024-01-10\n    appointed_by: board\n';

/** Lines the runner would read as a workflow command: `::cmd` at the start, or `##[` anywhere. */
function commands(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^\s*::/.test(l) || l.includes('##['));
}

describe('--format github never lets record content become a workflow command', () => {
  const files = repoWith(Object.fromEntries(FORGED.map((f) => [f, member])));

  it('in the pure formatter: every command line is one of ours, with the name escaped', () => {
    const { findings, summary } = runCheck(files);
    const out = formatGithub(findings, summary);
    const lines = commands(out);
    expect(lines.length).toBe(findings.length);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) title=[a-z-]+,file=[^:]*,line=\d+,col=\d+::/);
    expect(out).not.toMatch(/^::(add-mask|stop-commands|error file=README)/m);
    // In a property the name is percent-encoded (the runner decodes it back); in a message it is shown.
    expect(out).toContain('file=governance/members/zz%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged.yaml,line=1,col=1::');
    expect(out).toContain('::zz\\n::error file=README.md,line=1::forged serves today');
  });

  it('on disk, through the real CLI', () => {
    const dir = writeRepo(files);
    const r = check(['--repo', dir, '--today', '2024-02-20', '--format', 'github']);
    expect(r.stderr).toBe('');
    const lines = commands(r.stdout);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) title=[a-z-]+,file=/);
    // The committee line names the members by id (from the file name): escaped, on one line.
    const committee = r.stdout.split('\n').find((l) => l.startsWith('Committee on'));
    expect(committee).toContain('zz\\n::error file=README.md');
    expect(committee).toContain('zz #\u200b#[error]forged');
  });

  it('through --rev, read from git objects', () => {
    const dir = gitRepo(repoWith());
    commit(dir, Object.fromEntries(FORGED.map((f) => [f, member])));
    const r = check(['--repo', dir, '--rev', git(dir, 'rev-parse', 'HEAD'), '--today', '2024-02-20', '--format', 'github']);
    expect(r.stderr).toBe('');
    for (const line of commands(r.stdout)) expect(line).toMatch(/^::(error|warning) title=[a-z-]+,file=/);
    expect(r.stdout).toContain('zz\\n::add-mask::secret');
  });
});

describe('the text format shows control characters instead of obeying them', () => {
  it('ESC, BEL and CR in a name or value are shown escaped', () => {
    const files = repoWith({
      'governance/members/eve.yaml':
        'id: eve\nname: "Eve \\e[2J\\a"\ngithub: "eve\\e]0;pwned\\a\\rX"\ndisclosures:\n  - date: 2024-01-10\n    employer: Example Corp\nservice:\n  - from: 2024-01-10\n    appointed_by: board\ncontinuation:\n  - { date: 2024-02-07, continues: true }\n',
      'governance/members/a\u001b[31mred.yaml': member,
    });
    const { findings, summary } = runCheck(files);
    const out = formatText(findings, summary);
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(out).toContain('a\\x1b[31mred');
    expect(out).toContain('"eve\\u001b]0;pwned\\u0007\\rX"'); // JSON-quoted by the schema message
  });
});

describe('escaping functions', () => {
  it.each([
    ['a\nb', 'a\\nb'],
    ['\u001b[0m', '\\x1b[0m'],
    ['bell\u0007', 'bell\\x07'],
    ['cr\r', 'cr\\r'],
    ['rtl \u202e override', 'rtl \\u202e override'],
    ['C1 \u009b CSI', 'C1 \\x9b CSI'],
    ['plain ünïcödé text', 'plain ünïcödé text'],
  ])('visible(%j)', (input, output) => {
    expect(visible(input)).toBe(output);
  });

  it.each([
    ['::error::x', '\u200b::error::x'],
    ['  ::add-mask::x', '\u200b  ::add-mask::x'],
    ['see ##[error]x', 'see #\u200b#[error]x'],
    ['Committee on 2024: a\n::stop-commands::t', 'Committee on 2024: a\\n::stop-commands::t'],
  ])('workflowLine(%j)', (input, output) => {
    expect(workflowLine(input)).toBe(output);
  });

  it('workflowCommand escapes properties and data', () => {
    expect(workflowCommand('error', { title: 'schema', file: 'a,b:c%\n.yaml', line: 3, col: 1 }, '50% done\r\n::x')).toBe(
      '::error title=schema,file=a%2Cb%3Ac%25%0A.yaml,line=3,col=1::50%25 done\\r\\n::x',
    );
  });

  it('cutValues cuts a long quoted value or a long run at 200 characters, and leaves the words', () => {
    const long = 'x'.repeat(500);
    expect(cutValues(`unknown key "${long}" (did you mean "date"?)`)).toBe(`unknown key "${'x'.repeat(199)}…" (did you mean "date"?)`);
    expect(cutValues(`member ${long} is not serving`)).toBe(`member ${'x'.repeat(199)}… is not serving`);
    const short = `a message of ${'words '.repeat(60)}`;
    expect(cutValues(short)).toBe(short);
  });
});

describe('long values are cut in messages', () => {
  it('a 5,000-character id in present is shown cut at about 200 characters, with "…"', () => {
    const long = `z${'x'.repeat(5000)}`;
    const { findings } = runCheck(
      repoWith({ 'governance/meetings/2024-02-14.yaml': `date: 2024-02-14\nkind: regular\npresent: [ann, bob, cat, dan, ${long}]\nboard: []\n` }),
    );
    const f = findings.find((x) => x.rule === 'unknown-reference');
    expect(f?.message.startsWith(`present "z${'x'.repeat(198)}…" is not a member: there is no governance/members/zxx`)).toBe(true);
    expect(f?.message.endsWith('x…')).toBe(true);
    expect(f?.message.length).toBeLessThan(450);
    expect(findings.every((x) => x.message.length < 1000)).toBe(true);
  });
});
