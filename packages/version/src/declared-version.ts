import type { ResolvedVersion } from './resolved-version.js';

/** Where a version file says its version: what an error about it points at. */
export interface VersionPlace {
  /** The file as the user knows it: `Cargo.toml`, `../../Cargo.toml`, `VERSION`. */
  file: string;
  /** 1-based line and column of the value. */
  line: number;
  column: number;
  /** The key holding it (`package.version`, `project.version`), or `version` for a plain file. */
  key: string;
}

/** A version read from a file the config names (`version.from: cargo | package-json | pyproject | file:`). */
export interface DeclaredVersion {
  resolved: ResolvedVersion;
  place: VersionPlace;
  /** The value as written in the file, for messages (`1.2.3rc1` stays `1.2.3rc1`). */
  written: string;
  /**
   * Whether a requested version (tag, dispatch input, --version) is this one. Exact for semver
   * files; pyproject compares PEP 440 forms, since `v1.2.3-rc.1` and `1.2.3rc1` are one version.
   */
  matches(requested: ResolvedVersion): boolean;
}

/** Exact semver equality: build metadata included, since it ends up in file names and tags. */
export function sameSemver(declared: ResolvedVersion): (requested: ResolvedVersion) => boolean {
  return (requested) => requested.version === declared.version;
}
