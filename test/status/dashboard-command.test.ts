import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runInProcess, type CliRun } from '../helpers/in-process-cli.js';
import { repoRoot } from '../helpers/repo-root.js';

/** The CLI in-process with captured output (the bundle is exercised by the summarize action test). */
const cli = (args: string[], cwd = repoRoot): Promise<CliRun> => runInProcess(args, { cwd, env: {} });

const fixture = (name: string) => `test/fixtures/status/${name}`;

describe('deployforge dashboard', () => {
  test('renders from several status files: prints the index.html path; writes the newest status.json and the badge', async () => {
    const out = mkdtempSync(join(tmpdir(), 'df-dashboard-cli-'));
    const run = await cli(['dashboard', '--status', fixture('release-1.2.1.json'), '--status', fixture('release-1.2.3.json'), '--status', fixture('release-1.2.2.json'), '--out', out]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(`${join(out, 'index.html')}\n`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<h2 id="history-h">History</h2>');
    expect(JSON.parse(readFileSync(join(out, 'status.json'), 'utf8'))).toMatchObject({ version: '1.2.3' });
    expect(JSON.parse(readFileSync(join(out, 'badge.json'), 'utf8'))).toEqual({ schemaVersion: 1, label: 'release', message: '1.2.3 · 11/14 ok', color: 'orange' });
  });

  test('a bad status file: exit 2 naming it and what is wrong, nothing written', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'df-dashboard-cli-')), 'site');
    const run = await cli(['dashboard', '--status', fixture('release-1.2.3.json'), '--status', fixture('bad-status.json'), '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${fixture('bad-status.json')}: not a valid status.json`);
    expect(run.stderr).toContain('platforms.npm.status: expected published | skipped | dry-run | failed | needs-human, got "great"');
    expect(run.stderr).toContain('platforms.npm.detail: expected a string');
    expect(() => readFileSync(join(out, 'index.html'))).toThrow();
  });

  test('--json: a bad status file is one error, its bad keys kept together in the message', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'df-dashboard-cli-')), 'site');
    const run = await cli(['dashboard', '--json', '--status', fixture('bad-status.json'), '--out', out]);
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as { ok: boolean; errors: { key: string | null; message: string }[] };
    expect(doc.ok).toBe(false);
    expect(doc.errors).toEqual([{
      file: null, line: null, col: null, key: fixture('bad-status.json'),
      message: [
        'not a valid status.json:',
        '  platforms.npm.status: expected published | skipped | dry-run | failed | needs-human, got "great"',
        '  platforms.npm.detail: expected a string, but the key is missing',
      ].join('\n'),
    }]);
  });

  test.each([
    ['not JSON', '{"project": ', 'not a status.json'],
    ['a list', '[]', 'expected a JSON object, got a list of 0'],
  ])('%s: exit 2 naming the file', async (_what, text, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'df-dashboard-cli-'));
    writeFileSync(join(dir, 'status.json'), text);
    const run = await cli(['dashboard', '--status', 'status.json', '--out', 'site'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`status.json: ${message}`);
  });

  test('a missing file and a missing flag are bad input too', async () => {
    const missing = await cli(['dashboard', '--status', 'nope.json', '--out', mkdtempSync(join(tmpdir(), 'df-'))]);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('nope.json: cannot read the status file (ENOENT)');
    // No --status and no status.json where release writes it: said, exit 2.
    const bare = await cli(['dashboard', '--out', 'x'], mkdtempSync(join(tmpdir(), 'df-dashboard-bare-')));
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--status: not given, and there is no .deployforge/status.json (deployforge release writes it); pass --status <file> with a status.json');
  });

  test('no flags after a local release: the .deployforge/status.json it wrote, into .deployforge/dashboard', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-dashboard-defaults-'));
    mkdirSync(join(dir, '.deployforge'));
    copyFileSync(join(repoRoot, fixture('release-1.2.3.json')), join(dir, '.deployforge', 'status.json'));
    const run = await cli(['dashboard'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(join(dir, '.deployforge', 'dashboard', 'index.html'));
    expect(readFileSync(join(dir, '.deployforge', 'dashboard', 'index.html'), 'utf8')).toContain('1.2.3');
    // --config elsewhere: the defaults are next to that config, not in the current folder.
    const other = mkdtempSync(join(tmpdir(), 'df-dashboard-cwd-'));
    const relativeConfig = await cli(['dashboard', '--config', join(dir, 'deployforge.yml')], other);
    expect(relativeConfig.code, relativeConfig.stderr).toBe(0);
    expect(relativeConfig.stdout.trim()).toBe(join(dir, '.deployforge', 'dashboard', 'index.html'));
  });

  test('offline history: repeated runs add to the history.json of the previous one, keeping --keep documents; drift on the front page', async () => {
    const out = mkdtempSync(join(tmpdir(), 'df-dashboard-cli-'));
    const first = await cli(['dashboard', '--status', fixture('release-1.2.1.json'), '--status', fixture('release-1.2.2.json'), '--status', fixture('release-1.2.3.json'), '--out', out]);
    expect(first.code).toBe(0);
    const history = join(out, 'history.json');
    const copy = join(mkdtempSync(join(tmpdir(), 'df-dashboard-cli-')), 'history.json');
    writeFileSync(copy, readFileSync(history));
    const second = await cli(['dashboard', '--history', copy, '--status', fixture('release-1.2.4.json'), '--status', fixture('check-1.2.4.json'), '--keep', '4', '--out', out]);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    const kept = JSON.parse(readFileSync(history, 'utf8')) as { documents: { version: string }[] };
    expect(kept.documents.map((d) => d.version)).toEqual(['1.2.4', '1.2.4', '1.2.3', '1.2.2']);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('version: 1.2.4\nplatforms: npm,docker,winget');
    expect(index).toContain('What each platform serves across the last 4 releases and checks');
  });

  test.each([['0'], ['x'], ['1001']])('--keep %s is bad input: exit 2 naming the flag', async (keep) => {
    const run = await cli(['dashboard', '--status', fixture('release-1.2.3.json'), '--keep', keep, '--out', mkdtempSync(join(tmpdir(), 'df-'))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--keep: expected a whole number from 1 to 1000, got "${keep}"`);
  });

  test('a bad history file: exit 2 naming it and the document at fault', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-dashboard-cli-'));
    writeFileSync(join(dir, 'history.json'), JSON.stringify({ documents: [{ project: 'x' }] }));
    const run = await cli(['dashboard', '--history', join(dir, 'history.json'), '--status', join(repoRoot, fixture('release-1.2.3.json')), '--out', 'site'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('history.json: documents[0]: not a valid status.json');
    const notList = join(dir, 'h2.json');
    writeFileSync(notList, '[]');
    expect((await cli(['dashboard', '--history', notList, '--status', join(repoRoot, fixture('release-1.2.3.json')), '--out', 'site'], dir)).stderr).toContain('expected {"documents": [status.json, …]}');
  });
});
