import type { Existence } from '../existence.js';
import { repositoryExistence } from '../linux-packages/package-repository.js';
import type { PlatformContext } from '../platform.js';
import { APT_WORDS, compareApt } from './apt-repository-state.js';

/** How the apt index lists the release's .deb files (`Packages` of each architecture, by sha256). */
export async function checkApt(ctx: PlatformContext): Promise<Existence> {
  return repositoryExistence(ctx, await compareApt(ctx), APT_WORDS);
}
