// `npm run site`, its entry point run in process: the whole site written
// into --out, replaced whole and atomically, never a folder it did not build,
// and never a path outside it.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_MARKER, writeSite } from '../../scripts/shell/site-build.ts';
import { runCommand } from '../cli-command.ts';
import { FIXTURE_TODAY, repoWith, writeRepo } from '../helpers.ts';
import { REPO_URL, SHA } from './pages-fixture.ts';

const repo = writeRepo(repoWith());
const fresh = (): string => mkdtempSync(join(tmpdir(), 'gov-site-'));

describe('npm run site', () => {
  it('writes both languages, the stylesheet and the data files, exit 0', async () => {
    const out = join(fresh(), 'site');
    const r = await runCommand('site', ['--repo', repo, '--today', FIXTURE_TODAY, '--out', out, '--repo-url', REPO_URL, '--commit', SHA]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`wrote ${out}: 30 pages in 2 languages, 9 other files; 5 members serving, 0 errors, 0 warnings (10 files checked)\n`);
    expect(readdirSync(out).sort()).toEqual(
      [SITE_MARKER, 'api', 'charter.html', 'decisions.atom', 'findings.html', 'fr', 'index.html', 'meetings', 'meetings.html', 'meetings.ics', 'members', 'members.html', 'rfcs', 'rfcs.html', 'site.css', 'votes', 'votes.html'].sort(),
    );
    expect(readdirSync(join(out, 'fr', 'members')).sort()).toEqual(['ann.html', 'bob.html', 'cat.html', 'dan.html', 'eve.html']);
    expect(readFileSync(join(out, 'fr', 'index.html'), 'utf8')).toContain('<html lang="fr">');
  });

  it('a second build replaces the first whole, leaving nothing beside it', async () => {
    const parent = fresh();
    const out = join(parent, 'site');
    expect((await runCommand('site', ['--repo', repo, '--today', FIXTURE_TODAY, '--out', out])).status).toBe(0);
    writeFileSync(join(out, 'members', 'stale.html'), 'from an older build');
    const r = await runCommand('site', ['--repo', repo, '--today', '2024-02-21', '--out', out]);
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'members', 'stale.html'))).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('21 February 2024');
    expect(readdirSync(parent)).toEqual(['site']);
  });

  it('never replaces a folder it did not build, nor the repository', async () => {
    const out = fresh();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = await runCommand('site', ['--repo', repo, '--today', FIXTURE_TODAY, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the folder holds files not built by npm run site; choose a new or empty folder');
    expect(readdirSync(out)).toEqual(['notes.txt']);
    const self = await runCommand('site', ['--repo', repo, '--today', FIXTURE_TODAY, '--out', repo]);
    expect(self.status).toBe(2);
    expect(existsSync(join(repo, 'governance', 'charter.yaml'))).toBe(true);
  });

  it.each([
    [['--today', 'tomorrow'], '--today tomorrow: expected a real date written YYYY-MM-DD'],
    [['--site-url', 'ftp://example.org/'], '--site-url ftp://example.org/: expected an http(s) URL'],
    [['--out', ''], '--out: expected a folder'],
    [['extra'], 'Unexpected argument'],
  ])('usage error %j: exit 2, the help, nothing written', async (args, message) => {
    const out = join(fresh(), 'site');
    const r = await runCommand('site', ['--repo', repo, '--out', out, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Usage: npm run site -- --out DIR [options]');
    expect(existsSync(out)).toBe(false);
  });
});

describe('writeSite: all or nothing', () => {
  async function oldSite(): Promise<{ parent: string; out: string }> {
    const parent = fresh();
    const out = join(parent, 'site');
    await writeSite(out, [['index.html', 'old']]);
    return { parent, out };
  }

  it.each([
    ['../escape.html'],
    ['/etc/passwd'],
    ['a/../../b.html'],
    ['a\\b.html'],
    [''],
  ])('a path %j is refused: the old site stays, nothing else is left', async (bad) => {
    const { parent, out } = await oldSite();
    await expect(writeSite(out, [['index.html', 'new'], [bad, 'x']])).rejects.toThrow('refusing to write');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(parent)).toEqual(['site']);
    expect(existsSync(join(parent, 'escape.html'))).toBe(false);
  });

  it('a build that fails halfway (a file where a folder must go) leaves the old site as it was', async () => {
    const { parent, out } = await oldSite();
    await expect(writeSite(out, [['index.html', 'new'], ['a', 'file'], ['a/b.html', 'under a file']])).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(parent)).toEqual(['site']);
  });

  it('a path given twice is a bug, not an overwrite', async () => {
    const parent = fresh();
    mkdirSync(join(parent, 'unused'));
    await expect(writeSite(join(parent, 'site'), [['x.html', '1'], ['x.html', '2']])).rejects.toThrow(/EEXIST/);
    expect(readdirSync(parent)).toEqual(['unused']);
  });
});
