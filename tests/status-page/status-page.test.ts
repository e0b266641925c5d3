// The published status page: exact fragments of the HTML for a known
// committee, escaping of everything a person wrote, links only to http(s),
// the same bytes on every run, and the CLI end to end.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderStatusPage, safeUrl, type StatusPageOptions } from '../../scripts/core/status-page.ts';
import { FIXTURE_TODAY, repoWith, runCheck, writeRepo, type Files } from '../helpers.ts';
import { runCommand } from '../cli-command.ts';

const REPO_URL = 'https://github.com/example/governance';
const SHA = '0123456789abcdef0123456789abcdef01234567';

function page(files: Files, options: Partial<StatusPageOptions> = {}, today = FIXTURE_TODAY): string {
  const { loaded, findings, summary } = runCheck(files, today);
  return renderStatusPage(loaded.model, findings, summary, { today, ...options });
}

/** Every href on the page. */
const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');

const MEETING = 'governance/meetings/2024-02-07.yaml';
const BUDGET = 'governance/votes/2024-02-07-budget.yaml';
const budget = (motion: string, extra: string[] = []): string =>
  [
    'id: 2024-02-07-budget',
    'date: 2024-02-07',
    'meeting: 2024-02-07',
    'kind: decision',
    `motion: ${JSON.stringify(motion)}`,
    'ballots:',
    '  ann: yes',
    '  bob: yes',
    '  cat: no',
    '  dan: abstain',
    'result: passed',
    ...extra,
    '',
  ].join('\n');

describe('the committee now', () => {
  const html = page(repoWith({ [BUDGET]: budget('Adopt the budget') }));

  it('a member row: name, id, GitHub link, newest disclosure, since when they serve', () => {
    expect(html).toContain(
      '<tr id="member-ann"><td>Ann Example</td><td><code>ann</code></td><td><a href="https://github.com/ann-gh">ann-gh</a></td><td>Example Corp</td><td>none disclosed</td><td>2024-01-10</td><td>2024-01-10</td><td>the board</td></tr>',
    );
  });

  it('the newest disclosure, with its conflicts and date', () => {
    const out = page(
      repoWith({
        'governance/members/bob.yaml': [
          'id: bob',
          'name: Bob Example',
          'disclosures:',
          '  - { date: 2024-01-10, employer: Old Corp }',
          '  - { date: 2024-02-01, employer: New & Co, conflicts: ["Advises <Vendor>", "Board of X"] }',
          'service:',
          '  - { from: 2024-01-10, appointed_by: board }',
          'continuation:',
          '  - { date: 2024-02-07, continues: true }',
          '',
        ].join('\n'),
      }),
    );
    expect(out).toContain(
      '<tr id="member-bob"><td>Bob Example</td><td><code>bob</code></td><td>—</td><td>New &amp; Co</td><td>Advises &lt;Vendor&gt;; Board of X</td><td>2024-02-01</td><td>2024-01-10</td><td>the board</td></tr>',
    );
  });

  it('quorum with its formula, the chair and term end, the next check-in, open RFCs', () => {
    expect(html).toContain(
      [
        '<dl class="facts">',
        '<dt>Quorum</dt><dd>4 members present, of 5 serving (50% + 1, minimum 4)</dd>',
        '<dt>Chair</dt><dd>Ann Example (<code>ann</code>) since 2024-02-07, term ends 2024-08-07</dd>',
        '<dt>Next semi-annual check-in</dt><dd>2024-08-07</dd>',
        '<dt>Open RFCs</dt><dd>discussion: <a href="#rfc-1">RFC 0001</a></dd>',
        '</dl>',
      ].join('\n'),
    );
  });
});

