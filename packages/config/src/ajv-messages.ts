import type { ErrorObject } from 'ajv';
import { describeValue, type Diagnostic } from '@deployforge/diagnostics';
import { SPOKE_IDS } from '@deployforge/catalog';
import { EXPECTED_KEYWORD, NAME_EXPECTED_KEYWORD } from './config-keywords.js';
import { didYouMean } from './did-you-mean.js';
import { removedPlatformMessage } from './removed-platforms.js';
import { formatPath, type ConfigPath, type NodeLocator } from './locate-node.js';

type SchemaNode = Record<string, unknown>;

/**
 * Keywords that judge one value; a value that fails several of them gets one message, not three:
 * the most telling one (a wrong type first, then "expected <form in words>", then lengths).
 */
const VALUE_KEYWORD_RANK: Readonly<Record<string, number>> = {
  type: 0, const: 1, enum: 1, pattern: 2, format: 2, minLength: 3, maxLength: 3, minimum: 3, maximum: 3,
};

/**
 * Turn ajv's errors into diagnostics a person can act on: each names the key, what was expected in
 * words, and what was received. One value gets one message; `anyOf`/`oneOf` branches collapse into
 * the alternative-level message instead of one complaint per branch.
 */
export function schemaDiagnostics(
  errors: readonly ErrorObject[],
  locator: NodeLocator,
  file: string,
  skipPaths: ReadonlySet<string>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  // A branch of an anyOf/oneOf that failed is noise once the anyOf itself is reported.
  const relevant = errors.filter((error) => !combinators.some((c) => c !== error && error.schemaPath.startsWith(`${c.schemaPath}/`)));
  const bestValueError = new Map<string, ErrorObject>();
  for (const error of relevant) {
    const rank = VALUE_KEYWORD_RANK[error.keyword];
    if (rank === undefined) continue;
    const current = bestValueError.get(error.instancePath);
    if (!current || rank < (VALUE_KEYWORD_RANK[current.keyword] ?? 99)) bestValueError.set(error.instancePath, error);
  }
  for (const error of relevant) {
    if (VALUE_KEYWORD_RANK[error.keyword] !== undefined && bestValueError.get(error.instancePath) !== error) continue;
    const path = decodePointer(error.instancePath);
    if (skipPaths.has(formatPath(path))) continue;
    const described = describeError(error, path);
    const where = described.atKey ? locator.keyAt(described.path) : locator.valueAt(described.path);
    diagnostics.push({ file, line: where.line, column: where.column, path: formatPath(described.path), message: described.message });
  }
  return diagnostics;
}

interface Described {
  /** The path the message is about (for unknown keys: the key itself; for missing keys: the parent). */
  path: ConfigPath;
  /** Point at the key rather than its value. */
  atKey: boolean;
  message: string;
}

function describeError(error: ErrorObject, path: ConfigPath): Described {
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const data: unknown = error.data;
  const got = `got ${describeValue(data)}`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return { path, atKey: false, message: `expected ${typeWords(params.type)}, ${got}` };
    case 'required':
      return { path, atKey: true, message: `missing required key "${String(params.missingProperty)}"` };
    case 'additionalProperties':
      return unknownKey(String(params.additionalProperty), path, parent);
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof data === 'string' ? didYouMean(data, allowed) : '';
      const what = isSpokeIdList(allowed) ? 'platform' : 'value';
      const removed = what === 'platform' && typeof data === 'string' ? removedPlatformMessage(data) : undefined;
      if (removed) return { path, atKey: false, message: removed };
      return { path, atKey: false, message: `unknown ${what} ${describeValue(data)}${hint}; expected one of: ${allowed.join(', ')}` };
    }
    case 'const':
      return { path, atKey: false, message: `expected ${describeValue(params.allowedValue)}, ${got}` };
    case 'pattern':
    case 'format':
      return { path, atKey: false, message: `expected ${expectedWords(parent, error)}, ${got}` };
    case 'minLength':
      return { path, atKey: false, message: Number(params.limit) <= 1 ? 'expected a non-empty string, got an empty one' : `expected at least ${String(params.limit)} characters, ${got}` };
    case 'maxLength':
      return { path, atKey: false, message: `expected at most ${String(params.limit)} characters, got ${typeof data === 'string' ? data.length : describeValue(data)}` };
    case 'minItems':
      return { path, atKey: false, message: `expected a list of at least ${String(params.limit)}, ${Array.isArray(data) && data.length === 0 ? 'got an empty list' : got}` };
    case 'uniqueItems': {
      const later = Math.max(Number(params.i), Number(params.j));
      const item = Array.isArray(data) ? data[later] : undefined;
      return { path: [...path, later], atKey: false, message: `${describeValue(item)} is listed more than once` };
    }
    case 'minProperties':
      return { path, atKey: true, message: `expected at least ${String(params.limit)} entr${Number(params.limit) === 1 ? 'y' : 'ies'}, got an empty mapping` };
    case 'anyOf':
    case 'oneOf':
      return { path, atKey: false, message: `expected ${expectedWords(parent, error)}, ${got}` };
    default:
      return { path, atKey: false, message: error.message ?? `does not satisfy "${error.keyword}"` };
  }
}

function unknownKey(key: string, parentPath: ConfigPath, parent: SchemaNode): Described {
  const path = [...parentPath, key];
  const nameExpected = parent[NAME_EXPECTED_KEYWORD];
  if (typeof nameExpected === 'string') {
    return { path, atKey: true, message: `invalid name ${describeValue(key)}: expected ${nameExpected}` };
  }
  const known = Object.keys((parent.properties ?? {}) as SchemaNode);
  if (parentPath.length === 1 && parentPath[0] === 'platforms') {
    const removed = removedPlatformMessage(key);
    if (removed) return { path, atKey: true, message: removed };
    const hint = didYouMean(key, SPOKE_IDS);
    return { path, atKey: true, message: `unknown platform ${describeValue(key)}${hint || `; known platforms: ${SPOKE_IDS.join(', ')}`}` };
  }
  const hint = didYouMean(key, known);
  return { path, atKey: true, message: `unknown key ${describeValue(key)}${hint || (known.length ? `; expected one of: ${known.join(', ')}` : '')}` };
}

function typeWords(type: unknown): string {
  const types = (Array.isArray(type) ? type : String(type).split(',')).filter((t) => t !== 'null');
  const words = types.map((t) => {
    switch (t) {
      case 'object': return 'a mapping';
      case 'array': return 'a list';
      case 'boolean': return 'true or false';
      case 'integer': return 'a whole number';
      case 'number': return 'a number';
      case 'string': return 'a string';
      default: return String(t);
    }
  });
  return words.join(' or ');
}

function expectedWords(parent: SchemaNode, error: ErrorObject): string {
  const words = parent[EXPECTED_KEYWORD];
  if (typeof words === 'string') return words;
  if (error.keyword === 'format') return `a valid ${String((error.params as { format?: unknown }).format)}`;
  if (typeof parent.description === 'string') return `a value matching: ${parent.description}`;
  return 'a value of another form';
}

function isSpokeIdList(values: readonly string[]): boolean {
  return values.length === SPOKE_IDS.length && SPOKE_IDS.every((id) => values.includes(id));
}

/** ajv's instancePath is a JSON Pointer; array indexes become numbers so paths print as `targets[2]`. */
export function decodePointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}
