// `npm run codeowners`: write .github/CODEOWNERS from the member records, or
// (--check) say whether it is out of date.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CODEOWNERS_FILE, compareCodeowners, expectedOwners, OWNED_PATHS, renderCodeowners } from '../core/codeowners.ts';
import { visible } from '../core/escape.ts';
import { loadRepository } from '../core/load.ts';
import { rule as memberGithub } from '../rules/member-github.ts';
import { loadSchemas, readRepository, writeRepoFile } from '../shell/fs-repo.ts';
import { localToday, runCli } from '../shell/cli.ts';

const HELP = `Usage: npm run codeowners -- [options]

Writes .github/CODEOWNERS from governance/members/: the GitHub handles of the
current members (last service period without \`to\`) own ${OWNED_PATHS.join(', ')}.
Members without \`github\` do not appear.

Options:
  --repo DIR   repository to write it in (default: the current directory)
  --check      write nothing; exit 1 when .github/CODEOWNERS is missing or out of date
  -h, --help   show this help

Exit code: 0 written or up to date, 1 out of date (--check), 2 usage error or unreadable member records.
`;

runCli(HELP, (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      repo: { type: 'string', default: '.' },
      check: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const root = resolve(values.repo);
  const repo = readRepository(root);
  // `today` plays no part in who owns what; the loader needs one.
  const { model } = loadRepository({ files: repo.files, schemas: loadSchemas(), today: localToday(), codeowners: repo.codeowners });
  const owners = expectedOwners(model);
  const unknown = [
    ...owners.unreadable,
    ...[...model.members.values()].filter((m) => m.github && !m.serviceKnown).map((m) => m.file),
  ];
  if (unknown.length > 0) {
    // Writing now would silently drop or keep an owner on a guess.
    throw new Error(`cannot tell who the current members are: ${unknown.join(', ')} could not be read; run \`npm run check\` and fix it first`);
  }

  // Whoever has no handle is left out: say so every time, never silently.
  for (const f of memberGithub.check(model)) process.stdout.write(`warning: ${visible(f.message)}\n`);

  const current = repo.codeowners.text;
  if (values.check) {
    if (current === undefined) {
      process.stdout.write(`${CODEOWNERS_FILE} is missing: run \`npm run codeowners\` to write it\n`);
      return 1;
    }
    const problems = compareCodeowners(current, owners);
    for (const p of problems) process.stdout.write(`${CODEOWNERS_FILE}:${p.line}:${p.column} ${p.message}\n`);
    if (problems.length > 0) return 1;
    process.stdout.write(`${CODEOWNERS_FILE} is up to date\n`);
    return 0;
  }

  const text = renderCodeowners(owners.handles);
  if (current === text) {
    process.stdout.write(`${CODEOWNERS_FILE} is up to date\n`);
    return 0;
  }
  writeRepoFile(root, CODEOWNERS_FILE, text);
  const who = owners.handles.length ? owners.handles.map((h) => `@${h}`).join(' ') : 'no one (no current member has a `github` handle)';
  process.stdout.write(`wrote ${CODEOWNERS_FILE}: ${who}\n`);
  return 0;
});
