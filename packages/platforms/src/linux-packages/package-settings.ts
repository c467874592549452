import { ConfigurationError } from '@deployforge/diagnostics';
import { binaryName, pickLinuxPerArch, targetInfo, type TargetInfo } from '@deployforge/targets';
import { projectHomepage, releaseArchives } from '../git-remote/index.js';
import type { PlatformContext, ReleaseAsset } from '../platform.js';
import { packageVersions, requireApkVersion } from './package-version.js';

export type PackageFormat = 'deb' | 'rpm' | 'apk';

/** Each format's name for the two architectures we build. */
export const ARCH_NAMES: Record<PackageFormat, Record<'x64' | 'arm64', string>> = {
  deb: { x64: 'amd64', arm64: 'arm64' },
  rpm: { x64: 'x86_64', arm64: 'aarch64' },
  apk: { x64: 'x86_64', arm64: 'aarch64' },
};

/** One package to build: which archive goes into it and under which architecture name. */
export interface PackageJob {
  format: PackageFormat;
  arch: string;
  target: TargetInfo;
  asset: ReleaseAsset;
}

/**
 * Everything a release package's metadata says, resolved once from `project`, `build` and the
 * release version: the packages of `release.linux-packages` have no settings of their own.
 */
export interface PackageSettings {
  name: string;
  /** The semver release version. */
  version: string;
  versions: { deb: string; rpm: { version: string; release: string }; apk?: string };
  maintainer: string;
  summary: string;
  description: string;
  license?: string;
  homepage?: string;
  /** The binary's file name inside the archive and in /usr/bin. */
  binary: string;
  jobs: PackageJob[];
}

/**
 * A `.deb` and an `.rpm` target glibc distributions, so they take the gnu build of an architecture
 * (musl when that is all there is: a static binary runs anywhere); an `.apk` targets Alpine, a musl
 * distribution, so it takes the musl build and skips an architecture that only has a glibc one.
 */
function jobsFor(ctx: PlatformContext, formats: readonly PackageFormat[]): PackageJob[] {
  const archives = releaseArchives(ctx, (t) => t.os === 'linux');
  const byTarget = new Map(archives.map((a) => [a.target.id, a.asset]));
  const jobs: PackageJob[] = [];
  for (const format of formats) {
    const picked = format === 'apk'
      ? archives.map((a) => a.target).filter((t) => t.libc === 'musl')
      : pickLinuxPerArch(archives.map((a) => a.target.id), 'gnu');
    for (const target of picked) {
      const asset = byTarget.get(target.id)!;
      jobs.push({ format, arch: ARCH_NAMES[format][target.arch as 'x64' | 'arm64'], target: targetInfo(target.id), asset });
    }
  }
  return jobs;
}

/** The key that asks for the packages: what a configuration error about them names. */
const ORIGIN = 'release.linux-packages';

/**
 * The settings of this release's packages of `formats` (the kinds `release.linux-packages` lists),
 * from `project`. validate already refuses what would fail here; the release version (apk's
 * prerelease labels) is only known now.
 */
export function packageSettings(ctx: PlatformContext, formats: readonly PackageFormat[]): PackageSettings {
  const { project } = ctx.config;
  const name = project.name;
  if (!/^[a-z0-9][a-z0-9+.-]+$/.test(name)) {
    throw ConfigurationError.forInput('project.name', `${JSON.stringify(name)} is not a valid package name for ${ORIGIN}: use lowercase letters, digits, '+', '-' and '.'`);
  }
  const maintainer = project.maintainer;
  if (!maintainer || !/^[^<>\r\n]+ <[^<>@\s]+@[^<>\s]+>$/.test(maintainer)) {
    throw ConfigurationError.forInput('project.maintainer', `${ORIGIN} needs a maintainer: set project.maintainer as \`Name <email>\``);
  }
  const versions = packageVersions(ctx.version.version);
  if (formats.includes('apk')) requireApkVersion(ctx.version.version, ORIGIN);
  const jobs = jobsFor(ctx, formats);
  if (jobs.length === 0) {
    throw ConfigurationError.forInput(ORIGIN, `the release of ${ctx.version.version} has no Linux archive; add linux-x64 or linux-arm64 to build.targets`);
  }
  const summary = (project.description ?? `${name} command-line tool`).replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  const binary = binaryName(ctx.config.build?.binary ?? project.name, jobs[0]!.target.id);
  const homepage = projectHomepage(ctx);
  return {
    name,
    version: ctx.version.version,
    versions,
    maintainer,
    summary: summary.length > 79 ? `${summary.slice(0, 76)}...` : summary,
    // Debian's extended description must not repeat the synopsis; lines stay under 80 columns.
    description: `The ${binary} command from the ${project.name} ${ctx.version.version} release,\ninstalled into /usr/bin. Built from the release archives by DeployForge.`,
    ...(project.license ? { license: project.license } : {}),
    ...(homepage ? { homepage } : {}),
    binary,
    jobs,
  };
}
