// The HTML building blocks of the published site: escaping what a person
// wrote, the only URLs that may become links, and the file names a record's
// id becomes. Pure.
import { BIDI_RANGES, CONTROLS_BUT_BREAKS } from '../core/escape.ts';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text a person wrote, inert in HTML text and in a quoted attribute. Control
 * and bidirectional-override characters are dropped: they could make a line
 * read differently from what it holds.
 */
const DROPPED = `${CONTROLS_BUT_BREAKS}\\u007f${BIDI_RANGES}`;
const NEEDS_ESCAPE = new RegExp(`[&<>"'${DROPPED}]`);
const DROP = new RegExp(`[${DROPPED}]`, 'g');

export function escapeHtml(text: string): string {
  // Most names and motions hold nothing to escape: the site escapes thousands of them.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return (
    text
      .replace(DROP, '')
      .replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c)
  );
}

/**
 * The URL when it is an absolute http(s) URL a browser reads the same way,
 * else undefined: `javascript:`, `data:`, relative and protocol-relative
 * URLs, and anything with spaces or control characters never become a link.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  if (!/^https?:\/\/[^\s/?#\\]/i.test(url) || /[\s\u0000-\u001f\u007f\\]/.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return url;
}

/** A link when the URL is http(s), else the text alone. `html` is already escaped. */
export function externalLink(url: string | undefined, html: string): string {
  const safe = safeUrl(url);
  return safe ? `<a href="${escapeHtml(safe)}">${html}</a>` : html;
}

/** A repository path in a URL: every segment percent-encoded. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const MAX_ENCODED = 160;
const encoder = new TextEncoder();

/**
 * The file name (without extension) a record id becomes. A valid record's
 * id is a lowercase slug and stays as it is, so the URL reads like the id. Any
 * other id (only an invalid record holds one) becomes `_` and the hex of its
 * UTF-8 bytes: no `/`, `..`, case or Unicode trick reaches the file system,
 * and the leading `_` can never equal a slug. Undefined when even that is too
 * long for a file name: the record then gets no page.
 */
export function fileSlug(id: string): string | undefined {
  if (SLUG.test(id)) return id;
  if (id === '') return undefined;
  let hex = '_';
  for (const b of encoder.encode(id)) {
    hex += b.toString(16).padStart(2, '0');
    if (hex.length > MAX_ENCODED) return undefined;
  }
  return hex;
}

/**
 * Whether a relative output path is one the site may write: forward-slash
 * segments of safe characters, no `.`/`..` segment, not absolute. The CLI
 * refuses any other before writing anything.
 */
export function isSafeOutputPath(path: string): boolean {
  if (path === '' || path.length > 400 || path.startsWith('/') || path.includes('\\')) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..' && /^[A-Za-z0-9_.-]+$/.test(seg));
}
