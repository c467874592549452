/** Where the version came from, for messages and the plan. */
export type VersionSource = 'tag' | 'input' | 'file' | 'cargo' | 'package-json';

/** A validated release version and every form of it the platforms need. */
export interface ResolvedVersion {
  /** Plain semver without prefix: `1.2.3`, `2.0.0-rc.1`. */
  version: string;
  /** The git tag: tag-prefix + version, `v1.2.3`. */
  tag: string;
  prerelease: boolean;
  /** `latest`, or `next` for prereleases. */
  npmDistTag: 'latest' | 'next';
  /**
   * PEP 440 form: `2.0.0rc1`, `1.0.0a2`, `1.0.0.dev3`. Undefined when the semver prerelease has no
   * PEP 440 equivalent (`1.0.0-foo.1`): the PyPI spoke then refuses with a clear message instead of
   * every release failing.
   */
  pypiVersion?: string;
  source: VersionSource;
}
