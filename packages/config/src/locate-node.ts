import * as yaml from 'yaml';
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';

// Read once: the bundle reaches a CommonJS package's exports through a getter on every use, and
// scalarKey runs for every key of the file (yaml-structure-checks).
const { isMap, isPair, isScalar, isSeq } = yaml;

export type ConfigPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/** Where a node sits when nothing better is known: the top of the file. */
const FILE_START: Position = { line: 1, column: 1 };

interface Found {
  /** The deepest node on the path that exists in the document. */
  value: Node | null;
  /** The key of the last pair walked through, when the path ended on a mapping entry. */
  key: Node | null;
  /** True when every path segment was found. */
  complete: boolean;
}

/**
 * Walk the YAML tree along a key path. Defaults that ajv filled in have no node, so the walk stops
 * at the deepest node that exists: an error about a default-filled value is still reported near
 * the block it belongs to.
 */
function walk(doc: Document, path: ConfigPath, pairIndex: PairIndex): Found {
  let current: unknown = doc.contents;
  let key: Node | null = null;
  let deepest: Node | null = (doc.contents as Node | null) ?? null;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = pairIndex.pair(current, String(segment));
      if (!pair) return { value: deepest, key, complete: false };
      key = (pair.key as Node | null) ?? null;
      current = pair.value;
      // `npm:` with no value has a null value node, or none at all; the key is the useful place.
      deepest = (pair.value as Node | null) ?? key;
    } else if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment];
      if (item === undefined) return { value: deepest, key, complete: false };
      key = null;
      current = item;
      deepest = item as Node;
    } else {
      return { value: deepest, key, complete: false };
    }
  }
  return { value: deepest, key, complete: true };
}

/**
 * A scalar key as the data spells it (yaml's toJS): an empty or null key (`~:`, `null:`, `:`) is the
 * empty string, so `~` and `""` are the same key, and anything else is String(value).
 */
export function scalarKey(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  return node.value === null ? '' : String(node.value);
}

/**
 * Each mapping's pairs by key, built the first time a path goes through that mapping. Finding a key by
 * scanning the mapping made one diagnostic per key of an n-key mapping cost n², which a config with
 * thousands of unknown keys turned into minutes.
 */
class PairIndex {
  private readonly byMap = new WeakMap<YAMLMap, Map<string, Pair>>();

  pair(map: YAMLMap, key: string): Pair | undefined {
    let index = this.byMap.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        const name = isPair(item) ? scalarKey(item.key) : undefined;
        // The first of duplicate keys, as the linear scan found it (duplicates are refused anyway).
        if (name !== undefined && !index.has(name)) index.set(name, item);
      }
      this.byMap.set(map, index);
    }
    return index.get(key);
  }
}

function position(node: Node | null, lineCounter: LineCounter): Position {
  const offset = node?.range?.[0];
  if (offset === undefined) return FILE_START;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * A located YAML document: turns key paths (ajv's instancePath, our own checks) into line:column.
 */
export class NodeLocator {
  private readonly pairIndex = new PairIndex();

  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /** The value at `path`, or the deepest existing ancestor. An empty value points at its key. */
  valueAt(path: ConfigPath): Position {
    const found = walk(this.doc, path, this.pairIndex);
    // A path that is not written (a default) is shown at the key of the nearest block that is.
    if (!found.complete && found.key) return position(found.key, this.lineCounter);
    if (found.complete && found.key && isEmptyScalar(found.value)) return position(found.key, this.lineCounter);
    return position(found.value, this.lineCounter);
  }

  /** The key that introduces `path` (for unknown keys and for missing required children). */
  keyAt(path: ConfigPath): Position {
    if (path.length === 0) return this.valueAt(path);
    const found = walk(this.doc, path, this.pairIndex);
    if (found.complete && found.key) return position(found.key, this.lineCounter);
    return position(found.value, this.lineCounter);
  }

  /** Whether `path` names something written in the file (as opposed to a default ajv filled in). */
  exists(path: ConfigPath): boolean {
    return walk(this.doc, path, this.pairIndex).complete;
  }
}

function isEmptyScalar(node: Node | null): boolean {
  if (node === null) return true;
  return isScalar(node) && node.value === null && (node.range?.[0] ?? 0) === (node.range?.[1] ?? 0);
}

/** `platforms.npm.package`, `build.targets[2]`: how a path is shown to people. */
export function formatPath(path: ConfigPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}
