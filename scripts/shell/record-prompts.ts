// `npm run record -- WHAT` with no options on a terminal: ask for what the
// record needs, offering the serving members, the meetings and the votes to
// pick from, and ask each member present for their ballot in roll-call
// order, as the chair does. The answers become the same options a person
// would type, so they go through the same checks.
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { servingOn } from '../core/committee.ts';
import { isIsoDate } from '../core/dates.ts';
import { inProgress, type Model } from '../core/model.ts';
import { rollCall, VOTE_KINDS, type VoteKind } from '../core/roll-call.ts';
import { localToday } from './cli.ts';
import { openSession } from './record-apply.ts';

export interface Choice {
  name: string;
  value: string;
}

/** The questions the flows ask; @inquirer/prompts in a terminal, a script in tests. */
export interface Prompter {
  text(message: string, options?: { default?: string; required?: boolean; validate?: (v: string) => string | true }): Promise<string>;
  select(message: string, choices: readonly Choice[]): Promise<string>;
  checkbox(message: string, choices: readonly (Choice & { checked?: boolean })[]): Promise<string[]>;
  confirm(message: string, initial?: boolean): Promise<boolean>;
}

export const terminalPrompter: Prompter = {
  text: (message, o = {}) =>
    input({
      message,
      ...(o.default !== undefined ? { default: o.default } : {}),
      ...(o.required ? { required: true } : {}),
      ...(o.validate ? { validate: o.validate } : {}),
    }),
  select: (message, choices) => select({ message, choices: [...choices] }),
  checkbox: (message, choices) => checkbox({ message, choices: [...choices] }),
  confirm: (message, initial = true) => confirm({ message, default: initial }),
};

const dateCheck = (v: string): string | true => (isIsoDate(v) ? true : 'a real date written YYYY-MM-DD');

function memberChoices(model: Model, ids: readonly string[]): Choice[] {
  return ids.map((id) => {
    const name = model.members.get(id)?.name;
    return { name: name ? `${id} (${name})` : id, value: id };
  });
}

const flag = (name: string, value: string | undefined): string[] => (value === undefined || value === '' ? [] : [`--${name}`, value]);
const flags = (name: string, values: readonly string[]): string[] => values.flatMap((v) => [`--${name}`, v]);

