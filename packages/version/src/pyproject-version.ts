import { join } from 'node:path';
import { ConfigurationError, describeValue } from '@deployforge/diagnostics';
import { parseToml } from './cargo-version.js';
import type { DeclaredVersion } from './declared-version.js';
import { locateTomlVersion } from './locate-version.js';
import { parseVersionInput } from './parse-version-input.js';
import { pep440ToSemver } from './pep440-to-semver.js';
import { readUserFile } from './read-text.js';

const isTable = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `version.from: pyproject`: PEP 621's `[project] version` in ./pyproject.toml, a PEP 440 version
 * mapped to semver (see pep440-to-semver.ts for the table). A tag agrees with it when both give
 * the same PyPI version, so `v1.2.3-rc.1` and `v1.2.3-rc1` both match `1.2.3rc1`.
 */
export async function declaredPyprojectVersion(cwd: string, tagPrefix: string, configFile = 'deployforge.yml'): Promise<DeclaredVersion> {
  const file = 'pyproject.toml';
  const text = await readUserFile(join(cwd, file), file, `version.from is "pyproject" in ${configFile}`);
  const manifest = parseToml(text, file);
  const project = manifest.project;
  if (!isTable(project)) {
    throw ConfigurationError.forInput(
      file,
      'no [project] table; expected version = "1.2.3" under [project] (PEP 621). ' +
        `If another tool owns the version (Poetry, setuptools-scm), set version.from: tag in ${configFile}`,
    );
  }
  if (Array.isArray(project.dynamic) && project.dynamic.includes('version')) {
    throw ConfigurationError.forInput(
      `${file}: project.dynamic`,
      'lists "version": the build backend computes it (often from the git tag), so pyproject.toml holds no version to read; ' +
        `set version.from: tag in ${configFile} and let the tag be the version`,
    );
  }
  const written = project.version;
  if (written === undefined) throw ConfigurationError.forInput(`${file}: project.version`, 'missing; expected version = "1.2.3" under [project]');
  if (typeof written !== 'string') {
    throw ConfigurationError.forInput(`${file}: project.version`, `expected a version string, got ${describeValue(written)}`);
  }
  const at = locateTomlVersion(text, 'project', written);
  const place = { file, ...at, key: 'project.version' };
  const mapped = pep440ToSemver(written);
  if ('refused' in mapped) {
    throw ConfigurationError.fromDiagnostics([{ file, line: at.line, column: at.column, path: place.key, message: `${describeValue(written)}: ${mapped.refused}` }]);
  }
  const resolved = { ...parseVersionInput(mapped.semver, { tagPrefix, origin: `${file}: project.version`, source: 'pyproject', allowPrefix: false }), pypiVersion: mapped.pypi };
  return {
    resolved,
    place,
    written,
    // Build metadata would be dropped on PyPI yet name the archives: not the same version.
    matches: (requested) => requested.buildMetadata === undefined && requested.pypiVersion === mapped.pypi,
  };
}
