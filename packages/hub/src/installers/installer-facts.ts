import type { DeployforgeConfig } from '@deployforge/config';
import { ConfigurationError } from '@deployforge/diagnostics';
import { archiveName, sortTargets, type TargetInfo } from '@deployforge/targets';
import type { ResolvedVersion } from '@deployforge/version';

/** Everything an install script states about the release it installs from. */
export interface InstallerFacts {
  /** `project.name`: archive names start with it. */
  project: string;
  /** The executable's name inside the archives (without `.exe`). */
  binary: string;
  /** The version installed when none is asked for: the release the script is attached to. */
  version: string;
  /** Tag = prefix + version; `--version v1.2.3` and `--version 1.2.3` both work with it. */
  tagPrefix: string;
  /** Downloads are `<baseUrl>/<tag>/<file>`: the release's download folder on its GitHub. */
  baseUrl: string;
  /** The environment variable that overrides `baseUrl` (a mirror): `HELLO_FORGE_INSTALL_BASE_URL`. */
  baseUrlVariable: string;
  /** Linux and macOS targets with an archive, in table order. */
  unixTargets: TargetInfo[];
  /** Windows targets with an archive. */
  windowsTargets: TargetInfo[];
}

/**
 * `<PROJECT>_INSTALL_BASE_URL`: one variable per project, so pointing one tool's installer at a
 * mirror never redirects another's. Shell variable names are letters, digits and `_`, not starting
 * with a digit.
 */
export function baseUrlVariable(project: string): string {
  const upper = project.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return `${/^[0-9]/.test(upper) ? '_' : ''}${upper}_INSTALL_BASE_URL`;
}

/**
 * The facts of the installers of `version`, from the config and where the release lives. The
 * archive names are checked here (archiveName refuses names that would need quoting), so every
 * value a script embeds is a plain word or a URL.
 */
export function installerFacts(config: DeployforgeConfig, version: ResolvedVersion, release: { serverUrl: string; owner: string; repo: string }): InstallerFacts {
  const targets = sortTargets(config.build?.targets ?? []);
  for (const t of targets) archiveName(config.project.name, version.version, t.id);
  const binary = config.build?.binary ?? config.project.name;
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(binary)) {
    throw ConfigurationError.forInput('build.binary', `"${binary}" cannot be named by an install script; expected letters, digits, ".", "_", "+" or "-"`);
  }
  const tagPrefix = version.tag.endsWith(version.version) ? version.tag.slice(0, version.tag.length - version.version.length) : '';
  return {
    project: config.project.name,
    binary,
    version: version.version,
    tagPrefix,
    baseUrl: `${release.serverUrl.replace(/\/+$/, '')}/${release.owner}/${release.repo}/releases/download`,
    baseUrlVariable: baseUrlVariable(config.project.name),
    unixTargets: targets.filter((t) => t.os !== 'windows'),
    windowsTargets: targets.filter((t) => t.os === 'windows'),
  };
}
