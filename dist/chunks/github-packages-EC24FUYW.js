import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  GITHUB_PACKAGES_FLAVOR,
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

// packages/platforms/src/github-packages/check.ts
var checkGithubPackages = (ctx) => checkNpm(ctx, GITHUB_PACKAGES_FLAVOR);

// packages/platforms/src/github-packages/publish.ts
var publishGithubPackages = (ctx, files) => publishNpm(ctx, GITHUB_PACKAGES_FLAVOR, files);

// packages/platforms/src/github-packages/render.ts
var renderGithubPackages = (ctx) => renderNpmFiles(ctx, GITHUB_PACKAGES_FLAVOR);

// packages/platforms/src/github-packages/status.ts
var statusGithubPackages = (ctx) => statusNpm(ctx, GITHUB_PACKAGES_FLAVOR);

// packages/platforms/src/github-packages/index.ts
var githubPackagesPlatform = {
  id: "github-packages",
  check: checkGithubPackages,
  render: renderGithubPackages,
  publish: publishGithubPackages,
  status: statusGithubPackages,
  rollback: (ctx, to) => rollbackNpm(ctx, GITHUB_PACKAGES_FLAVOR, to)
};
export {
  githubPackagesPlatform
};
