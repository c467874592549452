/** What a bucket's manifest says: its version and the hash per architecture. */
export interface ManifestFacts {
  version?: string;
  /** `64bit=…`, `arm64=…`, sorted; hashes lower-cased and without a `sha256:` prefix. */
  hashes: string[];
}

/** Reads a Scoop manifest's version and hashes; a manifest that is not JSON has neither. */
export function manifestFacts(text: string): ManifestFacts {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { hashes: [] };
  }
  const manifest = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
    version?: unknown;
    hash?: unknown;
    architecture?: Record<string, { hash?: unknown }>;
  };
  const norm = (h: unknown) => (typeof h === 'string' ? h.toLowerCase().replace(/^sha256:/, '') : JSON.stringify(h));
  const hashes = Object.entries(manifest.architecture ?? {}).map(([arch, entry]) => `${arch}=${norm(entry?.hash)}`);
  if (manifest.hash !== undefined) hashes.push(`*=${norm(manifest.hash)}`);
  return { ...(typeof manifest.version === 'string' ? { version: manifest.version } : {}), hashes: hashes.sort() };
}
