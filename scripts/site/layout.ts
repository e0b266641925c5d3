// What every page of the site shares: where each page lives (stable,
// relative URLs, the same paths under /fr/), the page shell with its
// navigation and language switch, the tables, and the one stylesheet.
import { voteFacts, type VoteFacts } from '../core/changes.ts';
import type { Meeting, Model, Rfc, Vote } from '../core/model.ts';
import { encodePath, escapeHtml, externalLink, fileSlug, safeUrl } from './html.ts';
import { CATALOGUES, LANGS, type Lang, type Vars } from './i18n.ts';
import type { MessageKey } from './i18n/en.ts';
import type { SiteInput } from './input.ts';

export const esc = escapeHtml;
export const DASH = '—';
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The site's pages, language-neutral: English at these paths, French under fr/. */
export const PATHS = {
  home: 'index.html',
  members: 'members.html',
  meetings: 'meetings.html',
  votes: 'votes.html',
  rfcs: 'rfcs.html',
  charter: 'charter.html',
  findings: 'findings.html',
} as const;
export type NavKey = keyof typeof PATHS;

export const STYLESHEET = 'site.css';

/** Facts about the whole site, computed once and shared by every page in both languages. */
export interface Site {
  input: SiteInput;
  model: Model;
  committee: string;
  /** `https://host/owner/repo` when given and http(s). */
  repoUrl?: string;
  /** `https://host/owner/repo/blob/<commit>/` or undefined: no file links. */
  blobBase?: string;
  /** Page file names of the records that have a page. */
  memberSlug: Map<string, string>;
  meetingSlug: Map<string, string>;
  voteSlug: Map<string, string>;
  rfcPath: Map<Rfc, string>;
  /** The RFC a number names (the first file that holds it). */
  rfcByNumber: Map<number, Rfc>;
  /** Newest first. */
  meetings: Meeting[];
  votes: Vote[];
  votesByMeeting: Map<string, Vote[]>;
  /** The data files built beside the pages (api/v1/committee.json, meetings.ics, decisions.atom), to link from the footer. */
  dataFiles: ReadonlySet<string>;
  /** voteFacts per vote, computed once: a vote shows on its page, its meeting's, the lists and member pages. */
  facts: Map<Vote, VoteFacts>;
  /** Pieces of the page shell that depend only on the language and the page's depth. */
  shell: Map<string, string>;
}

function cached(site: Site, key: string, make: () => string): string {
  let v = site.shell.get(key);
  if (v === undefined) {
    v = make();
    site.shell.set(key, v);
  }
  return v;
}

export function factsOf(site: Site, vote: Vote): VoteFacts {
  let f = site.facts.get(vote);
  if (!f) {
    f = voteFacts(site.model, vote);
    site.facts.set(vote, f);
  }
  return f;
}

/** One page being rendered: its site, its language and its path. */
export interface Page {
  site: Site;
  lang: Lang;
  /** Language-neutral path ('members/ann.html'). */
  path: string;
  /** '../' as many times as the output path is deep: links are relative, so the site works under any base path. */
  root: string;
}

export function pageFor(site: Site, lang: Lang, path: string): Page {
  const depth = (lang.prefix + path).split('/').length - 1;
  return { site, lang, path, root: '../'.repeat(depth) };
}

/** A link target (language-neutral path) from this page, in this page's language. */
export const href = (p: Page, target: string): string => `${p.root}${p.lang.prefix}${target}`;

export const memberPath = (slug: string): string => `members/${slug}.html`;
export const meetingPath = (slug: string): string => `meetings/${slug}.html`;
export const votePath = (slug: string): string => `votes/${slug}.html`;

