/** Where the version came from, for messages and the plan. */
export type VersionSource = 'tag' | 'input' | 'file' | 'cargo' | 'package-json' | 'pyproject';

/** A validated release version and every form of it the platforms need. */
export interface ResolvedVersion {
  /** Plain semver without prefix: `1.2.3`, `2.0.0-rc.1`, `1.2.3+build.5` (build metadata kept). */
  version: string;
  /** The git tag: tag-prefix + version, `v1.2.3`. */
  tag: string;
  prerelease: boolean;
  /** `latest`, or `next` for prereleases. */
  npmDistTag: 'latest' | 'next';
  /**
   * PEP 440 form: `2.0.0rc1`, `1.0.0a2`, `1.0.0.dev3`. Undefined when the semver prerelease has no
   * PEP 440 equivalent (`1.0.0-foo.1`): the PyPI spoke then refuses with a clear message instead of
   * every release failing. Build metadata is dropped: it would be a PEP 440 local version
   * (`1.2.3+build`), which PyPI refuses to host.
   */
  pypiVersion?: string;
  source: VersionSource;
  /** The `+…` part without the `+`, when present. Registries ignore or reject it; see `warnings`. */
  buildMetadata?: string;
  /** Things worth telling the user that do not stop the release (build metadata, for now). */
  warnings?: string[];
}
