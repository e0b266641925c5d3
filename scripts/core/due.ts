// What falls due: from the records and the charter's numbers, everything the
// charter asks of the committee within a window, and everything already
// overdue, each with its date, the charter text it comes from, and the record
// that would settle it. Pure: `npm run due` prints it, a workflow keeps it in
// an issue.
import { chairTermOn, committeeSize, quorumFor, servesOn } from './committee.ts';
import { addDays, addMonths, chairTermLatestEnd, daysBetween, isBusinessDay, lastDayOfIsoMonth, monthOf } from './dates.ts';
import { rfcStageOn } from './history.ts';
import type { Charter, Model } from './model.ts';
import { analyzeVote, isNullified } from './votes.ts';

export const DUE_KINDS = [
  'chair-election',
  'check-in',
  'meeting',
  'disclosure',
  'fcp-end',
  'rfc-decision',
  'async-close',
  'membership-vote',
  'confirmation',
  'quorum-minimum',
  'no-github',
  'inquorate-meeting',
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export interface DueItem {
  kind: DueKind;
  /** The last day it can be done on time (for inquorate-meeting: the meeting's date). */
  due: string;
  overdue: boolean;
  /** Who or what it is about: a member id, an RFC, a month, a meeting. */
  subject: string;
  message: string;
  /** The charter (or procedure) text it comes from. */
  charter: string;
  /** The record that would settle it (or that it is about). */
  file: string;
}

export interface DueReport {
  today: string;
  within: number;
  committee?: string;
  items: DueItem[];
}

/** The charter sentences, in the committee's own words when charter.yaml gives them. */
export interface DueTexts {
  get(key: string): string | undefined;
}

const FALLBACK: Record<string, string> = {
  'chair.term_months': 'The chair serves a term of the charter\'s chair.term_months; the next chair is elected at its end',
  'chair.max_consecutive_terms': 'A member may chair at most chair.max_consecutive_terms consecutive terms',
  'meetings.min_per_calendar_month': 'The committee meets at least meetings.min_per_calendar_month times each calendar month',
  'disclosure.max_age_months': 'Members publicly disclose their employer and any conflicts of interest, and keep the disclosure current',
  'membership.review_business_days': 'Members receive the candidate\'s questionnaire at least membership.review_business_days business days before the vote',
  'quorum.minimum': 'A quorum is required for any votes',
};

/**
 * The records as they stood on `date`: what was recorded dated after it did
 * not happen yet, so `due` as of a past date shows what was then still to do.
 */
export function asOf(model: Model, date: string): Model {
  const members = new Map(
    [...model.members].map(([id, m]) => [
      id,
      {
        ...m,
        service: m.service.filter((p) => p.from <= date),
        disclosures: m.disclosures.filter((d) => d.date <= date),
        continuation: m.continuation.filter((c) => c.date <= date),
      },
    ]),
  );
  const open = (status: string | undefined): boolean => status === 'draft' || status === 'discussion' || status === 'fcp';
  return {
    ...model,
    today: date,
    members,
    chairTerms: model.chairTerms.filter((t) => t.from <= date),
    meetings: new Map([...model.meetings].filter(([, m]) => m.date !== undefined && m.date <= date)),
    votes: new Map([...model.votes].filter(([, v]) => v.date !== undefined && v.date <= date)),
    rfcs: model.rfcs
      .map((r) => {
        const stage = rfcStageOn(model, r, date);
        if (stage === undefined) return undefined;
        return stage === 'closed' ? r : { ...r, status: stage, ...(open(stage) ? { decision: undefined } : {}) };
      })
      .filter((r): r is NonNullable<typeof r> => r !== undefined),
  } as Model;
}

/** The nth business day after `date` (Monday to Friday). */
function businessDaysAfter(date: string, n: number): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isBusinessDay(d)) left--;
  }
  return d;
}

function firstMeetingAfter(model: Model, date: string): string | undefined {
  let first: string | undefined;
  for (const m of model.meetings.values()) if (m.date && m.date > date && (!first || m.date < first)) first = m.date;
  return first;
}

const days = (n: number): string => `${Math.abs(n)} day${Math.abs(n) === 1 ? '' : 's'}`;
const when = (due: string, today: string): string => {
  const left = daysBetween(today, due);
  return left < 0 ? `${days(left)} overdue` : left === 0 ? 'due today' : `${days(left)} left`;
};

