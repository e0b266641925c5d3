// Charter, Responsibilities: "All meetings, decisions, and discussions will be
// public". A merged vote or meeting is the public record: a PR may change its
// content only with an appended `corrections` entry (date, by, reason), and
// may not delete it. Comments and layout may change. Judged base -> head.
import { describe, expect, it } from 'vitest';
import { rule } from '../../scripts/rules/record-immutable.ts';
import { baseRepo, brief, checkRules, repoWith, type Files } from '../helpers.ts';

const VOTE = 'governance/votes/2024-02-07-chair-election.yaml';
const MEETING = 'governance/meetings/2024-02-07.yaml';
const vote = baseRepo()[VOTE]!;
const meeting = baseRepo()[MEETING]!;

const CORRECTION = 'corrections:\n  - { date: 2024-02-10, by: ann, reason: "dan voted for ann, the minutes say so" }\n';

const run = (head: Files, base: Files = {}): string[] =>
  checkRules(repoWith(head), [rule], undefined, repoWith(base)).map(brief);
const messages = (head: Files, base: Files = {}): string[] =>
  checkRules(repoWith(head), [rule], undefined, repoWith(base)).map((f) => f.message);

describe('record-immutable: merged votes and meetings change only with an appended correction', () => {
  it.each([
    ['no change', {}],
    ['a comment added to a vote', { [VOTE]: `# imported from the minutes\n${vote}` }],
    ['layout: flow style, other key order, quoting', { [VOTE]: vote.replace('kind: chair-election', "kind: 'chair-election'").replace('ballots:\n  ann: ann\n  bob: ann', 'ballots: { ann: ann, bob: ann, cat: ann, dan: abstain }\nx:').replace('\n  cat: ann\n  dan: abstain\nx:', '') }],
    ['a ballot changed with an appended correction', { [VOTE]: `${vote.replace('dan: abstain', 'dan: ann')}${CORRECTION}` }],
    ['a meeting attendee added with an appended correction', { [MEETING]: `${meeting.replace('[ann, bob, cat, dan]', '[ann, bob, cat, dan, eve]')}${CORRECTION}` }],
    ['a correction appended without other change', { [VOTE]: `${vote}${CORRECTION}` }],
    ['a new vote file (not on the base)', { 'governance/votes/2024-02-07-other.yaml': vote.replace('id: 2024-02-07-chair-election', 'id: 2024-02-07-other') }],
    ['a member file edited (members are not immutable)', { 'governance/members/ann.yaml': baseRepo()['governance/members/ann.yaml']!.replace('Ann Example', 'Ann B. Example') }],
  ])('valid: %s', (_name, head) => {
    expect(run(head)).toEqual([]);
  });

  it.each([
    // ballots start on line 8: ann 9, bob 10, cat 11, dan 12 (value at column 8)
    ['a ballot changed without a correction: at that ballot', { [VOTE]: vote.replace('dan: abstain', 'dan: ann') }, [`record-immutable ${VOTE}:12:8 error`]],
    ['the result changed', { [VOTE]: vote.replace('result: elected:ann', 'result: no-majority') }, [`record-immutable ${VOTE}:13:9 error`]],
    ['a ballot removed: at ballots', { [VOTE]: vote.replace('  dan: abstain\n', '') }, [`record-immutable ${VOTE}:9:3 error`]],
    ['the motion changed', { [VOTE]: vote.replace('Elect the chair for the next six months', 'Elect the chair') }, [`record-immutable ${VOTE}:5:9 error`]],
    ['a meeting attendee added', { [MEETING]: meeting.replace('[ann, bob, cat, dan]', '[ann, bob, cat, dan, eve]') }, [`record-immutable ${MEETING}:3:10 error`]],
    ['a guest renamed', { [MEETING]: meeting.replace('A Visitor', 'Another Visitor') }, [`record-immutable ${MEETING}:5:10 error`]],
    ['a vote file deleted: 1:1 of the base file', { [VOTE]: null }, [`record-immutable ${VOTE}:1:1 error`]],
    ['a meeting file deleted', { [MEETING]: null }, [`record-immutable ${MEETING}:1:1 error`]],
  ])('invalid: %s', (_name, head, expected) => {
    expect(run(head)).toEqual(expected);
  });

  it('names what changed, with the values', () => {
    expect(messages({ [VOTE]: vote.replace('dan: abstain', 'dan: ann') })).toEqual([
      'vote 2024-02-07-chair-election is merged on the base branch: this PR changes ballots.dan (abstain -> ann) without appending a corrections entry (date, by, reason) that says why',
    ]);
    expect(messages({ [VOTE]: null })).toEqual([
      'vote 2024-02-07-chair-election is merged on the base branch and this PR deletes its file: a merged record stays; correct it with an appended corrections entry (or annul it with a vote and nullified_by)',
    ]);
  });

  describe('an appended correction is accountable: by a member (or the board), not before the record', () => {
    const correct = (by: string, date = '2024-02-10'): Files => ({
      [VOTE]: `${vote.replace('dan: abstain', 'dan: ann')}corrections:\n  - { date: ${date}, by: ${by}, reason: "dan voted for ann" }\n`,
    });
    it.each<[string, Files]>([
      ['by a member', correct('ann')],
      ['by a member who does not serve today (who made it, not who serves)', correct('eve')],
      ['by the board', correct('board')],
      ['dated the day of the vote', correct('ann', '2024-02-07')],
    ])('valid: %s', (_name, head) => {
      expect(run(head)).toEqual([]);
    });

    it.each<[string, Files, string]>([
      ['by anyone: free text', correct('"someone"'), `record-immutable ${VOTE}:15:29 error the correction appended to vote 2024-02-07-chair-election is made by "someone", who is not a member: \`by\` names the member id of who made it (or \`board\`), so a change to a merged record is accountable`],
      ['by a misspelt member id', correct('annn'), `record-immutable ${VOTE}:15:29 error the correction appended to vote 2024-02-07-chair-election is made by "annn", who is not a member: \`by\` names the member id of who made it (or \`board\`), so a change to a merged record is accountable`],
      ['dated before the vote', correct('ann', '2024-02-06'), `record-immutable ${VOTE}:15:13 error the correction appended to vote 2024-02-07-chair-election is dated 2024-02-06, before the vote itself (2024-02-07): a correction comes after the record it corrects`],
    ])('invalid: %s', (_name, head, expected) => {
      expect(checkRules(repoWith(head), [rule], undefined, repoWith({})).map((f) => `${brief(f)} ${f.message}`)).toEqual([expected]);
    });

    it('entries already on the base branch are not judged again (imported history may name anyone)', () => {
      const old = `${vote}corrections:\n  - { date: 2024-02-10, by: "The secretary", reason: "typo" }\n`;
      expect(run({ [VOTE]: old }, { [VOTE]: old })).toEqual([]);
    });
  });

  describe('corrections are append-only', () => {
    const withOne = `${vote}${CORRECTION}`;
    it.each([
      ['a second entry appended to a change', `${vote.replace('dan: abstain', 'dan: ann')}${CORRECTION}  - { date: 2024-02-12, by: bob, reason: again }\n`, []],
      ['the earlier entry edited', `${vote.replace('dan: abstain', 'dan: ann')}${CORRECTION.replace('2024-02-10', '2024-02-11')}  - { date: 2024-02-12, by: bob, reason: again }\n`, [`record-immutable ${VOTE}:15:5 error`]],
      ['the earlier entry removed', vote.replace('dan: abstain', 'dan: ann'), [`record-immutable ${VOTE}:1:1 error`]],
      ['an old change without a new entry: the base already holds that correction', withOne.replace('dan: abstain', 'dan: ann'), [`record-immutable ${VOTE}:12:8 error`]],
    ])('%s', (_name, head, expected) => {
      expect(run({ [VOTE]: head }, { [VOTE]: withOne })).toEqual(expected);
    });
  });

  it('is an error at every date: a correction of imported history is still demanded', () => {
    const old = vote.replaceAll('2024-02-07', '2023-06-07');
    const file = 'governance/votes/2023-06-07-chair-election.yaml';
    const mt = meeting.replaceAll('2024-02-07', '2023-06-07');
    const base = { [file]: old, 'governance/meetings/2023-06-07.yaml': mt };
    expect(run({ ...base, [file]: old.replace('dan: abstain', 'dan: ann') }, base)).toEqual([`record-immutable ${file}:12:8 error`]);
  });

  describe('unknown values stay silent', () => {
    it.each([
      ['the head file no longer parses (yaml-syntax reports it)', { [VOTE]: `${vote}ballots: [` }, {}],
      ['the base file did not parse: the PR repairs it', {}, { [VOTE]: `${vote}: :` }],
      ['a ballot the schema rejects on both sides', { [VOTE]: vote.replace('dan: abstain', 'dan: Maybe!') }, { [VOTE]: vote.replace('dan: abstain', 'dan: Perhaps!') }],
      ['a ballot the schema rejects on the head (schema reports it)', { [VOTE]: vote.replace('dan: abstain', 'dan: Maybe!') }, {}],
      ['present rejected on the head', { [MEETING]: meeting.replace('[ann, bob, cat, dan]', '[ann, ann]') }, {}],
    ])('%s', (_name, head, base) => {
      expect(run(head, base)).toEqual([]);
    });
  });

  it('reports nothing without a base (check on a branch alone)', () => {
    expect(checkRules(repoWith({ [VOTE]: null }), [rule]).map(brief)).toEqual([]);
  });
});

