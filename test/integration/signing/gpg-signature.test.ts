import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '@deployforge/diagnostics';
import { checkGpgSigningKey, gpgKeyInfo, signDetachedGpg } from '@deployforge/signing';
import { generateKey, readKey, readPrivateKey, revokeKey } from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempGnupgHome, validSigHashAlgorithm } from './gpg-verify.js';

// Keys are made here, at test time: no private key is ever committed.
const USER = { name: 'DeployForge Test', email: 'release@example.test' };
const SUMS = [
  'a3f5c0e2c1d4b7a8e9f00112233445566778899aabbccddeeff00112233445566  tool-1.2.3-x86_64-unknown-linux-gnu.tar.gz',
  '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0  tool-1.2.3-aarch64-apple-darwin.tar.gz',
  '',
].join('\n');

let root: string;
let sums: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'deployforge-gpg-'));
  sums = join(root, 'SHA256SUMS');
  writeFileSync(sums, SUMS);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const KINDS = [
  { kind: 'RSA 3072', options: { type: 'rsa' as const, rsaBits: 3072 } },
  { kind: 'ed25519', options: { type: 'ecc' as const, curve: 'ed25519Legacy' as const } },
];

describe.each(KINDS)('signDetachedGpg with an $kind key', ({ kind, options }) => {
  describe.each([
    { protection: 'no passphrase', passphrase: undefined },
    { protection: 'a passphrase', passphrase: 'correct horse battery staple' },
  ])('and $protection', ({ passphrase }) => {
    let armoredPublicKey: string;
    let signature: string;
    let gnupg: TempGnupgHome;
    let signatureFile: string;

    beforeAll(async () => {
      const pair = await generateKey({ ...options, userIDs: [USER], format: 'armored', ...(passphrase ? { passphrase } : {}) });
      armoredPublicKey = pair.publicKey;
      const started = performance.now();
      signature = await signDetachedGpg({
        file: sums,
        armoredKey: pair.privateKey,
        passphrase,
        keySecret: 'GPG_PRIVATE_KEY',
        passphraseSecret: passphrase ? 'GPG_PASSPHRASE' : undefined,
      });
      console.info(`[timing] GPG ${kind}, ${passphrase ? 'protected' : 'unprotected'}: ${(performance.now() - started).toFixed(0)} ms`);
      const dir = mkdtempSync(join(root, 'case-'));
      signatureFile = join(dir, 'SHA256SUMS.asc');
      writeFileSync(signatureFile, signature);
      gnupg = new TempGnupgHome(dir);
      gnupg.importPublicKey(armoredPublicKey);
    });

    it('is an armored detached signature', () => {
      expect(signature).toMatch(/^-----BEGIN PGP SIGNATURE-----\n/);
      expect(signature.trimEnd()).toMatch(/\n-----END PGP SIGNATURE-----$/);
      // Detached: the signed bytes are not inside it.
      expect(signature).not.toContain('tool-1.2.3');
    });

    it('verifies with the real gpg --verify, with SHA-256 or stronger', () => {
      const run = gnupg.verify(signatureFile, sums);
      expect(run.stderr).toContain('Good signature');
      expect(run.status).toBe(0);
      expect(run.statusLines.some((l) => l.startsWith('[GNUPG:] GOODSIG '))).toBe(true);
      expect([8, 9, 10]).toContain(validSigHashAlgorithm(run));
    });

    it('verifies with gpgv', () => {
      const run = gnupg.verifyWithGpgv(signatureFile, sums);
      expect(run.status).toBe(0);
      expect(run.statusLines.some((l) => l.startsWith('[GNUPG:] GOODSIG '))).toBe(true);
    });

    it('fails verification for a tampered SHA256SUMS', () => {
      const tampered = join(root, `tampered-${kind.replace(/\W/g, '')}-${passphrase ? 'p' : 'n'}`);
      writeFileSync(tampered, SUMS.replace('a3f5', 'a3f6'));
      const run = gnupg.verify(signatureFile, tampered);
      expect(run.status).not.toBe(0);
      expect(run.statusLines.some((l) => l.startsWith('[GNUPG:] BADSIG '))).toBe(true);
      const gpgv = gnupg.verifyWithGpgv(signatureFile, tampered);
      expect(gpgv.status).not.toBe(0);
      expect(gpgv.statusLines.some((l) => l.startsWith('[GNUPG:] BADSIG '))).toBe(true);
    });

    it('gpgKeyInfo names the fingerprint gpg computes and the user ID', async () => {
      const info = await gpgKeyInfo(armoredPublicKey, 'GPG_PRIVATE_KEY');
      expect(gnupg.fingerprints()).toEqual([info.fingerprint]);
      expect(info.fingerprint).toMatch(/^[0-9A-F]{40}$/);
      expect(info.userIds).toEqual(['DeployForge Test <release@example.test>']);
    });
  });
});

/** Every 16-character run of the key's armored body: none may appear in an error message. */
function keyFragments(armored: string): string[] {
  const body = armored
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('-----') && !line.includes(':'))
    .join('');
  const fragments: string[] = [];
  for (let i = 0; i + 16 <= body.length; i += 8) fragments.push(body.slice(i, i + 16));
  return fragments;
}

async function signingError(options: Parameters<typeof signDetachedGpg>[0]): Promise<ConfigurationError> {
  const error: unknown = await signDetachedGpg(options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigurationError);
  const configError = error as ConfigurationError;
  expect(configError.exitCode).toBe(2);
  for (const fragment of keyFragments(options.armoredKey)) expect(configError.message).not.toContain(fragment);
  if (options.passphrase) expect(configError.message).not.toContain(options.passphrase);
  return configError;
}

