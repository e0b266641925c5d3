// Edits keep every byte the person wrote: new text is spliced in where the
// parser says the node is; comments, folded text, quoting and order stay.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendItem, EditError, setScalar } from '../../scripts/core/yaml-edit.ts';

const MEMBER = `# Jane's record
id: jdoe
name: Jane Doe   # as on the website
disclosures:     # newest last
  - date: 2024-05-08
    employer: Example Corp
    notes: >-
      folded text that must not be
      reflowed
  # a comment after the last item
service:
  - { from: 2024-05-08, appointed_by: board }
continuation: [{ date: 2024-11-13, continues: true }]
`;

describe('appendItem', () => {
  it('a block list: the new item after the last, in block style, everything else unchanged', () => {
    const out = appendItem(MEMBER, ['disclosures'], { date: '2025-01-10', employer: 'Other Corp', conflicts: [] });
    expect(out).toBe(
      MEMBER.replace(
        '      reflowed\n',
        '      reflowed\n  - date: 2025-01-10\n    employer: Other Corp\n    conflicts: []\n',
      ),
    );
  });

  it('a block list of flow items: the new item as a flow item', () => {
    const out = appendItem(MEMBER, ['service'], { from: '2026-01-01', appointed_by: '2025-12-10-membership-jdoe' });
    expect(out).toBe(
      MEMBER.replace(
        '  - { from: 2024-05-08, appointed_by: board }\n',
        '  - { from: 2024-05-08, appointed_by: board }\n  - { from: 2026-01-01, appointed_by: 2025-12-10-membership-jdoe }\n',
      ),
    );
  });

  it('a flow list: inside its brackets', () => {
    const out = appendItem(MEMBER, ['continuation'], { date: '2025-05-14', continues: false });
    expect(out).toBe(MEMBER.replace('[{ date: 2024-11-13, continues: true }]', '[{ date: 2024-11-13, continues: true }, { date: 2025-05-14, continues: false }]'));
  });

  it('an empty flow list, an empty value, a missing key', () => {
    expect(appendItem('id: x\nservice: []\n', ['service'], 'a')).toBe('id: x\nservice: [a]\n');
    expect(appendItem('id: x\nservice:\nname: X\n', ['service'], 'a')).toBe('id: x\nservice: [a]\nname: X\n');
    expect(appendItem('id: x\nname: X\n', ['continuation'], { date: '2025-05-14', continues: true })).toBe(
      'id: x\nname: X\ncontinuation:\n  - date: 2025-05-14\n    continues: true\n',
    );
  });

  it('a nested list (chair-terms.yaml terms), a file without a final newline', () => {
    expect(appendItem('terms:\n  - member: a\n    from: 2024-01-01', ['terms'], { member: 'b', from: '2024-07-01' })).toBe(
      'terms:\n  - member: a\n    from: 2024-01-01\n  - member: b\n    from: 2024-07-01\n',
    );
  });

  it('values that need quotes are quoted', () => {
    const out = appendItem('guests: []\n', ['guests'], 'Name: with colon');
    expect(out).toBe('guests: ["Name: with colon"]\n');
  });

  it('refuses what is not a list, and a file that does not parse', () => {
    expect(() => appendItem(MEMBER, ['name'], 'x')).toThrow(EditError);
    expect(() => appendItem('a: [\n', ['a'], 'x')).toThrow(EditError);
  });

  it('on a member file of this repository, a disclosure append adds its lines and changes no other byte', () => {
    const text = readFileSync(new URL('../../governance/members/neal-gompa.yaml', import.meta.url), 'utf8');
    const out = appendItem(text, ['disclosures'], { date: '2026-12-01', employer: 'Example', conflicts: [] });
    expect(out).toContain('\n  - date: 2026-12-01\n    employer: Example\n    conflicts: []\n');
    expect(out.replace(/  - date: 2026-12-01\n    employer: Example\n    conflicts: \[\]\n/, '')).toBe(text);
  });
});

describe('setScalar', () => {
  it('replaces a value in place, keeping its comment', () => {
    expect(setScalar(MEMBER, ['name'], 'Jane Q. Doe')).toBe(MEMBER.replace('name: Jane Doe   #', 'name: Jane Q. Doe   #'));
  });

  it('adds a key to a flow mapping and to a block mapping', () => {
    expect(setScalar(MEMBER, ['service', 0, 'to'], '2026-01-31')).toContain('  - { from: 2024-05-08, appointed_by: board, to: 2026-01-31 }\n');
    expect(setScalar('rfc: 7\nstatus: discussion  # lifecycle\n', ['fcp_since'], '2026-12-01')).toBe('rfc: 7\nstatus: discussion  # lifecycle\nfcp_since: 2026-12-01\n');
    expect(setScalar('rfc: 7\nstatus: discussion  # lifecycle\n', ['status'], 'fcp')).toBe('rfc: 7\nstatus: fcp  # lifecycle\n');
  });
});
