// What `init` writes for a new committee, planned without touching the disk:
// governance/charter.yaml (each number with a charter sentence beside it, to
// be replaced by the charter's own words), a member file per first member,
// an empty chair-terms.yaml, the caller workflows (from the package's
// templates, pinned to the tool's release), CODEOWNERS, Dependabot, a
// .gitignore and a README for the committee. The shell checks the result
// with the rules of `check` before anything is written.
import { renderCodeowners } from './codeowners.ts';
import { fractionAsRatio } from './committee.ts';
import { isIsoDate } from './dates.ts';
import { renderRecord } from './record.ts';
import { escapeText } from './report.ts';
import { assertParsesTo, renderValue } from './yaml-edit.ts';

/** A mistake in the answers: said in one line, nothing written. */
export class InitError extends Error {}

export interface InitMember {
  id: string;
  name: string;
  github?: string;
  /** The employer for the first disclosure (`none` and `self-employed` are valid). */
  employer: string;
}

export interface InitAnswers {
  committee: string;
  /** The board's appointment of the first members: their service starts then. */
  boardAppointment: string;
  /** From this day on the repository is the record (default: today). */
  recordsSince: string;
  quorum: { fraction: number; plus: number; minimum: number };
  tieBreak: 'chair' | 'none';
  chair: { termMonths: number; maxConsecutiveTerms: number; checkIn: boolean };
  meetingsPerMonth: number;
  disclosureMonths: number;
  membership: { reviewBusinessDays: number; selfNomination: boolean; majorityOf: 'members' | 'votes-cast' };
  /** Where the charter is published: the charter's top-level `source`. */
  charterUrl?: string;
  members: InitMember[];
}

/** The charter numbers `init` proposes when not told otherwise (ALESCo's shape, without its check-in). */
export const DEFAULTS = {
  quorum: { fraction: 0.5, plus: 1, minimum: 1 },
  tieBreak: 'chair',
  chair: { termMonths: 12, maxConsecutiveTerms: 2, checkIn: false },
  meetingsPerMonth: 1,
  disclosureMonths: 12,
  membership: { reviewBusinessDays: 5, selfNomination: false, majorityOf: 'members' },
} as const satisfies Omit<InitAnswers, 'committee' | 'boardAppointment' | 'recordsSince' | 'members' | 'charterUrl'>;

/** The release of the tool that judges: its reusable workflows are pinned to `commit` when known, else to the tag `v<version>`. */
export interface ToolRelease {
  name: string;
  version: string;
  commit?: string;
}

export interface InitFile {
  path: string;
  text: string;
  /** `refuse`: an existing file stops init (nothing written); `keep`: an existing file is left as it is. */
  ifExists: 'refuse' | 'keep';
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const GITHUB = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A fraction written as a decimal (`0.5`) or a ratio (`2/3`), more than 0 and at most 1. */
export function parseFraction(text: string): number | undefined {
  const ratio = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(text);
  const value = ratio ? Number(ratio[1]) / Number(ratio[2]) : /^\s*(?:0|1)?(?:\.\d{1,16})?\s*$/.test(text) && /\d/.test(text) ? Number(text) : NaN;
  return Number.isFinite(value) && value > 0 && value <= 1 ? value : undefined;
}

function plainText(value: string, what: string, max: number): string {
  const text = value.trim();
  if (text === '') throw new InitError(`${what} is empty`);
  if (CONTROL.test(text)) throw new InitError(`${what} holds a control character or a line break`);
  if ([...text].length > max) throw new InitError(`${what} is longer than ${max} characters`);
  return text;
}

function wholeNumber(value: number, what: string, min: number, max = 1000): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new InitError(`${what} ${value}: a whole number from ${min} to ${max}`);
}

