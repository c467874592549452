import { ConfigurationError, describeValue } from '@deployforge/diagnostics';
import { declaredCargoVersion } from './cargo-version.js';
import type { DeclaredVersion } from './declared-version.js';
import { declaredPackageJsonVersion } from './package-json-version.js';
import { parseVersionInput } from './parse-version-input.js';
import { declaredPyprojectVersion } from './pyproject-version.js';
import type { ResolvedVersion } from './resolved-version.js';
import { versionFromRef } from './tag-ref.js';
import { describeRequest, requireAgreement } from './version-agreement.js';
import { declaredFileVersion } from './version-file.js';

/** `version.from` in deployforge.yml. */
export type VersionFrom = 'tag' | 'input' | 'cargo' | 'package-json' | 'pyproject' | `file:${string}`;

export interface ResolveVersionOptions {
  from: VersionFrom;
  tagPrefix: string;
  /**
   * GITHUB_REF (`refs/tags/v1.2.3`) or a bare tag. With `from: tag` it is the version; with a
   * version file it is checked against the file. Branch refs are ignored there.
   */
  ref?: string;
  /** The dispatch input or `--version`. An empty string means "not given" (dispatch default). */
  input?: string;
  /** How to name `input` in messages: `version` (the dispatch input, default) or `--version`. */
  inputName?: string;
  /** Where relative paths (file:, Cargo.toml, package.json, pyproject.toml) are resolved: the repository root. */
  cwd: string;
  /** The config file's name, for messages. Default `deployforge.yml`. */
  configFile?: string;
}

/**
 * The release version.
 *
 * With `version.from: tag` or `input`, an explicit version (dispatch input / `--version`) wins over
 * the tag: that is how a maintainer re-runs or redeploys an existing release.
 *
 * With a version file (`cargo`, `package-json`, `pyproject`, `file:`), the file is the source, and a
 * version that is also given (a pushed tag in GITHUB_REF or `ref`, a dispatch input, `--version`)
 * must be the same version, or the plan stops here (exit 2) naming the file, line and both
 * versions: a tag v1.2.3 on a commit whose Cargo.toml says 0.1.0 must not release 0.1.0 while the
 * build checks out v1.2.3. A branch ref (`refs/heads/…`) asks for nothing.
 */
export async function resolveVersion(options: ResolveVersionOptions): Promise<ResolvedVersion> {
  const { from, tagPrefix, cwd, configFile = 'deployforge.yml', inputName = 'version' } = options;
  const input = options.input !== undefined && options.input !== '' ? options.input : undefined;
  const requestedInput = () =>
    input === undefined ? undefined : parseVersionInput(input, { tagPrefix, origin: inputName, source: 'input' });

  if (from === 'tag' || from === 'input') {
    const explicit = requestedInput();
    if (explicit) return explicit;
    if (from === 'tag') return versionFromRef(options.ref, tagPrefix, configFile);
    throw ConfigurationError.forInput(
      inputName,
      `no version given, and version.from is "input" in ${configFile}; ` +
        `pass the dispatch input "version" or --version, e.g. ${tagPrefix}1.2.3`,
    );
  }

  // Validate what was asked for first: a malformed --version is the error to show, not the file's.
  const explicit = requestedInput();
  const tagRef = explicit ? undefined : tagOf(options.ref);
  const requested = explicit ?? (tagRef === undefined ? undefined : versionFromRef(tagRef, tagPrefix, configFile));
  const declared = await declaredVersion(from, cwd, tagPrefix, configFile);
  if (!requested) return declared.resolved;
  return requireAgreement(declared, requested, describeRequest(requested, inputName, input ?? ''), from, configFile);
}

/** The tag a ref names: `refs/tags/v1.2.3` or a bare `v1.2.3`; a branch or pull-request ref names none. */
function tagOf(ref: string | undefined): string | undefined {
  if (ref === undefined || ref === '') return undefined;
  if (ref.startsWith('refs/tags/')) return ref;
  return ref.startsWith('refs/') ? undefined : ref;
}

function declaredVersion(from: VersionFrom, cwd: string, tagPrefix: string, configFile: string): Promise<DeclaredVersion> {
  if (from === 'cargo') return declaredCargoVersion(cwd, tagPrefix, configFile);
  if (from === 'package-json') return declaredPackageJsonVersion(cwd, tagPrefix, configFile);
  if (from === 'pyproject') return declaredPyprojectVersion(cwd, tagPrefix, configFile);
  if (typeof from === 'string' && from.startsWith('file:')) {
    return declaredFileVersion(from.slice('file:'.length), cwd, tagPrefix, configFile);
  }
  // The config schema should have caught this; a programmatic caller may not have used it.
  throw ConfigurationError.forInput(
    'version.from',
    `unknown source ${describeValue(from)} in ${configFile}; expected tag, input, file:<path>, cargo, package-json or pyproject`,
  );
}
