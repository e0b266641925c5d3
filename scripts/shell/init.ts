// `init`'s contact with the world: the package's templates and release, the
// questions asked on a terminal, the check of the planned repository with
// the rules of `check`, and the writing of every file at once.
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFiles } from '../core/check.ts';
import { isIsoDate } from '../core/dates.ts';
import { DEFAULTS, parseFraction, type InitFile, type ToolRelease } from '../core/init.ts';
import type { Finding } from '../core/types.ts';
import { assertInsideRepo, loadSchemas } from './fs-repo.ts';
import type { Prompter } from './record-prompts.ts';

const TEMPLATES = new URL('../../templates/workflows/', import.meta.url);
const PACKAGE_JSON = new URL('../../package.json', import.meta.url);
// scripts/shell/ in a checkout, scripts/.build/ in the bundle: both resolve to scripts/.build/release.json.
const RELEASE_JSON = new URL('../.build/release.json', import.meta.url);

/** The caller workflow templates that ship with the package, by file name. */
export function readTemplates(): Map<string, string> {
  const dir = fileURLToPath(TEMPLATES);
  const out = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) if (name.endsWith('.yml')) out.set(name, readFileSync(join(dir, name), 'utf8'));
  return out;
}

/**
 * This package's name and version, and the commit it was packed from when
 * `npm pack` recorded one from a clean tree of the same version (then the
 * reusable workflows are pinned to that commit; otherwise to the tag).
 */
export function readRelease(): ToolRelease {
  const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { name: string; version: string };
  let commit: string | undefined;
  try {
    const r = JSON.parse(readFileSync(RELEASE_JSON, 'utf8')) as { version?: unknown; commit?: unknown; clean?: unknown };
    if (r.version === pkg.version && r.clean === true && typeof r.commit === 'string' && /^[0-9a-f]{40}$/.test(r.commit)) commit = r.commit;
  } catch {
    // No release record (a checkout that was never packed): pin the tag.
  }
  return { name: pkg.name, version: pkg.version, ...(commit ? { commit } : {}) };
}

