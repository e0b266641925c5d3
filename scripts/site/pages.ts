// The site's pages beyond the front page: the lists (members, meetings,
// votes, RFCs), a page per member, meeting, vote and RFC, the charter with
// the text behind each number, and the check's findings. Pure: a checked
// model in, HTML out, in each language.
import { charterLeaves, charterTexts, type CharterValue } from '../core/charter-text.ts';
import { chairTermOn, servesOn, termEnd } from '../core/committee.ts';
import { memberHistory, type MemberHistory } from '../core/history.ts';
import type { ChairTerm, Correction, Meeting, Member, Rfc, Vote } from '../core/model.ts';
import { analyzeVote, isNullified } from '../core/votes.ts';
import { externalLink, safeUrl } from './html.ts';
import type { MessageKey } from './i18n/en.ts';
import type { Vars } from './i18n.ts';
import {
  cmp,
  DASH,
  esc,
  facts,
  factsOf,
  fileUrl,
  meetingLink,
  memberLink,
  PATHS,
  personName,
  prLink,
  renderPage,
  rfcLink,
  rfcName,
  section,
  table,
  tr,
  voteLink,
  type Page,
  type Site,
} from './layout.ts';
import {
  byText,
  decisionText,
  enumText,
  meetingAttendance,
  meetingLinks,
  meetingRow,
  nameList,
  quorumText,
  rawString,
  resultText,
  rfcRow,
  tallyText,
  textList,
  voteRow,
} from './records.ts';
import { currentPeriod, githubLink, newestDisclosure, verdict } from './status-page.ts';

const para = (html: string): string => `<p>${html}</p>`;

/** Records grouped by year, newest year first: a heading and a table each. */
function byYear<T>(p: Page, items: readonly T[], date: (x: T) => string | undefined, render: (list: T[]) => string, count: (n: number) => string): string[] {
  const years = new Map<string, T[]>();
  for (const x of items) {
    const year = date(x)?.slice(0, 4) ?? p.lang.t('date.unreadable');
    const list = years.get(year);
    if (list) list.push(x);
    else years.set(year, [x]);
  }
  const out: string[] = [];
  for (const [year, list] of years) out.push(`<h2 id="y${esc(year)}">${esc(year)} <span class="count">(${count(list.length)})</span></h2>`, render(list));
  return out;
}

function correctionsList(p: Page, corrections: readonly Correction[]): string[] {
  if (!corrections.length) return [];
  return [
    section('corrections', p.lang.t('corrections.title'), [
      `<ul>${corrections.map((c) => `<li>${p.lang.t('corrections.item', { date: p.lang.date(c.date), by: esc(c.by), reason: esc(c.reason) })}</li>`).join('')}</ul>`,
    ]),
  ];
}

/** Where the record's facts are published (`source`), what was inferred (`notes`), and its file. */
function sourcesSection(p: Page, record: { raw: unknown; isKnown: (path: (string | number)[]) => boolean; file: string }): string[] {
  const source = rawString(record, 'source');
  const notes = rawString(record, 'notes');
  const items: [string, string][] = [];
  if (source !== undefined) items.push([p.lang.t('sources.source'), safeUrl(source) ? externalLink(source, esc(source)) : esc(source)]);
  if (notes !== undefined) items.push([p.lang.t('sources.notes'), esc(notes)]);
  items.push([p.lang.t('sources.file'), `<code>${externalLink(fileUrl(p.site, record.file), esc(record.file))}</code>`]);
  return [section('sources', p.lang.t('sources.title'), [facts(items)])];
}

// ---------------------------------------------------------------------------
// Members

function periodText(p: Page, period: { from: string; to?: string; appointedBy: string; left?: string }): string {
  const vars: Vars = { from: p.lang.date(period.from), to: p.lang.date(period.to), by: byText(p, period.appointedBy) };
  const text = period.to !== undefined ? p.lang.t('service.period', vars) : p.lang.t('service.periodOpen', vars);
  return period.left !== undefined ? `${text}, ${enumText(p, 'left', period.left)}` : text;
}

