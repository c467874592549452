export type * from './config-types.generated.js';
export { type LoadedConfig, parseConfig } from './parse-config.js';
export { loadConfig } from './load-config.js';
export { configWarnings } from './config-warnings.js';
export { CONFIG_SCHEMA } from './config-schema.js';
export { type Position, type ConfigPath, formatPath } from './locate-node.js';
export { type WorkflowJobCount, workflowJobCount } from './config-limit-checks.js';
// Named, not `export *`: build-plugins.mjs sends an import of a named export straight to its file,
// so a limit does not bring the parser and validator with it (issue 20).
export {
  MAX_CONFIG_BYTES, MAX_ALIAS_EXPANSION_NODES, GITHUB_MAX_JOBS_PER_RUN, GITHUB_MAX_WORKFLOW_BYTES, GITHUB_MAX_MATRIX_COMBINATIONS,
  MAX_CUSTOM_SPOKES, MAX_BUILD_FILES,
} from './config-limits.js';