/** The planned repository checked with the rules of `check`, as it will be on disk. */
export function checkPlanned(files: readonly InitFile[], today: string): Finding[] {
  const encoder = new TextEncoder();
  const codeowners = files.find((f) => f.path === '.github/CODEOWNERS');
  const records = files.filter((f) => f.path.startsWith('governance/')).map((f) => ({ path: f.path, bytes: encoder.encode(f.text) }));
  return checkFiles({ files: records, schemas: loadSchemas(), today, codeowners: { githubDir: true, ...(codeowners ? { text: codeowners.text } : {}) } }).findings;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

export interface Placement {
  /** Files to write. */
  write: InitFile[];
  /** Files kept as they are (they exist and are not records). */
  kept: InitFile[];
  /** Files that exist and would be overwritten: init refuses. */
  clashes: string[];
}

/** Which planned files exist already in `dir`: records and workflows are never overwritten. */
export function place(dir: string, files: readonly InitFile[]): Placement {
  const out: Placement = { write: [], kept: [], clashes: [] };
  if (lstatOrUndefined(join(dir, 'governance'))) out.clashes.push('governance/');
  for (const f of files) {
    if (!lstatOrUndefined(join(dir, f.path))) out.write.push(f);
    else if (f.ifExists === 'keep') out.kept.push(f);
    else if (!f.path.startsWith('governance/')) out.clashes.push(f.path);
  }
  return out;
}

/**
 * Write every file or none: each first to a temporary file beside its
 * place, then all renamed into place; on any failure the temporary files,
 * the files already renamed (all new) and the folders made for them are
 * removed. Never through a symbolic link, never outside `dir`.
 */
export function writeAllOrNothing(dir: string, files: readonly InitFile[]): void {
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  const madeDirs: string[] = [];
  const temps: { temp: string; full: string }[] = [];
  const placed: string[] = [];
  try {
    for (const f of files) {
      const full = assertInsideRepo(root, f.path);
      let missing = dirname(full);
      const chain: string[] = [];
      while (missing !== root && !lstatOrUndefined(missing)) {
        chain.push(missing);
        missing = dirname(missing);
      }
      mkdirSync(dirname(full), { recursive: true });
      madeDirs.push(...chain);
      // mkdir may have made folders: check again that nothing on the way is a link.
      assertInsideRepo(root, f.path);
      const temp = join(dirname(full), `.${full.slice(dirname(full).length + 1)}.${process.pid}.init.tmp`);
      writeFileSync(temp, f.text, { flag: 'wx' });
      temps.push({ temp, full });
    }
    for (const { temp, full } of temps) {
      // A file that appeared since the plan was made is not overwritten.
      if (lstatOrUndefined(full)) throw new Error(`${relative(root, full).split(sep).join('/')} appeared while init was writing`);
      renameSync(temp, full);
      placed.push(full);
    }
  } catch (error) {
    for (const { temp } of temps) rmSync(temp, { force: true });
    for (const full of placed) rmSync(full, { force: true });
    for (const d of [...new Set(madeDirs)].sort((a, b) => b.length - a.length)) {
      try {
        rmdirSync(d);
      } catch {
        // Not empty (something else is in it) or gone: leave it.
      }
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------
// The questions

const dateCheck = (v: string): string | true => (isIsoDate(v) ? true : 'a real date written YYYY-MM-DD');
const whole = (min: number) => (v: string): string | true => (/^\d{1,4}$/.test(v) && Number(v) >= min ? true : `a whole number, at least ${min}`);
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The answers to `init`'s questions as the options a person would type
 * (`--committee`, `--member`, ...), so they go through the same checks.
 */
export async function askInit(ask: Prompter, today: string): Promise<string[]> {
  const committee = await ask.text('The committee\'s name', { required: true });
  const board = await ask.text('The date the board appointed the first members', { validate: dateCheck });
  const since = await ask.text('From which day is this repository the record (earlier events are imported history)?', { default: today, validate: dateCheck });
  const charterUrl = await ask.text('Where is the charter published (a URL, empty for none)?', { default: '' });
  const fraction = await ask.text('Quorum: the fraction of the members serving (0.5 for half, 2/3 for two thirds)', {
    default: String(DEFAULTS.quorum.fraction),
    validate: (v) => (parseFraction(v) !== undefined ? true : 'more than 0 and at most 1: 0.5, or 2/3'),
  });
  const plus = await ask.text('Quorum: members added to that fraction', { default: String(DEFAULTS.quorum.plus), validate: whole(0) });
  const minimum = await ask.text('Quorum: the fewest members it can ever be (1 when the charter sets no minimum)', { default: String(DEFAULTS.quorum.minimum), validate: whole(1) });
  const tieBreak = await ask.select('On a tie', [
    { name: 'the chair (or a member the chair designates) casts the deciding vote', value: 'chair' },
    { name: 'nothing breaks it: the motion does not pass', value: 'none' },
  ]);
  const termMonths = await ask.text('A chair term, in months', { default: String(DEFAULTS.chair.termMonths), validate: whole(1) });
  const consecutive = await ask.text('The most consecutive terms one member may chair', { default: String(DEFAULTS.chair.maxConsecutiveTerms), validate: whole(1) });
  const checkIn = await ask.confirm('At each chair election, is every member asked whether they continue serving (a check-in)?', DEFAULTS.chair.checkIn);
  const meetings = await ask.text('The fewest meetings in a calendar month (0 for no cadence)', { default: String(DEFAULTS.meetingsPerMonth), validate: whole(0) });
  const disclosure = await ask.text('A member\'s disclosure of employer and conflicts is renewed at least every ... months', { default: String(DEFAULTS.disclosureMonths), validate: whole(1) });
  const majorityOf = await ask.select('A new member is appointed by', [
    { name: 'yes votes of more than half of all serving members', value: 'members' },
    { name: 'more yes than no votes, like any motion', value: 'votes-cast' },
  ]);
  const reviewDays = await ask.text('Business days between circulating a candidate\'s questionnaire and the vote', { default: String(DEFAULTS.membership.reviewBusinessDays), validate: whole(0) });
  const selfNomination = await ask.confirm('May a candidate nominate themself?', DEFAULTS.membership.selfNomination);

  const members: string[] = [];
  const ids = new Set<string>();
  do {
    const n = members.length + 1;
    const id = await ask.text(`Member ${n}: id (lowercase letters, digits, hyphens; normally the GitHub login)`, {
      required: true,
      validate: (v) => (!SLUG.test(v) ? 'lowercase letters, digits and hyphens, not starting with a hyphen' : ids.has(v) ? 'that id is given already' : true),
    });
    ids.add(id);
    const name = await ask.text(`Member ${n}: full name`, { required: true, validate: (v) => (v.includes(':') ? 'a name without ":"' : true) });
    const github = await ask.text(`Member ${n}: GitHub login (empty if none)`, { default: id });
    const employer = await ask.text(`Member ${n}: employer, for their disclosure ("none" and "self-employed" are valid)`, { required: true });
    members.push(`${id}:${name}:${github}:${employer}`);
  } while (await ask.confirm('Add another member?', true));

  return [
    '--committee', committee,
    '--board-appointment', board,
    '--records-since', since,
    ...(charterUrl ? ['--charter-url', charterUrl] : []),
    '--quorum-fraction', fraction,
    '--quorum-plus', plus,
    '--quorum-minimum', minimum,
    '--tie-break', tieBreak,
    '--term-months', termMonths,
    '--max-consecutive', consecutive,
    '--check-in', checkIn ? 'on' : 'off',
    '--meetings-per-month', meetings,
    '--disclosure-months', disclosure,
    '--majority-of', majorityOf,
    '--review-days', reviewDays,
    '--self-nomination', selfNomination ? 'yes' : 'no',
    ...members.flatMap((m) => ['--member', m]),
  ];
}
