// What each committed dist/ entry costs to load: its own bytes plus every chunk it imports
// statically (followed transitively, since Node loads the whole static graph before running a line).
// Chunks reached only through `import()` load on demand (one platform's code per spoke), so they are
// counted apart. Sizes are of the files as committed, not gzipped: the runner reads them from disk.
//
//   npx tsx bench/bundle-sizes.ts
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { dynamicImports, exportsLoadConfig, staticImports } from '../test/helpers/bundle-imports.js';
import { distDir, printTable, writeResult } from './bench-support.js';

const dist = distDir;
const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const all = filesUnder(dist);
const sizeOf = new Map(all.map((f) => [f, statSync(f).size]));
const sourceOf = (f: string): string => readFileSync(f, 'utf8');

/** Files the entry loads before it runs (static imports, transitively). */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    for (const spec of staticImports(sourceOf(file))) {
      const target = resolve(dirname(file), spec);
      if (seen.has(target)) continue;
      seen.add(target);
      visit(target);
    }
  };
  visit(entry);
  return seen;
}

/** Everything the entry can ever load, following import() as well (only files of dist/: a bundled
 * library may keep an import() of a path that was never emitted). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const text = sourceOf(file);
    for (const spec of [...staticImports(text), ...dynamicImports(text)]) {
      const target = resolve(dirname(file), spec);
      if (!sizeOf.has(target) || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

/**
 * The chunk that exports loadConfig: the YAML parser and the config validator. Most entries import it
 * on first use and then read the config at once, so "at start" alone would flatter them; each row
 * also gives what is loaded once the config has been read.
 */
const configChunk = all.find((f) => relative(dist, f).startsWith('chunks/') && f.endsWith('.js') && exportsLoadConfig(sourceOf(f)));

const entries = all.filter((f) => f.endsWith('.js') && !relative(dist, f).startsWith('chunks/')).sort();
const rows = entries.map((entry) => {
  const statics = staticClosure(entry);
  const lazies = reachable(entry);
  lazies.delete(entry);
  for (const f of statics) lazies.delete(f);
  const own = sizeOf.get(entry) ?? 0;
  const chunkBytes = [...statics].reduce((n, f) => n + (sizeOf.get(f) ?? 0), 0);
  const withConfig = new Set(statics);
  if (configChunk && (statics.has(configChunk) || lazies.has(configChunk))) for (const f of [configChunk, ...staticClosure(configChunk)]) withConfig.add(f);
  return {
    entry: relative(dist, entry),
    ownBytes: own,
    staticChunks: statics.size,
    staticBytes: own + chunkBytes,
    /** Loaded once the config has been read (the same as staticBytes for an entry that never reads it). */
    withConfigBytes: own + [...withConfig].reduce((n, f) => n + (sizeOf.get(f) ?? 0), 0),
    lazyChunks: lazies.size,
    lazyBytes: [...lazies].reduce((n, f) => n + (sizeOf.get(f) ?? 0), 0),
  };
});

const jsBytes = all.filter((f) => f.endsWith('.js')).reduce((n, f) => n + sizeOf.get(f)!, 0);
const totalBytes = [...sizeOf.values()].reduce((a, b) => a + b, 0);
printTable(
  "bundle sizes: each dist/ entry with the chunks it imports statically (transitively); lazy = reachable only through import() (a platform's code, loaded on first use)",
  ['entry', 'own KiB', 'static chunks', 'loaded at start KiB', 'with the config read KiB', 'lazy chunks', 'lazy KiB'],
  rows.map((r) => [r.entry, kib(r.ownBytes), r.staticChunks, kib(r.staticBytes), kib(r.withConfigBytes), r.lazyChunks, kib(r.lazyBytes)]),
);
console.log(`dist/ total: ${kib(totalBytes)} KiB in ${all.length} files (${kib(jsBytes)} KiB of .js, ${all.filter((f) => relative(dist, f).startsWith('chunks/')).length} files under chunks/)`);
writeResult('bundle-sizes', { rows, totalBytes, jsBytes, files: all.length });
