import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { CliIo } from '../../packages/cli/src/cli-io.js';
import { runCli } from '../../packages/cli/src/run-cli.js';
import type { FakeRelease } from '../fakes/github/state.js';
import { createReleaseFixture, FIXTURE_TOKEN, type ReleaseFixture } from '../helpers/release-fixture.js';

const CONFIG = [
  'project: { name: demo, repository: acme/demo, license: MIT }',
  'build: { binary: demo, targets: [linux-x64] }',
  'release: { notes: none }',
  'platforms: {}',
  '',
].join('\n');

const SIGNER_UID = 'DeployForge Test Signer <signer@example.test>';
const OTHER_UID = 'Someone Else <other@example.test>';
/** gpg and the shell tools, but no gh or cosign unless a test puts one first. */
const SYSTEM_PATH = '/usr/bin:/bin';

let fixture: ReleaseFixture;
let configPath: string;
let dir: string;
/** Throwaway GnuPG homes: one per key, made with the real gpg and deleted afterwards. */
let signerHome: string;
let otherHome: string;
let signerPublicKey: string;
let otherPublicKey: string;
let signerFingerprint: string;
let goodSignature: Buffer;
let originalSums: Buffer;

function gpg(home: string, args: string[], input?: string): Buffer {
  return execFileSync('gpg', ['--batch', '--no-tty', ...args], { env: { ...process.env, GNUPGHOME: home }, input, stdio: ['pipe', 'pipe', 'pipe'] });
}

function newKey(name: string, uid: string): { home: string; publicKey: string; fingerprint: string } {
  const home = join(dir, name);
  mkdirSync(home, { mode: 0o700 });
  gpg(home, ['--passphrase', '', '--quick-gen-key', uid, 'ed25519', 'sign', 'never']);
  const publicKey = join(dir, `${name}.pub.asc`);
  writeFileSync(publicKey, gpg(home, ['--armor', '--export', uid]));
  const fingerprint = /^fpr:(?:[^:]*:){8}([0-9A-F]{40}):/m.exec(gpg(home, ['--with-colons', '--list-keys', uid]).toString())![1]!;
  return { home, publicKey, fingerprint };
}

