import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The import graph of packages/*\/src as the bundler sees it: static imports, re-exports, type-only
 * imports and dynamic import() alike (a type import is still a dependency between packages), from
 * every file reachable from the shipped entry points (the actions, the CLI and each package's
 * index.ts). Test helpers that no entry point reaches are left out: a test may import anything.
 */
export interface ImportGraph {
  /** Repository-relative file -> the repository-relative files it imports. */
  files: Map<string, Set<string>>;
  /** Package folder name -> the package folder names its reachable files import. */
  packages: Map<string, Map<string, string>>;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== '__snapshots__') sourceFiles(path, out);
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) {
      out.push(path);
    }
  }
  return out;
}

function resolveTs(base: string): string | undefined {
  const stem = base.replace(/\.(?:js|ts|mjs)$/, '');
  for (const candidate of [`${stem}.ts`, join(stem, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return undefined;
}

/** `@deployforge/<pkg>[/sub]` through the package's `exports`, relative specifiers by path. */
function resolveSpecifier(root: string, from: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) return resolveTs(resolve(dirname(from), specifier));
  const m = /^@deployforge\/([^/]+)(\/.*)?$/.exec(specifier);
  if (!m) return undefined;
  const pkgDir = join(root, 'packages', m[1]!);
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { exports?: Record<string, string> };
  const target = manifest.exports?.[`.${m[2] ?? ''}`];
  return target ? resolveTs(join(pkgDir, target)) : undefined;
}

export function packageOf(file: string): string {
  return file.split('/')[1]!;
}

export function buildImportGraph(root: string): ImportGraph {
  const packagesDir = join(root, 'packages');
  const entries: string[] = [];
  for (const pkg of readdirSync(packagesDir)) {
    const src = join(packagesDir, pkg, 'src');
    if (!existsSync(src)) continue;
    if (existsSync(join(src, 'index.ts'))) entries.push(join(src, 'index.ts'));
  }
  const actions = join(packagesDir, 'actions', 'src');
  for (const f of sourceFiles(actions)) if (dirname(f) === actions) entries.push(f);
  entries.push(join(packagesDir, 'cli', 'src', 'main.ts'));

  const files = new Map<string, Set<string>>();
  const queue = [...entries];
  while (queue.length > 0) {
    const abs = queue.pop()!;
    const rel = relative(root, abs);
    if (files.has(rel) || !rel.startsWith('packages/')) continue;
    const imports = new Set<string>();
    files.set(rel, imports);
    const info = ts.preProcessFile(readFileSync(abs, 'utf8'), true, true);
    for (const ref of info.importedFiles) {
      const target = resolveSpecifier(root, abs, ref.fileName);
      if (!target) continue;
      const targetRel = relative(root, target);
      if (!targetRel.startsWith('packages/')) continue;
      imports.add(targetRel);
      queue.push(target);
    }
  }

  const packages = new Map<string, Map<string, string>>();
  for (const [file, imports] of files) {
    const from = packageOf(file);
    for (const target of imports) {
      const to = packageOf(target);
      if (to === from) continue;
      if (!packages.has(from)) packages.set(from, new Map());
      // Keep one example edge per package pair, so a failure names a file to change.
      if (!packages.get(from)!.has(to)) packages.get(from)!.set(to, `${file} -> ${target}`);
    }
  }
  return { files, packages };
}

/** Every cycle's members (strongly connected components of more than one node, or a self-loop). */
export function findCycles(edges: ReadonlyMap<string, Iterable<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = [...(edges.get(node) ?? [])].includes(node);
      if (component.length > 1 || selfLoop) cycles.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}
