#!/usr/bin/env node
// Assembles the publishable `deployforge` npm package into out/npm-package/ from the committed bundles.
//
//   npm run build && node scripts/build-npm-package.mjs [--out DIR] [--dist DIR]
//   (--dist: bundles built elsewhere, e.g. DEPLOYFORGE_BUILD_OUTDIR of `npm run bench`; default dist/)
//   npm pack ./out/npm-package            (what the release, the test and bench/package-size do)
//
// Why a folder of its own instead of `npm pack` at the repository root: the root package.json is the
// npm workspaces root. Its `dependencies` are what esbuild bundles (a user installing them would pull
// ~400 packages the bundle already contains), it lists every workspace, and `private: true` keeps an
// accidental `npm publish` of the monorepo from happening. Tools built the same way (esbuild's npm/
// folders, TypeScript's and Angular's built package folders) publish a generated manifest instead:
// the package a user gets is exactly what the CLI runs, and the root stays a development manifest.
//
// What goes in: bin/deployforge.js, dist/cli.js and every chunk it can load (static imports and
// import(), followed transitively; the action entries and the chunks only they use stay out), the
// chunks' .LEGAL.txt files (the licences of bundled code must travel with it), README.md and LICENSE.
// The JSON Schema is compiled into the bundle, so the CLI never reads schema/ at run time.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return resolve(at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback);
};
const out = argument('--out', join(root, 'out/npm-package'));
const dist = argument('--dist', join(root, 'dist'));

/** Relative module specifiers a bundle file names: `from "./x.js"`, `import "./x.js"`, `import("./x.js")`. */
function relativeImports(source) {
  const found = new Set();
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)) found.add(m[1]);
  return [...found];
}

/** dist/cli.js and every file of dist/ it can load. A specifier that names no file is not followed. */
function cliClosure(entry) {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop();
    for (const spec of relativeImports(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec);
      if (seen.has(target) || !existsSync(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return [...seen].sort();
}

const entry = join(dist, 'cli.js');
if (!existsSync(entry)) {
  console.error(`${relative(process.cwd(), entry) || entry} is missing: run \`npm run build\` first.`);
  process.exit(2);
}
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const files = [join(root, 'bin/deployforge.js'), join(root, 'README.md'), join(root, 'LICENSE')];
for (const file of cliClosure(entry)) {
  files.push(file);
  if (existsSync(`${file}.LEGAL.txt`)) files.push(`${file}.LEGAL.txt`);
}

rmSync(out, { recursive: true, force: true });
for (const file of files) {
  // Bundles land under dist/ whatever folder they were built in: bin/deployforge.js imports ../dist/cli.js.
  const inDist = relative(dist, file);
  const target = inDist.startsWith('..') ? join(out, relative(root, file)) : join(out, 'dist', inDist);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}

// Only what a user's install needs: no dependencies (everything is bundled), no scripts (nothing runs
// at install time), engines as the bundle's esbuild target (node20) requires.
const manifest = {
  name: 'deployforge',
  version: rootManifest.version,
  description: rootManifest.description,
  license: rootManifest.license,
  type: 'module',
  bin: { deployforge: 'bin/deployforge.js' },
  files: ['bin/', 'dist/'],
  engines: rootManifest.engines,
  repository: { type: 'git', url: 'git+https://github.com/deployforge/deployforge.git' },
  homepage: 'https://github.com/deployforge/deployforge#readme',
  bugs: { url: 'https://github.com/deployforge/deployforge/issues' },
  keywords: ['release', 'github-actions', 'npm', 'pypi', 'homebrew', 'workflow', 'cli'],
};
writeFileSync(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`npm package deployforge@${manifest.version}: ${files.length + 1} files in ${relative(process.cwd(), out) || '.'}`);
