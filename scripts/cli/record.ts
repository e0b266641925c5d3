// `npm run record -- WHAT [flags]`: record a meeting, a vote, a member, a
// disclosure, a chair term, a check-in answer or an RFC's next step in one
// command. Every record is checked with the rules of `check` before it is
// written; one that would bring an error is refused and nothing is written.
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isIsoDate } from '../core/dates.ts';
import { visible } from '../core/escape.ts';
import { attest, type IgnoredBallot, type LiveVote } from '../core/attest.ts';
import { inProgress } from '../core/model.ts';
import type { Finding } from '../core/types.ts';
import { prComments } from '../shell/attest.ts';
import { GitHubError } from '../shell/github.ts';
import { githubFromEnv, prNumberOption } from '../shell/github-cli.ts';
import {
  describeOutcome,
  planChairTerm,
  planContinuation,
  planDisclosure,
  planMeeting,
  planBallots,
  planMember,
  planOpenVote,
  planRfcStatus,
  planVote,
  RecordError,
  type VoteInput,
  type Write,
} from '../core/record.ts';
import { formatRollCall, rollCall, RollCallError, VOTE_KINDS, type VoteKind } from '../core/roll-call.ts';
import { EditError } from '../core/yaml-edit.ts';
import { commitOnBranch, judge, openSession, writeAll, type Session } from '../shell/record-apply.ts';
import { localToday, runCli, UsageError } from '../shell/cli.ts';
import { interactiveArgs } from '../shell/record-prompts.ts';

const HELP = `Usage: npm run record -- WHAT [options]

Records one thing in governance/ and checks it with the rules of \`npm run check\`
before writing: a record that would bring an error is refused, nothing written.

  meeting      --date D --present a,b,c [--chaired-by ID] [--kind regular|special]
               [--board "Name"]... [--guests "Name"]... [--minutes URL]
  vote         (--meeting D | --async --closed D [--opened D] [--channel C])
               --kind rfc|decision|policy|membership|chair-election --motion TEXT
               --yes a,b --no c --abstain d        (or --ballot voter=value, repeated)
               [--rfc N] [--recused x] [--tie-break chair:yes | ID:yes[:designated-by]]
               [--subject ID --nominated-by ID --nomination-date D --questionnaire D]
               [--candidates id:nominator,...] [--slug S] [--notes TEXT]
               --async --closes D [--opened D] [--channel "PR #N"] --kind K --motion TEXT
               opens a vote on a pull request: members vote there with /vote
  ballots      --pr N [--vote ID]
               after a vote opened on PR N closes: writes each serving member's
               latest /vote (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL),
               closed, the result, and the PR as source
  roll-call    --meeting D [--kind K] [--candidates id:nominator,...] [--format text|json]
               the chair's script before a vote: who is present and eligible, the
               quorum, the votes needed, the tie rule
  member       --id ID [--name "Full Name"] [--github LOGIN]
               [--employer E --disclosure-date D [--conflict TEXT]...]
               [--from D --appointed-by VOTE|board] [--leave D --left resigned|stepped-down|removed|dissolved]
  disclosure   --member ID --date D --employer E [--conflict TEXT]...
  chair-term   --member ID --from D --elected-by VOTE [--handover-from ID]
               (closes the term in office the day before)
  continuation --member a,b --date D --continues yes|no
  rfc-status   --rfc N --to discussion|fcp|accepted|rejected|withdrawn|superseded [--date D]
               [--decision VOTE] [--superseded-by N]

Common options:
  --repo DIR            the repository (default: the current directory)
  --today YYYY-MM-DD    the date to judge "today" by (default: today's local date)
  --dry-run             print what would be written, write nothing
  --branch              create a git branch record/<what> and commit the record on it
  --branch-name NAME    the branch's name instead
  -h, --help            show this help

With no options on a terminal, it asks for what it needs.
Exit code: 0 written (or printed), 1 refused (the findings are printed), 2 usage error.
`;

