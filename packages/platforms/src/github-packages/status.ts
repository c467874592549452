import type { PlatformContext } from '../platform.js';
import { GITHUB_PACKAGES_FLAVOR } from '../npm/npm-settings.js';
import { statusNpm } from '../npm/status.js';

/** `dist-tags.latest` of the scoped launcher package on the GitHub npm registry. */
export const statusGithubPackages = (ctx: PlatformContext) => statusNpm(ctx, GITHUB_PACKAGES_FLAVOR);
