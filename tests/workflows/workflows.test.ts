// The workflows, validated by GitHub's own workflow parser
// (@actions/workflow-parser), and held to the rules that make them safe,
// here and in every committee that calls them:
// - the reusable workflows (.github/workflows/reusable-*.yml, `on:
//   workflow_call`) hold every job body: the pull-request check, safe for
//   pull requests from forks and judging what would land (the merge commit,
//   the merge queue's group) with the pinned tool, never the PR's code; the
//   main-branch check; the comment poster; the site's build and deploy; the
//   due report;
// - this repository's own workflows are short callers of them, and so are
//   the templates a committee copies (templates/workflows/, which init
//   writes pinned to the release's commit);
// - every action pinned by commit SHA and kept current by Dependabot;
//   `permissions: {}` at the top and each job granted only what it needs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { InitError, pinTemplate } from '../../scripts/core/init.ts';
import { baseRepo } from '../helpers.ts';
import { commit, git, gitRepo, ROOT, run } from '../git/git-repo.ts';

const DIR = join(ROOT, '.github/workflows');
const TEMPLATES = join(ROOT, 'templates/workflows');
const DEPENDABOT = join(ROOT, '.github/dependabot.yml');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

const CHECK = 'governance-check.yml';
const COMMENT = 'governance-comment.yml';
const MAIN = 'governance-main.yml';
const VOTE = 'governance-vote.yml';
const STATUS = 'status-page.yml';
const DUE = 'due-report.yml';
const CALLERS = [CHECK, COMMENT, MAIN, STATUS, DUE, VOTE];
const R_CHECK = 'reusable-check.yml';
const R_COMMENT = 'reusable-comment.yml';
const R_VOTE = 'reusable-vote.yml';
const R_SITE = 'reusable-site.yml';
const R_DUE = 'reusable-due.yml';
const REUSABLE = [R_CHECK, R_COMMENT, R_SITE, R_DUE, R_VOTE];
/** Every workflow file of this repository, whatever its kind: each is held to the rules below. */
const REPO_FILES = readdirSync(DIR).sort();
const TEMPLATE_FILES = readdirSync(TEMPLATES).sort();

/** A release commit, as init pins the templates when the package was packed from one. */
const SAMPLE_COMMIT = '0123456789abcdef0123456789abcdef01234567';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
  'working-directory'?: string;
}
interface Job {
  name?: string;
  if?: string;
  needs?: string | string[];
  uses?: string;
  with?: Record<string, unknown>;
  permissions?: unknown;
  environment?: { name: string; url?: string };
  steps?: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

/** Every workflow text under test, by label: this repository's, the templates, and the templates as init pins them. */
const SOURCES = new Map<string, string>([
  ...REPO_FILES.map((f): [string, string] => [f, readFileSync(join(DIR, f), 'utf8')]),
  ...TEMPLATE_FILES.map((f): [string, string] => [`templates/${f}`, readFileSync(join(TEMPLATES, f), 'utf8')]),
  ...TEMPLATE_FILES.map((f): [string, string] => [
    `pinned/${f}`,
    pinTemplate(f, readFileSync(join(TEMPLATES, f), 'utf8'), { name: PKG.name, version: PKG.version, commit: SAMPLE_COMMIT }),
  ]),
]);
const ALL = [...SOURCES.keys()];

const text = (label: string): string => SOURCES.get(label) ?? readFileSync(join(DIR, label), 'utf8');
const workflow = (label: string): Workflow => parse(text(label)) as Workflow;
const steps = (label: string): Step[] => Object.values(workflow(label).jobs).flatMap((j) => j.steps ?? []);
const stepsOf = (label: string, job: string): Step[] => workflow(label).jobs[job]?.steps ?? [];

/** Errors per file from @actions/workflow-parser, run by lint-workflows.ts in its own process. */
function lint(...files: string[]): Record<string, string[]> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/workflows/lint-workflows.ts'), ...files], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`the workflow linter failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, string[]>;
}

/** `owner/repo` or `owner/repo/path`, `@`, a full lowercase commit SHA, then ` # v<release>` and nothing else. */
const PINNED_USES = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_./-]+)?@[0-9a-f]{40} # v\d+(?:\.\d+){0,2}$/;
/** The `uses:` value of a workflow line, as written (comment included); undefined for other lines. */
const USES_LINE = /^\s*(?:-\s+)?uses:\s*(.*?)\s*$/;
/** A caller's reusable workflow of the tool's repository, as the templates name it before init pins it. */
const TEMPLATE_USES = new RegExp(`^([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)/\\.github/workflows/(reusable-[a-z-]+\\.yml)@v${PKG.version.replaceAll('.', '\\.')} # v${PKG.version.replaceAll('.', '\\.')}$`);

