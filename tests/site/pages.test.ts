// The site's pages built from a fixture repository, in process: what each
// page says (exact strings where it matters), absentees by name, a meeting
// below quorum marked, every link resolving to a built page, the language
// switch and `lang` on every page, and nothing a record holds becoming
// markup or a file name outside the site.
import { describe, expect, it } from 'vitest';
import { isSafeOutputPath } from '../../scripts/site/html.ts';
import { renderPages } from '../../scripts/site/site.ts';
import { FIXTURE_TODAY, repoWith, runCheck, type Files } from '../helpers.ts';
import { buildPages, hrefs, mainOf, pageOf, REPO_URL, resolveHref, SHA } from './pages-fixture.ts';

const MEETING = 'governance/meetings/2024-02-07.yaml';
const BUDGET = 'governance/votes/2024-02-07-budget.yaml';
const budget = (lines: string[] = [], ballots = ['  ann: yes', '  bob: yes', '  cat: no', '  dan: abstain'], result = 'passed'): string =>
  ['id: 2024-02-07-budget', 'date: 2024-02-07', 'meeting: 2024-02-07', 'kind: decision', 'motion: Adopt the budget', 'ballots:', ...ballots, `result: ${result}`, ...lines, ''].join('\n');
const inquorate = `date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat]\nboard: ["Board Person"]\nguests: ["A Visitor"]\nminutes: https://wiki.example.org/m.html\n`;

const links = { repoUrl: REPO_URL, commit: SHA };

describe('a meeting', () => {
  it('who was present and who was absent, by name, and a quorum that was met', () => {
    const html = mainOf(pageOf(buildPages(repoWith()), 'meetings/2024-02-07.html'));
    expect(html).toContain('<dt>Quorum</dt><dd><span class="ok">✔ met</span>: 4 of 5 members present, 4 needed</dd>');
    expect(html).toContain(
      [
        '<h3>Present (4)</h3>',
        '<p><a href="../members/ann.html">Ann Example</a>, <a href="../members/bob.html">Bob Example</a>, <a href="../members/cat.html">Cat Example</a>, <a href="../members/dan.html">Dan Example</a></p>',
        '<h3>Absent (1)</h3>',
        '<p><a href="../members/eve.html">Eve Example</a></p>',
        '<h3>Board members</h3>',
        '<p>none</p>',
        '<h3>Guests</h3>',
        '<p>A Visitor</p>',
      ].join('\n'),
    );
    expect(html).toContain('<dt>Chair</dt><dd><a href="../members/ann.html">Ann Example</a> (the chair in office; who chaired is not recorded)</dd>');
    expect(html).not.toContain('inquorate');
  });

  it('below quorum: marked with the numbers, not as a violation, "no vote could be taken"', () => {
    const site = buildPages(repoWith({ [MEETING]: inquorate }));
    const en = pageOf(site, 'meetings/2024-02-07.html');
    expect(en).toContain('<dt>Quorum</dt><dd><span class="warn">⚠ below quorum</span>: 3 of 5 members present, 4 needed</dd>');
    expect(en).toContain(
      '<p class="inquorate" role="note"><strong>⚠ Below quorum.</strong> 3 of 5 members present, 4 needed. This is not a charter violation by itself, but no vote could be taken at this meeting.</p>',
    );
    expect(en).toContain('<h3>Absent (2)</h3>\n<p><a href="../members/dan.html">Dan Example</a>, <a href="../members/eve.html">Eve Example</a></p>');
    expect(pageOf(site, 'fr/meetings/2024-02-07.html')).toContain(
      '<p class="inquorate" role="note"><strong>⚠ Quorum non atteint.</strong> 3 membres présents sur 5, 4 requis. Ce n’est pas en soi une infraction à la charte, mais aucun vote n’a pu avoir lieu à cette réunion.</p>',
    );
    expect(pageOf(site, 'meetings.html')).toContain(
      '<tr class="inquorate-row"><td><a href="meetings/2024-02-07.html"><time datetime="2024-02-07">7 February 2024</time></a></td><td>regular</td><td>3 / 5</td><td><a href="members/dan.html">Dan Example</a>, <a href="members/eve.html">Eve Example</a></td><td><span class="warn">⚠ below quorum</span> (3 of 5 present, 4 needed)</td><td>1</td><td><a href="https://wiki.example.org/m.html">minutes</a></td></tr>',
    );
  });

  it('the votes taken there, the chair who chaired, the minutes, corrections and sources', () => {
    const meeting = [
      'date: 2024-02-07',
      'kind: special',
      'chaired_by: bob',
      'present: [ann, bob, cat, dan]',
      'minutes: https://wiki.example.org/m.html',
      'recording: https://video.example.org/r',
      'corrections: [{ date: 2024-02-10, by: Secretary, reason: Guest list fixed }]',
      'source: https://wiki.example.org/m.html',
      'notes: Read from the wiki.',
      '',
    ].join('\n');
    const html = mainOf(pageOf(buildPages(repoWith({ [MEETING]: meeting, [BUDGET]: budget() }), links), 'meetings/2024-02-07.html'));
    expect(html).toContain('<dt>Kind</dt><dd>special</dd>\n<dt>Chair</dt><dd><a href="../members/bob.html">Bob Example</a></dd>');
    expect(html).toContain('<dt>Minutes</dt><dd><a href="https://wiki.example.org/m.html">minutes</a> · <a href="https://video.example.org/r">recording</a></dd>');
    expect(html).toContain('<a href="../votes/2024-02-07-budget.html">Adopt the budget</a>');
    expect(html).toContain('<a href="../votes/2024-02-07-chair-election.html">Elect the chair for the next six months</a>');
    expect(html).toContain('<li><time datetime="2024-02-10">10 February 2024</time>, by Secretary: Guest list fixed</li>');
    expect(html).toContain(
      `<dt>Published at</dt><dd><a href="https://wiki.example.org/m.html">https://wiki.example.org/m.html</a></dd>\n<dt>Notes</dt><dd>Read from the wiki.</dd>\n<dt>Record</dt><dd><code><a href="${REPO_URL}/blob/${SHA}/governance/meetings/2024-02-07.yaml">governance/meetings/2024-02-07.yaml</a></code></dd>`,
    );
  });
});

