// `init`: the files a new committee gets (charter.yaml with a sentence
// beside each number, members, an empty chair-terms.yaml, the callers,
// CODEOWNERS, a README), the answers refused in words, the questions asked
// on a terminal (through the real @inquirer prompts, key by key), the check
// before writing, and the writing of all files or none. In-process: the
// installed package is tested in package.test.ts.
import { confirm, input, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { charterTexts } from '../../scripts/core/charter-text.ts';
import { checkFiles } from '../../scripts/core/check.ts';
import { DEFAULTS, InitError, planInit, renderCharter, validateAnswers, type InitAnswers } from '../../scripts/core/init.ts';
import { loadSchemas } from '../../scripts/shell/fs-repo.ts';
import { askInit, checkPlanned, readRelease, readTemplates, writeAllOrNothing } from '../../scripts/shell/init.ts';
import type { Choice, Prompter } from '../../scripts/shell/record-prompts.ts';
import { runCommand } from '../cli-command.ts';
import { ROOT } from '../git/git-repo.ts';

const TODAY = '2025-03-01';
const RELEASE = { name: 'committee-governance', version: readRelease().version };
const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'gov-init-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const answers = (over: Partial<InitAnswers> = {}): InitAnswers => ({
  committee: 'Example Steering Committee',
  boardAppointment: '2025-01-15',
  recordsSince: TODAY,
  quorum: { fraction: 0.5, plus: 1, minimum: 5 },
  tieBreak: 'chair',
  chair: { termMonths: 12, maxConsecutiveTerms: 2, checkIn: false },
  meetingsPerMonth: 1,
  disclosureMonths: 12,
  membership: { reviewBusinessDays: 5, selfNomination: false, majorityOf: 'members' },
  members: [
    { id: 'ann', name: 'Ann Example', github: 'ann-gh', employer: 'Example Corp' },
    { id: 'bob', name: 'Bob Example', employer: 'self-employed' },
  ],
  ...over,
});

describe('the charter init writes', () => {
  it('every number, each with the sentence that says what it means beside it', () => {
    expect(renderCharter(answers({ charterUrl: 'https://example.org/charter' }))).toBe(
      [
        '# The charter of Example Steering Committee: the numbers the checker enforces.',
        '# Beside each number stands what it means; replace it with the sentence of the charter it',
        '# comes from, in a comment on the same line (or in the block\'s `source:`): `explain --repo .`',
        '# and `due` quote it. Every key is described in the package\'s schemas/charter.schema.json.',
        'committee: Example Steering Committee',
        'board_appointment: 2025-01-15        # the board appointed the first members on this day',
        'records_since: 2025-03-01            # from this day on, this repository is the record; earlier events are imported history',
        'source: https://example.org/charter',
        'quorum:',
        '  fraction: 0.5                      # quorum is half of the members serving plus 1, never fewer than 5',
        '  plus: 1                            # quorum is half of the members serving plus 1, never fewer than 5',
        '  minimum: 5                         # a quorum is never fewer than 5 members',
        'majority: more-than-half-of-votes-cast # decisions are made by a majority of the votes cast; abstentions are not votes cast',
        'tie_break: chair                     # on a tie, the chair (or a member the chair designates) has the deciding vote',
        'chair:',
        '  term_months: 12                    # the chair is elected for a term of 12 months',
        '  max_consecutive_terms: 2           # no one serves more than 2 consecutive terms as chair',
        '  check_in: false                    # no check-in at chair elections (true: every member is asked whether they continue serving)',
        'meetings:',
        '  min_per_calendar_month: 1          # the committee meets at least once a calendar month',
        'membership:',
        '  review_business_days: 5            # members receive a candidate\'s questionnaire at least 5 business days before the vote',
        '  self_nomination: false             # a candidate is nominated by a serving member, not by themself',
        '  majority_of: members               # a new member needs the yes votes of more than half of all serving members',
        'disclosure:',
        '  max_age_months: 12                 # members disclose their employer and conflicts of interest, and renew it at least every 12 months',
        '',
      ].join('\n'),
    );
  });

  it('the checker reads each sentence as that number\'s charter text', () => {
    const texts = charterTexts(renderCharter(answers({ quorum: { fraction: 2 / 3, plus: 0, minimum: 1 }, chair: { termMonths: 6, maxConsecutiveTerms: 1, checkIn: true } })));
    expect(Object.fromEntries(['quorum.fraction', 'quorum.minimum', 'chair.term_months', 'chair.check_in', 'chair.max_consecutive_terms'].map((k) => [k, texts.get(k)]))).toEqual({
      'quorum.fraction': 'quorum is two thirds of the members serving',
      'quorum.minimum': 'no minimum quorum beyond the fraction',
      'chair.term_months': 'the chair is elected for a term of 6 months',
      'chair.check_in': 'at each chair election, every member is asked whether they continue serving',
      'chair.max_consecutive_terms': 'no one serves more than 1 consecutive term as chair',
    });
  });

  it('a name that YAML would misread is quoted, and a comment never carries a line break', () => {
    const text = renderCharter(answers({ committee: 'no: #1 "Committee"' }));
    expect(text).toContain(`\ncommittee: 'no: #1 "Committee"'\n`);
    expect(renderCharter(answers({ committee: 'A\nB' })).split('\n')[0]).toBe('# The charter of A B: the numbers the checker enforces.');
  });
});

