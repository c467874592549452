import * as yaml from 'yaml';
import type { Alias, Document, LineCounter, Node } from 'yaml';
import type { Diagnostic } from '@deployforge/diagnostics';
import { MAX_ALIAS_EXPANSION_NODES } from './config-limits.js';
import { formatPath, scalarKey } from './locate-node.js';

// Read once: the bundle reaches a CommonJS package's exports through a getter on every use, and this
// walk asks for every node of the file (on Node 24 that getter was a third of a 100k-key walk).
const { isAlias, isMap, isPair, isScalar, isSeq } = yaml;

/**
 * Checks on the YAML tree itself, before it becomes data, in one walk that is linear in the size of
 * the file:
 *
 * - duplicate keys: YAML would silently keep the last one, and a config that says two different things
 *   must not be guessed at. (yaml's own `uniqueKeys` compares each key with every earlier one, which made
 *   a mapping of n keys cost n² and a 100k-key file take minutes; a Set per mapping is linear.)
 * - alias cycles (`&p {self: *p}`): the data would contain itself, and every later walk over it
 *   (expressions, the schema) would recurse until the stack ran out.
 * - alias bombs ("billion laughs"): a chain of aliases that each repeat the one before expands
 *   exponentially; the expansion is counted here, without building it, and refused past a bound.
 *
 * Every finding names the line, column and key path of the key or alias at fault.
 */
export function yamlStructureDiagnostics(doc: Document, lineCounter: LineCounter, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  // The key path of the node being walked: one stack, pushed and popped, copied only into a finding.
  // (A new array per value made a 100k-key mapping allocate 100k paths for the garbage collector.)
  const path: (string | number)[] = [];
  const report = (node: Node, message: string): void => {
    const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
    found.push({ file, line, column: col, path: formatPath(path), message });
  };

  // YAML resolves `*name` to the last `&name` before it, so anchors are recorded in document order,
  // on entering their node: an alias inside that node then finds an ancestor, which is a cycle.
  const anchors = new Map<string, Node>();
  // Nodes an anchored subtree stands for once every alias in it is expanded; known once it is done.
  // Only an anchored node can be the target of an alias, so only those are remembered.
  const expandedSize = new Map<Node, number>();
  const ancestors = new Set<Node>();
  let aliasExpansion = 0;
  let bombReported = false;

  // Recursion depth is bounded by the parser: yaml reports nesting deeper than its own stack allows
  // as a syntax error, and this walk only runs on documents without errors.
  const walk = (node: unknown): number => {
    if (isAlias(node)) return aliasSize(node);
    if (isScalar(node)) {
      if (node.anchor) {
        anchors.set(node.anchor, node);
        expandedSize.set(node, 1);
      }
      return 1;
    }
    if (!isMap(node) && !isSeq(node)) return 0;
    if (node.anchor) anchors.set(node.anchor, node);
    let size = 1;
    ancestors.add(node);
    const seen = isMap(node) ? new Set<string>() : undefined;
    const items = node.items as unknown[];
    for (let index = 0; index < items.length; index += 1) {
      const item = items[index];
      if (!isPair(item)) {
        path.push(index);
        size += walk(item);
        path.pop();
        continue;
      }
      // The key is walked at its mapping's path: an alias used as a key is reported there.
      size += walk(item.key);
      const name = scalarKey(item.key);
      if (name === undefined) {
        size += walk(item.value);
        continue;
      }
      path.push(name);
      if (seen) {
        if (seen.has(name)) report(item.key as Node, `duplicate key ${JSON.stringify(name)}: each key may appear only once in a mapping`);
        seen.add(name);
      }
      size += walk(item.value);
      path.pop();
    }
    ancestors.delete(node);
    if (node.anchor) expandedSize.set(node, size);
    return size;
  };

  const aliasSize = (alias: Alias): number => {
    const target = anchors.get(alias.source);
    // An unknown anchor is a syntax error yaml already reported.
    if (!target) return 1;
    if (ancestors.has(target)) {
      report(alias, `alias *${alias.source} refers to the node that contains it, so the value would contain itself: a config cannot be recursive; copy the values instead`);
      return 1;
    }
    const size = expandedSize.get(target) ?? 1;
    aliasExpansion += size;
    if (aliasExpansion > MAX_ALIAS_EXPANSION_NODES && !bombReported) {
      bombReported = true;
      report(
        alias,
        `aliases expand to more than ${MAX_ALIAS_EXPANSION_NODES.toLocaleString('en-US')} values (this one, *${alias.source}, to ${describeSize(size)}): ` +
          'aliases that repeat other aliases grow exponentially (an "alias bomb"); write the values out, or reuse fewer of them',
      );
    }
    return size;
  };

  walk(doc.contents);
  return found;
}

function describeSize(size: number): string {
  return Number.isFinite(size) && size < 1e15 ? `${size.toLocaleString('en-US')} values` : 'more values than can be counted';
}