describe('a vote', () => {
  it('motion, kind, ballots by name, tally, quorum, the result as recorded and as computed', () => {
    const site = buildPages(repoWith({ [BUDGET]: budget(['source: https://wiki.example.org/m.html', 'corrections: [{ date: 2024-02-09, by: Secretary, reason: Ballot of cat fixed }]']) }));
    const html = mainOf(pageOf(site, 'votes/2024-02-07-budget.html'));
    expect(html).toContain('<h1>Adopt the budget</h1>\n<p class="lead">Vote of <time datetime="2024-02-07">7 February 2024</time> (decision)</p>');
    expect(html).toContain(
      [
        '<dt>Record</dt><dd><code>2024-02-07-budget</code></dd>',
        '<dt>Kind</dt><dd>decision</dd>',
        '<dt>At the meeting of</dt><dd><a href="../meetings/2024-02-07.html"><time datetime="2024-02-07">7 February 2024</time></a></dd>',
        '<dt>Result as recorded</dt><dd>passed</dd>',
        '<dt>Result as computed</dt><dd>passed <span class="ok">✔ agrees with the record</span></dd>',
        '<dt>Tally</dt><dd>2 yes · 1 no · 1 abstain</dd>',
        '<dt>Quorum</dt><dd><span class="ok">✔ met</span> (4 of 5 present, 4 needed)</dd>',
      ].join('\n'),
    );
    expect(html).toContain(
      [
        '<tr><td><a href="../members/ann.html">Ann Example</a></td><td>yes</td><td>✔ counted</td></tr>',
        '<tr><td><a href="../members/bob.html">Bob Example</a></td><td>yes</td><td>✔ counted</td></tr>',
        '<tr><td><a href="../members/cat.html">Cat Example</a></td><td>no</td><td>✔ counted</td></tr>',
        '<tr><td><a href="../members/dan.html">Dan Example</a></td><td>abstain</td><td>✔ counted</td></tr>',
      ].join('\n'),
    );
    expect(html).toContain('<li><time datetime="2024-02-09">9 February 2024</time>, by Secretary: Ballot of cat fixed</li>');
    expect(mainOf(pageOf(site, 'fr/votes/2024-02-07-budget.html'))).toContain(
      '<dt>Résultat consigné</dt><dd>adoptée</dd>\n<dt>Résultat calculé</dt><dd>adoptée <span class="ok">✔ conforme à la fiche</span></dd>\n<dt>Décompte</dt><dd>2 pour · 1 contre · 1 abstention(s)</dd>',
    );
  });

  it('a recorded result the ballots contradict, a ballot of an absent member not counted', () => {
    const html = mainOf(
      pageOf(buildPages(repoWith({ [BUDGET]: budget([], ['  ann: no', '  bob: no', '  cat: yes', '  eve: yes']) })), 'votes/2024-02-07-budget.html'),
    );
    expect(html).toContain('<dt>Result as recorded</dt><dd>passed</dd>\n<dt>Result as computed</dt><dd>not passed <span class="error">✖ differs from the record</span></dd>');
    expect(html).toContain('<tr><td><a href="../members/eve.html">Eve Example</a></td><td>yes</td><td><span class="warn">not counted: not present</span></td></tr>');
  });

  it('a vote on an RFC: the RFC and the board input', () => {
    const rfc = repoWith()['rfcs/0001-example.md']!.toString().replace('status: discussion', 'status: accepted\ndecision: 2024-02-07-rfc-0001\nboard_input: { required: false, topics: [trademark], received: 2024-02-05 }');
    const vote = ['id: 2024-02-07-rfc-0001', 'date: 2024-02-07', 'meeting: 2024-02-07', 'kind: rfc', 'rfc: 1', 'motion: Accept RFC 0001', 'ballots: { ann: yes, bob: yes, cat: yes, dan: yes }', 'result: passed', ''].join('\n');
    const site = buildPages(repoWith({ 'rfcs/0001-example.md': rfc, 'governance/votes/2024-02-07-rfc-0001.yaml': vote }));
    const html = mainOf(pageOf(site, 'votes/2024-02-07-rfc-0001.html'));
    expect(html).toContain('<dt>Proposal</dt><dd><a href="../rfcs/1.html">RFC 0001</a></dd>');
    expect(html).toContain('<h2 id="board-input-h">Board input</h2>\n<p>required; topics: trademark; received <time datetime="2024-02-05">5 February 2024</time></p>');
    const rfcPage = mainOf(pageOf(site, 'rfcs/1.html'));
    expect(rfcPage).toContain(
      '<dt>Created</dt><dd><time datetime="2024-02-01">1 February 2024</time></dd>\n<dt>Accepted for discussion</dt><dd><time datetime="2024-02-02">2 February 2024</time></dd>\n<dt>Decided</dt><dd><time datetime="2024-02-07">7 February 2024</time></dd>',
    );
    expect(rfcPage).toContain('<dt>Decision</dt><dd><a href="../votes/2024-02-07-rfc-0001.html">passed</a> on <time datetime="2024-02-07">7 February 2024</time></dd>');
    expect(mainOf(pageOf(site, 'rfcs.html'))).toContain(
      '<h2 id="rfcs-decided-h">Decided <span class="count">(1)</span></h2>\n<div class="scroll"><table class="rfcs">',
    );
  });
});

