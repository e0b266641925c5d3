// `npm run explain -- RULE`: what a rule checks, the charter text, an example.
import { explainRule } from '../core/docs.ts';
import { findRule, rules } from '../rules/index.ts';
import { runCli, UsageError } from '../shell/cli.ts';

const HELP = `Usage: npm run explain -- RULE

Prints a rule's description, the charter text it enforces, and an example of a violation and its fix.
Rules: ${rules.map((r) => r.id).join(', ')}
`;

runCli(HELP, (argv) => {
  const [id, ...rest] = argv;
  if (!id || rest.length > 0) throw new UsageError('name exactly one rule');
  const rule = findRule(id);
  if (!rule) throw new UsageError(`no rule "${id}"`);
  process.stdout.write(explainRule(rule));
  return 0;
});
