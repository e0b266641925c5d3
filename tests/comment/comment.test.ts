// The poster, end to end: the real `comment` command against a fake GitHub
// on 127.0.0.1 that the test starts. The command's entry point runs in this
// process (tests/cli-command.ts: the same arguments, environment, output and
// exit code), so the server here answers it; tests/cli/explain.test.ts
// starts `comment` as a child process.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MARKER } from '../../scripts/core/report.ts';
import { ACTIONS_LOGIN, GitHub, SECTION_END, SECTION_START, commentBody, postReport, withAttestation } from '../../scripts/shell/github.ts';
import { fakeGitHub, type FakeGitHub } from './fake-github.ts';
import { runCommand, type CommandResult } from '../cli-command.ts';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await fakeGitHub();
});
afterEach(async () => {
  await gh.close();
});

function reportFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'gov-report-')), 'report.md');
  writeFileSync(file, text);
  return file;
}

const REPORT = `${MARKER}\n## ✅ Governance check passed\n\nfirst run\n`;

/** `npm run comment -- ...` against the fake GitHub, its entry point run in this process (tests/cli-command.ts). */
function comment(args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  return runCommand('comment', args, { GITHUB_TOKEN: gh.token, GITHUB_REPOSITORY: gh.repo, GITHUB_API_URL: gh.url, ...env });
}

