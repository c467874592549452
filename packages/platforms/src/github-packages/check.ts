import type { PlatformContext } from '../platform.js';
import { checkNpm } from '../npm/check.js';
import { GITHUB_PACKAGES_FLAVOR } from '../npm/npm-settings.js';

/** Same check as npm (packument versions/time, integrity), against the GitHub npm registry. */
export const checkGithubPackages = (ctx: PlatformContext) => checkNpm(ctx, GITHUB_PACKAGES_FLAVOR);
