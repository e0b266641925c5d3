// Enforces the RFC process order: submitted, "Accepted for Discussion", then
// "Final Comment Period (FCP): A last call for comments before the decision."
// created <= discussion_since <= fcp_since, and created <= updated.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/rfc-dates.ts';
import { brief, checkRules, repoWith, type Files } from '../helpers.ts';

const RFC = 'rfcs/0001-example.md';
const CHARTER = 'governance/charter.yaml';
/** RFC 1 with `created` on line 6 and the given lines from line 7 on. */
const rfc = (created: string, extra: string, status = 'fcp') =>
  `---\nrfc: 1\ntitle: T\nauthors: [A]\nstatus: ${status}\ncreated: ${created}\n${extra}---\n# body\n`;

const run = (files: Files) => checkRules(repoWith(files), [rule]);
const show = (files: Files) => run(files).map((f) => `${brief(f)} ${f.message}`);

describe('rfc-dates: "Final Comment Period (FCP): A last call for comments before the decision" (created <= discussion_since <= fcp_since; created <= updated)', () => {
  it.each<[string, string, string, string[]]>([
    [
      'updated before created',
      '2024-02-10',
      'updated: 2024-02-09\n',
      ['rfc-dates rfcs/0001-example.md:7:10 error updated 2024-02-09 is before created 2024-02-10: an RFC is updated on or after the day it was created'],
    ],
    [
      'discussion_since before created',
      '2024-02-10',
      'discussion_since: 2024-02-09\nfcp_since: 2024-02-12\n',
      ['rfc-dates rfcs/0001-example.md:7:19 error discussion_since 2024-02-09 is before created 2024-02-10: the dates run created <= discussion_since <= fcp_since'],
    ],
    [
      'fcp_since before discussion_since',
      '2024-02-01',
      'discussion_since: 2024-02-10\nfcp_since: 2024-02-09\n',
      ['rfc-dates rfcs/0001-example.md:8:12 error fcp_since 2024-02-09 is before discussion_since 2024-02-10: the dates run created <= discussion_since <= fcp_since'],
    ],
    [
      'fcp_since before created, with discussion_since missing (its neighbours still compared)',
      '2024-02-10',
      'fcp_since: 2024-02-09\n',
      ['rfc-dates rfcs/0001-example.md:7:12 error fcp_since 2024-02-09 is before created 2024-02-10: the dates run created <= discussion_since <= fcp_since'],
    ],
    [
      'both updated and the chain out of order: one finding each',
      '2024-02-10',
      'updated: 2024-02-01\ndiscussion_since: 2024-02-05\n',
      [
        'rfc-dates rfcs/0001-example.md:7:10 error updated 2024-02-01 is before created 2024-02-10: an RFC is updated on or after the day it was created',
        'rfc-dates rfcs/0001-example.md:8:19 error discussion_since 2024-02-05 is before created 2024-02-10: the dates run created <= discussion_since <= fcp_since',
      ],
    ],
  ])('reports %s', (_name, created, extra, expected) => {
    expect(show({ [RFC]: rfc(created, extra) })).toEqual(expected);
  });

  it.each<[string, Files]>([
    ['the base repository', {}],
    ['all dates on one day (the boundaries are inclusive)', { [RFC]: rfc('2024-02-10', 'updated: 2024-02-10\ndiscussion_since: 2024-02-10\nfcp_since: 2024-02-10\n') }],
    ['dates in order', { [RFC]: rfc('2024-02-01', 'updated: 2024-02-20\ndiscussion_since: 2024-02-02\nfcp_since: 2024-02-09\n') }],
    ['only created', { [RFC]: rfc('2024-02-01', '', 'draft') }],
    ['fcp_since without discussion_since, after created', { [RFC]: rfc('2024-02-01', 'fcp_since: 2024-02-03\n') }],
    ['an fcp_since after updated (no order between them)', { [RFC]: rfc('2024-02-01', 'updated: 2024-02-02\nfcp_since: 2024-02-03\n') }],
    [
      'an fcp_since after its vote (vote-fcp\'s finding alone)',
      {
        [RFC]: rfc('2024-02-01', 'decision: 2024-02-07-rfc-0001\nfcp_since: 2024-02-08\n', 'accepted'),
        'governance/votes/2024-02-07-rfc-0001.yaml':
          'id: 2024-02-07-rfc-0001\ndate: 2024-02-07\nmeeting: 2024-02-07\nkind: rfc\nmotion: Accept RFC 1\nrfc: 1\nballots: { ann: yes, bob: yes, cat: yes, dan: yes }\nresult: passed\n',
      },
    ],
    ['a rejected date is unknown: skipped, its neighbours still compared', { [RFC]: rfc('2024-02-01', 'discussion_since: 2024-13-01\nfcp_since: 2024-02-09\n') }],
    ['no readable charter: the charter rules do not run', { [RFC]: rfc('2024-02-10', 'updated: 2024-02-09\n'), [CHARTER]: null }],
  ])('accepts %s', (_name, files) => {
    expect(run(files)).toEqual([]);
  });

  it('before records_since (severity date: the decision vote, else updated, else created) the fault is a warning', () => {
    const charter = (repoWith()[CHARTER] as string).replace('records_since: 2024-01-01', 'records_since: 2024-03-01');
    const early = rfc('2024-02-10', 'discussion_since: 2024-02-09\n');
    expect(run({ [CHARTER]: charter, [RFC]: early }).map(brief)).toEqual(['rfc-dates rfcs/0001-example.md:7:19 warning']);
    const updatedLater = rfc('2024-02-10', 'updated: 2024-03-02\ndiscussion_since: 2024-02-09\n');
    expect(run({ [CHARTER]: charter, [RFC]: updatedLater }).map(brief)).toEqual(['rfc-dates rfcs/0001-example.md:8:19 error']);
  });
});
