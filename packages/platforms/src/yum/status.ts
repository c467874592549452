import { browseUrl } from '../git-remote/index.js';
import type { LiveStatus, PlatformContext } from '../platform.js';
import { readRepositoryBranch, repositoryStatus } from '../linux-packages/package-repository.js';
import { readYumState } from '../linux-packages/yum-repository.js';
import { YUM_WORDS, yumBlock, yumLayout } from './yum-repository-state.js';

/** The highest version the yum metadata lists for the package: the repository keeps every version. */
export async function statusYum(ctx: PlatformContext): Promise<LiveStatus> {
  const block = yumBlock(ctx);
  const layout = yumLayout(block);
  const { target, snapshot } = await readRepositoryBranch(ctx, block, YUM_WORDS);
  const url = browseUrl(target.remote, layout.base.replace(/\/$/, ''), snapshot.branch);
  const versions = new Set<string>();
  for (const e of (await readYumState(snapshot, layout)).entries) {
    const m = /<name>([^<]*)<\/name>[\s\S]*?ver="([^"]*)"/.exec(e.primary);
    if (m && m[1] === ctx.config.project.name) versions.add(m[2]!.replace('~', '-'));
  }
  return repositoryStatus(ctx, versions, { url, branch: snapshot.branch }, YUM_WORDS);
}
