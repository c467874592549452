import { ConfigurationError, describeValue } from '@deployforge/diagnostics';
import { versionFromCargo } from './cargo-version.js';
import { versionFromPackageJson } from './package-json-version.js';
import { parseVersionInput } from './parse-version-input.js';
import type { ResolvedVersion } from './resolved-version.js';
import { versionFromRef } from './tag-ref.js';
import { versionFromFile } from './version-file.js';

/** `version.from` in deployforge.yml. */
export type VersionFrom = 'tag' | 'input' | 'cargo' | 'package-json' | `file:${string}`;

export interface ResolveVersionOptions {
  from: VersionFrom;
  tagPrefix: string;
  /** GITHUB_REF (`refs/tags/v1.2.3`) or a bare tag. Only read when `from` is `tag`. */
  ref?: string;
  /** The dispatch input or `--version`. An empty string means "not given" (dispatch default). */
  input?: string;
  /** How to name `input` in messages: `version` (the dispatch input, default) or `--version`. */
  inputName?: string;
  /** Where relative paths (file:, Cargo.toml, package.json) are resolved: the repository root. */
  cwd: string;
  /** The config file's name, for messages. Default `deployforge.yml`. */
  configFile?: string;
}

/**
 * The release version. An explicit version (dispatch input / `--version`) always wins, whatever
 * `version.from` says: that is how a maintainer re-runs or redeploys an existing release, and the
 * tag or manifest at HEAD may have moved on since.
 */
export async function resolveVersion(options: ResolveVersionOptions): Promise<ResolvedVersion> {
  const { from, tagPrefix, cwd, configFile = 'deployforge.yml', inputName = 'version' } = options;
  if (options.input !== undefined && options.input !== '') {
    return parseVersionInput(options.input, { tagPrefix, origin: inputName, source: 'input' });
  }
  if (from === 'input') {
    throw ConfigurationError.forInput(
      inputName,
      `no version given, and version.from is "input" in ${configFile}; ` +
        `pass the dispatch input "version" or --version, e.g. ${tagPrefix}1.2.3`,
    );
  }
  if (from === 'tag') return versionFromRef(options.ref, tagPrefix, configFile);
  if (from === 'cargo') return versionFromCargo(cwd, tagPrefix, configFile);
  if (from === 'package-json') return versionFromPackageJson(cwd, tagPrefix, configFile);
  if (typeof from === 'string' && from.startsWith('file:')) {
    return versionFromFile(from.slice('file:'.length), cwd, tagPrefix, configFile);
  }
  // The config schema should have caught this; a programmatic caller may not have used it.
  throw ConfigurationError.forInput(
    'version.from',
    `unknown source ${describeValue(from)} in ${configFile}; expected tag, input, file:<path>, cargo or package-json`,
  );
}
