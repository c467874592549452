// Issue 15 item 2: a release is complete before it is published. An artifacts folder that lacks a
// configured target's archive, or holds a file that is no part of the release (misnamed, another
// version, a stray), is bad input: exit 2 listing what is missing and what is unexpected, before a
// single request reaches GitHub. Through the CLI (`release --artifacts`, `--dry-run` too) and the
// create-release action bundle. And through the CLI, each archive is opened: one that is not an
// archive, or lacks the binary at its root, is refused the same way.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create as createTar } from 'tar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseConfig } from '@deployforge/config';
import { ConfigurationError, createMemoryLogger } from '@deployforge/diagnostics';
import { sha256File } from '@deployforge/github';
import { checkArtifactNames, collectReleaseArtifacts, prepareRelease } from '@deployforge/hub';
import { parseVersionInput } from '@deployforge/version';
import { checkArchiveBinaries } from '../../packages/runner/src/check-archive-binaries.js';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { runActionBundle } from '../helpers/run-action-bundle.js';
import { standInArchive } from '../helpers/stand-in-archive.js';
import { runInProcess, type CliRun } from '../helpers/in-process-cli.js';

const TOKEN = 'ghs_incomplete_artifacts_token_0123456789';
const CONFIG = 'project: { name: demo, repository: acme/demo }\nbuild: { targets: [linux-x64, linux-arm64, windows-x64] }\nrelease: { notes: none }\nplatforms: {}\n';
let gh: GitHubFake;

beforeAll(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/demo'] });
});
afterAll(async () => {
  await gh.close();
});

/** A project whose artifacts folder holds `files` (name → subfolder, as download-artifact lays them out). */
function project(files: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-incomplete-'));
  writeFileSync(join(dir, 'deployforge.yml'), CONFIG);
  for (const name of files) {
    mkdirSync(join(dir, 'artifacts', name.replace(/\W/g, '_')), { recursive: true });
    writeFileSync(join(dir, 'artifacts', name.replace(/\W/g, '_'), name), `bytes of ${name}\n`);
  }
  return dir;
}

const COMPLETE = ['demo-1.0.0-linux-x64.tar.gz', 'demo-1.0.0-linux-arm64.tar.gz', 'demo-1.0.0-windows-x64.zip'];

function cli(cwd: string, args: string[]): Promise<CliRun> {
  return runInProcess(args, { cwd, env: { PATH: process.env.PATH ?? '', GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url } });
}

describe('which files make a release', () => {
  const loaded = parseConfig(CONFIG, 'deployforge.yml');
  const version = parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'test' });

  test('the files the hub and the sign job make are expected next to the archives', () => {
    const files = [...COMPLETE, 'SHA256SUMS', 'SHA256SUMS.asc', 'SHA256SUMS.sigstore.json', 'demo-1.0.0.cdx.json', 'demo-1.0.0.sigstore.json', 'demo-1.0.0-linux-x64.tar.gz.sig'];
    expect(checkArtifactNames(files.map((f) => `/a/${f}`), loaded, version)).toMatchObject({ archives: COMPLETE, missing: [], unexpected: [] });
  });

  test('misnamed archives, other versions and strays are unexpected; absent targets are missing', () => {
    const files = ['demo-1.0.0-linux-x64.tgz', 'demo-0.9.0-linux-arm64.tar.gz', 'demo-1.0.0-windows-x64.zip', 'notes.txt', 'demo-0.9.0.sigstore.json', 'notes.txt.asc'];
    expect(checkArtifactNames(files, loaded, version)).toMatchObject({
      missing: ['demo-1.0.0-linux-x64.tar.gz', 'demo-1.0.0-linux-arm64.tar.gz'],
      unexpected: ['demo-1.0.0-linux-x64.tgz', 'demo-0.9.0-linux-arm64.tar.gz', 'notes.txt', 'demo-0.9.0.sigstore.json', 'notes.txt.asc'],
    });
  });
});

describe('deployforge release --artifacts with an incomplete folder', () => {
  test.each([
    ['a missing target', COMPLETE.filter((f) => !f.includes('arm64')), /missing demo-1\.0\.0-linux-arm64\.tar\.gz/, undefined],
    ['a misnamed archive', [...COMPLETE.filter((f) => !f.includes('windows')), 'demo-1.0.0-windows-x64.tar.gz'], /missing demo-1\.0\.0-windows-x64\.zip/, /unexpected .*demo-1\.0\.0-windows-x64\.tar\.gz/],
    ['a stray file', [...COMPLETE, 'build.log'], undefined, /unexpected .*build\.log/],
  ])('%s: exit 2, both lists, no request to GitHub (also with --dry-run)', async (_label, files, missing, unexpected) => {
    const cwd = project(files);
    const before = gh.requests.length;
    for (const extra of [[], ['--dry-run']]) {
      const run = await cli(cwd, ['release', '--version', '1.0.0', '--artifacts', 'artifacts', ...extra]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/deployforge\.yml:\d+:\d+: build\.targets: /);
      if (missing) expect(run.stderr).toMatch(missing);
      if (unexpected) expect(run.stderr).toMatch(unexpected);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
    expect(gh.requests.length, 'requests to the GitHub fake').toBe(before);
    expect(gh.state.repo('acme/demo')!.releases).toHaveLength(0);
  });

  test('the error carries each problem as a diagnostic at build.targets (what --json reports)', async () => {
    const cwd = project([...COMPLETE.slice(1), 'notes.txt']);
    const loaded = parseConfig(CONFIG, 'deployforge.yml');
    const version = parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'test' });
    const error = await collectReleaseArtifacts('artifacts', cwd, loaded, version).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).diagnostics).toEqual([
      expect.objectContaining({ file: 'deployforge.yml', line: 2, path: 'build.targets', message: expect.stringContaining('missing demo-1.0.0-linux-x64.tar.gz') }),
      expect.objectContaining({ file: 'deployforge.yml', line: 2, path: 'build.targets', message: expect.stringMatching(/unexpected .*notes\.txt/) }),
    ]);
  });
});