export function dueReport(full: Model, today: string, within: number, texts?: DueTexts): DueReport {
  const model = asOf(full, today);
  const charter: Charter | undefined = model.charter;
  const report: DueReport = { today, within, ...(charter ? { committee: charter.committee } : {}), items: [] };
  // (`committee` is added to the documented {today, within, items} so a reader knows whose report it is.)
  if (!charter) return report;
  const horizon = addDays(today, within);
  const text = (key: string): string => texts?.get(key) ?? FALLBACK[key] ?? key;
  // A sentence of ALESCo's own process, quoted for another committee, says whose it is.
  const alesco = (quote: string): string => (charter === undefined || charter.committee === 'ALESCo' ? quote : `ALESCo's process, for comparison: ${quote}`);
  const add = (item: Omit<DueItem, 'overdue'>, overdue = item.due < today): void => {
    // The keys in the documented order: kind, due, overdue, subject, message, charter, file.
    if (item.due <= horizon || overdue)
      report.items.push({ kind: item.kind, due: item.due, overdue, subject: item.subject, message: item.message, charter: item.charter, file: item.file });
  };
  const serving = [...model.members.values()].filter((m) => m.serviceKnown && servesOn(m, today) === 'yes');

  // The chair's term: its election by from + term_months, whatever `to` says; the checker's grace after it.
  const term = chairTermOn(model, today);
  if (term) {
    const end = addMonths(term.from, charter.chair.termMonths);
    const grace = chairTermLatestEnd(term.from, charter.chair.termMonths);
    let run = 0;
    for (const t of [...model.chairTerms].sort((a, b) => (a.from < b.from ? 1 : -1))) {
      if (t.from > term.from) continue;
      if (t.member !== term.member) break;
      run++;
    }
    const again =
      run < charter.chair.maxConsecutiveTerms
        ? `${term.member} may stand again (${run} of ${charter.chair.maxConsecutiveTerms} consecutive terms)`
        : `${term.member} may not stand again: ${run} consecutive terms is the limit`;
    add({
      kind: 'chair-election',
      due: end,
      subject: term.member,
      message: `the chair term of ${term.member} from ${term.from} ends ${end} (${charter.chair.termMonths} months; ${when(end, today)}): elect the next chair by then, at the latest at the first meeting after it (the checker allows until ${grace}); ${again}`,
      charter: text('chair.term_months'),
      file: model.chairTermsFile,
    });
    // The check-in falls at that election: every member serving is asked whether they continue.
    if (charter.chair.checkIn) add({
      kind: 'check-in',
      due: end,
      subject: serving.map((m) => m.id).join(', '),
      message: `at the chair election due ${end}, ask each serving member whether they continue (${serving.map((m) => m.id).join(', ') || 'no one serves'}) and record each answer in their continuation`,
      charter: text('chair.term_months'),
      file: 'governance/members/',
    });
  } else {
    add(
      {
        kind: 'chair-election',
        due: today,
        subject: 'no chair',
        message: 'no chair is in office: elect one',
        charter: text('chair.term_months'),
        file: model.chairTermsFile,
      },
      model.chairTerms.length > 0,
    );
  }

  // This month's meetings (and the next months' within the window).
  for (let month = monthOf(today); lastDayOfIsoMonth(month) <= horizon || month === monthOf(today); month = monthOf(addDays(lastDayOfIsoMonth(month), 1))) {
    const held = [...model.meetings.values()].filter((m) => m.date && monthOf(m.date) === month).length;
    const needed = charter.meetings.minPerCalendarMonth;
    if (held >= needed) continue;
    const end = lastDayOfIsoMonth(month);
    add({
      kind: 'meeting',
      due: end,
      subject: month,
      message: `${held} of ${needed} meeting${needed === 1 ? '' : 's'} held in ${month}: hold ${needed - held === 1 ? 'one' : needed - held} by ${end} (${when(end, today)})`,
      charter: text('meetings.min_per_calendar_month'),
      file: 'governance/meetings/',
    });
  }

  // Disclosures that go stale within the window, by member.
  for (const m of serving) {
    let newest: string | undefined;
    for (const d of m.disclosures) if (!newest || d.date > newest) newest = d.date;
    const due = newest ? addMonths(newest, charter.disclosure.maxAgeMonths) : today;
    add(
      {
        kind: 'disclosure',
        due,
        subject: m.id,
        message: newest
          ? `${m.id}'s disclosure of ${newest} is current through ${due} (${when(due, today)}): review the employer and conflicts and add a dated disclosure`
          : `${m.id} serves but has no disclosure: add one (employer, conflicts)`,
        charter: text('disclosure.max_age_months'),
        file: m.file,
      },
      newest ? today > due : true,
    );
  }

  // RFCs in their final comment period: a decision vote at the next meeting.
  for (const r of model.rfcs) {
    if (r.status !== 'fcp' || !r.fcpSince) continue;
    const name = `RFC ${String(r.number).padStart(4, '0')}`;
    const end = addDays(r.fcpSince, 14);
    add({
      kind: 'fcp-end',
      due: end,
      subject: name,
      message: `${name}${r.title ? ` (${r.title})` : ''} entered its final comment period on ${r.fcpSince}; the standard review period of two weeks ends ${end} (${when(end, today)})`,
      charter: alesco('The standard review period is two weeks, but it can be extended if necessary (RFC process)'),
      file: r.file,
    });
    const meeting = firstMeetingAfter(model, r.fcpSince);
    const voted = [...model.votes.values()].some((v) => v.kind === 'rfc' && v.rfc === r.number && v.date && v.date >= r.fcpSince!);
    if (voted) continue;
    const board = r.boardInput?.required && !r.boardInput.received ? '; board input is required first and not received' : '';
    const due = meeting ?? end;
    add({
      kind: 'rfc-decision',
      due,
      subject: name,
      message: meeting
        ? `${name} was to be voted at the next meeting after its FCP began (${meeting}) and no vote on it is recorded${board}`
        : `${name} is in its final comment period: vote on it at the next meeting${board}`,
      charter: alesco('ALESCo announces an FCP... the "vote at next meeting" tag will be added (RFC process)'),
      file: r.file,
    });
  }

  // Membership in progress: candidates awaiting a vote, appointments awaiting confirmation.
  const membershipVotes = [...model.votes.values()].filter((v) => v.kind === 'membership' && v.subject && !isNullified(model, v));
  for (const m of model.members.values()) {
    if (!m.serviceKnown || m.service.length > 0) continue;
    if (membershipVotes.some((v) => v.subject === m.id)) continue;
    // A member whose service begins later was a candidate here only once nominated (as the later vote records).
    const later = full.members.get(m.id)?.service.length ?? 0;
    const nominated = [...full.votes.values()].some(
      (v) => v.kind === 'membership' && v.subject === m.id && ((v.nomination?.date ?? v.questionnaireCirculated ?? '9999') <= today),
    );
    if (later > 0 && !nominated) continue;
    const earliest = businessDaysAfter(today, charter.membership.reviewBusinessDays);
    add({
      kind: 'membership-vote',
      due: earliest,
      subject: m.id,
      message: `${m.id} stands for membership and no vote on them is recorded: circulate the questionnaire to the members; with it circulated today the earliest vote is ${earliest} (${charter.membership.reviewBusinessDays} business days)`,
      charter: text('membership.review_business_days'),
      file: m.file,
    });
  }
  for (const v of membershipVotes) {
    if (v.result !== 'passed' || !v.date) continue;
    const member = model.members.get(v.subject!);
    if (!member || member.service.some((p) => p.appointedBy === v.id)) continue;
    const meeting = firstMeetingAfter(model, v.date);
    add(
      {
        kind: 'confirmation',
        due: meeting ?? today,
        subject: v.subject!,
        message: meeting
          ? `${v.subject} was appointed by vote ${v.id} and confirms at the next meeting (${meeting}), but no service period from it is recorded`
          : `${v.subject} was appointed by vote ${v.id}: they confirm at the next meeting; record their service period from that meeting`,
        charter: alesco('The candidate confirms their membership at the next meeting (charter, Appointments)'),
        file: member.file,
      },
      meeting !== undefined,
    );
  }

  // The committee at or below the quorum minimum.
  const { n } = committeeSize(model, today);
  const needed = quorumFor(charter, n);
  if (needed >= n)
    add(
      {
        kind: 'quorum-minimum',
        due: today,
        subject: `${n} members`,
        message:
          needed > n
            ? `${n} members serve and a quorum is ${needed}: no vote can reach quorum until members are appointed`
            : `${n} members serve and a quorum is ${needed}: any absence makes a meeting inquorate`,
        charter: text('quorum.minimum'),
        file: 'governance/charter.yaml',
      },
      needed > n,
    );

  const noHandle = serving.filter((m) => !m.github && m.githubKnown !== false);
  if (noHandle.length)
    add(
      {
        kind: 'no-github',
        due: today,
        subject: noHandle.map((m) => m.id).join(', '),
        message: `${noHandle.map((m) => m.id).join(', ')} serve${noHandle.length === 1 ? 's' : ''} without a GitHub handle: they review no rule change (CODEOWNERS) and cannot confirm their ballots on a pull request`,
        charter: alesco('After the initial appointment, the membership of ALESCo will manage itself (charter, Appointments)'),
        file: noHandle[0]!.file,
      },
      false,
    );

  // The last meetings without quorum, so the pattern is seen.
  const inquorate = [...model.meetings.values()]
    .filter((m) => m.date && m.present && m.presentKnown)
    .map((m) => {
      const size = committeeSize(model, m.date!).n;
      const present = m.present!.filter((id) => servesOn(model.members.get(id), m.date!) === 'yes').length;
      return { m, size, present, needed: quorumFor(charter, size) };
    })
    .filter((x) => x.present < x.needed)
    .sort((a, b) => (a.m.date! < b.m.date! ? 1 : -1))
    .slice(0, 3);
  for (const x of inquorate) {
    const votes = [...model.votes.values()].filter((v) => v.meeting === x.m.id && analyzeVote(model, v).quorumMet === false).length;
    report.items.push({
      kind: 'inquorate-meeting',
      due: x.m.date!,
      overdue: false,
      subject: x.m.id,
      message: `the meeting of ${x.m.date} had ${x.present} of ${x.size} members present, ${x.needed} needed: no vote could be taken there${votes ? ` (${votes} recorded anyway)` : ''}`,
      charter: text('quorum.minimum'),
      file: x.m.file,
    });
  }

  // Overdue first, then by date; the past meetings without quorum last, as the pattern behind the rest.
  const rank = (i: DueItem): number => (i.overdue ? 0 : i.kind === 'inquorate-meeting' ? 2 : 1);
  report.items.sort((a, b) => rank(a) - rank(b) || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || DUE_KINDS.indexOf(a.kind) - DUE_KINDS.indexOf(b.kind));
  return report;
}

