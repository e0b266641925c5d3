#!/usr/bin/env node
// The package's command: `committee-governance COMMAND [options]` (or
// `npx committee-governance ...`) runs the same entry point as
// `npm run COMMAND -- [options]` in this repository, through the same
// launcher (scripts/launch.mjs): in an installed package the bundles that
// `npm pack` built, in a checkout the sources, bundled at first use.
// Plain JavaScript on purpose: it must run before anything is compiled.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from './build.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const self = Object.keys(pkg.bin ?? {})[0] ?? basename(fileURLToPath(import.meta.url));

const HELP = `Usage: ${self} COMMAND [options]      (${pkg.name} ${pkg.version})

Governance as code: a committee's records (governance/, rfcs/) checked against its charter.

  init          write a new committee's repository: charter.yaml, members, workflows
  check         check the records against the schemas and the charter rules
  explain       what a rule checks, with your charter's numbers (--repo DIR)
  record        record a meeting, a vote, a member, a chair term, ... checked first
  summary       a pull request's report: what it changes, the new findings
  site          the committee's website (status page, calendar, feed)
  status        who served, who chaired, the quorum, on a date
  history       one member's service, disclosures, terms, attendance and ballots
  due           what falls due within a window, and what is overdue
  codeowners    write .github/CODEOWNERS from the members' GitHub handles
  import        move a committee's past in from minutes pages and RFCs
  comment       post the summary on its pull request (the comment workflow)
  attest        each ballot a pull request records, confirmed by the voter or not
  due-issue     keep the "What falls due" issue current (the due workflow)
  status-page   the same as site (its former name: the front page is the status page)

\`${self} COMMAND --help\` gives each command's options. --version prints the version.
`;

const [command, ...rest] = process.argv.slice(2);
if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
  process.stdout.write(HELP);
  process.exit(command === undefined ? 2 : 0);
}
if (command === '--version' || command === '-v') {
  process.stdout.write(`${pkg.version}\n`);
  process.exit(0);
}
if (!COMMANDS.includes(command)) {
  process.stderr.write(`${self}: unknown command "${command}"\n\n${HELP}`);
  process.exit(2);
}
// The launcher reads the command from argv[2], as `node scripts/launch.mjs COMMAND` gives it.
process.argv = [process.argv[0] ?? process.execPath, fileURLToPath(new URL('./launch.mjs', import.meta.url)), command, ...rest];
await import('./launch.mjs');