/** The options for `record WHAT`, asked one question at a time. */
export async function askFor(what: string, model: Model, today: string, ask: Prompter): Promise<string[]> {
  switch (what) {
    case 'meeting': {
      const date = await ask.text('Date of the meeting', { default: today, validate: dateCheck });
      const kind = await ask.select('Kind', [
        { name: 'regular', value: 'regular' },
        { name: 'special', value: 'special' },
      ]);
      const present = await ask.checkbox(`Members present (serving on ${date})`, memberChoices(model, servingOn(model, date)));
      const chair = present.length
        ? await ask.select('Who chaired it?', [{ name: '(not recorded)', value: '' }, ...memberChoices(model, present)])
        : '';
      const board = await ask.text('Board members who attended (comma-separated names, empty for none)', { default: '' });
      const guests = await ask.text('Guests (comma-separated names, empty for none)', { default: '' });
      const minutes = await ask.text('Link to the minutes (empty for none)', { default: '' });
      const split = (s: string): string[] => s.split(',').map((x) => x.trim()).filter((x) => x);
      return [
        '--date', date,
        '--kind', kind,
        '--present', present.join(','),
        ...flag('chaired-by', chair),
        ...flags('board', split(board)),
        ...flags('guests', split(guests)),
        ...flag('minutes', minutes),
      ];
    }
    case 'vote':
    case 'roll-call': {
      const meetings = [...model.meetings.values()]
        .filter((m) => m.date && m.present)
        .sort((a, b) => (a.id < b.id ? 1 : -1))
        .slice(0, 12);
      const asyncVote = what === 'vote' && (await ask.select('Where was it voted?', [
        { name: 'at a meeting', value: 'meeting' },
        { name: 'asynchronously', value: 'async' },
      ])) === 'async';
      const kind = (await ask.select('Kind of vote', VOTE_KINDS.map((k) => ({ name: k, value: k })))) as VoteKind;
      let meeting: string | undefined;
      let closed: string | undefined;
      let opened: string | undefined;
      if (!asyncVote) {
        if (meetings.length === 0) throw new Error('no meeting with a present list is recorded: record the meeting first');
        meeting = await ask.select('Meeting', meetings.map((m) => ({ name: m.id, value: m.id })));
      } else {
        opened = await ask.text('Opened on', { default: today, validate: dateCheck });
        closed = await ask.text('Closed on', { default: today, validate: dateCheck });
      }
      const date = meeting !== undefined ? (model.meetings.get(meeting)?.date ?? today) : (closed ?? today);
      let candidates: string[] = [];
      if (kind === 'chair-election') {
        const chosen = await ask.checkbox('Candidates (each nominated and accepting)', memberChoices(model, servingOn(model, date)));
        for (const c of chosen) {
          const by = await ask.select(`Who nominated ${c}?`, memberChoices(model, servingOn(model, date)));
          candidates.push(`${c}:${by}`);
        }
      }
      if (what === 'roll-call') return ['--meeting', meeting ?? '', '--kind', kind, ...flags('candidates', candidates)];
      const motion = await ask.text('The motion, as put to the vote', { required: true });
      const extra: string[] = [];
      if (kind === 'rfc') {
        const open = model.rfcs.filter((r) => r.status === 'fcp' || r.status === 'discussion');
        const rfc = open.length
          ? await ask.select('RFC', open.map((r) => ({ name: `RFC ${String(r.number).padStart(4, '0')}${r.title ? `: ${r.title}` : ''} (${r.status})`, value: String(r.number) })))
          : await ask.text('RFC number', { validate: (v) => (/^\d+$/.test(v) ? true : 'a number') });
        extra.push('--rfc', rfc);
      }
      if (kind === 'membership') {
        const subject = await ask.text('Candidate (member id; their member file must exist)', { required: true });
        const by = await ask.select('Nominated by', memberChoices(model, servingOn(model, date)));
        const nominated = await ask.text('Nominated on', { validate: dateCheck });
        const questionnaire = await ask.text('Questionnaire circulated on', { validate: dateCheck });
        extra.push('--subject', subject, '--nominated-by', by, '--nomination-date', nominated, '--questionnaire', questionnaire);
      }
      // The ballots, member by member, in the order the chair calls them.
      const voters = meeting !== undefined ? rollCall(model, meeting, kind).eligible.map((e) => e.id) : [...servingOn(model, date)];
      const options: Choice[] =
        kind === 'chair-election'
          ? [...candidates.map((c) => ({ name: c.split(':')[0] ?? c, value: c.split(':')[0] ?? c })), { name: 'abstain', value: 'abstain' }]
          : [{ name: 'yes', value: 'yes' }, { name: 'no', value: 'no' }, { name: 'abstain', value: 'abstain' }];
      const ballots: string[] = [];
      let yes = 0;
      let no = 0;
      for (const voter of voters) {
        const value = await ask.select(`${voter}:`, asyncVote ? [...options, { name: '(did not vote)', value: '' }] : options);
        if (value === '') continue;
        ballots.push(`${voter}=${value}`);
        if (value === 'yes') yes++;
        if (value === 'no') no++;
      }
      if (kind !== 'chair-election' && kind !== 'membership' && yes === no && yes > 0 && model.charter?.tieBreak === 'chair') {
        const vote = await ask.select(`A tie, ${yes} to ${no}: the chair's deciding vote`, [
          { name: 'yes', value: 'yes' },
          { name: 'no', value: 'no' },
        ]);
        extra.push('--tie-break', `chair:${vote}`);
      }
      return [
        ...(meeting !== undefined ? ['--meeting', meeting] : ['--async', '--closed', closed ?? today, ...flag('opened', opened)]),
        '--kind', kind,
        '--motion', motion,
        ...flags('candidates', candidates),
        ...flags('ballot', ballots),
        ...extra,
      ];
    }
    case 'ballots': {
      const open = [...model.votes.values()].filter(inProgress).map((v) => ({ name: `${v.id} (closes ${v.async?.closes ?? '?'})`, value: v.id }));
      const vote = open.length > 1 ? await ask.select('Which vote in progress', open) : open[0]?.value;
      const pr = await ask.text('The pull request the vote is held on (its number)', { required: true, validate: (v) => (/^[1-9][0-9]{0,9}$/.test(v) ? true : 'a pull request number') });
      return ['--pr', pr, ...flag('vote', vote)];
    }
    case 'disclosure': {
      const member = await ask.select('Member', memberChoices(model, servingOn(model, today)));
      const date = await ask.text('Date of the disclosure', { default: today, validate: dateCheck });
      const employer = await ask.text('Employer ("none" or "self-employed" are valid)', { required: true });
      const conflicts = await ask.text('Conflicts of interest (separate several with ";", empty for none)', { default: '' });
      return ['--member', member, '--date', date, '--employer', employer, ...flags('conflict', conflicts.split(';').map((c) => c.trim()).filter((c) => c))];
    }
    case 'continuation': {
      const date = await ask.text('Date of the check-in (the chair election)', { default: today, validate: dateCheck });
      const members = await ask.checkbox('Members answering', memberChoices(model, servingOn(model, date)).map((c) => ({ ...c, checked: true })));
      const continues = await ask.confirm('Do they continue serving?', true);
      return ['--date', date, '--member', members.join(','), '--continues', continues ? 'yes' : 'no'];
    }
    case 'chair-term': {
      const elections = [...model.votes.values()].filter((v) => v.kind === 'chair-election' && v.result?.startsWith('elected:'));
      const vote = await ask.select('The election', elections.map((v) => ({ name: `${v.id} (${v.result ?? ''})`, value: v.id })));
      const elected = model.votes.get(vote)?.result?.slice('elected:'.length) ?? '';
      const from = await ask.text('First day of the term', { default: model.votes.get(vote)?.date ?? today, validate: dateCheck });
      return ['--member', elected, '--from', from, '--elected-by', vote];
    }
    case 'member': {
      const id = await ask.text('Member id (lowercase, normally the GitHub login)', { required: true });
      const name = await ask.text('Full name', { default: model.members.get(id)?.name ?? '' });
      const github = await ask.text('GitHub login (empty if none)', { default: model.members.get(id)?.github ?? '' });
      const employer = await ask.text('Employer, for the disclosure (empty to skip)', { default: '' });
      return ['--id', id, ...flag('name', name), ...flag('github', github), ...flag('employer', employer)];
    }
    case 'rfc-status': {
      const rfc = await ask.select('RFC', model.rfcs.filter((r) => r.number > 0).map((r) => ({ name: `RFC ${String(r.number).padStart(4, '0')} (${r.status ?? '?'})`, value: String(r.number) })));
      const to = await ask.select('Move it to', ['discussion', 'fcp', 'accepted', 'rejected', 'withdrawn', 'superseded'].map((s) => ({ name: s, value: s })));
      const date = await ask.text('On', { default: today, validate: dateCheck });
      const extra: string[] = [];
      if (to === 'accepted' || to === 'rejected') {
        const votes = [...model.votes.values()].filter((v) => v.kind === 'rfc' && v.rfc === Number(rfc));
        extra.push('--decision', await ask.select('The vote that decided it', votes.map((v) => ({ name: `${v.id} (${v.result ?? ''})`, value: v.id }))));
      }
      return ['--rfc', rfc, '--to', to, '--date', date, ...extra];
    }
    default:
      return [];
  }
}

/** Ask in the terminal, for the repository in the current directory. */
export async function interactiveArgs(what: string): Promise<string[]> {
  const today = localToday();
  const session = openSession('.', today);
  return askFor(what, session.model, today, terminalPrompter);
}
