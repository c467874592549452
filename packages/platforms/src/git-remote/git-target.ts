import type { PlatformContext } from '../platform.js';
import type { GitTarget } from './git-session.js';
import { isHttpRemote, resolveGitRemote } from './remote-url.js';

/**
 * The GitTarget of a spoke: its remote (from the config value), its token (read from ctx.env only)
 * as basic auth with `username` (GitHub's `x-access-token` unless the platform says otherwise).
 */
export function gitTargetFor(
  ctx: PlatformContext,
  options: { spec: string; origin: string; credential: string; username?: string },
): GitTarget {
  const remote = resolveGitRemote(options.spec, ctx.env, options.origin);
  const token = ctx.env[options.credential];
  const auth = token && isHttpRemote(remote.url) ? { username: options.username ?? 'x-access-token', token } : undefined;
  return {
    remote,
    ...(auth ? { auth } : {}),
    credentialName: options.credential,
    env: ctx.env,
    workDir: ctx.workDir,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
}
