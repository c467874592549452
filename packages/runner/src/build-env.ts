import type { MatrixEntry } from '@deployforge/plan';
import type { ResolvedVersion } from '@deployforge/version';

/** The variables the generated build job exports per matrix row; the local build sets the same. */
export function buildEnv(entry: MatrixEntry, version: ResolvedVersion): Record<string, string> {
  return {
    DEPLOYFORGE_TARGET: entry.target,
    DEPLOYFORGE_RUST_TARGET: entry['rust-target'],
    GOOS: entry.goos,
    GOARCH: entry.goarch,
    DEPLOYFORGE_VERSION: version.version,
    DEPLOYFORGE_TAG: version.tag,
  };
}
