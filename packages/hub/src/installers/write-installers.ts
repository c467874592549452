import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeployforgeConfig } from '@deployforge/config';
import type { Logger } from '@deployforge/diagnostics';
import type { ResolvedVersion } from '@deployforge/version';
import { installerFacts, type InstallerFacts } from './installer-facts.js';
import { configuredInstallers, INSTALLER_FILES, type InstallerKind } from './installer-kinds.js';
import { renderInstallPs1 } from './render-install-ps1.js';
import { renderInstallSh } from './render-install-sh.js';

export interface ReleaseInstallersOptions {
  config: DeployforgeConfig;
  version: ResolvedVersion;
  /** Where the release lives: downloads default to `<serverUrl>/<owner>/<repo>/releases/download`. */
  serverUrl: string;
  owner: string;
  repo: string;
  outDir: string;
  log: Logger;
}

/** The installers `release.installers` asks for that the targets allow, rendered as file name → text. */
export function renderReleaseInstallers(config: DeployforgeConfig, facts: InstallerFacts): { kind: InstallerKind; name: string; text: string }[] {
  const out: { kind: InstallerKind; name: string; text: string }[] = [];
  for (const kind of configuredInstallers(config)) {
    // Validation refuses a listed kind without targets; `true` just leaves that kind out.
    if (kind === 'sh' && facts.unixTargets.length > 0) out.push({ kind, name: INSTALLER_FILES.sh, text: renderInstallSh(facts) });
    if (kind === 'ps1' && facts.windowsTargets.length > 0) out.push({ kind, name: INSTALLER_FILES.ps1, text: renderInstallPs1(facts) });
  }
  return out;
}

/**
 * Writes the release's installers into `outDir` and returns their paths (none when
 * `release.installers` is off). They are files of the release like the archives: SHA256SUMS lists
 * them, so a user can check the script before piping it into a shell.
 */
export async function writeReleaseInstallers(options: ReleaseInstallersOptions): Promise<string[]> {
  if (configuredInstallers(options.config).length === 0) return [];
  const facts = installerFacts(options.config, options.version, options);
  const written: string[] = [];
  for (const installer of renderReleaseInstallers(options.config, facts)) {
    const path = join(options.outDir, installer.name);
    await writeFile(path, installer.text, { mode: installer.kind === 'sh' ? 0o755 : 0o644 });
    written.push(path);
  }
  if (written.length > 0) options.log.info(`installers: ${written.length} script(s) downloading from ${facts.baseUrl}`);
  return written;
}
