import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { apkPath } from './apk-layout.js';
import { buildPackages, type BuiltJob } from './build-packages.js';
import { listedState, type ListedState } from './index-comparison.js';
import { packageSettings, type PackageSettings } from './package-settings.js';
import { readRepositoryState, type RepositoryState } from './repository-state.js';

export interface Comparison {
  settings: PackageSettings;
  built: BuiltJob[];
  state: RepositoryState;
  listed: ListedState[];
}

/** Builds every package (deterministic bytes) and looks each up in the repository indexes. */
export async function compareWithRepository(ctx: PlatformContext): Promise<Comparison> {
  const settings = packageSettings(ctx);
  const built = await buildPackages(ctx, settings);
  const state = await readRepositoryState(ctx, settings, built.filter((b) => b.job.format === 'deb').map((b) => b.job.arch));
  const tree = built.some((b) => b.job.format === 'apk') ? await state.snapshot.tree() : new Map<string, { blob: string }>();
  const listed = built.map((b) => listedState(state, b, (path) => tree.get(path)?.blob, (x) => apkPath(settings, x)));
  return { settings, built, state, listed };
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
