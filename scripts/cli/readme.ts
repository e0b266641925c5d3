// `npm run readme`: regenerate the rule table in README.md from the rule modules.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRuleTable, replaceRuleTable } from '../core/docs.ts';
import { rules } from '../rules/index.ts';
import { runCli, UsageError } from '../shell/cli.ts';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));

const HELP = 'Usage: npm run readme [-- --check]\n\nRegenerates the rule table in README.md from the rule modules; --check exits 1 when it is out of date.\n';

runCli(HELP, (argv) => {
  const unknown = argv.find((a) => a !== '--check');
  if (unknown !== undefined) throw new UsageError(`unknown argument ${unknown}`);
  const check = argv.includes('--check');
  const current = readFileSync(README, 'utf8');
  const next = replaceRuleTable(current, renderRuleTable(rules));
  if (next === undefined) throw new UsageError('README.md has no rule table markers');
  if (check) {
    if (next !== current) {
      process.stderr.write('README.md rule table is out of date: run npm run readme\n');
      return 1;
    }
    return 0;
  }
  if (next !== current) {
    writeFileSync(`${README}.tmp`, next);
    renameSync(`${README}.tmp`, README);
    process.stdout.write('README.md rule table updated\n');
  }
  return 0;
});