const COMMON: ParseArgsConfig['options'] = {
  repo: { type: 'string', default: '.' },
  today: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  branch: { type: 'boolean', default: false },
  'branch-name': { type: 'string' },
  format: { type: 'string', default: 'text' },
};

const OPTIONS: Record<string, ParseArgsConfig['options']> = {
  meeting: {
    date: { type: 'string' },
    present: { type: 'string', multiple: true },
    'chaired-by': { type: 'string' },
    kind: { type: 'string' },
    board: { type: 'string', multiple: true },
    guests: { type: 'string', multiple: true },
    minutes: { type: 'string' },
  },
  vote: {
    meeting: { type: 'string' },
    async: { type: 'boolean', default: false },
    opened: { type: 'string' },
    closed: { type: 'string' },
    closes: { type: 'string' },
    channel: { type: 'string' },
    kind: { type: 'string' },
    motion: { type: 'string' },
    rfc: { type: 'string' },
    yes: { type: 'string', multiple: true },
    no: { type: 'string', multiple: true },
    abstain: { type: 'string', multiple: true },
    ballot: { type: 'string', multiple: true },
    recused: { type: 'string', multiple: true },
    'tie-break': { type: 'string' },
    subject: { type: 'string' },
    'nominated-by': { type: 'string' },
    'nomination-date': { type: 'string' },
    questionnaire: { type: 'string' },
    candidates: { type: 'string', multiple: true },
    slug: { type: 'string' },
    notes: { type: 'string' },
  },
  ballots: { pr: { type: 'string' }, vote: { type: 'string' } },
  'roll-call': { meeting: { type: 'string' }, kind: { type: 'string' }, candidates: { type: 'string', multiple: true } },
  member: {
    id: { type: 'string' },
    name: { type: 'string' },
    github: { type: 'string' },
    employer: { type: 'string' },
    'disclosure-date': { type: 'string' },
    conflict: { type: 'string', multiple: true },
    from: { type: 'string' },
    'appointed-by': { type: 'string' },
    leave: { type: 'string' },
    left: { type: 'string' },
  },
  disclosure: { member: { type: 'string' }, date: { type: 'string' }, employer: { type: 'string' }, conflict: { type: 'string', multiple: true } },
  'chair-term': { member: { type: 'string' }, from: { type: 'string' }, 'elected-by': { type: 'string' }, 'handover-from': { type: 'string' } },
  continuation: { member: { type: 'string', multiple: true }, date: { type: 'string' }, continues: { type: 'string' } },
  'rfc-status': {
    rfc: { type: 'string' },
    to: { type: 'string' },
    date: { type: 'string' },
    decision: { type: 'string' },
    'superseded-by': { type: 'string' },
  },
};

type Values = Record<string, string | boolean | string[] | undefined>;

/** `a,b` and repeated flags alike: `--present a,b --present c` is a, b, c. */
function list(v: unknown): string[] {
  const values = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  return values
    .flatMap((x: string) => x.split(','))
    .map((x) => x.trim())
    .filter((x) => x !== '');
}
/** Names (board members, guests) may hold commas: each flag is one name. */
const names = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).map((x: string) => x.trim()).filter((x) => x);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function need(values: Values, flag: string): string {
  const v = str(values[flag]);
  if (v === undefined || v.trim() === '') throw new UsageError(`--${flag} is needed`);
  return v;
}

function int(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,6}$/.test(value)) throw new UsageError(`--${flag} ${value}: expected a whole number`);
  return Number(value);
}

function candidates(values: Values): { member: string; nominatedBy: string; accepted: boolean }[] {
  return list(values.candidates).map((c) => {
    const [member = '', nominatedBy = ''] = c.split(':');
    if (!member || !nominatedBy) throw new UsageError(`--candidates ${c}: write each as id:nominator (who nominated them)`);
    return { member, nominatedBy, accepted: true };
  });
}

