// esbuild plugins for scripts/build.mjs (and the bundle benchmarks that must build the same way).
import { init as initModuleLexer, parse as parseModule } from 'es-module-lexer';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @actions/core imports its OIDC client at the top, and with it @actions/http-client and undici
 * (about 770 KiB), for getIDToken, which no DeployForge step calls (identity tokens are requested
 * by packages/signing). This swaps that one import for a stub that loads the real client on first
 * use, so every action starts without undici and getIDToken still works (issue 20).
 */
export const lazyActionsCoreOidc = {
  name: 'lazy-actions-core-oidc',
  setup(b) {
    b.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      /[\\/]@actions[\\/]core[\\/]lib[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), 'oidc-utils.js'), namespace: 'lazy-oidc' }
        : undefined);
    b.onLoad({ filter: /.*/, namespace: 'lazy-oidc' }, (args) => ({
      contents: `export class OidcClient {
  static async getIDToken(audience) {
    const real = await import(${JSON.stringify(args.path)});
    return real.OidcClient.getIDToken(audience);
  }
}`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * Which file of a package exports each name of its index.ts: `export { a, b as c } from './x.js'`.
 * Names that arrive through `export *` are not listed; imports of them keep going through the index.
 */
function barrelMap(root, pkg, cache) {
  if (cache.has(pkg)) return cache.get(pkg);
  const index = join(root, 'packages', pkg, 'src', 'index.ts');
  const map = new Map();
  let text = '';
  try {
    text = readFileSync(index, 'utf8');
  } catch {
    cache.set(pkg, map);
    return map;
  }
  for (const m of text.matchAll(/export\s+(type\s+)?\{([^}]*)\}\s*from\s*['"](\.[^'"]+)['"]/g)) {
    if (m[1]) continue;
    const file = join(dirname(index), m[3].replace(/\.js$/, '.ts'));
    for (const raw of m[2].split(',')) {
      const spec = raw.trim();
      if (!spec || spec.startsWith('type ')) continue;
      const [original, exported = original] = spec.split(/\s+as\s+/).map((s) => s.trim());
      map.set(exported, { file, original });
    }
  }
  cache.set(pkg, map);
  return map;
}

/**
 * esbuild's code splitting puts a file in the chunks of every entry point that can reach it through
 * an import, before tree shaking: one `import { runPublish } from '@deployforge/runner'` made every
 * publish action load the whole runner (status, rollback, verify, snapshot, SBOM...) at start. This
 * rewrites value imports of `@deployforge/<pkg>` in our own sources to the file that exports each
 * name, so an entry reaches only the files it uses. Types are dropped (esbuild erases them anyway);
 * anything the index does not name plainly stays on the index.
 */
export function directPackageImports(root) {
  const cache = new Map();
  const packagesDir = join(root, 'packages');
  return {
    name: 'direct-package-imports',
    setup(b) {
      b.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/]src[\\/].*\.ts$/ }, (args) => {
        if (!args.path.startsWith(packagesDir)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('@deployforge/')) return undefined;
        const contents = source.replace(
          /import\s+\{([^}]*)\}\s*from\s*['"]@deployforge\/([a-z0-9-]+)['"];?/g,
          (statement, names, pkg) => {
            const map = barrelMap(root, pkg, cache);
            const byFile = new Map();
            const rest = [];
            for (const raw of names.split(',')) {
              const spec = raw.trim();
              if (!spec || spec.startsWith('type ')) continue;
              const [imported, local = imported] = spec.split(/\s+as\s+/).map((s) => s.trim());
              const target = map.get(imported);
              if (!target) {
                rest.push(spec);
                continue;
              }
              if (!byFile.has(target.file)) byFile.set(target.file, []);
              byFile.get(target.file).push(`${target.original} as ${local}`);
            }
            const lines = [...byFile].map(([file, specs]) => `import { ${specs.join(', ')} } from ${JSON.stringify(file)};`);
            if (rest.length > 0) lines.push(`import { ${rest.join(', ')} } from '@deployforge/${pkg}';`);
            // Keep the line count, so that source positions in stack traces stay where they were.
            const newlines = (statement.match(/\n/g) ?? []).length;
            return lines.join(' ') + '\n'.repeat(newlines);
          },
        );
        return { contents, loader: 'ts', resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * dist/ validates deployforge.yml with standalone code that Ajv generates here, at build time, from
 * packages/config/src/config-ajv.ts (the same options as tests use): an action then loads neither
 * Ajv nor the schema compiler, and does not spend the schema's compile time (over a second on a busy
 * runner) on every start (issue 20). The module config-schema.ts is swapped for one that hands out
 * the precompiled function; CONFIG_SCHEMA stays the schema itself.
 *
 * The `uri` format is ajv-formats' full one behind a fast path that accepts the same strings
 * (scripts/config-uri-format.cjs).
 */
export function precompiledConfigValidator(root) {
  const configSrc = join(root, 'packages', 'config', 'src');
  const schemaPath = join(root, 'schema', 'deployforge.schema.json');
  return {
    name: 'precompiled-config-validator',
    setup(b) {
      b.onLoad({ filter: /[\\/]packages[\\/]config[\\/]src[\\/]config-schema\.ts$/ }, () => ({
        contents: [
          `import schemaJson from ${JSON.stringify(schemaPath)};`,
          `export { EXPECTED_KEYWORD, NAME_EXPECTED_KEYWORD, DERIVED_DEFAULT_KEYWORD } from './config-keywords.js';`,
          `import { validate } from 'deployforge-precompiled:config-validator';`,
          'export const CONFIG_SCHEMA = schemaJson;',
          'export function configValidator() { return validate; }',
        ].join('\n'),
        loader: 'js',
        resolveDir: configSrc,
      }));
      b.onResolve({ filter: /^deployforge-precompiled:config-validator$/ }, () => ({ path: 'config-validator', namespace: 'deployforge-precompiled' }));
      b.onLoad({ filter: /.*/, namespace: 'deployforge-precompiled' }, async () => ({
        // Ajv names every local at length (validate20, vErrors, instancePath...): shortening them
        // takes ~30 KiB off what every action loads. Nothing reads these names; error objects carry
        // schema paths and keywords, which are strings, and build.mjs keeps the names of our code.
        contents: (await b.esbuild.transform(await standaloneConfigValidator(root, b.esbuild), { format: 'esm', minifyIdentifiers: true })).code,
        loader: 'js',
        // The generated code require()s Ajv's small runtime helpers, resolved from the repository.
        resolveDir: root,
      }));
    },
  };
}

async function standaloneConfigValidator(root, esbuild) {
  // config-ajv.ts is TypeScript: bundle it (dependencies left to node_modules) to run it here.
  const cacheDir = join(root, 'node_modules', '.cache', 'deployforge');
  mkdirSync(cacheDir, { recursive: true });
  const compiledAjv = join(cacheDir, `config-ajv-${process.pid}.mjs`);
  await esbuild.build({
    entryPoints: [join(root, 'packages', 'config', 'src', 'config-ajv.ts')],
    outfile: compiledAjv, bundle: true, format: 'esm', platform: 'node', packages: 'external', logLevel: 'warning',
  });
  try {
    const { createConfigAjv } = await import(pathToFileURL(compiledAjv).href);
    const requireFromRoot = createRequire(join(root, 'package.json'));
    const { _ } = requireFromRoot('ajv/dist/compile/codegen/index.js');
    const standaloneCode = requireFromRoot('ajv/dist/standalone/index.js').default;
    const ajv = createConfigAjv({
      // The schema's one format, `uri`, with a fast path for plain http(s) URLs: config-uri-format.cjs.
      code: { source: true, esm: true, formats: _`require("./scripts/config-uri-format.cjs")` },
    });
    const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'schema', 'deployforge.schema.json'), 'utf8')));
    return standaloneCode(ajv, validate);
  } finally {
    rmSync(compiledAjv, { force: true });
  }
}

