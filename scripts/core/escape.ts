// Text from records and paths on its way to a terminal or to the GitHub
// Actions runner. A record's value or a file's name is hostile: it must not
// move the cursor, recolour the terminal, start a second line, or be read by
// the runner as a workflow command (`::error::`, `::add-mask::`,
// `::stop-commands::`, or the older `##[command]` form, which the runner
// looks for anywhere in a line).

/** Values longer than this are cut in messages, with "…". */
export const MAX_VALUE_CHARS = 200;

// Character-class ranges (regex source) each output format builds its filter
// from, so a character added here is dropped everywhere:
/** The bidirectional overrides and isolates that reorder what a reader sees ("Trojan source"). */
export const BIDI_RANGES = '\\u202a-\\u202e\\u2066-\\u2069';
/** C0 controls but tab, line feed and carriage return. */
export const CONTROLS_BUT_BREAKS = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f';
/** A surrogate without its pair: not a character, and not valid UTF-8 or XML. */
export const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';

// C0 and C1 controls, DEL, and the bidirectional characters.
const INVISIBLE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI_RANGES}]`, 'g');

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * One line of plain text that shows what it holds: control characters (ESC,
 * BEL, CR, a newline...) and bidirectional overrides become visible escapes
 * (`\x1b`, `\n`, `\u202e`), so nothing can act on the terminal or break the
 * line.
 */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A long value cut to `max` characters (whole code points) with "…". */
export function cut(text: string, max = MAX_VALUE_CHARS): string {
  if (text.length <= max) return text;
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * A message with every overlong value in it cut: a quoted value, or a run
 * without spaces, longer than `max` characters. Messages quote values with
 * `"`; the words around them stay whole.
 */
export function cutValues(message: string, max = MAX_VALUE_CHARS): string {
  if (message.length <= max) return message;
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, (quoted) => (quoted.length > max + 2 ? `"${cut(quoted.slice(1, -1), max)}"` : quoted))
    .replace(new RegExp(`[^\\s"]{${max + 1},}`, 'g'), (run) => cut(run, max));
}

/**
 * The data of a workflow command (after the second `::`): the runner decodes
 * `%25`, `%0D` and `%0A`, so a value never ends the line it is on.
 */
export function workflowData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command (`file=...`): `:` and `,` end a property. */
export function workflowProperty(text: string): string {
  return workflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A line of the github format that is not a command: visible (so it stays
 * one line), no `##[` anywhere, and never starting with `::`.
 */
export function workflowLine(text: string): string {
  const line = visible(text).replace(/##\[/g, '#\u200b#[');
  return /^\s*::/.test(line) ? `\u200b${line}` : line;
}

/** One workflow annotation (`::error file=...,line=...::message`), every field escaped. */
export function workflowCommand(
  command: 'error' | 'warning' | 'notice',
  properties: Record<string, string | number>,
  message: string,
): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${workflowProperty(String(value))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${workflowData(visible(message))}`;
}