export function buildSite(input: SiteInput, dataFiles: ReadonlySet<string>): Site {
  const { model } = input;
  const repoUrl = safeUrl(input.repoUrl)?.replace(/\/+$/, '');
  const commit = input.commit;
  const slugs = <T>(records: Iterable<T>, id: (r: T) => string): Map<string, string> => {
    const out = new Map<string, string>();
    for (const r of records) {
      const slug = fileSlug(id(r));
      if (slug !== undefined) out.set(id(r), slug);
    }
    return out;
  };
  const rfcPath = new Map<Rfc, string>();
  const rfcByNumber = new Map<number, Rfc>();
  const sortedRfcs = [...model.rfcs].sort((a, b) => a.number - b.number || cmp(a.file, b.file));
  for (const r of sortedRfcs) {
    if (r.number > 0 && !rfcByNumber.has(r.number)) {
      rfcByNumber.set(r.number, r);
      // The same path as the API's links (scripts/site/links.ts pagePath.rfc).
      rfcPath.set(r, `rfcs/${r.number}.html`);
    } else {
      // An unnumbered draft, or a second file holding a number: named by its file
      // (NNNN-slug), whose '-' keeps it from ever equalling a number's page.
      const base = r.file.slice(r.file.lastIndexOf('/') + 1).replace(/\.md$/, '');
      const slug = fileSlug(base);
      if (slug !== undefined) rfcPath.set(r, `rfcs/${slug}.html`);
    }
  }
  const meetings = [...model.meetings.values()].sort((a, b) => cmp(b.date ?? '', a.date ?? '') || cmp(b.id, a.id));
  const votes = [...model.votes.values()].sort((a, b) => cmp(b.date ?? '', a.date ?? '') || cmp(b.id, a.id));
  const votesByMeeting = new Map<string, Vote[]>();
  for (const v of [...votes].reverse()) {
    if (v.meeting === undefined) continue;
    const list = votesByMeeting.get(v.meeting);
    if (list) list.push(v);
    else votesByMeeting.set(v.meeting, [v]);
  }
  return {
    input,
    model,
    committee: model.charter?.committee ?? 'Committee',
    ...(repoUrl ? { repoUrl, blobBase: `${repoUrl}/blob/${commit !== undefined ? encodePath(commit) : 'HEAD'}/` } : {}),
    memberSlug: slugs(model.members.keys(), (id) => id),
    meetingSlug: slugs(model.meetings.keys(), (id) => id),
    voteSlug: slugs(model.votes.keys(), (id) => id),
    rfcPath,
    rfcByNumber,
    meetings,
    votes,
    votesByMeeting,
    dataFiles,
    facts: new Map(),
    shell: new Map(),
  };
}

// ---------------------------------------------------------------------------
// Links to records

export function fileUrl(site: Site, file: string, line?: number): string | undefined {
  if (!site.blobBase) return undefined;
  return `${site.blobBase}${encodePath(file)}${line !== undefined ? `#L${line}` : ''}`;
}

export function personName(site: Site, id: string): string {
  return esc(site.model.members.get(id)?.name ?? id);
}

/** A member's name linking their page; a name the records do not know stays text. */
export function memberLink(p: Page, id: string): string {
  const slug = p.site.memberSlug.get(id);
  const name = personName(p.site, id);
  return slug !== undefined ? `<a href="${href(p, memberPath(slug))}">${name}</a>` : name;
}

export function meetingLink(p: Page, id: string, html: string): string {
  const slug = p.site.meetingSlug.get(id);
  return slug !== undefined ? `<a href="${href(p, meetingPath(slug))}">${html}</a>` : html;
}

export function voteLink(p: Page, id: string, html: string): string {
  const slug = p.site.voteSlug.get(id);
  return slug !== undefined && p.site.model.votes.has(id) ? `<a href="${href(p, votePath(slug))}">${html}</a>` : html;
}

export const rfcName = (n: number): string => `RFC ${String(n).padStart(4, '0')}`;

export function rfcLink(p: Page, n: number): string {
  const r = p.site.rfcByNumber.get(n);
  const path = r ? p.site.rfcPath.get(r) : undefined;
  return path !== undefined ? `<a href="${href(p, path)}">${rfcName(n)}</a>` : rfcName(n);
}

