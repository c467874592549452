import { isAbsolute, resolve } from 'node:path';
import { gitTargetFor, type GitTarget } from '../git-remote/index.js';
import type { PlatformContext } from '../platform.js';

export function spaceConfig(ctx: PlatformContext) {
  const block = ctx.config.platforms.huggingface;
  if (!block) throw new Error('platforms.huggingface is not configured');
  return block;
}

/** Spaces publish from one branch; the Space builds whatever is on `main`. */
export const SPACE_BRANCH = 'main';

/**
 * The Space's git remote with HF_TOKEN as the password. Hugging Face checks only the token; the
 * user name is the Space's owner unless HF_USERNAME says otherwise (a proxy or mirror may want one).
 */
export function spaceTarget(ctx: PlatformContext): GitTarget {
  const { space, remote } = spaceConfig(ctx);
  return gitTargetFor(ctx, {
    spec: remote ?? `https://huggingface.co/spaces/${space}`,
    origin: 'platforms.huggingface.remote',
    credential: 'HF_TOKEN',
    username: ctx.env['HF_USERNAME'] || space.split('/')[0]!,
  });
}

/**
 * The folder pushed to the Space. Relative paths are taken from the folder that holds the config
 * (DEPLOYFORGE_CONFIG_DIR when the runner sets it, else the workspace, else the working directory).
 */
export function spaceFolder(ctx: PlatformContext): string {
  const path = spaceConfig(ctx).path ?? '.';
  if (isAbsolute(path)) return path;
  const base = ctx.env['DEPLOYFORGE_CONFIG_DIR'] ?? ctx.env['GITHUB_WORKSPACE'] ?? process.cwd();
  return resolve(base, path);
}
