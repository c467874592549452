// `deployforge release` with version.from: tag and no --version releases the tag HEAD carries, as
// the workflow releases the tag that was pushed. No tag, or several, is bad input that names them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StatusDocument } from '@deployforge/status';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { runInProcess, type CliRun } from '../helpers/in-process-cli.js';

const TOKEN = 'ghs_release_head_tag_token_0123456789';
let gh: GitHubFake;
const made: string[] = [];

beforeAll(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/tagged'] });
});
afterAll(async () => {
  await gh.close();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir, GIT_CONFIG_NOSYSTEM: '1' } }).trim();
}

/** A git checkout of a project whose build writes a one-line script; HEAD gets `tags`. */
function checkout(tags: string[], { prefix }: { prefix?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-head-tag-'));
  made.push(dir);
  writeFileSync(join(dir, 'build.sh'), 'mkdir -p out && printf "#!/bin/sh\\necho tagged\\n" > out/tagged && chmod +x out/tagged\n');
  writeFileSync(join(dir, 'deployforge.yml'), [
    'project: { name: tagged, repository: acme/tagged, license: MIT }',
    ...(prefix !== undefined ? [`version: { from: tag, tag-prefix: ${JSON.stringify(prefix)} }`] : []),
    'build:',
    '  binary: tagged',
    '  targets: [linux-x64]',
    '  command: sh build.sh',
    '  path: out/tagged',
    'release: { notes: none, sbom: false }',
    'platforms: {}',
    '',
  ].join('\n'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'add', '.');
  git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'first');
  for (const tag of tags) git(dir, 'tag', tag);
  return dir;
}

/** `deployforge <args>` in `dir`, as on a laptop: no GITHUB_REF, not a tag push. */
function cli(dir: string, args: string[]): Promise<CliRun> {
  return runInProcess(args, { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url } });
}

const release = (dir: string, args: string[] = []): Promise<CliRun> => cli(dir, ['release', '--json', ...args]);

describe('release without --version on a tagged checkout (version.from: tag)', () => {
  test("releases HEAD's one <prefix><semver> tag; tags of another form are not candidates", async () => {
    const dir = checkout(['v1.4.0', 'nightly', 'v1.4']);
    const run = await release(dir);
    expect(run.code, run.stderr).toBe(0);
    const status = JSON.parse(run.stdout) as StatusDocument;
    expect(status.version).toBe('1.4.0');
    expect(status.release?.status).toBe('published');
    expect(gh.state.repos.get('acme/tagged')?.releases.find((r) => r.tagName === 'v1.4.0')?.draft).toBe(false);
    expect(run.stderr).toContain('v1.4.0');
  }, 60_000);

  test('the tag prefix of the config is the one looked for', async () => {
    const dir = checkout(['tagged-2.0.0', 'v9.9.9'], { prefix: 'tagged-' });
    const run = await release(dir, ['--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as StatusDocument).version).toBe('2.0.0');
  }, 60_000);

  test('several matching tags at HEAD: exit 2 naming them, nothing requested', async () => {
    const dir = checkout(['v2.0.0-rc.1', 'v2.0.0', 'latest']);
    const writes = gh.writeCount();
    const run = await release(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no tag to take the version from');
    expect(run.stderr).toMatch(/v2\.0\.0-rc\.1, v2\.0\.0|v2\.0\.0, v2\.0\.0-rc\.1/);
    expect(run.stderr).toContain('--version');
    expect(run.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(gh.writeCount()).toBe(writes);
  }, 60_000);

  test('no matching tag at HEAD: exit 2 naming the tags that are there and the form expected', async () => {
    const dir = checkout(['release-candidate']);
    const run = await release(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no tag to take the version from');
    expect(run.stderr).toContain('release-candidate');
    expect(run.stderr).toContain('v<semver>');
    expect(run.stderr).toContain('--version');
  }, 60_000);

  test('an explicit --version still wins over the tag', async () => {
    const dir = checkout(['v3.0.0']);
    const run = await release(dir, ['--version', '3.0.1', '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as StatusDocument).version).toBe('3.0.1');
  }, 60_000);
});

// They must name the version `release` takes, or a user previews and checks one version and
// releases another; before anything is tagged they read the version as they always did.
describe('plan and check-exists on a tagged checkout take the same version as release', () => {
  test("plan shows HEAD's tag; with two release tags it refuses like release; --version still wins", async () => {
    const tagged = await cli(checkout(['v1.6.0', 'nightly']), ['plan', '--json']);
    expect(tagged.code, tagged.stderr).toBe(0);
    expect((JSON.parse(tagged.stdout) as { version: { version: string } }).version.version).toBe('1.6.0');
    expect(tagged.stderr).toContain('v1.6.0');

    const two = await cli(checkout(['v1.7.0', 'v1.7.0-rc.1']), ['plan']);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/v1\.7\.0, v1\.7\.0-rc\.1|v1\.7\.0-rc\.1, v1\.7\.0/);

    const explicit = await cli(checkout(['v1.6.0']), ['plan', '--json', '--version', '1.6.1']);
    expect((JSON.parse(explicit.stdout) as { version: { version: string } }).version.version).toBe('1.6.1');
  }, 60_000);

  test('check-exists reads the release of the tag on HEAD (no --version, no GITHUB_REF)', async () => {
    const dir = checkout(['v1.8.0']);
    expect((await release(dir)).code).toBe(0);
    const run = await cli(dir, ['check-exists', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('version from the tag v1.8.0 on HEAD');

    // Untagged, it says what it always said: there is no version to look for.
    const untagged = await cli(checkout([]), ['check-exists']);
    expect(untagged.code).toBe(2);
    expect(untagged.stderr).toContain('no tag to take the version from');
  }, 60_000);
});
