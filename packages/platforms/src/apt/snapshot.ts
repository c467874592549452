import { join } from 'node:path';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { aptFiles } from '../linux-packages/apt-repository.js';
import { releasePackageAssets } from '../linux-packages/release-package-assets.js';
import { SNAPSHOT_DATE, SNAPSHOT_SIGNER, writeUnsignedRepository } from '../linux-packages/unsigned-snapshot.js';
import { aptBlock, aptLayout } from './apt-repository-state.js';

/**
 * The apt repository the first publish would write (pool, `Packages` per architecture, `Release`),
 * from the snapshot's .deb files, beside the rendered sources line. Unsigned: a snapshot holds no key.
 */
export async function snapshotApt(ctx: PlatformContext, _files: readonly RenderedFile[], outDir: string): Promise<string[]> {
  const layout = aptLayout(aptBlock(ctx));
  const debs = await releasePackageAssets(ctx, 'deb', 'apt');
  const files = await aptFiles({ layout, state: { packages: new Map() }, debs: debs.map((d) => ({ arch: d.arch, deb: d.built })), signer: SNAPSHOT_SIGNER, origin: ctx.config.project.name, now: SNAPSHOT_DATE });
  return (await writeUnsignedRepository(files, join(outDir, 'repository'))).map((p) => `repository/${p}`);
}
