// The Markdown report: escaping of everything a person wrote, the comment
// limit, and a snapshot of a realistic pull request.
import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../scripts/core/changes.ts';
import { runRules } from '../../scripts/core/engine.ts';
import { gate } from '../../scripts/core/gating.ts';
import { loadRepository } from '../../scripts/core/load.ts';
import { COMMENT_LIMIT, MARKER, escapeText, renderReport, truncateMarkdown } from '../../scripts/core/report.ts';
import type { Finding } from '../../scripts/core/types.ts';
import { rules } from '../../scripts/rules/index.ts';
import { loadSchemas } from '../../scripts/shell/fs-repo.ts';
import { baseRepo, repoWith, type Files } from '../helpers.ts';

const ZWJ = '\u200d';
const BASE_SHA = 'a'.repeat(40);
const HEAD_SHA = 'b'.repeat(40);

function load(files: Files, today: string) {
  const list = Object.entries(files)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) }));
  return loadRepository({ files: list, schemas: loadSchemas(), today });
}

function report(base: Files, head: Files, today: string, limit?: number): string {
  const b = load(base, today);
  const h = load(head, today);
  h.model.base = b.model;
  const paths = [...new Set([...Object.keys(base), ...Object.keys(head)])].filter((p) => base[p] !== head[p]).sort();
  return renderReport({
    base: { sha: BASE_SHA, model: b.model },
    head: { sha: HEAD_SHA, model: h.model },
    gated: gate(runRules(b, rules), runRules(h, rules)),
    changes: describeChanges(b.model, h.model, paths),
    today,
    repoUrl: 'https://github.com/example/governance',
    ...(limit !== undefined ? { limit } : {}),
  });
}

