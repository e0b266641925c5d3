// The site's front page, which the one-page status page became: the
// committee as it stands today (members with their employer, conflicts and
// disclosure date, the chair and the term's end, the quorum, the next
// check-in), the open proposals by stage, the latest meetings and votes, and
// the check's verdict. Pure: the same records give the same bytes.
import { fractionAsRatio } from '../core/committee.ts';
import type { Member, ServicePeriod } from '../core/model.ts';
import { externalLink } from './html.ts';
import { nextCheckInLabel } from './i18n.ts';
import { DASH, esc, facts, href, memberLink, PATHS, prLink, renderPage, rfcLink, section, table, tr, type Page } from './layout.ts';
import { byText, meetingRow, voteRow } from './records.ts';

// The status page's escaping is the site's: re-exported for anyone who used it from here.
export { escapeHtml, safeUrl } from './html.ts';

const GITHUB_LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
const LATEST = 5;

export function newestDisclosure(m: Member): Member['disclosures'][number] | undefined {
  // "Newest last" is the convention; the date decides when the file disagrees.
  let best: Member['disclosures'][number] | undefined;
  for (const d of m.disclosures) if (!best || d.date >= best.date) best = d;
  return best;
}

export function currentPeriod(m: Member, date: string): ServicePeriod | undefined {
  let best: ServicePeriod | undefined;
  for (const p of m.service) if (p.from <= date && (p.to === undefined || date <= p.to) && (!best || p.from > best.from)) best = p;
  return best;
}

export function githubLink(login: string | undefined): string {
  if (login === undefined) return DASH;
  return GITHUB_LOGIN.test(login) ? externalLink(`https://github.com/${login}`, esc(login)) : esc(login);
}

function memberRow(p: Page, id: string, date: string): string {
  const { lang } = p;
  const m = p.site.model.members.get(id);
  if (!m) return tr([esc(id), DASH, DASH, DASH, DASH, DASH, DASH]);
  let employer: string;
  let conflicts: string;
  let disclosed: string;
  if (!m.disclosuresKnown) {
    employer = conflicts = `<span class="warn">${lang.t('notReadable')}</span>`;
    disclosed = DASH;
  } else {
    const d = newestDisclosure(m);
    if (!d) {
      employer = `<span class="error">${lang.t('disclosure.none')}</span>`;
      conflicts = DASH;
      disclosed = DASH;
    } else {
      employer = esc(d.employer);
      conflicts = d.conflicts.length ? d.conflicts.map(esc).join('; ') : lang.t('conflicts.none');
      disclosed = lang.date(d.date);
    }
  }
  const period = currentPeriod(m, date);
  return tr([
    memberLink(p, id),
    githubLink(m.github),
    employer,
    conflicts,
    disclosed,
    period ? lang.date(period.from) : DASH,
    period ? byText(p, period.appointedBy) : DASH,
  ]);
}

/** The charter's quorum rule in words: "50% + 1, minimum 4". */
export function quorumFormula(p: Page): string {
  const charter = p.site.model.charter;
  if (!charter) return '';
  const { fraction, plus, minimum } = charter.quorum;
  const { num, den } = fractionAsRatio(fraction);
  const share = 100 % den === 0 ? p.lang.t('quorum.percent', { pct: (num * 100) / den }) : `${num}/${den}`;
  return p.lang.t('quorum.formula', { share, plus: plus ? ` + ${plus}` : '', minimum });
}

function committeeSection(p: Page): string {
  const { lang, site } = p;
  const c = site.input.summary.committee;
  const out: string[] = [`<p>${lang.n(c.members.length, 'home.serving')}</p>`];
  out.push(
    table(
      p,
      'committee',
      c.members.length ? c.members.map((id) => memberRow(p, id, c.date)) : [`<tr><td colspan="7">${lang.t('home.nobody')}</td></tr>`],
    ),
  );
  const items: [string, string][] = [];
  items.push([
    lang.t('home.quorum'),
    c.quorum !== undefined
      ? lang.n(c.quorum, 'home.quorum.value', { serving: c.members.length, formula: quorumFormula(p) })
      : lang.t('home.quorum.unknown'),
  ]);
  items.push([
    lang.t('home.chair'),
    c.chair
      ? c.chair.termEnd
        ? lang.t('home.chair.value', { name: memberLink(p, c.chair.member), from: lang.date(c.chair.from), end: lang.date(c.chair.termEnd) })
        : lang.t('home.chair.noEnd', { name: memberLink(p, c.chair.member), from: lang.date(c.chair.from) })
      : lang.t('home.chair.none'),
  ]);
  // No check-in line when the charter has none (chair.check_in: false).
  if (c.checkIn !== false)
    items.push([nextCheckInLabel(lang, c.termMonths), c.nextCheckIn !== undefined ? lang.date(c.nextCheckIn) : lang.t('home.checkin.unknown')]);
  out.push(facts(items));
  return section('committee', lang.t('home.committee', { date: lang.date(c.date) }), out);
}

