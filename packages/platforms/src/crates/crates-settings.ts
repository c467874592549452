import { isAbsolute, resolve } from 'node:path';
import type { PlatformContext } from '../platform.js';

export const CRATES_IO = 'crates-io';
export const CRATES_IO_INDEX = 'sparse+https://index.crates.io/';

/** The `platforms.crates` block with its defaults applied. */
export interface CratesSettings {
  /** The crate's name as in Cargo.toml. */
  name: string;
  version: string;
  /** Absolute folder of the crate (its Cargo.toml). */
  dir: string;
  /** Cargo registry name: `crates-io` or an alternative registry. */
  registry: string;
  /** The sparse index over plain HTTP(S), with a trailing slash (no `sparse+`). */
  indexUrl: string;
  /** The same with `sparse+`, as Cargo wants it in `CARGO_REGISTRIES_<NAME>_INDEX`. */
  sparseIndex: string;
}

/**
 * The crate folder is relative to the repository root: the folder of the config file when the
 * runner says where that is, else the workspace the job checked out, else the working directory.
 */
export function cratesSettings(ctx: PlatformContext): CratesSettings {
  const block = ctx.config.platforms?.crates ?? undefined;
  const registry = block?.registry ?? CRATES_IO;
  const sparse = block?.index ?? CRATES_IO_INDEX;
  const sparseIndex = sparse.endsWith('/') ? sparse : `${sparse}/`;
  const root = ctx.env.DEPLOYFORGE_CONFIG_DIR ?? ctx.env.GITHUB_WORKSPACE ?? process.cwd();
  const path = block?.path ?? '.';
  return {
    name: block?.package ?? ctx.config.project.name,
    version: ctx.version.version,
    dir: isAbsolute(path) ? path : resolve(root, path),
    registry,
    indexUrl: sparseIndex.replace(/^sparse\+/, ''),
    sparseIndex,
  };
}

/** `CARGO_REGISTRIES_<NAME>_…`: Cargo upper-cases the registry name and turns `-` into `_`. */
export function registryEnvName(registry: string, key: 'INDEX' | 'TOKEN'): string {
  return `CARGO_REGISTRIES_${registry.toUpperCase().replace(/-/g, '_')}_${key}`;
}