/** The answers checked one by one, each fault in words; the repository is then checked as a whole by the shell. */
export function validateAnswers(a: InitAnswers, today: string): InitAnswers {
  const committee = plainText(a.committee, 'the committee\'s name', 100);
  for (const [what, date] of [
    ['the board appointment', a.boardAppointment],
    ['records_since', a.recordsSince],
  ] as const)
    if (!isIsoDate(date)) throw new InitError(`${what} ${date}: expected a real date written YYYY-MM-DD`);
  if (a.boardAppointment > today) throw new InitError(`the board appointment ${a.boardAppointment} is after today (${today}): records are of what happened`);
  if (!(a.quorum.fraction > 0 && a.quorum.fraction <= 1)) throw new InitError(`quorum fraction ${a.quorum.fraction}: more than 0 and at most 1 (0.5 for half, 2/3 for two thirds)`);
  wholeNumber(a.quorum.plus, 'quorum plus', 0);
  wholeNumber(a.quorum.minimum, 'quorum minimum', 1);
  wholeNumber(a.chair.termMonths, 'chair term months', 1, 120);
  wholeNumber(a.chair.maxConsecutiveTerms, 'consecutive chair terms', 1);
  wholeNumber(a.meetingsPerMonth, 'meetings per month', 0, 31);
  wholeNumber(a.disclosureMonths, 'disclosure age in months', 1, 120);
  wholeNumber(a.membership.reviewBusinessDays, 'review business days', 0, 365);
  if (a.charterUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(a.charterUrl)) throw new InitError(`charter URL ${a.charterUrl}: expected an http(s) URL`);
  if (a.members.length === 0) throw new InitError('no members: name the first members (id:Full Name:github:Employer)');
  const ids = new Set<string>();
  const handles = new Set<string>();
  const members = a.members.map((m) => {
    if (!SLUG.test(m.id)) throw new InitError(`member id "${m.id}": lowercase letters, digits and hyphens, not starting with a hyphen (normally the GitHub login)`);
    if (ids.has(m.id)) throw new InitError(`member id "${m.id}" is given twice`);
    ids.add(m.id);
    const name = plainText(m.name, `the name of ${m.id}`, 200);
    if (m.github !== undefined) {
      if (!GITHUB.test(m.github)) throw new InitError(`GitHub login "${m.github}" of ${m.id}: 1 to 39 letters, digits or hyphens, not starting with a hyphen`);
      if (handles.has(m.github.toLowerCase())) throw new InitError(`GitHub login "${m.github}" is given twice`);
      handles.add(m.github.toLowerCase());
    }
    if (m.employer.trim() === '')
      throw new InitError(`${m.id} has no employer for their disclosure: the charter rules ask every member to disclose it ("none" and "self-employed" are valid)`);
    const employer = plainText(m.employer, `the employer of ${m.id}`, 200);
    return { id: m.id, name, employer, ...(m.github !== undefined ? { github: m.github } : {}) };
  });
  return { ...a, committee, members };
}

// ---------------------------------------------------------------------------
// charter.yaml