export function formatDueText(r: DueReport): string {
  const lines = [`What falls due${r.committee ? ` for ${r.committee}` : ''}, as of ${r.today} (the next ${r.within} days, and what is overdue)`, ''];
  if (r.items.length === 0) lines.push('Nothing falls due.');
  for (const i of r.items) lines.push(`${i.due} ${i.overdue ? 'OVERDUE ' : ''}${i.kind}: ${i.message}`);
  return `${lines.join('\n')}\n`;
}

/** The hidden first line by which the issue keeper finds its own issue. */
export const DUE_MARKER = '<!-- governance-due-report -->';

/** The report as the body of the "What falls due" issue: Markdown, every record text escaped. */
export function formatDueMarkdown(r: DueReport, escape: (text: string, max?: number) => string, commit?: string): string {
  const overdue = r.items.filter((i) => i.overdue);
  const coming = r.items.filter((i) => !i.overdue && i.kind !== 'inquorate-meeting');
  const pattern = r.items.filter((i) => i.kind === 'inquorate-meeting');
  const row = (i: DueItem): string =>
    `| ${i.due} | \`${i.kind}\` | ${escape(i.message, 600)} | ${escape(i.charter, 300)} | ${escape(i.file, 200)} |`;
  const table = (title: string, items: DueItem[]): string[] =>
    items.length ? ['', `### ${title}`, '', '| Due | What | | Charter | Record |', '|---|---|---|---|---|', ...items.map(row)] : [];
  const lines = [
    DUE_MARKER,
    `## What falls due${r.committee ? ` for ${escape(r.committee, 100)}` : ''}`,
    '',
    r.items.length === 0 || overdue.length + coming.length === 0
      ? `As of ${r.today}: nothing is overdue and nothing falls due in the next ${r.within} days.`
      : `As of ${r.today}: ${overdue.length} overdue, ${coming.length} due in the next ${r.within} days.`,
    ...table('Overdue', overdue),
    ...table(`Due in the next ${r.within} days`, coming),
    ...table('The last meetings without quorum', pattern),
    '',
    `<sub>Kept current from the records${commit ? ` at \`${escape(commit.slice(0, 12), 20)}\`` : ''} by the "What falls due" workflow; \`npm run due\` renders it.</sub>`,
  ];
  return `${lines.join('\n')}\n`;
}
