import { posix } from 'node:path';
import { gitTargetFor, type GitTarget } from '../git-remote/index.js';
import type { PlatformContext } from '../platform.js';

export const REPO_TOKEN = 'LINUX_REPO_TOKEN';
export const GPG_KEY = 'LINUX_REPO_GPG_KEY';
/** Only read when the key is protected; not a catalog credential (most repository keys are not). */
export const GPG_PASSPHRASE = 'LINUX_REPO_GPG_PASSPHRASE';

/** What the apt and yum spokes share: where their repository lives. */
export interface RepositoryBlock {
  repository: string;
  branch?: string;
  path?: string;
}

/** The git repository that holds the package repository, authenticated with LINUX_REPO_TOKEN. */
export function packageRepositoryTarget(ctx: PlatformContext, block: RepositoryBlock, id: string): GitTarget {
  return gitTargetFor(ctx, { spec: block.repository, origin: `platforms.${id}.repository`, credential: REPO_TOKEN });
}

/** The folder inside the git repository (`''` for its root), without `./` or a trailing `/`. */
export function packageRepositoryRoot(block: RepositoryBlock): string {
  return posix.normalize(block.path ?? '.').replace(/^\.\/?$/, '').replace(/\/+$/, '');
}