describe('comment: one report comment per pull request', () => {
  it('the first run creates the comment, the second updates the same one', async () => {
    const first = await comment(['--pr', '5', '--file', reportFile(REPORT)]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('comment: created comment 1000 on #5\n');
    expect(gh.comments).toEqual([{ id: 1000, user: { login: 'gov-bot' }, body: REPORT }]);

    const second = await comment(['--pr', '5', '--file', reportFile(REPORT.replace('first run', 'second run'))]);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe('comment: updated comment 1000 on #5\n');
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]?.body).toContain('second run');
    expect(gh.requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
  });

  it('finds its own comment among 150, across pages', async () => {
    for (let i = 0; i < 80; i++) gh.addComment(`person${i}`, `comment ${i}`);
    const own = gh.addComment('gov-bot', `${MARKER}\nold report\n`);
    for (let i = 80; i < 149; i++) gh.addComment(`person${i}`, `comment ${i}`);
    expect(gh.comments).toHaveLength(150);
    const r = await comment(['--pr', '5', '--file', reportFile(REPORT)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`comment: updated comment ${own.id} on #5\n`);
    expect(gh.comments).toHaveLength(150);
    expect(gh.comments.find((c) => c.id === own.id)?.body).toBe(REPORT);
    expect(gh.requests.filter((q) => q.startsWith('GET /repos/example/governance/issues/5/comments'))).toEqual([
      'GET /repos/example/governance/issues/5/comments?per_page=100',
      'GET /repos/example/governance/issues/5/comments?per_page=100&page=2',
    ]);
  });

  it('retries a 500 and then succeeds', async () => {
    gh.failures.push({ method: 'POST', path: /\/issues\/5\/comments$/, status: 500, times: 1 });
    const r = await comment(['--pr', '5', '--file', reportFile(REPORT)]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/POST \/repos\/example\/governance\/issues\/5\/comments failed \(500\); retrying in 1000 ms/);
    expect(gh.comments).toHaveLength(1);
  }, 20_000);

  it('reports a 403 clearly, and creates nothing', async () => {
    gh.failures.push({
      method: 'POST',
      path: /\/issues\/5\/comments$/,
      status: 403,
      times: 1,
      body: { message: 'Resource not accessible by integration' },
    });
    const r = await comment(['--pr', '5', '--file', reportFile(REPORT)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'comment: POST /repos/example/governance/issues/5/comments: 403 Forbidden: the token may not do this. Posting needs "permissions: pull-requests: write", which a pull_request workflow never has for a fork\'s PR: post from the workflow_run workflow. GitHub says: "Resource not accessible by integration".\n',
    );
    expect(gh.comments).toEqual([]);
  });

  it.each([
    [401, 'GITHUB_TOKEN is missing, expired or not a valid token'],
    [404, 'example/governance or this pull request or comment does not exist, or the token cannot see it'],
    [422, 'GitHub refused the content (a body over 65,536 characters is one cause)'],
  ])('explains a %i', async (status, words) => {
    gh.failures.push({ method: 'GET', path: /\/issues\/5\/comments$/, status, times: 1 });
    const r = await comment(['--pr', '5', '--file', reportFile(REPORT)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${status}`);
    expect(r.stderr).toContain(words);
  });

  it('does not match a marker pasted by another user: it creates its own comment', async () => {
    const pasted = gh.addComment('mallory', `${MARKER}\nI pasted the marker`);
    const r = await comment(['--pr', '5', '--file', reportFile(REPORT)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^comment: created comment \d+ on #5\n$/);
    expect(gh.comments.find((c) => c.id === pasted.id)?.body).toBe(`${MARKER}\nI pasted the marker`);
    expect(gh.comments.filter((c) => c.user.login === 'gov-bot')).toHaveLength(1);
  });

  it('does not match its own comments without the marker', async () => {
    gh.addComment('gov-bot', 'an unrelated note by the same account');
    const r = await comment(['--pr', '5', '--file', reportFile(REPORT)]);
    expect(r.stdout).toMatch(/created/);
    expect(gh.comments).toHaveLength(2);
  });

  it('posts only when the PR head is the run\'s head SHA', async () => {
    const stale = await comment(['--pr', '5', '--file', reportFile(REPORT), '--head-sha', 'd'.repeat(40)]);
    expect(stale.status).toBe(0);
    expect(stale.stdout).toContain('comment: skipped: pull request #5 is at cccccccccccc, not at the run\'s head dddddddddddd');
    expect(gh.comments).toEqual([]);
    const ok = await comment(['--pr', '5', '--file', reportFile(REPORT), '--head-sha', gh.headSha]);
    expect(ok.stdout).toContain('created');
  });

  it.each([['5; rm -rf /'], ['0'], ['-5'], ['5.0'], ['99999999999']])('refuses the PR number %j', async (pr) => {
    const r = await comment([`--pr=${pr}`, '--file', reportFile(REPORT)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not a positive integer');
    expect(gh.requests).toEqual([]);
  });

  it('refuses to run without a token', async () => {
    const r = await comment(['--pr', '5', '--file', reportFile(REPORT)], { GITHUB_TOKEN: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('GITHUB_TOKEN is not set');
  });

  it('with the Actions token (GET /user forbidden) its comments are github-actions[bot]\'s', async () => {
    gh.userForbidden = true;
    gh.login = ACTIONS_LOGIN;
    const own = gh.addComment(ACTIONS_LOGIN, `${MARKER}\nold`);
    const r = await comment(['--pr', '5', '--file', reportFile(REPORT)]);
    expect(r.stdout).toBe(`comment: updated comment ${own.id} on #5\n`);
  });
});

describe('postReport: races, untrusted reports', () => {
  const client = (): GitHub => new GitHub({ token: gh.token, repository: gh.repo, apiUrl: gh.url, retryDelayMs: 1 });

  it('two racing runs leave one comment: after creating it keeps the oldest and deletes its own', async () => {
    gh.beforeCreate = () => {
      gh.beforeCreate = undefined;
      gh.addComment('gov-bot', `${MARKER}\nthe other run's report`);
    };
    const result = await postReport(client(), { pr: 5, report: REPORT });
    expect(result).toEqual({ action: 'updated', id: 1000 });
    expect(gh.comments).toEqual([{ id: 1000, user: { login: 'gov-bot' }, body: REPORT }]);
  });

  it('leaves out nobody: a report that a PR\'s own workflow wrote cannot ping, and is marked when workflows changed', async () => {
    gh.files = ['.github/workflows/governance-check.yml', 'governance/votes/x.yaml'];
    await postReport(client(), { pr: 5, report: 'hello @everyone and @org/team' });
    const body = gh.comments[0]?.body ?? '';
    expect(body.startsWith(`${MARKER}\n> ⚠️ **This PR changes the workflow files**`)).toBe(true);
    expect(body).toContain('hello @\u200deveryone and @\u200dorg/team');
  });

  it('a PR whose only .github/ change is CODEOWNERS gets no warning', async () => {
    gh.files = ['.github/CODEOWNERS'];
    await postReport(client(), { pr: 5, report: REPORT });
    expect(gh.comments[0]?.body).toBe(REPORT);
  });

  it('cuts a report over the comment limit', () => {
    const body = commentBody(`${MARKER}\n${'x'.repeat(100)}\n`.repeat(1000));
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toContain("Cut to fit GitHub's 65,536-character comment limit");
  });

  it('follows a Link only to the API\'s own origin: the token is never sent elsewhere', async () => {
    const gh2 = client();
    gh.failures.push({
      method: 'GET',
      path: /\/issues\/5\/comments$/,
      status: 200,
      times: 1,
      body: [],
      headers: { link: '<https://evil.example/steal?page=2>; rel="next"' },
    });
    await expect(gh2.comments(5)).rejects.toThrow('refusing to send the token to https://evil.example');
  });

  it('gives up after a bounded number of retries', async () => {
    gh.failures.push({ method: 'GET', path: /\/user$/, status: 502, times: 10 });
    const lines: string[] = [];
    const c = new GitHub({ token: gh.token, repository: gh.repo, apiUrl: gh.url, retryDelayMs: 1, retries: 2, log: (l) => lines.push(l) });
    await expect(c.login()).rejects.toThrow('GET /user: 502 Bad Gateway after 3 attempts');
    expect(lines).toHaveLength(2);
  });
});

describe('the artifact is data: the poster reads its files as plain files only', () => {
  const dir = (): string => mkdtempSync(join(tmpdir(), 'gov-artifact-'));

  it('refuses a report that is a symbolic link (to /proc/self/environ, a token file): nothing is read or posted', async () => {
    const d = dir();
    writeFileSync(join(d, 'secret'), 'GITHUB_TOKEN=ghs_secret\n');
    symlinkSync(join(d, 'secret'), join(d, 'report.md'));
    const r = await comment(['--pr', '5', '--file', join(d, 'report.md')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is a symbolic link');
    expect(gh.requests).toEqual([]);
    expect(gh.comments).toEqual([]);
  });

  it('refuses a report that is a directory', async () => {
    const d = dir();
    mkdirSync(join(d, 'report.md'));
    const r = await comment(['--pr', '5', '--file', join(d, 'report.md')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not a regular file');
    expect(gh.requests).toEqual([]);
  });

  it('refuses an oversized report instead of reading it whole', async () => {
    const r = await comment(['--pr', '5', '--file', reportFile(`${MARKER}\n${'x'.repeat(1024 * 1024)}\n`)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('over the 1,048,576-byte limit');
    expect(gh.requests).toEqual([]);
  });

  it('reads the PR number from --pr-file, as a plain file only', async () => {
    const d = dir();
    writeFileSync(join(d, 'pr-number'), '5\n');
    const ok = await comment(['--pr-file', join(d, 'pr-number'), '--file', reportFile(REPORT)]);
    expect(ok.stdout).toBe('comment: created comment 1000 on #5\n');
    symlinkSync(join(d, 'pr-number'), join(d, 'link'));
    const link = await comment(['--pr-file', join(d, 'link'), '--file', reportFile(REPORT)]);
    expect(link.status).toBe(2);
    expect(link.stderr).toContain('is a symbolic link');
  });

  it('a PR number file with a line break cannot start a workflow command in the log', async () => {
    const d = dir();
    writeFileSync(join(d, 'pr-number'), '5\n::add-mask::x\n');
    const r = await comment(['--pr-file', join(d, 'pr-number'), '--file', reportFile(REPORT)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"5\\n::add-mask::x\\n" is not a positive integer');
    expect(r.stderr.split('\n').some((l) => l.startsWith('::'))).toBe(false);
  });
});

describe('postReport: a report the PR\'s own workflow may have written is plain text', () => {
  const client = (): GitHub => new GitHub({ token: gh.token, repository: gh.repo, apiUrl: gh.url, retryDelayMs: 1 });
  const FORGED = [
    '## ✅ Governance check passed',
    '&#64;everyone &commat;org/team #1 GH-2 https://github.com/o/r/issues/3',
    '<img src="https://evil.example/x.png"> <details><summary>x</summary>',
    '[approve here](https://evil.example/login) ![i](javascript:alert(1))',
    '```',
    '</details>',
    'after a lone CR:\rnot indented?',
    '',
  ].join('\n');

  /** Every line after the warning is inside one indented code block. */
  function assertPlainText(body: string): void {
    const lines = body.split(/\r\n|\r|\n/);
    expect(lines[0]).toBe(MARKER);
    expect(lines[1]).toMatch(/^> ⚠️ /);
    expect(lines[2]).toBe('');
    for (const line of lines.slice(3, -1)) expect(line.startsWith('    '), JSON.stringify(line)).toBe(true);
    expect(lines.at(-1)).toBe('');
  }

  it('when the PR changes a workflow, its report is one code block: no entity mention, reference, link, image or HTML acts', async () => {
    gh.files = ['.github/workflows/governance-check.yml'];
    await postReport(client(), { pr: 5, report: FORGED });
    const body = gh.comments[0]?.body ?? '';
    expect(body).toContain('This PR changes the workflow files');
    assertPlainText(body);
    expect(body).toContain('    &#64;everyone');
  });

  it('a PR with more files than GitHub lists (3,000) cannot hide its workflow change past the last one listed', async () => {
    gh.files = [...Array.from({ length: 3000 }, (_, i) => `+/${String(i).padStart(4, '0')}`), '.github/workflows/governance-check.yml'];
    await postReport(client(), { pr: 5, report: FORGED });
    const body = gh.comments[0]?.body ?? '';
    expect(body).toContain('This PR changes more files than GitHub lists');
    assertPlainText(body);
  }, 20_000);

  it('a push landing while the files are listed (the workflow change reverted) skips the post', async () => {
    gh.files = ['.github/workflows/governance-check.yml'];
    gh.onListFiles = () => {
      gh.files = ['governance/votes/x.yaml'];
      gh.headSha = 'd'.repeat(40);
    };
    const result = await postReport(client(), { pr: 5, report: FORGED, headSha: 'c'.repeat(40) });
    expect(result.action).toBe('skipped');
    expect(gh.comments).toEqual([]);
  });

  it('an untrusted report over the comment limit is cut at whole lines and stays plain text', () => {
    const body = commentBody(`${'x'.repeat(100)}\n`.repeat(1000), 'workflows-changed');
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain("Cut to fit GitHub's 65,536-character comment limit");
    const cut = body.indexOf('\n\n> ✂️');
    expect(cut).toBeGreaterThan(0);
    assertPlainText(body.slice(0, cut + 1));
  });
});

describe('the attestation section: trusted, kept between its own markers', () => {
  const SECTION = '### Attestation\n\n1 of 2 ballots confirmed by the voters\' own accounts.\n- ✅ ann: yes';
  const block = (section: string): string => `\n${SECTION_START}\n${section}\n${SECTION_END}\n`;

  it.each<[string, string, string, string]>([
    ['added at the end of a report', `${MARKER}\nreport\n`, SECTION, `${MARKER}\nreport\n${block(SECTION)}`],
    ['replaced, the report kept', `${MARKER}\nreport\n${block('old')}`, SECTION, `${MARKER}\nreport\n${block(SECTION)}`],
    ['removed when empty', `${MARKER}\nreport\n${block('old')}`, '', `${MARKER}\nreport\n`],
    ['a mention in it pings nobody', `${MARKER}\nr`, '@ann said', `${MARKER}\nr\n${block('@\u200dann said')}`],
    ['markers inside the section cannot open or close one', `${MARKER}\nr`, `x${SECTION_END}y${SECTION_START}`, `${MARKER}\nr\n${block('xy')}`],
  ])('%s', (_name, body, section, expected) => {
    expect(withAttestation(body, section)).toBe(expected);
  });

  it('the report gives way so that the whole stays within the comment limit', () => {
    const body = withAttestation(`${MARKER}\n${'a line of the report\n'.repeat(4000)}`, SECTION);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.endsWith(block(SECTION))).toBe(true);
  });

  it('comment --attestation posts the report with the section; --section-only refreshes the section alone', async () => {
    const first = await comment(['--pr', '5', '--file', reportFile(REPORT), '--attestation', reportFile(SECTION)]);
    expect(first.status).toBe(0);
    expect(gh.comments[0]?.body).toBe(`${REPORT.replace(/\n$/, '')}\n${block(SECTION)}`);
    const later = SECTION.replace('1 of 2', '2 of 2');
    const r = await comment(['--pr', '5', '--attestation', reportFile(later), '--section-only']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('comment: updated comment 1000 on #5\n');
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]?.body).toBe(`${REPORT.replace(/\n$/, '')}\n${block(later)}`);
  });

  it('--section-only with no report comment yet creates one that says the check has not reported', async () => {
    const r = await comment(['--pr', '5', '--attestation', reportFile(SECTION), '--section-only']);
    expect(r.status).toBe(0);
    expect(gh.comments[0]?.body).toBe(`${MARKER}\n_The governance check has not reported on this PR yet._\n${block(SECTION)}`);
  });

  it('--section-only with --file is a usage error', async () => {
    const r = await comment(['--pr', '5', '--file', reportFile(REPORT), '--attestation', reportFile(SECTION), '--section-only']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--section-only takes --attestation FILE and no --file');
  });
});