function chairRow(p: Page, t: ChairTerm, current: ChairTerm | undefined): string {
  const { model } = p.site;
  const end = t.to !== undefined ? p.lang.date(t.to) : termEnd(t, model.charter) ? p.lang.t('chair.openEnds', { end: p.lang.date(termEnd(t, model.charter)) }) : p.lang.t('chair.open');
  return tr(
    [
      `${memberLink(p, t.member)}${t === current ? ` <span class="badge">${p.lang.t('chair.inOffice')}</span>` : ''}`,
      p.lang.date(t.from),
      end,
      t.electedByKnown ? byText(p, t.electedBy) : p.lang.t('unknown'),
      t.handoverFrom !== undefined ? memberLink(p, t.handoverFrom) : DASH,
    ],
    t === current ? ' class="current"' : '',
  );
}

function membersPage(p: Page): string {
  const { lang, site } = p;
  const { model } = site;
  const today = site.input.today;
  const serving: Member[] = [];
  const past: Member[] = [];
  const candidates: Member[] = [];
  for (const m of model.members.values()) {
    if (servesOn(m, today) === 'yes') serving.push(m);
    else if (!m.serviceKnown || m.service.some((s) => s.from <= today)) past.push(m);
    else candidates.push(m);
  }
  const lastDay = (m: Member): string => m.service.reduce((d, s) => (s.to !== undefined && s.to > d ? s.to : d), '');
  serving.sort((a, b) => cmp(a.id, b.id));
  past.sort((a, b) => cmp(lastDay(b), lastDay(a)) || cmp(a.id, b.id));
  candidates.sort((a, b) => cmp(a.id, b.id));
  const rows = (list: Member[]): string[] =>
    list.map((m) => tr([memberLink(p, m.id), m.serviceKnown ? (m.service.length ? m.service.map((s) => periodText(p, s)).join('<br>') : lang.t('service.never')) : `<span class="warn">${lang.t('notReadable')}</span>`]));
  const terms = [...model.chairTerms].sort((a, b) => cmp(b.from, a.from) || b.index - a.index);
  const chair = chairTermOn(model, today);
  const body = [
    section('serving', lang.t('members.serving', { date: lang.date(today) }), [serving.length ? table(p, 'past', rows(serving)) : para(lang.t('home.nobody'))]),
    section('chairs', lang.t('members.chairs'), [
      terms.length ? table(p, 'chairs', terms.map((t) => chairRow(p, t, chair))) : para(lang.t('members.noChairs')),
      ...(model.skipped.chairTerms || model.chairTermsUnknown?.length ? [`<p class="warn">${lang.t('members.chairsUnreadable')}</p>`] : []),
    ]),
    section('past', lang.t('members.past'), [past.length ? table(p, 'past', rows(past)) : para(lang.t('none'))]),
  ];
  if (candidates.length) body.push(section('candidates', lang.t('members.candidates'), [table(p, 'past', rows(candidates))]));
  return renderPage(p, { title: lang.t('members.title'), nav: 'members', body });
}

const pct = (p: Page, a: { present: number; meetings: number }): string =>
  a.meetings === 0 ? p.lang.t('attendance.noMeetings') : p.lang.t('attendance.rate', { present: a.present, total: a.meetings, pct: Math.round((a.present / a.meetings) * 100) });

function ballotText(p: Page, vote: Vote | undefined, ballot: string): string {
  if (vote?.kind === 'chair-election' && ballot !== 'abstain') return p.lang.t('ballot.for', { name: memberLink(p, ballot) });
  return enumText(p, 'ballot', ballot);
}

