/**
 * Where editors fetch the schema from. A URL, not a relative path, because the written file lives
 * in the user's repository, far from ours. Points at the default branch so autocomplete follows
 * the newest keys; `deployforge validate` is what pins behaviour to the installed version.
 */
export const SCHEMA_URL = 'https://raw.githubusercontent.com/deployforge/deployforge/main/schema/deployforge.schema.json';