describe('signDetachedGpg refuses keys it cannot use, naming the secret and nothing secret', () => {
  const passphrase = 'tr0ub4dor&3-not-this-one';
  let protectedKey: string;
  let plainKey: string;
  let publicKey: string;

  beforeAll(async () => {
    const protectedPair = await generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [USER], passphrase });
    protectedKey = protectedPair.privateKey;
    const plainPair = await generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [USER] });
    plainKey = plainPair.privateKey;
    publicKey = plainPair.publicKey;
  });

  it('garbage', async () => {
    const garbage = '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nbm90IGEga2V5IGF0IGFsbCBidXQgbG9uZyBlbm91Z2g=\n-----END PGP PRIVATE KEY BLOCK-----\n';
    const error = await signingError({ file: sums, armoredKey: garbage, keySecret: 'GPG_PRIVATE_KEY' });
    expect(error.message).toContain('GPG_PRIVATE_KEY does not hold an armored OpenPGP private key');
    expect(error.message).not.toContain('bm90IGEga2V5');
  });

  it('a token pasted in place of the key', async () => {
    const error = await signingError({ file: sums, armoredKey: 'ghp_0123456789abcdefABCDEF0123456789abcd', keySecret: 'GPG_KEY' });
    expect(error.message).toContain('GPG_KEY does not hold an armored OpenPGP private key');
    expect(error.message).not.toContain('ghp_');
  });

  it('an empty secret', async () => {
    const error = await signingError({ file: sums, armoredKey: '  \n', keySecret: 'GPG_PRIVATE_KEY' });
    expect(error.message).toContain('GPG_PRIVATE_KEY is empty');
  });

  it('a public key instead of the private key', async () => {
    const error = await signingError({ file: sums, armoredKey: publicKey, keySecret: 'GPG_PRIVATE_KEY' });
    expect(error.message).toContain('GPG_PRIVATE_KEY holds an OpenPGP public key, not a private key');
  });

  it('a protected key without release.gpg-passphrase', async () => {
    const error = await signingError({ file: sums, armoredKey: protectedKey, keySecret: 'GPG_PRIVATE_KEY' });
    expect(error.message).toContain('the key in GPG_PRIVATE_KEY is protected');
    expect(error.message).toContain('set release.gpg-passphrase');
  });

  it('a protected key whose passphrase secret is empty', async () => {
    const error = await signingError({
      file: sums,
      armoredKey: protectedKey,
      passphrase: '',
      keySecret: 'GPG_PRIVATE_KEY',
      passphraseSecret: 'GPG_PASSPHRASE',
    });
    expect(error.message).toContain('the key in GPG_PRIVATE_KEY is protected');
    expect(error.message).toContain('GPG_PASSPHRASE is empty or not set');
  });

  it('a wrong passphrase', async () => {
    const wrong = 'hunter2-hunter2';
    const error = await signingError({
      file: sums,
      armoredKey: protectedKey,
      passphrase: wrong,
      keySecret: 'GPG_PRIVATE_KEY',
      passphraseSecret: 'GPG_PASSPHRASE',
    });
    expect(error.message).toBe('wrong passphrase: GPG_PASSPHRASE does not unlock the key in GPG_PRIVATE_KEY');
  });

  it('an expired key', async () => {
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    const pair = await generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [USER], date: twoDaysAgo, keyExpirationTime: 86_400 });
    const fingerprint = (await readPrivateKey({ armoredKey: pair.privateKey })).getFingerprint().toUpperCase();
    const error = await signingError({ file: sums, armoredKey: pair.privateKey, keySecret: 'GPG_PRIVATE_KEY' });
    expect(error.message).toContain(`the key in GPG_PRIVATE_KEY (${fingerprint}) expired on `);
  });

  it('a revoked key', async () => {
    const key = await readPrivateKey({ armoredKey: plainKey });
    const { privateKey: revoked } = await revokeKey({ key, format: 'armored' });
    const error = await signingError({ file: sums, armoredKey: revoked, keySecret: 'GPG_PRIVATE_KEY' });
    expect(error.message).toContain('the key in GPG_PRIVATE_KEY');
    expect(error.message).toContain('is revoked');
  });

  it('gpgKeyInfo on garbage: the same user error, naming the secret', async () => {
    const error = await gpgKeyInfo('not a key', 'GPG_PRIVATE_KEY').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('GPG_PRIVATE_KEY does not hold an armored OpenPGP private key');
    // A sanity check that the fragments helper really sees the key body (else the asserts above prove nothing).
    expect(keyFragments(plainKey).length).toBeGreaterThan(5);
    expect(plainKey).toContain(keyFragments(plainKey)[0]);
    expect((await readKey({ armoredKey: publicKey })).isPrivate()).toBe(false);
  });
});

describe('checkGpgSigningKey: the key checks of signing, without signing (run before any write)', () => {
  it('accepts a usable key and names it as gpg does; refuses a wrong passphrase like signing would', async () => {
    const passphrase = 'check-only-passphrase-42';
    const pair = await generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [USER], passphrase, format: 'armored' });
    const info = await checkGpgSigningKey({ armoredKey: pair.privateKey, passphrase, keySecret: 'GPG_PRIVATE_KEY', passphraseSecret: 'GPG_PASSPHRASE' });
    expect(info).toEqual(await gpgKeyInfo(pair.publicKey));
    const error = await checkGpgSigningKey({ armoredKey: pair.privateKey, passphrase: 'not-it-9', keySecret: 'GPG_PRIVATE_KEY', passphraseSecret: 'GPG_PASSPHRASE' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('GPG_PASSPHRASE does not unlock the key in GPG_PRIVATE_KEY');
    expect((error as Error).message).not.toContain('not-it-9');
  });
});