function voteInput(values: Values): VoteInput {
  const ballots: [string, string][] = [];
  for (const value of ['yes', 'no', 'abstain'] as const) for (const voter of list(values[value])) ballots.push([voter, value]);
  for (const b of list(values.ballot)) {
    const [voter = '', value = ''] = b.split('=');
    if (!voter || !value) throw new UsageError(`--ballot ${b}: write it as voter=value`);
    ballots.push([voter, value]);
  }
  const opening = values.async === true && str(values.closes) !== undefined;
  if (opening && str(values['tie-break']) !== undefined) throw new UsageError('a vote opened with --closes has no tie-break yet: a casting vote comes after it closes, on a tie');
  if (opening && ballots.length) throw new UsageError('a vote opened with --closes has no ballots yet: members vote on the pull request, and `record ballots --pr N` records them after it closes');
  if (!opening && ballots.length === 0) throw new UsageError('no ballots: give --yes, --no, --abstain or --ballot voter=value (or open a vote on a pull request with --async --closes D)');
  let tieBreak: VoteInput['tieBreak'];
  const tb = str(values['tie-break']);
  if (tb !== undefined) {
    const [by = '', vote = '', designatedBy] = tb.split(':');
    if (!by || !vote) throw new UsageError(`--tie-break ${tb}: write chair:yes, or ID:yes[:designated-by]`);
    tieBreak = { by, vote, ...(designatedBy ? { designatedBy } : {}) };
  }
  const nominatedBy = str(values['nominated-by']);
  const nominationDate = str(values['nomination-date']);
  const rfc = int(str(values.rfc), 'rfc');
  const input: VoteInput = {
    kind: need(values, 'kind'),
    motion: need(values, 'motion'),
    ballots,
    ...(rfc !== undefined ? { rfc } : {}),
    ...(str(values.subject) !== undefined ? { subject: str(values.subject)! } : {}),
    ...(nominatedBy !== undefined || nominationDate !== undefined ? { nomination: { by: nominatedBy ?? '', date: nominationDate ?? '' } } : {}),
    ...(str(values.questionnaire) !== undefined ? { questionnaireCirculated: str(values.questionnaire)! } : {}),
    ...(values.candidates !== undefined ? { candidates: candidates(values) } : {}),
    ...(values.recused !== undefined ? { recused: list(values.recused) } : {}),
    ...(tieBreak ? { tieBreak } : {}),
    ...(str(values.slug) !== undefined ? { slug: str(values.slug)! } : {}),
    ...(str(values.notes) !== undefined ? { notes: str(values.notes)! } : {}),
  };
  if (values.async) {
    if (str(values.closes) !== undefined && str(values.closed) !== undefined) throw new UsageError('--closed (a vote held) or --closes (a vote opened on a pull request), not both');
    input.async = {
      closed: str(values.closes) ?? need(values, 'closed'),
      ...(str(values.opened) !== undefined ? { opened: str(values.opened)! } : {}),
      ...(str(values.channel) !== undefined ? { channel: str(values.channel)! } : {}),
    };
    if (str(values.meeting) !== undefined) throw new UsageError('--meeting and --async: a vote is one or the other');
  } else input.meeting = need(values, 'meeting');
  return input;
}

const BRANCH = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,100}$/;

interface Plan {
  writes: Write[];
  /** What to print after the record is written (or for a dry run). */
  report: string;
  /** A name for the branch and the commit: `vote 2026-12-03-budget`. */
  name: string;
  commit: string;
  /** Errors the record is meant to bring (a vote opened on a PR is vote-open's error until its ballots are recorded). */
  allow?: (f: Finding) => boolean;
}

