// `init`: a new committee's repository of records, from nothing: the
// charter's numbers, the first members, an empty chair-terms.yaml, the
// caller workflows, CODEOWNERS and a README. Asks on a terminal; takes flags
// without one. The result is checked with the rules of `check` before
// anything is written, and written all at once or not at all.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../core/dates.ts';
import { visible } from '../core/escape.ts';
import { DEFAULTS, InitError, parseFraction, planInit, type InitAnswers, type InitMember } from '../core/init.ts';
import { localToday, runCli, UsageError } from '../shell/cli.ts';
import { askInit, checkPlanned, place, readRelease, readTemplates, writeAllOrNothing } from '../shell/init.ts';
import { terminalPrompter } from '../shell/record-prompts.ts';

const HELP = `Usage: init [options]        (npx committee-governance init, or npm run init -- ...)

Writes a new committee's repository of records into --dir: governance/charter.yaml
(each number with a sentence beside it, for the charter's own words), a member file
per first member, an empty governance/chair-terms.yaml, the caller workflows in
.github/workflows/, .github/CODEOWNERS, .github/dependabot.yml, .gitignore and a
README.md. It is checked with the rules of \`check\` first and written all at once;
existing records and workflows are never overwritten.

On a terminal without --committee, it asks. Without a terminal:

  --committee NAME          the committee's name
  --members LIST            the first members: id:Full Name:github-login:Employer,...
                            (github-login may be empty: id:Full Name::Employer)
  --member SPEC             one member, the same fields (repeat it; a name or
                            employer may then hold commas)
  --board-appointment D     the day the board appointed the first members
  --yes                     write (without it and without a terminal: nothing written)

Charter numbers (default in brackets):
  --records-since D         from this day on the repository is the record [today]
  --quorum-fraction F       of the members serving: 0.5, or 2/3 [${DEFAULTS.quorum.fraction}]
  --quorum-plus N           members added to the fraction [${DEFAULTS.quorum.plus}]
  --quorum-minimum N        the smallest quorum [${DEFAULTS.quorum.minimum}]
  --majority-of W           a new member needs more yes than half of all serving
                            members (members) or than no votes (votes-cast) [${DEFAULTS.membership.majorityOf}]
  --tie-break W             chair or none [${DEFAULTS.tieBreak}]
  --term-months N           a chair term [${DEFAULTS.chair.termMonths}]
  --max-consecutive N       consecutive chair terms allowed [${DEFAULTS.chair.maxConsecutiveTerms}]
  --check-in on|off         each chair election asks every member whether they continue [off]
  --meetings-per-month N    the fewest meetings in a calendar month [${DEFAULTS.meetingsPerMonth}]
  --disclosure-months N     a disclosure is stale after this many months [${DEFAULTS.disclosureMonths}]
  --review-days N           business days between the questionnaire and the vote [${DEFAULTS.membership.reviewBusinessDays}]
  --self-nomination yes|no  may a candidate nominate themself [no]
  --charter-url URL         where the charter is published (charter.yaml's source)

Other options:
  --dir DIR                 the repository to write into (default: the current directory)
  --today YYYY-MM-DD        the date to judge "today" by (default: today's local date)
  --dry-run                 print every file, write nothing
  -h, --help                show this help

Exit code: 0 written (or printed), 1 refused (a file exists, or the records would not
pass \`check\`), 2 usage error.
`;

const OPTIONS = {
  committee: { type: 'string' },
  members: { type: 'string', multiple: true },
  member: { type: 'string', multiple: true },
  'board-appointment': { type: 'string' },
  'records-since': { type: 'string' },
  'quorum-fraction': { type: 'string' },
  'quorum-plus': { type: 'string' },
  'quorum-minimum': { type: 'string' },
  'majority-of': { type: 'string' },
  'tie-break': { type: 'string' },
  'term-months': { type: 'string' },
  'max-consecutive': { type: 'string' },
  'check-in': { type: 'string' },
  'meetings-per-month': { type: 'string' },
  'disclosure-months': { type: 'string' },
  'review-days': { type: 'string' },
  'self-nomination': { type: 'string' },
  'charter-url': { type: 'string' },
  dir: { type: 'string', default: '.' },
  today: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: false }>>['values'];

