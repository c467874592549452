/** What a committed formula says about itself: enough to tell identical from different. */
export interface FormulaFacts {
  version?: string;
  /** Every `sha256 "…"` in the file, sorted. */
  sha256s: string[];
}

/**
 * Reads `version` and every `sha256` from a formula. A formula written by hand (or by another tool)
 * is read the same way, as long as it states them as string literals, which `brew bump-formula-pr`
 * and every release tool do.
 */
export function formulaFacts(text: string): FormulaFacts {
  const version = /^\s*version\s+["']([^"']+)["']/m.exec(text)?.[1];
  const sha256s = [...text.matchAll(/^\s*sha256\s+(?:[a-z_]+:\s*)?["']([0-9a-f]{64})["']/gm)].map((m) => m[1]!).sort();
  return { ...(version ? { version } : {}), sha256s };
}

/** The same facts as the rendered text would give: compares like with like. */
export function sameArtifacts(a: FormulaFacts, b: FormulaFacts): boolean {
  return a.sha256s.length === b.sha256s.length && a.sha256s.every((s, i) => s === b.sha256s[i]);
}