function memberPage(p: Page, id: string, h: MemberHistory): string {
  const { lang, site } = p;
  const m = site.model.members.get(id)!;
  const today = site.input.today;
  const period = currentPeriod(m, today);
  const newest = newestDisclosure(m);
  const status = period
    ? lang.t('member.servingSince', { date: lang.date(period.from) })
    : m.service.length
      ? lang.t('member.notServing')
      : lang.t('member.candidate');
  const lead = [`<code>${esc(id)}</code>`, ...(m.github !== undefined ? [`GitHub ${githubLink(m.github)}`] : []), status];
  if (newest) lead.push(lang.t('member.employer', { employer: esc(newest.employer) }));

  const body: string[] = [];
  body.push(
    section('service', lang.t('member.service'), [
      !m.serviceKnown ? `<p class="warn">${lang.t('member.serviceUnreadable')}</p>` : '',
      h.service.length
        ? table(p, 'service', h.service.map((s) => tr([lang.date(s.from), s.to !== undefined ? lang.date(s.to) : lang.t('service.now'), byText(p, s.appointedBy), s.left !== undefined ? enumText(p, 'left', s.left) : DASH])))
        : para(lang.t('service.never')),
    ].filter((x) => x !== '')),
  );
  body.push(
    section('disclosures', lang.t('member.disclosures'), [
      !m.disclosuresKnown ? `<p class="warn">${lang.t('member.disclosuresUnreadable')}</p>` : '',
      h.disclosures.length
        ? table(p, 'disclosures', h.disclosures.map((d) => tr([lang.date(d.date), esc(d.employer), d.conflicts.length ? d.conflicts.map(esc).join('; ') : lang.t('conflicts.none')])))
        : para(lang.t('disclosure.none')),
    ].filter((x) => x !== '')),
  );
  body.push(
    section('chair-terms', lang.t('member.chairTerms'), [
      h.chairTerms.length
        ? table(p, 'terms', h.chairTerms.map((t) => tr([lang.date(t.from), t.to !== undefined ? lang.date(t.to) : lang.t('service.now'), byText(p, t.electedBy)])))
        : para(lang.t('member.noChairTerms')),
    ]),
  );
  if (h.continuation.length)
    body.push(
      section('check-ins', lang.t('member.checkIns'), [
        table(p, 'checkins', h.continuation.map((c) => tr([lang.date(c.date), c.continues ? lang.t('checkin.continues') : lang.t('checkin.leaves')]))),
      ]),
    );
  const a = h.attendance;
  // The meetings missed, not every meeting attended: a long service would list hundreds.
  const missed = a.meetings.filter((x) => !x.present);
  body.push(
    section('attendance', lang.t('member.attendance'), [
      facts([
        [lang.t('attendance.last12', { since: lang.date(a.last12Months.since) }), pct(p, a.last12Months)],
        [lang.t('attendance.all'), pct(p, a.all)],
      ]),
      `<p class="note">${lang.t('attendance.note')}</p>`,
      ...(missed.length
        ? [`<h3>${lang.n(missed.length, 'attendance.missed')}</h3>`, para(missed.map((x) => meetingLink(p, x.id, lang.date(x.date))).join(', '))]
        : []),
    ]),
  );
  body.push(
    section('ballots', lang.n(h.ballots.length, 'member.ballots'), [
      h.ballots.length
        ? table(
            p,
            'ballots',
            [...h.ballots].reverse().map((b) => {
              const vote = site.model.votes.get(b.vote);
              const motion = b.motion !== undefined ? esc(b.motion) : `<code>${esc(b.vote)}</code>`;
              return tr(
                [lang.date(b.date), voteLink(p, b.vote, motion), enumText(p, 'voteKind', b.kind), ballotText(p, vote, b.ballot), `${resultText(p, b.result)}${b.nullified ? ` <span class="badge">${lang.t('vote.nullified')}</span>` : ''}`],
                b.nullified ? ' class="nullified"' : '',
              );
            }),
          )
        : para(lang.t('member.noBallots')),
    ]),
  );
  return renderPage(p, { title: esc(m.name ?? id), lead: lead.join(' · '), nav: 'members', body });
}