/** The pull request of an RFC, linked when the repository's URL is known. */
export function prLink(p: Page, pr: number | undefined): string {
  if (pr === undefined) return DASH;
  const text = p.lang.t('rfc.pr', { n: pr });
  return p.site.repoUrl ? externalLink(`${p.site.repoUrl}/pull/${pr}`, text) : text;
}

// ---------------------------------------------------------------------------
// Tables

/** Every table's columns: its header row, and the labels of a row shown as a card on a phone. */
export const TABLES = {
  committee: ['col.name', 'col.github', 'col.employer', 'col.conflicts', 'col.disclosed', 'col.servingSince', 'col.appointedBy'],
  meetings: ['col.date', 'col.kind', 'col.present', 'col.absent', 'col.quorum', 'col.votes', 'col.minutes'],
  votes: ['col.date', 'col.motion', 'col.kind', 'col.result', 'col.tally', 'col.quorum'],
  rfcs: ['col.rfc', 'col.title', 'col.status', 'col.created', 'col.stageSince', 'col.pr', 'col.decision'],
  chairs: ['col.chair', 'col.from', 'col.to', 'col.electedBy', 'col.handoverFrom'],
  past: ['col.name', 'col.service'],
  findings: ['col.severity', 'col.rule', 'col.where', 'col.message'],
  service: ['col.from', 'col.to', 'col.appointedBy', 'col.left'],
  disclosures: ['col.date', 'col.employer', 'col.conflicts'],
  terms: ['col.from', 'col.to', 'col.electedBy'],
  checkins: ['col.date', 'col.answer'],
  ballots: ['col.date', 'col.vote', 'col.kind', 'col.ballot', 'col.result'],
  roll: ['col.member', 'col.ballot', 'col.counted'],
  charter: ['col.setting', 'col.value', 'col.charterText'],
} as const satisfies Record<string, readonly MessageKey[]>;
export type TableKind = keyof typeof TABLES;

export function table(p: Page, kind: TableKind, rows: readonly string[]): string {
  const head = TABLES[kind].map((k) => `<th scope="col">${p.lang.t(k)}</th>`).join('');
  return `<div class="scroll"><table class="${kind}">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`;
}

export const tr = (cells: readonly string[], attrs = ''): string => `<tr${attrs}>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;

/** A definition list of facts: [label HTML, value HTML]. */
export const facts = (items: readonly (readonly [string, string])[]): string =>
  `<dl class="facts">\n${items.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('\n')}\n</dl>`;

export const section = (id: string, title: string, body: readonly string[]): string =>
  [`<section id="${id}" aria-labelledby="${id}-h">`, `<h2 id="${id}-h">${title}</h2>`, ...body, '</section>'].join('\n');

// ---------------------------------------------------------------------------
// The page shell

const NAV: readonly [NavKey, MessageKey][] = [
  ['home', 'nav.home'],
  ['members', 'nav.members'],
  ['meetings', 'nav.meetings'],
  ['votes', 'nav.votes'],
  ['rfcs', 'nav.rfcs'],
  ['charter', 'nav.charter'],
  ['findings', 'nav.findings'],
];

export interface PageContent {
  /** The page's own title (HTML-escaped text), before the site's name. */
  title: string;
  /** The <h1>; the title when absent. */
  h1?: string;
  /** A line under the heading. */
  lead?: string;
  /** The navigation entry this page belongs to. */
  nav: NavKey;
  body: readonly string[];
}

const OTHER: Record<Lang['code'], Lang['code']> = { en: 'fr', fr: 'en' };

export function renderPage(p: Page, content: PageContent): string {
  const { lang, site } = p;
  const other = OTHER[lang.code];
  const otherPrefix = other === 'en' ? '' : `${other}/`;
  const otherHref = `${p.root}${otherPrefix}${p.path}`;
  const siteTitle = cached(site, `title|${lang.code}`, () => lang.t('site.title', { committee: esc(site.committee) }));
  const current = p.path === PATHS[content.nav] ? content.nav : '';
  const nav = cached(site, `nav|${lang.code}|${p.root}|${current}`, () =>
    NAV.map(([key, label]) => `<li><a href="${href(p, PATHS[key])}"${current === key ? ' aria-current="page"' : ''}>${lang.t(label)}</a></li>`).join(''),
  );
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang.code}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script, no request but the site's own stylesheet: the pages are data, whatever the records hold.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${content.title} · ${siteTitle}</title>`,
    `<link rel="stylesheet" href="${p.root}${STYLESHEET}">`,
    `<link rel="alternate" hreflang="${other}" href="${otherHref}">`,
    '</head>',
    '<body>',
    `<a class="skip" href="#main">${lang.t('nav.skip')}</a>`,
    '<header>',
    `<p class="site"><a href="${href(p, PATHS.home)}">${siteTitle}</a></p>`,
    `<p class="switch"><a href="${otherHref}" hreflang="${other}" lang="${other}">${esc(CATALOGUES[other]['lang.name'])}</a></p>`,
    `<nav aria-label="${lang.t('nav.label')}"><ul>${nav}</ul></nav>`,
    '</header>',
    '<main id="main">',
    `<h1>${content.h1 ?? content.title}</h1>`,
    ...(content.lead !== undefined ? [`<p class="lead">${content.lead}</p>`] : []),
    ...content.body,
    '</main>',
    cached(site, `footer|${lang.code}|${p.root}|${TOP_PAGES.has(p.path)}`, () => footer(p, TOP_PAGES.has(p.path))),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const TOP_PAGES: ReadonlySet<string> = new Set(Object.values(PATHS));

