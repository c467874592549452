/**
 * The parts of GitHub's release and release-asset objects DeployForge reads. Kept narrow on purpose:
 * the fields below are the ones the state machine decides on, and a narrow type lets tests and the
 * fake build them by hand.
 */
export interface RemoteAsset {
  id: number;
  name: string;
  label?: string | null;
  /** `uploaded` when complete; `starter` (or `open`) is a leftover of an upload that failed mid-way. */
  state: string;
  size: number;
  /** `sha256:<hex>` where GitHub computed it (assets uploaded since mid-2025); null or absent otherwise. */
  digest?: string | null;
  browser_download_url: string;
  content_type?: string;
  created_at?: string;
  updated_at?: string;
}

export interface RemoteRelease {
  id: number;
  tag_name: string;
  name?: string | null;
  draft: boolean;
  prerelease: boolean;
  html_url: string;
  /** RFC 6570 template: `https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}`. */
  upload_url: string;
  body?: string | null;
  /** True on releases under the repository's immutable-releases setting once published. */
  immutable?: boolean;
  assets?: RemoteAsset[];
}

/** `sha256:<hex>` → `<hex>`; anything else (null, other algorithms) → undefined. */
export function sha256FromDigest(digest: string | null | undefined): string | undefined {
  if (!digest) return undefined;
  const match = /^sha256:([0-9a-fA-F]{64})$/.exec(digest);
  return match ? match[1]!.toLowerCase() : undefined;
}
