import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { init as initModuleLexer, parse as parseModule } from 'es-module-lexer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicImports, exportsLoadConfig, staticImports } from '../helpers/bundle-imports.js';
import { repoRoot } from '../helpers/repo-root.js';

// Issue 20: each entry loads at start only what its path needs. This builds the checkout (into a
// folder of its own) and follows each entry's static imports, as Node does before running a line,
// so a new static import of a heavy library (OpenPGP, sigstore, CycloneDX, undici, the runner in the
// CLI) fails here instead of slowing every action's start. Sizes of the files as built, in KiB.
const CLI_BUDGET_KIB = 1536;
/** The target. The largest today, with the config read: package ~640 (tar and yazl are its job), create-release ~595. */
const ACTION_BUDGET_KIB = 700;

let dist: string;
beforeAll(() => {
  dist = join(mkdtempSync(join(tmpdir(), 'deployforge-budget-')), 'dist');
  const built = spawnSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], { env: { ...process.env, DEPLOYFORGE_BUILD_OUTDIR: dist }, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(dirname(dist), { recursive: true, force: true }));

function loadedAtStart(entry: string): { kib: number; files: string[] } {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec);
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  const bytes = [...seen].reduce((n, f) => n + statSync(f).size, 0);
  return { kib: bytes / 1024, files: [...seen] };
}

/**
 * What an entry has loaded once it has read its config: most import the config package on first use
 * and read the config in their first lines, so the budget counts the YAML parser and validator too.
 * The config package is whichever lazily loaded chunk brings in the file that exports loadConfig.
 */
function loadedWithConfig(entry: string): { kib: number; files: string[] } {
  const start = loadedAtStart(entry);
  const files = new Set(start.files);
  for (const file of start.files) {
    for (const spec of dynamicImports(readFileSync(file, 'utf8'))) {
      const lazy = loadedAtStart(resolve(dirname(file), spec));
      if (lazy.files.some((f) => exportsLoadConfig(readFileSync(f, 'utf8')))) for (const f of lazy.files) files.add(f);
    }
  }
  const bytes = [...files].reduce((n, f) => n + statSync(f).size, 0);
  return { kib: bytes / 1024, files: [...files] };
}

describe('code loaded at start (issue 20)', () => {
  it('finds imports in minified output (the walk itself can fail)', () => {
    expect(staticImports('import{a as b}from"./x.js";import"./y.js";const z=1;import"./not-leading.js"')).toEqual(['./x.js', './y.js']);
  });

  it(`the CLI loads at most ${CLI_BUDGET_KIB} KiB before validate, plan or generate runs, and no runner`, () => {
    const cli = loadedAtStart(join(dist, 'cli.js'));
    expect(cli.kib).toBeLessThanOrEqual(CLI_BUDGET_KIB);
    // The runner's release code (builds, uploads, every platform) loads when a command needs it.
    const text = cli.files.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).not.toContain('function runLocalRelease(');
  });

  it(`every action loads at most ${ACTION_BUDGET_KIB} KiB at start and by its first config read, without OpenPGP, sigstore or undici`, () => {
    const actions = readdirSync(join(dist, 'actions')).filter((f) => f.endsWith('.js'));
    expect(actions.length).toBeGreaterThan(10);
    // The walk finds the config: build-matrix reads one, so its count must include the validator.
    const matrix = loadedWithConfig(join(dist, 'actions', 'build-matrix.js'));
    expect(matrix.kib - loadedAtStart(join(dist, 'actions', 'build-matrix.js')).kib).toBeGreaterThan(200);
    const over: string[] = [];
    for (const name of actions) {
      const start = loadedWithConfig(join(dist, 'actions', name));
      if (start.kib > ACTION_BUDGET_KIB) over.push(`${name}: ${start.kib.toFixed(0)} KiB`);
      const text = start.files.map((f) => readFileSync(f, 'utf8')).join('\n');
      // Markers of the heavy libraries: each loads on first use only.
      for (const marker of ['BEGIN PGP SIGNATURE', 'sigstore.dev', 'undici:']) {
        if (text.includes(marker)) over.push(`${name} loads ${marker} at start (${relative(dist, start.files.find((f) => readFileSync(f, 'utf8').includes(marker))!)})`);
      }
    }
    expect(over).toEqual([]);
  });
  it('no file an entry loads at start imports a Node built-in as an ES module (they go through require)', async () => {
    // An ESM import of a built-in reads every export, lazy getters included (WebCrypto, undici for
    // node:http under Node 24); scripts/build-plugins.mjs rewrites them. The banner's node:module and
    // node:url imports are how a file gets require() in the first place.
    await initModuleLexer;
    const entries = [...readdirSync(join(dist, 'actions')).filter((f) => f.endsWith('.js')).map((f) => join(dist, 'actions', f)), join(dist, 'cli.js')];
    const found = new Set<string>();
    for (const file of new Set(entries.flatMap((e) => loadedAtStart(e).files))) {
      const [imports] = parseModule(readFileSync(file, 'utf8'));
      for (const { n, d } of imports) {
        if (d !== -1 || n === undefined || n === 'node:module' || n === 'node:url') continue;
        if (builtinModules.includes(n.replace(/^node:/, ''))) found.add(`${relative(dist, file)}: ${n}`);
      }
    }
    expect([...found]).toEqual([]);
  });
});
