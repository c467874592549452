import { GITHUB_PACKAGES_FLAVOR } from '../npm/npm-settings.js';
import { rollbackNpm } from '../npm/rollback.js';
import type { Platform } from '../platform.js';
import { checkGithubPackages } from './check.js';
import { publishGithubPackages } from './publish.js';
import { renderGithubPackages } from './render.js';
import { statusGithubPackages } from './status.js';

/**
 * GitHub Packages: the very same packages as the npm spoke (the code lives in ../npm), published
 * to npm.pkg.github.com under the repository owner's scope with GITHUB_TOKEN.
 */
export const githubPackagesPlatform: Platform = {
  id: 'github-packages',
  check: checkGithubPackages,
  render: renderGithubPackages,
  publish: publishGithubPackages,
  status: statusGithubPackages,
  rollback: (ctx, to) => rollbackNpm(ctx, GITHUB_PACKAGES_FLAVOR, to),
};