describe('a member', () => {
  const bob = [
    'id: bob',
    'name: Bob Example',
    'github: bob-gh',
    'disclosures:',
    '  - { date: 2024-01-10, employer: Old Corp }',
    '  - { date: 2024-02-01, employer: New & Co, conflicts: ["Advises <Vendor>"] }',
    'service:',
    '  - { from: 2024-01-10, appointed_by: board }',
    'continuation:',
    '  - { date: 2024-02-07, continues: true }',
    '',
  ].join('\n');
  const site = buildPages(repoWith({ 'governance/members/bob.yaml': bob, [BUDGET]: budget() }));

  it('service periods, every disclosure over time, the check-in answers', () => {
    const html = mainOf(pageOf(site, 'members/bob.html'));
    expect(html).toContain(
      '<p class="lead"><code>bob</code> · GitHub <a href="https://github.com/bob-gh">bob-gh</a> · serving since <time datetime="2024-01-10">10 January 2024</time> · employer: New &amp; Co</p>',
    );
    expect(html).toContain('<tr><td><time datetime="2024-01-10">10 January 2024</time></td><td>now</td><td>the board</td><td>—</td></tr>');
    expect(html).toContain(
      '<tr><td><time datetime="2024-01-10">10 January 2024</time></td><td>Old Corp</td><td>none disclosed</td></tr>\n<tr><td><time datetime="2024-02-01">1 February 2024</time></td><td>New &amp; Co</td><td>Advises &lt;Vendor&gt;</td></tr>',
    );
    expect(html).toContain('<p>Has not chaired the committee.</p>');
    expect(html).toContain('<tr><td><time datetime="2024-02-07">7 February 2024</time></td><td>continues</td></tr>');
  });

  it('attendance over the last 12 months and in all, and every ballot with the vote’s result', () => {
    const html = mainOf(pageOf(site, 'members/bob.html'));
    expect(html).toContain(
      '<dt>Over the last 12 months (since <time datetime="2023-02-20">20 February 2023</time>)</dt><dd>present at 1 of 1 (100%)</dd>\n<dt>In all</dt><dd>present at 1 of 1 (100%)</dd>',
    );
    expect(html).toContain('<h2 id="ballots-h">2 ballots cast</h2>');
    expect(html).toContain(
      '<tr><td><time datetime="2024-02-07">7 February 2024</time></td><td><a href="../votes/2024-02-07-budget.html">Adopt the budget</a></td><td>decision</td><td>yes</td><td>passed</td></tr>',
    );
    expect(html).toContain('<td>chair election</td><td>for <a href="../members/ann.html">Ann Example</a></td><td>elected <a href="../members/ann.html">Ann Example</a></td></tr>');
  });

  it('the meetings missed, by date', () => {
    const eve = mainOf(pageOf(site, 'members/eve.html'));
    expect(eve).toContain('<dd>present at 0 of 1 (0%)</dd>');
    expect(eve).toContain('<h3>Meeting missed (1)</h3>\n<p><a href="../meetings/2024-02-07.html"><time datetime="2024-02-07">7 February 2024</time></a></p>');
    expect(mainOf(pageOf(site, 'fr/members/eve.html'))).toContain('<dd>présent à 0 sur 1 (0 %)</dd>');
  });

  it('the members page: serving, chair terms (the one in office marked), past members', () => {
    const eveLeft = ['id: eve', 'name: Eve Example', 'disclosures: [{ date: 2024-01-10, employer: X }]', 'service:', '  - { from: 2024-01-10, appointed_by: board, to: 2024-02-15, left: resigned }', 'continuation: [{ date: 2024-02-07, continues: true }]', ''].join('\n');
    const html = mainOf(pageOf(buildPages(repoWith({ 'governance/members/eve.yaml': eveLeft })), 'members.html'));
    expect(html).toContain(
      '<tr class="current"><td><a href="members/ann.html">Ann Example</a> <span class="badge">in office</span></td><td><time datetime="2024-02-07">7 February 2024</time></td><td>open (term ends <time datetime="2024-08-07">7 August 2024</time>)</td><td><a href="votes/2024-02-07-chair-election.html">vote <code>2024-02-07-chair-election</code></a></td><td>—</td></tr>',
    );
    expect(html).toContain(
      '<tr><td><a href="members/eve.html">Eve Example</a></td><td>from <time datetime="2024-01-10">10 January 2024</time> to <time datetime="2024-02-15">15 February 2024</time> (appointed by the board), resigned</td></tr>',
    );
  });
});