// ---------------------------------------------------------------------------
// Meetings

function meetingsPage(p: Page): string {
  const { lang, site } = p;
  const body = site.meetings.length
    ? [
        `<p class="note">${lang.t('meetings.note')}</p>`,
        ...byYear(p, site.meetings, (m) => m.date, (list) => table(p, 'meetings', list.map((m) => meetingRow(p, m))), (n) => lang.n(n, 'meetings.count')),
      ]
    : [para(lang.t('meetings.none'))];
  return renderPage(p, { title: lang.t('meetings.title'), nav: 'meetings', body });
}

function meetingPage(p: Page, m: Meeting): string {
  const { lang, site } = p;
  const { model } = site;
  const a = meetingAttendance(site, m);
  const items: [string, string][] = [[lang.t('meeting.kind'), enumText(p, 'meetingKind', m.kind)]];
  if (m.chairedBy !== undefined) items.push([lang.t('meeting.chair'), memberLink(p, m.chairedBy)]);
  else if (m.date) {
    const term = chairTermOn(model, m.date);
    items.push([lang.t('meeting.chair'), term ? lang.t('meeting.chairInOffice', { name: memberLink(p, term.member) }) : lang.t('meeting.noChair')]);
  }
  const body: string[] = [];
  if (!a) items.push([lang.t('meeting.quorum'), lang.t(m.presentKnown ? 'attendance.notRecorded' : 'notReadable')]);
  else if (a.quorum) {
    const vars = { present: a.present.length, n: a.quorum.n, needed: a.quorum.needed };
    items.push([lang.t('meeting.quorum'), a.quorum.met ? `<span class="ok">✔ ${lang.t('quorum.met')}</span>: ${lang.t('quorum.numbers', vars)}` : `<span class="warn">⚠ ${lang.t('quorum.below')}</span>: ${lang.t('quorum.numbers', vars)}`]);
    if (!a.quorum.met) body.push(`<p class="inquorate" role="note"><strong>⚠ ${lang.t('meeting.inquorate.title')}</strong> ${lang.t('meeting.inquorate', vars)}</p>`);
  }
  items.push([lang.t('meeting.links'), meetingLinks(p, m)]);
  body.unshift(facts(items));

  const people: string[] = [];
  if (a) {
    people.push(`<h3>${lang.n(a.present.length, 'meeting.present')}</h3>`, para(nameList(p, a.present)));
    people.push(`<h3>${lang.n(a.absent.length, 'meeting.absent')}</h3>`, para(nameList(p, a.absent)));
    if (a.notServing.length) people.push(`<p class="warn">${lang.t('meeting.notServing', { names: nameList(p, a.notServing) })}</p>`);
  } else people.push(para(lang.t(m.presentKnown ? 'attendance.notRecorded' : 'notReadable')));
  people.push(`<h3>${lang.t('meeting.board')}</h3>`, para(m.boardKnown ? textList(p, m.board) : lang.t('notReadable')));
  people.push(`<h3>${lang.t('meeting.guests')}</h3>`, para(textList(p, m.guests)));
  body.push(section('attendance', lang.t('meeting.attendance'), people));

  const votes = site.votesByMeeting.get(m.id) ?? [];
  body.push(section('votes', lang.t('meeting.votes'), [votes.length ? table(p, 'votes', votes.map((v) => voteRow(p, v))) : para(lang.t('meeting.noVotes'))]));
  if (m.agendaRfcs.length) body.push(section('agenda', lang.t('meeting.agenda'), [para(m.agendaRfcs.map((x) => rfcLink(p, x.rfc)).join(', '))]));
  body.push(...correctionsList(p, m.corrections), ...sourcesSection(p, m));
  const title = m.date ? lang.t('meeting.title', { date: lang.dateText(m.date) }) : esc(m.id);
  const h1 = m.date ? lang.t('meeting.title', { date: lang.date(m.date) }) : esc(m.id);
  return renderPage(p, { title, h1, nav: 'meetings', body });
}

