// Reading one page of wiki minutes, and the index page, into plain
// structures: who attended (as written), the decisions list, and the body
// split into topic blocks. No member ids and no judgement here: mapping
// names and decisions to records is map-minutes.ts's job.
import { isIsoDate } from '../core/dates.ts';
import { lexMarkdown, linksOf, plainText, sectionsOf, type Link, type MdLine, type Section } from './markdown.ts';

export interface DecisionEntry {
  /** The entry's plain text. */
  text: string;
  /** Its sub-items' plain text. */
  details: string[];
  /** Raw Markdown of the entry and its sub-items (links intact). */
  raw: string[];
  line: number;
}

/** A topic of the body: a heading's section, or a paragraph or top-level item with what hangs below it. */
export interface Block {
  title: string;
  /** Plain text of every line, the title first. */
  lines: string[];
  /** Raw Markdown of every line (links intact). */
  raw: string[];
  line: number;
}

export interface ParsedMinutes {
  /** The meeting id from the file name: YYYY-MM-DD or YYYY-MM-DD-N. */
  id: string;
  date: string;
  /** A date in the page's title, when it has one. */
  titleDate?: string;
  /** undefined: the page has no such section (not recorded). */
  present?: string[];
  absent?: string[];
  board?: string[];
  guests?: string[];
  decisions?: DecisionEntry[];
  blocks: Block[];
  links: Link[];
  /** Raw lines of the page, for patterns that span the markup (RFC #N links). */
  rawLines: string[];
}

const MINUTES_FILE = /^(\d{4}-\d{2}-\d{2})(?:-([2-9]|[1-9]\d+))?\.md$/;

/** The meeting id of a minutes file name, or undefined when the name is not a minutes file's. */
export function meetingIdOfFile(name: string): { id: string; date: string } | undefined {
  const m = MINUTES_FILE.exec(name);
  if (!m || !isIsoDate(m[1])) return undefined;
  return { id: m[2] !== undefined ? `${m[1]}-${m[2]}` : (m[1] ?? ''), date: m[1] ?? '' };
}

type SectionRole = 'present' | 'absent' | 'board' | 'guests' | 'decisions' | 'container' | 'body';

function sectionTitleKey(title: string): string {
  return plainText(title).toLowerCase().replace(/[:.]+$/, '').replace(/\s+/g, ' ').trim();
}

/** What a section holds, by its title at whatever heading level it is written. */
export function sectionRole(title: string): SectionRole {
  const t = sectionTitleKey(title);
  if (/^(?:(?:alesco|committee|steering committee)\s+)?(?:members?\s+)?(?:attendees|attendance|present|in attendance)$/.test(t))
    return 'present';
  if (/^members?\s+(?:present|attending)$/.test(t)) return 'present';
  if (/^(?:unable to attend|absent|absentees|apologies|regrets|not present|not attending)$/.test(t)) return 'absent';
  if (/^board(?: of directors)?(?: members?)?(?: attendees| present| attending)?$/.test(t)) return 'board';
  if (/^(?:community|guest|other|public)\s+(?:attendees|participants)$|^guests$|^visitors$/.test(t)) return 'guests';
  if (/^decisions?(?:\s+(?:adopted|made|taken|reached))?$/.test(t)) return 'decisions';
  if (/^(?:members|attendance and decisions)$/.test(t)) return 'container';
  return 'body';
}

/** "N/A", "None", "No community attendees": an entry that says the list is empty. */
export function isEmptyEntry(text: string): boolean {
  const t = text.toLowerCase().replace(/[.\s]+$/, '').trim();
  return /^(?:n\/?a|none|nobody|no one|-+|—|no (?:community |board |other )?(?:attendees|guests|members|decisions?)(?: \w+)*)$/.test(t);
}

/** Entries of an attendance list: top-level items, or plain lines where the page has no list. */
function listEntries(section: Section): string[] {
  const out: string[] = [];
  for (const l of section.lines) {
    if ((l.kind === 'item' && l.depth === 0) || l.kind === 'text') {
      const text = plainText(l.text);
      if (text !== '' && !isEmptyEntry(text)) out.push(text);
    }
  }
  return out;
}

function decisionEntries(section: Section): DecisionEntry[] {
  const out: DecisionEntry[] = [];
  for (const l of section.lines) {
    if (l.kind === 'item' && l.depth > 0) {
      const last = out[out.length - 1];
      if (last) {
        last.details.push(plainText(l.text));
        last.raw.push(l.text);
        continue;
      }
    }
    if (l.kind === 'item' || l.kind === 'text') out.push({ text: plainText(l.text), details: [], raw: [l.text], line: l.line });
  }
  return out.filter((e) => !isEmptyEntry(e.text));
}

const GENERIC_BODY = /^(?:minutes|notes|discussion|discussions|open floor|other business|any other business|misc(?:ellaneous)?|agenda|meeting notes)$/;

/**
 * The body as topic blocks. Under a topic heading the whole section is one
 * block. Under a generic heading ("Minutes", "Open Floor") each paragraph,
 * and each top-level item not led by a paragraph, starts a block: pages
 * write "Discussed [topic](link)" followed by bullets, or one bullet per
 * topic with sub-bullets.
 */