function int(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,6}$/.test(value)) throw new UsageError(`--${flag} ${value}: expected a whole number`);
  return Number(value);
}

function choice<T extends string>(value: string | undefined, flag: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} ${value}: one of ${allowed.join(', ')}`);
  return value as T;
}

function yesNo(value: string | undefined, flag: string, words: [string, string], fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value === words[0] || value === 'true') return true;
  if (value === words[1] || value === 'false') return false;
  throw new UsageError(`--${flag} ${value}: ${words[0]} or ${words[1]}`);
}

/** `id:Full Name[:github[:Employer]]`; the employer may hold colons. */
function member(spec: string): InitMember {
  const [id = '', name = '', github = '', ...employer] = spec.split(':').map((s) => s.trim());
  if (!id || !name) throw new UsageError(`member "${spec}": write it as id:Full Name:github-login:Employer`);
  return { id, name, employer: employer.join(':').trim(), ...(github ? { github } : {}) };
}

function answers(values: Values, today: string): InitAnswers {
  const committee = values.committee;
  if (committee === undefined) throw new UsageError('--committee is needed (or run init on a terminal to be asked)');
  const board = values['board-appointment'];
  if (board === undefined) throw new UsageError('--board-appointment is needed: the day the board appointed the first members');
  const specs = [...(values.members ?? []).flatMap((l) => l.split(',')), ...(values.member ?? [])].map((s) => s.trim()).filter((s) => s !== '');
  if (specs.length === 0) throw new UsageError('--members is needed: id:Full Name:github-login:Employer,...');
  const fractionText = values['quorum-fraction'];
  const fraction = fractionText === undefined ? DEFAULTS.quorum.fraction : parseFraction(fractionText);
  if (fraction === undefined) throw new UsageError(`--quorum-fraction ${fractionText}: more than 0 and at most 1, such as 0.5 or 2/3`);
  const charterUrl = values['charter-url'];
  return {
    committee,
    boardAppointment: board,
    recordsSince: values['records-since'] ?? today,
    quorum: {
      fraction,
      plus: int(values['quorum-plus'], 'quorum-plus', DEFAULTS.quorum.plus),
      minimum: int(values['quorum-minimum'], 'quorum-minimum', DEFAULTS.quorum.minimum),
    },
    tieBreak: choice(values['tie-break'], 'tie-break', ['chair', 'none'], DEFAULTS.tieBreak),
    chair: {
      termMonths: int(values['term-months'], 'term-months', DEFAULTS.chair.termMonths),
      maxConsecutiveTerms: int(values['max-consecutive'], 'max-consecutive', DEFAULTS.chair.maxConsecutiveTerms),
      checkIn: yesNo(values['check-in'], 'check-in', ['on', 'off'], DEFAULTS.chair.checkIn),
    },
    meetingsPerMonth: int(values['meetings-per-month'], 'meetings-per-month', DEFAULTS.meetingsPerMonth),
    disclosureMonths: int(values['disclosure-months'], 'disclosure-months', DEFAULTS.disclosureMonths),
    membership: {
      reviewBusinessDays: int(values['review-days'], 'review-days', DEFAULTS.membership.reviewBusinessDays),
      selfNomination: yesNo(values['self-nomination'], 'self-nomination', ['yes', 'no'], DEFAULTS.membership.selfNomination),
      majorityOf: choice(values['majority-of'], 'majority-of', ['members', 'votes-cast'], DEFAULTS.membership.majorityOf),
    },
    ...(charterUrl !== undefined ? { charterUrl } : {}),
    members: specs.map(member),
  };
}

const line = (f: { file: string; line: number; column: number; severity: string; rule: string; message: string }): string =>
  `${visible(f.file)}:${f.line}:${f.column} ${f.severity} ${f.rule} ${visible(f.message)}`;

runCli(HELP, async (argv) => {
  const parse = (args: string[]): Values => parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
  let values = parse(argv);
  const today = values.today ?? localToday();
  if (!isIsoDate(today)) throw new UsageError(`--today ${today}: expected a real date written YYYY-MM-DD`);
  const terminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
  // On a terminal without the committee's name: ask, and keep the options given (--dir, --today, --yes).
  if (values.committee === undefined && terminal) values = parse([...argv, ...(await askInit(terminalPrompter, today))]);

  const dir = resolve(values.dir);
  let files;
  try {
    files = planInit(answers(values, today), readRelease(), readTemplates(), today);
  } catch (error) {
    if (error instanceof InitError) {
      process.stderr.write(`init: ${visible(error.message)}; nothing written\n`);
      return 1;
    }
    throw error;
  }

  const placement = place(dir, files);
  if (placement.clashes.length > 0) {
    process.stderr.write(
      `init: refused, nothing written: ${placement.clashes.map(visible).join(', ')} ${placement.clashes.length === 1 ? 'exists' : 'exist'} in ${visible(dir)}; ` +
        'init writes a new repository and never overwrites records or workflows\n',
    );
    return 1;
  }
  const findings = checkPlanned(files, today);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    process.stderr.write(`init: refused, nothing written: the records would not pass \`check\` (${errors.length === 1 ? 'an error' : `${errors.length} errors`}):\n`);
    for (const f of errors) process.stderr.write(`  ${line(f)}\n`);
    return 1;
  }

  if (values['dry-run']) {
    for (const f of placement.write) process.stdout.write(`--- ${f.path} (dry run, not written)\n${f.text}`);
    for (const f of placement.kept) process.stdout.write(`--- ${f.path} exists: kept as it is\n`);
    return 0;
  }
  if (!values.yes) {
    if (!terminal) throw new UsageError('--yes is needed to write without a terminal (--dry-run shows what would be written)');
    if (!(await terminalPrompter.confirm(`Write ${placement.write.length} files into ${dir}?`, true))) {
      process.stderr.write('init: nothing written\n');
      return 1;
    }
  }
  writeAllOrNothing(dir, placement.write);
  for (const f of placement.write) process.stdout.write(`wrote ${f.path}\n`);
  for (const f of placement.kept) process.stdout.write(`kept ${f.path} (it exists)\n`);
  const warnings = findings.filter((f) => f.severity === 'warning');
  for (const f of warnings) process.stdout.write(`note: ${line(f)}\n`);
  const release = readRelease();
  const toolRepo = files.map((f) => /uses: ([\w.-]+\/[\w.-]+)\/\.github\/workflows\//.exec(f.text)?.[1]).find((r) => r !== undefined) ?? '<the tool\'s repository>';
  if (release.commit === undefined)
    process.stdout.write(
      `note: the workflows call the reusable workflows at the tag v${release.version}: a tag can move, so replace it after \`@\` with\n` +
        `      the commit it names: git ls-remote https://github.com/${toolRepo} refs/tags/v${release.version}\n`,
    );
  process.stdout.write(
    `\nChecked with the rules of \`check\`: 0 errors, ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}.\n` +
      'Next: replace the sentence beside each number in governance/charter.yaml with your charter\'s own words, then\n' +
      `  npx ${release.name}@${release.version} check\n` +
      '  git add -A && git commit -m "Governance records" && git push\n' +
      'and in the repository\'s settings: require the status check "Governance / Charter rules" and a code owner\'s\n' +
      'review on the default branch; Pages, source "GitHub Actions".\n',
  );
  return 0;
});
