// One unreadable file is one finding at 1:1 of that file, and a folder the
// same: the run goes on, and every other finding is kept. Permissions do not
// stop root (CI may run as root), so the file system refuses here through a
// mock of exactly the calls the shell makes; a real chmod 000 runs too when
// the tests are not root.
import * as realFs from 'node:fs';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkFiles } from '../../scripts/core/check.ts';
import type { Finding } from '../../scripts/core/types.ts';
import { loadSchemas, readRepository } from '../../scripts/shell/fs-repo.ts';
import { FIXTURE_TODAY, repoWith, writeRepo } from '../helpers.ts';

const denied = (path: unknown): boolean => /\/(denied\.yaml|sigs)$/.test(String(path));
const eacces = (): Error => Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof realFs>();
  return {
    ...fs,
    openSync: ((path: realFs.PathLike, ...rest: unknown[]) => {
      if (denied(path)) throw eacces();
      return (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
    }) as typeof fs.openSync,
    readdirSync: ((path: realFs.PathLike, ...rest: unknown[]) => {
      if (denied(path)) throw eacces();
      return (fs.readdirSync as (...a: unknown[]) => unknown)(path, ...rest);
    }) as typeof fs.readdirSync,
  };
});

function checkDir(dir: string): Finding[] {
  const repo = readRepository(dir);
  return checkFiles({ files: repo.files, schemas: loadSchemas(), today: FIXTURE_TODAY, codeowners: repo.codeowners }).findings;
}
const show = (findings: Finding[]): string[] => findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`);

const MEMBER = 'id: denied\nname: Denied\nservice: []\n';

describe('an unreadable file or folder is one finding, and the run goes on', () => {
  it('a member file that cannot be read: yaml-syntax at its 1:1, and the meeting that lists them is not judged for it', () => {
    const dir = writeRepo(
      repoWith({
        'governance/members/denied.yaml': MEMBER,
        'governance/meetings/2024-02-14.yaml': 'date: 2024-02-14\nkind: regular\npresent: [ann, bob, cat, dan, denied]\n',
      }),
    );
    expect(show(checkDir(dir))).toEqual([
      'yaml-syntax governance/members/denied.yaml:1:1 error file cannot be read (permission denied)',
    ]);
  });

  it('a folder that cannot be read: one finding at the folder, no cascade', () => {
    const dir = writeRepo(
      repoWith({
        'governance/sigs/cloud.yaml': 'id: cloud\nname: Cloud SIG\n',
        'governance/members/ann.yaml': null,
      }),
    );
    expect(show(checkDir(dir))).toEqual(
      expect.arrayContaining(['yaml-syntax governance/sigs:1:1 error folder cannot be read (permission denied): the records in it are not checked']),
    );
    // The other finding (ann has no member file) is still there.
    expect(checkDir(dir).some((f) => f.rule === 'unknown-reference')).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)('a real chmod 000 (not as root)', () => {
    const dir = writeRepo(repoWith({ 'governance/members/zed.yaml': 'id: zed\nname: Zed\nservice: []\n' }));
    chmodSync(join(dir, 'governance/members/zed.yaml'), 0);
    expect(show(checkDir(dir))).toEqual(['yaml-syntax governance/members/zed.yaml:1:1 error file cannot be read (permission denied)']);
  });
});
