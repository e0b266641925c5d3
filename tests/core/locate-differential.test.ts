// A plain record is located without `yaml` (source.ts, PlainTree): every
// position it gives must be the one `yaml`'s source ranges give, for every
// key and value of the record and for paths that do not exist.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastPathAccepts, parseFullText, parseYamlText, plainTreeReads } from '../../scripts/core/source.ts';
import { baseRepo } from '../helpers.ts';

type Path = (string | number)[];

/** Every path to a value, and a missing key or index under each collection. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
    out.push([...prefix, value.length], [...prefix, 'x']);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
    out.push([...prefix, 'no-such-key'], [...prefix, 0]);
  } else {
    out.push([...prefix, 'below']);
  }
  return out;
}

function samePositions(text: string): void {
  const fast = parseYamlText('f.yaml', text);
  const full = parseFullText('f.yaml', text);
  expect(fast.ok, text).toBe(true);
  expect(full.ok, text).toBe(true);
  if (!fast.ok || !full.ok) return;
  for (const path of pathsOf(fast.source.value)) {
    for (const at of ['key', 'value'] as const) {
      expect(fast.source.locate(path, at), `${JSON.stringify(path)} ${at} in\n${text}`).toEqual(full.source.locate(path, at));
    }
  }
}

const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,5}$/);
const keyText = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 1, arbitrary: fc.constantFrom('1', '007', '1.5', '1e3', 'true', 'False', 'null', '~', 'NULL', '.inf', 'a b', 'a:b', 'k#1', '-k', 'yes') },
);
const plain = fc.oneof(
  word,
  fc.constantFrom('yes', 'no', '12', '2024-02-07', 'a b c', 'x:y', 'http://e.org/a', 'null', '~', 'text # comment', 'two words  '),
);
const quoted = fc.oneof(
  word.map((w) => `"${w}"`),
  word.map((w) => `'${w}'`),
  fc.constantFrom('"a \\" b"', "'it''s'", '"#x"', "'a: b'", '""', "''"),
);
const flowScalar = fc.oneof(word, word.map((w) => `"${w}"`), fc.constantFrom('a b', '2024-02-07', "'q'"));
const flowList = fc
  .array(flowScalar, { maxLength: 4 })
  .chain((items) => fc.constantFrom(`[${items.join(', ')}]`, `[ ${items.join(' ,')} ]`, `[${items.join(',')}]`));
const flowMap = fc
  .uniqueArray(fc.tuple(word, fc.oneof(flowScalar, flowList)), { maxLength: 3, selector: ([k]) => k })
  .map((pairs) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
const trailer = fc.constantFrom('', '', '', '  # note', ' #');

interface Node {
  /** Lines of a block node, or undefined for a node on one line (`inline`). */
  lines?: string[];
  inline?: string;
}

const leaf: fc.Arbitrary<Node> = fc.oneof(
  { weight: 4, arbitrary: plain.map((inline): Node => ({ inline })) },
  { weight: 2, arbitrary: quoted.map((inline): Node => ({ inline })) },
  { weight: 1, arbitrary: flowList.map((inline): Node => ({ inline })) },
  { weight: 1, arbitrary: flowMap.map((inline): Node => ({ inline })) },
  { weight: 1, arbitrary: fc.constant<Node>({ inline: '' }) },
  // A block scalar, a multi-line plain scalar.
  { weight: 1, arbitrary: fc.constantFrom('|', '>-', '|+', '|2').map((h): Node => ({ inline: h, lines: ['  first line', '', '    # not a comment', '  last: line'] })) },
  { weight: 1, arbitrary: fc.constant<Node>({ inline: 'folded plain', lines: ['  continues here', '  and here'] }) },
);

const indent = (lines: readonly string[], by: string): string[] => lines.map((l) => (l === '' ? l : `${by}${l}`));

function render(key: string, node: Node, pad: string, trailer: string): string[] {
  // A comment ends a plain scalar: a multi-line one takes none.
  const t = node.inline === 'folded plain' ? '' : trailer;
  if (node.inline !== undefined) return [`${key}:${node.inline === '' ? '' : ` ${node.inline}`}${t}`, ...indent(node.lines ?? [], pad)];
  return [`${key}:${t}`, ...indent(node.lines ?? [], pad)];
}