/**
 * The first line of every output file: ESM has no `require`, `__filename` or `__dirname`, and some
 * CommonJS dependencies use them. finishOutputs keeps of it only what the file refers to.
 */
export const BANNER = [
  "import { createRequire as __dfCreateRequire } from 'node:module';",
  "import { fileURLToPath as __dfFileURLToPath } from 'node:url';",
  'const require = __dfCreateRequire(import.meta.url);',
  'const __filename = __dfFileURLToPath(import.meta.url);',
  "const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));",
].join(' ');

/**
 * What scripts/build.mjs writes for esbuild's output files (issue 20, start-up time):
 *
 * 1. Node built-ins imported by a file are loaded through the banner's `require` instead
 *    (`import{request as r}from"node:http"` becomes `const{request:r}=require("node:http")`). An ESM
 *    import of a built-in makes Node build a module facade, which reads every export once, lazy
 *    getters included: under Node 24 `import { request } from 'node:http'` thereby loads Node's
 *    bundled undici for http's WebSocket getter (about 70 ms, against 4 ms for require), and
 *    node:fs, node:util and node:os pay the same way on a smaller scale. require() returns the
 *    module object and reads nothing. Every static import of a built-in is rewritten, wherever it
 *    stands: esbuild writes a chunk's imports of other chunks first, but an import of a built-in
 *    where the module that made it begins (about half of them, @actions/core's
 *    `import * as crypto from "crypto"` among them). The requires go to the top of the body, the
 *    moment ESM evaluates imports, and only in files outside any import cycle between output files:
 *    a `const` runs in the file's body, after the files it imports, which is the same moment unless
 *    a cycle lets another file call in first. Statements are found by es-module-lexer (Vite's
 *    and Node's own), not by pattern, so text inside strings is never taken for an import.
 * 2. The banner keeps only what the file refers to: each createRequire and fileURLToPath costs a
 *    little, and most chunks use none of them. A file that needs nothing gets an empty first line
 *    (readers of the leading imports skip it like the full banner).
 */