const percent = (fraction: number): string => {
  const { num, den } = fractionAsRatio(fraction);
  if (num === 1 && den === 2) return 'half';
  if (num === 2 && den === 3) return 'two thirds';
  return 100 % den === 0 ? `${(num * 100) / den}%` : `${num}/${den}`;
};
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * The sentence beside each number: what the number means, in words, until
 * the committee replaces it with its charter's own sentence (`explain
 * --repo` and `due` quote whatever stands there).
 */
export function charterSentences(a: InitAnswers): Record<string, string> {
  const q = a.quorum;
  const quorum = `quorum is ${percent(q.fraction)} of the members serving${q.plus ? ` plus ${q.plus}` : ''}${q.minimum > 1 ? `, never fewer than ${q.minimum}` : ''}`;
  return {
    board_appointment: 'the board appointed the first members on this day',
    records_since: 'from this day on, this repository is the record; earlier events are imported history',
    'quorum.fraction': quorum,
    'quorum.plus': quorum,
    'quorum.minimum': q.minimum > 1 ? `a quorum is never fewer than ${q.minimum} members` : 'no minimum quorum beyond the fraction',
    majority: 'decisions are made by a majority of the votes cast; abstentions are not votes cast',
    tie_break: a.tieBreak === 'chair' ? 'on a tie, the chair (or a member the chair designates) has the deciding vote' : 'a tie is not decided: the motion does not pass',
    'chair.term_months': `the chair is elected for a term of ${plural(a.chair.termMonths, 'month')}`,
    'chair.max_consecutive_terms': `no one serves more than ${plural(a.chair.maxConsecutiveTerms, 'consecutive term')} as chair`,
    'chair.check_in': a.chair.checkIn
      ? 'at each chair election, every member is asked whether they continue serving'
      : 'no check-in at chair elections (true: every member is asked whether they continue serving)',
    'meetings.min_per_calendar_month': a.meetingsPerMonth > 0 ? `the committee meets at least ${a.meetingsPerMonth === 1 ? 'once' : `${a.meetingsPerMonth} times`} a calendar month` : 'no meeting cadence is set',
    'membership.review_business_days': `members receive a candidate's questionnaire at least ${plural(a.membership.reviewBusinessDays, 'business day')} before the vote`,
    'membership.self_nomination': a.membership.selfNomination ? 'a candidate may nominate themself' : 'a candidate is nominated by a serving member, not by themself',
    'membership.majority_of':
      a.membership.majorityOf === 'members' ? 'a new member needs the yes votes of more than half of all serving members' : 'a new member needs more yes than no votes, like any motion',
    'disclosure.max_age_months': `members disclose their employer and conflicts of interest, and renew it at least every ${plural(a.disclosureMonths, 'month')}`,
  };
}

/** `key: value   # sentence`, the comment at column 38 as in ALESCo's charter. */
function line(indent: string, key: string, value: string, comment: string): string {
  const head = `${indent}${key}: ${value}`;
  return `${head.padEnd(36)} # ${comment}`;
}

export function renderCharter(a: InitAnswers): string {
  const s = charterSentences(a);
  const say = (path: string): string => s[path] ?? '';
  const num = (n: number): string => renderValue(n, 'flow');
  // One line whatever the text holds: a JSON string is a YAML double-quoted scalar.
  const str = (t: string): string => (CONTROL.test(t) ? JSON.stringify(t) : renderValue(t, 'flow'));
  const lines = [
    `# The charter of ${a.committee.replace(new RegExp(CONTROL.source, 'g'), ' ')}: the numbers the checker enforces.`,
    '# Beside each number stands what it means; replace it with the sentence of the charter it',
    '# comes from, in a comment on the same line (or in the block\'s `source:`): `explain --repo .`',
    '# and `due` quote it. Every key is described in the package\'s schemas/charter.schema.json.',
    `committee: ${str(a.committee)}`,
    line('', 'board_appointment', a.boardAppointment, say('board_appointment')),
    line('', 'records_since', a.recordsSince, say('records_since')),
    ...(a.charterUrl !== undefined ? [`source: ${str(a.charterUrl)}`] : []),
    'quorum:',
    line('  ', 'fraction', num(a.quorum.fraction), say('quorum.fraction')),
    line('  ', 'plus', num(a.quorum.plus), say('quorum.plus')),
    line('  ', 'minimum', num(a.quorum.minimum), say('quorum.minimum')),
    line('', 'majority', 'more-than-half-of-votes-cast', say('majority')),
    line('', 'tie_break', a.tieBreak, say('tie_break')),
    'chair:',
    line('  ', 'term_months', num(a.chair.termMonths), say('chair.term_months')),
    line('  ', 'max_consecutive_terms', num(a.chair.maxConsecutiveTerms), say('chair.max_consecutive_terms')),
    line('  ', 'check_in', String(a.chair.checkIn), say('chair.check_in')),
    'meetings:',
    line('  ', 'min_per_calendar_month', num(a.meetingsPerMonth), say('meetings.min_per_calendar_month')),
    'membership:',
    line('  ', 'review_business_days', num(a.membership.reviewBusinessDays), say('membership.review_business_days')),
    line('  ', 'self_nomination', String(a.membership.selfNomination), say('membership.self_nomination')),
    line('  ', 'majority_of', a.membership.majorityOf, say('membership.majority_of')),
    'disclosure:',
    line('  ', 'max_age_months', num(a.disclosureMonths), say('disclosure.max_age_months')),
    '',
  ];
  const text = lines.join('\n');
  assertParsesTo(text, {
    committee: a.committee,
    board_appointment: a.boardAppointment,
    records_since: a.recordsSince,
    ...(a.charterUrl !== undefined ? { source: a.charterUrl } : {}),
    quorum: a.quorum,
    majority: 'more-than-half-of-votes-cast',
    tie_break: a.tieBreak,
    chair: { term_months: a.chair.termMonths, max_consecutive_terms: a.chair.maxConsecutiveTerms, check_in: a.chair.checkIn },
    meetings: { min_per_calendar_month: a.meetingsPerMonth },
    membership: { review_business_days: a.membership.reviewBusinessDays, self_nomination: a.membership.selfNomination, majority_of: a.membership.majorityOf },
    disclosure: { max_age_months: a.disclosureMonths },
  });
  return text;
}