// ---------------------------------------------------------------------------
// Votes

function votesPage(p: Page): string {
  const { lang, site } = p;
  const body = site.votes.length
    ? [
        `<p class="note">${lang.t('votes.note')}</p>`,
        ...byYear(p, site.votes, (v) => v.date, (list) => table(p, 'votes', list.map((v) => voteRow(p, v))), (n) => lang.n(n, 'votes.count')),
      ]
    : [para(lang.t('votes.none'))];
  return renderPage(p, { title: lang.t('votes.title'), nav: 'votes', body });
}

const REASONS: Record<string, MessageKey> = { 'not serving': 'reason.notServing', 'not present': 'reason.notPresent', recused: 'reason.recused' };

function boardInputText(p: Page, r: Rfc): string {
  const { lang } = p;
  if (!r.boardInputKnown) return lang.t('notReadable');
  const bi = r.boardInput;
  if (!bi) return lang.t('board.none');
  const charterTopics = new Set(p.site.model.charter?.rfc.boardInputTopics ?? []);
  const required = bi.required === true || bi.topics.some((t) => charterTopics.has(t));
  const parts = [required ? lang.t('board.required') : lang.t('board.notRequired')];
  if (bi.topics.length) parts.push(lang.t('board.topics', { topics: bi.topics.map(esc).join(', ') }));
  parts.push(typeof bi.received === 'string' ? lang.t('board.received', { date: lang.date(bi.received) }) : lang.t('board.notReceived'));
  return parts.join('; ');
}

