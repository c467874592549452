// How a dist/ bundle file refers to the others, read as text: for the start-up budget test and
// bench/bundle-sizes.ts, which both follow what an entry loads.

/**
 * Relative specifiers of the module's leading import statements. esbuild writes a file's imports of
 * other chunks first (after our one-line banner), so reading stops at the first statement that is
 * not an import: a string in the code that happens to look like an import is never mistaken for one.
 */
export function staticImports(source: string): string[] {
  const found: string[] = [];
  // Minified output has no spaces: `import{a as b}from"./x.js";import"./y.js";`.
  const statement = /^\s*import\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["'];?/;
  let rest = source.replace(/^import \{ createRequire as __dfCreateRequire \}[^\n]*\n/, '');
  for (let m = statement.exec(rest); m; m = statement.exec(rest)) {
    found.push(m[1]!);
    rest = rest.slice(m[0].length);
  }
  return found.filter((s) => s.startsWith('.'));
}

/** `import("./x.js")` anywhere: chunks loaded on first use. */
export function dynamicImports(source: string): string[] {
  return [...source.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => m[1]!);
}

/**
 * Whether the file exports loadConfig: the config package's chunk (the YAML parser and the config
 * validator), which most entries import on first use and load in their first lines.
 */
export function exportsLoadConfig(source: string): boolean {
  return /export\{[^}]*\bloadConfig\b[^}]*\}/.test(source);
}
