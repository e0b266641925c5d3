// The current members own the rules through CODEOWNERS: a current member
// without a `github` handle is left out of it, and a warning says so.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/member-github.ts';
import { runRules } from '../../scripts/core/engine.ts';
import { loadRepository } from '../../scripts/core/load.ts';
import type { Finding } from '../../scripts/core/types.ts';
import { loadSchemas } from '../../scripts/shell/fs-repo.ts';
import { baseRepo, brief, FIXTURE_TODAY, repoWith, type Files } from '../helpers.ts';

/** The rule on a repository that has a `.github/` folder (or not). */
function checkRules(files: Files, _rules: unknown, githubDir = true): Finding[] {
  const encoder = new TextEncoder();
  const repoFiles = Object.entries(files)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([path, text]) => ({ path, bytes: encoder.encode(text) }));
  return runRules(loadRepository({ files: repoFiles, schemas: loadSchemas(), today: FIXTURE_TODAY, codeowners: { githubDir } }), [rule]);
}

const EVE = 'governance/members/eve.yaml';
const eve = baseRepo()[EVE]!;
const run = (files: Files): string[] => checkRules(repoWith(files), [rule]).map(brief);

describe('member-github: a current member has a GitHub handle', () => {
  it.each<[string, Files]>([
    ['every member has one', {}],
    ['a former member without one (their last period has a `to`)', { [EVE]: eve.replace('github: eve-gh\n', '').replace('    appointed_by: board\n', '    appointed_by: board\n    to: 2024-02-01\n    left: resigned\n') }],
    ['a member whose last period has a `to` after today: not current in CODEOWNERS\' sense either', { [EVE]: eve.replace('github: eve-gh\n', '').replace('    appointed_by: board\n', '    appointed_by: board\n    to: 2099-01-01\n    left: resigned\n') }],
    ['a candidate who never served', { 'governance/members/zed.yaml': 'id: zed\nname: Zed\nservice: []\n' }],
    ['a rejected handle is the schema\'s finding alone', { [EVE]: eve.replace('github: eve-gh', 'github: "not a login"') }],
    ['a rejected service: whether they are current is unknown', { [EVE]: eve.replace('github: eve-gh\n', '').replace('from: 2024-01-10', 'from: 2024-02-30') }],
  ])('valid: %s', (_name, files) => {
    expect(run(files)).toEqual([]);
  });

  it('a repository without .github/ has no CODEOWNERS to leave anyone out of', () => {
    expect(checkRules(repoWith({ [EVE]: eve.replace('github: eve-gh\n', '') }), [rule], false)).toEqual([]);
  });

  it('a current member without a handle: one warning at their id, saying what follows', () => {
    const found = checkRules(repoWith({ [EVE]: eve.replace('github: eve-gh\n', '') }), [rule]);
    expect(found.map((f) => `${brief(f)} ${f.message}`)).toEqual([
      `member-github ${EVE}:1:1 warning eve is a current member but has no \`github\` handle: \`npm run codeowners\` leaves them out of .github/CODEOWNERS, so they review no change to the rules; add \`github: <their login>\``,
    ]);
  });
});
