import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { DERIVED_DEFAULT_KEYWORD, EXPECTED_KEYWORD, NAME_EXPECTED_KEYWORD } from './config-keywords.js';

/**
 * The one Ajv setup for deployforge.yml. Tests and tsx compile the schema with it at first use;
 * scripts/build.mjs compiles it once at build time into standalone code for dist/ (so an action
 * neither loads Ajv nor spends a second compiling), with these same options plus `extra`.
 */
export function createConfigAjv(extra: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    // Defaults are applied to the object handed back, so consumers never re-implement them.
    useDefaults: true,
    // parentSchema and data let messages say what was expected and what was received.
    verbose: true,
    strict: true,
    allowUnionTypes: true,
    ...extra,
  });
  ajv.addKeyword({ keyword: EXPECTED_KEYWORD, schemaType: 'string' });
  ajv.addKeyword({ keyword: NAME_EXPECTED_KEYWORD, schemaType: 'string' });
  ajv.addKeyword({ keyword: DERIVED_DEFAULT_KEYWORD, schemaType: 'boolean' });
  // json-schema-to-typescript's hook for types a pattern cannot express (`file:${string}`).
  ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
  addFormats(ajv, ['uri']);
  return ajv;
}
