import { createNpmPlatform } from './npm-platform.js';
import { NPM_FLAVOR } from './npm-settings.js';

/** npm: a launcher package plus one package per target (see render.ts and launcher.ts). */
export const npmPlatform = createNpmPlatform(NPM_FLAVOR);

export { createNpmPlatform } from './npm-platform.js';
export { NPM_FLAVOR, GITHUB_PACKAGES_FLAVOR, type NpmFlavor } from './npm-settings.js';
