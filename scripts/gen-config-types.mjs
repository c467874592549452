#!/usr/bin/env node
// Generates packages/config/src/config-types.generated.ts from schema/deployforge.schema.json.
//   node scripts/gen-config-types.mjs          write the file
//   node scripts/gen-config-types.mjs --check  write nothing; exit 1 if the committed file is stale
// The types describe the config as parseConfig() returns it: schema defaults are already applied,
// so a key with a default (or a default derived from other keys, `x-derived-default`) is not optional, and an empty platform block (`npm:`) is `{}`, never null.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_PATH = `${root}schema/deployforge.schema.json`;
export const TYPES_PATH = `${root}packages/config/src/config-types.generated.ts`;

const HEADER = `// Generated from schema/deployforge.schema.json by scripts/gen-config-types.mjs. Do not edit.
// Regenerate with: node scripts/gen-config-types.mjs
// These are the types of LoadedConfig.config: defaults applied, empty platform blocks turned into {}.
`;

/** The schema as the loader's output looks: defaulted keys required, null blocks gone. */
function loadedShape(node) {
  if (Array.isArray(node)) return node.map(loadedShape);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    // Our annotation keywords and examples mean nothing to TypeScript.
    if (key.startsWith('x-') || key === 'examples') continue;
    out[key] = loadedShape(value);
  }
  if (Array.isArray(out.type) && out.type.includes('object') && out.type.includes('null')) {
    out.type = 'object';
  }
  if (out.properties && typeof out.properties === 'object') {
    const defaulted = Object.entries(node.properties)
      .filter(([, schema]) => schema && typeof schema === 'object' && ('default' in schema || schema['x-derived-default'] === true))
      .map(([name]) => name);
    if (defaulted.length) out.required = [...new Set([...(out.required ?? []), ...defaulted])];
  }
  return out;
}

export async function renderConfigTypes(schema) {
  const body = await compile(loadedShape(structuredClone(schema)), 'DeployforgeConfig', {
    bannerComment: '',
    additionalProperties: false,
    unreachableDefinitions: false,
    // A tuple type for `minItems: 1` would make every consumer prove non-emptiness; the loader already did.
    ignoreMinAndMaxItems: true,
    style: { singleQuote: true, printWidth: 110 },
  });
  return `${HEADER}\n${body}`;
}

async function main() {
  const schema = JSON.parse(await readFile(SCHEMA_PATH, 'utf8'));
  const fresh = await renderConfigTypes(schema);
  if (process.argv.includes('--check')) {
    const committed = await readFile(TYPES_PATH, 'utf8').catch(() => '');
    if (committed !== fresh) {
      console.error('packages/config/src/config-types.generated.ts is stale. Fix: node scripts/gen-config-types.mjs');
      process.exit(1);
    }
    return;
  }
  await writeFile(TYPES_PATH, fresh);
  console.log('wrote packages/config/src/config-types.generated.ts');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
