// esbuild plugins for scripts/build.mjs (and the bundle benchmarks that must build the same way).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
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
        contents: await standaloneConfigValidator(root, b.esbuild),
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
      code: { source: true, esm: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
    });
    const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'schema', 'deployforge.schema.json'), 'utf8')));
    return standaloneCode(ajv, validate);
  } finally {
    rmSync(compiledAjv, { force: true });
  }
}
