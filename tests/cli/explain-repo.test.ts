// explain --repo quotes that committee's own numbers with the charter text
// beside each; an unknown rule gets a did-you-mean.
import { describe, expect, it } from 'vitest';
import { runCommand } from '../cli-command.ts';
import { baseRepo, repoWith, writeRepo } from '../helpers.ts';

const CHARTER = 'governance/charter.yaml';
const own = baseRepo()[CHARTER]!.replace(
  'quorum: { fraction: 0.5, plus: 1, minimum: 4 }',
  'quorum:\n  fraction: 0.6666666666666666   # Bylaws 3: "two thirds of the members"\n  plus: 0\n  minimum: 5                      # Bylaws 3: "never fewer than five"',
);

describe('explain --repo', () => {
  it("quotes the committee's own numbers and their charter text, and labels the rule's sentence as ALESCo's", async () => {
    const dir = writeRepo(repoWith({ [CHARTER]: own }));
    const r = await runCommand('explain', ['vote-quorum', '--repo', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      [
        "In Test Committee's charter (governance/charter.yaml):",
        '    quorum.fraction: 0.6666666666666666   # Bylaws 3: "two thirds of the members"',
        '    quorum.plus: 0',
        '    quorum.minimum: 5                     # Bylaws 3: "never fewer than five"',
        '',
        "Written for ALESCo's charter (Policies 6: Quorum), which says:",
      ].join('\n'),
    );
  });

  it('a rule that reads no charter number shows none', async () => {
    const dir = writeRepo(repoWith({ [CHARTER]: own }));
    const r = await runCommand('explain', ['file-name', '--repo', dir]);
    expect(r.stdout).not.toContain("Test Committee's charter");
  });

  it('an unreadable charter is said, and the rule is still explained', async () => {
    const dir = writeRepo(repoWith({ [CHARTER]: 'committee: [\n' }));
    const r = await runCommand('explain', ['vote-quorum', '--repo', dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('governance/charter.yaml of');
    expect(r.stdout).toContain('Enforces (Policies 6: Quorum):');
  });

  it('an unknown rule gets a did-you-mean', async () => {
    const r = await runCommand('explain', ['vote-quorom']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no rule "vote-quorom" (did you mean "vote-quorum"?)');
  });

  it("vote-quorum's fix never adds anyone to present", async () => {
    const r = await runCommand('explain', ['vote-quorum']);
    const fix = r.stdout.slice(r.stdout.indexOf('Fix:'));
    expect(fix).toContain('Hold it again at a meeting with quorum');
    expect(fix).not.toMatch(/^\s*present:/m);
  });
});
