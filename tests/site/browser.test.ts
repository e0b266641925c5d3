// The built site in a real browser: Debian's Chromium, driven by
// playwright-core, reading the pages from a local static server on
// 127.0.0.1. What a visitor sees with JavaScript off (members, the chair,
// open proposals by stage, a meeting's absentees, the language switch), the
// page at desktop and phone widths, and axe-core with no serious or critical
// violation. Skipped, with the reason printed, where Chromium is missing
// (.ci/run installs it).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSite } from '../../scripts/shell/site-build.ts';
import { siteFiles } from '../../scripts/site/site.ts';
import { repoWith } from '../helpers.ts';
import { siteInput } from './pages-fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`tests/site/browser.test.ts skipped: no ${CHROMIUM} (Debian's chromium package; .ci/run installs it)`);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ics': 'text/calendar; charset=utf-8',
  '.atom': 'application/atom+xml',
};

/** A static server for `root` only: no `..`, no NUL, nothing outside it. */
function serve(root: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.includes('\0') || path.split('/').includes('..')) {
      res.writeHead(403).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const full = resolve(root, `.${path}`);
    if (!full.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(full);
      res.writeHead(200, { 'content-type': TYPES[extname(full)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done({ server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    }),
  );
}

const RFC2 = ['---', 'rfc: 2', 'title: A second proposal', 'authors: [Bob]', 'status: fcp', 'created: 2024-02-01', 'discussion_since: 2024-02-03', 'fcp_since: 2024-02-10', 'pr: 7', '---', ''].join('\n');

/**
 * The browser's globals that page.evaluate uses, typed here: the project
 * compiles without the DOM library. Written inline as casts, which compile
 * away: an evaluated function is sent to the page as its source.
 */
interface InPage {
  document: { documentElement: { scrollWidth: number } };
  getComputedStyle(element: unknown): { backgroundColor: string };
  axe: { run(context: unknown, options: unknown): Promise<AxeResults> };
}
interface AxeResults {
  passes: unknown[];
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

/** No PNG is shorter than its signature and header chunk. */
const isPng = (b: Buffer): boolean => b.length > 1000 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

describe.skipIf(!available)('the site in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  /** JavaScript off, as a visitor may have it: the site needs none. */
  let visitor: BrowserContext;
  const requests: string[] = [];

  beforeAll(async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'gov-browser-')), 'site');
    // The browser starts while the site is built and written: neither waits for the other.
    const launched = chromium.launch({ executablePath: CHROMIUM });
    await writeSite(root, siteFiles(siteInput(repoWith({ 'rfcs/0002-second.md': RFC2 }), { repoUrl: 'https://github.com/example/governance' })));
    [{ server, base }, browser] = await Promise.all([serve(root), launched]);
    visitor = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    visitor.on('request', (r) => requests.push(r.url()));
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
  });

  async function open(path: string, context = visitor): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(`${base}/${path}`);
    expect(response?.status()).toBe(200);
    return page;
  }

  it('the front page: the members, the chair, the open proposals by stage', async () => {
    const page = await open('index.html');
    const rows = page.locator('table.committee tbody tr');
    expect(await rows.count()).toBe(5);
    expect(await rows.first().locator('td').first().innerText()).toBe('Ann Example');
    expect(await page.locator('dl.facts').innerText()).toContain('Ann Example since 7 February 2024, term ends 7 August 2024');
    const proposals = page.locator('#proposals');
    expect(await proposals.locator('h3').allInnerTexts()).toEqual(['In discussion (1)', 'Final comment period (1)']);
    expect(await proposals.locator('ul.discussion li').innerText()).toBe('RFC 0001: An example proposal · since 2 February 2024');
    expect(await proposals.locator('ul.fcp li').innerText()).toBe('RFC 0002: A second proposal · pull request #7 · since 10 February 2024');
    // The stylesheet loaded under the page's own Content-Security-Policy.
    expect(await page.locator('table.committee thead th').first().evaluate((th) => (globalThis as unknown as InPage).getComputedStyle(th).backgroundColor)).toBe('rgb(246, 248, 250)');
    await page.close();
  });

  it('a meeting’s absentees by name, reached by following the links', async () => {
    const page = await open('index.html');
    await page.locator('#latest-meetings').getByRole('link', { name: '7 February 2024' }).click();
    expect(page.url()).toBe(`${base}/meetings/2024-02-07.html`);
    const absent = page.getByRole('heading', { name: 'Absent (1)' });
    expect(await absent.locator('xpath=following-sibling::p[1]').innerText()).toBe('Eve Example');
    await page.close();
  });

  it('the language switch leads to the same page in French, and back', async () => {
    const page = await open('meetings/2024-02-07.html');
    await page.getByRole('link', { name: 'Français' }).click();
    expect(page.url()).toBe(`${base}/fr/meetings/2024-02-07.html`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('h1').innerText()).toBe('Réunion du 7 février 2024');
    expect(await page.getByRole('heading', { name: 'Membre absent (1)' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'English' }).click();
    expect(page.url()).toBe(`${base}/meetings/2024-02-07.html`);
    await page.close();
  });

  it('a screenshot at desktop and at phone width; no page wider than a phone', async () => {
    const page = await open('index.html');
    expect(isPng(await page.screenshot())).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(isPng(await page.screenshot())).toBe(true);
    for (const path of ['index.html', 'fr/votes/2024-02-07-chair-election.html']) {
      await page.goto(`${base}/${path}`);
      expect(await page.evaluate(() => (globalThis as unknown as InPage).document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    await page.close();
  });

  it('axe-core: no serious or critical violation', async () => {
    // axe is a script: injected with the page's CSP bypassed, in a context of its own.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const serious: string[] = [];
    // One page of each layout: the front page, and a record's page with facts, lists and a table (in French).
    for (const path of ['index.html', 'fr/meetings/2024-02-07.html']) {
      const page = await open(path, context);
      await page.addScriptTag({ content: axe });
      const { passes, violations } = await page.evaluate(async () => {
        const inPage = globalThis as unknown as InPage;
        const result = await inPage.axe.run(inPage.document, { resultTypes: ['violations'] });
        return {
          passes: result.passes.length,
          violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) })),
        };
      });
      // axe ran its rules on the page (a page it could not read would pass nothing).
      expect(passes, path).toBeGreaterThan(10);
      for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') serious.push(`${path}: ${v.id} (${v.impact}) at ${v.targets.slice(0, 3).join(', ')}`);
      await page.close();
    }
    await context.close();
    expect(serious).toEqual([]);
  }, 20_000);

  it('the pages asked for nothing but the local site', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(`${base}/`))).toEqual([]);
  });
});
