/**
 * Our own annotation keywords. They carry the plain-words description of what a pattern accepts,
 * so error messages never show a regular expression to a user. In a file of their own (no imports)
 * so that the bundles, which validate with a precompiled validator, never load Ajv for them.
 */
export const EXPECTED_KEYWORD = 'x-expected';
export const NAME_EXPECTED_KEYWORD = 'x-name-pattern-expected';
/** Marks a key that derived-defaults.ts fills in from other keys, so the generated type is not optional. */
export const DERIVED_DEFAULT_KEYWORD = 'x-derived-default';
