import { readArmoredKey } from './armored-gpg-key.js';

/** What the logs may say about a key: public facts only. */
export interface GpgKeyInfo {
  /** Upper-case hex, as `gpg --list-keys` prints it (40 characters for v4 keys, 64 for v6). */
  fingerprint: string;
  /** The key's user IDs, e.g. `Release Bot <release@example.com>`. */
  userIds: string[];
}

/**
 * The fingerprint and user IDs of an armored key (private or public), for lines like "signed
 * SHA256SUMS with key ABCD…". `keySecret` names the secret in the error when it is not a key.
 */
export async function gpgKeyInfo(armoredKey: string, keySecret = 'release.gpg-key'): Promise<GpgKeyInfo> {
  const key = await readArmoredKey(armoredKey, { keySecret });
  return { fingerprint: key.getFingerprint().toUpperCase(), userIds: key.getUserIDs() };
}
