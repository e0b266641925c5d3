// decisions.atom: well-formed XML that an XML parser reads back (fast-xml-parser),
// an Atom feed of the votes held and the RFCs closed, newest first, with
// stable tag: ids and dates from the records; hostile text stays text.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, renderAtom } from '../../scripts/site/atom.ts';
import { annulment, type Files } from '../helpers.ts';
import { budgetVote, REPO_URL, repoWith, siteInput } from './data-fixture.ts';

interface Entry {
  id: string;
  title: { '#text': string; '@_type': string };
  link?: { '@_href': string; '@_rel': string };
  published: string;
  updated: string;
  category: { '@_term': string };
  summary?: string;
  content?: string;
}
interface Feed {
  id: string;
  title: string;
  updated: string;
  author: { name: string };
  link?: { '@_href': string; '@_rel': string }[];
  entry?: Entry[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Keep text as written: no numbers or booleans made of it.
  parseTagValue: false,
  trimValues: false,
  isArray: (name, path) => name === 'entry' || path === 'feed.link',
});
function feedOf(xml: string): Feed {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = parser.parse(xml) as { feed: Feed & { '@_xmlns': string } };
  expect(parsed.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  return parsed.feed;
}
const text = (v: unknown): string => (typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)['#text']) : String(v));

const TAG = 'tag:test-committee.governance,2024-01-10:';
const rfc = (n: number, slug: string, front: string[]): Files => ({
  [`rfcs/${String(n).padStart(4, '0')}-${slug}.md`]: ['---', ...(n ? [`rfc: ${n}`] : []), 'authors: [Bob]', 'created: 2024-01-15', ...front, '---', 'Body.', ''].join('\n'),
});

const FILES = repoWith({
  ...budgetVote('Adopt the budget', ['nullified_by: 2024-02-15-annul']),
  ...annulment('Annul the budget vote'),
  'governance/votes/2024-02-07-rfc-2.yaml': [
    'id: 2024-02-07-rfc-2',
    'date: 2024-02-07',
    'meeting: 2024-02-07',
    'kind: rfc',
    'rfc: 2',
    'motion: Accept RFC 2',
    'ballots: { ann: yes, bob: yes, cat: yes, dan: no }',
    'result: passed',
    'corrections:',
    '  - { date: 2024-02-09, by: Secretary, reason: "Typo in the motion" }',
    '',
  ].join('\n'),
  // A vote in progress on a pull request has decided nothing: not in the feed.
  'governance/votes/2024-02-25-pending.yaml': [
    'id: 2024-02-25-pending',
    'date: 2024-02-25',
    'async: { channel: "pull request", opened: 2024-02-18, closes: 2024-02-25 }',
    'kind: decision',
    'motion: Something still open',
    '',
  ].join('\n'),
  ...rfc(2, 'accepted', ['title: Accepted one', 'status: accepted', 'updated: 2024-02-07', 'discussion_since: 2024-01-16', 'fcp_since: 2024-01-20', 'decision: 2024-02-07-rfc-2', 'pr: 12']),
  ...rfc(3, 'withdrawn', ['title: Withdrawn one', 'status: withdrawn', 'updated: 2024-02-12', 'discussion_since: 2024-01-16']),
  // An unnumbered draft its author withdrew: no decision of the committee.
  ...rfc(0, 'never-numbered', ['title: Never numbered', 'status: withdrawn', 'updated: 2024-02-13']),
});

