/** What a committed derivation says: its version and every fetchurl hash. */
export interface NixFacts {
  version?: string;
  /** `sha256 = "…"` / `hash = "…"` values, sorted. */
  hashes: string[];
}

export function nixFacts(text: string): NixFacts {
  const version = /^\s*version\s*=\s*"([^"]+)"\s*;/m.exec(text)?.[1];
  const hashes = [...text.matchAll(/\b(?:sha256|hash)\s*=\s*"([^"]+)"\s*;/g)].map((m) => m[1]!).sort();
  return { ...(version ? { version } : {}), hashes };
}
