// The two catalogues: the same keys, the same placeholders, no French string
// left in English; dates in words from the string alone; the check-in named
// as the core names it; and no English UI string on a French page.
import { describe, expect, it } from 'vitest';
import { checkInName } from '../../scripts/core/text.ts';
import { en } from '../../scripts/site/i18n/en.ts';
import { fr } from '../../scripts/site/i18n/fr.ts';
import { makeLang, nextCheckInLabel } from '../../scripts/site/i18n.ts';
import { stylesheet, TABLES } from '../../scripts/site/layout.ts';
import { ENUM_KEYS } from '../../scripts/site/records.ts';
import { repoWith } from '../helpers.ts';
import { buildPages } from './pages-fixture.ts';

/** Strings that are the same word in both languages. */
const SAME_IN_BOTH = new Set(['GitHub', 'Date', 'Quorum', 'Motion', 'Corrections', 'Sources']);

const placeholders = (s: string): string[] => [...s.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]!).sort();

describe('the catalogues', () => {
  it('have the same keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('fill the same placeholders', () => {
    for (const [key, text] of Object.entries(en)) expect(placeholders(fr[key as keyof typeof en]), key).toEqual(placeholders(text));
  });

  it('translate every string: none left identical but the few words both languages share', () => {
    const identical = Object.entries(en)
      .filter(([key, text]) => fr[key as keyof typeof en] === text)
      // A string of placeholders and punctuation only has nothing to translate.
      .filter(([, text]) => /\p{L}/u.test(text.replace(/\{[a-zA-Z]+\}/g, '')))
      .filter(([, text]) => !SAME_IN_BOTH.has(text));
    expect(identical).toEqual([]);
  });

  it('hold no markup (the text is escaped, but a tag there would show as text)', () => {
    for (const catalogue of [en, fr]) for (const [key, text] of Object.entries(catalogue)) expect(text, key).not.toMatch(/[<>&]/);
  });

  it('name every value the pages translate and every column', () => {
    for (const key of [...ENUM_KEYS, ...Object.values(TABLES).flat()]) expect(Object.hasOwn(en, key), key).toBe(true);
  });

  it('label each column of a table shown as cards on a phone, in each language', () => {
    const css = stylesheet();
    expect(css).toContain(':lang(en) table.votes td:nth-child(2)::before{content:"Motion"}');
    expect(css).toContain(':lang(fr) table.committee td:nth-child(6)::before{content:"Membre depuis"}');
  });
});

describe('dates in words', () => {
  const enLang = makeLang('en');
  const frLang = makeLang('fr');
  it.each([
    ['2026-12-04', '4 December 2026', '4 décembre 2026'],
    ['2026-12-01', '1 December 2026', '1er décembre 2026'],
    ['2024-02-29', '29 February 2024', '29 février 2024'],
    ['2025-08-31', '31 August 2025', '31 août 2025'],
    ['0999-01-01', '1 January 999', '1er janvier 999'],
  ])('%s: "%s" / "%s"', (iso, english, french) => {
    expect(enLang.dateText(iso)).toBe(english);
    expect(frLang.dateText(iso)).toBe(french);
    expect(enLang.date(iso)).toBe(`<time datetime="${iso}">${english}</time>`);
  });

  it('never shifted by a time zone: the same words under any TZ', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
        process.env.TZ = tz;
        expect(makeLang('en').dateText('2026-01-01')).toBe('1 January 2026');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('a string that is not a date shows as it is, escaped', () => {
    expect(enLang.date('2026-02-30')).toBe('2026-02-30');
    expect(enLang.date('<x>')).toBe('&lt;x&gt;');
  });
});

describe('plural and the check-in', () => {
  it.each([
    [0, '0 members', '0 membre'],
    [1, '1 member', '1 membre'],
    [2, '2 members', '2 membres'],
  ])('%i', (n, english, french) => {
    expect(makeLang('en').n(n, 'members')).toBe(english);
    expect(makeLang('fr').n(n, 'members')).toBe(french);
  });

  it.each([1, 3, 6, 12, 24, 7, 18, undefined])('a %s-month term: the English label is the core’s checkInName', (months) => {
    expect(nextCheckInLabel(makeLang('en'), months)).toBe(`Next ${checkInName(months)}`);
    expect(nextCheckInLabel(makeLang('fr'), months)).toMatch(/^Prochain bilan/);
  });
});

describe('a French page carries no English UI string', () => {
  const site = buildPages(repoWith());
  // The English strings' fixed parts long enough to be told apart from a record's words.
  const fragments = Object.entries(en)
    .filter(([key]) => fr[key as keyof typeof en] !== en[key as keyof typeof en])
    .flatMap(([, text]) => text.split(/\{[a-zA-Z]+\}/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 8 && s.includes(' '));

  it.each(['fr/index.html', 'fr/meetings/2024-02-07.html', 'fr/votes/2024-02-07-chair-election.html', 'fr/members/ann.html', 'fr/rfcs.html', 'fr/charter.html'])('%s', (path) => {
    const html = site.get(path)!;
    // The records' own words (names, motions, the charter's quotations) are shown as recorded.
    const ui = html.replace('Elect the chair for the next six months', '').replace('An example proposal', '');
    for (const f of fragments) expect(ui, f).not.toContain(f);
  });
});