describe('meetings, votes, RFCs, chair terms, past members', () => {
  const eveLeft = [
    'id: eve',
    'name: Eve Example',
    'disclosures:',
    '  - { date: 2024-01-10, employer: Example Corp }',
    'service:',
    '  - { from: 2024-01-10, appointed_by: board, to: 2024-02-15, left: resigned }',
    'continuation:',
    '  - { date: 2024-02-07, continues: true }',
    '',
  ].join('\n');
  const html = page(
    repoWith({
      [BUDGET]: budget('Adopt the budget'),
      'governance/members/eve.yaml': eveLeft,
      [MEETING]: 'date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, dan]\nboard: []\nguests: ["A Visitor"]\nminutes: https://wiki.example.org/minutes/2024-02-07.html\n',
    }),
  );

  it('a vote row: date linking its meeting, motion, kind, result, tally as counted, quorum', () => {
    expect(html).toContain(
      '<tr id="vote-2024-02-07-budget"><td><a href="#meeting-2024-02-07">2024-02-07</a></td><td>Adopt the budget</td><td>decision</td><td>passed</td><td>2 yes · 1 no · 1 abstain</td><td><span class="ok">✔ met</span> (4 of 5 present, 4 needed)</td><td></td></tr>',
    );
  });

  it('a chair election: the counted ballots per candidate', () => {
    expect(html).toContain(
      '<tr id="vote-2024-02-07-chair-election"><td><a href="#meeting-2024-02-07">2024-02-07</a></td><td>Elect the chair for the next six months</td><td>chair-election</td><td>elected Ann Example</td><td>Ann Example 3 · abstain 1</td><td><span class="ok">✔ met</span> (4 of 5 present, 4 needed)</td><td></td></tr>',
    );
  });

  it('votes newest first', () => {
    const ids = [...html.matchAll(/<tr id="vote-([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['2024-02-07-chair-election', '2024-02-07-budget']);
  });

  it('a meeting row: present and serving / serving, board, guests, the minutes link', () => {
    expect(html).toContain('<h3>2024 <span class="count">(1 meeting)</span></h3>');
    expect(html).toContain(
      '<tr id="meeting-2024-02-07"><td>2024-02-07</td><td>regular</td><td>4 / 5</td><td>none</td><td>A Visitor</td><td><a href="https://wiki.example.org/minutes/2024-02-07.html">minutes</a></td></tr>',
    );
  });

  it('an RFC row under its status', () => {
    expect(html).toContain('<h3>discussion <span class="count">(1)</span></h3>');
    expect(html).toContain('<tr id="rfc-1"><td>RFC 0001</td><td>An example proposal</td><td>discussion</td><td>2024-02-01</td><td>—</td></tr>');
  });

  it('the chair terms, the one in office marked', () => {
    expect(html).toContain(
      '<tr class="current"><td>Ann Example <span class="badge">in office</span></td><td>2024-02-07</td><td>open (term ends 2024-08-07)</td><td><a href="#vote-2024-02-07-chair-election">vote 2024-02-07-chair-election</a></td><td>—</td></tr>',
    );
  });

  it('a past member: service periods and how they left', () => {
    expect(html).toContain(
      '<tr id="member-eve"><td>Eve Example</td><td><code>eve</code></td><td>2024-01-10 to 2024-02-15, resigned (appointed by the board)</td></tr>',
    );
    expect(html).toContain('<p>4 members serving.</p>');
  });

  it('an RFC decided by a vote links the vote; a nullified vote says so', () => {
    const out = page(
      repoWith({
        [BUDGET]: budget('Adopt the budget', ['nullified_by: 2024-02-07-annul']),
        'governance/votes/2024-02-07-annul.yaml': [
          'id: 2024-02-07-annul',
          'date: 2024-02-07',
          'meeting: 2024-02-07',
          'kind: decision',
          'motion: Annul the budget vote',
          'ballots: { ann: yes, bob: yes, cat: yes, dan: yes }',
          'result: passed',
          '',
        ].join('\n'),
      }),
    );
    expect(out).toContain(
      '<tr id="vote-2024-02-07-budget" class="nullified"><td><a href="#meeting-2024-02-07">2024-02-07</a></td><td>Adopt the budget</td><td>decision</td><td>passed</td><td>2 yes · 1 no · 1 abstain</td><td><span class="ok">✔ met</span> (4 of 5 present, 4 needed)</td><td><strong>nullified</strong> by <a href="#vote-2024-02-07-annul">2024-02-07-annul</a>: it decides nothing</td></tr>',
    );
  });

  it('quorum not met, and a recorded result the ballots contradict', () => {
    const out = page(
      repoWith({
        [MEETING]: 'date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat]\nboard: []\nguests: []\n',
        [BUDGET]: [
          'id: 2024-02-07-budget',
          'date: 2024-02-07',
          'meeting: 2024-02-07',
          'kind: decision',
          'motion: Adopt the budget',
          'ballots: { ann: no, bob: no, cat: yes }',
          'result: passed',
          '',
        ].join('\n'),
      }),
    );
    expect(out).toContain(
      '<td>passed <span class="error">(the counted ballots give not passed)</span></td><td>1 yes · 2 no · 0 abstain</td><td><span class="error">✘ not met</span> (3 of 5 present, 4 needed)</td>',
    );
  });
});

describe('the check on the page', () => {
  const EVE = 'governance/members/eve.yaml';
  const broken = repoWith({
    [EVE]: 'id: eve\nname: Eve Example\ngithub: "eve example"\ndisclosures:\n  - date: 2024-01-10\n    employer: Example Corp\nservice:\n  - from: 2024-01-10\n    appointed_by: board\ncontinuation:\n  - { date: 2024-02-07, continues: true }\n',
  });
  const MESSAGE =
    'github: &quot;eve example&quot; is not valid here: a GitHub login: 1 to 39 letters, digits or hyphens, not starting with a hyphen';

  it('every finding is a row: severity, rule, file:line linked to the file at the commit, message', () => {
    const html = page(broken, { repoUrl: REPO_URL, commit: SHA });
    expect(html).toContain('<p class="verdict error">✖ 1 error, 0 warnings in 1 file (10 files checked).</p>');
    expect(html).toContain(
      `<tr class="error"><td><span class="error">✖ error</span></td><td><code>schema</code></td><td><code><a href="${REPO_URL}/blob/${SHA}/governance/members/eve.yaml#L3">governance/members/eve.yaml:3</a></code></td><td>${MESSAGE}</td></tr>`,
    );
  });

  it('without --repo-url the place is plain text', () => {
    const html = page(broken);
    expect(html).toContain(
      `<tr class="error"><td><span class="error">✖ error</span></td><td><code>schema</code></td><td><code>governance/members/eve.yaml:3</code></td><td>${MESSAGE}</td></tr>`,
    );
    // The rejected handle is not linked, and the member still shows.
    expect(html).toContain('<tr id="member-eve"><td>Eve Example</td><td><code>eve</code></td><td>—</td>');
  });

  it('no findings: says so, with no table', () => {
    const html = page(repoWith());
    expect(html).toContain('<p class="verdict ok">✔ No problems (10 files checked).</p>');
    expect(html).not.toContain('<table class="findings">');
  });
});

describe('escaping: everything a person wrote is text', () => {
  const EVIL = '<script>alert("x")</script> & "quoted" \'single\'';
  const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;';
  const html = page(
    repoWith({
      [BUDGET]: budget(EVIL),
      [MEETING]: `date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, dan]\nboard: ["Board <b>Member</b>"]\nguests: [${JSON.stringify(EVIL)}]\n`,
    }),
  );

  it('a motion with <script>, " and & renders as text', () => {
    expect(html).toContain(`<td><a href="#meeting-2024-02-07">2024-02-07</a></td><td>${ESCAPED}</td><td>decision</td>`);
  });

  it('a guest name with <script>, " and & renders as text', () => {
    expect(html).toContain(`<td>Board &lt;b&gt;Member&lt;/b&gt;</td><td>${ESCAPED}</td>`);
  });

  it('nothing a record holds becomes markup: no script, no tag, no event handler', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('the page itself runs nothing and loads nothing', () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
    );
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|form)\b/i);
    expect(html).not.toMatch(/\bsrc=|@import|url\(/i);
  });
});