describe('the files', () => {
  const files = planInit(answers(), RELEASE, readTemplates(), TODAY);

  it('are the records, the callers, CODEOWNERS, Dependabot, .gitignore and a README; existing records and workflows are refused, the rest kept', () => {
    expect(files.map((f) => [f.path, f.ifExists])).toEqual([
      ['governance/charter.yaml', 'refuse'],
      ['governance/members/ann.yaml', 'refuse'],
      ['governance/members/bob.yaml', 'refuse'],
      ['governance/chair-terms.yaml', 'refuse'],
      ...readdirSync(join(ROOT, 'templates/workflows')).sort().map((f) => [`.github/workflows/${f}`, 'refuse']),
      ['.github/CODEOWNERS', 'refuse'],
      ['.github/dependabot.yml', 'keep'],
      ['.gitignore', 'keep'],
      ['README.md', 'keep'],
    ]);
  });

  it('a member file: the board\'s appointment, and the disclosure recorded today', () => {
    expect(files.find((f) => f.path === 'governance/members/ann.yaml')?.text).toBe(
      ['id: ann', 'name: Ann Example', 'github: ann-gh', 'disclosures:', '  - { date: 2025-03-01, employer: Example Corp, conflicts: [] }', 'service:', '  - { from: 2025-01-15, appointed_by: board }', ''].join('\n'),
    );
  });

  it('pass check at once; a member without a GitHub login is a warning, not a refusal', () => {
    const findings = checkPlanned(files, TODAY);
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.file}`).sort()).toEqual([
      // Two members serve and the quorum minimum is 5: said, not refused.
      'warning committee-below-quorum governance/charter.yaml',
      'warning member-github governance/members/bob.yaml',
    ]);
  });

  it('the callers are pinned to the release\'s commit when the package was packed from one', () => {
    const pinned = planInit(answers(), { ...RELEASE, commit: 'a'.repeat(40) }, readTemplates(), TODAY);
    const check = pinned.find((f) => f.path === '.github/workflows/governance-check.yml')?.text ?? '';
    expect(check).toMatch(new RegExp(`/\\.github/workflows/reusable-check\\.yml@${'a'.repeat(40)} # v${RELEASE.version}\\n`));
  });

  it('the README names the committee inertly, with its members in the examples', () => {
    const readme = planInit(answers({ committee: 'A <b>@team</b> [x](y)' }), RELEASE, readTemplates(), TODAY).find((f) => f.path === 'README.md')?.text ?? '';
    expect(readme.split('\n')[0]).toBe('# A &lt;b&gt;@\u200dteam&lt;/b&gt; \\[x\\](y): governance records');
    expect(readme).toContain(`npx committee-governance@${RELEASE.version} record meeting --date ${TODAY} --present ann,bob\n`);
  });
});