function bodyBlocks(sections: readonly Section[]): Block[] {
  const out: Block[] = [];
  const start = (l: MdLine | undefined, title: string, line: number): Block => {
    const block: Block = { title, lines: [title], raw: [l?.text ?? title], line };
    out.push(block);
    return block;
  };
  for (const s of sections) {
    if (s.level === 0 || s.level === 1 || sectionRole(s.title) !== 'body') continue;
    const generic = GENERIC_BODY.test(sectionTitleKey(s.title));
    let current: Block | undefined = generic ? undefined : start(undefined, plainText(s.title), s.line);
    let ledByParagraph = false;
    for (const l of s.lines) {
      if (l.kind === 'blank' || l.kind === 'code' || l.kind === 'heading') continue;
      const text = plainText(l.text);
      if (text === '') continue;
      if (generic && l.kind === 'text') {
        current = start(l, text, l.line);
        ledByParagraph = true;
        continue;
      }
      if (generic && l.kind === 'item' && l.depth === 0 && !ledByParagraph) {
        current = start(l, text, l.line);
        continue;
      }
      if (!current) current = start(l, text, l.line);
      else {
        current.lines.push(text);
        current.raw.push(l.text);
      }
    }
  }
  return out;
}

const TITLE_DATE = /(\d{4}-\d{2}-\d{2})/;

/** Parse one minutes page. `fileName` gives the meeting's date (YYYY-MM-DD.md). */
export function parseMinutes(fileName: string, text: string): ParsedMinutes | undefined {
  const ids = meetingIdOfFile(fileName);
  if (!ids) return undefined;
  const lines = lexMarkdown(text);
  const sections = sectionsOf(lines);
  const out: ParsedMinutes = { id: ids.id, date: ids.date, blocks: bodyBlocks(sections), links: [], rawLines: [] };
  const containerEntries: string[] = [];
  for (const s of sections) {
    if (s.level === 1) {
      const d = TITLE_DATE.exec(s.title)?.[1];
      if (d !== undefined && out.titleDate === undefined) out.titleDate = d;
      continue;
    }
    if (s.level === 0) continue;
    const role = sectionRole(s.title);
    const merge = (prev: string[] | undefined, next: string[]): string[] => [...(prev ?? []), ...next];
    if (role === 'present') out.present = merge(out.present, listEntries(s));
    else if (role === 'absent') out.absent = merge(out.absent, listEntries(s));
    else if (role === 'board') out.board = merge(out.board, listEntries(s));
    else if (role === 'guests') out.guests = merge(out.guests, listEntries(s));
    else if (role === 'decisions') out.decisions = [...(out.decisions ?? []), ...decisionEntries(s)];
    else if (role === 'container') containerEntries.push(...listEntries(s));
  }
  // A "Members" heading with the names right under it, and no attendance subsection.
  if (out.present === undefined && containerEntries.length > 0) out.present = containerEntries;
  for (const l of lines) {
    if (l.kind === 'code') continue;
    out.rawLines.push(l.text);
    out.links.push(...linksOf(l.text));
  }
  return out;
}

export interface IndexEntry {
  /** The meeting id the entry names (from its link, else its text). */
  id?: string;
  date?: string;
  text: string;
  /** The link target, when the entry is a link. */
  target?: string;
  line: number;
  /** The link's date and the text's date disagree. */
  conflict?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A date written "July 30, 2026", "30 July 2026" or "2026-07-30". */
export function dateInText(text: string): string | undefined {
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text)?.[1];
  if (iso !== undefined) return isIsoDate(iso) ? iso : undefined;
  const t = text.toLowerCase();
  const mdy = /\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(t);
  const dmy = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})\b/.exec(t);
  const pick = mdy ? { month: mdy[1], day: mdy[2], year: mdy[3] } : dmy ? { month: dmy[2], day: dmy[1], year: dmy[3] } : undefined;
  if (!pick) return undefined;
  const month = MONTHS.findIndex((m) => m === pick.month || (pick.month !== undefined && pick.month.length >= 3 && m.startsWith(pick.month)));
  if (month < 0) return undefined;
  const d = `${pick.year}-${String(month + 1).padStart(2, '0')}-${String(pick.day).padStart(2, '0')}`;
  return isIsoDate(d) ? d : undefined;
}

/** The index page: one entry per list item naming a meeting. */
export function parseIndex(text: string): IndexEntry[] {
  const out: IndexEntry[] = [];
  for (const l of lexMarkdown(text)) {
    if (l.kind !== 'item') continue;
    const link = linksOf(l.text)[0];
    const plain = plainText(l.text);
    const textDate = dateInText(plain);
    const base = link ? (link.url.split(/[?#]/)[0] ?? '').replace(/\/+$/, '').split('/').pop() ?? '' : '';
    const fromLink = meetingIdOfFile(`${base.replace(/\.(?:md|html)$/, '')}.md`);
    if (!fromLink && textDate === undefined) continue;
    const entry: IndexEntry = { text: plain, line: l.line };
    if (link) entry.target = link.url;
    if (fromLink) {
      entry.id = fromLink.id;
      entry.date = fromLink.date;
      if (textDate !== undefined && textDate !== fromLink.date) entry.conflict = textDate;
    } else if (textDate !== undefined) {
      entry.id = textDate;
      entry.date = textDate;
    }
    out.push(entry);
  }
  return out;
}
