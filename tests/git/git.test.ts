// Reading revisions from git objects: the same bytes as on disk, in a fixed
// number of git processes.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../scripts/core/check.ts';
import { loadSchemas, readRepository } from '../../scripts/shell/fs-repo.ts';
import { Git, readRevision } from '../../scripts/shell/git.ts';
import { baseRepo } from '../helpers.ts';
import { commit, git, gitRepo } from './git-repo.ts';

const TODAY = '2024-02-20';

describe('Git: records from git objects', () => {
  it('reads the same files as the disk, and check gives the same findings', async () => {
    const dir = gitRepo({
      ...baseRepo(),
      'governance/sigs/weird name ü.yaml': 'id: x\nname: X\n',
      'governance/members/zed.yaml': new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]),
      'rfcs/assets/diagram.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      'README.md': 'not a record\n',
    });
    const fromGit = await readRevision(dir, 'HEAD');
    const fromDisk = readRepository(dir);
    const sort = (files: { path: string; bytes: Uint8Array }[]): [string, string][] =>
      files
        .filter((f) => !f.path.startsWith('rfcs/assets/'))
        .map((f): [string, string] => [f.path, Buffer.from(f.bytes).toString('hex')])
        .sort(([a], [b]) => (a < b ? -1 : 1));
    expect(sort(fromGit.files)).toEqual(sort(fromDisk.files));
    expect(fromGit.files.map((f) => f.path)).toContain('rfcs/assets/diagram.png');

    const schemas = loadSchemas();
    const a = checkFiles({ files: fromGit.files, schemas, today: TODAY, codeowners: fromGit.codeowners });
    const b = checkFiles({ files: fromDisk.files, schemas, today: TODAY, codeowners: fromDisk.codeowners });
    expect(a.findings).toEqual(b.findings);
    expect(a.findings.map((f) => `${f.rule} ${f.file}`)).toContain('yaml-syntax governance/members/zed.yaml');
    expect(fromGit.sha).toBe(git(dir, 'rev-parse', 'HEAD'));
  });

  it('reports an oversized record by its size', async () => {
    const big = `id: big\nname: Big\nnotes: "${'x'.repeat(1024 * 1024)}"\n`;
    const dir = gitRepo({ ...baseRepo(), 'governance/sigs/big.yaml': big });
    const rev = await readRevision(dir, 'HEAD');
    const file = rev.files.find((f) => f.path === 'governance/sigs/big.yaml');
    expect(file?.bytes.length).toBe(big.length);
    const { findings } = checkFiles({ files: rev.files, schemas: loadSchemas(), today: TODAY, codeowners: rev.codeowners });
    expect(findings.find((f) => f.file === 'governance/sigs/big.yaml')?.message).toBe('file is 1.0 MiB, over the 1 MiB limit for a record');
  });

  it('does not read a symlink, as the disk reader does: it is an entry with a problem, no contents', async () => {
    const dir = gitRepo(baseRepo());
    symlinkSync('ann.yaml', join(dir, 'governance/members/alias.yaml'));
    commit(dir, {}, 'symlink');
    const rev = await readRevision(dir, 'HEAD');
    const alias = rev.files.find((f) => f.path === 'governance/members/alias.yaml');
    expect(alias?.problem).toEqual({ kind: 'symlink' });
    expect(alias?.bytes.length).toBe(0);
  });

  it('finds .github/ and CODEOWNERS in the tree', async () => {
    const dir = gitRepo({ ...baseRepo(), '.github/CODEOWNERS': '/scripts/ @ann-gh\n' });
    const rev = await readRevision(dir, 'HEAD');
    expect(rev.codeowners).toEqual({ githubDir: true, text: '/scripts/ @ann-gh\n' });
    const none = await readRevision(gitRepo(baseRepo()), 'HEAD');
    expect(none.codeowners).toEqual({ githubDir: false });
  });

  it('two revisions: one ls-tree each and one cat-file for all their blobs', async () => {
    const dir = gitRepo(baseRepo());
    const first = git(dir, 'rev-parse', 'HEAD');
    const second = commit(dir, { 'governance/sigs/cloud.yaml': 'id: cloud\nname: Cloud SIG\n' });
    const session = new Git(dir);
    const [a, b] = await session.readRevisions([first, second]);
    expect(session.processes).toBe(3);
    expect(a?.files.length).toBe(Object.keys(baseRepo()).length);
    expect(b?.files.length).toBe(Object.keys(baseRepo()).length + 1);
    expect(b?.blobs.get('governance/sigs/cloud.yaml')).toMatch(/^[0-9a-f]{40}$/);
  });

  it('resolves revisions to full SHAs and refuses what is not a commit', async () => {
    const dir = gitRepo(baseRepo());
    const session = new Git(dir);
    await expect(session.resolve('main')).resolves.toBe(git(dir, 'rev-parse', 'main'));
    await expect(session.resolve('-n')).rejects.toThrow('a revision cannot start with "-"');
    await expect(session.resolve('HEAD:governance')).rejects.toThrow('is not a commit');
    await expect(session.resolve('nope')).rejects.toThrow('revision "nope" is not a commit');
  });

  it('refuses a revision without governance/ for check --rev', async () => {
    const dir = gitRepo({ 'README.md': 'hello\n' });
    await expect(readRevision(dir, 'HEAD')).rejects.toThrow('has no governance/ folder');
  });

  it('refuses a directory that is not a git repository', async () => {
    const dir = gitRepo(baseRepo());
    const plain = join(dir, 'governance');
    // A subfolder of a repository is inside it; /proc is not a repository anywhere.
    await expect(new Git(plain).resolve('HEAD')).resolves.toMatch(/^[0-9a-f]{40}$/);
    await expect(new Git('/proc').assertFullHistory()).rejects.toThrow('is not a git repository');
  });
});
