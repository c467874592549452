import { ConfigurationError } from '@deployforge/diagnostics';
import type { PlatformContext } from '../platform.js';
import { manylinuxSetting } from './linux-wheel-tag.js';

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
  /** `platforms.pypi.manylinux` as a glibc minor (28 for manylinux_2_28); undefined: derived from each binary. */
  manylinux?: number;
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/**
 * Where existence and status are read (JSON API, simple index): `index` when given, else derived
 * from `repository`. Defaulting to pypi.org whenever `index` was absent meant a private index or
 * TestPyPI was never asked: every check answered for a different server than the upload went to.
 * upload.pypi.org serves pypi.org's uploads, test.pypi.org its own; any other server is assumed to
 * serve its JSON API at the root of the upload URL's origin (pypiserver, devpi, our local fake).
 */
export function pypiIndexUrl(block: { repository?: string | undefined; index?: string | undefined } | undefined): string {
  if (block?.index) return withSlash(block.index);
  if (!block?.repository) return DEFAULT_PYPI_INDEX;
  let origin: URL;
  try {
    origin = new URL(block.repository);
  } catch {
    throw ConfigurationError.forInput('platforms.pypi.repository', 'is not a URL; expected e.g. https://upload.pypi.org/legacy/ (or set platforms.pypi.index)');
  }
  if (origin.hostname === 'upload.pypi.org') return DEFAULT_PYPI_INDEX;
  return `${origin.origin}/`;
}

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
    index: pypiIndexUrl(block),
    binary: ctx.config.build?.binary ?? ctx.config.project.name,
    ...(block?.manylinux !== undefined ? { manylinux: manylinuxSetting(block.manylinux)! } : {}),
  };
}
