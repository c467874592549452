/**
 * Signs SHA256SUMS for the hub. The hub decides *whether* a signature is needed (the release may
 * already hold a valid one) and calls `sign` only then, so a re-run of a finished release makes no
 * new signature and, for keyless signing, no new public transparency-log entry.
 */
export interface ChecksumSigner {
  /** The asset names this signer can produce, such as `SHA256SUMS.asc`. */
  readonly names: readonly string[];
  /**
   * Checks that need no network (the key is readable and its passphrase right…). Runs before
   * anything is written, dry runs included, so a bad key stops the release before its first upload.
   */
  check(): Promise<void>;
  /** Sign the SHA256SUMS at `sumsPath` into files named `names` inside `outDir`; returns their paths. */
  sign(sumsPath: string, names: readonly string[], outDir: string): Promise<string[]>;
}