/**
 * Where the pages come from (the repository, the commit, the date judged
 * on) and the data files beside them. A record's page (thousands of them)
 * says it in one line pointing to the front page.
 */
function footer(p: Page, full: boolean): string {
  const { lang, site } = p;
  if (!full)
    return `<footer>\n<p>${lang.t('footer.record', { date: lang.date(site.input.today), home: `<a href="${href(p, PATHS.home)}">${lang.t('footer.home')}</a>` })}</p>\n</footer>`;
  const { repoUrl } = site;
  const commit = site.input.commit;
  const short = commit !== undefined ? `<code>${esc(commit.slice(0, 12))}</code>` : '';
  const vars: Vars = {
    repo: repoUrl ? externalLink(repoUrl, esc(repoUrl)) : '',
    commit: repoUrl && commit !== undefined ? externalLink(`${repoUrl}/commit/${encodePath(commit)}`, short) : short,
    date: lang.date(site.input.today),
  };
  const source = repoUrl
    ? commit !== undefined
      ? lang.t('footer.source.repoCommit', vars)
      : lang.t('footer.source.repo', vars)
    : commit !== undefined
      ? lang.t('footer.source.commit', vars)
      : lang.t('footer.source.none', vars);
  const data: string[] = [];
  const add = (file: string, key: MessageKey): void => {
    if (site.dataFiles.has(file)) data.push(`<a href="${p.root}${file}">${lang.t(key)}</a>`);
  };
  add('api/v1/committee.json', 'footer.api');
  add('meetings.ics', 'footer.ics');
  add('decisions.atom', 'footer.atom');
  return [
    '<footer>',
    `<p>${lang.t('footer.built', { source, date: vars.date ?? '' })}</p>`,
    ...(data.length ? [`<p>${lang.t('footer.data')} ${data.join(' · ')}</p>`] : []),
    '</footer>',
  ].join('\n');
}

// ---------------------------------------------------------------------------
// The stylesheet: one file for every page of both languages.

