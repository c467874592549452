import type { PlatformContext, RenderedFile } from '../platform.js';
import { GITHUB_PACKAGES_FLAVOR } from '../npm/npm-settings.js';
import { publishNpm } from '../npm/publish.js';

/** Same PUT as npm, authenticated with GITHUB_TOKEN (packages: write); no trusted publishing there. */
export const publishGithubPackages = (ctx: PlatformContext, files: RenderedFile[]) => publishNpm(ctx, GITHUB_PACKAGES_FLAVOR, files);
