// The status page, now the site's front page (index.html, fr/index.html):
// exact fragments of the HTML for a known committee in both languages, the
// check-in worded from the charter, escaping of everything a person wrote,
// links only to http(s), the same bytes on every run, and
// `npm run status-page`, which builds the whole site.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPages, renderSite } from '../../scripts/site/site.ts';
import { safeUrl } from '../../scripts/site/status-page.ts';
import { runCommand } from '../cli-command.ts';
import { FIXTURE_TODAY, repoWith, runCheck, writeRepo, type Files } from '../helpers.ts';
import { buildPages, hrefs, mainOf, pageOf, REPO_URL, SHA, siteInput, type BuildOptions } from '../site/pages-fixture.ts';

const front = (files: Files, options: BuildOptions = {}, today = FIXTURE_TODAY, lang = ''): string =>
  pageOf(buildPages(files, options, today), `${lang}index.html`);

const BOB_DISCLOSES = {
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
};

const charterWith = (from: string, to: string): Files => ({
  'governance/charter.yaml': repoWith()['governance/charter.yaml']!.toString().replace(from, to),
});

describe('the committee today', () => {
  const html = front(repoWith());

  it('a member row: name linking their page, GitHub, newest disclosure, since when they serve, appointed by', () => {
    expect(html).toContain(
      '<tr><td><a href="members/ann.html">Ann Example</a></td><td><a href="https://github.com/ann-gh">ann-gh</a></td><td>Example Corp</td><td>none disclosed</td><td><time datetime="2024-01-10">10 January 2024</time></td><td><time datetime="2024-01-10">10 January 2024</time></td><td>the board</td></tr>',
    );
  });

  it('the newest disclosure, with its conflicts (escaped) and date', () => {
    expect(front(repoWith(BOB_DISCLOSES))).toContain(
      '<tr><td><a href="members/bob.html">Bob Example</a></td><td>—</td><td>New &amp; Co</td><td>Advises &lt;Vendor&gt;; Board of X</td><td><time datetime="2024-02-01">1 February 2024</time></td>',
    );
  });

  it('quorum with its formula, the chair and the term end, the next check-in', () => {
    expect(html).toContain(
      [
        '<dl class="facts">',
        '<dt>Quorum</dt><dd>4 members present, of 5 serving (50% + 1, minimum 4)</dd>',
        '<dt>Chair</dt><dd><a href="members/ann.html">Ann Example</a> since <time datetime="2024-02-07">7 February 2024</time>, term ends <time datetime="2024-08-07">7 August 2024</time></dd>',
        '<dt>Next semi-annual check-in</dt><dd><time datetime="2024-08-07">7 August 2024</time></dd>',
        '</dl>',
      ].join('\n'),
    );
  });

  it('the same in French: dates in words, the check-in named from the term', () => {
    const fr = front(repoWith(), {}, FIXTURE_TODAY, 'fr/');
    expect(fr).toContain(
      [
        '<dt>Quorum</dt><dd>4 membres présents, sur 5 en fonction (50 % + 1, au moins 4)</dd>',
        '<dt>Président</dt><dd><a href="../fr/members/ann.html">Ann Example</a> depuis le <time datetime="2024-02-07">7 février 2024</time>, mandat jusqu’au <time datetime="2024-08-07">7 août 2024</time></dd>',
        '<dt>Prochain bilan semestriel</dt><dd><time datetime="2024-08-07">7 août 2024</time></dd>',
      ].join('\n'),
    );
    expect(fr).toContain('<h2 id="committee-h">Le comité au <time datetime="2024-02-20">20 février 2024</time></h2>');
  });

  it.each([
    [12, 'Next annual check-in', 'Prochain bilan annuel', '2025-02-07'],
    [3, 'Next quarterly check-in', 'Prochain bilan trimestriel', '2024-05-07'],
    [7, 'Next check-in (every 7 months, at the chair election)', 'Prochain bilan (tous les 7 mois, à l’élection à la présidence)', '2024-09-07'],
  ])('a %i-month term: "%s"', (months, en, fr, end) => {
    const files = repoWith(charterWith('term_months: 6', `term_months: ${months}`));
    const site = buildPages(files);
    expect(pageOf(site, 'index.html')).toContain(`<dt>${en}</dt><dd><time datetime="${end}">`);
    expect(pageOf(site, 'fr/index.html')).toContain(`<dt>${fr}</dt><dd><time datetime="${end}">`);
    expect(pageOf(site, 'index.html')).not.toContain('semi-annual');
  });

  it('no check-in line when the charter has none (chair.check_in: false)', () => {
    const files = repoWith(charterWith('chair: { term_months: 6, max_consecutive_terms: 2 }', 'chair: { term_months: 6, max_consecutive_terms: 2, check_in: false }'));
    const site = buildPages(files);
    expect(pageOf(site, 'index.html')).not.toContain('check-in');
    expect(pageOf(site, 'fr/index.html')).not.toContain('bilan');
    expect(pageOf(site, 'index.html')).toContain('<dt>Chair</dt>');
  });

  it('the open proposals by stage, with their pull requests', () => {
    const files = repoWith({
      'rfcs/0001-example.md': repoWith()['rfcs/0001-example.md']!.toString().replace('discussion_since: 2024-02-02', 'discussion_since: 2024-02-02\npr: 12'),
      'rfcs/0002-second.md': ['---', 'rfc: 2', 'title: A <second> proposal', 'authors: [Bob]', 'status: fcp', 'created: 2024-02-01', 'discussion_since: 2024-02-03', 'fcp_since: 2024-02-10', '---', ''].join('\n'),
    });
    const html = front(files, { repoUrl: REPO_URL, commit: SHA });
    expect(html).toContain(
      [
        '<h3>In discussion <span class="count">(1)</span></h3>',
        '<ul class="proposals discussion">',
        `<li><a href="rfcs/1.html">RFC 0001</a>: An example proposal · <a href="${REPO_URL}/pull/12">pull request #12</a> · since <time datetime="2024-02-02">2 February 2024</time></li>`,
        '</ul>',
        '<h3>Final comment period <span class="count">(1)</span></h3>',
        '<ul class="proposals fcp">',
        '<li><a href="rfcs/2.html">RFC 0002</a>: A &lt;second&gt; proposal · since <time datetime="2024-02-10">10 February 2024</time></li>',
        '</ul>',
      ].join('\n'),
    );
  });

  it('the latest meetings with their absentees by name, and the latest votes', () => {
    const html = front(repoWith());
    expect(html).toContain(
      '<tr><td><a href="meetings/2024-02-07.html"><time datetime="2024-02-07">7 February 2024</time></a></td><td>regular</td><td>4 / 5</td><td><a href="members/eve.html">Eve Example</a></td><td><span class="ok">✔ met</span></td><td>1</td><td>—</td></tr>',
    );
    expect(html).toContain(
      '<tr><td><a href="meetings/2024-02-07.html"><time datetime="2024-02-07">7 February 2024</time></a></td><td><a href="votes/2024-02-07-chair-election.html">Elect the chair for the next six months</a></td><td>chair election</td><td>elected <a href="members/ann.html">Ann Example</a></td><td><a href="members/ann.html">Ann Example</a> 3 · abstain 1</td><td><span class="ok">✔ met</span> (4 of 5 present, 4 needed)</td></tr>',
    );
  });
});

