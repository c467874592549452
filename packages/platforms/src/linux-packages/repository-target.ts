import { gitTargetFor, type GitTarget } from '../git-remote/index.js';
import type { PlatformContext } from '../platform.js';
import { packageBlock } from './package-settings.js';

export const REPO_TOKEN = 'LINUX_REPO_TOKEN';
export const GPG_KEY = 'LINUX_REPO_GPG_KEY';
/** Only read when the key is protected; not a catalog credential (most repository keys are not). */
export const GPG_PASSPHRASE = 'LINUX_REPO_GPG_PASSPHRASE';

/** The git repository that holds the apt and yum repositories, authenticated with LINUX_REPO_TOKEN. */
export function repositoryTarget(ctx: PlatformContext): GitTarget {
  return gitTargetFor(ctx, { spec: packageBlock(ctx).repository, origin: 'platforms.linux-packages.repository', credential: REPO_TOKEN });
}
