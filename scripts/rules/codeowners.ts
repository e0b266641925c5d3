import { CODEOWNERS_FILE, compareCodeowners, expectedOwners, isCurrentMember, OWNED_PATHS, type Owners } from '../core/codeowners.ts';
import type { Model } from '../core/model.ts';
import type { Rule } from '../core/types.ts';

export const rule: Rule<Model> = {
  id: 'codeowners',
  severity: 'error',
  // The file guards the rules themselves: a stale owner list is wrong now, whatever the history.
  alwaysError: true,
  description:
    '`.github/CODEOWNERS` does not give `/scripts/`, `/schemas/`, `/.github/` and `/governance/charter.yaml` each to exactly the `github` handles of the current members, as `npm run codeowners` writes it',
  charter: 'After the initial appointment, the membership of ALESCo will manage itself',
  charterSection: 'Policies 2 (Appointments); in this repository the current members review every change to the checks',
  example: {
    violation: [
      '# .github/CODEOWNERS (members jdoe and rroe serve; xold left)',
      '/scripts/                @jdoe @xold',
      '/schemas/                @jdoe @rroe',
      '/.github/                @jdoe @rroe',
      '/governance/charter.yaml @jdoe @rroe',
      '',
    ].join('\n'),
    fix: [
      '# .github/CODEOWNERS: `npm run codeowners` writes it',
      '/scripts/                @jdoe @rroe',
      '/schemas/                @jdoe @rroe',
      '/.github/                @jdoe @rroe',
      '/governance/charter.yaml @jdoe @rroe',
      '',
    ].join('\n'),
  },
  check(model) {
    const { githubDir, text, problem } = model.codeowners;
    // A link or an unreadable file was not read: that is the loader's one finding.
    if (!githubDir || problem) return [];
    if (text === undefined) {
      return [
        {
          file: CODEOWNERS_FILE,
          line: 1,
          column: 1,
          message: `.github/CODEOWNERS is missing: run \`npm run codeowners\` to write it (the current members own ${OWNED_PATHS.join(', ')})`,
          date: model.today,
        },
      ];
    }
    return compareCodeowners(text, owners(model)).map((p) => ({
      file: CODEOWNERS_FILE,
      line: p.line,
      column: p.column,
      message: p.message,
      date: model.today,
    }));
  },
};

/**
 * The expected owners, with one more reason to leave a handle unjudged: a
 * member who is (or may be) current but whose `github` the schema rejected
 * has an unknown handle, and any handle in the file may be theirs (as with a
 * member file that cannot be read).
 */
function owners(model: Model): Owners {
  const expected = expectedOwners(model);
  const unknownHandles = [...model.members.values()]
    .filter((m) => m.githubKnown === false && (!m.serviceKnown || isCurrentMember(m)))
    .map((m) => m.file);
  return unknownHandles.length === 0 ? expected : { ...expected, unreadable: [...expected.unreadable, ...unknownHandles] };
}
