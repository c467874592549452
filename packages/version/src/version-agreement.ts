import { ConfigurationError } from '@deployforge/diagnostics';
import type { DeclaredVersion } from './declared-version.js';
import type { ResolvedVersion } from './resolved-version.js';

/** Who asked for a version: `the tag v1.2.3`, `--version 1.2.3 (tag v1.2.3)`, `the version input 1.2.3 (tag v1.2.3)`. */
export function describeRequest(requested: ResolvedVersion, inputName: string, raw: string): string {
  if (requested.source === 'tag') return `the tag ${requested.tag}`;
  // The same input name serves the dispatch input and the actions' `version` input.
  const by = inputName.startsWith('-') ? `${inputName} ${raw}` : `the ${inputName} input ${raw}`;
  return `${by} (tag ${requested.tag})`;
}

/**
 * The tag (or dispatch input, or --version) and the version file must name one version: otherwise
 * the build checks out one thing and the registries receive another. Refuse before anything runs,
 * pointing at the line to fix, with both ways out.
 */
export function requireAgreement(
  declared: DeclaredVersion,
  requested: ResolvedVersion,
  request: string,
  from: string,
  configFile: string,
): ResolvedVersion {
  if (declared.matches(requested)) return requested;
  const { file, line, column, key } = declared.place;
  const wanted = requested.version;
  const fix =
    requested.source === 'tag'
      ? `Either set ${key} to ${wanted} and move the tag ${requested.tag} to that commit, or tag ${declared.resolved.tag} instead`
      : `Either release from a checkout of the tag ${requested.tag} (its ${file} must say ${wanted}), or release ${declared.resolved.tag}`;
  const message =
    `is ${declared.written}, but ${request} asks for ${wanted}; version.from is "${from}" in ${configFile}, ` +
    `so the two must agree, and nothing was planned. ${fix}`;
  throw ConfigurationError.fromDiagnostics([{ file, line, column, path: key, message }]);
}
