import { gitTargetFor, type GitTarget } from '../git-remote/index.js';
import type { PlatformContext } from '../platform.js';

export function tapConfig(ctx: PlatformContext) {
  const block = ctx.config.platforms.homebrew;
  if (!block) throw new Error('platforms.homebrew is not configured');
  return block;
}

/** The tap as a git target, authenticated with HOMEBREW_TAP_TOKEN. */
export function tapTarget(ctx: PlatformContext): GitTarget {
  return gitTargetFor(ctx, { spec: tapConfig(ctx).tap, origin: 'platforms.homebrew.tap', credential: 'HOMEBREW_TAP_TOKEN' });
}
