import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigurationError, describeValue } from '@deployforge/diagnostics';
import { parse, TomlError } from 'smol-toml';
import { sameSemver, type DeclaredVersion } from './declared-version.js';
import { locateTomlVersion } from './locate-version.js';
import { parseVersionInput } from './parse-version-input.js';
import { readUserFile } from './read-text.js';
import type { ResolvedVersion } from './resolved-version.js';

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `version.from: cargo`: `[package].version` of ./Cargo.toml. Follows `version.workspace = true` to
 * the workspace root's `[workspace.package].version`, found the way Cargo finds it: the
 * `package.workspace` path when set, else the nearest manifest with a `[workspace]` table, starting
 * with this one. A virtual manifest (only `[workspace]`) gives its `[workspace.package].version`.
 */
export async function versionFromCargo(cwd: string, tagPrefix: string, configFile = 'deployforge.yml'): Promise<ResolvedVersion> {
  return (await declaredCargoVersion(cwd, tagPrefix, configFile)).resolved;
}

/** versionFromCargo, with where the version is written (for a tag that disagrees with it). */
export async function declaredCargoVersion(cwd: string, tagPrefix: string, configFile = 'deployforge.yml'): Promise<DeclaredVersion> {
  const manifestPath = join(cwd, 'Cargo.toml');
  const because = `version.from is "cargo" in ${configFile}`;
  const manifestText = await readUserFile(manifestPath, 'Cargo.toml', because);
  const manifest = parseToml(manifestText, 'Cargo.toml');
  const finish = (value: unknown, file: string, text: string, table: string): DeclaredVersion => {
    const key = `${table}.version`;
    const resolved = parseVersionInput(value, { tagPrefix, origin: `${file}: ${key}`, source: 'cargo', allowPrefix: false });
    const at = locateTomlVersion(text, table, String(value));
    return { resolved, place: { file, ...at, key }, written: String(value), matches: sameSemver(resolved) };
  };

  const pkg = manifest.package;
  if (pkg === undefined) {
    const shared = workspacePackageVersion(manifest);
    if (shared !== undefined) return finish(shared, 'Cargo.toml', manifestText, 'workspace.package');
    throw ConfigurationError.forInput(
      'Cargo.toml',
      'no [package] table and no [workspace.package].version; expected version = "1.2.3" under [package] ' +
        '(for a workspace, set [workspace.package].version, or run from the crate folder)',
    );
  }
  if (!isTable(pkg)) throw ConfigurationError.forInput('Cargo.toml: package', `expected a table, got ${describeValue(pkg)}`);

  const version = pkg.version;
  if (version === undefined) {
    // Cargo defaults a missing version to 0.0.0, which is never what a release means.
    throw ConfigurationError.forInput('Cargo.toml: package.version', 'missing; expected version = "1.2.3" under [package]');
  }
  if (!isTable(version)) return finish(version, 'Cargo.toml', manifestText, 'package');
  if (version.workspace !== true) {
    throw ConfigurationError.forInput(
      'Cargo.toml: package.version',
      `expected a string like "1.2.3" or { workspace = true }, got ${describeValue(version)}`,
    );
  }

  const rootPath = await findWorkspaceRoot(cwd, manifest, pkg);
  const shownRoot = relative(cwd, rootPath) || 'Cargo.toml';
  const rootText = rootPath === manifestPath ? manifestText : await readUserFile(rootPath, shownRoot, because);
  const root = rootPath === manifestPath ? manifest : parseToml(rootText, shownRoot);
  const shared = workspacePackageVersion(root);
  if (shared === undefined) {
    throw ConfigurationError.forInput(
      `${shownRoot}: workspace.package.version`,
      'missing, but Cargo.toml inherits it with version.workspace = true; expected version = "1.2.3" under [workspace.package]',
    );
  }
  return finish(shared, shownRoot, rootText, 'workspace.package');
}

function workspacePackageVersion(manifest: Table): unknown {
  const ws = manifest.workspace;
  return isTable(ws) && isTable(ws.package) ? ws.package.version : undefined;
}

async function findWorkspaceRoot(cwd: string, manifest: Table, pkg: Table): Promise<string> {
  const own = join(cwd, 'Cargo.toml');
  if (typeof pkg.workspace === 'string') return join(resolve(cwd, pkg.workspace), 'Cargo.toml');
  if (isTable(manifest.workspace)) return own;
  // Walk up like Cargo does; parse only manifests that exist, and stop at the filesystem root.
  for (let dir = dirname(resolve(cwd)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'Cargo.toml');
    if (existsSync(candidate)) {
      const parsed = await readToml(candidate, relative(cwd, candidate), 'looking for the workspace root');
      if (isTable(parsed.workspace)) return candidate;
    }
    if (dirname(dir) === dir) break;
  }
  throw ConfigurationError.forInput(
    'Cargo.toml: package.version',
    'uses version.workspace = true, but no workspace root (a Cargo.toml with [workspace]) was found in the folders above',
  );
}

async function readToml(path: string, shown: string, because: string): Promise<Table> {
  return parseToml(await readUserFile(path, shown, because), shown);
}

/** TOML text as a table; a syntax error becomes `file:line:col: reason`. Shared with pyproject.toml. */
export function parseToml(text: string, shown: string): Table {
  try {
    return parse(text) as Table;
  } catch (error) {
    if (error instanceof TomlError) {
      // The first line only: the rest is a code excerpt, noisy in a one-line diagnostic.
      const reason = error.message.split('\n', 1)[0];
      throw new ConfigurationError(`${shown}:${error.line}:${error.column}: ${reason}`);
    }
    throw error;
  }
}
