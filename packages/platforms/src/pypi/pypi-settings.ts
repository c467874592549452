import { ConfigurationError } from '@deployforge/diagnostics';
import type { PlatformContext } from '../platform.js';

export const DEFAULT_PYPI_REPOSITORY = 'https://upload.pypi.org/legacy/';
export const DEFAULT_PYPI_INDEX = 'https://pypi.org/';

/** The `platforms.pypi` block with its defaults applied, plus the values every step needs. */
export interface PypiSettings {
  /** The distribution name as configured (METADATA `Name`). */
  name: string;
  /** PEP 440 version; the spoke refuses to run without one. */
  version: string;
  /** Legacy upload URL. */
  repository: string;
  /** JSON API / simple index base, with a trailing slash. */
  index: string;
  /** The executable's name inside the archives (without `.exe`). */
  binary: string;
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/**
 * Reads the settings once. Throws a ConfigurationError when the release version has no PEP 440
 * form: guessing one would publish a version nobody asked for.
 */
export function pypiSettings(ctx: PlatformContext): PypiSettings {
  const block = ctx.config.platforms?.pypi ?? undefined;
  const version = ctx.version.pypiVersion;
  if (!version) {
    throw ConfigurationError.forInput(
      'version',
      `${ctx.version.version} has no PEP 440 form, so it cannot be published to PyPI; use a prerelease PyPI understands (-alpha.N, -beta.N, -rc.N, -dev.N) or leave pypi out of this release`,
    );
  }
  return {
    name: block?.package ?? ctx.config.project.name,
    version,
    repository: block?.repository ?? DEFAULT_PYPI_REPOSITORY,
    index: withSlash(block?.index ?? DEFAULT_PYPI_INDEX),
    binary: ctx.config.build?.binary ?? ctx.config.project.name,
  };
}