// ---------------------------------------------------------------------------
// The caller workflows

/** `uses: OWNER/REPO/.github/workflows/reusable-<x>.yml@<ref> # v<version>` in a template. */
const REUSABLE_USES = /^(\s*uses:\s*)([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/\.github\/workflows\/reusable-[a-z-]+\.yml)@(\S+)( # v\S+)?\s*$/;

/**
 * A caller workflow template with its reusable workflow pinned to the
 * release: the commit it was packed from (a SHA cannot move), else its tag.
 * Every template names the release it belongs to (`@v<version> # v<version>`);
 * one that names another is refused, as is one with no reusable workflow.
 */
export function pinTemplate(name: string, template: string, tool: ToolRelease): string {
  if (!VERSION.test(tool.version)) throw new InitError(`the tool's version "${tool.version}" is not an exact version`);
  if (tool.commit !== undefined && !/^[0-9a-f]{40}$/.test(tool.commit)) throw new InitError(`the tool's commit "${tool.commit}" is not a full commit SHA`);
  let pinned = 0;
  const text = template
    .split('\n')
    .map((l) => {
      const m = REUSABLE_USES.exec(l);
      if (!m) return l;
      if (m[3] !== `v${tool.version}`) throw new InitError(`templates/workflows/${name} calls ${m[2]}@${m[3]}, not the release v${tool.version}`);
      pinned++;
      return `${m[1]}${m[2]}@${tool.commit ?? `v${tool.version}`} # v${tool.version}`;
    })
    .join('\n');
  if (pinned === 0) throw new InitError(`templates/workflows/${name} calls no reusable workflow`);
  return text;
}

// ---------------------------------------------------------------------------
// The repository

function renderMember(m: InitMember, a: InitAnswers, today: string): string {
  return renderRecord([
    ['id', m.id],
    ['name', m.name],
    ['github', m.github],
    ['disclosures', [{ date: today, employer: m.employer, conflicts: [] }]],
    ['service', [{ from: a.boardAppointment, appointed_by: 'board' }]],
  ]);
}

const CHAIR_TERMS = [
  '# Every chair term, oldest first. After each chair election:',
  '#   committee-governance record chair-term --member ID --from DATE --elected-by VOTE',
  'terms: []',
  '',
].join('\n');

const DEPENDABOT = [
  '# Proposes each new release of the reusable workflows (and the tool version they',
  '# install) as a pull request: the SHA and its release comment change together.',
  '# Only releases at least a week old are proposed.',
  'version: 2',
  'updates:',
  '  - package-ecosystem: github-actions',
  '    directory: /',
  '    schedule:',
  '      interval: weekly',
  '    cooldown:',
  '      default-days: 7',
  '',
].join('\n');

function renderReadme(a: InitAnswers, tool: ToolRelease, today: string): string {
  const name = escapeText(a.committee, 100);
  const npx = `npx ${tool.name}@${tool.version}`;
  const ids = a.members.map((m) => m.id).join(',');
  const examples: [string, string][] = [
    ['check', 'every record, against the charter'],
    ['explain vote-quorum --repo .', 'what a rule checks, with this charter\'s numbers'],
    [`record meeting --date ${today} --present ${ids}`, ''],
    [`record vote --meeting ${today} --kind decision --motion "..." --yes ${ids} --branch`, ''],
    ['due', 'what falls due within 30 days'],
    ['site --out site', 'the committee\'s website'],
  ];
  const width = Math.max(...examples.filter(([, c]) => c).map(([cmd]) => npx.length + 1 + cmd.length));
  const commands = examples.map(([cmd, comment]) => {
    const line = `${npx} ${cmd}`;
    return comment ? `${line.padEnd(width)}   # ${comment}` : line;
  }).join('\n');
  return `# ${name}: governance records

The records of ${name} — its members and their disclosures, chair terms,
meetings, roll-call votes and RFCs — kept as YAML, and checked against the
charter's numbers in \`governance/charter.yaml\` by [${tool.name}](https://www.npmjs.com/package/${tool.name})
${tool.version} on every pull request.

## Check and record

\`\`\`sh
${commands}
\`\`\`

Every \`record\` checks what it would write with the rules of \`check\` first,
and writes nothing that would bring an error; \`--branch\` commits it on a new
branch, ready for a pull request. \`--help\` after any command
lists its options.

## Files

| file | what |
|---|---|
| \`governance/charter.yaml\` | the charter's numbers, each with the charter sentence beside it |
| \`governance/members/<id>.yaml\` | one per member: name, GitHub login, disclosures, service |
| \`governance/chair-terms.yaml\` | every chair term, oldest first |
| \`governance/meetings/<date>.yaml\` | one per meeting: who was present |
| \`governance/votes/<date>-<slug>.yaml\` | one per roll-call vote, with every ballot |
| \`.github/workflows/\` | the checks: short callers of ${tool.name}'s reusable workflows |
| \`.github/CODEOWNERS\` | the current members review every change to the charter and the workflows (\`codeowners\` writes it) |

## What judges a pull request

The workflows call ${tool.name}'s reusable workflows at one commit, and those
install ${tool.name} ${tool.version} from npm: the rules that judge a pull
request never come from the pull request. A pull request that changes
\`.github/\` or \`governance/charter.yaml\` is a rule change: the members review
it (CODEOWNERS), and the report says so. Dependabot proposes each new release.

Repository settings: require the status check **Governance / Charter rules**
and a code owner's review on the default branch; Pages, source "GitHub Actions".
`;
}

/** Every file of the new repository, in the order they are listed. */
export function planInit(answers: InitAnswers, tool: ToolRelease, templates: ReadonlyMap<string, string>, today: string): InitFile[] {
  const a = validateAnswers(answers, today);
  if (templates.size === 0) throw new InitError('the package has no caller workflow templates (templates/workflows/)');
  const handles = a.members
    .map((m) => m.github)
    .filter((h): h is string => h !== undefined)
    .sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0));
  return [
    { path: 'governance/charter.yaml', text: renderCharter(a), ifExists: 'refuse' },
    ...a.members.map((m): InitFile => ({ path: `governance/members/${m.id}.yaml`, text: renderMember(m, a, today), ifExists: 'refuse' })),
    { path: 'governance/chair-terms.yaml', text: CHAIR_TERMS, ifExists: 'refuse' },
    ...[...templates].sort(([x], [y]) => (x < y ? -1 : 1)).map(([name, text]): InitFile => ({ path: `.github/workflows/${name}`, text: pinTemplate(name, text, tool), ifExists: 'refuse' })),
    { path: '.github/CODEOWNERS', text: renderCodeowners(handles), ifExists: 'refuse' },
    { path: '.github/dependabot.yml', text: DEPENDABOT, ifExists: 'keep' },
    { path: '.gitignore', text: 'node_modules/\nsite/\n', ifExists: 'keep' },
    { path: 'README.md', text: renderReadme(a, tool, today), ifExists: 'keep' },
  ];
}
