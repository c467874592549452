import { describe, expect, test } from 'vitest';
import { SPOKE_IDS } from '@deployforge/catalog';
import { TARGET_IDS } from '@deployforge/targets';
import { CONFIG_SCHEMA, configValidator } from './config-schema.js';

type Node = Record<string, unknown>;
const schema = CONFIG_SCHEMA as Node;
const defs = schema.$defs as Record<string, Node>;

/** Every object schema in the file, with where it is, so a failure names the place to fix. */
function objectSchemas(node: unknown, where = '#'): { where: string; node: Node }[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((item, i) => objectSchemas(item, `${where}/${i}`));
  const n = node as Node;
  const self = n.properties || n.patternProperties ? [{ where, node: n }] : [];
  return [...self, ...Object.entries(n).flatMap(([key, value]) => objectSchemas(value, `${where}/${key}`))];
}

describe('the config schema', () => {
  test('compiles in ajv strict mode', () => {
    expect(() => configValidator()).not.toThrow();
  });

  test('has one platforms key per platform id, in catalog order', () => {
    const platforms = (schema.properties as Record<string, Node>).platforms!;
    expect(Object.keys(platforms.properties as Node)).toEqual([...SPOKE_IDS]);
    expect(defs.spokeId!.enum).toEqual([...SPOKE_IDS]);
  });

  test('knows exactly the canonical targets', () => {
    expect(defs.targetId!.enum).toEqual([...TARGET_IDS]);
  });

  test('closes every object (additionalProperties: false) so typos are caught', () => {
    const open = objectSchemas(schema).filter(({ node }) => node.additionalProperties !== false);
    expect(open.map((o) => o.where)).toEqual([]);
  });

  test('describes every property, because the docs are generated from the descriptions', () => {
    const missing: string[] = [];
    for (const { where, node } of objectSchemas(schema)) {
      for (const [key, raw] of Object.entries((node.properties ?? {}) as Record<string, Node>)) {
        let prop = raw;
        // A bare $ref may carry its description on the definition.
        if (typeof prop.description !== 'string' && typeof prop.$ref === 'string') prop = defs[prop.$ref.split('/').pop()!] ?? prop;
        if (typeof prop.description !== 'string' || prop.description.length < 10) missing.push(`${where}/properties/${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('gives every pattern a plain-words x-expected, so no user ever sees a regular expression', () => {
    const bare: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (node === null || typeof node !== 'object') return;
      const n = node as Node;
      if (typeof n.pattern === 'string' && typeof n['x-expected'] !== 'string') bare.push(where);
      for (const [key, value] of Object.entries(n)) visit(value, `${where}/${key}`);
    };
    visit(schema, '#');
    expect(bare).toEqual([]);
  });
});