function votePage(p: Page, v: Vote): string {
  const { lang, site } = p;
  const { model } = site;
  const vf = factsOf(site, v);
  const analysis = analyzeVote(model, v);
  const items: [string, string][] = [[lang.t('vote.id'), `<code>${esc(v.id)}</code>`], [lang.t('vote.kind'), enumText(p, 'voteKind', v.kind)]];
  if (v.meeting !== undefined) items.push([lang.t('vote.meeting'), meetingLink(p, v.meeting, v.date ? lang.date(v.date) : esc(v.meeting))]);
  else if (v.async) {
    const x = v.async;
    const parts = [lang.t('vote.async')];
    if (x.channel !== undefined) parts.push(lang.t('vote.channel', { channel: esc(x.channel) }));
    if (x.opened !== undefined) parts.push(lang.t('vote.opened', { date: lang.date(x.opened) }));
    if (x.closed !== undefined) parts.push(lang.t('vote.closed', { date: lang.date(x.closed) }));
    else if (x.closes !== undefined) parts.push(lang.t('vote.closes', { date: lang.date(x.closes) }));
    items.push([lang.t('vote.venue'), parts.join(', ')]);
  }
  if (v.rfc !== undefined) items.push([lang.t('vote.rfc'), rfcLink(p, v.rfc)]);
  if (v.subject !== undefined) items.push([lang.t('vote.subject'), memberLink(p, v.subject)]);
  if (v.nomination?.by !== undefined || v.nomination?.date !== undefined)
    items.push([lang.t('vote.nomination'), [v.nomination.by !== undefined ? memberLink(p, v.nomination.by) : '', v.nomination.date !== undefined ? lang.date(v.nomination.date) : ''].filter((x) => x).join(', ')]);
  if (v.questionnaireCirculated !== undefined) items.push([lang.t('vote.questionnaire'), lang.date(v.questionnaireCirculated)]);
  if (v.candidates.length)
    items.push([
      lang.t('vote.candidates'),
      v.candidates.map((c) => `${memberLink(p, c.member)}${c.nominatedBy !== undefined ? ` (${lang.t('vote.nominatedBy', { name: memberLink(p, c.nominatedBy) })})` : ''}`).join(', '),
    ]);
  items.push([lang.t('vote.resultRecorded'), resultText(p, v.result)]);
  let computed: string;
  if (vf.computedResult === undefined) computed = lang.t('vote.notComputed');
  else if (vf.computedResult === v.result) computed = `${resultText(p, vf.computedResult)} <span class="ok">✔ ${lang.t('vote.agrees')}</span>`;
  else computed = `${resultText(p, vf.computedResult)} <span class="error">✖ ${lang.t('vote.differs')}</span>`;
  items.push([lang.t('vote.resultComputed'), computed]);
  items.push([lang.t('vote.tally'), tallyText(p, v)]);
  items.push([lang.t('vote.quorum'), quorumText(p, vf.quorum)]);
  if (v.tieBreak?.by !== undefined)
    items.push([
      lang.t('vote.tieBreak'),
      `${memberLink(p, v.tieBreak.by)}${v.tieBreak.vote !== undefined ? `: ${enumText(p, 'ballot', v.tieBreak.vote)}` : ''}${v.tieBreak.designatedBy !== undefined ? ` (${lang.t('vote.designatedBy', { name: memberLink(p, v.tieBreak.designatedBy) })})` : ''}`,
    ]);
  if (v.recused.length) items.push([lang.t('vote.recused'), nameList(p, v.recused)]);
  if (v.nullifiedBy !== undefined) {
    const by = voteLink(p, v.nullifiedBy, `<code>${esc(v.nullifiedBy)}</code>`);
    items.push([lang.t('vote.nullifiedBy'), isNullified(model, v) ? lang.t('vote.nullifiedText', { by }) : lang.t('vote.notNullifiedText', { by })]);
  }

  const body = [facts(items)];
  const notCounted = new Map(vf.notCounted.map((n) => [n.voter, n.reason]));
  const counted = new Set(analysis.counted.map((b) => b.voter));
  if (v.ballots && v.ballots.length) {
    const rows = [...v.ballots]
      .sort((a, b) => cmp(personName(site, a.voter), personName(site, b.voter)) || cmp(a.voter, b.voter))
      .map((b) => {
        const reason = notCounted.get(b.voter);
        const status = reason !== undefined ? `<span class="warn">${lang.t('roll.notCounted', { reason: REASONS[reason] ? lang.t(REASONS[reason]) : esc(reason) })}</span>` : counted.has(b.voter) ? `✔ ${lang.t('roll.counted')}` : DASH;
        return tr([memberLink(p, b.voter), ballotText(p, v, b.value), status]);
      });
    body.push(section('ballots', lang.n(v.ballots.length, 'vote.ballots'), [table(p, 'roll', rows)]));
  } else body.push(section('ballots', lang.t('vote.ballotsTitle'), [para(v.tally ? lang.t('vote.onlyTally') : lang.t('vote.noBallots'))]));

  const rfc = v.rfc !== undefined ? site.rfcByNumber.get(v.rfc) : undefined;
  if (rfc) body.push(section('board-input', lang.t('vote.boardInput'), [para(boardInputText(p, rfc))]));
  body.push(...correctionsList(p, v.corrections), ...sourcesSection(p, v));
  const title = v.motion !== undefined ? esc(v.motion) : esc(v.id);
  return renderPage(p, { title, lead: lang.t('vote.lead', { kind: enumText(p, 'voteKind', v.kind), date: lang.date(v.date) }), nav: 'votes', body });
}

// ---------------------------------------------------------------------------
// RFCs

const RFC_GROUPS: readonly (readonly [MessageKey, readonly string[]])[] = [
  ['rfcs.discussion', ['discussion']],
  ['rfcs.fcp', ['fcp']],
  ['rfcs.draft', ['draft']],
  ['rfcs.decided', ['accepted', 'rejected']],
  ['rfcs.closed', ['withdrawn', 'superseded']],
];