function plan(what: string, values: Values, session: Session, fetched?: Fetched): Plan | string {
  const { model } = session;
  const today = session.today;
  switch (what) {
    case 'ballots': {
      if (!fetched) throw new Error('ballots: the comments were not read');
      const { write, outcome } = planBallots(model, session.read, { vote: fetched.vote, live: fetched.live, prUrl: fetched.prUrl, utcToday: fetched.utcToday });
      const counts = outcome.tally ? `, ${outcome.tally.yes}-${outcome.tally.no}-${outcome.tally.abstain}` : '';
      const ignored = fetched.ignored.map((i) => `ignored: ${i.said} by @${i.login}: ${i.why}\n`).join('');
      return { writes: [write], report: `${describeOutcome(outcome)}${ignored}`, name: `ballots-${outcome.id}`, commit: `record(vote): ballots of ${outcome.id} from ${fetched.prUrl}, ${outcome.result}${counts}` };
    }
    case 'roll-call': {
      const kind = str(values.kind) ?? 'decision';
      if (!(VOTE_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind ${kind}: expected one of ${VOTE_KINDS.join(', ')}`);
      const call = rollCall(model, need(values, 'meeting'), kind as VoteKind, candidates(values).map((c) => c.member));
      return values.format === 'json' ? `${JSON.stringify(call, null, 2)}\n` : formatRollCall(call);
    }
    case 'meeting': {
      const kind = str(values.kind);
      if (kind !== undefined && kind !== 'regular' && kind !== 'special') throw new UsageError(`--kind ${kind}: regular or special`);
      const write = planMeeting(model, {
        date: need(values, 'date'),
        present: list(values.present),
        ...(kind ? { kind } : {}),
        ...(str(values['chaired-by']) !== undefined ? { chairedBy: str(values['chaired-by'])! } : {}),
        board: names(values.board),
        guests: names(values.guests),
        ...(str(values.minutes) !== undefined ? { minutes: str(values.minutes)! } : {}),
      });
      const id = write.path.slice('governance/meetings/'.length, -'.yaml'.length);
      return { writes: [write], report: '', name: `meeting-${id}`, commit: `record(meeting): ${id}, ${list(values.present).length} members present` };
    }
    case 'vote': {
      if (values.async === true && str(values.closes) !== undefined) {
        const input = voteInput(values);
        const write = planOpenVote(model, {
          ...input,
          channel: str(values.channel) ?? 'pull request',
          opened: str(values.opened) ?? today,
          closes: need(values, 'closes'),
        });
        const id = write.path.slice('governance/votes/'.length, -'.yaml'.length);
        const report = `Vote ${id} opens on the pull request: members vote with a comment line \`/vote yes\` (no, abstain${input.kind === 'chair-election' ? ', or a candidate\'s id' : ''}) until the end of ${need(values, 'closes')} (UTC); then \`npm run record -- ballots --pr N\` records the ballots and the result.\n`;
        return { writes: [write], report, name: id, commit: `record(vote): open ${id} until ${need(values, 'closes')}`, allow: (f) => f.rule === 'vote-open' && f.file === write.path };
      }
      const { write, outcome } = planVote(model, voteInput(values));
      const counts = outcome.tally ? `, ${outcome.tally.yes}-${outcome.tally.no}-${outcome.tally.abstain}` : '';
      return { writes: [write], report: describeOutcome(outcome), name: outcome.id, commit: `record(vote): ${outcome.id}, ${outcome.result}${counts}` };
    }
    case 'member': {
      const employer = str(values.employer);
      const write = planMember(model, session.read, {
        id: need(values, 'id'),
        ...(str(values.name) !== undefined ? { name: str(values.name)! } : {}),
        ...(str(values.github) !== undefined ? { github: str(values.github)! } : {}),
        ...(employer !== undefined ? { disclosure: { date: str(values['disclosure-date']) ?? today, employer, conflicts: names(values.conflict) } } : {}),
        ...(str(values.from) !== undefined ? { service: { from: str(values.from)!, appointedBy: need(values, 'appointed-by') } } : {}),
        ...(str(values.leave) !== undefined ? { leave: { to: str(values.leave)!, left: str(values.left) ?? 'resigned' } } : {}),
      });
      const id = need(values, 'id');
      return { writes: [write], report: '', name: `member-${id}`, commit: `record(member): ${id}` };
    }
    case 'disclosure': {
      const member = need(values, 'member');
      const write = planDisclosure(model, session.read, { member, date: str(values.date) ?? today, employer: need(values, 'employer'), conflicts: names(values.conflict) });
      return { writes: [write], report: '', name: `disclosure-${member}`, commit: `record(disclosure): ${member}, ${str(values.date) ?? today}` };
    }
    case 'chair-term': {
      const member = need(values, 'member');
      const write = planChairTerm(model, session.read, {
        member,
        from: need(values, 'from'),
        electedBy: need(values, 'elected-by'),
        ...(str(values['handover-from']) !== undefined ? { handoverFrom: str(values['handover-from'])! } : {}),
      });
      return { writes: [write], report: '', name: `chair-${member}`, commit: `record(chair): ${member} from ${need(values, 'from')}` };
    }
    case 'continuation': {
      const continues = str(values.continues);
      if (continues !== 'yes' && continues !== 'no' && continues !== 'true' && continues !== 'false')
        throw new UsageError('--continues yes or no');
      const date = need(values, 'date');
      const members = list(values.member);
      if (members.length === 0) throw new UsageError('--member is needed (a,b for several)');
      const writes = members.map((member) => planContinuation(model, session.read, { member, date, continues: continues === 'yes' || continues === 'true' }));
      return { writes, report: '', name: `check-in-${date}`, commit: `record(check-in): ${members.join(', ')} on ${date}` };
    }
    case 'rfc-status': {
      const rfc = int(need(values, 'rfc'), 'rfc')!;
      const to = need(values, 'to');
      const supersededBy = int(str(values['superseded-by']), 'superseded-by');
      const write = planRfcStatus(model, session.read, {
        rfc,
        to,
        date: str(values.date) ?? today,
        ...(str(values.decision) !== undefined ? { decision: str(values.decision)! } : {}),
        ...(supersededBy !== undefined ? { supersededBy } : {}),
      });
      return { writes: [write], report: '', name: `rfc-${String(rfc).padStart(4, '0')}-${to}`, commit: `record(rfc): RFC ${String(rfc).padStart(4, '0')} to ${to}` };
    }
    default:
      throw new UsageError(`record what? "${what}" is not one of: meeting, vote, ballots, roll-call, member, disclosure, chair-term, continuation, rfc-status`);
  }
}

const line = (f: { file: string; line: number; column: number; severity: string; rule: string; message: string }): string =>
  `${visible(f.file)}:${f.line}:${f.column} ${f.severity} ${f.rule} ${visible(f.message)}`;

interface Fetched {
  vote: string;
  live: LiveVote;
  ignored: IgnoredBallot[];
  prUrl: string;
  /** The UTC date now (--today when given: tests and dry runs): a vote closes at the end of its day in UTC. */
  utcToday: string;
}

/**
 * `record ballots`: the vote in progress (--vote, or the only one), and its
 * ballots from the PR's comments through the GitHub API. Handles come from
 * the records as they are here; the attestation check judges them again
 * against the base branch on the PR.
 */
async function fetchBallots(values: Values, session: Session): Promise<Fetched> {
  const pr = prNumberOption({ pr: str(values.pr) }, false);
  const open = [...session.model.votes.values()].filter(inProgress);
  const wanted = str(values.vote);
  const vote = wanted !== undefined ? open.find((v) => v.id === wanted) : open.length === 1 ? open[0] : undefined;
  if (!vote)
    throw new RecordError(
      open.length === 0
        ? 'no vote is in progress here (a vote file with async.closes and no closed)'
        : wanted !== undefined
          ? `vote ${wanted} is not in progress here (in progress: ${open.map((v) => v.id).join(', ')})`
          : `${open.length} votes are in progress: name one with --vote (${open.map((v) => v.id).join(', ')})`,
    );
  const repository = process.env.GITHUB_REPOSITORY ?? '';
  const gh = githubFromEnv('record');
  const comments = await prComments(gh, pr);
  // Every vote in progress, so a ballot naming another one is not taken for this one.
  const result = attest(session.model, open, comments, []);
  const live = result.live?.find((l) => l.id === vote.id);
  if (!live) throw new Error(`no tally for ${vote.id}`);
  const server = (process.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const utcToday = str(values.today) ?? new Date().toISOString().slice(0, 10);
  return { vote: vote.id, live, ignored: result.ignored, prUrl: `${server}/${repository}/pull/${pr}`, utcToday };
}

runCli(HELP, async (argv) => {
  const [what, ...rest] = argv;
  if (!what || what.startsWith('-')) throw new UsageError('say what to record: meeting, vote, ballots, roll-call, member, disclosure, chair-term, continuation or rfc-status');
  const own = OPTIONS[what];
  if (!own) throw new UsageError(`record what? "${what}" is not one of: ${Object.keys(OPTIONS).join(', ')}`);
  // No options on a terminal: ask for them.
  const args = rest.length === 0 && process.stdin.isTTY && process.stdout.isTTY ? await interactiveArgs(what) : rest;
  const { values } = parseArgs({ args, options: { ...COMMON, ...own }, strict: true, allowPositionals: false });
  const today = str(values.today) ?? localToday();
  if (!isIsoDate(today)) throw new UsageError(`--today ${today}: expected a real date written YYYY-MM-DD`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format ${String(values.format)}: text or json`);
  const branchName = str(values['branch-name']);
  if (branchName !== undefined && !BRANCH.test(branchName)) throw new UsageError(`--branch-name ${branchName}: letters, digits, ".", "_", "/" and "-"`);

  const session = openSession(resolve(str(values.repo) ?? '.'), today);
  let planned: Plan | string;
  try {
    const fetched = what === 'ballots' ? await fetchBallots(values as Values, session) : undefined;
    planned = plan(what, values as Values, session, fetched);
  } catch (error) {
    if (error instanceof RecordError || error instanceof RollCallError || error instanceof EditError || error instanceof GitHubError) {
      process.stderr.write(`record: ${error.message}; nothing written\n`);
      return 1;
    }
    throw error;
  }
  if (typeof planned === 'string') {
    process.stdout.write(planned);
    return 0;
  }

  const verdict = judge(session, planned.writes, planned.allow);
  if (!verdict.ok) {
    process.stderr.write(`record: refused, nothing written: the record would bring ${verdict.newErrors.length === 1 ? 'an error' : `${verdict.newErrors.length} errors`} that \`check\` reports:\n`);
    for (const f of verdict.newErrors) process.stderr.write(`  ${line(f)}\n`);
    if (planned.report) process.stderr.write(`\n${planned.report}`);
    return 1;
  }
  if (values['dry-run']) {
    for (const w of planned.writes) process.stdout.write(`--- ${w.path} (${w.before === undefined ? 'new' : 'edited'}; dry run, not written)\n${w.text}`);
  } else {
    writeAll(session, planned.writes);
    for (const w of planned.writes) process.stdout.write(`${w.before === undefined ? 'wrote' : 'updated'} ${w.path}\n`);
  }
  if (planned.report) process.stdout.write(`\n${planned.report}`);
  for (const f of verdict.newWarnings) process.stdout.write(`note: ${line(f)}\n`);
  if (!values['dry-run'] && (values.branch || branchName !== undefined)) {
    const branch = branchName ?? `record/${planned.name}`;
    const { sha, paths } = await commitOnBranch(session.repo, branch, planned.writes.map((w) => w.path), planned.commit);
    const others = paths.filter((p) => !planned.writes.some((w) => w.path === p));
    process.stdout.write(
      `\ncommitted on branch ${branch} (${sha.slice(0, 12)}): "${planned.commit}"` +
        `${others.length ? `\nwith the record files not committed before: ${others.map(visible).join(', ')}` : ''}` +
        `\npush it and open a pull request: git push -u origin ${branch}\n`,
    );
  }
  return 0;
});