function proposalsSection(p: Page): string {
  const { lang, site } = p;
  const open = site.input.summary.committee.openRfcs;
  const out: string[] = [];
  const stages = [
    ['discussion', 'home.stage.discussion'],
    ['fcp', 'home.stage.fcp'],
  ] as const;
  for (const [stage, key] of stages) {
    const list = open[stage];
    out.push(`<h3>${lang.t(key)} <span class="count">(${list.length})</span></h3>`);
    if (!list.length) {
      out.push(`<p>${lang.t('stage.none')}</p>`);
      continue;
    }
    out.push(
      `<ul class="proposals ${stage}">`,
      ...list.map((n) => {
        const r = site.rfcByNumber.get(n);
        const since = r ? (stage === 'fcp' ? r.fcpSince : r.discussionSince) : undefined;
        const parts = [`${rfcLink(p, n)}${r?.title !== undefined ? `: ${esc(r.title)}` : ''}`];
        if (r?.pr !== undefined) parts.push(prLink(p, r.pr));
        if (since !== undefined) parts.push(lang.t('home.stage.since', { date: lang.date(since) }));
        return `<li>${parts.join(' · ')}</li>`;
      }),
      '</ul>',
    );
  }
  if (open.draft.length) out.push(`<p>${lang.n(open.draft.length, 'home.drafts')}: ${open.draft.map((n) => rfcLink(p, n)).join(', ')}</p>`);
  out.push(`<p><a href="${href(p, PATHS.rfcs)}">${lang.t('home.allRfcs')}</a></p>`);
  return section('proposals', lang.t('home.proposals'), out);
}

function latestSection(p: Page): string[] {
  const { lang, site } = p;
  const meetings = site.meetings.slice(0, LATEST);
  const votes = site.votes.slice(0, LATEST);
  return [
    section('latest-meetings', lang.t('home.latestMeetings'), [
      meetings.length ? table(p, 'meetings', meetings.map((m) => meetingRow(p, m))) : `<p>${lang.t('meetings.none')}</p>`,
      `<p><a href="${href(p, PATHS.meetings)}">${lang.t('home.allMeetings')}</a></p>`,
    ]),
    section('latest-votes', lang.t('home.latestVotes'), [
      votes.length ? table(p, 'votes', votes.map((v) => voteRow(p, v))) : `<p>${lang.t('votes.none')}</p>`,
      `<p><a href="${href(p, PATHS.votes)}">${lang.t('home.allVotes')}</a></p>`,
    ]),
  ];
}

/** The check's verdict in one line: no problems, or how many errors and warnings in how many files. */
export function verdict(p: Page): string {
  const { lang, site } = p;
  const { summary, findings } = site.input;
  const checked = lang.n(summary.files, 'files.checked');
  if (summary.errors === 0 && summary.warnings === 0) return `<p class="verdict ok">✔ ${lang.t('check.ok', { checked })}</p>`;
  const files = new Set(findings.map((f) => f.file)).size;
  return `<p class="verdict ${summary.errors > 0 ? 'error' : 'warn'}">${summary.errors > 0 ? '✖' : '⚠'} ${lang.t('check.found', {
    errors: lang.n(summary.errors, 'errors'),
    warnings: lang.n(summary.warnings, 'warnings'),
    files: lang.n(files, 'files'),
    checked,
  })}</p>`;
}

export function renderFrontPage(p: Page): string {
  const { lang, site } = p;
  const { summary } = site.input;
  const status =
    summary.errors === 0 && summary.warnings === 0
      ? lang.t('home.lead.ok')
      : lang.t('home.lead.found', { errors: lang.n(summary.errors, 'errors'), warnings: lang.n(summary.warnings, 'warnings') });
  return renderPage(p, {
    title: lang.t('home.title', { date: lang.dateText(site.input.today) }),
    h1: esc(site.committee),
    lead: lang.t('home.lead', { date: lang.date(site.input.today), serving: lang.n(summary.committee.members.length, 'members'), status }),
    nav: 'home',
    body: [
      committeeSection(p),
      proposalsSection(p),
      ...latestSection(p),
      section('check', lang.t('check.title'), [verdict(p), `<p><a href="${href(p, PATHS.findings)}">${lang.t('check.link')}</a></p>`]),
    ],
  });
}
