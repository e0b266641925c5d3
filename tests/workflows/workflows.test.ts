// The workflows, validated by GitHub's own workflow parser
// (@actions/workflow-parser), and held to the rules that make them safe: the
// two pull-request workflows for pull requests from forks, the status page's
// for a deploy token that never meets the code it runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../git/git-repo.ts';

const DIR = join(ROOT, '.github/workflows');
const CHECK = 'governance-check.yml';
const COMMENT = 'governance-comment.yml';
const STATUS = 'status-page.yml';
const ALL = [CHECK, COMMENT, STATUS];

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: unknown;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const text = (file: string): string => readFileSync(join(DIR, file), 'utf8');
const workflow = (file: string): Workflow => parse(text(file)) as Workflow;
const steps = (file: string): Step[] => Object.values(workflow(file).jobs).flatMap((j) => j.steps);

/** Errors per file from @actions/workflow-parser, run by lint-workflows.ts in its own process. */
function lint(...files: string[]): Record<string, string[]> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/workflows/lint-workflows.ts'), ...files], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`the workflow linter failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, string[]>;
}

describe('workflow files', () => {
  it('are exactly the two pull-request workflows and the status page', () => {
    expect(readdirSync(DIR).sort()).toEqual([...ALL].sort());
  });

  it('all pass the workflow parser', () => {
    expect(lint(...ALL.map((f) => join(DIR, f)))).toEqual({ [CHECK]: [], [COMMENT]: [], [STATUS]: [] });
  });

  it('the linter does catch a broken workflow (the test can fail)', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'gov-wf-')), 'bad.yml');
    writeFileSync(bad, 'on: push\npermissions: { contents: reed }\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n        bogus: 1\n');
    expect(lint(bad)).toEqual({
      'bad.yml': ["bad.yml (Line: 2, Col: 26): Unexpected value 'reed'", "bad.yml (Line: 8, Col: 9): Unexpected value 'bogus'"],
    });
  });

  it.each(ALL)('%s: no ${{ }} expression inside a run: script (values come in through env:)', (file) => {
    for (const step of steps(file)) if (step.run) expect(step.run, step.name).not.toContain('${{');
  });

  it.each(ALL)('%s: never pull_request_target, never a persisted token in a checkout', (file) => {
    expect(text(file)).not.toContain('pull_request_target');
    for (const step of steps(file).filter((s) => s.uses?.startsWith('actions/checkout@')))
      expect(step.with?.['persist-credentials'], step.name).toBe(false);
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

  it.each(ALL)('%s: every action is a released major version of a known publisher', (file) => {
    for (const step of steps(file).filter((s) => s.uses))
      expect(step.uses, step.name).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });
});

describe('governance-check.yml: read-only, base branch rules, PR records', () => {
  const wf = workflow(CHECK);
  const all = steps(CHECK);

  it('runs on pull_request with read-only permissions, one run per PR at a time', () => {
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(wf.jobs)) expect(job.permissions).toBeUndefined();
    expect(wf.concurrency.group).toContain('github.event.pull_request.number');
    expect(wf.concurrency['cancel-in-progress']).toBe(true);
  });

  it('checks out the base for the code and the PR head, with its whole history, into pr-head', () => {
    const checkouts = all.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(2);
    expect(checkouts[0]?.with?.ref).toBe('${{ github.event.pull_request.base.sha }}');
    expect(checkouts[0]?.with?.path).toBeUndefined();
    expect(checkouts[1]?.with).toMatchObject({
      ref: '${{ github.event.pull_request.head.sha }}',
      path: 'pr-head',
      'fetch-depth': 0,
    });
  });

  it('annotates with check (never failing the job) and gates with summary', () => {
    const check = all.find((s) => s.run?.includes('npm run check'));
    expect(check?.run?.trim()).toBe('npm run check -- --repo pr-head --format github || true');
    const summary = all.find((s) => s.run?.includes('npm run summary'));
    expect(summary?.run).toContain('npm run summary -- --repo pr-head --base-branch "$BASE_SHA" --head "$HEAD_SHA" --out governance-report/report.md');
    expect(summary?.env).toMatchObject({
      BASE_SHA: '${{ github.event.pull_request.base.sha }}',
      HEAD_SHA: '${{ github.event.pull_request.head.sha }}',
      PR_NUMBER: '${{ github.event.pull_request.number }}',
    });
    expect(summary?.run).toContain('> governance-report/pr-number');
  });

  it('writes the job summary and uploads the report with the PR number, even when the summary failed', () => {
    const job = all.find((s) => s.run?.includes('GITHUB_STEP_SUMMARY'));
    expect(job?.if).toContain('!cancelled()');
    const upload = all.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toContain('!cancelled()');
    expect(upload?.with).toMatchObject({ name: 'governance-report', path: 'governance-report/' });
  });
});

describe('governance-comment.yml: posts with code from the default branch only', () => {
  const wf = workflow(COMMENT);
  const all = steps(COMMENT);

  it('runs on workflow_run of the check workflow, with pull-requests: write and nothing else to write', () => {
    expect(wf.on).toEqual({ workflow_run: { workflows: [workflow(CHECK).name], types: ['completed'] } });
    expect(wf.permissions).toEqual({ contents: 'read', actions: 'read', 'pull-requests': 'write' });
    expect(wf.concurrency.group).toContain('github.event.workflow_run.head_branch');
    const job = Object.values(wf.jobs)[0];
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

  it('posts with the run\'s head SHA, so the artifact\'s PR number must belong to the run', () => {
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
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(build?.permissions).toBeUndefined();
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy?.needs).toBe('build');
    expect(deploy?.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(deploy?.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
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
