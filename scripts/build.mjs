#!/usr/bin/env node
// Builds every action entry and the CLI into dist/ in one esbuild pass with code splitting, so the
// shared library lands in chunks once instead of N fat copies. The output is committed: action.yml
// files run it directly, and CI rebuilds and fails on any difference.
import { build } from 'esbuild';
import { readdirSync, rmSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, basename, dirname } from 'node:path';
import { BANNER, directPackageImports, finishOutputs, lazyActionsCoreOidc, precompiledConfigValidator } from './build-plugins.mjs';

const root = new URL('..', import.meta.url).pathname;
const actionsSrc = join(root, 'packages/actions/src');
const entryPoints = { cli: join(root, 'packages/cli/src/main.ts') };
if (existsSync(actionsSrc)) {
  for (const file of readdirSync(actionsSrc)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.startsWith('_')) continue;
    entryPoints[`actions/${basename(file, '.ts')}`] = join(actionsSrc, file);
  }
}

// DEPLOYFORGE_BUILD_OUTDIR builds elsewhere (a benchmark or a check that must not race other
// builds of the same checkout); dist/ is what the actions run and what is committed.
const outdir = process.env.DEPLOYFORGE_BUILD_OUTDIR ?? join(root, 'dist');
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // The CLI supports Node 20; actions run on node24, which runs node20 output unchanged.
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  // Identifiers are kept (issue 20, measured): minifying them takes a quarter off the bytes loaded at
  // start (build-matrix 563 -> 435 KiB) but no start-up time within noise (V8 pre-parses lazily), and
  // bundled code sorts by constructor.name (CycloneDX) or prints class names, which keepNames would
  // have to save again (+15 KiB, a __name call per function at load). Every action is within 700 KiB.
  // Some CommonJS dependencies call require() for Node built-ins (give ESM output a real require),
  // and some refer to __dirname/__filename, which ESM does not define.
  banner: { js: BANNER },
  // Native or optional modules that cannot live in a bundle: keytar is only reached by the
  // extension tools' credential stores, which we never use (tokens come from the environment);
  // the CycloneDX library's XML serialisers and validators are optional and we write JSON only.
  external: ['keytar', '@node-rs/crc32', 'xmlbuilder2', 'libxmljs2'],
  // jsonc-parser's `main` is a UMD build that require()s its own files at run time, which a bundle
  // cannot follow; its ESM build bundles cleanly (found by the secret-canary suite).
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  // Each entry loads at start only what its path uses (issue 20): see build-plugins.mjs.
  plugins: [lazyActionsCoreOidc, precompiledConfigValidator(root), directPackageImports(root)],
  logLevel: 'warning',
  metafile: false,
  // Written below by finishOutputs (build-plugins.mjs): built-ins through require(), banner trimmed.
  write: false,
});
for (const file of finishOutputs(result.outputFiles)) {
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.contents);
}
console.log(`built ${Object.keys(entryPoints).length} entries into ${outdir === join(root, 'dist') ? 'dist/' : outdir}`);
