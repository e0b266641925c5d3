// Files -> model. Pure: the shell hands in the bytes of every record file
// and the compiled schemas; nothing here reads the disk.
import {
  decodeText,
  tooLargeMessage,
  extractFrontMatter,
  parseYamlText,
  type LoadFinding,
  type ParsedSource,
  type Position,
} from './source.ts';
import { makeKnown, type RecordKind, type SchemaSet } from './validate.ts';
import {
  readChairTerms,
  readCharter,
  readMeeting,
  readMember,
  readRfc,
  readSig,
  readVote,
  EverySet,
  type CodeOwnersFile,
  type FileProblem,
  type Model,
} from './model.ts';
import type { Path } from './types.ts';

export interface RepoFile {
  /** Repository-relative, forward slashes. */
  path: string;
  bytes: Uint8Array;
  /** The shell did not read it (a link, an unreadable file or folder): reported at 1:1 of `path`. */
  problem?: FileProblem;
}

export interface LoadInput {
  files: readonly RepoFile[];
  schemas: SchemaSet;
  today: string;
  codeowners?: CodeOwnersFile;
}

export interface Loaded {
  model: Model;
  /** Locates a path inside a record file (files that parsed). */
  locate(file: string, path: Path, at?: 'key' | 'value'): Position | undefined;
}

export const CHARTER_FILE = 'governance/charter.yaml';

/** Schema findings listed one by one per file; the rest are counted in one more. */
export const MAX_SCHEMA_FINDINGS = 100;
export const CHAIR_TERMS_FILE = 'governance/chair-terms.yaml';

type Classified =
  | { kind: 'charter' | 'chair-terms' }
  | { kind: 'member' | 'meeting' | 'vote' | 'sig'; id: string }
  | { kind: 'rfc'; number: number; slug: string }
  | { kind: 'ignored' }
  | { kind: 'misplaced'; why: string };

const FOLDERS: Record<string, 'member' | 'meeting' | 'vote' | 'sig'> = {
  members: 'member',
  meetings: 'meeting',
  votes: 'vote',
  sigs: 'sig',
};

const RFC_FILE = /^(\d{4,})-([A-Za-z0-9][A-Za-z0-9._-]*)\.md$/;

