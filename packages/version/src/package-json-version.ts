import { join } from 'node:path';
import { ConfigurationError, describeValue } from '@deployforge/diagnostics';
import { sameSemver, type DeclaredVersion } from './declared-version.js';
import { locateJsonVersion } from './locate-version.js';
import { parseVersionInput } from './parse-version-input.js';
import { readUserFile } from './read-text.js';
import type { ResolvedVersion } from './resolved-version.js';

/** `version.from: package-json`: the `version` of ./package.json. */
export async function versionFromPackageJson(
  cwd: string,
  tagPrefix: string,
  configFile = 'deployforge.yml',
): Promise<ResolvedVersion> {
  return (await declaredPackageJsonVersion(cwd, tagPrefix, configFile)).resolved;
}

/** versionFromPackageJson, with where the version is written. */
export async function declaredPackageJsonVersion(
  cwd: string,
  tagPrefix: string,
  configFile = 'deployforge.yml',
): Promise<DeclaredVersion> {
  const text = await readUserFile(join(cwd, 'package.json'), 'package.json', `version.from is "package-json" in ${configFile}`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw ConfigurationError.forInput('package.json', `invalid JSON: ${(error as Error).message}`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw ConfigurationError.forInput('package.json', `expected an object, got ${describeValue(manifest)}`);
  }
  const version = (manifest as Record<string, unknown>).version;
  if (version === undefined) {
    throw ConfigurationError.forInput('package.json: version', 'missing; expected "version": "1.2.3"');
  }
  const resolved = parseVersionInput(version, {
    tagPrefix,
    origin: 'package.json: version',
    source: 'package-json',
    allowPrefix: false,
  });
  const place = { file: 'package.json', ...locateJsonVersion(text, String(version)), key: 'version' };
  return { resolved, place, written: String(version), matches: sameSemver(resolved) };
}