describe('answers refused in words, nothing written', () => {
  const cases: [string, Partial<InitAnswers>, string][] = [
    ['an empty name', { committee: '  ' }, 'the committee\'s name is empty'],
    ['a name with a line break', { committee: 'A\nB' }, 'the committee\'s name holds a control character or a line break'],
    ['an impossible date', { boardAppointment: '2025-02-30' }, 'the board appointment 2025-02-30: expected a real date written YYYY-MM-DD'],
    ['a future appointment', { boardAppointment: '2025-04-01' }, 'the board appointment 2025-04-01 is after today (2025-03-01): records are of what happened'],
    ['a quorum fraction over 1', { quorum: { fraction: 1.5, plus: 1, minimum: 1 } }, 'quorum fraction 1.5: more than 0 and at most 1 (0.5 for half, 2/3 for two thirds)'],
    ['a quorum minimum of 0', { quorum: { fraction: 0.5, plus: 1, minimum: 0 } }, 'quorum minimum 0: a whole number from 1 to 1000'],
    ['a term of 0 months', { chair: { termMonths: 0, maxConsecutiveTerms: 2, checkIn: false } }, 'chair term months 0: a whole number from 1 to 120'],
    ['no members', { members: [] }, 'no members: name the first members (id:Full Name:github:Employer)'],
    ['a bad id', { members: [{ id: 'Ann', name: 'Ann', employer: 'X' }] }, 'member id "Ann": lowercase letters, digits and hyphens, not starting with a hyphen (normally the GitHub login)'],
    ['an id twice', { members: [{ id: 'ann', name: 'A', employer: 'X' }, { id: 'ann', name: 'B', employer: 'X' }] }, 'member id "ann" is given twice'],
    ['a bad GitHub login', { members: [{ id: 'ann', name: 'A', github: '-ann', employer: 'X' }] }, 'GitHub login "-ann" of ann: 1 to 39 letters, digits or hyphens, not starting with a hyphen'],
    ['a GitHub login twice', { members: [{ id: 'ann', name: 'A', github: 'Ann', employer: 'X' }, { id: 'bob', name: 'B', github: 'ann', employer: 'X' }] }, 'GitHub login "ann" is given twice'],
    ['no employer', { members: [{ id: 'ann', name: 'A', employer: '' }] }, 'ann has no employer for their disclosure: the charter rules ask every member to disclose it ("none" and "self-employed" are valid)'],
    ['a charter URL that is not one', { charterUrl: 'javascript:alert(1)' }, 'charter URL javascript:alert(1): expected an http(s) URL'],
  ];
  it.each(cases)('%s', (_, over, message) => {
    expect(() => validateAnswers(answers(over), TODAY)).toThrow(new InitError(message));
  });
});

