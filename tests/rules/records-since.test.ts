// records_since never moves later once it is on the base branch: that would
// turn errors in history already judged into warnings.
import { describe, expect, it } from 'vitest';
import { runRules } from '../../scripts/core/engine.ts';
import { loadRepository } from '../../scripts/core/load.ts';
import { judgeByBaseCharter } from '../../scripts/core/model.ts';
import { rule } from '../../scripts/rules/records-since.ts';
import { loadSchemas } from '../../scripts/shell/fs-repo.ts';
import { brief, FIXTURE_TODAY, recordsSince, repoWith, type Files } from '../helpers.ts';

const encoder = new TextEncoder();
const load = (files: Files) =>
  loadRepository({
    files: Object.entries(files)
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .map(([path, text]) => ({ path, bytes: encoder.encode(text) })),
    schemas: loadSchemas(),
    today: FIXTURE_TODAY,
  });

/** The rule on a head judged by its base's charter, as summary runs it. */
function run(head: Files, base: Files = {}): string[] {
  const h = load(repoWith(head));
  judgeByBaseCharter(h.model, load(repoWith(base)).model);
  return runRules(h, [rule]).map((f) => `${brief(f)} ${f.message}`);
}

const CHARTER = 'governance/charter.yaml';

describe('records-since: never later than on the base branch', () => {
  it.each<[string, Files, Files]>([
    ['unchanged', {}, {}],
    ['moved earlier (more history under the full rules)', recordsSince('2023-06-01'), {}],
    ['the base has none readable: nothing to compare', recordsSince('2099-01-01'), { [CHARTER]: 'committee: X\n' }],
  ])('valid: %s', (_name, head, base) => {
    expect(run(head, base)).toEqual([]);
  });

  it('moved one day later: an error at records_since', () => {
    expect(run(recordsSince('2024-01-02'))).toEqual([
      `records-since ${CHARTER}:3:16 error records_since moves from 2024-01-01 to 2024-01-02: events from 2024-01-01 on are already the record, judged by the full rules; moving it later would downgrade their errors to warnings. Keep 2024-01-01 (or move it earlier)`,
    ]);
  });

  it('without a base (check on a branch alone) there is nothing to compare', () => {
    expect(runRules(load(repoWith(recordsSince('2099-01-01'))), [rule])).toEqual([]);
  });
});
