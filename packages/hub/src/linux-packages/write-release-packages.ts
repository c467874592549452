import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DeployforgeConfig } from '@deployforge/config';
import type { Logger } from '@deployforge/diagnostics';
import { buildReleasePackages, configuredPackageKinds, isReleasePackageFile } from '@deployforge/platforms';
import { archiveName, type TargetId } from '@deployforge/targets';
import type { ResolvedVersion } from '@deployforge/version';

export interface ReleasePackagesOptions {
  config: DeployforgeConfig;
  version: ResolvedVersion;
  /** The release's files (archives among them), as collected from the artifacts. */
  files: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  outDir: string;
  log: Logger;
}

/** The configured Linux archives among the release's files, with their targets. */
function linuxArchives(config: DeployforgeConfig, version: ResolvedVersion, files: readonly string[]): { target: TargetId; path: string }[] {
  const byName = new Map(files.map((f) => [basename(f), f]));
  const out: { target: TargetId; path: string }[] = [];
  for (const target of config.build?.targets ?? []) {
    if (!target.startsWith('linux-')) continue;
    const path = byName.get(archiveName(config.project.name, version.version, target));
    if (path) out.push({ target, path });
  }
  return out;
}

/** Package files that came with the artifacts: the hub replaces them with the ones it builds. */
export function suppliedPackageFiles(config: DeployforgeConfig, files: readonly string[]): string[] {
  return files.filter((f) => isReleasePackageFile(config, basename(f)));
}

/**
 * Writes the `.deb`/`.rpm`/`.apk` files `release.linux-packages` asks for into `outDir`, built from
 * the release's Linux archives, and returns their paths (none when it is absent). They are release
 * files like the installers: SHA256SUMS lists them and its signature covers them, and the apt and
 * yum spokes take them from the release as they are. Same archives, same bytes: a re-run finds them
 * identical.
 */
export async function writeReleasePackages(options: ReleasePackagesOptions): Promise<string[]> {
  if (configuredPackageKinds(options.config).length === 0) return [];
  const archives = linuxArchives(options.config, options.version, options.files);
  const packages = await buildReleasePackages({ config: options.config, version: options.version, archives, env: options.env, log: options.log });
  const written: string[] = [];
  for (const pkg of packages) {
    const path = join(options.outDir, pkg.name);
    await writeFile(path, pkg.data, { mode: 0o644 });
    written.push(path);
  }
  options.log.info(`linux packages: ${packages.map((p) => p.name).join(', ')}`);
  return written;
}
