import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey } from 'openpgp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseSha256Sums } from '@deployforge/github';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { runActionBundle } from '../helpers/run-action-bundle.js';
import { TempGnupgHome } from '../integration/signing/gpg-verify.js';

const TOKEN = 'ghs_canary_prepare_release_0123456789';
const PASSPHRASE = 'canary-passphrase-5512';
let gh: GitHubFake;
let key: { privateKey: string; publicKey: string };

beforeAll(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/demo'] });
  key = await generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'Release Bot', email: 'release@example.com' }], passphrase: PASSPHRASE, format: 'armored' });
});
afterAll(async () => {
  await gh.close();
});

/** The workspace of the sign job after checkout and download-artifact. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-sign-job-'));
  writeFileSync(
    join(dir, 'deployforge.yml'),
    'project: { name: demo, repository: acme/demo }\nbuild: { targets: [linux-x64, windows-x64] }\nrelease: { notes: none, gpg-key: GPG_PRIVATE_KEY, gpg-passphrase: GPG_PASSPHRASE }\n',
  );
  const artifacts = join(dir, 'deployforge-artifacts');
  mkdirSync(artifacts);
  writeFileSync(join(artifacts, 'demo-1.0.0-linux-x64.tar.gz'), 'linux bytes\n');
  writeFileSync(join(artifacts, 'demo-1.0.0-windows-x64.zip'), 'windows bytes\n');
  return dir;
}

const env = () => ({ GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/demo', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0' });

describe('dist/actions/prepare-release.js then dist/actions/create-release.js: the sign job and the release job', () => {
  test('the sign job signs with the secret from its env, masks it, and the release job publishes what it made', async () => {
    const cwd = workspace();
    const sign = await runActionBundle('prepare-release', {
      cwd,
      inputs: { artifacts: 'deployforge-artifacts', output: 'deployforge-signed' },
      env: { ...env(), GPG_PRIVATE_KEY: key.privateKey, GPG_PASSPHRASE: PASSPHRASE },
    });
    expect(sign.code, sign.stdout + sign.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'deployforge-signed')).sort()).toEqual(['SHA256SUMS', 'SHA256SUMS.asc', 'demo-1.0.0.cdx.json']);
    expect(sign.outputs.checksums).toBe('deployforge-signed/SHA256SUMS');
    const home = new TempGnupgHome(mkdtempSync(join(tmpdir(), 'df-gpg-')));
    try {
      home.importPublicKey(key.publicKey);
      expect(home.verify(join(cwd, 'deployforge-signed/SHA256SUMS.asc'), join(cwd, 'deployforge-signed/SHA256SUMS')).status).toBe(0);
    } finally {
      home.close();
    }
    // Masked for the runner (the whole value and each line of the armored key), printed nowhere.
    expect(sign.stdout).toContain(`::add-mask::${PASSPHRASE}`);
    const keyLine = key.privateKey.split('\n').find((l) => l.length > 40)!;
    expect(sign.stdout).toContain(`::add-mask::${keyLine}`);
    const printed = sign.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n') + sign.stderr;
    expect(printed).not.toContain(PASSPHRASE);
    expect(printed).not.toContain(keyLine);

    // The release job: no secret, archives and the sign job's files side by side.
    const release = await runActionBundle('create-release', {
      cwd,
      inputs: { token: TOKEN, artifacts: 'deployforge-artifacts\ndeployforge-signed' },
      env: env(),
    });
    expect(release.code, release.stdout + release.stderr).toBe(0);
    const published = gh.state.repos.get('acme/demo')!.releases.find((r) => r.tagName === 'v1.0.0')!;
    expect(published.draft).toBe(false);
    const names = published.assets.map((a) => a.name).sort();
    expect(names).toEqual(['SHA256SUMS', 'SHA256SUMS.asc', 'demo-1.0.0-linux-x64.tar.gz', 'demo-1.0.0-windows-x64.zip', 'demo-1.0.0.cdx.json']);
    const sums = published.assets.find((a) => a.name === 'SHA256SUMS')!;
    expect(parseSha256Sums(readFileSync(sums.filePath!, 'utf8')).map((e) => e.name)).toEqual(['demo-1.0.0-linux-x64.tar.gz', 'demo-1.0.0-windows-x64.zip', 'demo-1.0.0.cdx.json']);
    expect(gh.violations()).toEqual([]);
  });

  test('without the key in its env the sign job fails with exit 2, naming the secret', async () => {
    const cwd = workspace();
    const run = await runActionBundle('prepare-release', { cwd, inputs: { artifacts: 'deployforge-artifacts' }, env: { ...env(), GPG_PASSPHRASE: PASSPHRASE } });
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain('release.gpg-key: the secret GPG_PRIVATE_KEY is empty or not set here');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });
});
