import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { cargoEnv, cargoError, registryArgs, runCargo } from './cargo-command.js';
import { assertManifestMatches } from './crate-manifest.js';
import { cratesSettings, type CratesSettings } from './crates-settings.js';
import { packageCrate } from './package-crate.js';
import { fetchIndexEntries, findVersion, indexFilePath } from './sparse-index.js';

/** The page a person would look at: crates.io's own for crates.io, the index file otherwise. */
export function crateUrl(settings: CratesSettings): string {
  return settings.registry === 'crates-io'
    ? `https://crates.io/crates/${settings.name}/${settings.version}`
    : `${settings.indexUrl}${indexFilePath(settings.name)}`;
}

/**
 * The sparse index line of the version: none → absent (and on a dry run, `cargo publish
 * --dry-run` proves the crate would package and build); `yanked` → burned; otherwise its
 * `cksum` against the sha256 of the `.crate` that `cargo package` makes from the source now.
 */
export async function checkCrates(ctx: PlatformContext): Promise<Existence> {
  const settings = cratesSettings(ctx);
  await assertManifestMatches(settings);
  const entries = await fetchIndexEntries(settings.indexUrl, settings.name, ctx.signal, ctx.log);
  const entry = findVersion(entries, settings.version);
  const url = crateUrl(settings);
  if (!entry) {
    if (ctx.dryRun) return dryRunPublish(ctx, settings);
    return { state: 'absent', detail: `${settings.name} ${settings.version} is not in ${settings.indexUrl}` };
  }
  if (entry.yanked) {
    return { state: 'burned', detail: `${settings.name} ${settings.version} is yanked; the registry never accepts that version again`, url };
  }
  const crate = await packageCrate(ctx, settings);
  return crate.sha256 === entry.cksum
    ? { state: 'identical', detail: `cksum ${entry.cksum} matches the packaged crate`, url }
    : { state: 'different', detail: `the index has cksum ${entry.cksum}, the crate packaged from ${settings.dir} has ${crate.sha256}`, url };
}

async function dryRunPublish(ctx: PlatformContext, settings: CratesSettings): Promise<Existence> {
  const result = await runCargo(['publish', '--dry-run', '--allow-dirty', ...registryArgs(settings)], {
    cwd: settings.dir, env: cargoEnv(ctx, settings), ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (result.code !== 0) return { state: 'unknown', detail: `cargo publish --dry-run failed: ${cargoError(result)}` };
  return { state: 'absent', detail: `${settings.name} ${settings.version} is not in ${settings.indexUrl}; cargo publish --dry-run passed` };
}
