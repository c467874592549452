export type * from './config-types.generated.js';
export { type LoadedConfig, parseConfig } from './parse-config.js';
export { loadConfig } from './load-config.js';
export { configWarnings } from './config-warnings.js';
export { CONFIG_SCHEMA } from './config-schema.js';
export { type Position, type ConfigPath, formatPath } from './locate-node.js';
export { type WorkflowJobCount, workflowJobCount } from './config-limit-checks.js';
export * from './config-limits.js';
