import * as yaml from 'yaml';
import type { Document } from 'yaml';
import type { ConfigPath } from './locate-node.js';

// Read once: the bundle reaches a CommonJS package's exports through a getter on every use, and this
// walk asks for every node of the file.
const { isAlias, isMap, isScalar, isSeq } = yaml;

export interface YamlData {
  data: unknown;
  /** Key paths of every string value, and every mapping key, that contains `${{` (values under such a key are not searched). */
  expressions: ConfigPath[];
}

/** Thrown inside the walk for what only yaml's own toJS knows how to turn into data (a collection as a key). */
const LEAVE_TO_YAML = Symbol('leave to yaml');

/**
 * The data of a document that yamlStructureDiagnostics passed, as yaml's `doc.toJS()` builds it, and
 * every `${{` in it, in one walk. yaml's toJS and a second walk over its result cost a 100k-key
 * mapping about twice this walk, and made most of the garbage; this is the same data for the YAML a
 * config can contain (the core schema: scalars, mappings, sequences, aliases). A mapping whose key is
 * a mapping or a sequence (`? [a, b] : 1`, or an alias of one) is left to yaml, which alone knows how
 * to spell such a key as a string: then the result is yaml's toJS and a search of its data.
 *
 * Only call this on a document without structure problems: an alias cycle would never end, and an
 * alias bomb is what the expansion bound there refuses.
 */
export function yamlToData(doc: Document): YamlData {
  try {
    return convertDocument(doc);
  } catch (error) {
    if (error !== LEAVE_TO_YAML) throw error;
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    const expressions: ConfigPath[] = [];
    findExpressions(data, [], expressions);
    return { data, expressions };
  }
}

function convertDocument(doc: Document): YamlData {
  const expressions: ConfigPath[] = [];
  const path: (string | number)[] = [];
  // `*name` is the last `&name` before it in document order; a collection is registered when it is
  // created, before its children, as yaml does.
  const anchors = new Map<string, unknown>();

  const convert = (node: unknown): unknown => {
    if (isScalar(node)) {
      const value = typeof node.value === 'bigint' ? Number(node.value) : node.value;
      if (node.anchor) anchors.set(node.anchor, value);
      if (typeof value === 'string' && value.includes('${{')) expressions.push([...path]);
      return value;
    }
    if (isAlias(node)) {
      // The same value as the anchor's (yaml shares it too); its expressions are also at this path.
      const value = anchors.get(node.source);
      findExpressions(value, path, expressions);
      return value;
    }
    if (isSeq(node)) {
      const list: unknown[] = [];
      if (node.anchor) anchors.set(node.anchor, list);
      for (let index = 0; index < node.items.length; index += 1) {
        path.push(index);
        list.push(convert(node.items[index]));
        path.pop();
      }
      return list;
    }
    if (isMap(node)) {
      const record: Record<string, unknown> = {};
      if (node.anchor) anchors.set(node.anchor, record);
      for (const pair of node.items) {
        const key = keyString(pair.key === null ? null : convertKey(pair.key));
        path.push(key);
        let value: unknown;
        if (key.includes('${{')) {
          // Reported once, at the key; what is under it is not searched.
          expressions.push([...path]);
          const kept = expressions.length;
          value = convert(pair.value);
          expressions.length = kept;
        } else {
          value = convert(pair.value);
        }
        path.pop();
        // As yaml: a key that exists on the object already (`__proto__`, `toString`) becomes an own
        // property instead of reaching the prototype.
        if (key in record) Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
        else record[key] = value;
      }
      return record;
    }
    // An empty value (`key:`) has no node.
    if (node === null || node === undefined) return null;
    throw LEAVE_TO_YAML;
  };

  // A key's own `${{` is judged on its string form, at the value's path (above), not as a value.
  const convertKey = (key: unknown): unknown => {
    if (!isScalar(key) && !isAlias(key)) throw LEAVE_TO_YAML;
    const kept = expressions.length;
    const value = convert(key);
    expressions.length = kept;
    if (value !== null && typeof value === 'object') throw LEAVE_TO_YAML;
    return value;
  };

  return { data: convert(doc.contents), expressions };
}

/** yaml's string form of a scalar key: null is the empty string, anything else String(). */
function keyString(value: unknown): string {
  return value === null ? '' : String(value);
}

/**
 * Every string value (and mapping key) that contains `${{` under `value`, appended to `found` with
 * `path` in front. One path stack, copied only into a finding.
 */
export function findExpressions(value: unknown, path: readonly (string | number)[], found: ConfigPath[]): void {
  const stack = [...path];
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      if (node.includes('${{')) found.push([...stack]);
    } else if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) {
        stack.push(index);
        visit(node[index]);
        stack.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        stack.push(key);
        // An expression in a key is reported once, at the key; its value is not searched.
        if (key.includes('${{')) found.push([...stack]);
        else visit(record[key]);
        stack.pop();
      }
    }
  };
  visit(value);
}
