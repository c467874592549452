import { gitTargetFor, type GitTarget } from '../git-remote/index.js';
import type { PlatformContext } from '../platform.js';

export function bucketConfig(ctx: PlatformContext) {
  const block = ctx.config.platforms.scoop;
  if (!block) throw new Error('platforms.scoop is not configured');
  return block;
}

/** The bucket as a git target, authenticated with SCOOP_BUCKET_TOKEN. */
export function bucketTarget(ctx: PlatformContext): GitTarget {
  return gitTargetFor(ctx, { spec: bucketConfig(ctx).bucket, origin: 'platforms.scoop.bucket', credential: 'SCOOP_BUCKET_TOKEN' });
}

/** `bucket/<project>.json`: Scoop looks for manifests in `bucket/` (or the root) of a bucket repo. */
export function manifestPath(ctx: PlatformContext): string {
  return `bucket/${ctx.config.project.name}.json`;
}
