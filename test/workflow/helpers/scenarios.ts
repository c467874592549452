import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type LoadedConfig } from '@deployforge/config';
import { renderReleaseWorkflow } from '@deployforge/workflow';
import { parse } from 'yaml';

const ROOT = new URL('../../../', import.meta.url).pathname;
const FIXTURES = 'test/fixtures/workflow-scenarios';

export interface Scenario {
  name: string;
  /** Repository-relative path of the scenario's deployforge.yml. */
  configPath: string;
}

/** Both examples plus every folder of test/fixtures/workflow-scenarios, in a stable order. */
export const SCENARIOS: Scenario[] = [
  { name: 'example-rust-cli', configPath: 'examples/rust-cli/deployforge.yml' },
  { name: 'example-go-cli', configPath: 'examples/go-cli/deployforge.yml' },
  ...readdirSync(join(ROOT, FIXTURES)).sort().map((name) => ({ name, configPath: `${FIXTURES}/${name}/deployforge.yml` })),
];

export interface RenderedScenario {
  loaded: LoadedConfig;
  text: string;
  /** The workflow parsed back to plain data, for semantic asserts. */
  workflow: ParsedWorkflow;
}

export interface ParsedStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface ParsedJob {
  name?: string;
  needs?: string | string[];
  if?: string;
  'runs-on': string;
  environment?: string;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  strategy?: { 'fail-fast'?: boolean; matrix?: unknown };
  steps: ParsedStep[];
}

export interface ParsedWorkflow {
  name: string;
  on: Record<string, any>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, ParsedJob>;
}

/** Render a scenario as `generate` would in that project's root (config at deployforge.yml). */
export async function renderScenario(scenario: Scenario): Promise<RenderedScenario> {
  const loaded = await loadConfig(join(ROOT, scenario.configPath));
  const text = renderReleaseWorkflow(loaded);
  return { loaded, text, workflow: parse(text) as ParsedWorkflow };
}

export function needsOf(job: ParsedJob): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}