function detachSign(home: string, bytes: Buffer): Buffer {
  const file = join(dir, `to-sign-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, bytes);
  gpg(home, ['--armor', '--detach-sign', '--output', `${file}.asc`, file]);
  return readFileSync(`${file}.asc`);
}

function release(): FakeRelease {
  return fixture.gh.state.repo('acme/demo')!.releases.find((r) => r.tagName === 'v1.0.0')!;
}

/** Put a file on the published release as GitHub would hold it (size and digest of these bytes). */
function putReleaseFile(name: string, bytes: Buffer): void {
  removeReleaseFile(name);
  const filePath = join(dir, `release-${name}`);
  writeFileSync(filePath, bytes);
  const id = fixture.gh.state.nextId('asset');
  release().assets.push({
    id, nodeId: `RA_${id}`, name, label: null, contentType: 'application/octet-stream', state: 'uploaded',
    size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), filePath,
    downloadCount: 0, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(),
  });
}

function removeReleaseFile(name: string): void {
  const r = release();
  r.assets = r.assets.filter((a) => a.name !== name);
}

/** Replace SHA256SUMS the way someone with write access would: new bytes, and GitHub's digest follows them. */
function replaceSums(bytes: Buffer): void {
  const asset = release().assets.find((a) => a.name === 'SHA256SUMS')!;
  writeFileSync(asset.filePath!, bytes);
  Object.assign(asset, { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
}

async function verify(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    cwd: dir,
    // GNUPGHOME is always a test folder: the user's own keyring is never read here.
    env: { GITHUB_API_URL: fixture.gh.url, GITHUB_TOKEN: FIXTURE_TOKEN, PATH: SYSTEM_PATH, ...env },
    isTTY: false,
  };
  const code = await runCli(['verify', ...args, '--config', configPath], io);
  return { code, stdout, stderr };
}

function emptyHome(): string {
  return mkdtempSync(join(dir, 'empty-gnupg-'));
}

beforeAll(async () => {
  fixture = await createReleaseFixture(CONFIG, '1.0.0');
  dir = mkdtempSync(join(tmpdir(), 'df-verify-sig-'));
  configPath = join(dir, 'deployforge.yml');
  writeFileSync(configPath, CONFIG);
  const signer = newKey('signer', SIGNER_UID);
  const other = newKey('other', OTHER_UID);
  ({ home: signerHome, publicKey: signerPublicKey, fingerprint: signerFingerprint } = signer);
  ({ home: otherHome, publicKey: otherPublicKey } = other);
  originalSums = readFileSync(release().assets.find((a) => a.name === 'SHA256SUMS')!.filePath!);
  goodSignature = detachSign(signerHome, originalSums);
}, 60_000);

afterAll(async () => {
  // Signing started a gpg-agent per home: stop ours, then no key material stays on disk.
  for (const home of [signerHome, otherHome]) if (home) execFileSync('gpgconf', ['--kill', 'all'], { env: { ...process.env, GNUPGHOME: home } });
  if (dir) rmSync(dir, { recursive: true, force: true });
  await fixture?.close();
});

describe('SHA256SUMS.asc: deployforge verify checks SHA256SUMS with the real gpg before any asset', () => {
  afterEach(() => {
    replaceSums(originalSums);
    putReleaseFile('SHA256SUMS.asc', goodSignature);
  });

  test('good signature, signer in the user keyring (GNUPGHOME): names the key, then every asset OK, exit 0', async () => {
    putReleaseFile('SHA256SUMS.asc', goodSignature);
    const { code, stdout, stderr } = await verify(['1.0.0'], { GNUPGHOME: signerHome });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`SHA256SUMS.asc: good signature by ${SIGNER_UID}, key ${signerFingerprint}\n`);
    expect(stdout).toMatch(/demo-1\.0\.0-linux-x64\.tar\.gz\s+OK/);
    // A signature file is not an asset to check against SHA256SUMS, nor a problem for not being listed.
    expect(stdout).not.toMatch(/SHA256SUMS\.asc\s+(OK|MISMATCH)/);
  });

  test('--gpg-key with the signer\'s public key: good, the user keyring neither read nor changed', async () => {
    const home = emptyHome();
    const { code, stdout, stderr } = await verify(['1.0.0', '--gpg-key', signerPublicKey], { GNUPGHOME: home });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`SHA256SUMS.asc: good signature by ${SIGNER_UID}, key ${signerFingerprint} (the key given with --gpg-key)`);
    expect(readdirSync(home)).toEqual([]);
  });

  test('--gpg-key with another public key: exit 1, the signer and the given key named, no asset trusted', async () => {
    const { code, stdout, stderr } = await verify(['1.0.0', '--gpg-key', otherPublicKey], { GNUPGHOME: signerHome });
    expect(code).toBe(1);
    expect(stderr).toContain(`SHA256SUMS.asc: the signature was made by key ${signerFingerprint.slice(-16)}, not by the key in ${otherPublicKey}`);
    expect(stderr).toContain('SHA256SUMS of v1.0.0 cannot be trusted: no asset was checked against it.');
    expect(stdout).not.toContain('OK');
  });

  test('--gpg-key with a relative path is read from the working directory', async () => {
    const { code } = await verify(['1.0.0', '--gpg-key', 'signer.pub.asc'], { GNUPGHOME: emptyHome() });
    expect(code).toBe(0);
  });

  test('no public key for the signer: a warning with the fix, assets still checked, exit 0', async () => {
    const { code, stdout, stderr } = await verify(['1.0.0'], { GNUPGHOME: emptyHome() });
    expect(code).toBe(0);
    expect(stderr).toContain(`warning: SHA256SUMS.asc: signed by key ${signerFingerprint.slice(-16)}, which is not in your keyring, so the signature was NOT checked`);
    expect(stderr).toContain('import the signer\'s public key (gpg --import KEY.asc) or pass it with --gpg-key KEY.asc');
    expect(stdout).toMatch(/demo-1\.0\.0-linux-x64\.tar\.gz\s+OK/);
  });

  test('a key in the keyring but not certified: good, with a warning to compare the fingerprint', async () => {
    const home = emptyHome();
    gpg(home, ['--import', signerPublicKey]);
    try {
      const { code, stdout, stderr } = await verify(['1.0.0'], { GNUPGHOME: home });
      expect(code).toBe(0);
      expect(stdout).toContain(`good signature by ${SIGNER_UID}`);
      expect(stderr).toContain(`the key ${signerFingerprint} is in your keyring but not certified as trusted`);
    } finally {
      execFileSync('gpgconf', ['--kill', 'all'], { env: { ...process.env, GNUPGHOME: home } });
    }
  });

  test('gpg not installed: says how to check by hand, assets still checked, exit 0', async () => {
    const { code, stdout, stderr } = await verify(['1.0.0'], { GNUPGHOME: signerHome, PATH: '/nonexistent' });
    expect(code).toBe(0);
    expect(stderr).toContain('gpg is not installed, so the signature was NOT checked; check it by hand with the signer\'s public key imported: gpg --verify SHA256SUMS.asc SHA256SUMS');
    expect(stdout).toMatch(/demo-1\.0\.0-linux-x64\.tar\.gz\s+OK/);
  });

  test('SHA256SUMS replaced on the release (digest updated too, old signature kept): BAD signature, exit 1, no asset OK', async () => {
    const forged = Buffer.from(originalSums.toString().replace(/^[0-9a-f]{64}/, '0'.repeat(64)));
    replaceSums(forged);
    const { code, stdout, stderr } = await verify(['1.0.0'], { GNUPGHOME: signerHome });
    expect(code).toBe(1);
    expect(stderr).toContain(`SHA256SUMS.asc: BAD signature from ${SIGNER_UID}`);
    expect(stderr).toContain('SHA256SUMS of v1.0.0 cannot be trusted: no asset was checked against it.');
    expect(stdout).not.toMatch(/\bOK\b/);
  });

  test('a tampered .asc (a real signature of other bytes by the same key): BAD signature, exit 1', async () => {
    putReleaseFile('SHA256SUMS.asc', detachSign(signerHome, Buffer.from('something else\n')));
    const { code, stderr } = await verify(['1.0.0'], { GNUPGHOME: signerHome });
    expect(code).toBe(1);
    expect(stderr).toContain(`SHA256SUMS.asc: BAD signature from ${SIGNER_UID}`);
  });

  test('a damaged .asc (armor edited): not a valid signature, exit 1', async () => {
    const lines = goodSignature.toString().split('\n');
    lines[2] = `X${lines[2]!.slice(1)}`;
    putReleaseFile('SHA256SUMS.asc', Buffer.from(lines.join('\n')));
    const { code, stderr } = await verify(['1.0.0', '--gpg-key', signerPublicKey], { GNUPGHOME: emptyHome() });
    expect(code).toBe(1);
    expect(stderr).toContain('SHA256SUMS.asc: not a valid OpenPGP signature of SHA256SUMS');
  });

  test('--gpg-key on a release without SHA256SUMS.asc: exit 1 (an unsigned SHA256SUMS does not pass as signed)', async () => {
    removeReleaseFile('SHA256SUMS.asc');
    const { code, stderr } = await verify(['1.0.0', '--gpg-key', signerPublicKey], { GNUPGHOME: emptyHome() });
    expect(code).toBe(1);
    expect(stderr).toContain('--gpg-key was given but the release has no SHA256SUMS.asc: its SHA256SUMS is not signed');
  });

  test.each([
    ['a private key', () => {
      const file = join(dir, 'private.asc');
      writeFileSync(file, gpg(signerHome, ['--pinentry-mode', 'loopback', '--passphrase', '', '--armor', '--export-secret-keys', SIGNER_UID]));
      return file;
    }, 'holds a private key; pass the signer\'s public key instead'],
    ['a missing file', () => join(dir, 'missing.asc'), '--gpg-key: cannot read'],
    ['a file that is no key', () => configPath, 'is not an ASCII-armored OpenPGP public key'],
  ])('--gpg-key with %s: exit 2 before any request', async (_title, file, message) => {
    const path = file();
    try {
      const { code, stderr } = await verify(['1.0.0', '--gpg-key', path], { GNUPGHOME: emptyHome() });
      expect(code).toBe(2);
      expect(stderr).toContain(message);
      expect(stderr).not.toContain('PRIVATE KEY BLOCK');
    } finally {
      if (path.endsWith('private.asc')) rmSync(path, { force: true });
    }
  });

  test('--asset SHA256SUMS.asc (a local copy): compared with the release\'s copy, not "not listed"', async () => {
    const local = join(mkdtempSync(join(dir, 'download-')), 'SHA256SUMS.asc');
    writeFileSync(local, goodSignature);
    const same = await verify(['1.0.0', '--asset', local], { GNUPGHOME: signerHome });
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/SHA256SUMS\.asc\s+OK/);
    expect(same.stderr).not.toContain('not listed');

    writeFileSync(local, detachSign(signerHome, Buffer.from('other\n')));
    const different = await verify(['1.0.0', '--asset', local], { GNUPGHOME: signerHome });
    expect(different.code).toBe(1);
    expect(different.stderr).toContain('SHA256SUMS.asc: differs from the release\'s copy');
  });
});

describe('SHA256SUMS.sigstore.json: the cosign verify-blob command, run when cosign is installed', () => {
  const bundle = Buffer.from(JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', note: 'stand-in bundle' }));
  const command = "cosign verify-blob --bundle SHA256SUMS.sigstore.json --certificate-identity-regexp '^https://github\\.com/acme/demo/' "
    + '--certificate-oidc-issuer https://token.actions.githubusercontent.com SHA256SUMS';
  let bin: string;
  let calls: string;

  beforeAll(() => {
    removeReleaseFile('SHA256SUMS.asc');
    putReleaseFile('SHA256SUMS.sigstore.json', bundle);
    bin = mkdtempSync(join(dir, 'cosign-bin-'));
    calls = join(bin, 'calls');
    // A stand-in cosign: records its arguments and copies the files it was given, fails on request.
    writeFileSync(join(bin, 'cosign'), [
      '#!/bin/sh',
      `printf '%s\\n' "$@" > "${calls}"`,
      `env | grep -c -e GITHUB_TOKEN -e GH_TOKEN > "${bin}/token-vars" || true`,
      `cp "$3" "${bin}/bundle-seen"`,
      'for last; do :; done',
      `cp "$last" "${bin}/sums-seen"`,
      '[ -z "$COSIGN_FAKE_FAIL" ] || { echo "Error: none of the expected identities matched" >&2; exit 1; }',
      'echo "Verified OK"',
      '',
    ].join('\n'));
    chmodSync(join(bin, 'cosign'), 0o755);
  });
  afterAll(() => removeReleaseFile('SHA256SUMS.sigstore.json'));

  test('cosign not installed: the command is shown, exit 0', async () => {
    const { code, stdout } = await verify(['1.0.0'], { GNUPGHOME: emptyHome() });
    expect(code).toBe(0);
    expect(stdout).toContain(`sigstore: ${command}\n`);
  });

  test('cosign on PATH: run with the bundle, the repository identity and the Actions issuer over the release\'s SHA256SUMS', async () => {
    const { code, stdout, stderr } = await verify(['1.0.0'], { GNUPGHOME: emptyHome(), PATH: `${bin}:${SYSTEM_PATH}` });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`sigstore: ${command}: verified`);
    const argv = readFileSync(calls, 'utf8').trimEnd().split('\n');
    expect(argv).toEqual([
      'verify-blob', '--bundle', expect.stringMatching(/\/SHA256SUMS\.sigstore\.json$/),
      '--certificate-identity-regexp', '^https://github\\.com/acme/demo/',
      '--certificate-oidc-issuer', 'https://token.actions.githubusercontent.com',
      expect.stringMatching(/\/SHA256SUMS$/),
    ]);
    expect(readFileSync(join(bin, 'bundle-seen'))).toEqual(bundle);
    expect(readFileSync(join(bin, 'sums-seen'))).toEqual(originalSums);
    // cosign reads no GitHub API: the token is not handed to it.
    expect(readFileSync(join(bin, 'token-vars'), 'utf8').trim()).toBe('0');
    expect(stdout).toMatch(/demo-1\.0\.0-linux-x64\.tar\.gz\s+OK/);
  });

  test('cosign fails: exit 1, its message shown, no asset trusted', async () => {
    const { code, stdout, stderr } = await verify(['1.0.0'], { GNUPGHOME: emptyHome(), PATH: `${bin}:${SYSTEM_PATH}`, COSIGN_FAKE_FAIL: '1' });
    expect(code).toBe(1);
    expect(stdout).toContain(`sigstore: ${command}: failed (exit 1)\nError: none of the expected identities matched`);
    expect(stderr).toContain('SHA256SUMS.sigstore.json: cosign verify-blob failed (exit 1)');
    expect(stderr).toContain('SHA256SUMS of v1.0.0 cannot be trusted');
    expect(stdout).not.toMatch(/\bOK\b/);
  });

  test('the keyless signature of SHA256SUMS is not a provenance attestation: a failing gh stays a report, exit 0', async () => {
    writeFileSync(join(bin, 'gh'), '#!/bin/sh\necho "no attestation found" >&2\nexit 1\n');
    chmodSync(join(bin, 'gh'), 0o755);
    try {
      const { code, stdout } = await verify(['1.0.0'], { GNUPGHOME: emptyHome(), PATH: `${bin}:${SYSTEM_PATH}` });
      expect(stdout).toContain('provenance: gh attestation verify demo-1.0.0-linux-x64.tar.gz --repo acme/demo: failed (exit 1)');
      expect(code).toBe(0);
    } finally {
      rmSync(join(bin, 'gh'));
    }
  });
});
