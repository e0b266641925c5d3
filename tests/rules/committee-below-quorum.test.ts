// Charter, Policies 6 (Quorum): "A quorum is defined as 50% of members +1 with
// a minimum quorum always being at least four (4) members. A quorum is
// required for any votes." With fewer members than the minimum serving today,
// no vote can reach quorum.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/committee-below-quorum.ts';
import { baseRepo, brief, checkRules, repoWith, type Files } from '../helpers.ts';

const TODAY = '2024-02-20';
const CHARTER = 'governance/charter.yaml';

/** A base member who left on `to`. */
function left(id: string, to: string): Files {
  const path = `governance/members/${id}.yaml`;
  return { [path]: baseRepo()[path]!.replace('appointed_by: board\n', `appointed_by: board\n    to: ${to}\n    left: resigned\n`) };
}

const charterWith = (from: string, to: string): string => baseRepo()[CHARTER]!.replace(from, to);
const run = (changes: Files, today = TODAY): string[] => checkRules(repoWith(changes), [rule], today).map(brief);
// `quorum: { fraction: 0.5, plus: 1, minimum: 4 }` is line 4; the minimum's value is at column 44.
const FINDING = `committee-below-quorum ${CHARTER}:4:44 warning`;

describe('committee-below-quorum: n(today) is at least the quorum minimum', () => {
  it.each<[string, Files, string?]>([
    ['five members serve', {}],
    ['four members serve: exactly the minimum', left('eve', '2024-02-19')],
    ['eve leaves today: she still serves today', { ...left('eve', TODAY), ...left('dan', '2024-02-19') }, TODAY],
    [
      'three serve, but a member whose service is unknown may be a fourth',
      {
        ...left('eve', '2024-02-19'),
        'governance/members/dan.yaml': baseRepo()['governance/members/dan.yaml']!.replace('from: 2024-01-10', 'from: 2024-01-32'),
      },
    ],
    [
      'three serve, but a member file that cannot be read may be a fourth',
      { ...left('eve', '2024-02-19'), 'governance/members/dan.yaml': 'id: [unclosed\n' },
    ],
    ['no readable charter: the rule does not run', { ...left('eve', '2024-02-19'), ...left('dan', '2024-02-19'), [CHARTER]: null }],
  ])('valid: %s', (_name, changes, today) => {
    expect(run(changes, today)).toEqual([]);
  });

  it.each<[string, Files]>([
    ['three members serve', { ...left('eve', '2024-02-19'), ...left('dan', '2024-02-19') }],
    ['nobody serves', Object.assign({}, ...['ann', 'bob', 'cat', 'dan', 'eve'].map((id) => left(id, '2024-02-19'))) as Files],
    ['five serve, the charter\'s minimum is 6', { [CHARTER]: charterWith('minimum: 4', 'minimum: 6') }],
    [
      'two serve and one whose service is unknown: below the minimum even if that one serves',
      {
        ...left('eve', '2024-02-19'),
        ...left('cat', '2024-02-19'),
        'governance/members/dan.yaml': baseRepo()['governance/members/dan.yaml']!.replace('from: 2024-01-10', 'from: 2024-01-32'),
      },
    ],
    [
      'two serve and one member file that cannot be read: below the minimum either way',
      { ...left('eve', '2024-02-19'), ...left('cat', '2024-02-19'), 'governance/members/dan.yaml': 'id: [unclosed\n' },
    ],
  ])('invalid: %s', (_name, changes) => {
    expect(run(changes)).toEqual([FINDING]);
  });

  it('says how many serve and how many more are needed', () => {
    const findings = checkRules(repoWith({ ...left('eve', '2024-02-19'), ...left('dan', '2024-02-19') }), [rule], TODAY);
    expect(findings.map((f) => f.message)).toEqual([
      '3 members serve today (2024-02-20), fewer than the quorum minimum of 4: no vote can reach quorum until the committee appoints 1 more',
    ]);
  });

  it('says how many more might serve when some service is unknown', () => {
    const findings = checkRules(
      repoWith({ ...left('eve', '2024-02-19'), ...left('cat', '2024-02-19'), 'governance/members/dan.yaml': 'id: [unclosed\n' }),
      [rule],
      TODAY,
    );
    expect(findings.map((f) => f.message)).toEqual([
      '2 members serve today (2024-02-20), fewer than the quorum minimum of 4 (1 more whose service is unknown would not reach it either): no vote can reach quorum until the committee appoints 2 more',
    ]);
  });

  it('stays a warning from records_since on, and before it', () => {
    const three = { ...left('eve', '2024-02-19'), ...left('dan', '2024-02-19') };
    expect(run({ ...three, [CHARTER]: charterWith('records_since: 2024-01-01', 'records_since: 2025-01-01') })).toEqual([FINDING]);
  });
});
