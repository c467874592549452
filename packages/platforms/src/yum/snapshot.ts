import { join } from 'node:path';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { releasePackageAssets } from '../linux-packages/release-package-assets.js';
import { SNAPSHOT_DATE, SNAPSHOT_SIGNER, writeUnsignedRepository } from '../linux-packages/unsigned-snapshot.js';
import { yumFiles } from '../linux-packages/yum-repository.js';
import { yumBlock, yumLayout } from './yum-repository-state.js';

/**
 * The yum repository the first publish would write (the .rpm files, `repodata/`), from the
 * snapshot's .rpm files, beside the rendered `.repo` file. Unsigned: a snapshot holds no key.
 */
export async function snapshotYum(ctx: PlatformContext, _files: readonly RenderedFile[], outDir: string): Promise<string[]> {
  const layout = yumLayout(yumBlock(ctx));
  const rpms = await releasePackageAssets(ctx, 'rpm', 'yum');
  const files = await yumFiles({ layout, state: { entries: [] }, rpms: rpms.map((r) => ({ pkg: r.built, facts: r.built.rpm! })), signer: SNAPSHOT_SIGNER, now: SNAPSHOT_DATE });
  return (await writeUnsignedRepository(files, join(outDir, 'repository'))).map((p) => `repository/${p}`);
}
