import type { SpokeStatus } from '@deployforge/catalog';

/** One platform's line in status.json (CONTRACT.md), plus the evidence the dashboard shows. */
export interface PlatformStatus {
  status: SpokeStatus;
  url?: string;
  version: string;
  'duration-ms': number;
  required: boolean;
  detail: string;
  /** Display name ("Homebrew", "Custom command: deploy"). */
  name?: string;
  downloads?: number;
}

export interface ReleaseAssetStatus {
  name: string;
  size: number;
  sha256: string;
  url: string;
}

/**
 * status.json as written by summarize and the local runner, and read by `dashboard` and `status`.
 * The keys of CONTRACT.md are fixed; everything else is additive.
 */
export interface StatusDocument {
  project: string;
  version: string;
  'generated-at': string;
  /** Keyed by spoke key: the platform id, or `custom:<name>`. */
  platforms: Record<string, PlatformStatus>;
  release?: {
    status: SpokeStatus;
    url?: string;
    tag: string;
    assets: ReleaseAssetStatus[];
    detail: string;
    /** Which supply-chain files the release carries (see supplyChainFacts). */
    checksums?: boolean;
    sbom?: boolean;
    /** A build-provenance attestation bundle (`<name>-<version>.sigstore.json`). */
    attestations?: boolean;
    /** Any signature; true when either of the two below is. */
    signatures?: boolean;
    /** `SHA256SUMS.asc`, the detached OpenPGP signature of SHA256SUMS. */
    'gpg-signature'?: boolean;
    /** `SHA256SUMS.sigstore.json`, the keyless Sigstore signature of SHA256SUMS. */
    'sigstore-signature'?: boolean;
  };
  'dry-run'?: boolean;
  /**
   * Present only when the plan job itself failed (bad config or dispatch input): then no build,
   * release or spoke ran, and `platforms` lists what would have run, each marked as not run.
   */
  plan?: { status: 'failed'; detail: string };
}
