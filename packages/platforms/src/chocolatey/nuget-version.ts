/**
 * Chocolatey (and the NuGet 2 clients that talk to v2 feeds) take SemVer 1 versions only: a
 * prerelease label is one alphanumeric word starting with a letter, with no dots, and build
 * metadata does not exist. `2.0.0-rc.1` becomes `2.0.0-rc1`, `1.0.0-beta.2.1` `1.0.0-beta2-1`
 * keeps its parts apart, and `+build` is dropped (the archive version stays the real one).
 */
export function toNugetVersion(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version);
  if (!m) throw new Error(`version ${version} is not semver, so it has no NuGet form`);
  const [, major, minor, patch, pre] = m;
  const core = `${Number(major)}.${Number(minor)}.${Number(patch)}`;
  if (!pre) return core;
  const parts = pre.split('.');
  // Numbers join the word before them (rc.1 → rc1); later parts are kept apart with '-'.
  let label = parts[0] ?? '';
  for (const part of parts.slice(1)) label += /^\d+$/.test(part) && !/\d$/.test(label) ? part : `-${part}`;
  if (!/^[A-Za-z]/.test(label)) label = `pre${label}`;
  if (label.length > 20) throw new Error(`prerelease "${pre}" is longer than the 20 characters NuGet allows in a SemVer 1 label`);
  return `${core}-${label}`;
}
