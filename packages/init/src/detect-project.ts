import { access, readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ConfigurationError } from '@deployforge/diagnostics';
import type { DetectedProject, ProjectKind, VersionSource } from './detected-project.js';
import { detectGithubRepository } from './git-remote.js';
import type { ManifestFacts } from './manifest-facts.js';
import { normalizeProjectName } from './project-name.js';
import { readCargoToml } from './read-cargo-toml.js';
import { readGoMod } from './read-go-mod.js';
import { readPackageJson } from './read-package-json.js';
import { readPyproject } from './read-pyproject.js';
import { sniffLicenseFile } from './sniff-license.js';

interface ManifestKind {
  kind: Exclude<ProjectKind, 'unknown'>;
  file: string;
  read: (text: string) => ManifestFacts;
  versionSource: VersionSource;
}

/**
 * First match wins. Compiled-language manifests come first because a Rust or Go tool often also
 * carries a package.json (an npm wrapper, docs tooling) or a pyproject.toml (maturin bindings),
 * while the binary we release is still built by cargo / go.
 */
const MANIFESTS: readonly ManifestKind[] = [
  { kind: 'rust', file: 'Cargo.toml', read: readCargoToml, versionSource: 'cargo' },
  { kind: 'go', file: 'go.mod', read: readGoMod, versionSource: 'tag' },
  { kind: 'node', file: 'package.json', read: readPackageJson, versionSource: 'package-json' },
  { kind: 'python', file: 'pyproject.toml', read: readPyproject, versionSource: 'pyproject' },
];

/** Look at the repository in `cwd` and say what it is, with everything `init` needs to render. */
export async function detectProject(cwd: string): Promise<DetectedProject> {
  const dir = resolve(cwd);
  const [found, repository, licenseFile, extraFiles] = await Promise.all([
    findManifest(dir),
    detectGithubRepository(dir),
    sniffLicenseFile(dir),
    findExtraFiles(dir),
  ]);

  const kind = found?.manifest.kind ?? 'unknown';
  const facts = { ...found?.facts };
  if (kind === 'go') Object.assign(facts, await findGoMain(dir, facts.binary));
  // A virtual workspace root names no package: the binary is its one binary member's.
  if (kind === 'rust' && !facts.packageName) Object.assign(facts, await findWorkspaceBinary(dir));
  // The directory name is the fallback every tool uses when a manifest has no name (go.mod
  // without a module line, a bare repo): better than a placeholder the user must edit.
  const name =
    normalizeProjectName(facts.name ?? '') ??
    normalizeProjectName(repository?.split('/')[1] ?? '') ??
    normalizeProjectName(basename(dir)) ??
    'app';
  const binary = binaryName(facts.binary) ?? name;

  return {
    kind,
    manifest: found?.manifest.file,
    name,
    packageName: facts.packageName,
    description: facts.description?.replace(/\s+/g, ' ').trim() || undefined,
    license: facts.license ?? licenseFile,
    homepage: facts.homepage ?? (repository ? `https://github.com/${repository}` : undefined),
    repository,
    binary,
    // A pyproject.toml whose version is dynamic (setuptools-scm, hatch-vcs…) has none to read: the
    // tag is the version there, as for Go.
    // So does a virtual Cargo workspace root without [workspace.package].version: `version.from:
    // cargo` reads the root Cargo.toml, which would have none (plan and release would refuse it).
    versionSource: (kind === 'python' || kind === 'rust') && !facts.version ? 'tag' : found?.manifest.versionSource ?? 'tag',
    version: facts.version,
    entry: facts.entry,
    buildSystem: facts.buildSystem,
    extraFiles,
    lockfile: kind === 'rust' && (await exists(join(dir, 'Cargo.lock'))),
    action: (await exists(join(dir, 'action.yml'))) || (await exists(join(dir, 'action.yaml'))),
  };
}

/**
 * Go repositories keep `package main` either at the root or, when they hold several commands, in
 * `cmd/<name>/`. In the second case the command named like the module wins, else the first one,
 * and the binary takes that folder's name (which is what `go build ./cmd/<name>` produces).
 */
async function findGoMain(dir: string, moduleBinary: string | undefined): Promise<ManifestFacts> {
  if (await exists(join(dir, 'main.go'))) return { entry: '.' };
  let commands: string[];
  try {
    const entries = await readdir(join(dir, 'cmd'), { withFileTypes: true });
    commands = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return { entry: '.' };
  }
  const chosen = commands.find((c) => c === moduleBinary) ?? commands[0];
  return chosen ? { entry: `./cmd/${chosen}`, binary: chosen } : { entry: '.' };
}

/**
 * The binary of a virtual Cargo workspace (a root Cargo.toml with [workspace] and no [package]):
 * of the members listed by path (globs are not expanded), the one crate with a binary (src/main.rs
 * or a [[bin]]) gives the binary name. None or several: nothing is guessed. Only the binary: the
 * version stays the root's ([workspace.package].version, else the tag) and the crate is not
 * published (the platforms comment says to set platforms.crates.path).
 */
async function findWorkspaceBinary(dir: string): Promise<ManifestFacts> {
  let members: string[];
  try {
    const { parse } = await import('smol-toml');
    const workspace = (parse(await readFile(join(dir, 'Cargo.toml'), 'utf8')) as { workspace?: { members?: unknown } }).workspace;
    members = Array.isArray(workspace?.members) ? workspace.members.filter((m): m is string => typeof m === 'string' && !/[*?[]/.test(m)) : [];
  } catch {
    return {};
  }
  const binaries: string[] = [];
  for (const member of members) {
    let facts: ManifestFacts;
    try {
      facts = readCargoToml(await readFile(join(dir, member, 'Cargo.toml'), 'utf8'));
    } catch {
      continue;
    }
    const hasBin = facts.binary !== facts.packageName || (await exists(join(dir, member, 'src/main.rs')));
    if (hasBin && facts.binary) binaries.push(facts.binary);
  }
  return binaries.length === 1 ? { binary: binaries[0] } : {};
}

const README_NAMES = ['README.md', 'README', 'README.txt', 'README.rst'];
/** The first README and every LICENSE-like file (dual licenses ship two), in a stable order. */
async function findExtraFiles(dir: string): Promise<string[]> {
  let names: Set<string>;
  try {
    names = new Set(await readdir(dir));
  } catch {
    return [];
  }
  const readme = README_NAMES.find((n) => names.has(n));
  const licenses = [...names].filter((n) => /^(?:LICEN[CS]E|COPYING)(?:[-.][A-Za-z0-9.-]+)?$/.test(n)).sort();
  return [...(readme ? [readme] : []), ...licenses];
}

async function findManifest(dir: string): Promise<{ manifest: ManifestKind; facts: ManifestFacts } | undefined> {
  for (const manifest of MANIFESTS) {
    const path = join(dir, manifest.file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      continue;
    }
    try {
      return { manifest, facts: manifest.read(text) };
    } catch (error) {
      // A manifest that does not parse would make every later step guess; say which file and why.
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new ConfigurationError(`${path}: cannot read ${manifest.file}: ${reason}`);
    }
  }
  return undefined;
}

/** Keep a binary name usable as a file name on every OS and inside shell commands. */
function binaryName(raw: string | undefined): string | undefined {
  const cleaned = raw?.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '');
  return cleaned || undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
