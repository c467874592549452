import type { Existence } from '../existence.js';
import { repositoryExistence } from '../linux-packages/package-repository.js';
import type { PlatformContext } from '../platform.js';
import { compareYum, YUM_WORDS } from './yum-repository-state.js';

/** How the yum metadata lists the release's .rpm files (primary.xml, by sha256: the pkgid). */
export async function checkYum(ctx: PlatformContext): Promise<Existence> {
  return repositoryExistence(ctx, await compareYum(ctx), YUM_WORDS);
}