describe('decisions.atom', () => {
  const xml = renderAtom(siteInput(FILES, { repoUrl: REPO_URL }));
  const feed = feedOf(xml);

  it('a feed with its id, title, author and updated from the newest record, not the clock', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n')).toBe(true);
    expect(feed.id).toBe(`${TAG}decisions`);
    expect(feed.title).toBe('Test Committee: decisions');
    expect(feed.author.name).toBe('Test Committee');
    expect(feed.updated).toBe('2024-02-15T00:00:00Z');
    // Without a site URL: no self link, and entry links relative to the site root.
    expect(feed.link).toBeUndefined();
  });

  it('votes held and RFCs closed, newest first (on one day the RFC before the vote that decided it), with stable tag ids', () => {
    expect(feed.entry!.map((e) => [e.id, e.published, e.updated])).toEqual([
      [`${TAG}vote/2024-02-15-annul`, '2024-02-15T00:00:00Z', '2024-02-15T00:00:00Z'],
      [`${TAG}rfc/3/withdrawn`, '2024-02-12T00:00:00Z', '2024-02-12T00:00:00Z'],
      [`${TAG}rfc/2/accepted`, '2024-02-07T00:00:00Z', '2024-02-07T00:00:00Z'],
      // Corrected on 2024-02-09: updated then.
      [`${TAG}vote/2024-02-07-rfc-2`, '2024-02-07T00:00:00Z', '2024-02-09T00:00:00Z'],
      [`${TAG}vote/2024-02-07-chair-election`, '2024-02-07T00:00:00Z', '2024-02-07T00:00:00Z'],
      // Nullified on 2024-02-15: updated then, and marked.
      [`${TAG}vote/2024-02-07-budget`, '2024-02-07T00:00:00Z', '2024-02-15T00:00:00Z'],
    ]);
  });

  it('each entry: title, link to its page, category, and a summary of the decision', () => {
    const [annul, withdrawn, accepted, rfcVote, election, budget] = feed.entry!;
    expect(budget).toMatchObject({
      title: { '#text': '[nullified] Decision 2024-02-07: Adopt the budget (passed)', '@_type': 'text' },
      link: { '@_rel': 'alternate', '@_href': 'votes/2024-02-07-budget.html' },
      category: { '@_term': 'decision' },
    });
    expect(text(budget!.summary)).toBe(
      'Decision at the meeting of 2024-02-07.\nMotion: Adopt the budget\nResult: passed.\nTally: 2 yes, 1 no, 1 abstain.\nQuorum: met, 4 of 5 present, 4 needed.\nNullified by 2024-02-15-annul: it decides nothing.',
    );
    expect(text(annul!.title)).toBe('Decision 2024-02-15: Annul the budget vote (passed)');
    expect(text(annul!.summary)).toMatch(/^Decision, asynchronous on ~alesco, closed 2024-02-15\.\nMotion: Annul the budget vote\n/);
    expect(text(election!.title)).toBe('Chair election 2024-02-07: Elect the chair for the next six months (elected Ann Example)');
    expect(text(rfcVote!.title)).toBe('RFC vote 2024-02-07: Accept RFC 2 (passed)');
    expect(text(rfcVote!.summary)).toContain('On RFC 0002.\nCorrected 2024-02-09 by Secretary: Typo in the motion');
    expect(text(accepted!.title)).toBe('RFC 0002 accepted: Accepted one');
    expect(accepted).toMatchObject({
      link: { '@_href': 'rfcs/2.html' },
      category: { '@_term': 'rfc-accepted' },
    });
    expect(text(accepted!.summary)).toBe(
      `Accepted by vote 2024-02-07-rfc-2 (passed).\nLifecycle: created 2024-01-15, in discussion from 2024-01-16, final comment period from 2024-01-20.\nPull request: ${REPO_URL}/pull/12`,
    );
    expect(text(withdrawn!.title)).toBe('RFC 0003 withdrawn: Withdrawn one');
    expect(text(withdrawn!.summary)).toBe('Withdrawn on 2024-02-12.\nLifecycle: created 2024-01-15, in discussion from 2024-01-16.');
  });

  it('the same records give the same bytes', () => {
    expect(renderAtom(siteInput(FILES, { repoUrl: REPO_URL }))).toBe(xml);
  });

  it('with a site URL: absolute links, and the feed links to itself and to the site', () => {
    const f = feedOf(renderAtom(siteInput(FILES, { siteUrl: 'https://example.org/gov' })));
    expect(f.link).toEqual([
      { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': 'https://example.org/gov/decisions.atom' },
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': 'https://example.org/gov/' },
    ]);
    expect(f.entry!.map((e) => e.link?.['@_href'])).toContain('https://example.org/gov/votes/2024-02-07-budget.html');
    // The ids do not move with the site.
    expect(f.entry!.map((e) => e.id)).toEqual(feed.entry!.map((e) => e.id));
  });

  it('no decision yet: an empty feed dated today', () => {
    const f = feedOf(renderAtom(siteInput(repoWith({ 'governance/votes/2024-02-07-chair-election.yaml': null, 'governance/chair-terms.yaml': 'terms: []\n' }))));
    expect(f.entry).toBeUndefined();
    expect(f.updated).toBe('2024-02-20T00:00:00Z');
  });
});

describe('hostile text', () => {
  const MOTION = 'Close </title><script>alert(1)</script> ]]> & "quotes" \u0001\u0008\u000b bell\u0007 é 🎉';
  const xml = renderAtom(
    siteInput(
      repoWith({
        ...budgetVote(MOTION),
        ...rfc(2, 'bold', ['title: "A <b>bold</b> & <![CDATA[ x ]]> plan"', 'status: withdrawn', 'updated: 2024-02-12']),
      }),
    ),
  );

  it('stays text: escaped, well-formed, read back as written without the characters XML cannot hold', () => {
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toContain('Close &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; &quot;quotes&quot;  bell é 🎉');
    const entries = feedOf(xml).entry!;
    const budget = entries.find((e) => e.id.endsWith('vote/2024-02-07-budget'))!;
    expect(text(budget.title)).toBe('Decision 2024-02-07: Close </title><script>alert(1)</script> ]]> & "quotes"  bell é 🎉 (passed)');
    expect(text(entries.find((e) => e.id.endsWith('rfc/2/withdrawn'))!.title)).toBe('RFC 0002 withdrawn: A <b>bold</b> & <![CDATA[ x ]]> plan');
  });

  it.each<[string, string, string]>([
    ['markup', '<a href="x">&</a>', '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;'],
    ['a CDATA end', ']]>', ']]&gt;'],
    ['controls dropped, tab and newline kept', 'a\u0000b\u001fc\td\ne', 'abc\td\ne'],
    ['carriage returns as newlines', 'a\r\nb\rc', 'a\nb\nc'],
    ['non-characters and lone surrogates dropped', 'a\ufffeb\uffffc\ud800d', 'abcd'],
    ['bidirectional overrides dropped, astral characters kept', 'x\u202ey\u{1f389}', 'xy\u{1f389}'],
  ])('escapeXml: %s', (_what, input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});
