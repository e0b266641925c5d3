// Enforces the charter's Policies 2, "After the initial appointment, the
// membership of ALESCo will manage itself": .github/CODEOWNERS gives the rules,
// schemas, workflows and charter numbers to exactly the current members.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderCodeowners } from '../../scripts/core/codeowners.ts';
import { brief, repoWith, runCheck, writeRepo, type Files } from '../helpers.ts';
import { runCommand } from '../cli-command.ts';

/** What `npm run codeowners` writes for the fixture committee (ann..eve, handles <id>-gh). */
const GOOD = renderCodeowners(['ann-gh', 'bob-gh', 'cat-gh', 'dan-gh', 'eve-gh']);
const ALL = '@ann-gh @bob-gh @cat-gh @dan-gh @eve-gh';
const former = (id: string, github: string, to = '2024-02-01') =>
  `id: ${id}\nname: ${id}\ngithub: ${github}\nservice:\n  - from: 2024-01-10\n    appointed_by: board\n    to: ${to}\n    left: resigned\n`;

const findings = (files: Files, codeowners: string | undefined, githubDir = true, today?: string) =>
  runCheck(repoWith(files), today, githubDir, codeowners).findings.filter((f) => f.rule === 'codeowners');
const show = (files: Files, codeowners: string | undefined, githubDir = true) =>
  findings(files, codeowners, githubDir).map((f) => `${brief(f)} ${f.message}`);

describe('codeowners: "After the initial appointment, the membership of ALESCo will manage itself"', () => {
  it.each<[string, Files, string | undefined, string[]]>([
    [
      'a missing CODEOWNERS in a repository with .github/: at 1:1',
      {},
      undefined,
      ['codeowners .github/CODEOWNERS:1:1 error .github/CODEOWNERS is missing: run `npm run codeowners` to write it (the current members own /scripts/, /schemas/, /.github/, /governance/charter.yaml)'],
    ],
    [
      'a current member left out of one path: at that line',
      {},
      GOOD.replace(`/schemas/                ${ALL}`, '/schemas/ @ann-gh @bob-gh @cat-gh @dan-gh'),
      [`codeowners .github/CODEOWNERS:5:1 error \`/schemas/\` must be owned by exactly the current members' GitHub handles ${ALL}: missing @eve-gh; run \`npm run codeowners\` to regenerate .github/CODEOWNERS`],
    ],
    [
      'a former member still owning a path',
      { 'governance/members/zed.yaml': former('zed', 'zed-gh') },
      GOOD.replace(`/.github/                ${ALL}`, `/.github/ ${ALL} @zed-gh`),
      [`codeowners .github/CODEOWNERS:6:1 error \`/.github/\` must be owned by exactly the current members' GitHub handles ${ALL}: @zed-gh is not a current member's GitHub handle; run \`npm run codeowners\` to regenerate .github/CODEOWNERS`],
    ],
    [
      'a member whose last period is closed, though still serving today (the rule reads the last period, not today)',
      { 'governance/members/zed.yaml': former('zed', 'zed-gh', '2024-12-31') },
      GOOD.replace(`/scripts/                ${ALL}`, `/scripts/ ${ALL} @zed-gh`),
      [`codeowners .github/CODEOWNERS:4:1 error \`/scripts/\` must be owned by exactly the current members' GitHub handles ${ALL}: @zed-gh is not a current member's GitHub handle; run \`npm run codeowners\` to regenerate .github/CODEOWNERS`],
    ],
    [
      'a member who came back (last period open) left out',
      {
        'governance/members/zed.yaml':
          'id: zed\nname: Zed\ngithub: Zed-GH\nservice:\n  - from: 2024-01-10\n    appointed_by: board\n    to: 2024-01-20\n    left: resigned\n  - from: 2024-02-07\n    appointed_by: 2024-02-01-membership\n',
      },
      GOOD,
      [4, 5, 6, 7].map(
        (line) =>
          `codeowners .github/CODEOWNERS:${line}:1 error \`${['/scripts/', '/schemas/', '/.github/', '/governance/charter.yaml'][line - 4]}\` must be owned by exactly the current members' GitHub handles ${ALL} @Zed-GH: missing @Zed-GH; run \`npm run codeowners\` to regenerate .github/CODEOWNERS`,
      ),
    ],
    [
      'an owned path with no line: at 1:1',
      {},
      GOOD.replace(/^\/governance\/charter\.yaml.*\n/m, ''),
      [`codeowners .github/CODEOWNERS:1:1 error \`/governance/charter.yaml\` has no line in .github/CODEOWNERS: it must be owned by exactly ${ALL}; run \`npm run codeowners\` to regenerate .github/CODEOWNERS`],
    ],
    [
      'a second, wrong line for a path, wherever it stands (CRLF line endings)',
      {},
      `/scripts/ @ann-gh\r\n${GOOD.replace(/\n/g, '\r\n')}`,
      [`codeowners .github/CODEOWNERS:1:1 error \`/scripts/\` must be owned by exactly the current members' GitHub handles ${ALL}: missing @bob-gh @cat-gh @dan-gh @eve-gh; run \`npm run codeowners\` to regenerate .github/CODEOWNERS`],
    ],
  ])('reports %s', (_name, files, codeowners, expected) => {
    expect(show(files, codeowners)).toEqual(expected);
  });

  it.each<[string, Files, string | undefined, boolean]>([
    ['the generated file', {}, GOOD, true],
    ['another order, other case, comments and unrelated lines', {}, `# ours\n*.md @docs\n${GOOD.split('\n').reverse().join('\n').replace(/@[a-z-]+/g, (h) => h.toUpperCase())}`, true],
    ['a repository without .github/ (not checked)', {}, undefined, false],
    ['a repository without .github/, even with a stale text', {}, '/scripts/ @nobody\n', false],
    ['a current member without `github` (simply not listed)', { 'governance/members/yan.yaml': 'id: yan\nname: Yan\nservice:\n  - from: 2024-01-10\n    appointed_by: board\n' }, GOOD, true],
    ['a former member not listed', { 'governance/members/zed.yaml': former('zed', 'zed-gh') }, GOOD, true],
    [
      'a handle of a member whose service the schema rejected: neither demanded nor reported',
      { 'governance/members/zed.yaml': former('zed', 'zed-gh', '2024-02-31') },
      GOOD.replace(`/scripts/                ${ALL}`, `/scripts/ ${ALL} @zed-gh`),
      true,
    ],
    [
      'a member whose period gives `left` without `to` (the schema\'s finding): service unknown, not "still serving"',
      { 'governance/members/zed.yaml': 'id: zed\nname: zed\ngithub: zed-gh\nservice:\n  - from: 2024-01-10\n    appointed_by: board\n    left: resigned\n' },
      GOOD,
      true,
    ],
    [
      'an unlisted handle while a current member\'s `github` was rejected by the schema (it may be theirs)',
      { 'governance/members/yan.yaml': 'id: yan\nname: Yan\ngithub: yan_gh\nservice:\n  - from: 2024-01-10\n    appointed_by: board\n' },
      GOOD.replace(`/scripts/                ${ALL}`, `/scripts/ ${ALL} @yan_gh`),
      true,
    ],
    [
      'an unlisted handle while a member file is unreadable (it may be theirs)',
      { 'governance/members/zed.yaml': 'id: zed\nid: zed\n' },
      GOOD.replace(`/scripts/                ${ALL}`, `/scripts/ ${ALL} @zed-gh`),
      true,
    ],
  ])('accepts %s', (_name, files, codeowners, githubDir) => {
    expect(findings(files, codeowners, githubDir)).toEqual([]);
  });

  it('is an error at every date, also before records_since (alwaysError)', () => {
    const charter = (repoWith()['governance/charter.yaml'] as string).replace('records_since: 2024-01-01', 'records_since: 2030-01-01');
    expect(findings({ 'governance/charter.yaml': charter }, '/scripts/ @ann-gh\n').map(brief)).toContain('codeowners .github/CODEOWNERS:1:1 error');
  });

  it('runs without a readable charter', () => {
    expect(findings({ 'governance/charter.yaml': null }, undefined).map(brief)).toEqual(['codeowners .github/CODEOWNERS:1:1 error']);
  });
});

