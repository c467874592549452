import { gitTargetFor, type GitTarget } from '../git-remote/index.js';
import type { PlatformContext } from '../platform.js';

/** The repository that holds the Nix files, authenticated with NIX_REPO_TOKEN. */
export function nixTarget(ctx: PlatformContext): GitTarget {
  const block = ctx.config.platforms.nix;
  if (!block) throw new Error('platforms.nix is not configured');
  return gitTargetFor(ctx, { spec: block.repository, origin: 'platforms.nix.repository', credential: 'NIX_REPO_TOKEN' });
}
