// The whole published site from one checked model: the HTML pages in
// English (at the root) and French (under fr/), their stylesheet, and the
// data files beside them (api/v1/*.json, meetings.ics, decisions.atom).
// Pure: SiteInput in, relative paths and contents out; the CLI
// (scripts/cli/site.ts) writes them.
import { renderApi } from './api.ts';
import { renderAtom } from './atom.ts';
import { renderIcs } from './ics.ts';
import { makeLang, LANGS } from './i18n.ts';
import type { SiteFiles, SiteInput } from './input.ts';
import { buildSite, pageFor, STYLESHEET, stylesheet } from './layout.ts';
import { histories, languagePages } from './pages.ts';
import { renderFrontPage } from './status-page.ts';

/**
 * The HTML pages of both languages and the stylesheet, one at a time as each
 * is rendered, so a writer can write each and let it go (25 years of records
 * are 7,700 pages). `dataFiles` are the other files built beside them, which
 * the footer links.
 */
export function* pageFiles(input: SiteInput, dataFiles: ReadonlySet<string> = new Set()): Generator<[string, string]> {
  const site = buildSite(input, dataFiles);
  yield [STYLESHEET, stylesheet()];
  const history = histories(site);
  for (const code of LANGS) {
    const lang = makeLang(code);
    for (const [path, html] of languagePages(site, (path) => pageFor(site, lang, path), history, renderFrontPage)) yield [lang.prefix + path, html];
  }
}

/** The HTML pages and the stylesheet, as a map. */
export function renderPages(input: SiteInput, dataFiles: ReadonlySet<string> = new Set()): SiteFiles {
  return new Map(pageFiles(input, dataFiles));
}

/** Every file of the site, the data files first, one at a time. */
export function* siteFiles(input: SiteInput): Generator<[string, string]> {
  const data: SiteFiles = new Map(renderApi(input));
  data.set('meetings.ics', renderIcs(input));
  data.set('decisions.atom', renderAtom(input));
  yield* data;
  yield* pageFiles(input, new Set(data.keys()));
}

/** Every file of the site, as a map. */
export function renderSite(input: SiteInput): SiteFiles {
  return new Map(siteFiles(input));
}
