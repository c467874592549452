/**
 * Signatures and attestation bundles of a release. They are uploaded with the other assets but are
 * never listed in SHA256SUMS: a signature of SHA256SUMS cannot be inside it, and an attestation bundle
 * is self-verifying (its own signature and certificate), so listing it would add nothing while making
 * SHA256SUMS depend on bytes that change on every signing (new certificate, new log entry).
 */

/** The detached ASCII-armored OpenPGP signature of SHA256SUMS (`release.gpg-key`). */
export const SHA256SUMS_GPG_NAME = 'SHA256SUMS.asc';

/** The Sigstore bundle of the keyless signature of SHA256SUMS (`release.sign`). */
export const SHA256SUMS_SIGSTORE_NAME = 'SHA256SUMS.sigstore.json';

/** `<name>-<version>.sigstore.json`: the build-provenance attestation bundle (`release.attest`). */
export function provenanceBundleName(projectName: string, version: string): string {
  return `${projectName}-${version}.sigstore.json`;
}

/**
 * A signature-like file among the release's assets: uploaded after SHA256SUMS, not listed in it,
 * and, when a re-run made a new one over the same SHA256SUMS, the one already on the release is
 * kept (two valid signatures of the same bytes; replacing would only churn).
 */
export function isSignatureFile(name: string): boolean {
  return /\.(?:asc|sig|sigstore|sigstore\.json)$/.test(name);
}
