import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey } from 'openpgp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StatusDocument } from '@deployforge/status';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { runInProcess, type CliRun } from '../helpers/in-process-cli.js';
import { standInArchive } from '../helpers/stand-in-archive.js';
import { requireClient } from '../helpers/real-clients.js';
import { runOk } from '../helpers/services.js';
import { TempGnupgHome } from '../integration/signing/gpg-verify.js';

// The custom spoke as a mirror: `deployforge release` of a GPG-signed release (SBOM and signature
// included) whose custom command copies $DEPLOYFORGE_ASSETS somewhere else. The mirror must be the
// release itself, every file byte for byte, so that a user checks it the way they check the release:
// `sha256sum -c SHA256SUMS` (coreutils) and `gpgv` on SHA256SUMS.asc. The command's secret
// (`secrets: [MIRROR_TOKEN]`) comes from the environment of the run, and nothing else does.

const TOKEN = 'ghs_e2e_custom_mirror_token_01234567';
const PASSPHRASE = 'mirror-passphrase-Kd72';
const MIRROR_SECRET = 'mirror_canary_secret_9c1e77';
let gh: GitHubFake;
let project: string;
let mirror: string;
let key: { privateKey: string; publicKey: string };
let gnupg: TempGnupgHome;

beforeAll(async () => {
  requireClient('sha256sum', 'coreutils');
  requireClient('gpgv', 'gpgv');
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/mirrored'] });
  key = await generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'Mirror Release', email: 'release@mirror.example' }], passphrase: PASSPHRASE, format: 'armored' });
  project = mkdtempSync(join(tmpdir(), 'df-e2e-mirror-'));
  mirror = join(project, 'mirror');
  gnupg = new TempGnupgHome(project);
  gnupg.importPublicKey(key.publicKey);
  writeFileSync(join(project, 'deployforge.yml'), [
    'project: { name: mirrored, repository: acme/mirrored }',
    'build: { targets: [linux-x64, linux-arm64] }',
    'release: { notes: none, gpg-key: MIRROR_GPG_KEY, gpg-passphrase: MIRROR_GPG_PASSPHRASE }',
    'required: [custom]',
    'platforms:',
    '  custom:',
    '    mirror:',
    `      run: 'mkdir -p "$MIRROR_DIR" && cp -R "$DEPLOYFORGE_ASSETS"/. "$MIRROR_DIR"/ && printf %s "$MIRROR_TOKEN" > "$MIRROR_DIR.token" && env -0 > "$MIRROR_DIR.env"'`,
    `      env: { MIRROR_DIR: '${mirror}' }`,
    '      secrets: [MIRROR_TOKEN]',
    '',
  ].join('\n'));
  mkdirSync(join(project, 'dist'));
  await standInArchive(join(project, 'dist', 'mirrored-1.0.0-linux-x64.tar.gz'), 'mirrored', 'prebuilt x64 binary bytes\n');
  await standInArchive(join(project, 'dist', 'mirrored-1.0.0-linux-arm64.tar.gz'), 'mirrored', 'prebuilt arm64 binary bytes\n');
});
afterAll(async () => {
  gnupg?.close();
  await gh?.close();
});

function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  const env: Record<string, string | undefined> = {
    ...process.env, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url, GNUPGHOME: join(project, 'empty-gnupg'),
    MIRROR_GPG_KEY: key.privateKey, MIRROR_GPG_PASSPHRASE: PASSPHRASE, ...extraEnv,
  };
  delete env.MIRROR_TOKEN;
  Object.assign(env, extraEnv);
  return runInProcess(args, { cwd: project, env });
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('a custom mirror of a signed release', () => {
  test('a listed secret that is not set stops the release before anything is written (exit 2, named)', async () => {
    const run = await cli(['release', '--version', '1.0.0', '--artifacts', 'dist']);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toContain("custom:mirror is required, but missing credential: set MIRROR_TOKEN (listed in secrets)");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(gh.writeCount()).toBe(0);
  });

  test('DEPLOYFORGE_ASSETS is exactly the release: every file byte for byte, checkable with sha256sum and gpgv', async () => {
    const run = await cli(['release', '--version', '1.0.0', '--artifacts', 'dist', '--json'], { MIRROR_TOKEN: MIRROR_SECRET, UNRELATED_SECRET: 'not-for-the-command' });
    expect(run.code, run.stderr).toBe(0);
    const status = JSON.parse(run.stdout) as StatusDocument;
    expect(status.platforms['custom:mirror']?.status, JSON.stringify(status.platforms['custom:mirror'])).toBe('published');
    const released = status.release!.assets;
    expect(released.map((a) => a.name).sort()).toEqual([
      'SHA256SUMS', 'SHA256SUMS.asc', 'mirrored-1.0.0-linux-arm64.tar.gz', 'mirrored-1.0.0-linux-x64.tar.gz', 'mirrored-1.0.0.cdx.json',
    ]);

    // The mirror holds those files and nothing else, each with the digest the release has.
    expect(readdirSync(mirror).sort()).toEqual(released.map((a) => a.name).sort());
    for (const asset of released) expect(sha256(join(mirror, asset.name)), asset.name).toBe(asset.sha256);

    // A user checks the mirror like the release: the signed SHA256SUMS, then every file against it.
    const gpgv = gnupg.verifyWithGpgv(join(mirror, 'SHA256SUMS.asc'), join(mirror, 'SHA256SUMS'));
    expect(gpgv.status, gpgv.stderr).toBe(0);
    const checked = await runOk('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: mirror });
    expect(checked).toContain('mirrored-1.0.0.cdx.json: OK');
    expect(checked.trim().split('\n')).toHaveLength(3);

    // The listed secret reached the command; the run's other secrets did not; the log never shows it.
    expect(readFileSync(`${mirror}.token`, 'utf8')).toBe(MIRROR_SECRET);
    const names = readFileSync(`${mirror}.env`, 'utf8').split('\0').filter(Boolean).map((l) => l.split('=')[0]);
    expect(names).toContain('MIRROR_TOKEN');
    for (const name of ['UNRELATED_SECRET', 'GITHUB_TOKEN', 'MIRROR_GPG_KEY', 'MIRROR_GPG_PASSPHRASE']) expect(names).not.toContain(name);
    expect(run.stdout + run.stderr).not.toContain(MIRROR_SECRET);
  });
});
