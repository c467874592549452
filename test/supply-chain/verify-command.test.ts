import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CliIo } from '../../packages/cli/src/cli-io.js';
import { runCli } from '../../packages/cli/src/run-cli.js';
import { createReleaseFixture, FIXTURE_TOKEN, type ReleaseFixture } from '../helpers/release-fixture.js';

const CONFIG = [
  'project: { name: demo, repository: acme/demo, license: MIT }',
  'build: { binary: demo, targets: [linux-x64, windows-x64] }',
  'release: { notes: none }',
  'platforms: {}',
  '',
].join('\n');

let fixture: ReleaseFixture;
let configPath: string;

beforeAll(async () => {
  fixture = await createReleaseFixture(CONFIG, '1.0.0');
  const dir = mkdtempSync(join(tmpdir(), 'df-verify-'));
  configPath = join(dir, 'deployforge.yml');
  writeFileSync(configPath, CONFIG);
});
afterAll(() => fixture.close());

async function verify(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    cwd: tmpdir(),
    // No gh on PATH unless a test puts one there.
    env: { GITHUB_API_URL: fixture.gh.url, GITHUB_TOKEN: FIXTURE_TOKEN, PATH: '/nonexistent', ...env },
    isTTY: false,
  };
  const code = await runCli(['verify', ...args, '--config', configPath], io);
  return { code, stdout, stderr };
}

function fakeAsset(name: string) {
  const repo = fixture.gh.state.repo('acme/demo')!;
  return repo.releases.flatMap((r) => r.assets).find((a) => a.name === name)!;
}

describe('deployforge verify against the GitHub fake', () => {
  test('the hub published the SBOM with the archives, listed in SHA256SUMS', () => {
    const sums = readFileSync(fakeAsset('SHA256SUMS').filePath!, 'utf8');
    expect(sums).toMatch(/ {2}demo-1\.0\.0\.cdx\.json\n/);
    expect(sums).toMatch(/ {2}demo-1\.0\.0-linux-x64\.tar\.gz\n/);
  });

  test('every listed asset downloads and matches: exit 0, one OK line each, the gh command printed', async () => {
    const { code, stdout, stderr } = await verify(['1.0.0']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const name of ['demo-1.0.0-linux-x64.tar.gz', 'demo-1.0.0-windows-x64.zip', 'demo-1.0.0.cdx.json']) {
      expect(stdout).toMatch(new RegExp(`${name.replace(/\./g, '\\.')}\\s+OK\\s+[0-9a-f]{64}`));
    }
    expect(stdout).toContain('provenance: gh attestation verify demo-1.0.0-linux-x64.tar.gz --repo acme/demo');
    expect(stdout).not.toContain('gh attestation verify demo-1.0.0.cdx.json');
  });

  test('a good local file (--asset, v-prefixed version): exit 0', async () => {
    const local = await fixture.context().fetchAsset(fixture.assets.find((a) => a.name === 'demo-1.0.0-linux-x64.tar.gz')!);
    const { code, stdout } = await verify(['v1.0.0', '--asset', local]);
    expect(code).toBe(0);
    expect(stdout).toContain(`provenance: gh attestation verify ${local} --repo acme/demo`);
  });

  test('a tampered local file: exit 1 naming the asset and both digests', async () => {
    const good = await fixture.context().fetchAsset(fixture.assets.find((a) => a.name === 'demo-1.0.0-windows-x64.zip')!);
    const dir = mkdtempSync(join(tmpdir(), 'df-tampered-'));
    const tampered = join(dir, 'demo-1.0.0-windows-x64.zip');
    const bytes = readFileSync(good);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(tampered, bytes);
    const expected = fixture.assets.find((a) => a.name === 'demo-1.0.0-windows-x64.zip')!.sha256;
    const { code, stderr, stdout } = await verify(['1.0.0', '--asset', tampered]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/demo-1\.0\.0-windows-x64\.zip\s+MISMATCH/);
    expect(stderr).toMatch(new RegExp(`demo-1\\.0\\.0-windows-x64\\.zip: sha256 mismatch: SHA256SUMS of v1\\.0\\.0 says ${expected}, the file is [0-9a-f]{64}`));
    expect(stdout).not.toContain('gh attestation verify');
  });

  test('a file SHA256SUMS does not list: exit 1', async () => {
    const stray = join(mkdtempSync(join(tmpdir(), 'df-stray-')), 'other.tar.gz');
    writeFileSync(stray, 'x');
    const { code, stderr } = await verify(['1.0.0', '--asset', stray]);
    expect(code).toBe(1);
    expect(stderr).toContain('other.tar.gz is not listed in SHA256SUMS of v1.0.0');
  });

  test('no published release of that version: exit 2', async () => {
    const { code, stderr } = await verify(['9.9.9']);
    expect(code).toBe(2);
    expect(stderr).toContain('no published release v9.9.9 in acme/demo');
  });

  test('a bad version: exit 2', async () => {
    expect((await verify(['not-a-version'])).code).toBe(2);
  });

  test('gh on PATH: it is run per archive and its verdict reported; a failure on an attested release is exit 1', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'df-gh-'));
    const log = join(bin, 'calls');
    // A stand-in gh: records its arguments, succeeds unless GH_FAKE_FAIL is set.
    writeFileSync(join(bin, 'gh'), `#!/bin/sh\necho "$@" >> "${log}"\n[ -z "$GH_FAKE_FAIL" ] || { echo "no attestation found" >&2; exit 1; }\necho "Verification succeeded!"\n`);
    chmodSync(join(bin, 'gh'), 0o755);
    const ok = await verify(['1.0.0'], { PATH: `${bin}:/usr/bin:/bin` });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('provenance: gh attestation verify demo-1.0.0-linux-x64.tar.gz --repo acme/demo: verified');
    expect(readFileSync(log, 'utf8')).toMatch(/^attestation verify \S+\/demo-1\.0\.0-linux-x64\.tar\.gz --repo acme\/demo$/m);

    // Without a provenance bundle on the release a failed gh is reported, not fatal…
    const unattested = await verify(['1.0.0'], { PATH: `${bin}:/usr/bin:/bin`, GH_FAKE_FAIL: '1' });
    expect(unattested.stdout).toContain('failed (exit 1)');
    expect(unattested.code).toBe(0);
  });

  test('a tampered asset on the release: exit 1 naming the asset and both digests, nothing left on disk', async () => {
    const asset = fakeAsset('demo-1.0.0-linux-x64.tar.gz');
    const bytes = readFileSync(asset.filePath!);
    bytes[0] = bytes[0]! ^ 0xff;
    writeFileSync(asset.filePath!, bytes);
    const expected = fixture.assets.find((a) => a.name === asset.name)!.sha256;
    const { code, stdout, stderr } = await verify(['1.0.0']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/demo-1\.0\.0-linux-x64\.tar\.gz\s+MISMATCH/);
    expect(stdout).toMatch(/demo-1\.0\.0-windows-x64\.zip\s+OK/);
    expect(stderr).toMatch(new RegExp(`demo-1\\.0\\.0-linux-x64\\.tar\\.gz: sha256 mismatch: SHA256SUMS of v1\\.0\\.0 says ${expected}, the download is [0-9a-f]{64}`));
  });
});
