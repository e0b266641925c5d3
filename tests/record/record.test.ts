// npm run record, status and history, end to end in temporary repositories:
// what `record` writes is exactly what `check` accepts, a record that would
// bring an error is refused with nothing written, edits keep comments.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../scripts/core/check.ts';
import { loadSchemas, readRepository } from '../../scripts/shell/fs-repo.ts';
import { summarizePullRequest } from '../../scripts/shell/git.ts';
import { runCommand } from '../cli-command.ts';
import { git, gitRepo } from '../git/git-repo.ts';
import { baseRepo, FIXTURE_TODAY, repoWith, writeRepo, type Files } from '../helpers.ts';

const TODAY = FIXTURE_TODAY; // 2024-02-20
const record = (dir: string, ...args: string[]) => runCommand('record', [...args, '--repo', dir, '--today', TODAY]);

function errorsIn(dir: string): string[] {
  const disk = readRepository(dir);
  return checkFiles({ files: disk.files, schemas: loadSchemas(), today: TODAY, codeowners: disk.codeowners })
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.rule} ${f.file}`);
}

const withMeeting = (present = 'ann, bob, cat, dan, eve'): Files =>
  repoWith({ 'governance/meetings/2024-02-14.yaml': `date: 2024-02-14\nkind: regular\nchaired_by: ann\npresent: [${present}]\nboard: []\nguests: []\n` });

describe('record meeting', () => {
  it('writes the meeting file, exactly, and check accepts it', async () => {
    const dir = writeRepo(repoWith());
    const r = await record(dir, 'meeting', '--date', '2024-02-14', '--present', 'ann,bob,cat,dan', '--chaired-by', 'ann', '--guests', 'Jo Doe, Guest', '--board', 'A Board Member');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('wrote governance/meetings/2024-02-14.yaml\n');
    expect(readFileSync(join(dir, 'governance/meetings/2024-02-14.yaml'), 'utf8')).toBe(
      'date: 2024-02-14\nkind: regular\nchaired_by: ann\npresent: [ann, bob, cat, dan]\nboard: [A Board Member]\nguests: ["Jo Doe, Guest"]\n',
    );
    expect(errorsIn(dir)).toEqual([]);
  });

  it('a second meeting that day is <date>-2', async () => {
    const dir = writeRepo(repoWith());
    expect((await record(dir, 'meeting', '--date', '2024-02-07', '--present', 'ann,bob,cat,dan')).stdout).toBe('wrote governance/meetings/2024-02-07-2.yaml\n');
  });

  it.each<[string, string[], string]>([
    ['a present id with no member file', ['--present', 'ann,bobb,cat,dan'], 'present "bobb" is not a member'],
    ['a chair who is not present', ['--present', 'ann,bob,cat,dan', '--chaired-by', 'eve'], '--chaired-by eve is not in --present'],
    ['a date after today', ['--present', 'ann,bob,cat,dan', '--date', '2024-03-20'], 'future-date'],
  ])('refuses %s, and writes nothing', async (_name, args, message) => {
    const dir = writeRepo(repoWith());
    const r = await record(dir, 'meeting', ...(args.includes('--date') ? [] : ['--date', '2024-02-14']), ...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('nothing written');
    expect(existsSync(join(dir, 'governance/meetings/2024-02-14.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'governance/meetings/2024-03-20.yaml'))).toBe(false);
  });
});

describe('record vote', () => {
  it('writes the vote with its result computed, and says the tally, quorum and result in words', async () => {
    const dir = writeRepo(withMeeting());
    const r = await record(dir, 'vote', '--meeting', '2024-02-14', '--kind', 'decision', '--motion', 'Adopt the 2024 budget', '--yes', 'ann,bob,cat', '--no', 'dan', '--abstain', 'eve');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'wrote governance/votes/2024-02-14-adopt-2024-budget.yaml',
        '',
        'Tally: 3 yes, 1 no, 1 abstain',
        'Quorum: met, 5 of 5 members present, 4 needed (50% + 1, minimum 4)',
        'Result: passed (result: passed)',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'governance/votes/2024-02-14-adopt-2024-budget.yaml'), 'utf8')).toBe(
      [
        'id: 2024-02-14-adopt-2024-budget',
        'date: 2024-02-14',
        'meeting: 2024-02-14',
        'kind: decision',
        'motion: Adopt the 2024 budget',
        'ballots:',
        '  ann: yes',
        '  bob: yes',
        '  cat: yes',
        '  dan: no',
        '  eve: abstain',
        'result: passed',
        '',
      ].join('\n'),
    );
    expect(errorsIn(dir)).toEqual([]);
  });

  it('a ballot of a member not present is refused, and nothing is written', async () => {
    const dir = writeRepo(withMeeting('ann, bob, cat, dan'));
    const r = await record(dir, 'vote', '--meeting', '2024-02-14', '--kind', 'decision', '--motion', 'M', '--yes', 'ann,bob,eve');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('record: eve is not present and serving at meeting 2024-02-14 (present and eligible: ann, bob, cat, dan): only members present vote; nothing written\n');
    expect(existsSync(join(dir, 'governance/votes/2024-02-14-decision.yaml'))).toBe(false);
  });

  it('a tie broken by the chair: chair:yes names the chair in office', async () => {
    const dir = writeRepo(withMeeting());
    const r = await record(dir, 'vote', '--meeting', '2024-02-14', '--kind', 'policy', '--motion', 'Adopt the policy', '--slug', 'policy', '--yes', 'ann,bob', '--no', 'cat,dan', '--abstain', 'eve', '--tie-break', 'chair:yes');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Result: passed');
    expect(readFileSync(join(dir, 'governance/votes/2024-02-14-policy.yaml'), 'utf8')).toContain('tie_break: { by: ann, vote: yes }\nresult: passed\n');
    expect(errorsIn(dir)).toEqual([]);
  });

  it('a tie without a tie-break is not passed; a tie-break where there is no tie is refused', async () => {
    const dir = writeRepo(withMeeting());
    expect((await record(dir, 'vote', '--meeting', '2024-02-14', '--kind', 'policy', '--motion', 'A', '--slug', 'a', '--yes', 'ann,bob', '--no', 'cat,dan')).stdout).toContain('Result: not passed');
    const r = await record(dir, 'vote', '--meeting', '2024-02-14', '--kind', 'policy', '--motion', 'B', '--slug', 'b', '--yes', 'ann,bob,eve', '--no', 'cat,dan', '--tie-break', 'chair:yes');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--tie-break applies only on a tie (this is 3 yes to 2 no)');
  });

  it('a membership vote needs a majority of the members serving, present or not', async () => {
    const dir = writeRepo({ ...withMeeting('ann, bob, cat, dan'), 'governance/members/fay.yaml': 'id: fay\nname: Fay Example\nservice: []\n' });
    const r = await record(
      dir, 'vote', '--meeting', '2024-02-14', '--kind', 'membership', '--motion', 'Appoint Fay', '--subject', 'fay',
      '--nominated-by', 'bob', '--nomination-date', '2024-02-01', '--questionnaire', '2024-02-06',
      '--yes', 'ann,bob', '--abstain', 'cat,dan',
    );
    expect(r.stdout).toContain('Tally: 2 yes, 0 no, 2 abstain');
    expect(r.stdout).toContain('Result: not passed');
    expect(readFileSync(join(dir, 'governance/votes/2024-02-14-membership-fay.yaml'), 'utf8')).toContain('nomination: { by: bob, date: 2024-02-01 }\nquestionnaire_circulated: 2024-02-06\n');
    expect(errorsIn(dir)).toEqual([]);
  });

  it('a chair election: ballots name candidates, the result names who is elected', async () => {
    const dir = writeRepo(withMeeting());
    const r = await record(dir, 'vote', '--meeting', '2024-02-14', '--kind', 'chair-election', '--motion', 'Elect the chair', '--candidates', 'bob:cat', '--ballot', 'ann=bob', '--ballot', 'bob=bob', '--ballot', 'cat=bob,dan=abstain');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Result: bob is elected (result: elected:bob)');
    expect(readFileSync(join(dir, 'governance/votes/2024-02-14-chair-election.yaml'), 'utf8')).toContain('candidates:\n  - { member: bob, nominated_by: cat, accepted: true }\n');
  });

  it('an asynchronous vote: quorum counts who took part', async () => {
    const dir = writeRepo(repoWith());
    const r = await record(dir, 'vote', '--async', '--opened', '2024-02-12', '--closed', '2024-02-15', '--channel', '~committee', '--kind', 'decision', '--motion', 'Adopt the logo', '--yes', 'ann,bob,cat', '--no', 'dan');
    expect(r.stdout).toContain('Quorum: met, 4 of 5 members took part, 4 needed');
    expect(readFileSync(join(dir, 'governance/votes/2024-02-15-adopt-logo.yaml'), 'utf8')).toContain('async: { channel: ~committee, opened: 2024-02-12, closed: 2024-02-15 }\n');
    expect(errorsIn(dir)).toEqual([]);
  });

  it('--branch commits the record on a new branch with a conventional message', async () => {
    const dir = gitRepo(withMeeting());
    const r = await record(dir, 'vote', '--meeting', '2024-02-14', '--kind', 'decision', '--motion', 'Adopt the budget', '--yes', 'ann,bob,cat,dan', '--branch');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('committed on branch record/2024-02-14-adopt-budget');
    expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('record/2024-02-14-adopt-budget');
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('record(vote): 2024-02-14-adopt-budget, passed, 4-0-0');
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toBe('governance/votes/2024-02-14-adopt-budget.yaml');
  });

  it('the README flow: a meeting recorded, then its vote with --branch: one commit holds both, and the PR passes', async () => {
    const dir = gitRepo(repoWith());
    expect((await record(dir, 'meeting', '--date', '2024-02-14', '--present', 'ann,bob,cat,dan,eve', '--chaired-by', 'ann')).status).toBe(0);
    const r = await record(dir, 'vote', '--meeting', '2024-02-14', '--kind', 'decision', '--motion', 'Adopt the budget', '--yes', 'ann,bob,cat', '--no', 'dan', '--abstain', 'eve', '--branch');
    expect(r.stdout).toContain('with the record files not committed before: governance/meetings/2024-02-14.yaml');
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').split('\n')).toEqual(['governance/meetings/2024-02-14.yaml', 'governance/votes/2024-02-14-adopt-budget.yaml']);
    const summary = await summarizePullRequest({ dir, base: 'main', head: 'HEAD', today: TODAY });
    expect(summary.gated.newErrors).toBe(0);
    expect(summary.markdown).toContain('## ✅ Governance check passed');
  });
});

describe('record roll-call: the chair\'s script', () => {
  it('text', async () => {
    const dir = writeRepo(withMeeting('ann, bob, cat, dan'));
    const r = await record(dir, 'roll-call', '--meeting', '2024-02-14');
    expect(r.stdout).toBe(
      [
        'Roll call: decision vote at the meeting of 2024-02-14',
        '',
        'Members present and eligible (4), in the order to call them:',
        '  1. ann (Ann Example)',
        '  2. bob (Bob Example)',
        '  3. cat (Cat Example)',
        '  4. dan (Dan Example)',
        'Absent: eve',
        '',
        'Quorum: met, 4 of 5 members present, 4 needed (50% + 1, minimum 4)',
        'To pass: more yes than no; abstentions are not votes cast',
        'On a tie: the chair, ann, casts the deciding vote (or a member the chair designates)',
        '',
      ].join('\n'),
    );
  });

  it('json, for a membership vote (a majority of the members) and below quorum', async () => {
    const dir = writeRepo(withMeeting('ann, bob, cat'));
    const r = await record(dir, 'roll-call', '--meeting', '2024-02-14', '--kind', 'membership', '--format', 'json');
    const call = JSON.parse(r.stdout) as { quorum: { met: boolean; needed: number }; majority: { yesNeeded: number }; absent: string[] };
    expect(call.quorum).toMatchObject({ met: false, needed: 4, present: 3 });
    expect(call.majority.yesNeeded).toBe(3);
    expect(call.absent).toEqual(['dan', 'eve']);
  });
});

describe('edits keep what people wrote', () => {
  const ANN = 'governance/members/ann.yaml';
  it('record disclosure appends to the member file and keeps its comments', async () => {
    const commented = `# Ann's record: keep this comment\n${baseRepo()[ANN]!.replace('name: Ann Example', 'name: Ann Example   # as on the website')}`;
    const dir = writeRepo(repoWith({ [ANN]: commented }));
    const r = await record(dir, 'disclosure', '--member', 'ann', '--date', '2024-02-19', '--employer', 'New Corp', '--conflict', 'Advises a vendor');
    expect(r.stdout).toBe(`updated ${ANN}\n`);
    expect(readFileSync(join(dir, ANN), 'utf8')).toBe(
      commented.replace('    conflicts: []\n', '    conflicts: []\n  - date: 2024-02-19\n    employer: New Corp\n    conflicts:\n      - Advises a vendor\n'),
    );
    expect(errorsIn(dir)).toEqual([]);
  });

  it('record chair-term closes the term in office the day before and appends the new one', async () => {
    const dir = writeRepo(repoWith({
      'governance/meetings/2024-02-14.yaml': 'date: 2024-02-14\nkind: regular\npresent: [ann, bob, cat, dan]\nboard: []\n',
      'governance/votes/2024-02-14-chair-election.yaml': 'id: 2024-02-14-chair-election\ndate: 2024-02-14\nmeeting: 2024-02-14\nkind: chair-election\nmotion: Elect\ncandidates:\n  - { member: bob, nominated_by: ann, accepted: true }\nballots: { ann: bob, bob: bob, cat: bob, dan: bob }\nresult: elected:bob\n',
    }));
    const r = await record(dir, 'chair-term', '--member', 'bob', '--from', '2024-02-14', '--elected-by', '2024-02-14-chair-election');
    expect(r.stderr).toBe('');
    expect(readFileSync(join(dir, 'governance/chair-terms.yaml'), 'utf8')).toBe(
      'terms:\n  - member: ann\n    from: 2024-02-07\n    elected_by: 2024-02-07-chair-election\n    to: 2024-02-13\n  - member: bob\n    from: 2024-02-14\n    elected_by: 2024-02-14-chair-election\n    handover_from: ann\n',
    );
  });

  it('record rfc-status moves an RFC one step and dates it', async () => {
    const dir = writeRepo(repoWith());
    const r = await record(dir, 'rfc-status', '--rfc', '1', '--to', 'fcp', '--date', '2024-02-19');
    expect(r.stderr).toBe('');
    const text = readFileSync(join(dir, 'rfcs/0001-example.md'), 'utf8');
    expect(text).toContain('status: fcp\n');
    expect(text).toContain('fcp_since: 2024-02-19\n');
    expect(text).toContain('updated: 2024-02-19\n');
    expect(text.endsWith('---\n# RFC: An example proposal\n\nBody text.\n')).toBe(true);
    const wrong = await record(dir, 'rfc-status', '--rfc', '1', '--to', 'draft');
    expect(wrong.stderr).toContain('RFC 1 is fcp: it can move to accepted, rejected, discussion, withdrawn, not draft');
  });

  it('record continuation writes an answer for each member named', async () => {
    const dir = writeRepo(repoWith());
    await record(dir, 'continuation', '--member', 'bob,cat', '--date', '2024-02-07', '--continues', 'no');
    expect(readFileSync(join(dir, 'governance/members/bob.yaml'), 'utf8')).toContain('  - date: 2024-02-07\n    continues: false\n');
  });

  it('record member: a new candidate, then leaving', async () => {
    const dir = writeRepo(repoWith());
    await record(dir, 'member', '--id', 'fay', '--name', 'Fay Example', '--github', 'fay-gh', '--employer', 'Example Corp', '--disclosure-date', '2024-02-19');
    expect(readFileSync(join(dir, 'governance/members/fay.yaml'), 'utf8')).toBe(
      'id: fay\nname: Fay Example\ngithub: fay-gh\ndisclosures:\n  - { date: 2024-02-19, employer: Example Corp, conflicts: [] }\nservice: []\n',
    );
    const r = await record(dir, 'member', '--id', 'eve', '--leave', '2024-02-19', '--left', 'resigned');
    expect(r.stderr).toBe('');
    expect(readFileSync(join(dir, 'governance/members/eve.yaml'), 'utf8')).toContain('    appointed_by: board\n    to: 2024-02-19\n    left: resigned\n');
    expect(errorsIn(dir)).toEqual([]);
  });
});

