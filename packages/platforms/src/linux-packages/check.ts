import type { RepositorySigner } from '@deployforge/signing';
import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { apkPath } from './apk-layout.js';
import { buildPackages, type BuiltJob } from './build-packages.js';
import { listedState, type ListedState } from './index-comparison.js';
import { packageSettings, type PackageSettings } from './package-settings.js';
import { readRepositoryState, yumLayout, type RepositoryState } from './repository-state.js';
import { signerFor } from './signing-key.js';

export interface Comparison {
  settings: PackageSettings;
  built: BuiltJob[];
  state: RepositoryState;
  listed: ListedState[];
  /** The run's signer, when a key is available (always in publish, which refuses without one). */
  signer?: RepositorySigner;
}

/** Builds every package (deterministic bytes) and looks each up in the repository indexes. */
export async function compareWithRepository(ctx: PlatformContext): Promise<Comparison> {
  const settings = packageSettings(ctx);
  const signer = await signerFor(ctx);
  const built = await buildPackages(ctx, settings, signer);
  const state = await readRepositoryState(ctx, settings, built.filter((b) => b.job.format === 'deb').map((b) => b.job.arch));
  const tree = built.some((b) => b.job.format === 'apk') ? await state.snapshot.tree() : new Map<string, { blob: string }>();
  const files = {
    blob: (path: string) => tree.get(path)?.blob,
    bytes: async (path: string) => state.snapshot.readBytes?.(path),
  };
  const paths = { rpm: (b: BuiltJob) => `${yumLayout(settings).base}${b.pkg.fileName}`, apk: (b: BuiltJob) => apkPath(settings, b) };
  const listed = await Promise.all(built.map((b) => listedState(state, b, files, paths)));
  return { settings, built, state, listed, ...(signer ? { signer } : {}) };
}

const names = (c: Comparison, want: ListedState) => c.built.filter((_, i) => c.listed[i] === want).map((b) => b.pkg.fileName);

/**
 * Identical when the indexes list every package of this version with the same sha256; different
 * when any is listed with another digest; absent otherwise (a partial earlier run is completed).
 */
export async function checkLinuxPackages(ctx: PlatformContext): Promise<Existence> {
  const c = await compareWithRepository(ctx);
  const where = `${c.state.snapshot.branch} of ${ctx.config.platforms['linux-packages']?.repository}`;
  const different = names(c, 'different');
  if (different.length) return { state: 'different', detail: `the indexes on ${where} list ${different.join(', ')} with other sha256 digests` };
  const absent = names(c, 'absent');
  if (absent.length === 0) return { state: 'identical', detail: `the indexes on ${where} list all ${c.built.length} package(s) of ${ctx.version.version} with the same sha256` };
  return { state: 'absent', detail: `not yet on ${where}: ${absent.join(', ')}` };
}
