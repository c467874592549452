import { ConfigurationError, describeValue } from '@deployforge/diagnostics';

/**
 * Read one action input the way the runner passes it (`INPUT_<NAME>`, upper-cased, spaces to `_`,
 * dashes kept). Read at call time, never at import, so tests and bundles see the current env.
 */
function rawInput(env: Readonly<Record<string, string | undefined>>, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function stringInput(env: Readonly<Record<string, string | undefined>>, name: string, fallback = ''): string {
  const value = rawInput(env, name);
  return value === '' ? fallback : value;
}

/**
 * YAML 1.2 core-schema booleans, like @actions/core's getBooleanInput, but an invalid value is a
 * ConfigurationError naming the input and what was received instead of a TypeError.
 */
export function booleanInput(env: Readonly<Record<string, string | undefined>>, name: string, fallback: boolean): boolean {
  const value = rawInput(env, name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw ConfigurationError.forInput(name, `expected true or false, got ${describeValue(value)}`);
}
