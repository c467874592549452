import { createCleartextMessage, createMessage, enums, sign, type PrivateKey } from 'openpgp';
import { readSigningKey, type GpgKeySecretNames } from './armored-gpg-key.js';

/** What signs a package repository's indexes (apt `InRelease`/`Release.gpg`, yum `repomd.xml.asc`). */
export interface RepositorySigner {
  /** Upper-case fingerprint of the primary key, for logs and docs. */
  fingerprint: string;
  /** The armored public key users add to their keyring (`key.asc` beside the repositories). */
  publicKey: string;
  /** A cleartext-signed copy of `text` (apt's `InRelease`). */
  clearsign(text: string): Promise<string>;
  /** An armored detached signature of `bytes` (`Release.gpg`, `repomd.xml.asc`). */
  detach(bytes: Uint8Array): Promise<string>;
  /**
   * A binary detached signature (the OpenPGP packet, as rpm stores it in a package), dated `date`
   * or the signing key's creation if that is later: the same key, bytes and date always give the
   * same signature with RSA and EdDSA keys, so a re-built package has the same digest.
   */
  detachBinary(bytes: Uint8Array, date: Date): Promise<Uint8Array>;
  /** Whether the signing (sub)key is RSA: rpm files RSA header signatures under another tag. */
  rsa: boolean;
}

const CONFIG = {
  // SHA-512, and never the hashes apt and rpm refuse (SHA-1 signatures are rejected by both since 2022).
  preferredHashAlgorithm: enums.hash.sha512,
  rejectHashAlgorithms: new Set([enums.hash.md5, enums.hash.ripemd, enums.hash.sha1, enums.hash.sha224]),
};

/**
 * A signer over an armored private key; bad keys and passphrases become user errors naming the
 * secret (never quoting it), like the release's own SHA256SUMS signature.
 */
export async function repositorySigner(armoredKey: string, passphrase: string | undefined, names: GpgKeySecretNames): Promise<RepositorySigner> {
  const key: PrivateKey = await readSigningKey(armoredKey, passphrase, names);
  // Fails with openpgp's own words for a key that cannot sign at all; checked once here.
  const signing = await key.getSigningKey();
  const created = signing.getCreationTime().getTime();
  return {
    rsa: signing.getAlgorithmInfo().algorithm.startsWith('rsa'),
    async detachBinary(bytes, date) {
      const when = new Date(Math.max(date.getTime(), created));
      // openpgp.js salts every signature with a random notation unless told not to, so the same
      // package signed twice differed and a re-run found its own .rpm "different" (seen in a clean
      // CI run). The salt guards EdDSA against fault attacks on the signing machine; a package
      // signature must be reproducible, and RSA and EdDSA are deterministic without it.
      return sign({ message: await createMessage({ binary: bytes }), signingKeys: key, detached: true, format: 'binary', date: when, config: { ...CONFIG, nonDeterministicSignaturesViaNotation: false } });
    },
    fingerprint: key.getFingerprint().toUpperCase(),
    publicKey: key.toPublic().armor(),
    async clearsign(text) {
      return sign({ message: await createCleartextMessage({ text }), signingKeys: key, config: CONFIG });
    },
    async detach(bytes) {
      return sign({ message: await createMessage({ binary: bytes }), signingKeys: key, detached: true, format: 'armored', config: CONFIG });
    },
  };
}