function rfcsPage(p: Page): string {
  const { lang, site } = p;
  const rfcs = [...site.model.rfcs].sort((a, b) => a.number - b.number || cmp(a.file, b.file));
  const body: string[] = [];
  if (!rfcs.length) body.push(para(lang.t('rfcs.none')));
  const known = new Set(RFC_GROUPS.flatMap(([, s]) => s));
  const groups: [MessageKey, Rfc[]][] = RFC_GROUPS.map(([key, statuses]) => [key, rfcs.filter((r) => r.status !== undefined && statuses.includes(r.status))]);
  groups.push(['rfcs.unreadable', rfcs.filter((r) => !r.status || !known.has(r.status))]);
  groups.forEach(([key, list], i) => {
    if (!list.length && i > 1) return;
    // The two open stages always show, empty or not: "open proposals by stage".
    body.push(section(key.replace('.', '-'), `${lang.t(key)} <span class="count">(${list.length})</span>`, [list.length ? table(p, 'rfcs', list.map((r) => rfcRow(p, r))) : para(lang.t('stage.none'))]));
  });
  return renderPage(p, { title: lang.t('rfcs.title'), nav: 'rfcs', body });
}

function rfcPage(p: Page, r: Rfc): string {
  const { lang, site } = p;
  const items: [string, string][] = [
    [lang.t('rfc.status'), enumText(p, 'status', r.status)],
    [lang.t('rfc.authors'), r.authors.length ? r.authors.map(esc).join('; ') : DASH],
    [lang.t('rfc.pullRequest'), prLink(p, r.pr)],
    [lang.t('sources.file'), `<code>${externalLink(fileUrl(site, r.file), esc(r.file))}</code>`],
  ];
  const decision = r.decision && r.decision !== 'legacy' ? site.model.votes.get(r.decision) : undefined;
  const life: [string, string][] = [[lang.t('rfc.created'), lang.date(r.created)]];
  if (r.discussionSince !== undefined) life.push([lang.t('rfc.discussionSince'), lang.date(r.discussionSince)]);
  if (r.fcpSince !== undefined) life.push([lang.t('rfc.fcpSince'), lang.date(r.fcpSince)]);
  if (decision?.date !== undefined) life.push([lang.t('rfc.decided'), lang.date(decision.date)]);
  if (r.updated !== undefined) life.push([lang.t('rfc.updated'), lang.date(r.updated)]);
  const body = [facts(items), section('lifecycle', lang.t('rfc.lifecycle'), [facts(life)])];
  const outcome: [string, string][] = [[lang.t('rfc.decision'), decisionText(p, r)]];
  if (decision) {
    outcome.push([lang.t('vote.tally'), tallyText(p, decision)]);
    outcome.push([lang.t('vote.quorum'), quorumText(p, factsOf(site, decision).quorum)]);
  }
  outcome.push([lang.t('vote.boardInput'), boardInputText(p, r)]);
  if (r.supersedes.length) outcome.push([lang.t('rfc.supersedes'), r.supersedes.map((n) => rfcLink(p, n)).join(', ')]);
  body.push(section('outcome', lang.t('rfc.outcome'), [facts(outcome)]));
  const name = r.number === 0 ? lang.t('rfc.unnumbered') : rfcName(r.number);
  const title = r.title !== undefined ? `${name}: ${esc(r.title)}` : name;
  return renderPage(p, { title, nav: 'rfcs', body });
}

// ---------------------------------------------------------------------------
// The charter and the check

const showValue = (v: CharterValue): string => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

