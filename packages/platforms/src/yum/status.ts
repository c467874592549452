import { browseUrl, readRemoteBranch } from '../git-remote/index.js';
import type { LiveStatus, PlatformContext } from '../platform.js';
import { packageRepositoryTarget } from '../linux-packages/repository-target.js';
import { readYumState } from '../linux-packages/yum-repository.js';
import { yumBlock, yumLayout } from './yum-repository-state.js';

/** The highest version the yum metadata lists for the package: the repository keeps every version. */
export async function statusYum(ctx: PlatformContext): Promise<LiveStatus> {
  const block = yumBlock(ctx);
  const layout = yumLayout(block);
  const target = packageRepositoryTarget(ctx, block, 'yum');
  const snapshot = await readRemoteBranch(target, block.branch, `reading the yum repository from ${target.remote.spec}`);
  const url = browseUrl(target.remote, layout.base.replace(/\/$/, ''), snapshot.branch);
  const versions = new Set<string>();
  for (const e of (await readYumState(snapshot, layout)).entries) {
    const m = /<name>([^<]*)<\/name>[\s\S]*?ver="([^"]*)"/.exec(e.primary);
    if (m && m[1] === ctx.config.project.name) versions.add(m[2]!.replace('~', '-'));
  }
  if (versions.size === 0) return { url, detail: `no ${ctx.config.project.name} package in the yum metadata on ${snapshot.branch}` };
  const { compare } = await import('semver');
  const latest = [...versions].sort((a, b) => compare(a, b, true)).at(-1)!;
  return { latest, url, detail: `${versions.size} version(s) in the yum metadata on ${snapshot.branch}` };
}
