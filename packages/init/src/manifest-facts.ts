/** What one manifest says, before defaults are applied. Every field is optional: manifests vary. */
export interface ManifestFacts {
  name?: string | undefined;
  packageName?: string | undefined;
  description?: string | undefined;
  license?: string | undefined;
  homepage?: string | undefined;
  binary?: string | undefined;
  version?: string | undefined;
  entry?: string | undefined;
  /** Python: `[build-system]` of pyproject.toml, which the build installs before the project. */
  buildSystem?: PythonBuildSystem | undefined;
}

/** PEP 517/518: what builds the package (`requires`) and the module that does it (`build-backend`). */
export interface PythonBuildSystem {
  requires: string[];
  backend: string | undefined;
}

type Table = Record<string, unknown>;

export function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringAt(table: unknown, key: string): string | undefined {
  if (!isTable(table)) return undefined;
  const value = table[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