describe('links: only http(s)', () => {
  it.each([
    ['https://wiki.example.org/m.html', true],
    ['http://example.org/', true],
    ['HTTPS://EXAMPLE.ORG/x', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox(1)', false],
    ['//evil.example/x', false],
    ['/relative/path', false],
    ['https:evil.example', false],
    ['https:/\\evil.example', false],
    ['https://exa mple.org/', false],
    ['', false],
  ])('safeUrl(%j) links: %s', (url, ok) => {
    expect(safeUrl(url) !== undefined).toBe(ok);
  });

  it('the schema rejects a javascript: minutes URL, and the page links no such thing', () => {
    const html = page(
      repoWith({ [MEETING]: 'date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, dan]\nminutes: "javascript:alert(1)"\n' }),
      { repoUrl: REPO_URL, commit: SHA },
    );
    expect(html).toContain('<code>schema</code>');
    for (const href of hrefs(html)) expect(href).toMatch(/^(https?:\/\/|#)/);
    expect(html).not.toMatch(/href="\s*javascript:/i);
  });

  it('the renderer refuses a javascript: URL even if one reaches the model', () => {
    const { loaded, findings, summary } = runCheck(repoWith(), FIXTURE_TODAY);
    const meeting = loaded.model.meetings.get('2024-02-07')!;
    meeting.minutes = 'javascript:alert(1)';
    loaded.model.members.get('ann')!.github = 'x" onmouseover="alert(1)';
    const html = renderStatusPage(loaded.model, findings, summary, {
      today: FIXTURE_TODAY,
      repoUrl: 'javascript:alert(1)//',
      commit: SHA,
    });
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<tr id="meeting-2024-02-07"><td>2024-02-07</td><td>regular</td><td>4 / 5</td><td>none</td><td>A Visitor</td><td>—</td></tr>');
    expect(html).toContain('<td>x&quot; onmouseover=&quot;alert(1)</td>');
    // No file links from a refused repository URL: what is left is anchors and the other members' GitHub pages.
    for (const href of hrefs(html)) expect(href).toMatch(/^(#|https:\/\/github\.com\/[a-z]+-gh$)/);
  });
});

describe('deterministic', () => {
  const files = repoWith({ [BUDGET]: budget('Adopt the budget') });

  it('the same records give the same string, also from a fresh load and in another file order', () => {
    const options = { repoUrl: REPO_URL, commit: SHA };
    const first = page(files, options);
    expect(page(files, options)).toBe(first);
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    expect(page(reversed, options)).toBe(first);
  });

  it('the only date it adds is today', () => {
    const a = page(files, {}, '2024-02-20');
    const b = page(files, {}, '2024-02-21');
    expect(a).not.toMatch(/\d{2}:\d{2}:\d{2}|T\d{2}:\d{2}/);
    expect(b.replaceAll('2024-02-21', '2024-02-20')).toBe(a);
  });
});

describe('npm run status-page', () => {
  /**
   * `npm run status-page -- ...`, its entry point run in this process
   * (tests/cli-command.ts: the same arguments, output, files written and exit
   * code); tests/cli/explain.test.ts starts it as a child process.
   */
  async function run(args: string[]) {
    const r = await runCommand('status-page', args);
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  const fixture = repoWith({ [BUDGET]: budget('Adopt the budget') });
  const repo = writeRepo(fixture);

  it('writes DIR/index.html, creating the folder, with exit code 0: the same page as the renderer', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gov-site-')), 'nested', 'site');
    const r = await run(['--repo', repo, '--today', FIXTURE_TODAY, '--out', out, '--repo-url', REPO_URL, '--commit', SHA]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${join(out, 'index.html')}: 5 members serving, 0 errors, 0 warnings (11 files checked)\n`);
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(page(fixture, { repoUrl: REPO_URL, commit: SHA }));
  });

  it('exit code 0 when the records have errors: the page shows them; an existing page is replaced', async () => {
    const broken = writeRepo(repoWith({ 'governance/members/zed.yaml': 'id: zed\nid: zed\n' }));
    const out = mkdtempSync(join(tmpdir(), 'gov-site-'));
    writeFileSync(join(out, 'index.html'), 'old page');
    const r = await run(['--repo', broken, '--today', FIXTURE_TODAY, '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<code>yaml-syntax</code>');
    expect(html).toContain('✖ 1 error');
    expect(readdirSync(out)).toEqual(['index.html']);
  });

  it.each([
    [['--today', '2024-02-30'], '--today 2024-02-30: expected a real date written YYYY-MM-DD'],
    [['--repo-url', 'javascript:alert(1)'], '--repo-url javascript:alert(1): expected an http(s) URL'],
    [['--commit', 'main; rm -rf /'], '--commit main; rm -rf /: expected a commit SHA'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--repo', '/nonexistent/repo'], '--repo /nonexistent/repo: no such directory'],
  ])('usage error %j: exit 2 with a clear message', async (args, message) => {
    const out = join(mkdtempSync(join(tmpdir(), 'gov-site-')), 'site');
    const r = await run(['--repo', repo, '--out', out, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Usage: npm run status-page');
    expect(existsSync(out)).toBe(false);
  });

  it('--out naming a file is a usage error', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gov-site-')), 'a-file');
    writeFileSync(file, 'x');
    const r = await run(['--repo', repo, '--today', FIXTURE_TODAY, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('exists and is not a folder');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});
