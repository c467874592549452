import { ConfigurationError } from '@deployforge/diagnostics';
import { decryptKey, readKey, type Key, type PrivateKey } from 'openpgp';

/**
 * Where a key came from, in the words the user configured. Messages name these and never the key
 * or the passphrase themselves: the secret's *name* is what the user can go and fix.
 */
export interface GpgKeySecretNames {
  /** The secret or env var named by `release.gpg-key`, e.g. `GPG_PRIVATE_KEY`. */
  keySecret: string;
  /** The secret or env var named by `release.gpg-passphrase`, when configured. */
  passphraseSecret?: string | undefined;
}

/**
 * Parse an armored key. openpgp.js's own parse errors are replaced by ours on purpose: they are
 * about armor and packets, and we cannot prove that none of them ever quotes the input.
 */
export async function readArmoredKey(armoredKey: string, names: GpgKeySecretNames): Promise<Key> {
  const notAKey = new ConfigurationError(
    `${names.keySecret} does not hold an armored OpenPGP private key (expected the output of ` +
      '`gpg --armor --export-secret-keys <key id>`, starting with "-----BEGIN PGP PRIVATE KEY BLOCK-----")',
  );
  if (armoredKey.trim() === '') {
    throw new ConfigurationError(`${names.keySecret} is empty: it must hold an armored OpenPGP private key`);
  }
  try {
    return await readKey({ armoredKey });
  } catch {
    throw notAKey;
  }
}

/** The private key, decrypted when it is protected, or a user error saying what to fix. */
export async function readSigningKey(
  armoredKey: string,
  passphrase: string | undefined,
  names: GpgKeySecretNames,
): Promise<PrivateKey> {
  const key = await readArmoredKey(armoredKey, names);
  if (!key.isPrivate()) {
    throw new ConfigurationError(
      `${names.keySecret} holds an OpenPGP public key, not a private key: export it with ` +
        '`gpg --armor --export-secret-keys <key id>`',
    );
  }
  // A key may also be partly protected (some subkeys only); decryptKey handles both.
  if (key.isDecrypted()) return key;
  if (passphrase === undefined || passphrase === '') {
    const where = names.passphraseSecret
      ? `${names.passphraseSecret} is empty or not set`
      : 'set release.gpg-passphrase to the name of the secret that holds its passphrase';
    throw new ConfigurationError(`the key in ${names.keySecret} is protected by a passphrase: ${where}`);
  }
  try {
    return await decryptKey({ privateKey: key, passphrase });
  } catch {
    const source = names.passphraseSecret ?? 'release.gpg-passphrase';
    throw new ConfigurationError(`wrong passphrase: ${source} does not unlock the key in ${names.keySecret}`);
  }
}
