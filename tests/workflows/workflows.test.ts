// The two workflows, validated by GitHub's own workflow parser
// (@actions/workflow-parser), and held to the rules that make them safe for
// pull requests from forks.
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
  permissions?: unknown;
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
  it('are exactly the two workflows', () => {
    expect(readdirSync(DIR).sort()).toEqual([CHECK, COMMENT]);
  });

  it('both pass the workflow parser', () => {
    expect(lint(join(DIR, CHECK), join(DIR, COMMENT))).toEqual({ [CHECK]: [], [COMMENT]: [] });
  });

  it('the linter does catch a broken workflow (the test can fail)', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'gov-wf-')), 'bad.yml');
    writeFileSync(bad, 'on: push\npermissions: { contents: reed }\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n        bogus: 1\n');
    expect(lint(bad)).toEqual({
      'bad.yml': ["bad.yml (Line: 2, Col: 26): Unexpected value 'reed'", "bad.yml (Line: 8, Col: 9): Unexpected value 'bogus'"],
    });
  });

  it.each([[CHECK], [COMMENT]])('%s: no ${{ }} expression inside a run: script (values come in through env:)', (file) => {
    for (const step of steps(file)) if (step.run) expect(step.run, step.name).not.toContain('${{');
  });

  it.each([[CHECK], [COMMENT]])('%s: never pull_request_target, never a persisted token in a checkout', (file) => {
    expect(text(file)).not.toContain('pull_request_target');
    for (const step of steps(file).filter((s) => s.uses?.startsWith('actions/checkout@')))
      expect(step.with?.['persist-credentials'], step.name).toBe(false);
  });

  it.each([[CHECK], [COMMENT]])('%s: installs with npm ci', (file) => {
    expect(steps(file).some((s) => s.run?.trim() === 'npm ci')).toBe(true);
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
    expect(post?.run).toContain('npm run comment -- --pr "$pr" --file "$REPORT_DIR/report.md" --head-sha "$RUN_HEAD_SHA"');
    expect(post?.env).toMatchObject({
      GITHUB_TOKEN: '${{ github.token }}',
      RUN_HEAD_SHA: '${{ github.event.workflow_run.head_sha }}',
    });
  });
});
