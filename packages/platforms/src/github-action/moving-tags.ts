import semver from 'semver';

export type TagLevel = 'major' | 'minor';

/** One moving tag this release may own, and whether it does. */
export interface MovingTag {
  level: TagLevel;
  /** `v1` or `v1.2`, with the config's tag prefix. */
  name: string;
  /**
   * The newest final release of this tag's line (1.x for `v1`, 1.2.x for `v1.2`), this one included.
   * The tag belongs to that release: when it is newer than this one, the tag stays where it is.
   */
  newest: string;
  /** True when this release is the newest of the line, so the tag must point at its commit. */
  owned: boolean;
}

/**
 * Which moving tags a release owns. Versions are compared as semver, never by date or commit order:
 * 1.1.5 released after 1.2.0 is the newest of v1.1 but not of v1, so it moves `v1.1` only. A
 * prerelease owns no tag (users of `@v1` must never get a release candidate), and neither do
 * prereleases or unparsable tags among the earlier releases count as the newest of a line.
 *
 * @param released the versions of the repository's published releases (tag prefix stripped)
 */
export function movingTags(version: string, prefix: string, levels: readonly TagLevel[], released: readonly string[]): MovingTag[] {
  const self = semver.parse(version);
  if (!self || self.prerelease.length > 0) return [];
  const finals = [self.version, ...released.map((v) => semver.parse(v)).filter((v): v is semver.SemVer => v !== null && v.prerelease.length === 0).map((v) => v.version)];
  // Fixed order (major first) so details and request sequences read the same on every run.
  return (['major', 'minor'] as const).filter((level) => levels.includes(level)).map((level) => {
    const inLine = finals.filter((v) => semver.major(v) === self.major && (level === 'major' || semver.minor(v) === self.minor));
    const newest = inLine.reduce((a, b) => (semver.gt(b, a) ? b : a));
    const name = level === 'major' ? `${prefix}${self.major}` : `${prefix}${self.major}.${self.minor}`;
    // Build metadata is ignored by semver ordering: 1.2.3+b and 1.2.3 are the same release here.
    return { level, name, newest, owned: semver.eq(newest, self.version) };
  });
}

/** The tag prefix of a release: its tag minus its version (`v` for `v1.2.3`). */
export function tagPrefix(tag: string, version: string): string {
  return tag.endsWith(version) ? tag.slice(0, tag.length - version.length) : 'v';
}
