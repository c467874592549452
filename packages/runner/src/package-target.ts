import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { createArchiveHashed, type ArchiveEntry } from '@deployforge/archive';
import type { LoadedConfig } from '@deployforge/config';
import { ConfigurationError, UserFacingError } from '@deployforge/diagnostics';
import type { MatrixEntry } from '@deployforge/plan';
import type { ResolvedVersion } from '@deployforge/version';
import { buildEnv } from './build-env.js';
import { expandBuildPath } from './expand-build-path.js';

export interface PackageTargetOptions {
  loaded: LoadedConfig;
  version: ResolvedVersion;
  /** The target's matrix row: archive name and format, the binary's name inside it. */
  entry: MatrixEntry;
  /** The folder deployforge.yml is in: `build.path` and `build.files` are relative to it. */
  projectDir: string;
  outDir: string;
  /** `build.path` unless the caller names the built binary itself (the package action's `binary`). */
  binaryPath?: string;
  /** Expands `$VAR` in the binary path, after the target's own variables. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface PackagedTarget {
  archive: string;
  /** Of the bytes as they were written: the archive is not read back to hash it. */
  sha256: string;
  /** The built binary that went in, `.exe` added where the build wrote one. */
  binary: string;
}

/**
 * Package one target's built binary and `build.files` into its release archive: the one packager
 * of both executors (the local runner's build and the `package` action in the generated build job),
 * so the same binary always gives the same bytes and a re-run of a build converges at the hub.
 */
export async function packageTarget(options: PackageTargetOptions): Promise<PackagedTarget> {
  const { loaded, entry, projectDir } = options;
  const path = options.binaryPath ?? loaded.config.build?.path;
  if (!path) {
    throw new ConfigurationError(`${loaded.file}: build.path is needed to package ${entry.target}: where the built binary lands (for example target/\${DEPLOYFORGE_RUST_TARGET}/release/<name>)`);
  }
  const env = { ...options.env, ...buildEnv(entry, options.version) };
  let binary = resolve(projectDir, expandBuildPath(path, env));
  // build.path never carries .exe (one path serves every target); Windows builds add it.
  if (!existsSync(binary) && existsSync(`${binary}.exe`)) binary = `${binary}.exe`;
  if (!existsSync(binary)) {
    throw new UserFacingError(`the build for ${entry.target} succeeded but left no ${binary}: set build.path in ${loaded.file} to where build.command puts the binary`);
  }
  const files = await Promise.all((loaded.config.build?.files ?? []).map((f, index) => fileEntry(loaded, projectDir, f, index)));
  const { path: archive, sha256 } = await createArchiveHashed(entry['archive-format'], [{ source: binary, name: entry.binary, mode: 0o755 }, ...files], join(options.outDir, entry.archive));
  return { archive, sha256, binary };
}

/**
 * One `build.files` entry: a file of the repository, at the archive root under its own name. The
 * checks repeat the schema's (a config that skipped validation still cannot reach outside the
 * repository) and add what only the disk can tell: that it exists and is a file.
 */
async function fileEntry(loaded: LoadedConfig, projectDir: string, file: string, index: number): Promise<ArchiveEntry> {
  const fail = (message: string): never => {
    const at = loaded.locate(['build', 'files', index]);
    throw ConfigurationError.fromDiagnostics([{ file: loaded.file, line: at.line, column: at.column, path: `build.files[${index}]`, message }]);
  };
  const source = resolve(projectDir, file);
  const inside = relative(projectDir, source);
  if (file.startsWith('-') || isAbsolute(file) || inside.startsWith('..') || isAbsolute(inside)) {
    fail(`${file} must be a path inside the repository, relative to ${loaded.file}`);
  }
  const info = await stat(source).catch(() => undefined);
  if (!info) fail(`${file} does not exist (relative to the folder of ${loaded.file})`);
  if (!info?.isFile()) fail(`${file} is not a file: list the files to ship one by one`);
  return { source, name: file.split(/[\\/]/).pop() as string, mode: 0o644 };
}
