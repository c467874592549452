/**
 * Turn a manifest name into one the config accepts (`[a-z0-9][a-z0-9._-]*`).
 *
 * Manifests are looser than the config: PyPI names may be capitalized, npm names carry a scope,
 * Go module paths are URLs. Rewriting instead of rejecting lets `init` always produce a valid file.
 */
export function normalizeProjectName(raw: string): string | undefined {
  const name = raw
    .trim()
    .toLowerCase()
    .replace(/^@[^/]+\//, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/[-.]+$/, '');
  return name === '' ? undefined : name;
}

/** npm `@scope/name` → `name`: binaries and archives never carry the scope. */
export function withoutScope(packageName: string): string {
  return packageName.replace(/^@[^/]+\//, '');
}
