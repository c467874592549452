import semver from 'semver';
import type { ResolvedVersion } from '@deployforge/version';

/** The tag that names exactly this release: what check looks at and rollback points back to. */
export function versionTag(version: string): string {
  // OCI tags allow [A-Za-z0-9_.-] only: semver build metadata (`+build.5`) becomes `_build.5`, the
  // convention docker/metadata-action uses too.
  return version.replace(/\+/g, '_');
}

/** A tag that follows the newest release (`latest`, `1.2`) rather than naming one release. */
export function isFloatingTag(template: string): boolean {
  return !template.includes('{version}') && !template.includes('{patch}');
}

/**
 * The config's tag templates filled in for this version. Prereleases get only the tags that name the
 * full version: `latest` or `1.2` pointing at `1.2.0-rc.1` would hand release candidates to everyone who
 * pulls the default tag.
 */
export function expandTags(templates: readonly string[], version: ResolvedVersion): { tag: string; floating: boolean }[] {
  const parsed = semver.parse(version.version);
  if (!parsed) throw new Error(`docker: ${version.version} is not a semver version`);
  const out: { tag: string; floating: boolean }[] = [];
  for (const template of templates) {
    const floating = isFloatingTag(template);
    if (version.prerelease && floating) continue;
    const tag = template
      .replaceAll('{version}', versionTag(version.version))
      .replaceAll('{major}', String(parsed.major))
      .replaceAll('{minor}', String(parsed.minor))
      .replaceAll('{patch}', String(parsed.patch));
    if (!out.some((t) => t.tag === tag)) out.push({ tag, floating });
  }
  // check and rollback rely on the version tag, so it is always pushed even if the config forgot it.
  const exact = versionTag(version.version);
  if (!out.some((t) => t.tag === exact)) out.unshift({ tag: exact, floating: false });
  return out;
}
