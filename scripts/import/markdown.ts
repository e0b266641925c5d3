// Just enough Markdown for wiki minutes and legacy RFC headers: headings,
// list items with their nesting depth, paragraph lines. Pure: text in,
// lines out. The real pages mix heading levels, numbered and bulleted lists,
// hard line breaks and pasted code blocks, so nothing here depends on one
// page's layout.

export interface MdLine {
  kind: 'heading' | 'item' | 'text' | 'blank' | 'code';
  /** Heading level (1-6); 0 otherwise. */
  level: number;
  /** List nesting depth (0 = top level); 0 otherwise. */
  depth: number;
  /** The line's content without the heading marks or list marker, trimmed. */
  text: string;
  /** 1-based line number in the page. */
  line: number;
}

export interface Section {
  /** The heading's text ('' for what comes before the first heading). */
  title: string;
  level: number;
  line: number;
  lines: MdLine[];
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const ITEM = /^([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+(.*)$/;
const FENCE = /^[ \t]*(```|~~~)/;

function indentOf(ws: string): number {
  let n = 0;
  for (const ch of ws) n += ch === '\t' ? 4 : 1;
  return n;
}

/** Split a page into typed lines; a leading front-matter block is skipped. */
export function lexMarkdown(text: string): MdLine[] {
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: MdLine[] = [];
  let start = 0;
  if (raw[0]?.trim() === '---') {
    const close = raw.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (close > 0) start = close + 1;
  }
  let inFence = false;
  // Indents of the open list levels: depth is a position in this stack, so
  // two-space and four-space nesting both work.
  let stack: number[] = [];
  for (let i = start; i < raw.length; i++) {
    const line = raw[i] ?? '';
    const lineNo = i + 1;
    if (FENCE.test(line)) {
      inFence = !inFence;
      out.push({ kind: 'code', level: 0, depth: 0, text: line.trim(), line: lineNo });
      continue;
    }
    if (inFence) {
      out.push({ kind: 'code', level: 0, depth: 0, text: line, line: lineNo });
      continue;
    }
    if (line.trim() === '') {
      out.push({ kind: 'blank', level: 0, depth: 0, text: '', line: lineNo });
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      stack = [];
      out.push({ kind: 'heading', level: (h[1] ?? '#').length, depth: 0, text: (h[2] ?? '').trim(), line: lineNo });
      continue;
    }
    const m = ITEM.exec(line);
    if (m) {
      const indent = indentOf(m[1] ?? '');
      while (stack.length > 0 && indent < (stack[stack.length - 1] ?? 0)) stack.pop();
      if (stack.length === 0 || indent > (stack[stack.length - 1] ?? 0)) stack.push(indent);
      out.push({ kind: 'item', level: 0, depth: stack.length - 1, text: (m[2] ?? '').trim(), line: lineNo });
      continue;
    }
    // An unindented paragraph ends any list above it.
    if (!/^[ \t]/.test(line)) stack = [];
    out.push({ kind: 'text', level: 0, depth: 0, text: line.trim(), line: lineNo });
  }
  return out;
}

/** Lines grouped under their headings (every heading level starts a section). */
export function sectionsOf(lines: readonly MdLine[]): Section[] {
  const out: Section[] = [{ title: '', level: 0, line: 1, lines: [] }];
  for (const l of lines) {
    if (l.kind === 'heading') out.push({ title: l.text, level: l.level, line: l.line, lines: [] });
    else out[out.length - 1]?.lines.push(l);
  }
  return out;
}

export interface Link {
  text: string;
  url: string;
}

const MD_LINK = /!?\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g;
const BARE_URL = /\bhttps?:\/\/[^\s)>\]]+/g;

/** Markdown links and bare URLs in a line, in order. */
export function linksOf(text: string): Link[] {
  const out: Link[] = [];
  const withoutLinks = text.replace(MD_LINK, (_m, t: string, url: string) => {
    out.push({ text: t, url });
    return ' ';
  });
  for (const m of withoutLinks.matchAll(BARE_URL)) out.push({ text: m[0], url: m[0] });
  return out;
}

/** Plain text of a Markdown line: links reduced to their text, emphasis and code marks removed, spaces collapsed. */
export function plainText(text: string): string {
  return text
    .replace(MD_LINK, (_m, t: string) => t)
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/(^|[^\w*])\*([^*\s][^*]*)\*(?=[^\w*]|$)/g, '$1$2')
    .replace(/(^|[^\w])_([^_\s][^_]*)_(?=[^\w]|$)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Plain text with URLs removed too: for comparing words. */
export function wordsText(text: string): string {
  return plainText(text.replace(MD_LINK, (_m, t: string) => t)).replace(BARE_URL, ' ');
}
