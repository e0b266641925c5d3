// Never read outside the repository: a link (to a file or a folder, the
// records' folders themselves included) is a finding and is not followed;
// so is anything that is not a plain file; a huge file is not even read.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../scripts/core/check.ts';
import type { Finding } from '../../scripts/core/types.ts';
import { assertInsideRepo, loadSchemas, readRepository, readRepoText, writeRepoFile } from '../../scripts/shell/fs-repo.ts';
import { readRevision } from '../../scripts/shell/git.ts';
import { git, gitRepo } from '../git/git-repo.ts';
import { FIXTURE_TODAY, repoWith, writeRepo } from '../helpers.ts';

const LINK = 'a symbolic link: records are plain files, and a link is never followed';

function checkDir(dir: string): Finding[] {
  const repo = readRepository(dir);
  return checkFiles({ files: repo.files, schemas: loadSchemas(), today: FIXTURE_TODAY, codeowners: repo.codeowners }).findings;
}

const show = (findings: Finding[]): string[] => findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`);

/** A folder outside the repository with a readable secret and a valid-looking record in it. */
function outside(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gov-outside-'));
  writeFileSync(join(dir, 'secret.yaml'), 'id: secret\nname: Secret\nservice: []\n');
  mkdirSync(join(dir, 'members'));
  writeFileSync(join(dir, 'members', 'zed.yaml'), 'id: zed\nname: Zed\nservice: []\n');
  return dir;
}

describe('links are findings, never followed', () => {
  it('a member file that is a link: one file-name finding, and its member is unknown, not missing', () => {
    const dir = writeRepo(repoWith({ 'governance/members/eve.yaml': null }));
    symlinkSync(join(outside(), 'secret.yaml'), join(dir, 'governance/members/eve.yaml'));
    expect(show(checkDir(dir))).toEqual([`file-name governance/members/eve.yaml:1:1 error ${LINK}`]);
  });

  it('a link to /etc as governance/sigs: one finding, nothing of /etc is read', () => {
    const dir = writeRepo(repoWith());
    symlinkSync('/etc', join(dir, 'governance/sigs'));
    const started = performance.now();
    const findings = checkDir(dir);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(show(findings)).toEqual([`file-name governance/sigs:1:1 error ${LINK}`]);
  });

  it('governance/members a link: one finding, and no member is reported missing anywhere', () => {
    const dir = writeRepo(repoWith());
    execFileSync('rm', ['-r', join(dir, 'governance/members')]);
    symlinkSync(join(outside(), 'members'), join(dir, 'governance/members'));
    expect(show(checkDir(dir))).toEqual([`file-name governance/members:1:1 error ${LINK}`]);
  });

  it('governance/ itself a link: one finding (not "charter.yaml is missing")', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gov-link-'));
    symlinkSync('/etc', join(dir, 'governance'));
    expect(show(checkDir(dir))).toEqual([`file-name governance:1:1 error ${LINK}`]);
  });

  it('rfcs/ a link: one finding, and references to RFCs are not reported missing', () => {
    const dir = writeRepo(repoWith({ 'rfcs/0001-example.md': null }));
    symlinkSync(outside(), join(dir, 'rfcs'));
    expect(show(checkDir(dir))).toEqual([`file-name rfcs:1:1 error ${LINK}`]);
  });

  it('.github/CODEOWNERS a link: a finding at it, and the codeowners rule does not guess', () => {
    const dir = writeRepo(repoWith());
    mkdirSync(join(dir, '.github'));
    symlinkSync('/etc/passwd', join(dir, '.github/CODEOWNERS'));
    expect(show(checkDir(dir))).toEqual([`file-name .github/CODEOWNERS:1:1 error ${LINK}`]);
  });

  it('a named pipe is reported without blocking the run', () => {
    const dir = writeRepo(repoWith());
    execFileSync('mkfifo', [join(dir, 'governance/members/fifo.yaml')]);
    expect(show(checkDir(dir))).toEqual(['file-name governance/members/fifo.yaml:1:1 error a named pipe: records are plain files']);
  });

  it('a 3 MiB file on disk is refused by its size, unread', () => {
    const dir = writeRepo(repoWith({ 'governance/members/big.yaml': `id: big\n${'#'.repeat(3 * 1024 * 1024)}\n` }));
    expect(show(checkDir(dir))).toEqual(['yaml-syntax governance/members/big.yaml:1:1 error file is 3.0 MiB, over the 1 MiB limit for a record']);
  });

  it('--rev: tree entries of mode 120000 (a file, and governance/ itself) are findings, not read', async () => {
    const dir = gitRepo(repoWith({ 'governance/members/eve.yaml': null }));
    symlinkSync('/etc/passwd', join(dir, 'governance/members/eve.yaml'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'link');
    const rev = await readRevision(dir, 'HEAD');
    const findings = checkFiles({ files: rev.files, schemas: loadSchemas(), today: FIXTURE_TODAY, codeowners: rev.codeowners }).findings;
    expect(show(findings)).toEqual([`file-name governance/members/eve.yaml:1:1 error ${LINK}`]);

    const whole = mkdtempSync(join(tmpdir(), 'gov-link-'));
    git(whole, 'init', '-q', '-b', 'main');
    symlinkSync('/etc', join(whole, 'governance'));
    git(whole, 'add', '-A');
    git(whole, '-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'link');
    const linked = await readRevision(whole, 'HEAD');
    expect(linked.files.map((f) => [f.path, f.problem?.kind])).toEqual([['governance', 'symlink']]);
  });
});

describe('writing never goes through a link or outside the repository', () => {
  it('refuses a path through a linked folder, and writes nothing there', () => {
    const dir = writeRepo(repoWith());
    const target = outside();
    execFileSync('rm', ['-r', join(dir, 'governance/meetings')]);
    symlinkSync(target, join(dir, 'governance/meetings'));
    expect(() => writeRepoFile(dir, 'governance/meetings/2024-03-06.yaml', 'date: 2024-03-06\n')).toThrow(
      'governance/meetings is a symbolic link: records are written only to plain files and folders',
    );
    expect(existsSync(join(target, '2024-03-06.yaml'))).toBe(false);
    expect(() => readRepoText(dir, 'governance/meetings/secret.yaml')).toThrow('is a symbolic link');
  });

  it.each(['../outside.yaml', 'governance/../../x.yaml', '/etc/passwd'])('refuses %s', (path) => {
    const dir = writeRepo(repoWith());
    expect(() => assertInsideRepo(dir, path)).toThrow(/outside the repository/);
  });

  it('writes a new file atomically and reads it back', () => {
    const dir = writeRepo(repoWith());
    writeRepoFile(dir, 'governance/meetings/2024-03-06.yaml', 'date: 2024-03-06\n');
    expect(readFileSync(join(dir, 'governance/meetings/2024-03-06.yaml'), 'utf8')).toBe('date: 2024-03-06\n');
    expect(readRepoText(dir, 'governance/meetings/2024-03-07.yaml')).toBeUndefined();
  });
});