/** The `uses:` lines that are not pinned by SHA with their release in a comment (local `./` workflows excepted). */
function unpinned(source: string): string[] {
  const bad: string[] = [];
  source.split('\n').forEach((line, i) => {
    const value = USES_LINE.exec(line)?.[1];
    if (value === undefined || /^['"]?\.\//.test(value)) return;
    if (!PINNED_USES.test(value)) bad.push(`line ${i + 1}: ${value}`);
  });
  return bad;
}

/** Every `uses:` line's value (comment included), local ones left out. */
function usesLines(source: string): string[] {
  return source
    .split('\n')
    .map((line) => USES_LINE.exec(line)?.[1])
    .filter((v): v is string => v !== undefined && !/^['"]?\.\//.test(v));
}

/** The reusable workflow a caller's job calls, as a file of this repository (undefined: it calls none). */
function calledFile(uses: string | undefined): string | undefined {
  if (uses === undefined) return undefined;
  const local = /^\.\/\.github\/workflows\/([a-z-]+\.yml)$/.exec(uses);
  if (local) return local[1];
  const remote = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/\.github\/workflows\/([a-z-]+\.yml)@\S+$/.exec(uses);
  return remote?.[1];
}

/** Values an attacker chooses (branch names, titles, bodies, commit messages, labels): never in a step. */
const ATTACKER_TEXT = /\bhead_ref\b|\.head\.ref\b|\bhead_branch\b|\.(?:title|body)\b|head_commit\.message|\.commits\b|\.label\b|\.labels\b/;

/** The step every reusable job that runs the tool starts with; the same text in every file. */
const INSTALL_NAME = "Install committee-governance (the pinned version, never the pull request's; no install scripts)";
const installSteps = (label: string): Step[] => steps(label).filter((s) => s.name === INSTALL_NAME);

describe('workflow files', () => {
  it('are exactly the callers (the pull-request check and comment, the main-branch check, the site, the due report) and the reusable workflows they call', () => {
    expect(REPO_FILES).toEqual([...CALLERS, ...REUSABLE].sort());
  });

  it('the templates a committee copies are the same callers', () => {
    expect(TEMPLATE_FILES).toEqual([...CALLERS].sort());
  });

  // One linter process for every file and a broken one (a process costs a second on a 2-core machine).
  let linted: Record<string, string[]> | undefined;
  const tmp = mkdtempSync(join(tmpdir(), 'gov-wf-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const lintOnce = (): Record<string, string[]> => {
    if (linted) return linted;
    const bad = join(tmp, 'bad.yml');
    writeFileSync(bad, 'on: push\npermissions: { contents: reed }\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n        bogus: 1\n');
    const paths = ALL.map((label) => {
      const file = join(tmp, label.replaceAll('/', '__'));
      writeFileSync(file, text(label));
      return file;
    });
    const out = lint(...paths, bad);
    return (linted = Object.fromEntries(Object.entries(out).map(([k, v]) => [k.replaceAll('__', '/'), v])));
  };

  it('all pass the workflow parser: this repository\'s, the templates, and the templates as init pins them', () => {
    const { 'bad.yml': _bad, ...real } = lintOnce();
    expect(real).toEqual(Object.fromEntries(ALL.map((label) => [label, []])));
  });

  it('the linter does catch a broken workflow (the test can fail)', () => {
    expect(lintOnce()['bad.yml']).toEqual(["bad.yml (Line: 2, Col: 26): Unexpected value 'reed'", "bad.yml (Line: 8, Col: 9): Unexpected value 'bogus'"]);
  });

  it.each(ALL)('%s: no ${{ }} expression inside a run: script (values come in through env:)', (label) => {
    for (const step of steps(label)) if (step.run) expect(step.run, step.name).not.toContain('${{');
  });

  it.each(ALL)('%s: no step or job reads text an attacker chooses (branch names, titles, bodies, messages, labels)', (label) => {
    for (const step of steps(label)) {
      const values = [step.run, step.if, ...Object.values(step.env ?? {}), ...Object.values(step.with ?? {})];
      for (const value of values) if (value !== undefined) expect(String(value), step.name).not.toMatch(ATTACKER_TEXT);
    }
    for (const job of Object.values(workflow(label).jobs))
      for (const value of [job.if, ...Object.values(job.with ?? {})]) if (value !== undefined) expect(String(value)).not.toMatch(ATTACKER_TEXT);
  });

  it.each(ALL)('%s: never pull_request_target, never a persisted token in a checkout', (label) => {
    expect(text(label)).not.toContain('pull_request_target');
    const checkouts = steps(label).filter((s) => s.uses?.startsWith('actions/checkout@'));
    for (const step of checkouts) expect(step.with?.['persist-credentials'], step.name).toBe(false);
  });

  it.each(ALL)('%s: pins its permissions: a top-level map, each scope named, nothing *-all', (label) => {
    const wf = workflow(label);
    const scopes = (p: unknown): void => {
      expect(p !== null && typeof p === 'object' && !Array.isArray(p), 'permissions must be a map of scopes').toBe(true);
      for (const level of Object.values(p as Record<string, unknown>)) expect(['read', 'write', 'none']).toContain(level);
    };
    scopes(wf.permissions);
    expect(text(label)).not.toMatch(/permissions:\s*(read|write)-all/);
    for (const job of Object.values(wf.jobs)) if (job.permissions !== undefined) scopes(job.permissions);
  });

  it.each(ALL)('%s: grants nothing at workflow level (permissions: {}), so no job inherits a scope', (label) => {
    expect(workflow(label).permissions).toEqual({});
  });

  it.each(ALL)('%s: every job names its own permissions', (label) => {
    for (const [id, job] of Object.entries(workflow(label).jobs)) {
      expect(job.permissions, `job ${id}`).toBeDefined();
      expect(typeof job.permissions === 'object' && job.permissions !== null && !Array.isArray(job.permissions), `job ${id}`).toBe(true);
    }
  });

  /** What each job may do: the least that lets it work. A caller grants what the jobs it calls need together. */
  const GRANTS: Record<string, Record<string, Record<string, string>>> = {
    [CHECK]: { check: { contents: 'read' } },
    [COMMENT]: { comment: { contents: 'read', actions: 'read', 'pull-requests': 'write', statuses: 'write' } },
    [VOTE]: { vote: { contents: 'read', 'pull-requests': 'write', statuses: 'write' } },
    [MAIN]: { check: { contents: 'read' } },
    [STATUS]: { site: { contents: 'read', pages: 'write', 'id-token': 'write' } },
    [DUE]: { due: { contents: 'read', issues: 'write' } },
    [R_CHECK]: { check: { contents: 'read' }, main: { contents: 'read' } },
    [R_COMMENT]: { comment: { contents: 'read', actions: 'read', 'pull-requests': 'write', statuses: 'write' } },
    [R_VOTE]: { attest: { contents: 'read', 'pull-requests': 'write', statuses: 'write' } },
    [R_SITE]: { build: { contents: 'read' }, deploy: { pages: 'write', 'id-token': 'write' } },
    [R_DUE]: { report: { contents: 'read' }, issue: { contents: 'read', issues: 'write' } },
  };
  const base = (label: string): string => label.replace(/^(templates|pinned)\//, '');

  it.each(ALL)('%s: every job is granted exactly what it needs (a checkout needs contents: read)', (label) => {
    const jobs = workflow(label).jobs;
    expect(Object.fromEntries(Object.entries(jobs).map(([id, job]) => [id, job.permissions]))).toEqual(GRANTS[base(label)]);
    for (const [id, job] of Object.entries(jobs))
      if ((job.steps ?? []).some((s) => s.uses?.startsWith('actions/checkout@')))
        expect((job.permissions as Record<string, string>).contents, `job ${id} checks out`).toBe('read');
  });

  it.each(ALL)('%s: a job that calls a reusable workflow grants exactly what the called jobs need together, no more', (label) => {
    for (const [id, job] of Object.entries(workflow(label).jobs)) {
      const called = calledFile(job.uses);
      if (!called) continue;
      const union: Record<string, string> = {};
      for (const j of Object.values(workflow(called).jobs))
        for (const [scope, level] of Object.entries((j.permissions ?? {}) as Record<string, string>)) if (union[scope] !== 'write') union[scope] = level;
      expect(job.permissions, `job ${id} calls ${called}`).toEqual(union);
    }
  });

  it.each([...REPO_FILES, ...ALL.filter((l) => l.startsWith('pinned/'))])(
    '%s: every action is GitHub\'s own (actions/*), every reusable workflow the tool\'s own, each pinned by a full commit SHA with its release in a comment',
    (label) => {
      expect(unpinned(text(label))).toEqual([]);
      // Parsed the same way GitHub parses it: a `uses:` the line check missed (a
      // flow mapping, a quoted key) still has to be a bare SHA pin.
      const wf = workflow(label);
      for (const uses of steps(label).map((s) => s.uses).filter((u): u is string => u !== undefined)) expect(uses).toMatch(/^actions\/[a-z-]+@[0-9a-f]{40}$/);
      for (const job of Object.values(wf.jobs)) {
        if (job.uses === undefined) continue;
        const called = calledFile(job.uses);
        expect(REUSABLE, job.uses).toContain(called);
        if (!job.uses.startsWith('./')) expect(job.uses).toMatch(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/\.github\/workflows\/reusable-[a-z-]+\.yml@[0-9a-f]{40}$/);
      }
      const remote = [...Object.values(wf.jobs).map((j) => j.uses), ...steps(label).map((s) => s.uses)].filter((u): u is string => u !== undefined && !u.startsWith('./'));
      expect(usesLines(text(label))).toHaveLength(remote.length);
    },
  );

  it.each(TEMPLATE_FILES)('templates/%s: calls the tool\'s reusable workflow of this release (init pins it to the release\'s commit)', (file) => {
    const uses = usesLines(text(`templates/${file}`));
    expect(uses).toHaveLength(1);
    expect(uses[0]).toMatch(TEMPLATE_USES);
    expect(usesLines(text(`pinned/${file}`))).toEqual([uses[0]!.replace(`@v${PKG.version} `, `@${SAMPLE_COMMIT} `)]);
  });

  it('every template names the same repository of the tool', () => {
    const repos = new Set(TEMPLATE_FILES.map((f) => TEMPLATE_USES.exec(usesLines(text(`templates/${f}`))[0] ?? '')?.[1]));
    expect(repos.size).toBe(1);
  });

  it('pinning refuses a template of another release and one that calls no reusable workflow (the test can fail)', () => {
    const release = { name: PKG.name, version: '9.9.9', commit: SAMPLE_COMMIT };
    expect(() => pinTemplate(CHECK, text(`templates/${CHECK}`), release)).toThrow(InitError);
    expect(() => pinTemplate('x.yml', 'on: push\njobs: {}\n', { ...release, version: PKG.version })).toThrow('calls no reusable workflow');
    expect(() => pinTemplate(CHECK, text(`templates/${CHECK}`), { ...release, version: PKG.version, commit: 'main' })).toThrow('not a full commit SHA');
  });

  it('the pin check rejects tags, branches, short SHAs and pins without their release (the test can fail)', () => {
    const sha = '0123456789abcdef0123456789abcdef01234567';
    const sample = [
      'steps:',
      '  - uses: actions/checkout@v4',
      '  - uses: actions/checkout@main',
      '  - uses: actions/checkout@0123456 # v4.2.2',
      `  - uses: actions/checkout@${sha}`,
      `  - uses: actions/checkout@${sha} # latest`,
      `  - uses: actions/checkout@${sha.toUpperCase()} # v4.2.2`,
      '  - uses: docker://alpine:3.20',
      '    uses: owner/tool/.github/workflows/reusable-check.yml@v1.0.0 # v1.0.0',
      `  - uses: actions/checkout@${sha} # v4.2.2`,
      `    uses: github/codeql-action/init@${sha} # v3`,
      `    uses: owner/tool/.github/workflows/reusable-check.yml@${sha} # v1.0.0`,
      '  - uses: ./.github/actions/local',
      '',
    ].join('\n');
    expect(unpinned(sample)).toEqual([
      'line 2: actions/checkout@v4',
      'line 3: actions/checkout@main',
      'line 4: actions/checkout@0123456 # v4.2.2',
      `line 5: actions/checkout@${sha}`,
      `line 6: actions/checkout@${sha} # latest`,
      `line 7: actions/checkout@${sha.toUpperCase()} # v4.2.2`,
      'line 8: docker://alpine:3.20',
      'line 9: owner/tool/.github/workflows/reusable-check.yml@v1.0.0 # v1.0.0',
    ]);
  });

  it('an action is pinned to the same commit and release in every workflow (no half-done update)', () => {
    const pins = new Map<string, Set<string>>();
    for (const file of REPO_FILES)
      for (const value of usesLines(text(file))) {
        const [action = '', pin = ''] = value.split('@');
        pins.set(action, (pins.get(action) ?? new Set()).add(pin));
      }
    expect([...pins.keys()].sort()).toEqual([
      'actions/checkout',
      'actions/deploy-pages',
      'actions/download-artifact',
      'actions/setup-node',
      'actions/upload-artifact',
      'actions/upload-pages-artifact',
    ]);
    for (const [action, set] of pins) expect([...set], action).toHaveLength(1);
  });

  it('job names are unique across the workflows, so no other job can satisfy the required "Governance / Charter rules" check', () => {
    const names = REPO_FILES.flatMap((file) => Object.entries(workflow(file).jobs).map(([id, job]) => job.name ?? id));
    expect(new Set(names).size).toBe(names.length);
    // A called job's check is named "<caller job> / <called job>".
    expect(`${workflow(CHECK).jobs.check?.name} / ${workflow(R_CHECK).jobs.check?.name}`).toBe('Governance / Charter rules');
  });
});

describe('the callers: this repository\'s and the templates a committee copies', () => {
  it.each(CALLERS)('%s: one job and no step of its own: it calls the reusable workflow', (file) => {
    for (const label of [file, `templates/${file}`]) {
      const jobs = Object.values(workflow(label).jobs);
      expect(jobs, label).toHaveLength(1);
      expect(jobs[0]?.steps, label).toBeUndefined();
      expect(REUSABLE).toContain(calledFile(jobs[0]?.uses));
    }
  });

  it.each(CALLERS)('%s: this repository runs what a committee copies, only with the tool from its own lockfile', (file) => {
    const strip = (wf: Workflow): unknown => ({ ...wf, jobs: Object.fromEntries(Object.entries(wf.jobs).map(([id, { uses, with: _with, ...job }]) => [id, { ...job, calls: calledFile(uses) }])) });
    expect(strip(workflow(file))).toEqual(strip(workflow(`templates/${file}`)));
    // Here the repository is the tool: its base commit's lockfile and scripts judge.
    expect(Object.values(workflow(file).jobs)[0]?.with).toEqual({ 'from-lockfile': true });
    // A committee's pin is the reusable workflow's commit, which installs that release's version.
    expect(Object.values(workflow(`templates/${file}`).jobs)[0]?.with).toBeUndefined();
  });
});

describe('the reusable workflows', () => {
  it.each(REUSABLE)('%s: only workflow_call, with the tool\'s version (this release by default) and from-lockfile', (file) => {
    expect(workflow(file).on).toEqual({
      workflow_call: {
        inputs: {
          version: { description: expect.any(String), type: 'string', default: PKG.version },
          'from-lockfile': { description: expect.any(String), type: 'boolean', default: false },
        },
      },
    });
  });

  it.each(REUSABLE)('%s: every job that runs the tool installs it with the one install step, before any step reads $GOVERNANCE', (file) => {
    for (const [id, job] of Object.entries(workflow(file).jobs)) {
      const all = job.steps ?? [];
      const uses = all.findIndex((s) => s.run?.includes('"$GOVERNANCE"'));
      if (uses === -1) continue;
      const install = all.findIndex((s) => s.name === INSTALL_NAME);
      expect(install, `job ${id}`).toBeGreaterThan(-1);
      expect(install, `job ${id}`).toBeLessThan(uses);
    }
  });

  it('the install step is the same text in every file', () => {
    const texts = REUSABLE.flatMap((f) => installSteps(f)).map((s) => JSON.stringify(s));
    expect(texts.length).toBe(7);
    expect(new Set(texts).size).toBe(1);
  });

  const install = installSteps(R_CHECK)[0]!;
  it('installs the pinned, exact version of this package from npm, or the checked-out commit\'s lockfile; never an install script', () => {
    expect(install.env).toEqual({ VERSION: '${{ inputs.version }}', FROM_LOCKFILE: '${{ inputs.from-lockfile }}' });
    const lines = install.run!.split('\n').map((l) => l.trim());
    expect(lines).toContain('npm ci --ignore-scripts --no-audit --no-fund');
    expect(lines).toContain(`npm install --prefix "$RUNNER_TEMP/governance-tool" --no-save --ignore-scripts --no-audit --no-fund "${PKG.name}@$VERSION"`);
    expect(lines.filter((l) => /^npm /.test(l)).every((l) => l.includes('--ignore-scripts'))).toBe(true);
    expect(lines).toContain('echo "GOVERNANCE=$tool" >> "$GITHUB_ENV"');
  });

  it('refuses a version range or a tag: only an exact version (the pattern can fail)', () => {
    const pattern = /grep -Eqx '([^']+)'/.exec(install.run!)?.[1];
    expect(pattern).toBeDefined();
    const exact = new RegExp(`^(?:${pattern})$`);
    for (const ok of ['0.1.0', '12.3.4', '1.0.0-rc.1']) expect(ok).toMatch(exact);
    for (const bad of ['latest', '^1.2.3', '~1.2.3', '1.x', '1.2', '>=1.0.0', '1.2.3 || 2', '', 'v1.2.3']) expect(bad).not.toMatch(exact);
  });

  it('setup-node caches npm only when a lockfile is there to key it', () => {
    for (const file of REUSABLE)
      for (const step of steps(file).filter((s) => s.uses?.startsWith('actions/setup-node@')))
        expect(step.with).toEqual({ 'node-version': 20, cache: "${{ inputs.from-lockfile && 'npm' || '' }}" });
  });

  it('the version each one installs by default is this package\'s own version', () => {
    expect(PKG.name).toBe('committee-governance');
    for (const file of REUSABLE) expect((workflow(file).on.workflow_call as { inputs: { version: { default: string } } }).inputs.version.default).toBe(PKG.version);
  });
});

describe('.github/dependabot.yml: keeps the pinned actions and the npm dependencies current', () => {
  interface Update {
    'package-ecosystem': string;
    directory?: string;
    directories?: string[];
    schedule?: { interval?: string };
    ignore?: unknown[];
  }
  const config = (): { version: number; updates: Update[] } => parse(readFileSync(DEPENDABOT, 'utf8')) as { version: number; updates: Update[] };

  it('is version 2 and updates github-actions and npm at the repository root, weekly', () => {
    const { version, updates } = config();
    expect(version).toBe(2);
    for (const ecosystem of ['github-actions', 'npm']) {
      const entries = updates.filter((u) => u['package-ecosystem'] === ecosystem);
      expect(entries, ecosystem).toHaveLength(1);
      expect(entries[0]?.directory, ecosystem).toBe('/');
      expect(entries[0]?.schedule?.interval, ecosystem).toBe('weekly');
    }
  });

  it('ignores no action, so every SHA pin and its release comment are updated together', () => {
    const actions = config().updates.find((u) => u['package-ecosystem'] === 'github-actions');
    expect(actions?.ignore).toBeUndefined();
  });
});

/** The check job's values, as the workflow writes them. */
const BASE_CODE = '${{ github.event.pull_request.base.sha || github.event.merge_group.base_sha }}';
const JUDGED = '${{ github.event.merge_group.head_sha || github.sha }}';
const BASE_REV = "${{ github.event_name == 'merge_group' && github.event.merge_group.base_sha || format('{0}^1', github.sha) }}";

describe('the pull-request check (governance-check.yml → reusable-check.yml): judges what would land, with the pinned tool, read-only', () => {
  const caller = workflow(CHECK);
  const job = workflow(R_CHECK).jobs.check!;
  const all = job.steps ?? [];
  const checkouts = all.filter((s) => s.uses?.startsWith('actions/checkout@'));
  const summary = all.find((s) => s.run?.includes('"$GOVERNANCE" summary'));

  it('runs for pull requests and in the merge queue, never on push', () => {
    expect(caller.on).toEqual({
      pull_request: { types: ['opened', 'synchronize', 'reopened', 'ready_for_review'] },
      merge_group: { types: ['checks_requested'] },
    });
    expect(job.if).toBe("github.event_name == 'pull_request' || github.event_name == 'merge_group'");
  });

  it('one run per PR or merge group at a time: the group never depends on a pull_request-only value alone', () => {
    expect(caller.concurrency?.group).toBe('governance-check-${{ github.event.pull_request.number || github.ref }}');
    expect(caller.concurrency?.['cancel-in-progress']).toBe(true);
  });

  it('holds no write token', () => {
    // A missing permissions: means the repository's default token, which may write.
    for (const wf of [caller, workflow(R_CHECK)])
      for (const p of [wf.permissions, ...Object.values(wf.jobs).map((j) => j.permissions)]) expect(JSON.stringify(p ?? 'the default token')).not.toMatch(/write|default/);
  });

  it('checks out the base commit (its lockfile, when the tool comes from it), and the commit that would land, with its whole history, into pr-head', () => {
    expect(checkouts).toHaveLength(2);
    expect(checkouts[0]?.with?.ref).toBe(BASE_CODE);
    expect(checkouts[0]?.with?.path).toBeUndefined();
    // pull_request: github.sha is the merge commit (refs/pull/N/merge); merge_group: the group's head.
    expect(checkouts[1]?.with).toMatchObject({ ref: JUDGED, path: 'pr-head', 'fetch-depth': 0 });
    // The tool is installed before the judged commit is even on disk.
    expect(all.indexOf(installSteps(R_CHECK)[0]!)).toBeLessThan(all.indexOf(checkouts[1]!));
  });

  it('never judges the PR head alone: nothing reads pull_request.head', () => {
    expect(text(R_CHECK)).not.toMatch(/pull_request\.head\b|github\.head_ref/);
  });

  it('runs only the tool\'s code: the judged tree is handed to it as data', () => {
    for (const step of all) {
      expect(step['working-directory'], step.name).toBeUndefined();
      expect(step.uses?.startsWith('./') ?? false, step.name).toBe(false);
      if (step.run) expect(step.run.replaceAll('--repo pr-head', ''), step.name).not.toContain('pr-head');
    }
  });

  it('annotates with check (never failing the job) and gates with summary on the judged commit', () => {
    const check = all.find((s) => s.run?.includes('"$GOVERNANCE" check'));
    expect(check?.run?.trim()).toBe('node "$GOVERNANCE" check --repo pr-head --format github || true');
    expect(summary?.run).toContain(
      'node "$GOVERNANCE" summary --repo pr-head --base-branch "$BASE_REV" --head "$HEAD_SHA" --out governance-report/report.md',
    );
    expect(summary?.env).toEqual({
      // pull_request: the merge commit's first parent, the base tip GitHub merged into; merge_group: the queue's base.
      BASE_REV,
      // The same commit the pr-head checkout holds.
      HEAD_SHA: checkouts[1]?.with?.ref,
      PR_NUMBER: '${{ github.event.pull_request.number }}',
    });
  });

  it('writes the PR number and uploads the report only for a pull request (a merge group has no PR to comment on)', () => {
    expect(summary?.run).toContain(
      `if [ "$GITHUB_EVENT_NAME" = pull_request ]; then printf '%s\\n' "$PR_NUMBER" > governance-report/pr-number; fi`,
    );
    const upload = all.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toContain("github.event_name == 'pull_request'");
  });

  it('writes the job summary and uploads the report with the PR number, even when the summary failed', () => {
    const write = all.find((s) => s.run?.includes('GITHUB_STEP_SUMMARY'));
    expect(write?.if).toContain('!cancelled()');
    const upload = all.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toContain('!cancelled()');
    expect(upload?.with).toMatchObject({ name: 'governance-report', path: 'governance-report/' });
  });
});

describe('the pull-request check end to end: the workflow\'s summary arguments judge the merge result', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** An RFC numbered 7, in discussion, whatever file it is put in. */
  const rfc7 = (title: string): string =>
    [
      '---',
      'rfc: 7',
      `title: ${title}`,
      'authors: ["Ann Example <ann@example.org>"]',
      'status: discussion',
      'created: 2024-02-20',
      'discussion_since: 2024-02-21',
      '---',
      `# RFC: ${title}`,
      '',
    ].join('\n');

  /**
   * The workflow's own summary command line, its "$VAR"s filled in from `env`
   * (the values GitHub's expressions give), pr-head replaced by `repo`, no
   * output files, and a fixed date.
   */
  function summaryArgs(env: Record<string, string>, repo: string): string[] {
    const script = stepsOf(R_CHECK, 'check').find((s) => s.run?.includes('"$GOVERNANCE" summary'))?.run ?? '';
    const line = script.split('\n').find((l) => l.includes('"$GOVERNANCE" summary '));
    if (!line) throw new Error('the check workflow has no summary command');
    const words = line.slice(line.indexOf(' summary ') + ' summary '.length).match(/"[^"]*"|\S+/g) ?? [];
    const args = words.map((w) => w.replace(/^"(.*)"$/, '$1').replace(/\$(\w+)/g, (_, name: string) => env[name] ?? ''));
    const keep: string[] = [];
    for (let i = 0; i < args.length; i += 2) {
      const [flag = '', value = ''] = [args[i], args[i + 1]];
      if (flag === '--out' || flag === '--full-out') continue;
      keep.push(flag, flag === '--repo' ? repo : value);
    }
    return [...keep, '--today', '2024-02-28'];
  }

  it('the PR head alone passes; the merge commit, judged as the workflow judges it, fails with rfc-number', async () => {
    const dir = gitRepo(baseRepo());
    dirs.push(dir);
    const fork = git(dir, 'rev-parse', 'main');
    // PR A adds RFC 7 and is merged.
    commit(dir, { 'rfcs/0007-alpha.md': rfc7('Alpha') }, 'PR A: RFC 7');
    // PR B, branched before A landed, adds another RFC 7.
    git(dir, 'checkout', '-q', '-b', 'pr-b', fork);
    const prHead = commit(dir, { 'rfcs/0007-beta.md': rfc7('Beta') }, 'PR B: RFC 7');
    // GitHub's test merge of B into the current main (refs/pull/N/merge): first parent main, second the PR head.
    git(dir, 'checkout', '-q', '--detach', 'main');
    git(dir, 'merge', '-q', '--no-ff', '--no-edit', 'pr-b');
    const merge = git(dir, 'rev-parse', 'HEAD');
    expect(git(dir, 'rev-parse', `${merge}^2`)).toBe(prHead);

    // What the old workflow did: the PR head against the base branch. Nothing new.
    const alone = await run('summary', ['--repo', dir, '--base-branch', 'main', '--head', prHead, '--today', '2024-02-28']);
    expect(alone.stderr).toContain('0 new errors');
    expect(alone.status).toBe(0);

    // What the workflow does on pull_request: BASE_REV = <github.sha>^1, HEAD_SHA = github.sha (the merge commit).
    const merged = await run('summary', summaryArgs({ BASE_REV: `${merge}^1`, HEAD_SHA: merge, PR_NUMBER: '12' }, dir));
    expect(merged.status).toBe(1);
    expect(merged.stdout).toContain('`rfc-number`');
    expect(merged.stdout).toMatch(/RFC 7 is also numbered in rfcs\/0007-(alpha|beta)\.md/);
    // The base is main's tip (the merge's first parent), so A's RFC is not reported as B's change.
    expect(merged.stdout).toContain('RFC 0007 (Beta) added');
    expect(merged.stdout).not.toContain('RFC 0007 (Alpha) added');
    expect(merged.stderr).toContain(`summary: ${git(dir, 'rev-parse', 'main').slice(0, 12)}..${merge.slice(0, 12)}`);
  });

  it('a fault main gained after pull_request.base.sha is not blamed on the PR: the base is the merge commit\'s first parent', async () => {
    const dir = gitRepo(baseRepo());
    dirs.push(dir);
    // pull_request.base.sha can lag behind the base tip GitHub merged into.
    const staleBase = git(dir, 'rev-parse', 'main');
    // main gains a fault (an RFC whose number disagrees with its file name) without this PR.
    commit(dir, { 'rfcs/0008-gamma.md': rfc7('Gamma') }, 'main: a broken RFC');
    git(dir, 'checkout', '-q', '-b', 'pr', staleBase);
    commit(dir, { 'rfcs/0001-example.md': baseRepo()['rfcs/0001-example.md']!.replace('Body text.', 'Body text, revised.') }, 'PR: edit RFC 1');
    git(dir, 'checkout', '-q', '--detach', 'main');
    git(dir, 'merge', '-q', '--no-ff', '--no-edit', 'pr');
    const merge = git(dir, 'rev-parse', 'HEAD');

    // Against the stale base, main's fault would count as the PR's.
    const stale = await run('summary', summaryArgs({ BASE_REV: staleBase, HEAD_SHA: merge }, dir));
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain('RFC 0007 (Gamma) added');
    // Against the merge's first parent it is an existing finding, not blocking.
    const r = await run('summary', summaryArgs({ BASE_REV: `${merge}^1`, HEAD_SHA: merge }, dir));
    expect(r.stderr).toContain('0 new errors');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('rfcs/0008-gamma.md');
    expect(r.stdout).not.toContain('RFC 0007 (Gamma) added');
  });
});

describe('the main-branch check (governance-main.yml → reusable-check.yml): a broken main is seen at once', () => {
  const caller = workflow(MAIN);
  const job = workflow(R_CHECK).jobs.main!;

  it('runs on every push to main, read-only', () => {
    expect(caller.on).toEqual({ push: { branches: ['main'] } });
    expect(job.if).toBe("github.event_name == 'push' || github.event_name == 'workflow_dispatch'");
    expect(job.permissions).toEqual({ contents: 'read' });
  });

  it('checks out the pushed commit itself and runs the full check, which fails the job on any error', () => {
    const checkouts = (job.steps ?? []).filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]?.with).toEqual({ 'persist-credentials': false });
    const check = (job.steps ?? []).filter((s) => s.run?.includes('"$GOVERNANCE"'));
    expect(check.map((s) => s.run?.trim())).toEqual(['node "$GOVERNANCE" check --format github']);
  });

  it('is not the workflow the comment poster follows', () => {
    expect(caller.name).not.toBe(workflow(CHECK).name);
    expect((workflow(COMMENT).on.workflow_run as { workflows: string[] }).workflows).toEqual([workflow(CHECK).name]);
  });
});

describe('the comment (governance-comment.yml → reusable-comment.yml): posts with the default branch\'s pinned tool only', () => {
  const caller = workflow(COMMENT);
  const job = workflow(R_COMMENT).jobs.comment!;
  const all = job.steps ?? [];

  it('runs on workflow_run of the check workflow, with pull-requests: write and nothing else to write', () => {
    expect(caller.on).toEqual({ workflow_run: { workflows: [workflow(CHECK).name], types: ['completed'] } });
    expect(caller.concurrency?.group).toContain('github.event.workflow_run.head_branch');
    expect(job.permissions).toEqual({ contents: 'read', actions: 'read', 'pull-requests': 'write', statuses: 'write' });
    // Merge-queue runs of the check have no PR and no artifact.
    expect(job.if).toContain("github.event.workflow_run.event == 'pull_request'");
  });

  it('checks out the default branch, never the PR', () => {
    const checkouts = all.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]?.with?.ref).toBeUndefined();
    expect(checkouts[0]?.with?.repository).toBeUndefined();
    expect(text(R_COMMENT)).not.toMatch(/head_sha\s*}}[\s\S]*ref:|ref:\s*\$\{\{\s*github\.event\.workflow_run/);
  });

  it('no shell reads the artifact (it may hold a symbolic link or a huge file): only the poster, as plain files', () => {
    const reads = all.filter((s) => s.run !== undefined && /REPORT_DIR|governance-report/.test(s.run));
    expect(reads.map((s) => s.run?.trim())).toContain(
      'node "$GOVERNANCE" comment --pr-file "$REPORT_DIR/pr-number" --file "$REPORT_DIR/report.md" --head-sha "$RUN_HEAD_SHA" --attestation "$ATTESTATION"',
    );
    for (const step of reads) expect(step.run?.trim(), step.name).toMatch(/^node "\$GOVERNANCE" [a-z-]+ /);
    for (const step of all) if (step.run) expect(step.run).not.toMatch(/\b(head|cat|tail|read|source)\b[^\n]*\$REPORT_DIR/);
  });

  it('downloads the artifact of the triggering run outside the workspace, after the tool is installed', () => {
    const download = all.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toMatchObject({
      name: 'governance-report',
      'run-id': '${{ github.event.workflow_run.id }}',
      path: '${{ runner.temp }}/governance-report',
    });
    expect(all.indexOf(download!)).toBeGreaterThan(all.indexOf(installSteps(R_COMMENT)[0]!));
  });

  it('posts with the run\'s head SHA (the PR head, also when the check judged the merge commit), so the artifact\'s PR number must belong to the run', () => {
    const post = all.find((s) => s.run?.includes('"$GOVERNANCE" comment'));
    expect(post?.run?.trim()).toBe('node "$GOVERNANCE" comment --pr-file "$REPORT_DIR/pr-number" --file "$REPORT_DIR/report.md" --head-sha "$RUN_HEAD_SHA" --attestation "$ATTESTATION"');
    expect(post?.env).toMatchObject({
      GITHUB_TOKEN: '${{ github.token }}',
      RUN_HEAD_SHA: '${{ github.event.workflow_run.head_sha }}',
    });
  });
});

