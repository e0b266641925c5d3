// The package as an adopter gets it: `npm pack` (its prepack builds the
// bundles and the shrinkwrap), the tarball installed into a temporary
// repository that holds records only, and every command run from
// node_modules/.bin: init from flags, check, record, summary on a git
// branch, site, due, explain. The committee has 12-month chair terms and no
// check-in: no continuation finding and no "semi-annual" anywhere.
//
// Packed ONCE for the file, from a staging copy of the checkout (the
// checkout itself is never written to), and installed with `npm ci
// --offline` from a lockfile made of the package's own shrinkwrap: every
// dependency comes from the npm cache this repository's install filled.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../scripts/core/check.ts';
import { loadSchemas } from '../../scripts/shell/fs-repo.ts';
import { GIT_ENV, ROOT } from '../git/git-repo.ts';

const TODAY = '2025-03-01';
const LATER = '2025-03-10';
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string>; files: string[] };
const COMMANDS = ['check', 'summary', 'comment', 'site', 'record', 'due', 'attest', 'init', 'explain', 'codeowners', 'status', 'history', 'import', 'status-page', 'due-issue'];

const ENV = {
  ...GIT_ENV,
  NO_COLOR: '1',
  npm_config_update_notifier: 'false',
};

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run a program to its end (async, so independent commands share the wait). */
function run(cmd: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ status: code ?? 1, stdout, stderr }));
  });
}

function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd: dir, env: ENV, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

let work: string;
let tarball: string;
let packed: string[];
let repo: string;
let bin: string;
const tool = (args: readonly string[], cwd = repo): Promise<Run> => run(process.execPath, [bin, ...args], cwd);

/** Every file under `dir`, relative, sorted. */
function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), base) : [relative(base, join(dir, e.name))]))
    .sort();
}

const MEMBERS = [
  'ann:Ann Example:ann-gh:Example Corp',
  'bob:Bob Example:bob-gh:self-employed',
  'cat:Cat Example:cat-gh:none',
  'dan:Dan Example:dan-gh:Example Corp',
  'eve:Eve Example:eve-gh:Example Corp',
  'fay:Fay Example:fay-gh:Example, Inc.',
  'gus:Gus Example:gus-gh:Example Corp',
];
const IDS = ['ann', 'bob', 'cat', 'dan', 'eve', 'fay', 'gus'];

