import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '@deployforge/diagnostics';
import { createMessage, enums, sign, type PrivateKey } from 'openpgp';
import { readSigningKey } from './armored-gpg-key.js';
import type { GpgKeyInfo } from './gpg-key-info.js';

export interface SignDetachedGpgOptions {
  /** The file to sign (the release's SHA256SUMS). */
  file: string;
  /** The armored private key, the value of the `release.gpg-key` secret. */
  armoredKey: string;
  /** The value of the `release.gpg-passphrase` secret, when the key is protected. */
  passphrase?: string | undefined;
  /** The *name* of the key secret, for error messages (default `release.gpg-key`). */
  keySecret?: string | undefined;
  /** The *name* of the passphrase secret, for error messages. */
  passphraseSecret?: string | undefined;
}

/**
 * The ASCII-armored detached OpenPGP signature of a file's bytes (what goes into `SHA256SUMS.asc`,
 * checked with `gpg --verify SHA256SUMS.asc SHA256SUMS`).
 *
 * Bad keys, passphrases and keys that cannot sign are `ConfigurationError`s naming the secret;
 * no message ever carries key material or the passphrase.
 */
export async function signDetachedGpg(options: SignDetachedGpgOptions): Promise<string> {
  const key = await usableSigningKey(options);
  const bytes = await readFile(options.file);
  const message = await createMessage({ binary: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  return sign({
    message,
    signingKeys: key,
    detached: true,
    format: 'armored',
    // openpgp.js 6 already prefers SHA-512; saying so keeps a future default change from
    // quietly weakening the signature, and SHA-1/SHA-224 are refused outright.
    config: {
      preferredHashAlgorithm: enums.hash.sha512,
      rejectHashAlgorithms: new Set([enums.hash.md5, enums.hash.ripemd, enums.hash.sha1, enums.hash.sha224]),
    },
  });
}

/**
 * Every check signDetachedGpg makes of the key (armored private key, passphrase, a subkey that can
 * sign), without signing anything: run before the first write, so a bad key stops a release before
 * it uploads. Returns what the log may say about the key.
 */
export async function checkGpgSigningKey(options: Omit<SignDetachedGpgOptions, 'file'>): Promise<GpgKeyInfo> {
  const key = await usableSigningKey(options);
  return { fingerprint: key.getFingerprint().toUpperCase(), userIds: key.getUserIDs() };
}

async function usableSigningKey(options: Omit<SignDetachedGpgOptions, 'file'>): Promise<PrivateKey> {
  const names = { keySecret: options.keySecret ?? 'release.gpg-key', passphraseSecret: options.passphraseSecret };
  const key = await readSigningKey(options.armoredKey, options.passphrase, names);
  await assertCanSign(key, names.keySecret);
  return key;
}

/**
 * openpgp.js would refuse an expired or revoked key too, but with a message about packets; this
 * says which of the user-fixable reasons it is, before anything is read or signed.
 */
async function assertCanSign(key: PrivateKey, keySecret: string): Promise<void> {
  try {
    await key.getSigningKey();
    return;
  } catch {
    // Fall through to find out why, in terms the user can act on.
  }
  const fingerprint = key.getFingerprint().toUpperCase();
  if (await key.isRevoked()) {
    throw new ConfigurationError(`the key in ${keySecret} (${fingerprint}) is revoked: it cannot sign`);
  }
  const expires = await key.getExpirationTime();
  if (expires instanceof Date && expires.getTime() <= Date.now()) {
    throw new ConfigurationError(
      `the key in ${keySecret} (${fingerprint}) expired on ${expires.toISOString()}: extend it ` +
        '(`gpg --quick-set-expire`) or use another key',
    );
  }
  throw new ConfigurationError(
    `the key in ${keySecret} (${fingerprint}) cannot sign: it has no valid signing (sub)key ` +
      '(expired, revoked, or made for encryption only)',
  );
}
