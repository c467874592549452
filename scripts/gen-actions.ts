#!/usr/bin/env -S npx tsx
// Generates actions/publish-<platform>/action.yml, their entry files, and the root action.yml from
// the platform catalog, so every publish action has the same inputs and outputs and none drifts.
// Usage: npx tsx scripts/gen-actions.ts [--check]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderActionFiles } from '../packages/actions/src/runtime/render-action-files.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;
for (const file of renderActionFiles()) {
  const path = join(root, file.path);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === file.contents) continue;
  stale++;
  if (check) {
    console.error(`stale: ${file.path}`);
    continue;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.contents);
  console.log(`wrote ${file.path}`);
}
if (check && stale > 0) {
  console.error(`${stale} generated action file(s) are stale: run npx tsx scripts/gen-actions.ts`);
  process.exit(1);
}
