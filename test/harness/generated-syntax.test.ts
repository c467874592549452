// The harness implements the workflow syntax the generator emits, for every scenario the workflow
// tests render (both examples in full and every fixture), not only for the configs the scenario
// tests run: a generator change that emits something new fails here first, naming the key.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { SCENARIOS, renderScenario } from '../workflow/helpers/scenarios.js';
import { loadWorkflow } from './workflow-syntax.js';

const dir = mkdtempSync(join(tmpdir(), 'df-harness-syntax-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each(SCENARIOS.map((s) => [s.name, s] as const))('%s: within the syntax the harness runs', async (name, scenario) => {
  const file = join(dir, `${name}.yml`);
  writeFileSync(file, (await renderScenario(scenario)).text);
  expect(() => loadWorkflow(file)).not.toThrow();
});