const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node; map: Node; seq: Node }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, leaf, tie('map'), tie('seq')),
  map: fc
    .uniqueArray(fc.tuple(keyText, tie('node'), trailer, fc.constantFrom('  ', '    ')), { minLength: 1, maxLength: 4, selector: ([k]) => k })
    .map((entries) => ({ lines: entries.flatMap(([k, v, t, pad]) => (v.inline === undefined ? [`${k}:${t}`, ...indent(v.lines ?? [], pad)] : render(k, v, '  ', t))) })),
  seq: fc.array(fc.tuple(tie('node'), trailer, fc.boolean()), { minLength: 1, maxLength: 4 }).map((items) => ({
    lines: items.flatMap(([v, trailer, compact]) => {
      const t = v.inline === 'folded plain' ? '' : trailer;
      if (v.inline !== undefined) return [`-${v.inline === '' ? '' : ` ${v.inline}`}${t}`, ...indent(v.lines ?? [], '  ')];
      const inner = v.lines ?? [];
      // `- key: value` and `- - item` start the nested block on the dash's line.
      if (compact && inner.length > 0 && !inner[0]?.startsWith(' ')) return [`- ${inner[0]}`, ...indent(inner.slice(1), '  ')];
      return [`-${t}`, ...indent(inner, '  ')];
    }),
  })),
})).node;

const record = fc
  .tuple(
    fc.uniqueArray(fc.tuple(keyText, node, trailer, fc.constantFrom('  ', '    ', '')), { minLength: 1, maxLength: 5, selector: ([k]) => k }),
    fc.constantFrom('', '---\n', '# header\n\n', '--- # start\n'),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([entries, head, eol, blankLines]) => {
    const lines = entries.flatMap(([k, v, t, pad]) => {
      if (v.inline !== undefined) return render(k, v, '  ', t);
      // A list may sit at its key's own indentation (pad '').
      const inner = v.lines ?? [];
      const by = pad === '' && !inner[0]?.startsWith('-') ? '  ' : pad;
      return [`${k}:${t}`, ...indent(inner, by)];
    });
    // Blank lines anywhere; a comment line only before a top-level key (inside a
    // block scalar it would end the scalar, and the text would not parse).
    const body = blankLines ? lines.flatMap((l, i) => (i % 3 === 2 ? (/^[^ -]/.test(l) ? ['', '  # aside', l] : ['', l]) : [l])) : lines;
    return `${head}${body.join(eol)}${eol}`;
  });

describe('the plain locator gives the positions `yaml` gives', () => {
  it('on random plain records (block and flow collections, scalars of every style, comments, CRLF)', () => {
    let read = 0;
    fc.assert(
      fc.property(record, (text) => {
        if (!fastPathAccepts(text)) return true;
        const fast = parseYamlText('f.yaml', text);
        if (!fast.ok) return true; // js-yaml refused it: `yaml` decides (and locates) alone
        const full = parseFullText('f.yaml', text);
        if (!full.ok) return true;
        if (!plainTreeReads(text)) return true;
        read++;
        samePositions(text);
        return true;
      }),
      { numRuns: 500 },
    );
    // The generator must mostly make text the plain locator reads, or this test proves little.
    expect(read).toBeGreaterThan(450);
  });

  it.each(Object.entries(baseRepo()).filter(([p]) => p.endsWith('.yaml')))('on %s', (_path, text) => {
    expect(plainTreeReads(text)).toBe(true);
    samePositions(text);
  });

  it.each([
    ['a list at its key\'s indentation', 'a:\n- x\n- y: 1\n  z: 2\nb: 1\n'],
    ['empty list items', 'a:\n  -\n  - \n  -   # c\n  - x\n'],
    ['nested compact lists', 'a:\n  - - x\n    - y\n  - - z\n'],
    ['a block scalar with a deeper comment-like line', 'a: |\n  text\n  # not a comment\nb: 1\n'],
    ['an indented root', '  a: 1\n  b:\n    c: 2\n'],
    ['numeric and boolean keys', '1: a\n1.50: b\ntrue: c\n~: d\n007: e\n'],
    ['a flow map at the root', '{ a: 1, b: [x, y] }\n'],
    ['CRLF line ends', 'a: 1\r\nb:\r\n  - x\r\n  -\r\n'],
  ])('on %s', (_name, text) => {
    expect(plainTreeReads(text)).toBe(true);
    samePositions(text);
  });
});
