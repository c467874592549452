import { ConfigurationError } from '@deployforge/diagnostics';

/**
 * The release version in each package manager's own syntax, so that a prerelease sorts *before*
 * its final version everywhere:
 *
 * - dpkg and rpm (4.10+) both sort `~` before anything, even the end of the string:
 *   `1.0.0~rc.1` < `1.0.0`. A semver `-` cannot stay: dpkg reads the last `-` as the revision
 *   separator and rpm forbids it in a version.
 * - apk only knows suffixes `_alpha`, `_beta`, `_pre`, `_rc` (each before the plain version),
 *   followed by digits: `1.0.0_rc1`. A prerelease with another label has no apk form.
 *
 * Build metadata (`+build.5`) is dropped, as for PyPI: it would make `1.0.0+a` and `1.0.0+b`
 * two different packages of the same release.
 */
export interface PackageVersions {
  /** Debian `Version:` including the revision: `1.0.0~rc.1-1`. */
  deb: string;
  /** RPM `Version` and `Release`. */
  rpm: { version: string; release: string };
  /** apk `pkgver`, including `-r0`; undefined when the prerelease has no apk form. */
  apk?: string;
}

const APK_SUFFIXES = ['alpha', 'beta', 'pre', 'rc'] as const;

export function packageVersions(semver: string): PackageVersions {
  const plain = semver.split('+')[0]!;
  const dash = plain.indexOf('-');
  const core = dash < 0 ? plain : plain.slice(0, dash);
  const pre = dash < 0 ? undefined : plain.slice(dash + 1);
  const upstream = pre === undefined ? core : `${core}~${pre.replace(/-/g, '.')}`;
  const apk = apkVersion(core, pre);
  return { deb: `${upstream}-1`, rpm: { version: upstream, release: '1' }, ...(apk ? { apk: `${apk}-r0` } : {}) };
}

function apkVersion(core: string, pre: string | undefined): string | undefined {
  if (pre === undefined) return core;
  // `rc.1`, `rc1`, `beta`, `alpha.2`: a known label and at most one number.
  const m = /^(alpha|beta|pre|rc|snapshot)(?:[.-]?(\d+))?$/i.exec(pre);
  if (!m) return undefined;
  // `release --snapshot` versions (`1.2.4-snapshot+abc`) are never published; `_pre` keeps them buildable.
  const label = (m[1]!.toLowerCase() === 'snapshot' ? 'pre' : m[1]!.toLowerCase()) as (typeof APK_SUFFIXES)[number];
  return `${core}_${label}${m[2] ?? ''}`;
}

/** The apk version or a user error naming what to change (`origin`: the key that asks for apk). */
export function requireApkVersion(semver: string, origin: string): string {
  const apk = packageVersions(semver).apk;
  if (!apk) {
    throw ConfigurationError.forInput(
      origin,
      `apk has no form for the prerelease ${semver}: use -alpha.N, -beta.N, -pre.N or -rc.N, or leave apk out of ${origin} for this release`,
    );
  }
  return apk;
}
