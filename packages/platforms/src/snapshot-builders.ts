import type { PlatformId } from './catalog.js';
import type { PlatformContext, RenderedFile } from './platform.js';

/**
 * Builds a platform's binary packages (tarballs, wheels, images…) offline from the rendered files
 * and the local archives, into `outDir`, and returns the paths it wrote relative to it. This is
 * the half of `publish` that needs no credential and no network: `release --snapshot` keeps what
 * it makes so a maintainer can look at every package before the first tag.
 */
export type SnapshotBuilder = (ctx: PlatformContext, files: readonly RenderedFile[], outDir: string) => Promise<string[]>;

/**
 * Stores that take only major.minor.patch (the VS Code Marketplace, Open VSX) would refuse the
 * snapshot's `1.2.4-snapshot+abc`: their package is rendered and built as 1.2.4, the version a
 * real release of it would carry. Every other platform keeps the snapshot version.
 */
const PLAIN_VERSION_ONLY: ReadonlySet<PlatformId> = new Set(['vscode']);

/** The context a platform renders a snapshot with (see PLAIN_VERSION_ONLY). */
export function snapshotContext(id: PlatformId, ctx: PlatformContext): PlatformContext {
  if (!PLAIN_VERSION_ONLY.has(id)) return ctx;
  const core = ctx.version.version.replace(/[-+].*$/, '');
  return { ...ctx, version: { ...ctx.version, version: core, tag: ctx.version.tag.replace(/[-+].*$/, ''), prerelease: false } };
}

/** Lazy, like the platform registry: a snapshot of two platforms loads the code of two. */
const BUILDERS: Partial<Record<PlatformId, () => Promise<SnapshotBuilder>>> = {
  npm: async () => (await import('./npm/snapshot.js')).snapshotNpm,
  'github-packages': async () => (await import('./npm/snapshot.js')).snapshotGithubPackages,
  pypi: async () => (await import('./pypi/snapshot.js')).snapshotPypi,
  crates: async () => (await import('./crates/snapshot.js')).snapshotCrates,
  docker: async () => (await import('./docker/snapshot.js')).snapshotDocker,
  chocolatey: async () => (await import('./chocolatey/snapshot.js')).snapshotChocolatey,
  snap: async () => (await import('./snap/snapshot.js')).snapshotSnap,
  vscode: async () => (await import('./vscode/snapshot.js')).snapshotVscode,
  apt: async () => (await import('./apt/snapshot.js')).snapshotApt,
  yum: async () => (await import('./yum/snapshot.js')).snapshotYum,
};

/** The platform's package builder, or undefined when its rendered files are the whole package. */
export async function loadSnapshotBuilder(id: PlatformId): Promise<SnapshotBuilder | undefined> {
  const load = BUILDERS[id];
  return load ? load() : undefined;
}
