import type { Platform } from '../platform.js';
import { checkNpm } from './check.js';
import type { NpmFlavor } from './npm-settings.js';
import { publishNpm } from './publish.js';
import { renderNpmFiles } from './render.js';
import { rollbackNpm } from './rollback.js';
import { statusNpm } from './status.js';

/** One platform object per flavor: npm and GitHub Packages share every step. */
export function createNpmPlatform(flavor: NpmFlavor): Platform {
  return {
    id: flavor.id,
    check: (ctx) => checkNpm(ctx, flavor),
    render: (ctx) => renderNpmFiles(ctx, flavor),
    publish: (ctx, files) => publishNpm(ctx, flavor, files),
    status: (ctx) => statusNpm(ctx, flavor),
    rollback: (ctx, to) => rollbackNpm(ctx, flavor, to),
  };
}