describe('the charter and the check', () => {
  it('each number beside the charter text it comes from', () => {
    const charter = repoWith()['governance/charter.yaml']!.toString().replace('quorum: { fraction: 0.5, plus: 1, minimum: 4 }', 'quorum:\n  fraction: 0.5  # "half of the members"\n  plus: 1\n  minimum: 4     # "never fewer than four"');
    const site = buildPages(repoWith({ 'governance/charter.yaml': charter }));
    expect(pageOf(site, 'charter.html')).toContain('<tr><td>Quorum: never fewer than<br><code>quorum.minimum</code></td><td><code>4</code></td><td>&quot;never fewer than four&quot;</td></tr>');
    expect(pageOf(site, 'fr/charter.html')).toContain('<tr><td>Quorum : jamais moins de<br><code>quorum.minimum</code></td><td><code>4</code></td><td>&quot;never fewer than four&quot;</td></tr>');
    expect(pageOf(site, 'charter.html')).toContain('<tr><td>Majority<br><code>majority</code></td><td><code>more-than-half-of-votes-cast</code></td><td><span class="note">no charter text given</span></td></tr>');
  });

  it('every finding, warnings included, linked to its file at the commit', () => {
    const files = repoWith({ 'governance/members/eve.yaml': repoWith()['governance/members/eve.yaml']!.toString().replace('github: eve-gh', 'github: "eve example"') });
    const site = buildPages(files, links);
    expect(pageOf(site, 'findings.html')).toContain(
      `<tr class="error"><td><span class="error">✖ error</span></td><td><code>schema</code></td><td><code><a href="${REPO_URL}/blob/${SHA}/governance/members/eve.yaml#L3">governance/members/eve.yaml:3</a></code></td><td><span lang="en">github: &quot;eve example&quot; is not valid here: a GitHub login: 1 to 39 letters, digits or hyphens, not starting with a hyphen</span></td></tr>`,
    );
    const fr = pageOf(site, 'fr/findings.html');
    expect(fr).toContain('<td><span class="error">✖ erreur</span></td>');
    expect(fr).toContain('<p class="note">Le vérificateur rédige ses constats en anglais.</p>');
    const warned = buildPages(repoWith({ 'governance/charter.yaml': repoWith()['governance/charter.yaml']!.toString().replace('records_since: 2024-01-01', 'records_since: 2024-03-01'), [MEETING]: inquorate, [BUDGET]: budget() }));
    expect(pageOf(warned, 'findings.html')).toMatch(/<tr class="warning"><td><span class="warn">⚠ warning<\/span><\/td><td><code>vote-quorum<\/code><\/td>/);
  });
});

