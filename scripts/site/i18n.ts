// The site's two languages: the UI strings of each catalogue, plural forms,
// and calendar dates written out in words. The records themselves are shown
// as recorded; only the words around them are translated.
import { isIsoDate, parseIsoDate } from '../core/dates.ts';
import { escapeHtml } from './html.ts';
import { en, type Catalogue, type MessageKey } from './i18n/en.ts';
import { fr } from './i18n/fr.ts';

export type LangCode = 'en' | 'fr';
export const LANGS: readonly LangCode[] = ['en', 'fr'];

export const CATALOGUES: Record<LangCode, Catalogue> = { en, fr };

/** The bases of the keys that come in `.one` / `.other` pairs. */
export type PluralBase = { [K in MessageKey]: K extends `${infer B}.one` ? B : never }[MessageKey];

export type Vars = Readonly<Record<string, string | number>>;

export interface Lang {
  code: LangCode;
  /** Where this language's pages live in the site ('' or 'fr/'). */
  prefix: string;
  /**
   * The catalogue's text as HTML (escaped), each `{name}` replaced by
   * `vars[name]`, which is HTML already: the caller escapes what a record holds.
   */
  t(key: MessageKey, vars?: Vars): string;
  /** Whether the catalogue holds a key built at run time. */
  has(key: string): boolean;
  /** `{n}` things: the `.one` or `.other` form as this language counts (French: 0 and 1 are singular). */
  n(count: number, base: PluralBase, vars?: Vars): string;
  /** A YYYY-MM-DD date in words ("4 December 2026", "4 décembre 2026") in a <time> element. */
  date(iso: string | undefined): string;
  /** The same, as plain words (titles, attributes); still HTML-escaped. */
  dateText(iso: string): string;
}

const PLACEHOLDER = /\{([a-zA-Z]+)\}/;

/**
 * A catalogue string, escaped once and split at its placeholders when the
 * language is made: even parts are text, odd parts placeholder names.
 */
type Template = readonly string[];

const compile = (text: string): Template => escapeHtml(text).split(PLACEHOLDER);

function fill(template: Template, vars: Vars | undefined): string {
  if (template.length === 1) return template[0]!;
  let out = template[0]!;
  for (let i = 1; i < template.length; i += 2) {
    const name = template[i]!;
    const v = vars?.[name];
    out += (v === undefined ? `{${name}}` : String(v)) + template[i + 1]!;
  }
  return out;
}

/** Day, month and year of an ISO date in words, from the string alone: no Date, so no time zone shifts it. */
function words(catalogue: Catalogue, code: LangCode, iso: string): string {
  if (!isIsoDate(iso)) return escapeHtml(iso);
  const { year, month, day } = parseIsoDate(iso);
  const monthName = catalogue[`month.${month}` as MessageKey];
  // French writes the first of the month as an ordinal: "1er décembre".
  const d = code === 'fr' && day === 1 ? '1er' : String(day);
  return escapeHtml(`${d} ${monthName} ${year}`);
}

export function makeLang(code: LangCode): Lang {
  const catalogue = CATALOGUES[code];
  // Escaped once: a page calls t() thousands of times.
  const escaped = Object.fromEntries(Object.entries(catalogue).map(([k, v]) => [k, compile(v)])) as Record<MessageKey, Template>;
  const t = (key: MessageKey, vars?: Vars): string => fill(escaped[key], vars);
  const dates = new Map<string, string>();
  return {
    code,
    prefix: code === 'en' ? '' : `${code}/`,
    t,
    has: (key) => Object.hasOwn(catalogue, key),
    n: (count, base, vars) => {
      const one = code === 'fr' ? count < 2 : count === 1;
      return fill(escaped[`${base}.${one ? 'one' : 'other'}` as MessageKey], { ...vars, n: count });
    },
    date: (iso) => {
      if (iso === undefined) return '—';
      let html = dates.get(iso);
      if (html === undefined) {
        const text = words(catalogue, code, iso);
        html = isIsoDate(iso) ? `<time datetime="${iso}">${text}</time>` : text;
        dates.set(iso, html);
      }
      return html;
    },
    dateText: (iso) => words(catalogue, code, iso),
  };
}

/**
 * The check-in's label from the chair term's length, as
 * scripts/core/text.ts `checkInName` words it in English: it falls at each
 * chair election, so its period is the term's ("semi-annual" only for six
 * months, "annual" for twelve).
 */
export function nextCheckInLabel(lang: Lang, termMonths: number | undefined): string {
  if (termMonths === undefined) return lang.t('checkin.next.unknown');
  switch (termMonths) {
    case 1:
      return lang.t('checkin.next.1');
    case 3:
      return lang.t('checkin.next.3');
    case 6:
      return lang.t('checkin.next.6');
    case 12:
      return lang.t('checkin.next.12');
    case 24:
      return lang.t('checkin.next.24');
    default:
      return lang.t('checkin.next.every', { n: termMonths });
  }
}
