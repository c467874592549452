import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { standInArchive } from '../helpers/stand-in-archive.js';
import { runInProcess, type CliRun } from '../helpers/in-process-cli.js';

/**
 * release.notes: file:<path> names a file the release's body is read from. Missing when the hub
 * starts, it is bad input at that key (file:line:col, exit 2) with nothing written to GitHub; there,
 * the file becomes the release's body.
 */
const TOKEN = 'ghs_release_notes_file_token_0123456789';
let gh: GitHubFake;

beforeAll(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/notes'] });
});
afterAll(async () => {
  await gh.close();
});

function cli(cwd: string, args: string[]): Promise<CliRun> {
  return runInProcess(args, { cwd, env: { PATH: process.env.PATH ?? '', GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url } });
}

describe('release.notes: file:<path>', () => {
  test('missing: exit 2 at release.notes, nothing written; present: it is the release body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-notes-file-'));
    writeFileSync(join(dir, 'deployforge.yml'), [
      'project: { name: notes, repository: acme/notes }',
      'build: { targets: [linux-x64] }',
      'release:',
      '  notes: file:NOTES.md',
      'platforms: {}',
      '',
    ].join('\n'));
    mkdirSync(join(dir, 'artifacts'));
    await standInArchive(join(dir, 'artifacts', 'notes-1.0.0-linux-x64.tar.gz'), 'notes', 'notes binary\n');
    const args = ['release', '--version', '1.0.0', '--artifacts', 'artifacts'];

    const writes = gh.writeCount();
    const missing = await cli(dir, args);
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stderr).toMatch(/deployforge\.yml:4:10: release\.notes: "file:NOTES\.md": no such file \(looked for .*NOTES\.md\); expected the release notes there, or notes: generate \| none/);
    expect(missing.stderr).not.toMatch(/^\s+at /m);
    expect(gh.writeCount(), 'writes to the GitHub fake').toBe(writes);
    expect(gh.state.repo('acme/notes')!.releases).toHaveLength(0);

    writeFileSync(join(dir, 'NOTES.md'), '## 1.0.0\n\nFirst release.\n');
    const present = await cli(dir, args);
    expect(present.code, present.stderr).toBe(0);
    expect(gh.state.repo('acme/notes')!.releases.map((r) => r.body)).toEqual(['## 1.0.0\n\nFirst release.\n']);
  }, 60_000);
});
