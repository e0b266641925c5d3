// The workflows, validated by GitHub's own workflow parser
// (@actions/workflow-parser), and held to the rules that make them safe: the
// two pull-request workflows for pull requests from forks, the main-branch
// check, the status page's for a deploy token that never meets the code it
// runs; every action pinned by commit SHA and kept current by Dependabot; and
// the check judging what would land (the merge commit, the merge queue's
// group), not the PR head alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { baseRepo } from '../helpers.ts';
import { commit, git, gitRepo, ROOT, run } from '../git/git-repo.ts';

const DIR = join(ROOT, '.github/workflows');
const DEPENDABOT = join(ROOT, '.github/dependabot.yml');
const CHECK = 'governance-check.yml';
const COMMENT = 'governance-comment.yml';
const MAIN = 'governance-main.yml';
const STATUS = 'status-page.yml';
const DUE = 'due-report.yml';
const ALL = [CHECK, COMMENT, MAIN, STATUS, DUE];

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
  permissions?: unknown;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const text = (file: string): string => readFileSync(join(DIR, file), 'utf8');
const workflow = (file: string): Workflow => parse(text(file)) as Workflow;
const steps = (file: string): Step[] => Object.values(workflow(file).jobs).flatMap((j) => j.steps ?? []);

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

/** The `uses:` lines of a workflow file that are not pinned by SHA with their release in a comment (local `./` actions excepted). */
function unpinned(source: string): string[] {
  const bad: string[] = [];
  source.split('\n').forEach((line, i) => {
    const value = USES_LINE.exec(line)?.[1];
    if (value === undefined || /^['"]?\.\//.test(value)) return;
    if (!PINNED_USES.test(value)) bad.push(`line ${i + 1}: ${value}`);
  });
  return bad;
}

/** Every `uses:` line's value (comment included), local actions left out. */
function usesLines(source: string): string[] {
  return source
    .split('\n')
    .map((line) => USES_LINE.exec(line)?.[1])
    .filter((v): v is string => v !== undefined && !/^['"]?\.\//.test(v));
}

/** Values an attacker chooses (branch names, titles, bodies, commit messages, labels): never in a step. */
const ATTACKER_TEXT = /\bhead_ref\b|\.head\.ref\b|\bhead_branch\b|\.(?:title|body)\b|head_commit\.message|\.commits\b|\.label\b|\.labels\b/;

describe('workflow files', () => {
  it('are exactly the two pull-request workflows, the main-branch check, the status page and the due report', () => {
    expect(readdirSync(DIR).sort()).toEqual([...ALL].sort());
  });

  // One linter process for the real files and a broken one (a process costs a second on a 2-core machine).
  let linted: Record<string, string[]> | undefined;
  const lintOnce = (): Record<string, string[]> => {
    if (linted) return linted;
    const bad = join(mkdtempSync(join(tmpdir(), 'gov-wf-')), 'bad.yml');
    writeFileSync(bad, 'on: push\npermissions: { contents: reed }\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n        bogus: 1\n');
    return (linted = lint(...ALL.map((f) => join(DIR, f)), bad));
  };

  it('all pass the workflow parser', () => {
    const { 'bad.yml': _bad, ...real } = lintOnce();
    expect(real).toEqual({ [CHECK]: [], [COMMENT]: [], [MAIN]: [], [STATUS]: [], [DUE]: [] });
  });

  it('the linter does catch a broken workflow (the test can fail)', () => {
    expect(lintOnce()['bad.yml']).toEqual(["bad.yml (Line: 2, Col: 26): Unexpected value 'reed'", "bad.yml (Line: 8, Col: 9): Unexpected value 'bogus'"]);
  });

  it.each(ALL)('%s: no ${{ }} expression inside a run: script (values come in through env:)', (file) => {
    for (const step of steps(file)) if (step.run) expect(step.run, step.name).not.toContain('${{');
  });

  it.each(ALL)('%s: no step reads text an attacker chooses (branch names, titles, bodies, messages, labels)', (file) => {
    for (const step of steps(file)) {
      const values = [step.run, step.if, ...Object.values(step.env ?? {}), ...Object.values(step.with ?? {})];
      for (const value of values) if (value !== undefined) expect(String(value), step.name).not.toMatch(ATTACKER_TEXT);
    }
  });

  it.each(ALL)('%s: never pull_request_target, never a persisted token in a checkout', (file) => {
    expect(text(file)).not.toContain('pull_request_target');
    const checkouts = steps(file).filter((s) => s.uses?.startsWith('actions/checkout@'));
    for (const step of checkouts) expect(step.with?.['persist-credentials'], step.name).toBe(false);
  });

  it.each(ALL)('%s: installs with npm ci', (file) => {
    expect(steps(file).some((s) => s.run?.trim() === 'npm ci')).toBe(true);
  });

  it.each(ALL)('%s: pins its permissions: a top-level map, each scope named, nothing *-all', (file) => {
    const wf = workflow(file);
    const scopes = (p: unknown): void => {
      expect(p !== null && typeof p === 'object' && !Array.isArray(p), 'permissions must be a map of scopes').toBe(true);
      for (const level of Object.values(p as Record<string, unknown>)) expect(['read', 'write', 'none']).toContain(level);
    };
    scopes(wf.permissions);
    expect(text(file)).not.toMatch(/permissions:\s*(read|write)-all/);
    for (const job of Object.values(wf.jobs)) if (job.permissions !== undefined) scopes(job.permissions);
  });

  it.each(ALL)('%s: grants nothing at workflow level (permissions: {}), so no job inherits a scope', (file) => {
    expect(workflow(file).permissions).toEqual({});
  });

  it.each(ALL)('%s: never grants a write permission at workflow level', (file) => {
    const p = workflow(file).permissions;
    expect(p, 'a workflow without permissions: gets the repository default token, which may write').toBeDefined();
    expect(typeof p === 'string' ? p : JSON.stringify(p)).not.toMatch(/write/);
  });

  it.each(ALL)('%s: every job names its own permissions', (file) => {
    for (const [id, job] of Object.entries(workflow(file).jobs)) {
      expect(job.permissions, `job ${id}`).toBeDefined();
      expect(typeof job.permissions === 'object' && job.permissions !== null && !Array.isArray(job.permissions), `job ${id}`).toBe(true);
    }
  });

  it.each(ALL)('%s: every job is granted exactly what it needs (a checkout needs contents: read)', (file) => {
    const expected: Record<string, Record<string, Record<string, string>>> = {
      [CHECK]: { check: { contents: 'read' } },
      [COMMENT]: { comment: { contents: 'read', actions: 'read', 'pull-requests': 'write' } },
      [MAIN]: { check: { contents: 'read' } },
      [STATUS]: { build: { contents: 'read' }, deploy: { pages: 'write', 'id-token': 'write' } },
      [DUE]: { report: { contents: 'read' }, issue: { contents: 'read', issues: 'write' } },
    };
    const jobs = workflow(file).jobs;
    expect(Object.fromEntries(Object.entries(jobs).map(([id, job]) => [id, job.permissions]))).toEqual(expected[file]);
    for (const [id, job] of Object.entries(jobs))
      if (job.steps.some((s) => s.uses?.startsWith('actions/checkout@')))
        expect((job.permissions as Record<string, string>).contents, `job ${id} checks out`).toBe('read');
  });

  it.each(ALL)('%s: every action is GitHub\'s own (actions/*), pinned by a full commit SHA with its release in a comment', (file) => {
    expect(unpinned(text(file))).toEqual([]);
    // Parsed the same way GitHub parses it: a `uses:` the line check missed (a
    // flow mapping, a quoted key) still has to be a bare SHA pin.
    const wf = workflow(file);
    const parsed = [...Object.values(wf.jobs).map((j) => j.uses), ...steps(file).map((s) => s.uses)].filter(
      (u): u is string => u !== undefined && !u.startsWith('./'),
    );
    for (const uses of parsed) expect(uses).toMatch(/^actions\/[a-z-]+@[0-9a-f]{40}$/);
    expect(usesLines(text(file))).toHaveLength(parsed.length);
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
      `  - uses: actions/checkout@${sha} # v4.2.2`,
      `    uses: github/codeql-action/init@${sha} # v3`,
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
    ]);
  });

  it('an action is pinned to the same commit and release in every workflow (no half-done update)', () => {
    const pins = new Map<string, Set<string>>();
    for (const file of ALL)
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

  it('job names are unique across the workflows, so no other job can satisfy the required "Charter rules" check', () => {
    const names = ALL.flatMap((file) => Object.entries(workflow(file).jobs).map(([id, job]) => job.name ?? id));
    expect(new Set(names).size).toBe(names.length);
    expect(workflow(CHECK).jobs.check?.name).toBe('Charter rules');
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

describe('governance-check.yml: judges what would land, with the base commit\'s rules, read-only', () => {
  const wf = workflow(CHECK);
  const all = steps(CHECK);
  const checkouts = all.filter((s) => s.uses?.startsWith('actions/checkout@'));
  const summary = all.find((s) => s.run?.includes('npm run summary'));

  it('runs for pull requests and in the merge queue, never on push', () => {
    expect(wf.on).toEqual({
      pull_request: { types: ['opened', 'synchronize', 'reopened', 'ready_for_review'] },
      merge_group: { types: ['checks_requested'] },
    });
  });

  it('one run per PR or merge group at a time: the group never depends on a pull_request-only value alone', () => {
    expect(wf.concurrency.group).toBe('governance-check-${{ github.event.pull_request.number || github.ref }}');
    expect(wf.concurrency['cancel-in-progress']).toBe(true);
  });

  it('holds no write token', () => {
    // A missing permissions: means the repository's default token, which may write.
    for (const p of [wf.permissions, ...Object.values(wf.jobs).map((j) => j.permissions)])
      expect(JSON.stringify(p ?? 'the default token')).not.toMatch(/write|default/);
  });

  it('checks out the base commit for the code, and the commit that would land, with its whole history, into pr-head', () => {
    expect(checkouts).toHaveLength(2);
    expect(checkouts[0]?.with?.ref).toBe(BASE_CODE);
    expect(checkouts[0]?.with?.path).toBeUndefined();
    // pull_request: github.sha is the merge commit (refs/pull/N/merge); merge_group: the group's head.
    expect(checkouts[1]?.with).toMatchObject({ ref: JUDGED, path: 'pr-head', 'fetch-depth': 0 });
  });

  it('never judges the PR head alone: nothing reads pull_request.head', () => {
    expect(text(CHECK)).not.toMatch(/pull_request\.head\b|github\.head_ref/);
  });

  it('runs only the base commit\'s code: the judged tree is handed to the checker as data', () => {
    for (const step of all) {
      expect(step['working-directory'], step.name).toBeUndefined();
      expect(step.uses?.startsWith('./') ?? false, step.name).toBe(false);
      if (step.run) expect(step.run.replaceAll('--repo pr-head', ''), step.name).not.toContain('pr-head');
    }
    expect(all.some((s) => s.run?.trim() === 'npm ci')).toBe(true);
  });

  it('annotates with check (never failing the job) and gates with summary on the judged commit', () => {
    const check = all.find((s) => s.run?.includes('npm run check'));
    expect(check?.run?.trim()).toBe('npm run check -- --repo pr-head --format github || true');
    expect(summary?.run).toContain(
      'npm run summary -- --repo pr-head --base-branch "$BASE_REV" --head "$HEAD_SHA" --out governance-report/report.md',
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
    const job = all.find((s) => s.run?.includes('GITHUB_STEP_SUMMARY'));
    expect(job?.if).toContain('!cancelled()');
    const upload = all.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toContain('!cancelled()');
    expect(upload?.with).toMatchObject({ name: 'governance-report', path: 'governance-report/' });
  });
});

describe('governance-check.yml end to end: the workflow\'s summary arguments judge the merge result', () => {
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
    const run = steps(CHECK).find((s) => s.run?.includes('npm run summary'))?.run ?? '';
    const line = run.split('\n').find((l) => l.includes('npm run summary -- '));
    if (!line) throw new Error('the check workflow has no summary command');
    const words = line.slice(line.indexOf(' -- ') + 4).match(/"[^"]*"|\S+/g) ?? [];
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

describe('governance-main.yml: a broken main is seen at once', () => {
  const wf = workflow(MAIN);
  const all = steps(MAIN);

  it('runs on every push to main, read-only', () => {
    expect(wf.on).toEqual({ push: { branches: ['main'] } });
    expect(Object.values(wf.jobs).map((j) => j.permissions)).toEqual([{ contents: 'read' }]);
  });

  it('checks out the pushed commit itself and runs the full check, which fails the job on any error', () => {
    const checkouts = all.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]?.with).toEqual({ 'persist-credentials': false });
    const check = all.filter((s) => s.run?.includes('npm run check'));
    expect(check.map((s) => s.run?.trim())).toEqual(['npm run check -- --format github']);
  });

  it('is not the workflow the comment poster follows', () => {
    expect(wf.name).not.toBe(workflow(CHECK).name);
    expect((workflow(COMMENT).on.workflow_run as { workflows: string[] }).workflows).toEqual([workflow(CHECK).name]);
  });
});

describe('governance-comment.yml: posts with code from the default branch only', () => {
  const wf = workflow(COMMENT);
  const all = steps(COMMENT);

  it('runs on workflow_run of the check workflow, with pull-requests: write and nothing else to write', () => {
    expect(wf.on).toEqual({ workflow_run: { workflows: [workflow(CHECK).name], types: ['completed'] } });
    expect(wf.permissions).toEqual({});
    expect(wf.jobs.comment?.permissions).toEqual({ contents: 'read', actions: 'read', 'pull-requests': 'write' });
    expect(wf.concurrency.group).toContain('github.event.workflow_run.head_branch');
    const job = Object.values(wf.jobs)[0];
    // Merge-queue runs of the check have no PR and no artifact.
    expect(job?.if).toContain("github.event.workflow_run.event == 'pull_request'");
  });

  it('checks out the default branch, never the PR', () => {
    const checkouts = all.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]?.with?.ref).toBeUndefined();
    expect(checkouts[0]?.with?.repository).toBeUndefined();
    expect(text(COMMENT)).not.toMatch(/head_sha\s*}}[\s\S]*ref:|ref:\s*\$\{\{\s*github\.event\.workflow_run/);
  });

  it('no shell reads the artifact (it may hold a symbolic link or a huge file): only the poster, as plain files', () => {
    const reads = all.filter((s) => s.run !== undefined && /REPORT_DIR|governance-report/.test(s.run));
    expect(reads.map((s) => s.run?.trim())).toEqual([
      'npm run comment -- --pr-file "$REPORT_DIR/pr-number" --file "$REPORT_DIR/report.md" --head-sha "$RUN_HEAD_SHA"',
    ]);
    for (const step of all) if (step.run) expect(step.run).not.toMatch(/\b(head|cat|tail|read|source)\b[^\n]*\$REPORT_DIR/);
  });

  it('downloads the artifact of the triggering run outside the workspace', () => {
    const download = all.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toMatchObject({
      name: 'governance-report',
      'run-id': '${{ github.event.workflow_run.id }}',
      path: '${{ runner.temp }}/governance-report',
    });
  });

  it('posts with the run\'s head SHA (the PR head, also when the check judged the merge commit), so the artifact\'s PR number must belong to the run', () => {
    const post = all.find((s) => s.run?.includes('npm run comment'));
    expect(post?.run?.trim()).toBe('npm run comment -- --pr-file "$REPORT_DIR/pr-number" --file "$REPORT_DIR/report.md" --head-sha "$RUN_HEAD_SHA"');
    expect(post?.env).toMatchObject({
      GITHUB_TOKEN: '${{ github.token }}',
      RUN_HEAD_SHA: '${{ github.event.workflow_run.head_sha }}',
    });
  });
});

describe('status-page.yml: builds read-only, deploys with no repository code', () => {
  const wf = workflow(STATUS);
  const jobs = Object.entries(wf.jobs);
  const build = wf.jobs.build;
  const deploy = wf.jobs.deploy;

  it('runs on push to the default branch and by hand, one Pages deployment at a time', () => {
    expect(wf.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    // workflow_dispatch may be started on any branch: only the default branch builds.
    expect(build?.if).toBe("github.ref == format('refs/heads/{0}', github.event.repository.default_branch)");
    expect(wf.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('grants pages: write and id-token: write only to the deploy job, which runs no repository code', () => {
    expect(jobs.map(([id]) => id)).toEqual(['build', 'deploy']);
    expect(wf.permissions).toEqual({});
    expect(build?.permissions).toEqual({ contents: 'read' });
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy?.needs).toBe('build');
    expect(deploy?.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(deploy?.steps.map((s) => s.uses)).toEqual([expect.stringMatching(/^actions\/deploy-pages@[0-9a-f]{40}$/)]);
    expect(deploy?.steps.some((s) => s.run !== undefined)).toBe(false);
  });

  it('builds the page with the repository URL and commit through env:, and uploads site/', () => {
    const all = build?.steps ?? [];
    const render = all.find((s) => s.run?.includes('npm run status-page'));
    expect(render?.run?.trim()).toBe('npm run status-page -- --out site --repo-url "$REPO_URL" --commit "$COMMIT"');
    expect(render?.env).toEqual({
      REPO_URL: '${{ github.server_url }}/${{ github.repository }}',
      COMMIT: '${{ github.sha }}',
    });
    const upload = all.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with).toEqual({ path: 'site' });
    expect(all.indexOf(upload!)).toBeGreaterThan(all.indexOf(render!));
  });
});

describe('the due report workflow', () => {
  const wf = workflow(DUE);
  it('runs weekly, on every push to main, and by hand', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['push', 'schedule', 'workflow_dispatch']);
    expect(wf.on.push).toEqual({ branches: ['main'] });
  });

  it('renders the report without a write token, and keeps the issue in a job that runs no install script', () => {
    const report = wf.jobs.report!;
    expect(report.permissions).toEqual({ contents: 'read' });
    expect(report.steps.some((s) => s.run?.includes('npm run due -- --format md'))).toBe(true);
    const issue = wf.jobs.issue!;
    expect(issue.needs).toBe('report');
    expect(issue.steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci --ignore-scripts', 'npm run due-issue -- --file "$REPORT_DIR/report.md" --json "$REPORT_DIR/report.json"']);
    expect(issue.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))?.with?.path).toBe('${{ runner.temp }}/due-report');
  });

  it('one keeper at a time, never cancelled halfway', () => {
    expect(wf.concurrency).toEqual({ group: 'due-report', 'cancel-in-progress': false });
  });
});