describe('the check on the front page', () => {
  const broken = repoWith({
    'governance/members/eve.yaml':
      'id: eve\nname: Eve Example\ngithub: "eve example"\ndisclosures:\n  - date: 2024-01-10\n    employer: Example Corp\nservice:\n  - from: 2024-01-10\n    appointed_by: board\ncontinuation:\n  - { date: 2024-02-07, continues: true }\n',
  });

  it('the verdict, in both languages, linking every finding', () => {
    const site = buildPages(broken);
    expect(pageOf(site, 'index.html')).toContain(
      '<p class="verdict error">✖ 1 error, 0 warnings in 1 file (10 files checked).</p>\n<p><a href="findings.html">Every finding of the check</a></p>',
    );
    expect(pageOf(site, 'fr/index.html')).toContain('<p class="verdict error">✖ 1 erreur, 0 avertissement dans 1 fichier (10 fichiers vérifiés).</p>');
    // The rejected handle is not linked, and the member still shows.
    expect(pageOf(site, 'index.html')).toContain('<tr><td><a href="members/eve.html">Eve Example</a></td><td>—</td>');
  });

  it('no findings: says so', () => {
    expect(front(repoWith())).toContain('<p class="verdict ok">✔ No problems (10 files checked).</p>');
  });
});

describe('escaping: everything a person wrote is text', () => {
  const EVIL = '<script>alert("x")</script> & "quoted" \'single\'';
  const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;';
  const html = front(
    repoWith({
      'governance/members/ann.yaml': repoWith()['governance/members/ann.yaml']!.toString().replace('name: Ann Example', `name: ${JSON.stringify(EVIL)}`),
      'governance/votes/2024-02-07-chair-election.yaml': repoWith()['governance/votes/2024-02-07-chair-election.yaml']!
        .toString()
        .replace('motion: Elect the chair for the next six months', `motion: ${JSON.stringify(EVIL)}`),
    }),
  );

  it('a name and a motion with <script>, " and & render as text', () => {
    expect(html).toContain(`<tr><td><a href="members/ann.html">${ESCAPED}</a></td>`);
    expect(html).toContain(`<td><a href="votes/2024-02-07-chair-election.html">${ESCAPED}</a></td>`);
  });

  it('nothing a record holds becomes markup: no script, no tag, no event handler', () => {
    expect(mainOf(html)).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('the page runs nothing and loads nothing but its own stylesheet', () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'">`,
    );
    expect(html).not.toMatch(/<(script|img|iframe|object|embed|form)\b/i);
    expect([...html.matchAll(/<link [^>]*>/g)].map((m) => m[0])).toEqual([
      '<link rel="stylesheet" href="site.css">',
      '<link rel="alternate" hreflang="fr" href="fr/index.html">',
    ]);
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

  it('the renderer refuses a javascript: URL even if one reaches the model', () => {
    const { loaded, findings, summary } = runCheck(repoWith(), FIXTURE_TODAY);
    loaded.model.meetings.get('2024-02-07')!.minutes = 'javascript:alert(1)';
    loaded.model.members.get('ann')!.github = 'x" onmouseover="alert(1)';
    const site = renderPages({ model: loaded.model, findings, summary, today: FIXTURE_TODAY, repoUrl: 'javascript:alert(1)//', commit: SHA });
    for (const [path, html] of site) {
      expect(html, path).not.toContain('javascript:');
      expect(html, path).not.toContain('" onmouseover');
      for (const href of hrefs(html)) expect(href, path).toMatch(/^#main$|^(\.\.\/)*[a-z0-9/_.-]+\.(html|css)$|^https:\/\/github\.com\/[a-z]+-gh$/);
    }
    expect(pageOf(site, 'index.html')).toContain('<td>x&quot; onmouseover=&quot;alert(1)</td>');
  });
});

describe('deterministic', () => {
  const files = repoWith();

  it('the same records give the same bytes, also from a fresh load and in another file order', () => {
    const options = { repoUrl: REPO_URL, commit: SHA };
    const first = buildPages(files, options);
    const again = buildPages(files, options);
    const reversed = buildPages(Object.fromEntries(Object.entries(files).reverse()), options);
    expect([...again]).toEqual([...first]);
    expect([...reversed]).toEqual([...first]);
  });

  it('the only date it adds is today', () => {
    const a = front(files, {}, '2024-02-20');
    const b = front(files, {}, '2024-02-21');
    expect(a).not.toMatch(/\d{2}:\d{2}:\d{2}|T\d{2}:\d{2}/);
    expect(b.replaceAll('2024-02-21', '2024-02-20').replaceAll('21 February 2024', '20 February 2024')).toBe(a);
  });
});

describe('npm run status-page: the whole site, as npm run site builds it', () => {
  const repo = writeRepo(repoWith());

  it('builds the site in DIR with exit code 0: the front page is the renderer’s', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gov-site-')), 'nested', 'site');
    const r = await runCommand('status-page', ['--repo', repo, '--today', FIXTURE_TODAY, '--out', out, '--repo-url', REPO_URL, '--commit', SHA]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*site: \d+ pages in 2 languages, .* 5 members serving, 0 errors, 0 warnings \(10 files checked\)\n$/);
    expect(readdirSync(out)).toContain('index.html');
    expect(readdirSync(join(out, 'fr'))).toContain('index.html');
    const site = renderSite(siteInput(repoWith(), { repoUrl: REPO_URL, commit: SHA }));
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(site.get('index.html'));
    // The footer links the data files built beside the pages.
    expect(site.get('index.html')).toContain('<p>The same records as data: <a href="api/v1/committee.json">JSON API</a> · <a href="meetings.ics">meeting calendar (iCalendar)</a> · <a href="decisions.atom">decisions feed (Atom)</a></p>');
  });

  it.each([
    [['--today', '2024-02-30'], '--today 2024-02-30: expected a real date written YYYY-MM-DD'],
    [['--repo-url', 'javascript:alert(1)'], '--repo-url javascript:alert(1): expected an http(s) URL'],
    [['--commit', 'main; rm -rf /'], '--commit main; rm -rf /: expected a commit SHA'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('usage error %j: exit 2 with a clear message, nothing written', async (args, message) => {
    const out = join(mkdtempSync(join(tmpdir(), 'gov-site-')), 'site');
    const r = await runCommand('status-page', ['--repo', repo, '--out', out, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Usage: npm run status-page -- --out DIR [options]');
    expect(r.stderr).toContain('`npm run site` is the same command');
    expect(existsSync(out)).toBe(false);
  });

  it('--out naming a file is a usage error', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gov-site-')), 'a-file');
    writeFileSync(file, 'x');
    const r = await runCommand('status-page', ['--repo', repo, '--today', FIXTURE_TODAY, '--out', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('exists and is not a folder');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});