const BASE_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--head:#f6f8fa;--link:#0550ae;--error:#b42318;--warn:#8a5300;--ok:#1a7f37;--badge:#ddf4ff;--badgefg:#0550ae;--strike:#59636e;--mark:#fff8c5}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--head:#151b23;--link:#6cb6ff;--error:#ff7b72;--warn:#e3b341;--ok:#56d364;--badge:#12263f;--badgefg:#9ecbff;--strike:#9198a1;--mark:#3b2e00}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
header,main,footer{max-width:84rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem;display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:0 1rem}
header .site{margin:0;font-weight:700;font-size:1.1rem}
header .site a{color:var(--fg);text-decoration:none}
header .switch{margin:0}
header nav{flex-basis:100%}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem}
.skip:focus{left:.5rem}
h1{font-size:1.75rem;margin:1.25rem 0 .25rem}
h2{font-size:1.35rem;margin:2.25rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
a{color:var(--link)}
code{font:.85em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
time{white-space:nowrap}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.5rem 0 0;padding:.5rem 0;border-top:1px solid var(--line);border-bottom:1px solid var(--line)}
nav a[aria-current]{font-weight:700;color:var(--fg)}
.lead,.note,.count,footer{color:var(--muted)}
.note{font-size:.9em}
.scroll{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.875rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
thead th{background:var(--head);white-space:nowrap}
td code{white-space:nowrap}
table.findings td:nth-child(3) code{white-space:normal;overflow-wrap:anywhere}
table.votes td:nth-child(2){min-width:16rem}
table.committee td:nth-child(4){min-width:8rem}
table.votes td:nth-child(5),table.votes td:nth-child(6){min-width:9rem}
ul.names{margin:.25rem 0;padding-left:1.25rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:1rem 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.verdict{font-size:1.1rem;font-weight:600}
.error{color:var(--error)}
.warn{color:var(--warn)}
.ok{color:var(--ok)}
.inquorate{background:var(--mark);border-left:4px solid var(--warn);padding:.5rem .75rem}
tr.nullified td:nth-child(2){text-decoration:line-through;color:var(--strike)}
.badge{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:1rem;background:var(--badge);color:var(--badgefg);white-space:nowrap}
blockquote{margin:.25rem 0;padding-left:.75rem;border-left:3px solid var(--line)}
footer{margin-top:3rem;padding:1rem 1rem 2rem;font-size:.85rem;border-top:1px solid var(--line)}
@media (max-width:40rem){
body{font-size:15px}
h1{font-size:1.4rem}
dl.facts{grid-template-columns:1fr;gap:0}
dl.facts dd{margin-bottom:.5rem}
.scroll{overflow:visible}
table,tbody,tr,td{display:block;width:auto;min-width:0}
thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
tr{border:1px solid var(--line);border-radius:.5rem;margin:0 0 .75rem;padding:.35rem .6rem}
td{position:relative;border:0;padding:.15rem 0 .15rem 8rem;white-space:normal!important;min-width:0!important;overflow-wrap:anywhere}
td[colspan]{padding-left:0}
td::before{position:absolute;left:0;width:7.5rem;font-weight:600;color:var(--muted);overflow-wrap:normal}
td:empty{display:none}
td code{white-space:normal;overflow-wrap:anywhere}
/*CARDS*/
}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#333;--line:#999;--head:#eee;--link:#000;--error:#000;--warn:#000;--ok:#000;--badge:#fff;--badgefg:#000;--strike:#333;--mark:#fff}
body{font-size:9pt}
nav,.switch,.skip{display:none}
header,main,footer{max-width:none;padding:0}
.scroll{overflow:visible}
table{font-size:8pt}
a{text-decoration:none}
tr,dl.facts{break-inside:avoid}
h2,h3{break-after:avoid}
.badge{border:1px solid #000}
}
`.trim();

/** site.css: on a phone each table row is a card, every cell labelled with its column's header in the page's language. */
export function stylesheet(): string {
  const cards: string[] = [];
  for (const code of LANGS) {
    const catalogue = CATALOGUES[code];
    for (const [kind, headers] of Object.entries(TABLES))
      headers.forEach((h: MessageKey, i) => cards.push(`:lang(${code}) table.${kind} td:nth-child(${i + 1})::before{content:${JSON.stringify(catalogue[h])}}`));
  }
  return `${BASE_CSS.replace('/*CARDS*/', cards.join('\n'))}\n`;
}
