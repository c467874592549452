import { join } from 'node:path';
import { ConfigurationError, describeValue } from '@deployforge/diagnostics';
import { parseVersionInput } from './parse-version-input.js';
import { readUserFile } from './read-text.js';
import type { ResolvedVersion } from './resolved-version.js';

/** `version.from: package-json`: the `version` of ./package.json. */
export async function versionFromPackageJson(
  cwd: string,
  tagPrefix: string,
  configFile = 'deployforge.yml',
): Promise<ResolvedVersion> {
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
  return parseVersionInput(version, {
    tagPrefix,
    origin: 'package.json: version',
    source: 'package-json',
    allowPrefix: false,
  });
}
