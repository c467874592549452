import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import schemaJson from '../../../schema/deployforge.schema.json' with { type: 'json' };

/**
 * The JSON Schema of deployforge.yml, the source of truth for validation, the generated types and
 * docs/configuration.md. Imported (not read from disk) so that esbuild bundles it into dist/.
 */
export const CONFIG_SCHEMA: object = schemaJson;

/**
 * Our own annotation keywords. They carry the plain-words description of what a pattern accepts,
 * so error messages never show a regular expression to a user.
 */
export const EXPECTED_KEYWORD = 'x-expected';
export const NAME_EXPECTED_KEYWORD = 'x-name-pattern-expected';
/** Marks a key that derived-defaults.ts fills in from other keys, so the generated type is not optional. */
export const DERIVED_DEFAULT_KEYWORD = 'x-derived-default';

let compiled: ValidateFunction | undefined;

/** Compiled once, on first use: compiling at import time would slow every CLI command that never reads config. */
export function configValidator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({
    allErrors: true,
    // Defaults are applied to the object handed back, so consumers never re-implement them.
    useDefaults: true,
    // parentSchema and data let messages say what was expected and what was received.
    verbose: true,
    strict: true,
    allowUnionTypes: true,
  });
  ajv.addKeyword({ keyword: EXPECTED_KEYWORD, schemaType: 'string' });
  ajv.addKeyword({ keyword: NAME_EXPECTED_KEYWORD, schemaType: 'string' });
  ajv.addKeyword({ keyword: DERIVED_DEFAULT_KEYWORD, schemaType: 'boolean' });
  // json-schema-to-typescript's hook for types a pattern cannot express (`file:${string}`).
  ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
  addFormats(ajv, ['uri']);
  compiled = ajv.compile(schemaJson);
  return compiled;
}