describe('npm run init (in-process)', () => {
  const flags = ['--committee', 'Example Steering Committee', '--members', 'ann:Ann Example:ann-gh:Example Corp,bob:Bob Example:bob-gh:none', '--board-appointment', '2025-01-15', '--today', TODAY];

  it('writes every file, then check passes on the directory', async () => {
    const dir = tempDir();
    const r = await runCommand('init', [...flags, '--dir', dir, '--term-months', '12', '--check-in', 'off', '--quorum-fraction', '2/3', '--yes']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('wrote governance/charter.yaml\n');
    expect(readFileSync(join(dir, 'governance/charter.yaml'), 'utf8')).toContain('  fraction: 0.6666666666666666 ');
    const check = await runCommand('check', ['--repo', dir, '--today', TODAY]);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('✔ no problems');
  });

  it('without --yes and without a terminal, writes nothing (usage error); --dry-run prints instead', async () => {
    const dir = tempDir();
    const r = await runCommand('init', [...flags, '--dir', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('init: --yes is needed to write without a terminal');
    const dry = await runCommand('init', [...flags, '--dir', dir, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('--- governance/members/ann.yaml (dry run, not written)\nid: ann\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses over existing records or workflows, and keeps an existing README', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(join(dir, '.github/workflows/governance-check.yml'), 'mine\n');
    writeFileSync(join(dir, 'README.md'), 'ours\n');
    const clash = await runCommand('init', [...flags, '--dir', dir, '--yes']);
    expect(clash.status).toBe(1);
    expect(clash.stderr).toBe(`init: refused, nothing written: .github/workflows/governance-check.yml exists in ${dir}; init writes a new repository and never overwrites records or workflows\n`);
    rmSync(join(dir, '.github'), { recursive: true });
    const ok = await runCommand('init', [...flags, '--dir', dir, '--yes']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('kept README.md (it exists)\n');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('ours\n');
    const again = await runCommand('init', [...flags, '--dir', dir, '--yes']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('refused, nothing written: governance/, ');
  });

  it('a flag that is not a number, and a member without an employer, are refused in one line', async () => {
    const bad = await runCommand('init', ['--committee', 'X', '--members', 'ann:Ann:ann:Example', '--board-appointment', '2025-01-15', '--today', TODAY, '--dir', tempDir(), '--yes', '--quorum-plus', 'x']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('init: --quorum-plus x: expected a whole number');
    const dir = tempDir();
    const noEmployer = await runCommand('init', ['--committee', 'X', '--members', 'ann:Ann Example', '--board-appointment', '2025-01-15', '--today', TODAY, '--dir', dir, '--yes']);
    expect(noEmployer.status).toBe(1);
    expect(noEmployer.stderr).toBe('init: ann has no employer for their disclosure: the charter rules ask every member to disclose it ("none" and "self-employed" are valid); nothing written\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a usage error names what is missing', async () => {
    const r = await runCommand('init', ['--dir', tempDir(), '--yes']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('init: --committee is needed (or run init on a terminal to be asked)');
  });
});

describe('the check before writing uses the rules of check', () => {
  it('a committee smaller than its quorum minimum is said, as check says it', () => {
    const files = planInit(answers({ quorum: { fraction: 0.5, plus: 1, minimum: 4 } }), RELEASE, readTemplates(), TODAY);
    const planned = checkPlanned(files, TODAY).map((f) => f.rule);
    const encoder = new TextEncoder();
    const direct = checkFiles({
      files: files.filter((f) => f.path.startsWith('governance/')).map((f) => ({ path: f.path, bytes: encoder.encode(f.text) })),
      schemas: loadSchemas(),
      today: TODAY,
      codeowners: { githubDir: true, text: files.find((f) => f.path === '.github/CODEOWNERS')!.text },
    }).findings.map((f) => f.rule);
    expect(planned).toEqual(direct);
    expect(planned).toContain('committee-below-quorum');
  });
});

describe('writing: all files or none', () => {
  it('a failure half-way removes what was written and the folders made for it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), 'a file where a folder is needed\n');
    const files = [
      { path: 'governance/members/ann.yaml', text: 'id: ann\n', ifExists: 'refuse' as const },
      { path: 'README.md', text: 'x\n', ifExists: 'keep' as const },
      { path: 'blocker/inside.yml', text: 'x\n', ifExists: 'refuse' as const },
    ];
    expect(() => writeAllOrNothing(dir, files)).toThrow();
    expect(readdirSync(dir)).toEqual(['blocker']);
  });

  it('never writes through a symbolic link', () => {
    const dir = tempDir();
    const outside = tempDir();
    symlinkSync(outside, join(dir, 'governance'));
    expect(() => writeAllOrNothing(dir, [{ path: 'governance/charter.yaml', text: 'x\n', ifExists: 'refuse' }])).toThrow('governance is a symbolic link');
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(join(dir, 'README.md'))).toBe(false);
  });
});

/** Answers by question; each text answer is typed, each choice picked by its value, through the real prompts. */
function keyboard(answers: (string | boolean)[]): { ask: Prompter; asked: string[] } {
  const asked: string[] = [];
  const take = (message: string): string | boolean => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`no answer for "${message}"`);
    return answers.shift()!;
  };
  return {
    asked,
    ask: {
      async text(message, o = {}) {
        const { answer, events } = await render(input, {
          message,
          ...(o.default !== undefined ? { default: o.default } : {}),
          ...(o.required ? { required: true } : {}),
          ...(o.validate ? { validate: o.validate } : {}),
        });
        const a = take(message) as string;
        if (a) events.type(a);
        events.keypress('enter');
        return answer;
      },
      async select(message, choices: readonly Choice[]) {
        const { answer, events } = await render(select, { message, choices: [...choices] });
        const wanted = take(message);
        const index = choices.findIndex((c) => c.value === wanted);
        if (index === -1) throw new Error(`no such choice for "${message}"`);
        for (let i = 0; i < index; i++) events.keypress('down');
        events.keypress('enter');
        return answer;
      },
      async checkbox() {
        throw new Error('init asks no checkbox');
      },
      async confirm(message, initial = true) {
        const { answer, events } = await render(confirm, { message, default: initial });
        events.type(take(message) ? 'y' : 'n');
        events.keypress('enter');
        return answer;
      },
    },
  };
}

describe('the questions on a terminal, through the real prompts', () => {
  it('asks the charter\'s numbers (defaults offered) and the members one by one, and becomes the options a person would type', async () => {
    const { ask, asked } = keyboard([
      'Example Steering Committee', '2025-01-15', '', '',
      '2/3', '', '5',
      'none',
      '12', '', true,
      '', '',
      'votes-cast', '', false,
      'ann', 'Ann Example', '', 'Example Corp', true,
      'bob', 'Bob Example', 'Bob-GH', 'none', false,
    ]);
    const args = await askInit(ask, TODAY);
    expect(args).toEqual([
      '--committee', 'Example Steering Committee',
      '--board-appointment', '2025-01-15',
      '--records-since', TODAY,
      '--quorum-fraction', '2/3',
      '--quorum-plus', String(DEFAULTS.quorum.plus),
      '--quorum-minimum', '5',
      '--tie-break', 'none',
      '--term-months', '12',
      '--max-consecutive', '2',
      '--check-in', 'on',
      '--meetings-per-month', '1',
      '--disclosure-months', '12',
      '--majority-of', 'votes-cast',
      '--review-days', '5',
      '--self-nomination', 'no',
      '--member', 'ann:Ann Example:ann:Example Corp',
      '--member', 'bob:Bob Example:Bob-GH:none',
    ]);
    expect(asked.slice(-5)).toEqual(['Member 2: id (lowercase letters, digits, hyphens; normally the GitHub login)', 'Member 2: full name', 'Member 2: GitHub login (empty if none)', 'Member 2: employer, for their disclosure ("none" and "self-employed" are valid)', 'Add another member?']);
    // The answers go through the same path as typed options: the repository passes check.
    const dir = tempDir();
    const r = await runCommand('init', [...args, '--dir', dir, '--today', TODAY, '--yes']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'governance/charter.yaml'), 'utf8')).toContain('  check_in: true ');
  });

  it('a date that is not one is refused on the screen, and asked again', async () => {
    const validate = (v: string): string | true => v === 'x' ? 'a real date written YYYY-MM-DD' : true;
    const { answer, events, getScreen } = await render(input, { message: 'The date the board appointed the first members', validate });
    events.type('x');
    events.keypress('enter');
    for (let i = 0; i < 50 && !getScreen().includes('YYYY'); i++) await new Promise((r) => setTimeout(r, 1));
    expect(getScreen()).toContain('a real date written YYYY-MM-DD');
    events.keypress('backspace');
    events.type('2025-01-15');
    events.keypress('enter');
    await expect(answer).resolves.toBe('2025-01-15');
  });
});