describe('npm run codeowners', () => {
  const script = fileURLToPath(new URL('../../scripts/cli/codeowners.ts', import.meta.url));
  /**
   * `npm run codeowners -- --repo DIR ...`, its entry point run in this process
   * (tests/cli-command.ts: the same arguments, output, files written and exit
   * code); tests/cli/explain.test.ts starts it as a child process.
   */
  const cli = async (dir: string, ...args: string[]) => {
    const r = await runCommand('codeowners', ['--repo', dir, ...args]);
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('writes .github/CODEOWNERS (creating .github/), then --check passes and the rule is silent', async () => {
    const dir = writeRepo(repoWith());
    expect((await cli(dir, '--check')).code).toBe(1);
    const written = await cli(dir);
    expect(written).toMatchObject({ code: 0, out: `wrote .github/CODEOWNERS: ${ALL}\n` });
    const text = readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8');
    expect(text).toBe(GOOD);
    // No temporary file is left behind.
    expect(readdirSync(join(dir, '.github'))).toEqual(['CODEOWNERS']);
    expect(await cli(dir, '--check')).toMatchObject({ code: 0, out: '.github/CODEOWNERS is up to date\n' });
    expect(await cli(dir)).toMatchObject({ code: 0, out: '.github/CODEOWNERS is up to date\n' });
    expect(findings({}, text)).toEqual([]);
  });

  it('--check exits 1 and names the line of a stale file, writing nothing', async () => {
    const dir = writeRepo(repoWith());
    mkdirSync(join(dir, '.github'));
    const stale = GOOD.replace(' @eve-gh', '');
    writeFileSync(join(dir, '.github/CODEOWNERS'), stale);
    const r = await cli(dir, '--check');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^\.github\/CODEOWNERS:4:1 `\/scripts\/` must be owned by exactly .*: missing @eve-gh;/);
    expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toBe(stale);
    expect((await cli(dir)).code).toBe(0);
    expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toBe(GOOD);
  });

  it('refuses to guess when a member file cannot be read (exit 2), and on a bad call', async () => {
    const dir = writeRepo(repoWith({ 'governance/members/zed.yaml': 'id: zed\nid: zed\n' }));
    const r = await cli(dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('governance/members/zed.yaml could not be read');
    expect(existsSync(join(dir, '.github/CODEOWNERS'))).toBe(false);
    expect((await cli(dir, '--bogus')).code).toBe(2);
    expect((await cli(join(dir, 'governance'))).code).toBe(2);
  });
});
