import { basename, relative } from 'node:path';
import type { LoadedConfig } from '@deployforge/config';
import { ConfigurationError, formatDiagnostic, type Diagnostic } from '@deployforge/diagnostics';
import { provenanceBundleName, SHA256SUMS_NAME } from '@deployforge/github';
import { isSbomFile } from '@deployforge/sbom';
import { archiveName } from '@deployforge/targets';
import { isReleasePackageFile } from '@deployforge/platforms';
import type { ResolvedVersion } from '@deployforge/version';
import { collectArtifacts } from './collect-artifacts.js';
import { configuredInstallers, INSTALLER_FILES, isConfiguredInstallerFile } from './installers/index.js';

/** Suffixes of a detached signature or Sigstore bundle of another release file. */
const SIGNATURE_SUFFIXES = ['.asc', '.sig', '.sigstore', '.sigstore.json'] as const;

export interface ArtifactsCheck {
  /** One archive name per configured target: what the folder must hold. */
  archives: string[];
  /** Archive names of configured targets with no file among the artifacts. */
  missing: string[];
  /** Files (as given) that are neither a target's archive nor a file the release is known to carry. */
  unexpected: string[];
}

/**
 * Which of `files` a release of `version` may carry, and which archives are missing. A release holds
 * exactly one archive per configured target (`<name>-<version>-<target>.tar.gz|.zip`) plus the files
 * the hub or the workflow's sign job make from them: SHA256SUMS, the SBOM (`*.cdx.json`,
 * `*.spdx.json`, also one the user built), the provenance bundle `<name>-<version>.sigstore.json`,
 * the installers `release.installers` asks for (`install.sh`, `install.ps1`), the `.deb`/`.rpm`/`.apk` of `release.linux-packages`, and signatures (`.asc`, `.sig`, `.sigstore[.json]`) of any of those. Anything else is a
 * misnamed archive, one of another version, or a stray file: publishing it would be wrong, and a
 * release missing an archive can never be finished by a spoke.
 */
export function checkArtifactNames(files: readonly string[], loaded: LoadedConfig, version: ResolvedVersion): ArtifactsCheck {
  const project = loaded.config.project.name;
  const archives = (loaded.config.build?.targets ?? []).map((t) => archiveName(project, version.version, t));
  const names = new Set(files.map((f) => basename(f)));
  const known = (name: string): boolean =>
    archives.includes(name) || name === SHA256SUMS_NAME || isSbomFile(name) || name === provenanceBundleName(project, version.version) ||
    isConfiguredInstallerFile(loaded.config, name) || isReleasePackageFile(loaded.config, name);
  const signatureOfKnown = (name: string): boolean =>
    SIGNATURE_SUFFIXES.some((suffix) => name.endsWith(suffix) && known(name.slice(0, -suffix.length)));
  return {
    archives,
    missing: archives.filter((a) => !names.has(a)),
    unexpected: files.filter((f) => !known(basename(f)) && !signatureOfKnown(basename(f))),
  };
}

/**
 * The hub's files from the `artifacts` input (collectArtifacts), refused as bad input, exit 2,
 * before anything is created or uploaded, unless they make a complete release: every configured
 * target's archive and nothing unexpected (checkArtifactNames). The error points at
 * `build.targets`, the key the expected names come from, and lists both problems at once.
 */
export async function collectReleaseArtifacts(spec: string, cwd: string, loaded: LoadedConfig, version: ResolvedVersion): Promise<string[]> {
  const files = await collectArtifacts(spec, cwd);
  const { archives, missing, unexpected } = checkArtifactNames(files, loaded, version);
  if (missing.length === 0 && unexpected.length === 0) return files;
  const at = loaded.locate(['build', 'targets']);
  const where = { file: loaded.file, line: at.line, column: at.column, path: 'build.targets' };
  const folder = `the artifacts in "${spec.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join(', ')}"`;
  const diagnostics: Diagnostic[] = [];
  if (missing.length > 0) {
    diagnostics.push({
      ...where,
      message: `${folder} lack the archive of ${missing.length} configured target(s): missing ${missing.join(', ')}; build them (or remove the targets) before releasing ${version.tag}`,
    });
  }
  if (unexpected.length > 0) {
    const shown = unexpected.map((f) => relative(cwd, f) || f);
    diagnostics.push({
      ...where,
      message:
        `${folder} hold ${unexpected.length} file(s) that are no part of release ${version.tag}: unexpected ${shown.join(', ')}; ` +
        `expected only ${archives.length > 0 ? `${archives.join(', ')}, ` : ''}SHA256SUMS, an SBOM${installersWord(loaded)} and signatures. Remove or rename them`,
    });
  }
  throw new ConfigurationError(`${diagnostics.map(formatDiagnostic).join('\n')}\nNothing was created or uploaded.`, diagnostics);
}

/** `, install.sh, install.ps1` when release.installers asks for them: they belong to the release too. */
function installersWord(loaded: LoadedConfig): string {
  return configuredInstallers(loaded.config).map((k) => `, ${INSTALLER_FILES[k]}`).join('');
}
