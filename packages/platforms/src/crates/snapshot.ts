import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { cargoEnv, cargoError, runCargo } from './cargo-command.js';
import { cratesSettings } from './crates-settings.js';

/**
 * The .crate `cargo publish` would upload, packaged `--offline`: a snapshot must not reach the
 * registry's index. Cargo names the crate after Cargo.toml's version, not the snapshot's, so the
 * file is taken by its name prefix.
 */
export async function snapshotCrates(ctx: PlatformContext, _files: readonly RenderedFile[], outDir: string): Promise<string[]> {
  const settings = cratesSettings(ctx);
  const env = cargoEnv(ctx, settings);
  const result = await runCargo(['package', '--no-verify', '--allow-dirty', '--offline'], { cwd: settings.dir, env, ...(ctx.signal ? { signal: ctx.signal } : {}) });
  if (result.code !== 0) throw new Error(`cargo package --offline failed in ${settings.dir}: ${cargoError(result)}`);
  const packageDir = join(env.CARGO_TARGET_DIR!, 'package');
  const crates = (await readdir(packageDir)).filter((f) => f.startsWith(`${settings.name}-`) && f.endsWith('.crate'));
  if (crates.length === 0) throw new Error(`cargo package wrote no ${settings.name}-*.crate in ${packageDir}`);
  for (const name of crates) await copyFile(join(packageDir, name), join(outDir, name));
  return crates;
}
