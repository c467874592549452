import { posix } from 'node:path';
import type { LinuxPackagesPlatformConfig } from '@deployforge/config';
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

export interface ExtraFile {
  source: string;
  destination: string;
  mode: number;
}

/** Everything a package's metadata says, resolved from the config once. */
export interface PackageSettings {
  block: LinuxPackagesPlatformConfig;
  name: string;
  /** The semver release version. */
  version: string;
  versions: { deb: string; rpm: { version: string; release: string }; apk?: string };
  maintainer: string;
  summary: string;
  description: string;
  license?: string;
  homepage?: string;
  section: string;
  depends: { deb: string[]; rpm: string[]; apk: string[] };
  files: ExtraFile[];
  /** The binary's file name inside the archive and in /usr/bin. */
  binary: string;
  jobs: PackageJob[];
  /** Folder of the repositories inside the git repository ('' for its root). */
  root: string;
}

export function packageBlock(ctx: PlatformContext): LinuxPackagesPlatformConfig {
  const block = ctx.config.platforms['linux-packages'];
  if (!block) throw new Error('platforms.linux-packages is not configured');
  return block;
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

function octalMode(text: string | undefined): number {
  return Number.parseInt(text ?? '0644', 8);
}

/**
 * `block` and `origin` let the hub build the release's packages (`release.linux-packages`) with the
 * same code: there the metadata comes from `project` and errors name `origin`.
 */
export function packageSettings(ctx: PlatformContext, block: LinuxPackagesPlatformConfig = packageBlock(ctx), origin = 'platforms.linux-packages'): PackageSettings {
  const { project } = ctx.config;
  const name = block.package ?? project.name;
  if (!/^[a-z0-9][a-z0-9+.-]+$/.test(name)) {
    throw ConfigurationError.forInput(`${origin}.package`, `${JSON.stringify(name)} (from project.name) is not a valid package name: set package to lowercase letters, digits, '+', '-' and '.'`);
  }
  const maintainer = block.maintainer ?? project.maintainer;
  if (!maintainer || !/^[^<>\r\n]+ <[^<>@\s]+@[^<>\s]+>$/.test(maintainer)) {
    throw ConfigurationError.forInput(origin.startsWith('platforms.') ? `${origin}.maintainer` : 'project.maintainer', 'packages need a maintainer as `Name <email>`: set it here or in project.maintainer');
  }
  const formats = block.formats ?? ['deb', 'rpm'];
  const versions = packageVersions(ctx.version.version);
  if (formats.includes('apk')) requireApkVersion(ctx.version.version);
  const jobs = jobsFor(ctx, formats);
  if (jobs.length === 0) {
    throw ConfigurationError.forInput(origin, `the release of ${ctx.version.version} has no Linux archive; add linux-x64 or linux-arm64 to build.targets`);
  }
  const summary = (project.description ?? `${name} command-line tool`).replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  const binary = binaryName(ctx.config.build?.binary ?? project.name, jobs[0]!.target.id);
  const homepage = projectHomepage(ctx);
  const root = posix.normalize(block.path ?? '.').replace(/^\.\/?$/, '').replace(/\/+$/, '');
  return {
    block,
    name,
    version: ctx.version.version,
    versions,
    maintainer,
    summary: summary.length > 79 ? `${summary.slice(0, 76)}...` : summary,
    // Debian's extended description must not repeat the synopsis; lines stay under 80 columns.
    description: `The ${binary} command from the ${project.name} ${ctx.version.version} release,\ninstalled into /usr/bin. Built from the release archives by DeployForge.`,
    ...(project.license ? { license: project.license } : {}),
    ...(homepage ? { homepage } : {}),
    section: block.section ?? 'utils',
    depends: { deb: block.depends?.deb ?? [], rpm: block.depends?.rpm ?? [], apk: block.depends?.apk ?? [] },
    files: (block.files ?? []).map((f) => ({ source: f.source, destination: f.destination, mode: octalMode(f.mode) })),
    binary,
    jobs,
    root,
  };
}

/** A path inside the git repository, under the configured folder. */
export function repoPath(settings: PackageSettings, path: string): string {
  return settings.root ? `${settings.root}/${path}` : path;
}
