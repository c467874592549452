import { ConfigurationError, describeValue } from '@deployforge/diagnostics';
// The one function, not the whole package: semver's index loads all of it (45 KiB at every start).
import parse from 'semver/functions/parse.js';
import { toPypiVersion } from './pypi-version.js';
import type { ResolvedVersion, VersionSource } from './resolved-version.js';

export interface ParseVersionOptions {
  /** `version.tag-prefix`: stripped from the front when present, and the only prefix ever accepted. */
  tagPrefix: string;
  /**
   * Where the value came from, as the head of the message: the input name (`version`,
   * `--version`), `Cargo.toml: package.version`, `VERSION:1`…
   */
  origin: string;
  /** Defaults to `input`. */
  source?: VersionSource;
  /**
   * Whether a leading tag prefix is accepted (default true). Package manifests set false: Cargo and
   * npm never write `v1.2.3`, so a prefix there is a mistake worth reporting.
   */
  allowPrefix?: boolean;
}

// semver's own parser trims whitespace and accepts a leading `v` or `=`. We want the exact string
// to be the version: it becomes a git tag, file names and registry versions. Checking the
// character set first also rejects shell fragments and newlines before semver sees them.
const SEMVER_CHARS = /^[0-9][0-9A-Za-z.+-]*$/;

/**
 * Validate one raw version string and derive every form of it. The pure core of `resolveVersion`;
 * exported so the dispatch-input and `--version` paths validate exactly the same way.
 */
export function parseVersionInput(raw: unknown, options: ParseVersionOptions): ResolvedVersion {
  const { tagPrefix, origin, source = 'input', allowPrefix = true } = options;
  const fail = (message: string): never => {
    throw ConfigurationError.forInput(origin, message);
  };
  if (typeof raw !== 'string') return fail(`expected a version string, got ${describeValue(raw)}`);

  const body = allowPrefix && tagPrefix !== '' && raw.startsWith(tagPrefix) ? raw.slice(tagPrefix.length) : raw;
  const parsed = SEMVER_CHARS.test(body) ? parse(body) : null;
  if (!parsed) return fail(`${describeValue(raw)} is not a valid version; ${expectedForm(raw, body, options)}`);

  const version = body;
  const prerelease = parsed.prerelease.length > 0;
  const buildMetadata = parsed.build.length > 0 ? parsed.build.join('.') : undefined;
  const result: ResolvedVersion = {
    version,
    tag: tagFor(version, tagPrefix),
    prerelease,
    npmDistTag: prerelease ? 'next' : 'latest',
    pypiVersion: toPypiVersion(parsed),
    source,
  };
  if (result.pypiVersion === undefined) delete result.pypiVersion;
  if (buildMetadata !== undefined) {
    result.buildMetadata = buildMetadata;
    result.warnings = [
      `version ${version} carries build metadata "+${buildMetadata}": npm drops it, crates.io counts ` +
        `${parsed.version}+anything as one version, and PyPI refuses it (${parsed.version} is published there)`,
    ];
  }
  return result;
}

/** The git tag of a version: `tagFor('1.2.3', 'v')` → `v1.2.3`. `version` must be unprefixed. */
export function tagFor(version: string, tagPrefix: string): string {
  return `${tagPrefix}${version}`;
}

/** The "expected …" half of the message, with a hint for the usual slips. */
function expectedForm(raw: string, body: string, options: ParseVersionOptions): string {
  const prefixOk = options.allowPrefix !== false && options.tagPrefix !== '';
  const base =
    'expected a semantic version like 1.2.3 or 1.2.3-rc.1' +
    (prefixOk ? ` (the tag form ${options.tagPrefix}1.2.3 is accepted too)` : '');
  if (/^[vV=]\d/.test(body)) {
    const why =
      options.allowPrefix === false
        ? `a leading "${body[0]}" is not part of a version`
        : `a leading "${body[0]}" is accepted only as the tag prefix, and version.tag-prefix is ${JSON.stringify(options.tagPrefix)}`;
    return `${base}; ${why}`;
  }
  if (/^\d+(\.\d+)?$/.test(body)) return `${base}; all three numbers are required`;
  if (raw.trim() !== raw && raw.trim() !== '') return `${base}; remove the surrounding whitespace`;
  return base;
}