/** Where a file belongs in the layout of data-model.md. */
export function classify(path: string): Classified {
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (parts[0] === 'rfcs') {
    // Only top-level Markdown files are RFCs; a subfolder holds assets.
    if (parts.length !== 2 || name === 'README.md' || !name.endsWith('.md')) return { kind: 'ignored' };
    const m = RFC_FILE.exec(name);
    if (!m) return { kind: 'misplaced', why: 'an RFC file is named NNNN-<slug>.md (0000-<slug>.md while unnumbered)' };
    return { kind: 'rfc', number: Number(m[1]), slug: m[2] ?? '' };
  }
  if (parts[0] !== 'governance') return { kind: 'ignored' };
  if (name === 'README.md') return { kind: 'ignored' };
  if (parts.length === 2) {
    if (name === 'charter.yaml') return { kind: 'charter' };
    if (name === 'chair-terms.yaml') return { kind: 'chair-terms' };
    return {
      kind: 'misplaced',
      why: 'governance/ holds charter.yaml, chair-terms.yaml and the folders members/, meetings/, votes/ and sigs/',
    };
  }
  const folder = parts[1] ?? '';
  const kind = FOLDERS[folder];
  if (!kind) return { kind: 'misplaced', why: `"${folder}/" is not a records folder (members, meetings, votes, sigs)` };
  if (parts.length !== 3) return { kind: 'misplaced', why: `governance/${folder}/ has no subfolders` };
  if (name.endsWith('.yml')) return { kind: 'misplaced', why: 'records end in .yaml, not .yml' };
  if (!name.endsWith('.yaml')) return { kind: 'misplaced', why: 'a record is a .yaml file' };
  return { kind, id: name.slice(0, -'.yaml'.length) };
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** `governance`, `governance/<folder>` or `rfcs`: a place that holds records, not a record. */
function isFolderPath(path: string): boolean {
  const parts = path.split('/');
  return (parts.length === 1 && (parts[0] === 'governance' || parts[0] === 'rfcs')) || (parts.length === 2 && parts[0] === 'governance' && !parts[1]?.includes('.'));
}

/** The one finding for a file or folder the shell did not read. */
export function problemFinding(file: string, problem: FileProblem): LoadFinding {
  const at = { file, line: 1, column: 1 };
  switch (problem.kind) {
    case 'symlink':
      return { rule: 'file-name', ...at, message: 'a symbolic link: records are plain files, and a link is never followed' };
    case 'special':
      return { rule: 'file-name', ...at, message: `${problem.detail}: records are plain files` };
    case 'too-large':
      return { rule: 'yaml-syntax', ...at, message: tooLargeMessage(problem.size) };
    case 'unreadable':
      return {
        rule: 'yaml-syntax',
        ...at,
        message: problem.folder
          ? `folder cannot be read (${problem.detail}): the records in it are not checked`
          : `file cannot be read (${problem.detail})`,
      };
  }
}
const MEETING_ID = /^(\d{4}-\d{2}-\d{2})(?:-(\d+))?$/;

function fileNameFindings(
  file: string,
  kind: 'member' | 'meeting' | 'vote' | 'sig',
  fileId: string,
  value: unknown,
  source: ParsedSource,
  known: (path: Path) => boolean,
): LoadFinding[] {
  const raw = (value ?? {}) as Record<string, unknown>;
  // A value the schema rejected is unknown: it is the schema finding's alone.
  const obj: Record<string, unknown> = {
    id: known(['id']) ? raw.id : undefined,
    date: known(['date']) ? raw.date : undefined,
  };
  const out: LoadFinding[] = [];
  const flag = (key: string, message: string): void => {
    out.push({ rule: 'file-name', file, ...source.locate([key]), message });
  };
  if (kind === 'meeting') {
    const m = MEETING_ID.exec(fileId);
    const date = typeof obj.date === 'string' ? obj.date : undefined;
    if (!m || (m[2] !== undefined && Number(m[2]) < 2) || (m[2] !== undefined && m[2].startsWith('0')))
      flag('date', `a meeting file is named <date>.yaml, or <date>-N.yaml (N >= 2) for a further meeting that day; found "${fileId}.yaml"`);
    else if (date !== undefined && date !== m[1])
      flag('date', `file name says ${m[1]} but date is ${date}: a meeting file is named after its date; rename the file, or correct date if the file name is right`);
    return out;
  }
  const id = typeof obj.id === 'string' ? obj.id : undefined;
  if ((kind === 'member' || kind === 'sig') && !SLUG.test(fileId))
    out.push({
      rule: 'file-name',
      file,
      line: 1,
      column: 1,
      message: `a ${kind === 'member' ? 'member' : 'SIG'} file is named <id>.yaml, the id in lowercase letters, digits and hyphens; found ${JSON.stringify(`${fileId}.yaml`)}`,
    });
  else if (id !== undefined && id !== fileId) flag('id', `file name is "${fileId}.yaml" but id is "${id}": a record's file is named after its id`);
  if (kind === 'vote') {
    const date = typeof obj.date === 'string' ? obj.date : undefined;
    if (date !== undefined && !fileId.startsWith(`${date}-`)) {
      const slug = /^\d{4}-\d{2}-\d{2}-(.+)$/.exec(fileId)?.[1] ?? fileId;
      flag(
        'date',
        `vote file "${fileId}.yaml" does not start with its date ${date}: either the date is right, and the file and its id are renamed ${date}-${slug}, or the file name is right, and date is corrected`,
      );
    }
  }
  return out;
}

export function loadRepository(input: LoadInput): Loaded {
  const { schemas, today } = input;
  const loadFindings: LoadFinding[] = [];
  const sources = new Map<string, ParsedSource>();
  const model: Model = {
    today,
    members: new Map(),
    chairTermsFile: CHAIR_TERMS_FILE,
    chairTerms: [],
    meetings: new Map(),
    votes: new Map(),
    rfcs: [],
    sigs: new Map(),
    skipped: { members: new Set(), meetings: new Set(), votes: new Set(), sigs: new Set(), rfcs: new Set(), chairTerms: false },
    codeowners: input.codeowners ?? { githubDir: false },
    loadFindings,
    meetingIdsWithUnknownDate: [],
  };
  let charterSeen = false;

  const files = [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let governanceUnread = false;
  for (const { path: file, bytes, problem } of files) {
    if (problem && (problem.kind === 'symlink' || problem.kind === 'unreadable') && (problem.folder || isFolderPath(file))) {
      // A folder that was not read: one finding, and every record it may hold is unknown, not missing.
      loadFindings.push(problemFinding(file, problem));
      const scope = file.split('/');
      if (scope[0] === 'rfcs') model.skipped.rfcs = new EverySet();
      else if (scope.length === 1 || FOLDERS[scope[1] ?? ''] !== undefined) {
        const kinds = scope.length === 1 ? Object.values(FOLDERS) : [FOLDERS[scope[1] ?? '']];
        for (const k of kinds) {
          if (k === 'member') model.skipped.members = new EverySet();
          if (k === 'meeting') model.skipped.meetings = new EverySet();
          if (k === 'vote') model.skipped.votes = new EverySet();
          if (k === 'sig') model.skipped.sigs = new EverySet();
        }
        if (scope.length === 1) {
          governanceUnread = true;
          model.skipped.chairTerms = true;
        }
      }
      continue;
    }
    const place = classify(file);
    if (place.kind === 'ignored') continue;
    if (place.kind === 'misplaced') {
      loadFindings.push({ rule: 'file-name', file, line: 1, column: 1, message: `not a record file here: ${place.why}` });
      continue;
    }
    if (place.kind === 'charter') charterSeen = true;

    const markSkipped = (): void => {
      switch (place.kind) {
        case 'member':
          model.skipped.members.add(place.id);
          break;
        case 'meeting':
          model.skipped.meetings.add(place.id);
          model.meetingIdsWithUnknownDate.push(place.id);
          break;
        case 'vote':
          model.skipped.votes.add(place.id);
          break;
        case 'sig':
          model.skipped.sigs.add(place.id);
          break;
        case 'rfc':
          model.skipped.rfcs.add(place.number);
          model.rfcs.push({
            file,
            number: place.number,
            // The settled reading: an unreadable RFC holds its file name's number.
            numberKnown: true,
            fileNumber: place.number,
            slug: place.slug,
            authors: [],
            boardInputKnown: false,
            decisionKnown: false,
            fcpSinceKnown: false,
            supersedes: [],
            supersedesKnown: false,
            supersededByKnown: false,
            readable: false,
          });
          break;
        case 'chair-terms':
          model.skipped.chairTerms = true;
          break;
        default:
          break;
      }
    };

    if (problem) {
      // Not read (a link, an unreadable or special file): one finding; the record is unknown.
      loadFindings.push(problemFinding(file, problem));
      markSkipped();
      continue;
    }
    const decoded = decodeText(file, bytes);
    if ('finding' in decoded) {
      loadFindings.push(decoded.finding);
      markSkipped();
      continue;
    }
    let text = decoded.text;
    let lineOffset = 0;
    if (place.kind === 'rfc') {
      const fm = extractFrontMatter(text);
      if (!fm) {
        loadFindings.push({
          rule: 'schema',
          file,
          line: 1,
          column: 1,
          message: 'no YAML front matter: an RFC starts with a --- line, its front matter, and a closing --- line',
        });
        markSkipped();
        continue;
      }
      text = fm.yaml;
      lineOffset = fm.lineOffset;
    }
    const outcome = parseYamlText(file, text, lineOffset);
    loadFindings.push(...outcome.findings);
    if (!outcome.ok) {
      // A document that is not a mapping is a schema fault, but still nothing can be read from it.
      markSkipped();
      continue;
    }
    const source = outcome.source;
    sources.set(file, source);
    const kind: RecordKind = place.kind;
    const issues = schemas.validate(kind, source.value);
    const rejected: Path[] = [];
    issues.forEach((issue, i) => {
      // Past the first hundred, a file is broken as a whole: one more finding says how much more.
      if (i < MAX_SCHEMA_FINDINGS)
        loadFindings.push({ rule: 'schema', file, ...source.locate(issue.path, issue.at), message: issue.message });
      else if (i === MAX_SCHEMA_FINDINGS)
        loadFindings.push({
          rule: 'schema',
          file,
          ...source.locate(issue.path, issue.at),
          message: `${issues.length - MAX_SCHEMA_FINDINGS} more schema findings in this file from here on, not listed one by one: fix the first ${MAX_SCHEMA_FINDINGS} and check again`,
        });
      if (issue.rejected) rejected.push(issue.rejected);
    });
    const known = makeKnown(rejected);
    const value = source.value;

    switch (place.kind) {
      case 'charter': {
        const { charter, recordsSince, problems } = readCharter(value, file, known);
        // What the schema cannot say of meetings.schedule (start on its weekday, a known time zone).
        for (const p of problems ?? []) loadFindings.push({ rule: 'schema', file, ...source.locate(p.path, 'value'), message: p.message });
        if (charter) model.charter = charter;
        if (recordsSince) model.recordsSince = recordsSince;
        break;
      }
      case 'chair-terms':
        model.chairTermsUnknown = [];
        model.chairTerms = readChairTerms(value, file, known, model.chairTermsUnknown);
        break;
      case 'member': {
        loadFindings.push(...fileNameFindings(file, 'member', place.id, value, source, known));
        const member = readMember(value, file, place.id, known);
        model.members.set(place.id, member);
        break;
      }
      case 'meeting': {
        loadFindings.push(...fileNameFindings(file, 'meeting', place.id, value, source, known));
        const meeting = readMeeting(value, file, place.id, known);
        if (!meeting.date) model.meetingIdsWithUnknownDate.push(place.id);
        model.meetings.set(place.id, meeting);
        break;
      }
      case 'vote': {
        loadFindings.push(...fileNameFindings(file, 'vote', place.id, value, source, known));
        model.votes.set(place.id, readVote(value, file, place.id, known));
        break;
      }
      case 'sig': {
        loadFindings.push(...fileNameFindings(file, 'sig', place.id, value, source, known));
        model.sigs.set(place.id, readSig(value, file, place.id, known));
        break;
      }
      case 'rfc':
        model.rfcs.push(readRfc(value, file, place.number, place.slug, known));
        break;
    }
  }

  const ownersProblem = model.codeowners.problem;
  if (ownersProblem) loadFindings.push(problemFinding(ownersProblem.path, ownersProblem));

  // A charter skipped for yaml-syntax is also `schema` at 1:1 (data-model.md);
  // an empty one, or one that is not a mapping, has that finding already.
  const charterSchemaFault = loadFindings.some((f) => f.rule === 'schema' && f.file === CHARTER_FILE);
  if (charterSeen && !sources.has(CHARTER_FILE) && !charterSchemaFault) {
    loadFindings.push({
      rule: 'schema',
      file: CHARTER_FILE,
      line: 1,
      column: 1,
      message: 'governance/charter.yaml could not be read: the charter rules need its numbers and do not run',
    });
  }
  if (!charterSeen && !governanceUnread) {
    loadFindings.push({
      rule: 'schema',
      file: CHARTER_FILE,
      line: 1,
      column: 1,
      message: 'governance/charter.yaml is missing: the charter rules need its numbers',
    });
  }

  return {
    model,
    locate(file, path, at) {
      return sources.get(file)?.locate(path, at);
    },
  };
}
