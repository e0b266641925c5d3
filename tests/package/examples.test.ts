// The README's "Adopting" examples, one of each record kind (a member, a
// chair term with the election behind it, a meeting, a vote), kept in
// tests/fixtures/adopting/ beside the charter init writes: they pass
// `check` as they are, and each is the smallest valid file: every key in
// them is needed, so dropping any one brings a finding.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isPair, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../scripts/core/check.ts';
import { renderCodeowners } from '../../scripts/core/codeowners.ts';
import type { Finding } from '../../scripts/core/types.ts';
import { loadSchemas } from '../../scripts/shell/fs-repo.ts';
import { ROOT } from '../git/git-repo.ts';

const DIR = join(ROOT, 'tests/fixtures/adopting');
const TODAY = '2025-02-20';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
const FILES = new Map(walk(DIR).map((f) => [relative(DIR, f), readFileSync(f, 'utf8')]));
const HANDLES = ['ann-example', 'bob-example', 'cat-example'];

/** check on the example repository, as a committee's repository with .github/ (its CODEOWNERS current). */
function check(files: ReadonlyMap<string, string>): Finding[] {
  const encoder = new TextEncoder();
  return checkFiles({
    files: [...files].map(([path, text]) => ({ path, bytes: encoder.encode(text) })),
    schemas: loadSchemas(),
    today: TODAY,
    codeowners: { githubDir: true, text: renderCodeowners(HANDLES) },
  }).findings;
}

/** Every key path in a file's mappings, the ballots' voters aside (who voted is data, not shape). */
function keyPaths(text: string): (string | number)[][] {
  const out: (string | number)[][] = [];
  const visit = (node: YamlNode | null, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        out.push([...path, key]);
        if (key !== 'ballots') visit(pair.value as YamlNode | null, [...path, key]);
      }
    } else if (node && 'items' in node && Array.isArray((node as { items: unknown }).items))
      (node as { items: YamlNode[] }).items.forEach((item, i) => visit(item, [...path, i]));
  };
  visit(parseDocument(text).contents as YamlNode | null, []);
  return out;
}

const EXAMPLES = ['governance/members/ann.yaml', 'governance/chair-terms.yaml', 'governance/meetings/2025-02-05.yaml', 'governance/votes/2025-02-05-chair-election.yaml', 'governance/votes/2025-02-05-meeting-time.yaml'];

describe('the Adopting examples', () => {
  it('are a member, a chair term, a meeting, its two votes, beside the charter and the other members', () => {
    expect([...FILES.keys()].sort()).toEqual(
      [...EXAMPLES, 'governance/charter.yaml', 'governance/members/bob.yaml', 'governance/members/cat.yaml'].sort(),
    );
  });

  it('pass check with no finding at all', () => {
    expect(check(FILES)).toEqual([]);
  });

  const drops = EXAMPLES.flatMap((file) => keyPaths(FILES.get(file)!).map((path): [string, string, (string | number)[]] => [file, path.join('.'), path]));
  it.each(drops)('%s without %s brings a finding (every key is needed)', (file, _, path) => {
    const doc = parseDocument(FILES.get(file)!);
    doc.deleteIn(path);
    const files = new Map(FILES).set(file, doc.toString());
    expect(check(files).length).toBeGreaterThan(0);
  });
});