describe('escapeText: what a person wrote cannot act', () => {
  it.each([
    ['a pipe cannot end a table cell', 'a | b', 'a &#124; b'],
    ['no mention pings anyone', '@everyone and @org/team', `@${ZWJ}everyone and @${ZWJ}org/team`],
    ['no issue is cross-referenced', 'see #12 and other/repo#3', `see #${ZWJ}12 and other/repo#${ZWJ}3`],
    ['no HTML runs', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['no HTML comment, no marker', MARKER, '&lt;!-- governance-report --&gt;'],
    ['no image or link', '![x](https://e/x.png) [y](javascript:alert(1))', `!\\[x\\](https:${ZWJ}//e/x.png) \\[y\\](javascript:alert(1))`],
    ['no emphasis, code span or math', '*a* _b_ `c` ~d~ $e$', '\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\$e\\$'],
    ['an entity stays text', '&lt; &#124;', `&amp;lt; &amp;#${ZWJ}124;`],
    ['a backslash cannot undo an escape', '\\| \\<', '\\\\&#124; \\\\&lt;'],
    ['one line: breaks become spaces', 'a\nb\r\nc\u2028d', 'a b c d'],
    ['control and bidirectional-override characters are dropped', 'a\u0007b\u202ec', 'abc'],
  ])('%s', (_name, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('cuts long text at the limit with an ellipsis, never inside an escape', () => {
    expect(escapeText('abcdef', 4)).toBe('abc…');
    expect(escapeText('ab||||', 4)).toBe('ab&#124;…');
  });
});

/** A table row has as many unescaped cell separators as the header. */
function cells(row: string): number {
  return row.replace(/\\\|/g, '').split('|').length;
}

describe('the comment limit', () => {
  // Many existing findings on the base: a vote per day without quorum.
  function heavy(votes: number): Files {
    const files: Files = {};
    for (let i = 0; i < votes; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const id = `2024-02-${day}-v${i}`;
      files[`governance/votes/${id}.yaml`] = [
        `id: ${id}`,
        `date: 2024-02-${day}`,
        'async: { closed: 2024-02-' + day + ' }',
        'kind: decision',
        `motion: "Motion ${i} | @everyone <b>bold</b> ${'long text '.repeat(20)}"`,
        'ballots: { ann: yes }',
        'result: passed',
        '',
      ].join('\n');
    }
    return repoWith(files);
  }

  it('a report over the limit is cut at whole lines, keeps new findings first, and says what was left out', () => {
    const base = heavy(400);
    const head = { ...base, 'governance/meetings/2024-02-07.yaml': null };
    const text = report(base, head, '2024-02-28');
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(text.startsWith(`${MARKER}\n## ❌ Governance check failed`)).toBe(true);
    expect(text).toMatch(/_…and \d+ more existing findings, left out to fit the comment limit\._/);
    expect(text).toMatch(/> ✂️ This report was cut to fit GitHub's 65,536-character comment limit: left out \d+ existing findings\./);
    // The new finding is kept; the <details> is closed; every table row is whole.
    expect(text).toContain('`record-immutable`');
    expect(text.split('<details>').length).toBe(text.split('</details>').length);
    for (const row of text.split('\n').filter((l) => l.startsWith('| ')))
      expect(cells(row), row).toBe(cells('| | Rule | Where | Message |'));
    expect(text).toContain('### The committee now');
  });

  it('a small limit still gives a well-formed report', () => {
    const text = report(heavy(30), heavy(30), '2024-02-28', 3000);
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.split('<details>').length).toBe(text.split('</details>').length);
  });

  it('truncateMarkdown cuts foreign text at a line and closes an open <details>', () => {
    const text = `${MARKER}\n<details><summary>x</summary>\n\n${'| a | b |\n'.repeat(10_000)}</details>\n`;
    const cut = truncateMarkdown(text, 5000);
    expect(cut.length).toBeLessThanOrEqual(5000);
    expect(cut).toContain('</details>');
    expect(cut).toMatch(/Cut to fit GitHub's 65,536-character comment limit/);
    expect(truncateMarkdown('short', 5000)).toBe('short');
  });
});

describe('a realistic pull request', () => {
  const TODAY = '2024-02-28';
  const base: Files = {
    ...baseRepo(),
    // Already wrong on main: not this PR's fault, listed as existing.
    'governance/sigs/cloud.yaml': 'id: cloud\nname: Cloud SIG\ntechnical: true\nliaison: zed\n',
    'governance/members/fay.yaml': 'id: fay\nname: Fay Example\ngithub: fay-gh\nservice: []\n',
  };
  const head: Files = {
    ...base,
    'governance/meetings/2024-02-21.yaml': [
      'date: 2024-02-21',
      'kind: regular',
      'chaired_by: ann',
      'present: [ann, bob, cat, dan, eve]',
      'board: ["Bea Board"]',
      'guests: ["Gus | @everyone", "<img src=x>"]',
      'minutes: https://example.org/minutes/2024-02-21',
      '',
    ].join('\n'),
    'governance/votes/2024-02-21-membership-fay.yaml': [
      'id: 2024-02-21-membership-fay',
      'date: 2024-02-21',
      'meeting: 2024-02-21',
      'kind: membership',
      'motion: Appoint Fay Example to the committee',
      'subject: fay',
      'nomination: { by: bob, date: 2024-02-08 }',
      'questionnaire_circulated: 2024-02-09',
      'ballots: { ann: yes, bob: yes, cat: yes, dan: yes, eve: abstain }',
      'result: passed',
      '',
    ].join('\n'),
    'governance/votes/2024-02-21-budget.yaml': [
      'id: 2024-02-21-budget',
      'date: 2024-02-21',
      'meeting: 2024-02-21',
      'kind: decision',
      'motion: "Fund the build farm | ping @everyone <script>alert(1)</script> (see #7)"',
      'ballots: { ann: yes, bob: no, cat: no, dan: abstain, eve: no }',
      'result: passed',
      '',
    ].join('\n'),
    'governance/members/fay.yaml': [
      'id: fay',
      'name: Fay Example',
      'github: fay-gh',
      'disclosures:',
      '  - { date: 2024-02-20, employer: "Example | Corp", conflicts: ["Sponsors the build farm"] }',
      'service:',
      '  - { from: 2024-03-06, appointed_by: 2024-02-21-membership-fay }',
      '',
    ].join('\n'),
    'governance/members/eve.yaml': baseRepo()['governance/members/eve.yaml']!.replace(
      'appointed_by: board',
      'appointed_by: board\n    to: 2024-03-05\n    left: resigned',
    ),
    'rfcs/0001-example.md': baseRepo()['rfcs/0001-example.md']!.replace(
      'status: discussion',
      'status: fcp\nfcp_since: 2024-02-21',
    ),
  };

  it('renders the report (snapshot)', async () => {
    await expect(report(base, head, TODAY)).toMatchFileSnapshot('__snapshots__/realistic-pr.md');
  });

  it('the snapshot keeps every person-written text inert', () => {
    const text = report(base, head, TODAY);
    expect(text).not.toMatch(/@everyone|<img|<script/);
    for (const row of text.split('\n').filter((l) => l.startsWith('| ')))
      expect(cells(row), row).toBe(cells('| | Rule | Where | Message |'));
  });

  it('gating: only errors new against the base fail', () => {
    const findings = (files: Files): Finding[] => runRules(load(files, TODAY), rules);
    const g = gate(findings(base), findings(base));
    expect(g.fresh).toEqual([]);
    expect(g.newErrors).toBe(0);
  });
});

describe('gating: an error is new unless the base has that error', () => {
  const TODAY = '2024-02-28';
  const finding = (severity: 'error' | 'warning'): Finding => ({ rule: 'rfc-superseded', severity, file: 'rfcs/0002-old.md', line: 1, column: 1, message: 'same words' });

  it('a warning on the base does not excuse the same finding as an error on the head', () => {
    const g = gate([finding('warning')], [finding('error')]);
    expect(g.newErrors).toBe(1);
    expect(g.fresh).toEqual([finding('error')]);
    expect(g.existing).toEqual([]);
  });

  it('an error on the base still covers the same error on the head', () => {
    expect(gate([finding('error')], [finding('error')])).toMatchObject({ newErrors: 0, existing: [finding('error')] });
  });

  it('a PR that moves an old RFC past records_since turns its imported-history warning into a new error', () => {
    const old = ['---', 'rfc: 2', 'title: Old', 'authors: ["A"]', 'status: superseded', 'created: 2023-05-01', 'decision: legacy', '---', 'Body', ''].join('\n');
    const base = { ...baseRepo(), 'rfcs/0002-old.md': old };
    const head = { ...base, 'rfcs/0002-old.md': old.replace('decision: legacy', 'decision: legacy\nupdated: 2024-02-01') };
    const b = runRules(load(base, TODAY), rules).filter((f) => f.rule === 'rfc-superseded');
    const h = runRules(load(head, TODAY), rules).filter((f) => f.rule === 'rfc-superseded');
    expect(b.map((f) => f.severity)).toEqual(['warning']);
    expect(h.map((f) => [f.severity, f.message])).toEqual([['error', b[0]?.message]]);
    expect(gate(b, h).newErrors).toBe(1);
  });
});

describe('escapeText: the other ways GitHub links an issue', () => {
  it.each([
    ['GH-12 cross-references issue 12', 'see GH-12 and gh-3', `see GH-${ZWJ}12 and gh-${ZWJ}3`],
    ['an issue URL cross-references it', 'https://github.com/o/r/issues/1', `https:${ZWJ}//github.com/o/r/issues/1`],
    ['a www. URL is no link either', 'www.github.com/o/r/pull/2', `www${ZWJ}.github.com/o/r/pull/2`],
  ])('%s', (_name, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('words that only look alike stay as they are', () => {
    expect(escapeText('OGH-1 is a part number; http: is a word; awww.')).toBe('OGH-1 is a part number; http: is a word; awww.');
  });
});
