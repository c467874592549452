import { copyFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { cargoEnv, cargoError, runCargo } from './cargo-command.js';
import { cratesSettings } from './crates-settings.js';

/**
 * The .crate `cargo publish` would upload, packaged `--offline`: a snapshot must not reach the
 * registry's index. Cargo names the crate after Cargo.toml's version, not the snapshot's, so the
 * file is taken by its name prefix, and the kept cargo-publish.json says which version that crate
 * carries: `version` is the snapshot's, `crateVersion` the one cargo packaged (and would publish).
 */
export async function snapshotCrates(ctx: PlatformContext, files: readonly RenderedFile[], outDir: string): Promise<string[]> {
  const settings = cratesSettings(ctx);
  const env = cargoEnv(ctx, settings);
  const result = await runCargo(['package', '--no-verify', '--allow-dirty', '--offline'], { cwd: settings.dir, env, ...(ctx.signal ? { signal: ctx.signal } : {}) });
  if (result.code !== 0) throw new Error(`cargo package --offline failed in ${settings.dir}: ${cargoError(result)}`);
  const packageDir = join(env.CARGO_TARGET_DIR!, 'package');
  const crates = (await readdir(packageDir)).filter((f) => f.startsWith(`${settings.name}-`) && f.endsWith('.crate'));
  if (crates.length === 0) throw new Error(`cargo package wrote no ${settings.name}-*.crate in ${packageDir}`);
  for (const name of crates) await copyFile(join(packageDir, name), join(outDir, name));
  await notePackagedVersion(files, outDir, settings.name, settings.version, crates);
  return crates;
}

/**
 * Rewrites the kept `files/cargo-publish.json` (keepPackage keeps rendered files under `files/`)
 * with the crate's own version, read from the name cargo gave it (`<name>-<version>.crate`): the
 * plan alone says the snapshot's version, which no crate here carries.
 */
async function notePackagedVersion(files: readonly RenderedFile[], outDir: string, name: string, version: string, crates: readonly string[]): Promise<void> {
  const rendered = files.find((f) => f.path === 'cargo-publish.json');
  const crateFile = crates.length === 1 ? crates[0] : undefined;
  if (!rendered || !crateFile) return;
  const crateVersion = crateFile.slice(`${name}-`.length, -'.crate'.length);
  const plan = JSON.parse(typeof rendered.contents === 'string' ? rendered.contents : Buffer.from(rendered.contents).toString('utf8')) as Record<string, unknown>;
  const note = crateVersion === version
    ? undefined
    : `cargo packages the version in Cargo.toml: ${crateFile} is ${name} ${crateVersion}, not this snapshot's ${version}. ` +
      `A release of ${crateVersion} publishes this crate; a release of any other version is refused until Cargo.toml says that version`;
  const annotated = { ...plan, crateFile, crateVersion, ...(note ? { note } : {}) };
  await writeFile(join(outDir, 'files', 'cargo-publish.json'), `${JSON.stringify(annotated, null, 2)}\n`);
}
