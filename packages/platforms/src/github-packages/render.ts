import type { PlatformContext } from '../platform.js';
import { GITHUB_PACKAGES_FLAVOR } from '../npm/npm-settings.js';
import { renderNpmFiles } from '../npm/render.js';

/** Same packages as npm; the names carry the required owner scope (`@acme/shimmy-linux-x64`). */
export const renderGithubPackages = (ctx: PlatformContext) => renderNpmFiles(ctx, GITHUB_PACKAGES_FLAVOR);
