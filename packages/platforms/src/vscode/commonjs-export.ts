/**
 * A named export of a CommonJS package loaded with `import()`. Under Node (and vitest) the names
 * are on the module itself; in our ESM bundle esbuild puts them on `default`. Both are accepted so
 * the same code runs from source and from dist/.
 */
export function commonjsExport<T>(mod: unknown, name: string): T {
  const direct = (mod as Record<string, unknown>)[name];
  const viaDefault = ((mod as { default?: Record<string, unknown> }).default ?? {})[name];
  const found = direct ?? viaDefault;
  if (found === undefined) throw new Error(`${name} is missing from the loaded module`);
  return found as T;
}