describe('the site (status-page.yml → reusable-site.yml): builds read-only, deploys with no repository code', () => {
  const caller = workflow(STATUS);
  const wf = workflow(R_SITE);
  const build = wf.jobs.build;
  const deploy = wf.jobs.deploy;

  it('runs on push to the default branch and by hand, one Pages deployment at a time', () => {
    expect(caller.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    // workflow_dispatch may be started on any branch: only the default branch builds.
    expect(build?.if).toBe("github.ref == format('refs/heads/{0}', github.event.repository.default_branch)");
    expect(caller.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('grants pages: write and id-token: write only to the deploy job, which runs no repository code', () => {
    expect(Object.keys(wf.jobs)).toEqual(['build', 'deploy']);
    expect(build?.permissions).toEqual({ contents: 'read' });
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy?.needs).toBe('build');
    expect(deploy?.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(deploy?.steps?.map((s) => s.uses)).toEqual([expect.stringMatching(/^actions\/deploy-pages@[0-9a-f]{40}$/)]);
    expect(deploy?.steps?.some((s) => s.run !== undefined)).toBe(false);
  });

  it('builds the site with the repository URL and commit through env:, and uploads site/', () => {
    const all = build?.steps ?? [];
    const render = all.find((s) => s.run?.includes('"$GOVERNANCE" site'));
    expect(render?.run?.trim()).toBe('node "$GOVERNANCE" site --out site --repo-url "$REPO_URL" --commit "$COMMIT"');
    expect(render?.env).toEqual({
      REPO_URL: '${{ github.server_url }}/${{ github.repository }}',
      COMMIT: '${{ github.sha }}',
    });
    const upload = all.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with).toEqual({ path: 'site' });
    expect(all.indexOf(upload!)).toBeGreaterThan(all.indexOf(render!));
  });
});

describe('the due report (due-report.yml → reusable-due.yml)', () => {
  const caller = workflow(DUE);
  const wf = workflow(R_DUE);

  it('runs weekly, on every push to main, and by hand', () => {
    expect(Object.keys(caller.on).sort()).toEqual(['push', 'schedule', 'workflow_dispatch']);
    expect(caller.on.push).toEqual({ branches: ['main'] });
  });

  it('renders the report without a write token, and keeps the issue in a job that runs only the issue keeper', () => {
    const report = wf.jobs.report!;
    expect(report.permissions).toEqual({ contents: 'read' });
    expect((report.steps ?? []).some((s) => s.run?.includes('node "$GOVERNANCE" due --format md'))).toBe(true);
    const issue = wf.jobs.issue!;
    expect(issue.needs).toBe('report');
    expect((issue.steps ?? []).filter((s) => s.run !== undefined && s.name !== INSTALL_NAME).map((s) => s.run)).toEqual([
      'node "$GOVERNANCE" due-issue --file "$REPORT_DIR/report.md" --json "$REPORT_DIR/report.json"',
    ]);
    expect((issue.steps ?? []).find((s) => s.uses?.startsWith('actions/download-artifact@'))?.with?.path).toBe('${{ runner.temp }}/due-report');
  });

  it('one keeper at a time, never cancelled halfway', () => {
    expect(caller.concurrency).toEqual({ group: 'due-report', 'cancel-in-progress': false });
  });
});

describe('the vote (governance-vote.yml → reusable-vote.yml): a /vote comment refreshes the ballots', () => {
  const caller = workflow(VOTE);
  const job = workflow(R_VOTE).jobs.attest!;
  const all = job.steps ?? [];

  it('runs on issue_comment (created, edited, deleted), one run per PR at a time, on pull requests only', () => {
    expect(caller.on).toEqual({ issue_comment: { types: ['created', 'edited', 'deleted'] } });
    expect(caller.concurrency).toEqual({ group: 'governance-vote-${{ github.event.issue.number }}', 'cancel-in-progress': false });
    expect(job.if).toBe('github.event.issue.pull_request');
  });

  it('checks out the default branch, never the PR, and fetches the PR head as git objects only', () => {
    const checkouts = all.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]?.with).toEqual({ 'persist-credentials': false, 'fetch-depth': 0 });
    expect(all.some((s) => /\bnpm (run|test|start)\b|\bnode (?!"\$GOVERNANCE")/.test(s.run ?? ''))).toBe(false);
    // The PR number and the head SHA are checked before any command gets them.
    const fetch = all.find((s) => s.run?.includes('git -c'));
    expect(fetch?.run).toMatch(/grep -Eqx '\[1-9\]\[0-9\]\{0,9\}'[\s\S]*grep -Eqx '\[0-9a-f\]\{40\}'[\s\S]*fetch --no-tags --quiet origin "\$head"/);
  });

  it('the comment text never reaches a step: attest reads the comments through the API; the section alone is refreshed', () => {
    expect(text(R_VOTE)).not.toMatch(/github\.event\.comment|github\.event\.changes/);
    expect(all.map((s) => s.run?.trim()).filter((r) => r?.startsWith('node'))).toEqual([
      'node "$GOVERNANCE" attest --repo . --base-branch "origin/$DEFAULT_BRANCH" --pr "$PR" --head-sha "$HEAD_SHA" --status-sha "$HEAD_SHA" --out "$OUT"',
      'node "$GOVERNANCE" comment --pr "$PR" --attestation "$ATTESTATION" --section-only',
    ]);
  });
});
