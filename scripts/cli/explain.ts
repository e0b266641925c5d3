// `npm run explain -- RULE [--repo DIR]`: what a rule checks, the charter
// text, an example; with --repo, that committee's own numbers and the
// charter text beside each in its charter.yaml.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { committeeCharter } from '../core/charter-text.ts';
import { explainRule, type CommitteeCharter } from '../core/docs.ts';
import { visible } from '../core/escape.ts';
import { CHARTER_FILE, loadRepository } from '../core/load.ts';
import { closest } from '../core/text.ts';
import { findRule, rules } from '../rules/index.ts';
import { localToday, runCli, UsageError } from '../shell/cli.ts';
import { loadSchemas, readRepository, readRepoText } from '../shell/fs-repo.ts';

const HELP = `Usage: npm run explain -- RULE [--repo DIR]

Prints a rule's description, the charter text it enforces, and an example of a violation and its fix.
With --repo, also the numbers that committee's governance/charter.yaml sets for the rule, with the
charter text beside each.
Rules: ${rules.map((r) => r.id).join(', ')}
`;

/** The committee's charter, or undefined with a note when it cannot be read. */
function committeeOf(dir: string): CommitteeCharter | string {
  const repo = resolve(dir);
  const disk = readRepository(repo);
  const { model } = loadRepository({ files: disk.files, schemas: loadSchemas(), today: localToday() });
  const text = readRepoText(repo, CHARTER_FILE);
  if (!model.charter || text === undefined) return `note: ${CHARTER_FILE} of ${dir} cannot be read (run npm run check): its numbers are not shown\n`;
  return committeeCharter(text, model.charter);
}

runCli(HELP, (argv) => {
  const { values, positionals } = parseArgs({ args: argv, options: { repo: { type: 'string' } }, strict: true, allowPositionals: true });
  const [id, ...rest] = positionals;
  if (!id || rest.length > 0) throw new UsageError('name exactly one rule');
  const rule = findRule(id);
  if (!rule) {
    const guess = closest(id, rules.map((r) => r.id));
    throw new UsageError(`no rule "${visible(id).slice(0, 80)}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
  }
  const committee = values.repo !== undefined ? committeeOf(values.repo) : undefined;
  if (typeof committee === 'string') process.stderr.write(committee);
  const text = explainRule(rule, typeof committee === 'object' ? committee : undefined);
  process.stdout.write(text.split('\n').map(visible).join('\n'));
  return 0;
});
