import type { ValidateFunction } from 'ajv/dist/2020.js';
import schemaJson from '../../../schema/deployforge.schema.json' with { type: 'json' };
import { createConfigAjv } from './config-ajv.js';

export { EXPECTED_KEYWORD, NAME_EXPECTED_KEYWORD, DERIVED_DEFAULT_KEYWORD } from './config-keywords.js';

/**
 * The JSON Schema of deployforge.yml, the source of truth for validation, the generated types and
 * docs/configuration.md. Imported (not read from disk) so that esbuild bundles it into dist/.
 */
export const CONFIG_SCHEMA: object = schemaJson;

let compiled: ValidateFunction | undefined;

/**
 * Compiled once, on first use: compiling at import time would slow every CLI command that never
 * reads config. dist/ replaces this module with a validator compiled at build time
 * (scripts/build-plugins.mjs, precompiledConfigValidator).
 */
export function configValidator(): ValidateFunction {
  compiled ??= createConfigAjv().compile(schemaJson);
  return compiled;
}
