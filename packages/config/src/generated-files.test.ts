import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const schema = JSON.parse(readFileSync(`${root}schema/deployforge.schema.json`, 'utf8')) as object;

/** The generator scripts are plain .mjs (runnable with bare node); load their render functions in memory. */
async function generator<T>(script: string, name: string): Promise<T> {
  const module = (await import(pathToFileURL(`${root}scripts/${script}`).href)) as Record<string, unknown>;
  return module[name] as T;
}

describe('generated files are fresh', () => {
  test('packages/config/src/config-types.generated.ts matches the schema', async () => {
    const render = await generator<(s: object) => Promise<string>>('gen-config-types.mjs', 'renderConfigTypes');
    const committed = readFileSync(`${root}packages/config/src/config-types.generated.ts`, 'utf8');
    expect(committed, 'stale generated types. Fix: node scripts/gen-config-types.mjs').toBe(await render(schema));
  });

  test('docs/configuration.md matches the schema', async () => {
    const render = await generator<(s: object) => string>('gen-config-docs.mjs', 'renderConfigDocs');
    const committed = readFileSync(`${root}docs/configuration.md`, 'utf8');
    expect(committed, 'stale configuration reference. Fix: node scripts/gen-config-docs.mjs').toBe(render(schema));
  });
});