export function finishOutputs(files) {
  const inCycle = filesInImportCycles(new Map(files.filter((f) => f.path.endsWith('.js')).map((f) => [f.path, f.text])));
  return files.map((file) => {
    if (!file.path.endsWith('.js')) return { path: file.path, contents: file.contents };
    const rewritten = inCycle.has(file.path) ? file.text : rewriteBuiltinImports(file.text);
    const text = trimBanner(rewritten);
    return { path: file.path, contents: text === file.text ? file.contents : Buffer.from(text) };
  });
}

/** The file with only the parts of the banner it uses (see finishOutputs). */
export function trimBanner(text) {
  if (!text.startsWith(`${BANNER}\n`)) return text;
  const body = text.slice(BANNER.length + 1);
  const needs = (name) => new RegExp(`\\b${name}\\b`).test(body);
  const [moduleImport, urlImport, requireConst, filenameConst, dirnameConst] = BANNER.split(/(?<=;) /);
  const parts = [
    needs('require') ? requireConst : '',
    needs('__filename') ? filenameConst : '',
    needs('__dirname') ? dirnameConst : '',
  ].filter(Boolean);
  if (parts.length === 0) return `\n${body}`;
  // The line still opens with the createRequire import: that is how readers of the leading imports
  // (bench/bundle-sizes.ts, test/architecture) recognise and skip it.
  const imports = [moduleImport, needs('__filename') || needs('__dirname') ? urlImport : ''].filter(Boolean);
  return `${[...imports, ...parts].join(' ')}\n${body}`;
}

const BANNER_LINE = /^import \{ createRequire as __dfCreateRequire \}[^\n]*\n/;
const IMPORT_STATEMENT = /^import\s*(?:([\w$]+)\s*,?\s*)?(?:\*\s*as\s*([\w$]+)\s*)?(?:\{([^}]*)\}\s*)?(?:from\s*)?["']([^"']+)["'];?/;

// es-module-lexer parses with a WebAssembly module, compiled once before the first parse.
await initModuleLexer;

/** The file with its static imports of built-ins turned into require() calls (see above). */
export function rewriteBuiltinImports(text) {
  const banner = BANNER_LINE.exec(text)?.[0] ?? '';
  const body = text.slice(banner.length);
  const [imports] = parseModule(body);
  const required = [];
  let rewritten = '';
  let from = 0;
  for (const { n: specifier, ss, se, d } of imports) {
    // d === -1: a static import statement (dynamic imports and import.meta have other values).
    if (d !== -1 || specifier === undefined) continue;
    const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
    if (!builtinModules.includes(name)) continue;
    const m = IMPORT_STATEMENT.exec(body.slice(ss, se));
    const [, defaultName, namespaceName, named] = m ?? [];
    // A bare `import "fs"` binds nothing; there is nothing to gain in rewriting it.
    if (!m || (!defaultName && !namespaceName && named === undefined)) continue;
    const call = `require(${JSON.stringify(specifier)})`;
    // Node's default export and namespace of a built-in are both its module object.
    for (const whole of [defaultName, namespaceName]) if (whole) required.push(`const ${whole}=${call};`);
    if (named !== undefined && named.trim() !== '') {
      const bindings = named.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
        const [imported, local = imported] = s.split(/\s+as\s+/);
        return imported === local ? imported : `${imported}:${local}`;
      });
      required.push(`const{${bindings.join(',')}}=${call};`);
    }
    rewritten += body.slice(from, ss);
    // The statement's own semicolon goes with it (the lexer's end is the specifier's).
    from = body[se] === ';' ? se + 1 : se;
  }
  if (required.length === 0) return text;
  rewritten += body.slice(from);
  // After the leading imports of other files, which ESM evaluates first either way.
  const leading = leadingImportsLength(rewritten);
  return banner + rewritten.slice(0, leading) + required.join('') + rewritten.slice(leading);
}

/** How many characters of `body` its leading import statements take. */
function leadingImportsLength(body) {
  let length = 0;
  for (;;) {
    const m = IMPORT_STATEMENT.exec(body.slice(length));
    if (!m) return length;
    length += m[0].length;
  }
}

function filesInImportCycles(texts) {
  const edges = new Map();
  for (const [path, text] of texts) {
    if (!path.endsWith('.js')) continue;
    let rest = text.replace(BANNER_LINE, '');
    const targets = [];
    for (;;) {
      const m = IMPORT_STATEMENT.exec(rest);
      if (!m) break;
      rest = rest.slice(m[0].length);
      if (m[4].startsWith('.')) targets.push(join(dirname(path), m[4]));
    }
    edges.set(path, targets);
  }
  // Tarjan's strongly connected components: a component of more than one file is a cycle.
  const inCycle = new Set();
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = [];
    for (let w; w !== v; ) {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    }
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) for (const w of component) inCycle.add(w);
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return inCycle;
}
