import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { PlatformContext } from '../platform.js';
import { cargoEnv, cargoError, registryArgs, runCargo } from './cargo-command.js';
import type { CratesSettings } from './crates-settings.js';

export interface PackagedCrate {
  path: string;
  sha256: string;
}

/**
 * `cargo package` the crate exactly as `cargo publish` would (same flags, same registry), without
 * the verification build, and hash the `.crate`. Cargo writes crates deterministically (fixed
 * mtimes and gzip header), so the same source gives the same bytes, and the digest can be compared
 * with the index's `cksum`.
 */
export async function packageCrate(ctx: PlatformContext, settings: CratesSettings): Promise<PackagedCrate> {
  const env = cargoEnv(ctx, settings);
  const result = await runCargo(['package', '--no-verify', '--allow-dirty', ...registryArgs(settings)], { cwd: settings.dir, env, ...(ctx.signal ? { signal: ctx.signal } : {}) });
  if (result.code !== 0) throw new Error(`cargo package failed in ${settings.dir}: ${cargoError(result)}`);
  const path = join(env.CARGO_TARGET_DIR!, 'package', `${settings.name}-${settings.version}.crate`);
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) hash.update(chunk);
  } catch (error) {
    throw new Error(
      `cargo package did not produce ${settings.name}-${settings.version}.crate (is the crate's name and version in ${join(settings.dir, 'Cargo.toml')} ${settings.name} ${settings.version}?): ${(error as Error).message}`,
    );
  }
  return { path, sha256: hash.digest('hex') };
}
