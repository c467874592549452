import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey } from 'openpgp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StatusDocument } from '@deployforge/status';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { runInProcess, type CliRun } from '../helpers/in-process-cli.js';
import { standInArchive } from '../helpers/stand-in-archive.js';

const TOKEN = 'ghs_e2e_signed_release_token_0123456';
const PASSPHRASE = 'e2e-passphrase-Zq81';
let gh: GitHubFake;
let project: string;
let key: { privateKey: string; publicKey: string };
let publicKeyFile: string;
let otherKeyFile: string;

beforeAll(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/signed'] });
  key = await generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'Signed Release', email: 'release@signed.example' }], passphrase: PASSPHRASE, format: 'armored' });
  const other = await generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'Someone Else' }], format: 'armored' });
  project = mkdtempSync(join(tmpdir(), 'df-e2e-signed-'));
  publicKeyFile = join(project, 'release-key.asc');
  otherKeyFile = join(project, 'other-key.asc');
  writeFileSync(publicKeyFile, key.publicKey);
  writeFileSync(otherKeyFile, other.publicKey);
  writeFileSync(join(project, 'deployforge.yml'), [
    'project: { name: signed, repository: acme/signed }',
    'version: { from: tag }',
    'build: { targets: [linux-x64] }',
    'release: { notes: none, gpg-key: SIGNED_GPG_KEY, gpg-passphrase: SIGNED_GPG_PASSPHRASE }',
    'platforms: {}',
    '',
  ].join('\n'));
  mkdirSync(join(project, 'dist'));
  await standInArchive(join(project, 'dist', 'signed-1.0.0-linux-x64.tar.gz'), 'signed', 'prebuilt binary bytes\n');
});
afterAll(async () => {
  await gh.close();
});

function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  return runInProcess(args, { cwd: project, env: { ...process.env, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url, GNUPGHOME: join(project, 'empty-gnupg'), ...extraEnv } });
}

describe('a GPG-signed release from a laptop, checked by a user', () => {
  test('without the key exported, deployforge release refuses with exit 2 and writes nothing', async () => {
    const run = await cli(['release', '--version', '1.0.0', '--artifacts', 'dist']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('release.gpg-key: the secret SIGNED_GPG_KEY is not set');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(gh.writeCount()).toBe(0);
  });

  test('release signs SHA256SUMS; verify --gpg-key accepts it, another key is refused, the status shows the signature', async () => {
    const secrets = { SIGNED_GPG_KEY: key.privateKey, SIGNED_GPG_PASSPHRASE: PASSPHRASE };
    const release = await cli(['release', '--version', '1.0.0', '--artifacts', 'dist', '--json'], secrets);
    expect(release.code, release.stderr).toBe(0);
    const status = JSON.parse(release.stdout) as StatusDocument;
    expect(status.release?.assets.map((a) => a.name).sort()).toEqual(['SHA256SUMS', 'SHA256SUMS.asc', 'signed-1.0.0-linux-x64.tar.gz', 'signed-1.0.0.cdx.json']);
    expect(status.release?.['gpg-signature']).toBe(true);
    expect(release.stdout + release.stderr).not.toContain(PASSPHRASE);

    const good = await cli(['verify', '1.0.0', '--gpg-key', publicKeyFile]);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/SHA256SUMS\.asc: good signature by Signed Release <release@signed\.example>, key [0-9A-F]{40}/);

    const wrongKey = await cli(['verify', '1.0.0', '--gpg-key', otherKeyFile]);
    expect(wrongKey.code).toBe(1);

    // A second run of the same release signs nothing new and writes nothing.
    const writes = gh.writeCount();
    const again = await cli(['release', '--version', '1.0.0', '--artifacts', 'dist', '--json'], secrets);
    expect(again.code, again.stderr).toBe(0);
    expect(gh.writeCount()).toBe(writes);
    // The hub did not run, and the status still sees every file of the release, signature included.
    const second = JSON.parse(again.stdout) as StatusDocument;
    expect(second.release?.status).toBe('skipped');
    expect(second.release).toMatchObject({ checksums: true, sbom: true, 'gpg-signature': true });
  });
});
