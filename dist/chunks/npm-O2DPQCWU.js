import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  GITHUB_PACKAGES_FLAVOR,
  NPM_FLAVOR,
  checkNpm,
  publishNpm,
  renderNpmFiles,
  rollbackNpm,
  statusNpm
} from "./chunk-E3GFZ56F.js";
import "./chunk-MQYSEEJS.js";
import "./chunk-DGOHO7Y2.js";
import "./chunk-7MAI2M42.js";
import "./chunk-GMIJ6JCU.js";
import "./chunk-EXBJN2G4.js";

// packages/platforms/src/npm/npm-platform.ts
function createNpmPlatform(flavor) {
  return {
    id: flavor.id,
    check: (ctx) => checkNpm(ctx, flavor),
    render: (ctx) => renderNpmFiles(ctx, flavor),
    publish: (ctx, files) => publishNpm(ctx, flavor, files),
    status: (ctx) => statusNpm(ctx, flavor),
    rollback: (ctx, to) => rollbackNpm(ctx, flavor, to)
  };
}

// packages/platforms/src/npm/index.ts
var npmPlatform = createNpmPlatform(NPM_FLAVOR);
export {
  GITHUB_PACKAGES_FLAVOR,
  NPM_FLAVOR,
  createNpmPlatform,
  npmPlatform
};
