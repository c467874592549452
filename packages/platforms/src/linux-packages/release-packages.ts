import { basename } from 'node:path';
import type { DeployforgeConfig } from '@deployforge/config';
import type { Logger } from '@deployforge/diagnostics';
import type { TargetId } from '@deployforge/targets';
import type { ResolvedVersion } from '@deployforge/version';
import type { PlatformContext, ReleaseAsset } from '../platform.js';
import type { BuiltPackage } from './deb-package.js';
import type { PackageFormat } from './package-settings.js';

export type ReleasePackageKind = PackageFormat;

const ALL_KINDS: readonly ReleasePackageKind[] = ['deb', 'rpm', 'apk'];

/** `release.linux-packages` as a list, in a fixed order (absent: none). */
export function configuredPackageKinds(config: DeployforgeConfig): ReleasePackageKind[] {
  const value: readonly string[] = config.release?.['linux-packages'] ?? [];
  return ALL_KINDS.filter((k) => value.includes(k));
}

/** A package the release carries: its asset name, its bytes and what the indexes repeat. */
export interface ReleasePackage {
  kind: ReleasePackageKind;
  /** The architecture in the format's own words (amd64, x86_64, aarch64…). */
  arch: string;
  /** The release asset's name (unique across architectures, unlike Alpine's own apk file names). */
  name: string;
  data: Buffer;
  sha256: string;
  /** The package as its writer made it: its own file name, control text, rpm header facts. */
  built: BuiltPackage;
}

/**
 * The release asset name of a package: `<name>_<version>_<arch>.<kind>` with the release's own
 * (semver) version. Not the formats' file names: those hold `~` (`1.0.0~rc.1-1`), which GitHub
 * renames in asset names, and Alpine's carry no architecture. The repositories file each package
 * under its format's own name.
 */
export function releasePackageName(kind: ReleasePackageKind, packageName: string, version: string, arch: string): string {
  return `${packageName}_${version}_${arch}.${kind}`;
}

/** Whether `name` can be a package asset of this release: the kinds `release.linux-packages` turns on. */
export function isReleasePackageFile(config: DeployforgeConfig, name: string): boolean {
  return name.startsWith(`${config.project.name}_`) && configuredPackageKinds(config).some((k) => name.endsWith(`.${k}`));
}

export interface ReleasePackagesOptions {
  config: DeployforgeConfig;
  version: ResolvedVersion;
  /** The release's verified archives on disk, with their targets. */
  archives: readonly { target: TargetId; path: string }[];
  env: Readonly<Record<string, string | undefined>>;
  log: Logger;
}

/**
 * Builds the packages `release.linux-packages` asks for from the release archives, with the same
 * writers (and so the same bytes) as the repositories use. Metadata comes from `project`: name,
 * maintainer, description, license. A release without those kinds builds nothing.
 */
export async function buildReleasePackages(options: ReleasePackagesOptions): Promise<ReleasePackage[]> {
  const assets: ReleaseAsset[] = options.archives.map((a) => ({ name: basename(a.path), target: a.target, url: '', size: 0, sha256: '', localPath: a.path }));
  const ctx: PlatformContext = {
    config: options.config,
    version: options.version,
    assets,
    workDir: '',
    env: options.env,
    dryRun: false,
    force: false,
    log: options.log,
    fetchAsset: async (asset) => asset.localPath!,
  };
  return packagesOfRelease(ctx, configuredPackageKinds(options.config));
}

/**
 * The release's packages of `kinds`, built from the context's (verified) archives exactly as the hub
 * built them: the apt and yum spokes rebuild them to learn what their indexes repeat (control
 * fields, rpm header facts), then check the bytes against the release's own asset.
 */
export async function packagesOfRelease(ctx: PlatformContext, kinds: readonly ReleasePackageKind[]): Promise<ReleasePackage[]> {
  if (kinds.length === 0) return [];
  // Loaded on use: the package writers stay out of the start-up of every command that imports this.
  const [{ packageSettings }, { buildPackages }] = await Promise.all([import('./package-settings.js'), import('./build-packages.js')]);
  const settings = packageSettings(ctx, kinds);
  const built = await buildPackages(ctx, settings);
  return built.map(({ job, pkg }) => ({ kind: job.format, arch: job.arch, name: releasePackageName(job.format, settings.name, settings.version, job.arch), data: pkg.data, sha256: pkg.sha256, built: pkg }));
}
