import { ConfigurationError, describeValue } from '@deployforge/diagnostics';
import type { TargetId } from './target-ids.js';
import { targetInfo } from './target-lookup.js';

/**
 * `<name>-<version>-<target>.tar.gz` (`.zip` on Windows), DESIGN.md "Targets". The version is the
 * plain one (`1.2.3`, not the tag `v1.2.3`): every spoke derives download URLs from this one
 * function, so the hub and the spokes can never disagree on a file name.
 */
export function archiveName(project: string, version: string, target: TargetId | string): string {
  const info = targetInfo(target);
  // The name becomes a file name and part of a download URL: refuse anything that would escape the
  // folder or need quoting, rather than produce an asset nobody can find.
  for (const [what, value] of [
    ['project name', project],
    ['version', version],
  ] as const) {
    if (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(value)) {
      throw ConfigurationError.forInput(
        what === 'version' ? 'version' : 'project.name',
        `${what} ${describeValue(value)} cannot be used in an archive file name; expected letters, digits, ".", "_", "+" or "-"`,
      );
    }
  }
  return `${project}-${version}-${info.id}.${info.archive}`;
}

/** The executable's file name inside an archive: `shimmy` or `shimmy.exe`. */
export function binaryName(binary: string, target: TargetId | string): string {
  return `${binary}${targetInfo(target).exeSuffix}`;
}
