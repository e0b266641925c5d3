// Links and names the machine-readable outputs share (api/v1, meetings.ics,
// decisions.atom): the file at the commit, an RFC's pull request, a page of
// the site, and the committee's slug for stable ids. A URL from a record or
// an option is used only when it is http(s) (safeUrl).
import { encodePath, fileSlug, safeUrl } from './html.ts';
import type { SiteInput } from './input.ts';

/**
 * The site's page of a record, relative to the site root: the paths the HTML
 * pages are written at (a record id becomes its file name by `fileSlug`).
 * Undefined: the record has no page (an id too long for a file name).
 */
export const pagePath = {
  vote: (id: string): string | undefined => slugPath('votes', id),
  rfc: (n: number): string | undefined => (n > 0 ? `rfcs/${n}.html` : undefined),
  meeting: (id: string): string | undefined => slugPath('meetings', id),
  member: (id: string): string | undefined => slugPath('members', id),
};

function slugPath(folder: string, id: string): string | undefined {
  const slug = fileSlug(id);
  return slug === undefined ? undefined : `${folder}/${slug}.html`;
}

export interface Links {
  /** The repository URL when it is http(s), without a trailing slash. */
  repoUrl?: string;
  commit?: string;
  /** The published site's root when given and http(s), ending in `/`. */
  siteUrl?: string;
  /** The file at the commit (and line): only with both a repository URL and a commit. */
  fileUrl(file: string, line?: number): string | undefined;
  /** An RFC's pull request in the repository. */
  pullUrl(pr: number | undefined): string | undefined;
  /** A page of the site: absolute under siteUrl, else relative to the site root; undefined for no page. */
  page(path: string | undefined): string | undefined;
}

export function linksOf(input: Pick<SiteInput, 'repoUrl' | 'commit' | 'siteUrl'>): Links {
  const repoUrl = safeUrl(input.repoUrl)?.replace(/\/+$/, '');
  const siteBase = safeUrl(input.siteUrl);
  const siteUrl = siteBase === undefined ? undefined : siteBase.endsWith('/') ? siteBase : `${siteBase}/`;
  const commit = input.commit !== undefined && input.commit !== '' ? input.commit : undefined;
  const blobBase = repoUrl && commit ? `${repoUrl}/blob/${encodePath(commit)}/` : undefined;
  return {
    ...(repoUrl ? { repoUrl } : {}),
    ...(commit ? { commit } : {}),
    ...(siteUrl ? { siteUrl } : {}),
    fileUrl: (file, line) => (blobBase ? `${blobBase}${encodePath(file)}${line !== undefined ? `#L${line}` : ''}` : undefined),
    pullUrl: (pr) => (repoUrl && pr !== undefined ? `${repoUrl}/pull/${pr}` : undefined),
    page: (path) => (path === undefined ? undefined : `${siteUrl ?? ''}${path}`),
  };
}

/**
 * The committee's name as a DNS-style label for ids (`ALESCo` -> `alesco`):
 * ASCII letters and digits with single hyphens, at most 63 characters.
 */
export function committeeSlug(name: string | undefined): string {
  const slug = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug || 'committee';
}
