// Comparing short texts by their significant words: a decision in the
// minutes' list and the body topic that discusses it rarely use the same
// sentence, but share the words that name the subject.
import { wordsText } from './markdown.ts';

const STOP = new Set(
  (
    'a an the and or but of to in on at for by with from as is are was were be been being will would should can could ' +
    'may might it its this that these those there their they we our us you your he she his her him them not no yes all ' +
    'any each every some into over under about after before than then so if per via also just only more most other new ' +
    'next last up out do does did has have had one two alesco almalinux rfc rfcs vote voted votes voting unanimous ' +
    'unanimously decision decisions decided approve approved adopted accepted rejected agreed discuss discussed ' +
    'discussion meeting members member outcome motion proposal'
  ).split(' '),
);

function stem(word: string): string {
  let w = word;
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3 && !(suffix === 's' && w.endsWith('ss'))) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Tokens of a text, lowercased, URLs and Markdown removed. */
export function tokens(text: string): string[] {
  return wordsText(text)
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

/** The significant words of a text, stemmed: no stop words, no bare numbers. */
export function significantWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokens(text)) {
    if (t.length < 2 || /^\d+$/.test(t) || STOP.has(t)) continue;
    out.add(stem(t));
  }
  return out;
}

export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** A file-name slug of a text's first significant words: stable for the same text. */
export function slugOf(text: string, maxWords = 6, maxLength = 48): string {
  const all = tokens(text);
  const significant = all.filter((t) => !STOP.has(t) && !/^\d+$/.test(t));
  const words = [...new Set(significant.length > 0 ? significant : all)];
  let slug = '';
  for (const w of words.slice(0, maxWords)) {
    const next = slug === '' ? w : `${slug}-${w}`;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug;
}