function charterPage(p: Page): string {
  const { lang, site } = p;
  const charter = site.model.charter;
  const body: string[] = [];
  if (!charter) body.push(`<p class="warn">${lang.t('charter.unreadable')}</p>`);
  else {
    const texts = site.input.charterText !== undefined ? charterTexts(site.input.charterText) : new Map<string, string>();
    const rows = charterLeaves(charter).map(([key, value]) => {
      // A number the catalogues do not name yet shows by its key alone.
      const labelKey = `charter.key.${key}`;
      const text = texts.get(key);
      return tr([
        `${lang.has(labelKey) ? `${lang.t(labelKey as MessageKey)}<br>` : ''}<code>${esc(key)}</code>`,
        `<code>${esc(showValue(value))}</code>`,
        text !== undefined ? esc(text) : `<span class="note">${lang.t('charter.noText')}</span>`,
      ]);
    });
    body.push(
      para(lang.t('charter.intro', { file: `<code>${externalLink(fileUrl(site, charter.file), esc(charter.file))}</code>` })),
      table(p, 'charter', rows),
    );
  }
  return renderPage(p, { title: lang.t('charter.title'), lead: esc(site.committee), nav: 'charter', body });
}

function findingsPage(p: Page): string {
  const { lang, site } = p;
  const { findings } = site.input;
  const since = site.model.recordsSince;
  const body = [verdict(p), `<p class="note">${lang.t('findings.note')}${since ? ` ${lang.t('findings.since', { date: lang.date(since) })}` : ''}</p>`];
  if (lang.code !== 'en' && findings.length) body.push(`<p class="note">${lang.t('findings.english')}</p>`);
  if (findings.length)
    body.push(
      table(
        p,
        'findings',
        findings.map((f) => {
          const sev = f.severity === 'error' ? `<span class="error">✖ ${lang.t('severity.error')}</span>` : `<span class="warn">⚠ ${lang.t('severity.warning')}</span>`;
          const where = esc(`${f.file}:${f.line}`);
          return tr([sev, `<code>${esc(f.rule)}</code>`, `<code>${externalLink(fileUrl(site, f.file, f.line), where)}</code>`, `<span lang="en">${esc(f.message)}</span>`], ` class="${f.severity === 'error' ? 'error' : 'warning'}"`);
        }),
      ),
    );
  return renderPage(p, { title: lang.t('findings.title'), nav: 'findings', body });
}

/**
 * Every page of one language, with its language-neutral path, one at a time
 * as it is rendered: a writer need not hold 25 years of pages at once.
 */
export function* languagePages(
  site: Site,
  page: (path: string) => Page,
  histories: ReadonlyMap<string, MemberHistory>,
  front: (p: Page) => string,
): Generator<[string, string]> {
  const one = (path: string, render: (p: Page) => string): [string, string] => [path, render(page(path))];
  yield one(PATHS.home, front);
  yield one(PATHS.members, membersPage);
  yield one(PATHS.meetings, meetingsPage);
  yield one(PATHS.votes, votesPage);
  yield one(PATHS.rfcs, rfcsPage);
  yield one(PATHS.charter, charterPage);
  yield one(PATHS.findings, findingsPage);
  for (const [id, h] of histories) {
    const slug = site.memberSlug.get(id);
    if (slug !== undefined) yield one(`members/${slug}.html`, (p) => memberPage(p, id, h));
  }
  for (const m of site.meetings) {
    const slug = site.meetingSlug.get(m.id);
    if (slug !== undefined) yield one(`meetings/${slug}.html`, (p) => meetingPage(p, m));
  }
  for (const v of site.votes) {
    const slug = site.voteSlug.get(v.id);
    if (slug !== undefined) yield one(`votes/${slug}.html`, (p) => votePage(p, v));
  }
  for (const [r, path] of site.rfcPath) yield one(path, (p) => rfcPage(p, r));
}

/** Each member's history, computed once for both languages. */
export function histories(site: Site): Map<string, MemberHistory> {
  const out = new Map<string, MemberHistory>();
  for (const id of [...site.model.members.keys()].sort()) {
    const h = memberHistory(site.model, id, site.input.today);
    if (h) out.set(id, h);
  }
  return out;
}