describe('deployforge release --artifacts with archives that are not what their names say', () => {
  /** A complete folder of real archives (binary `demo` / `demo.exe` at the root), then `broken` written over one. */
  async function folder(broken?: { name: string; write: (path: string) => Promise<void> | void }): Promise<string> {
    const dir = project([]);
    mkdirSync(join(dir, 'artifacts'), { recursive: true });
    for (const name of COMPLETE) await standInArchive(join(dir, 'artifacts', name), name.endsWith('.zip') ? 'demo.exe' : 'demo', `demo for ${name}\n`);
    if (broken) await broken.write(join(dir, 'artifacts', broken.name));
    return dir;
  }

  test('real archives with the binary at their root pass the check', async () => {
    const cwd = await folder();
    const files = COMPLETE.map((f) => join(cwd, 'artifacts', f));
    const digests = await checkArchiveBinaries(files, parseConfig(CONFIG, 'deployforge.yml'), '1.0.0');
    // Each .tar.gz was read whole to be checked, and its SHA-256 comes from that read.
    const tars = files.filter((f) => f.endsWith('.tar.gz'));
    expect([...digests.keys()].sort()).toEqual([...tars].sort());
    for (const f of tars) expect(digests.get(f), f).toBe(await sha256File(f));
  });

  test.each([
    ['an empty file', 'demo-1.0.0-linux-x64.tar.gz', (p: string) => writeFileSync(p, ''), /demo-1\.0\.0-linux-x64\.tar\.gz: not a readable \.tar\.gz archive/],
    ['a saved HTML error page', 'demo-1.0.0-linux-arm64.tar.gz', (p: string) => writeFileSync(p, '<html><body>404</body></html>\n'), /demo-1\.0\.0-linux-arm64\.tar\.gz: not a readable \.tar\.gz archive/],
    ['a cut-off download', 'demo-1.0.0-linux-x64.tar.gz', (p: string) => writeFileSync(p, readFileSync(p).subarray(0, 40)), /demo-1\.0\.0-linux-x64\.tar\.gz: not a readable \.tar\.gz archive/],
    ['a zip that is not one', 'demo-1.0.0-windows-x64.zip', (p: string) => writeFileSync(p, 'PK but not a zip'), /demo-1\.0\.0-windows-x64\.zip: not a readable \.zip archive/],
    ['the binary in a folder, not at the root', 'demo-1.0.0-linux-x64.tar.gz', async (p: string) => {
      // As goreleaser's wrap_in_directory lays it out (createArchive only writes root entries).
      const work = mkdtempSync(join(tmpdir(), 'df-nested-'));
      mkdirSync(join(work, 'demo-1.0.0'));
      writeFileSync(join(work, 'demo-1.0.0', 'demo'), 'nested\n', { mode: 0o755 });
      await createTar({ gzip: true, file: p, cwd: work }, ['demo-1.0.0']);
    }, /demo-1\.0\.0-linux-x64\.tar\.gz: no demo at its root \(build\.binary in \S*deployforge\.yml\)/],
    ['a Windows zip without demo.exe', 'demo-1.0.0-windows-x64.zip', (p: string) => standInArchive(p, 'demo', 'no .exe\n'), /demo-1\.0\.0-windows-x64\.zip: no demo\.exe at its root/],
  ])('%s: exit 2 naming the archive, no request to GitHub (also with --dry-run)', async (_label, name, write, expected) => {
    const cwd = await folder({ name, write });
    const before = gh.requests.length;
    for (const extra of [[], ['--dry-run']]) {
      const run = await cli(cwd, ['release', '--version', '1.0.0', '--artifacts', 'artifacts', ...extra]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^--artifacts: 1 archive\(s\) cannot be released as they are:/);
      expect(run.stderr).toMatch(expected);
      expect(run.stderr).toMatch(/Nothing was created or uploaded\./);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
    expect(gh.requests.length, 'requests to the GitHub fake').toBe(before);
    expect(gh.state.repo('acme/demo')!.releases).toHaveLength(0);
  });
});

describe('the sign job (prepareRelease) with an incomplete folder', () => {
  test('refuses before it writes, signs or attests anything', async () => {
    const cwd = project(COMPLETE.slice(1));
    const outDir = join(cwd, 'signed');
    const run = prepareRelease({
      loaded: parseConfig(CONFIG, 'deployforge.yml'), version: parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'test' }),
      artifacts: 'artifacts', outDir, cwd, env: {}, log: createMemoryLogger(), dryRun: false,
    });
    await expect(run).rejects.toThrow(/missing demo-1\.0\.0-linux-x64\.tar\.gz/);
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('dist/actions/create-release.js with an incomplete folder', () => {
  test('fails before any request, naming what is missing and what is unexpected', async () => {
    const cwd = project([...COMPLETE.slice(1), 'demo-1.0.0-linux-x64.tar.gz.partial']);
    const before = gh.requests.length;
    const run = await runActionBundle('create-release', {
      cwd,
      inputs: { token: TOKEN, artifacts: 'artifacts', version: '1.0.0' },
      env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/demo', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0' },
    });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/::error.*missing demo-1\.0\.0-linux-x64\.tar\.gz/);
    expect(run.stdout).toMatch(/unexpected .*demo-1\.0\.0-linux-x64\.tar\.gz\.partial/);
    expect(gh.requests.length, 'requests to the GitHub fake').toBe(before);
  });
});