describe('escaping and hostile ids', () => {
  const EVIL = '<script>alert("x")</script> & <b>bold</b>';
  const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;';
  const files: Files = repoWith({
    [BUDGET]: budget().replace('motion: Adopt the budget', `motion: ${JSON.stringify(EVIL)}`),
    'governance/members/dan.yaml': repoWith()['governance/members/dan.yaml']!.toString().replace('name: Dan Example', `name: ${JSON.stringify(EVIL)}`),
    [MEETING]: `date: 2024-02-07\nkind: regular\npresent: [ann, bob, cat, dan]\nboard: [${JSON.stringify(EVIL)}]\nguests: [${JSON.stringify(EVIL)}]\n`,
  });
  const site = buildPages(files);

  it('a name, a motion, a guest with HTML in them show as text on every page', () => {
    expect(pageOf(site, 'votes/2024-02-07-budget.html')).toContain(`<h1>${ESCAPED}</h1>`);
    expect(pageOf(site, 'votes/2024-02-07-budget.html')).toContain(`<tr><td><a href="../members/dan.html">${ESCAPED}</a></td><td>abstain</td>`);
    expect(pageOf(site, 'members/dan.html')).toContain(`<title>${ESCAPED} · Test Committee governance</title>`);
    expect(pageOf(site, 'meetings/2024-02-07.html')).toContain(`<h3>Guests</h3>\n<p>${ESCAPED}</p>`);
    expect(pageOf(site, 'fr/votes.html')).toContain(`<a href="../fr/votes/2024-02-07-budget.html">${ESCAPED}</a>`);
    for (const [path, html] of site) {
      expect(html, path).not.toMatch(/<script|<b>/i);
      expect(html, path).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('an id that is not a slug becomes an encoded file name inside the site, and links follow it', () => {
    const { loaded, findings, summary } = runCheck(repoWith(), FIXTURE_TODAY);
    const { model } = loaded;
    const hostile = ['../../../etc/passwd', 'A/B', 'con.html', '.', 'x'.repeat(300)];
    for (const id of hostile) model.members.set(id, { ...model.members.get('eve')!, id, name: `Member ${id.slice(0, 20)}` });
    const vote = model.votes.get('2024-02-07-chair-election')!;
    model.votes.set('../vote', { ...vote, id: '../vote', motion: 'Hostile vote' });
    const pages = renderPages({ model, findings, summary, today: FIXTURE_TODAY });
    for (const path of pages.keys()) expect(isSafeOutputPath(path), path).toBe(true);
    expect(pages.has('members/_2e2e2f2e2e2f2e2e2f6574632f706173737764.html')).toBe(true);
    expect(pages.has('members/_412f42.html')).toBe(true);
    expect(pages.has('fr/votes/_2e2e2f766f7465.html')).toBe(true);
    // Too long for a file name: no page, and its name is not a link.
    expect([...pages.keys()].filter((p) => p.includes('7878787878'))).toEqual([]);
    expect(pageOf(pages, 'members.html')).toContain(`<td>Member ${'x'.repeat(20)}</td>`);
    expect(pageOf(pages, 'votes.html')).toContain('<a href="votes/_2e2e2f766f7465.html">Hostile vote</a>');
  });
});

describe('every page, both languages', () => {
  const rfc2 = ['---', 'rfc: 2', 'title: Second', 'authors: [Bob]', 'status: fcp', 'created: 2024-02-01', 'discussion_since: 2024-02-03', 'fcp_since: 2024-02-10', 'pr: 7', '---', ''].join('\n');
  const site = buildPages(repoWith({ [BUDGET]: budget(), 'rfcs/0002-second.md': rfc2 }), links);

  it('the same pages in English at the root and in French under fr/', () => {
    const en = [...site.keys()].filter((p) => p.endsWith('.html') && !p.startsWith('fr/'));
    const fr = [...site.keys()].filter((p) => p.startsWith('fr/'));
    expect(fr.map((p) => p.slice(3)).sort()).toEqual(en.sort());
    expect(en).toEqual(
      expect.arrayContaining(['index.html', 'members.html', 'meetings.html', 'votes.html', 'rfcs.html', 'charter.html', 'findings.html', 'members/ann.html', 'meetings/2024-02-07.html', 'votes/2024-02-07-budget.html', 'rfcs/1.html', 'rfcs/2.html']),
    );
  });

  it('lang on <html>, and a language switch to the same page in the other language', () => {
    for (const [path, html] of site) {
      if (!path.endsWith('.html')) continue;
      const fr = path.startsWith('fr/');
      expect(html, path).toContain(`<html lang="${fr ? 'fr' : 'en'}">`);
      const m = /<p class="switch"><a href="([^"]+)" hreflang="(en|fr)" lang="\2">(English|Français)<\/a><\/p>/.exec(html);
      expect(m, path).not.toBeNull();
      expect(resolveHref(path, m![1]!), path).toBe(fr ? path.slice(3) : `fr/${path}`);
    }
  });

  it('every relative link names a page that was built; no script anywhere', () => {
    for (const [path, html] of site) {
      if (!path.endsWith('.html')) continue;
      expect(html, path).not.toMatch(/<script/i);
      for (const href of hrefs(html)) {
        const target = resolveHref(path, href);
        if (target === undefined) {
          expect(href, path).toMatch(/^(#main|https:\/\/)/);
          continue;
        }
        expect(site.has(target), `${path} -> ${href}`).toBe(true);
      }
    }
  });
});
