// `npm run record -- WHAT` with no options on a terminal: the questions, in
// order, and the options they become. Driven twice: with a scripted
// prompter, and through the real @inquirer prompts rendered by
// @inquirer/testing, answered key by key.
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { askFor, type Choice, type Prompter } from '../../scripts/shell/record-prompts.ts';
import { FIXTURE_TODAY, loadModel, repoWith, type Files } from '../helpers.ts';

const modelOf = (files: Files) => loadModel(files, FIXTURE_TODAY);

const MEETING = { 'governance/meetings/2024-02-14.yaml': 'date: 2024-02-14\nkind: regular\npresent: [dan, bob, ann, cat]\nboard: []\n' };

/** Answers by question: each answer is the value to pick (or the text to type). */
function scripted(answers: (string | string[] | boolean)[]): { ask: Prompter; asked: string[] } {
  const asked: string[] = [];
  const next = (message: string): string | string[] | boolean => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`no answer for "${message}"`);
    return answers.shift()!;
  };
  return {
    asked,
    ask: {
      text: async (m, o) => {
        const a = next(m) as string;
        return a === '' && o?.default !== undefined ? o.default : a;
      },
      select: async (m, choices) => {
        const a = next(m) as string;
        if (!choices.some((c) => c.value === a)) throw new Error(`"${a}" is not a choice of "${m}": ${choices.map((c) => c.value).join(', ')}`);
        return a;
      },
      checkbox: async (m) => next(m) as string[],
      confirm: async (m) => next(m) as boolean,
    },
  };
}

describe('the questions, in order', () => {
  it('a meeting: date, kind, who was present (from the members serving that day), the chair, board, guests, minutes', async () => {
    const { ask, asked } = scripted(['2024-02-14', 'regular', ['ann', 'bob', 'cat', 'dan'], 'ann', '', 'Jo Doe, Al Roe', '']);
    const args = await askFor('meeting', modelOf(repoWith()), FIXTURE_TODAY, ask);
    expect(args).toEqual(['--date', '2024-02-14', '--kind', 'regular', '--present', 'ann,bob,cat,dan', '--chaired-by', 'ann', '--guests', 'Jo Doe', '--guests', 'Al Roe']);
    expect(asked[2]).toBe('Members present (serving on 2024-02-14)');
  });

  it('a vote: the ballots are asked member by member in roll-call order, and a tie asks for the chair\'s deciding vote', async () => {
    const { ask, asked } = scripted(['meeting', 'policy', '2024-02-14', 'Adopt the policy', 'yes', 'no', 'yes', 'no', 'yes']);
    const args = await askFor('vote', modelOf(repoWith(MEETING)), FIXTURE_TODAY, ask);
    expect(asked.slice(4)).toEqual(['ann:', 'bob:', 'cat:', 'dan:', 'A tie, 2 to 2: the chair\'s deciding vote']);
    expect(args).toEqual([
      '--meeting', '2024-02-14', '--kind', 'policy', '--motion', 'Adopt the policy',
      '--ballot', 'ann=yes', '--ballot', 'bob=no', '--ballot', 'cat=yes', '--ballot', 'dan=no',
      '--tie-break', 'chair:yes',
    ]);
  });
});

/** A prompter that renders the real @inquirer prompt and answers it with keys. */
function keyboard(answers: (string | string[] | boolean)[]): Prompter {
  const take = (): string | string[] | boolean => answers.shift()!;
  const pick = async (choices: readonly Choice[], value: string, events: { keypress(k: string): void }): Promise<void> => {
    const index = choices.findIndex((c) => c.value === value);
    if (index === -1) throw new Error(`no choice ${value}`);
    for (let i = 0; i < index; i++) events.keypress('down');
  };
  return {
    async text(message, o = {}) {
      const { answer, events } = await render(input, { message, ...(o.default !== undefined ? { default: o.default } : {}) });
      const a = take() as string;
      if (a) events.type(a);
      events.keypress('enter');
      return answer;
    },
    async select(message, choices) {
      const { answer, events, getScreen } = await render(select, { message, choices: [...choices] });
      expect(getScreen()).toContain(message);
      await pick(choices, take() as string, events);
      events.keypress('enter');
      return answer;
    },
    async checkbox(message, choices) {
      const { answer, events } = await render(checkbox, { message, choices: [...choices] });
      const wanted = new Set(take() as string[]);
      choices.forEach((c, i) => {
        if (i > 0) events.keypress('down');
        if (wanted.has(c.value) !== (c.checked === true)) events.keypress('space');
      });
      events.keypress('enter');
      return answer;
    },
    async confirm(message, initial = true) {
      const { answer, events } = await render(confirm, { message, default: initial });
      events.type(take() ? 'y' : 'n');
      events.keypress('enter');
      return answer;
    },
  };
}

describe('through the real prompts, key by key', () => {
  it('a meeting', async () => {
    const args = await askFor('meeting', modelOf(repoWith()), FIXTURE_TODAY, keyboard(['', 'special', ['ann', 'cat', 'dan', 'eve'], 'cat', '', '', '']));
    expect(args).toEqual(['--date', '2024-02-20', '--kind', 'special', '--present', 'ann,cat,dan,eve', '--chaired-by', 'cat']);
  });

  it('a vote', async () => {
    const args = await askFor('vote', modelOf(repoWith(MEETING)), FIXTURE_TODAY, keyboard(['meeting', 'decision', '2024-02-14', 'Adopt the budget', 'yes', 'yes', 'abstain', 'no']));
    expect(args).toEqual([
      '--meeting', '2024-02-14', '--kind', 'decision', '--motion', 'Adopt the budget',
      '--ballot', 'ann=yes', '--ballot', 'bob=yes', '--ballot', 'cat=abstain', '--ballot', 'dan=no',
    ]);
  });

  it('a check-in: everyone serving is offered and ticked', async () => {
    const args = await askFor('continuation', modelOf(repoWith()), FIXTURE_TODAY, keyboard(['2024-02-07', ['ann', 'bob', 'cat', 'dan', 'eve'], true]));
    expect(args).toEqual(['--date', '2024-02-07', '--member', 'ann,bob,cat,dan,eve', '--continues', 'yes']);
  });
});
