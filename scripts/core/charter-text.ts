// The charter sentence behind each number of `charter.yaml`: the data model
// puts it in a comment beside the number, or in its block's `source`. Read
// with the `yaml` Document API, which keeps comments; pure (the text comes
// in, a map goes out).
import { isMap, isPair, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import type { Charter } from './model.ts';

export type CharterValue = string | number | boolean | string[];

/** Dotted key paths (`quorum.minimum`) -> the charter text for that number. */
export type CharterTexts = ReadonlyMap<string, string>;

const clean = (comment: string | null | undefined): string | undefined => {
  const text = comment
    ?.split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
  return text ? text : undefined;
};

/**
 * The charter text of every key of a charter file: the comment on the
 * value's line, else a comment on the lines just above the key, else the
 * enclosing block's comment, else the block's `source`. Keys without any are
 * left out. Unreadable YAML gives an empty map (the checker reports it).
 */
export function charterTexts(text: string): CharterTexts {
  const out = new Map<string, string>();
  let doc;
  try {
    doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: false });
  } catch {
    return out;
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return out;
  const visit = (node: YamlNode, prefix: string, inherited: string | undefined, first: boolean): void => {
    if (!isMap(node)) return;
    const source = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'source');
    const blockSource =
      source && isScalar(source.value) && typeof source.value.value === 'string' ? `source: ${source.value.value}` : undefined;
    node.items.forEach((pair, i) => {
      if (!isPair(pair) || !isScalar(pair.key)) return;
      const key = String(pair.key.value);
      if (key === 'source' || key === 'notes') return;
      const value = pair.value as YamlNode | null;
      // The document's first key carries the file's header comment: not this key's.
      const above = first && i === 0 ? undefined : clean(pair.key.commentBefore);
      const own = clean(value?.comment) ?? above;
      const path = prefix ? `${prefix}.${key}` : key;
      const textFor = own ?? inherited ?? blockSource;
      if (textFor !== undefined) out.set(path, textFor);
      if (value && isMap(value)) visit(value, path, own ?? inherited, false);
    });
  };
  visit(doc.contents, '', undefined, true);
  return out;
}

/** Every number of the charter by its dotted key (`quorum.minimum`), as written in charter.yaml. */
export function charterLeaves(c: Charter): [string, CharterValue][] {
  return [
    ['committee', c.committee],
    ['board_appointment', c.boardAppointment],
    ['records_since', c.recordsSince],
    ['quorum.fraction', c.quorum.fraction],
    ['quorum.plus', c.quorum.plus],
    ['quorum.minimum', c.quorum.minimum],
    ['majority', c.majority],
    ['tie_break', c.tieBreak],
    ['chair.term_months', c.chair.termMonths],
    ['chair.max_consecutive_terms', c.chair.maxConsecutiveTerms],
    ['chair.check_in', c.chair.checkIn],
    ['meetings.min_per_calendar_month', c.meetings.minPerCalendarMonth],
    ...(c.meetings.schedule
      ? ([
          ['meetings.schedule.every_weeks', c.meetings.schedule.everyWeeks],
          ['meetings.schedule.weekday', c.meetings.schedule.weekday],
          ['meetings.schedule.time', `${c.meetings.schedule.time} ${c.meetings.schedule.timeZone}`],
          ['meetings.schedule.start', c.meetings.schedule.start],
        ] as [string, CharterValue][])
      : []),
    ['membership.review_business_days', c.membership.reviewBusinessDays],
    ['membership.self_nomination', c.membership.selfNomination],
    ['membership.majority_of', c.membership.majorityOf],
    ['disclosure.max_age_months', c.disclosure.maxAgeMonths],
    ['rfc.board_input_topics', c.rfc.boardInputTopics],
    ['attestation', c.attestation],
  ];
}


const showValue = (v: CharterValue): string => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

/** A committee's charter as `explain --repo` quotes it: each number's value and the text beside it. */
export function committeeCharter(text: string, charter: Charter): { committee: string; file: string; values: Map<string, string>; texts: CharterTexts } {
  return {
    committee: charter.committee,
    file: charter.file,
    values: new Map(charterLeaves(charter).map(([k, v]) => [k, showValue(v)])),
    texts: charterTexts(text),
  };
}