describe('record-immutable compares every key of the parsed record', () => {
  it.each([
    ['notes', `${vote}notes: added later\n`, '14:8'],
    ['source', `${vote}source: https://example.org/minutes\n`, '14:9'],
  ])('a %s added without a correction is a change', (_name, text, at) => {
    expect(run({ [VOTE]: text })).toEqual([`record-immutable ${VOTE}:${at} error`]);
  });
});

describe('record-immutable: a value the schema rejects hides nothing else', () => {
  // The base already holds a schema error in dan's ballot (an "existing"
  // finding that never blocks). The PR leaves that ballot as it is, so its
  // schema finding stays "existing", and changes bob's ballot: that must not
  // pass as unknown just because ballots holds a rejected value somewhere.
  const bad = vote.replace('dan: abstain', 'dan: Maybe!');
  it('a sibling of a rejected ballot changed without a correction is reported', () => {
    expect(run({ [VOTE]: bad.replace('bob: ann', 'bob: cat') }, { [VOTE]: bad })).toEqual([`record-immutable ${VOTE}:10:8 error`]);
  });
  it('a sibling changed with a correction passes', () => {
    expect(run({ [VOTE]: `${bad.replace('bob: ann', 'bob: cat')}${CORRECTION}` }, { [VOTE]: bad })).toEqual([]);
  });
  it('a rejected value on the head does not hide a change of its siblings either', () => {
    expect(run({ [VOTE]: bad.replace('bob: ann', 'bob: cat') })).toEqual([`record-immutable ${VOTE}:10:8 error`]);
  });
  it('a meeting attendee changed next to a rejected one', () => {
    const m = meeting.replace('[ann, bob, cat, dan]', '[ann, bob, cat, 7]');
    expect(run({ [MEETING]: m.replace('[ann, bob, cat, 7]', '[eve, bob, cat, 7]') }, { [MEETING]: m })).toEqual([
      `record-immutable ${MEETING}:3:11 error`,
    ]);
  });
});

describe('record-immutable: a merged correction entry is append-only in every key', () => {
  const withOne = `${vote}${CORRECTION.replace('" }', '", source: "https://example.org/minutes#3" }')}`;
  it.each([
    ['its source rewritten', withOne.replace('minutes#3', 'other#9')],
    ['its notes added', withOne.replace('" }\n', '", notes: "added later" }\n')],
  ])('%s: reported as a changed entry', (_name, head) => {
    expect(messages({ [VOTE]: head }, { [VOTE]: withOne })).toEqual([
      'corrections are append-only: entry 1 of the merged vote 2024-02-07-chair-election (2024-02-10 by ann) was changed or removed; keep every entry as it is and append a new one',
    ]);
  });
  it('the same entry in another layout and key order is unchanged', () => {
    const relaid = `${vote}corrections:\n  - reason: "dan voted for ann, the minutes say so"\n    source: "https://example.org/minutes#3"\n    by: ann\n    date: 2024-02-10\n`;
    expect(run({ [VOTE]: relaid }, { [VOTE]: withOne })).toEqual([]);
  });
});
