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