describe('status --as-of and history', () => {
  const dir = writeRepo(
    repoWith({
      'governance/members/eve.yaml': baseRepo()['governance/members/eve.yaml']!.replace('    appointed_by: board\n', '    appointed_by: board\n    to: 2024-02-10\n    left: resigned\n'),
    }),
  );
  const status = (asOf: string) => runCommand('status', ['--repo', dir, '--as-of', asOf]);

  it('the day a member left they still serve; the day after they do not', async () => {
    expect((await status('2024-02-10')).stdout).toContain('5 members serving (ann, bob, cat, dan, eve)');
    expect((await status('2024-02-11')).stdout).toContain('4 members serving (ann, bob, cat, dan)');
  });

  it('the first day of a chair term has the chair; the day before has none', async () => {
    expect((await status('2024-02-07')).stdout).toContain('Chair: ann since 2024-02-07');
    expect((await status('2024-02-06')).stdout).toContain('Chair: none in office');
  });

  it('open RFCs by the dates they record; json', async () => {
    const r = await runCommand('status', ['--repo', dir, '--as-of', '2024-02-01', '--format', 'json']);
    expect(JSON.parse(r.stdout).openRfcs).toEqual({ draft: [1], discussion: [], fcp: [] });
    expect(JSON.parse((await runCommand('status', ['--repo', dir, '--as-of', '2024-02-02', '--format', 'json'])).stdout).openRfcs.discussion).toEqual([1]);
  });

  it('history: service, attendance and ballots of one member', async () => {
    const r = await runCommand('history', ['ann', '--repo', dir, '--today', TODAY, '--format', 'json']);
    const h = JSON.parse(r.stdout);
    expect(h.service).toEqual([{ from: '2024-01-10', appointedBy: 'board' }]);
    expect(h.attendance.all).toEqual({ present: 1, meetings: 1 });
    expect(h.chairTerms).toEqual([{ from: '2024-02-07', electedBy: '2024-02-07-chair-election' }]);
    expect(h.ballots).toEqual([{ vote: '2024-02-07-chair-election', date: '2024-02-07', kind: 'chair-election', motion: 'Elect the chair for the next six months', ballot: 'ann', result: 'elected:ann', nullified: false }]);
    const text = await runCommand('history', ['ann', '--repo', dir, '--today', TODAY]);
    expect(text.stdout).toContain('Attendance (meetings with recorded attendance while serving): 1 of 1 (100%) in all');
    const unknown = await runCommand('history', ['anne', '--repo', dir]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no member "anne" (did you mean "ann"?)');
  });
});


