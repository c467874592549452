import type { DeployforgeConfig } from '@deployforge/config';
import type { Logger } from '@deployforge/diagnostics';
import type { TargetId } from '@deployforge/targets';
import type { ResolvedVersion } from '@deployforge/version';
import type { PlatformId } from './catalog.js';
import type { Existence, SpokeStatus } from './existence.js';

/** One asset of the hub's GitHub Release, as every spoke consumes it. */
export interface ReleaseAsset {
  name: string;
  /** The target the archive was built for; absent for SHA256SUMS, SBOMs, signatures. */
  target?: TargetId;
  /** Public download URL (browser_download_url): what manifests point users at. */
  url: string;
  size: number;
  sha256: string;
  /**
   * A verified copy on disk, when the runner already has one (the local release uploads from
   * it); spokes that need the bytes use it instead of downloading again.
   */
  localPath?: string;
}

/** Everything a platform step may look at. Built once per spoke by the runner or the action. */
export interface PlatformContext {
  config: DeployforgeConfig;
  /** The entry name for `custom` spokes (`platforms.custom.<instance>`). */
  instance?: string;
  version: ResolvedVersion;
  assets: readonly ReleaseAsset[];
  /** A scratch folder owned by this spoke for this run. */
  workDir: string;
  /** Credentials and endpoints. Never logged; read through here, never from process.env directly. */
  env: Readonly<Record<string, string | undefined>>;
  dryRun: boolean;
  force: boolean;
  log: Logger;
  signal?: AbortSignal;
  /**
   * Download a release asset, verified against its sha256, into the spoke's workDir (or return
   * `localPath`). Spokes never fetch assets themselves, so every byte they publish is checked.
   */
  fetchAsset(asset: ReleaseAsset): Promise<string>;
}

/** A file a platform renders: a formula, a manifest, a package.json… Pure data, snapshot-tested. */
export interface RenderedFile {
  /** Path inside the package / repository, POSIX separators. */
  path: string;
  contents: string | Uint8Array;
  mode?: number;
}

/** An image a spoke pushed: what the workflow attests and signs after the publish step. */
export interface PublishedImage {
  /** The index (manifest list) digest every tag points at: `sha256:…`. */
  digest: string;
  /** Fully qualified repositories without tag (`ghcr.io/acme/tool`, `index.docker.io/acme/tool`). */
  repositories: string[];
}

export interface PublishResult {
  status: SpokeStatus;
  url?: string;
  /** What happened, in words: shown in the summary's detail column. */
  detail: string;
  /** Image spokes: the digest and where it now is, so the workflow can attest and sign it by digest. */
  image?: PublishedImage;
}

export interface LiveStatus {
  /** Newest version the platform serves, or undefined when it has none. */
  latest?: string;
  url?: string;
  detail?: string;
}

/**
 * The shape of every platform folder (`src/<id>/`): check, render, publish, status, and optionally
 * stats and rollback. A reader who knows one platform knows all of them.
 */
export interface Platform {
  id: PlatformId;
  /** Is this version there already? identical / different / absent / burned / pending / unknown. */
  check(ctx: PlatformContext): Promise<Existence>;
  /** Pure: the files of the package, from config + release assets. No I/O. */
  render(ctx: PlatformContext): RenderedFile[];
  /** Write to the platform. Idempotent: a re-run after success writes nothing. */
  publish(ctx: PlatformContext, files: RenderedFile[]): Promise<PublishResult>;
  /** The latest live version, for drift reports. */
  status(ctx: PlatformContext): Promise<LiveStatus>;
  stats?(ctx: PlatformContext): Promise<{ downloads?: number; detail?: string }>;
  rollback?(ctx: PlatformContext, to: string): Promise<PublishResult>;
}
