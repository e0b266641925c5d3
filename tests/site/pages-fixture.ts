// Building the site's pages from a fixture repository, in process, for the
// page tests (tests/site/pages.test.ts, tests/status-page/, the browser test).
import type { SiteFiles, SiteInput } from '../../scripts/site/input.ts';
import { renderPages } from '../../scripts/site/site.ts';
import { FIXTURE_TODAY, runCheck, type Files } from '../helpers.ts';

export const REPO_URL = 'https://github.com/example/governance';
export const SHA = '0123456789abcdef0123456789abcdef01234567';

export type BuildOptions = Partial<Pick<SiteInput, 'repoUrl' | 'commit'>>;

/** The site's input for these files, as `npm run site` makes it. */
export function siteInput(files: Files, options: BuildOptions = {}, today = FIXTURE_TODAY): SiteInput {
  const { loaded, findings, summary } = runCheck(files, today);
  const charter = files['governance/charter.yaml'];
  return {
    model: loaded.model,
    findings,
    summary,
    today,
    ...options,
    ...(typeof charter === 'string' ? { charterText: charter } : {}),
  };
}

/** Every HTML page (and the stylesheet) of the site of these files. */
export function buildPages(files: Files, options: BuildOptions = {}, today = FIXTURE_TODAY): SiteFiles {
  return renderPages(siteInput(files, options, today));
}

/** A page of the site; fails the test when it was not built. */
export function pageOf(site: SiteFiles, path: string): string {
  const html = site.get(path);
  if (html === undefined) throw new Error(`no page ${path}; built: ${[...site.keys()].join(', ')}`);
  return html;
}

/** The <main> of a page: what differs from page to page. */
export const mainOf = (html: string): string => html.slice(html.indexOf('<main'), html.indexOf('</main>') + '</main>'.length);

/** Every href on a page. */
export const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');

/** A relative href from the page at `from`, as the site path it names (no fragment), or undefined for an absolute URL. */
export function resolveHref(from: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return undefined;
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('#')[0]!.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}
