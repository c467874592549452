import { resolve } from 'node:path';
import { ConfigurationError } from '@deployforge/diagnostics';
import { sameSemver, type DeclaredVersion } from './declared-version.js';
import { parseVersionInput } from './parse-version-input.js';
import { readUserFile } from './read-text.js';
import type { ResolvedVersion } from './resolved-version.js';

/** `version.from: file:<path>`: the first line of a plain text file (VERSION, version.txt…), trimmed. */
export async function versionFromFile(
  path: string,
  cwd: string,
  tagPrefix: string,
  configFile = 'deployforge.yml',
): Promise<ResolvedVersion> {
  return (await declaredFileVersion(path, cwd, tagPrefix, configFile)).resolved;
}

/** versionFromFile, with where the version is written (always line 1). */
export async function declaredFileVersion(
  path: string,
  cwd: string,
  tagPrefix: string,
  configFile = 'deployforge.yml',
): Promise<DeclaredVersion> {
  if (path.trim() === '') {
    throw ConfigurationError.forInput('version.from', `"file:" needs a path, e.g. file:VERSION (in ${configFile})`);
  }
  const text = await readUserFile(resolve(cwd, path), path, `version.from is "file:${path}" in ${configFile}`);
  // Only the first line counts, so a VERSION file may carry a trailing newline or notes below.
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const first = line.trim();
  if (first === '') {
    throw ConfigurationError.forInput(`${path}:1`, 'the first line is empty; expected a version like 1.2.3');
  }
  const resolved = parseVersionInput(first, { tagPrefix, origin: `${path}:1`, source: 'file' });
  const column = line.length - line.trimStart().length + 1;
  return { resolved, place: { file: path, line: 1, column, key: 'version' }, written: first, matches: sameSemver(resolved) };
}