let init: Run;
/** What runs on main right after init, all at once (each only reads). */
const first: Record<string, Run> = {};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gov-pkg-'));
  // A staging copy of what `npm pack` reads, with the checkout's node_modules
  // linked in for the prepack build (esbuild): the checkout is never written.
  const stage = join(work, 'stage');
  mkdirSync(stage);
  for (const f of ['package.json', 'package-lock.json', 'README.md']) cpSync(join(ROOT, f), join(stage, f));
  for (const d of ['scripts', 'schemas', 'templates'])
    cpSync(join(ROOT, d), join(stage, d), { recursive: true, filter: (src) => !src.includes(`${join('scripts', '.build')}`) });
  symlinkSync(join(ROOT, 'node_modules'), join(stage, 'node_modules'));
  const pack = await run('npm', ['pack', '--json', '--pack-destination', work], stage);
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const info = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info[0]!.filename);
  packed = info[0]!.files.map((f) => f.path).sort();

  // The records-only repository: its lockfile pins the tarball and the package's own shrinkwrap.
  repo = join(work, 'records');
  mkdirSync(repo);
  const tar = spawnSync('tar', ['-xzf', tarball, '-C', work, 'package/npm-shrinkwrap.json'], { encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`tar: ${tar.stderr}`);
  const shrinkwrap = JSON.parse(readFileSync(join(work, 'package/npm-shrinkwrap.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };
  const spec = `file:../${info[0]!.filename}`;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const { '': own = {}, ...deps } = shrinkwrap.packages;
  const packages: Record<string, unknown> = {
    '': { name: 'records', devDependencies: { [PKG.name]: spec } },
    [`node_modules/${PKG.name}`]: { version: PKG.version, resolved: spec, integrity, dev: true, bin: PKG.bin, dependencies: own.dependencies, engines: own.engines },
  };
  for (const [path, entry] of Object.entries(deps)) packages[path] = { ...entry, dev: true };
  writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'records', private: true, devDependencies: { [PKG.name]: spec } }, null, 2));
  writeFileSync(join(repo, 'package-lock.json'), JSON.stringify({ name: 'records', lockfileVersion: 3, requires: true, packages }, null, 2));
  const install = await run('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], repo);
  if (install.status !== 0) throw new Error(`npm ci failed: ${install.stderr}`);
  bin = join(repo, 'node_modules', '.bin', Object.keys(PKG.bin)[0]!);

  git(repo, 'init', '-q', '-b', 'main');
  init = await tool([
    'init',
    '--committee', 'Example Steering Committee',
    '--members', MEMBERS.slice(0, 5).join(','),
    '--member', MEMBERS[5]!,
    '--member', MEMBERS[6]!,
    '--board-appointment', '2025-01-15',
    '--quorum-minimum', '5',
    '--term-months', '12',
    '--check-in', 'off',
    '--today', TODAY,
    '--yes',
  ]);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'init');
  const names = ['version', 'help', 'unknown', 'explain'] as const;
  const runs = await Promise.all([
    tool(['--version']),
    tool(['--help']),
    tool(['readme']),
    tool(['explain', 'chair-term-length', '--repo', '.']),
  ]);
  names.forEach((name, i) => (first[name] = runs[i]!));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships the bin, the launcher, a bundle per command, the schemas, the templates and the shrinkwrap; no sources, tests or ALESCo records', () => {
    for (const c of COMMANDS) expect(packed, c).toContain(`scripts/.build/${c}.mjs`);
    expect(packed).toEqual(expect.arrayContaining(['package.json', 'README.md', 'npm-shrinkwrap.json', 'scripts/bin.mjs', 'scripts/launch.mjs', 'scripts/build.mjs', 'scripts/.build/release.json', 'schemas/charter.schema.json']));
    expect(packed.filter((p) => p.startsWith('templates/')).sort()).toEqual(readdirSync(join(ROOT, 'templates/workflows')).map((f) => `templates/workflows/${f}`).sort());
    expect(packed.filter((p) => /\.ts$|^tests\/|^governance\/|^rfcs\/|^\.github\/|tmp/.test(p))).toEqual([]);
  });

  it('the shrinkwrap pins every production dependency of the lockfile, and nothing only development needs', () => {
    const shrinkwrap = JSON.parse(readFileSync(join(work, 'package/npm-shrinkwrap.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; integrity?: string }> };
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const production = Object.keys(lock.packages).filter((p) => p !== '' && !lock.packages[p]!.dev);
    expect(Object.keys(shrinkwrap.packages).filter((p) => p !== '').sort()).toEqual(production.sort());
    expect(Object.keys(shrinkwrap.packages)).not.toContain('node_modules/vitest');
    expect(Object.values(shrinkwrap.packages).filter((e) => e.dev)).toEqual([]);
  });

  it('the checkout is left as it was (no shrinkwrap left behind)', () => {
    expect(existsSync(join(ROOT, 'npm-shrinkwrap.json'))).toBe(false);
  });
});

describe('the installed command', () => {
  it('prints its version and its commands', () => {
    const { version, help, unknown } = first;
    expect(version).toEqual({ status: 0, stdout: `${PKG.version}\n`, stderr: '' });
    expect(help?.stdout).toContain(`Usage: ${Object.keys(PKG.bin)[0]} COMMAND [options]`);
    for (const c of COMMANDS) expect(help?.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(unknown?.status).toBe(2);
    expect(unknown?.stderr).toContain('unknown command "readme"');
  });

  it('init writes a repository from flags, with nothing but records, workflows and a README', () => {
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(listFiles(repo).filter((f) => !f.startsWith('node_modules') && !f.startsWith('.git/') && !f.startsWith('package'))).toEqual([
      '.github/CODEOWNERS',
      '.github/dependabot.yml',
      '.github/workflows/due-report.yml',
      '.github/workflows/governance-check.yml',
      '.github/workflows/governance-comment.yml',
      '.github/workflows/governance-main.yml',
      '.github/workflows/governance-vote.yml',
      '.github/workflows/status-page.yml',
      '.gitignore',
      'README.md',
      'governance/chair-terms.yaml',
      'governance/charter.yaml',
      ...IDS.map((id) => `governance/members/${id}.yaml`),
    ]);
    expect(init.stdout).toContain('Checked with the rules of `check`: 0 errors, 0 warnings.');
    // The caller workflows name the release of the package that wrote them.
    expect(readFileSync(join(repo, '.github/workflows/governance-check.yml'), 'utf8')).toMatch(
      new RegExp(`uses: [\\w.-]+/[\\w.-]+/\\.github/workflows/reusable-check\\.yml@(v${PKG.version.replaceAll('.', '\\.')}|[0-9a-f]{40}) # v${PKG.version.replaceAll('.', '\\.')}\\n`),
    );
    expect(readFileSync(join(repo, 'governance/chair-terms.yaml'), 'utf8')).toContain('\nterms: []\n');
    expect(readFileSync(join(repo, 'governance/members/fay.yaml'), 'utf8')).toContain('employer: "Example, Inc."');
  });

  it('explain --repo quotes the committee\'s own number and sentence', () => {
    expect(first.explain?.stdout).toContain("In Example Steering Committee's charter (governance/charter.yaml):\n    chair.term_months: 12   # the chair is elected for a term of 12 months\n");
  });

  describe('a branch with a meeting, a chair election and the chair\'s term', () => {
    const outputs: Record<string, Run> = {};
    const site = (): string => join(repo, 'site');

    beforeAll(async () => {
      git(repo, 'checkout', '-q', '-b', 'record/election');
      mkdirSync(join(repo, 'governance/meetings'));
      writeFileSync(join(repo, 'governance/meetings/2025-03-05.yaml'), `date: 2025-03-05\nkind: regular\nchaired_by: ann\npresent: [${IDS.join(', ')}]\n`);
      mkdirSync(join(repo, 'governance/votes'));
      writeFileSync(
        join(repo, 'governance/votes/2025-03-05-chair-election.yaml'),
        [
          'id: 2025-03-05-chair-election',
          'date: 2025-03-05',
          'meeting: 2025-03-05',
          'kind: chair-election',
          'motion: Elect the chair for the next 12 months',
          'candidates:',
          '  - { member: ann, nominated_by: bob, accepted: true }',
          'ballots:',
          ...IDS.map((id) => `  ${id}: ann`),
          'result: elected:ann',
          '',
        ].join('\n'),
      );
      writeFileSync(join(repo, 'governance/chair-terms.yaml'), 'terms:\n  - { member: ann, from: 2025-03-05, elected_by: 2025-03-05-chair-election }\n');
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '-m', 'Chair election');
      const [summary, check, due, siteRun] = await Promise.all([
        tool(['summary', '--base-branch', 'main', '--today', LATER]),
        tool(['check', '--today', LATER]),
        tool(['due', '--today', LATER, '--within', '400']),
        tool(['site', '--out', 'site', '--today', LATER]),
      ]);
      Object.assign(outputs, { summary, check, due, site: siteRun });
    }, 60_000);

    it('summary on the branch passes: nothing new is wrong', () => {
      expect(outputs.summary?.status, outputs.summary?.stderr).toBe(0);
      expect(outputs.summary?.stderr).toContain('0 new errors');
      expect(outputs.summary?.stdout).toContain('2025-03-05-chair-election');
    });

    it('check passes with no finding at all: no continuation-missing with the check-in off', () => {
      expect(outputs.check?.status).toBe(0);
      expect(outputs.check?.stdout).toBe(
        [
          'Committee on 2025-03-10: 7 members serving (ann, bob, cat, dan, eve, fay, gus)',
          'Quorum: 5 present (50% + 1, minimum 5)',
          'Chair: ann since 2025-03-05, term ends 2026-03-05',
          'Open RFCs: none',
          '✔ no problems (11 files checked)',
          '',
        ].join('\n'),
      );
    });

    it('with the check-in on, the same records would ask each member to answer (the test can fail)', () => {
      const encoder = new TextEncoder();
      const files = listFiles(join(repo, 'governance')).map((f) => {
        const text = readFileSync(join(repo, 'governance', f), 'utf8');
        return { path: `governance/${f}`, bytes: encoder.encode(f === 'charter.yaml' ? text.replace('check_in: false', 'check_in: true') : text) };
      });
      const rules = checkFiles({ files, schemas: loadSchemas(), today: LATER }).findings.map((f) => f.rule);
      expect(rules.filter((r) => r === 'continuation-missing')).toHaveLength(IDS.length);
    });

    it('due lists the chair election a year on, and no check-in', () => {
      expect(outputs.due?.status).toBe(0);
      expect(outputs.due?.stdout).toContain('chair-election: the chair term of ann from 2025-03-05 ends 2026-03-05 (12 months;');
      expect(outputs.due?.stdout).not.toContain('check-in');
    });

    it('site writes the committee\'s site', () => {
      expect(outputs.site?.status, outputs.site?.stderr).toBe(0);
      expect(existsSync(join(site(), 'index.html'))).toBe(true);
    });

    it('no output says "semi-annual", nor names ALESCo', () => {
      const texts: [string, string][] = Object.entries({ ...first, ...outputs }).flatMap(([name, r]) => [[`${name} stdout`, r.stdout] as [string, string], [`${name} stderr`, r.stderr] as [string, string]]);
      // explain labels ALESCo's own charter sentence as ALESCo's: that one is meant.
      const own = texts.filter(([name]) => !name.startsWith('explain'));
      for (const f of listFiles(site())) own.push([`site/${f}`, readFileSync(join(site(), f), 'utf8')]);
      for (const f of listFiles(repo).filter((f) => !f.startsWith('node_modules') && !f.startsWith('.git/') && !f.startsWith('site/'))) own.push([f, readFileSync(join(repo, f), 'utf8')]);
      expect(own.length).toBeGreaterThan(20);
      for (const [name, text] of own) {
        expect(text, name).not.toMatch(/semi-annual/i);
        expect(text, name).not.toMatch(/ALESCo/);
      }
    });
  });
});
