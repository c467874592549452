import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { createPlan } from '@deployforge/plan';
import { parseVersionInput } from '@deployforge/version';
import { planOutputs, renderStarterWorkflow, starterWorkflowProperties } from '@deployforge/workflow';
import { parse } from 'yaml';
import { actionlint } from './helpers/actionlint.js';
import { simulateRun } from './helpers/job-scheduler.js';
import { workflowParserErrors } from './helpers/load-workflow-parser.js';
import { SCENARIOS, renderScenario, type ParsedWorkflow } from './helpers/scenarios.js';
import { expectSecureWorkflow, expectVersionComments } from './helpers/security-asserts.js';

const DIR = new URL('../../workflows-templates/', import.meta.url);

describe('starter workflow (workflows-templates/)', () => {
  test('the committed files are what renderStarterWorkflow writes', async () => {
    expect(await readFile(new URL('deployforge-release.yml', DIR), 'utf8')).toBe(renderStarterWorkflow());
    expect(await readFile(new URL('deployforge-release.properties.json', DIR), 'utf8')).toBe(starterWorkflowProperties());
  });

  test("properties follow GitHub's starter-workflow format", () => {
    const props = JSON.parse(starterWorkflowProperties()) as Record<string, unknown>;
    expect(Object.keys(props).sort()).toEqual(['categories', 'description', 'filePatterns', 'iconName', 'name']);
    expect(props.filePatterns).toEqual(['deployforge.yml$']);
  });

  test('actionlint and the workflow parser accept it', async () => {
    const text = await readFile(new URL('deployforge-release.yml', DIR), 'utf8');
    expect(await actionlint(text, 'workflows-templates/deployforge-release.yml')).toEqual([]);
    expect(await workflowParserErrors('deployforge-release.yml', text)).toEqual([]);
  });

  test('passes the same security audit; the publish matrix passes each leg only its own secret', () => {
    const text = renderStarterWorkflow();
    const workflow = parse(text) as ParsedWorkflow;
    expectSecureWorkflow(workflow, new Set(['publish']));
    expectVersionComments(text);
    expect(Object.keys(workflow.jobs)).toEqual(['plan', 'build', 'release', 'publish', 'summarize']);
    const publish = workflow.jobs.publish!;
    expect(publish.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.publish-matrix) }}');
    const inputs = publish.steps.find((s) => s.id === 'publish')!.with!;
    expect(inputs.platform).toBe('${{ matrix.key }}');
    for (const [name, value] of Object.entries(inputs)) {
      // A leg of a platform that declares trusted publishing gets no token (22.8): the plan's matrix row says so.
      if (String(value).includes('secrets.') && name !== 'github-token') expect(String(value)).toMatch(/^\$\{\{ \(matrix\.platform == '[a-z-]+'.*\)(?: && !matrix\.trusted-publishing)? && secrets\.[A-Z_]+ \|\| '' \}\}$/);
    }
    expect(inputs['npm-token']).toBe("${{ (matrix.platform == 'npm') && !matrix.trusted-publishing && secrets.NPM_TOKEN || '' }}");
    expect(inputs['homebrew-tap-token']).toBe("${{ (matrix.platform == 'homebrew') && secrets.HOMEBREW_TAP_TOKEN || '' }}");
    expect(workflow.jobs.plan!.environment).toBe('release');
    expect(workflow.jobs.plan!.env?.DEPLOYFORGE_HAS_OIDC).toBe('true');
  });

  test('selective redeploy: only the chosen spokes are in the publish matrix, build and hub skipped', async () => {
    const rust = await renderScenario(SCENARIOS[0]!);
    const plan = createPlan({
      loaded: rust.loaded, version: parseVersionInput('0.1.0', { tagPrefix: 'v', origin: 'version' }), trigger: 'dispatch',
      selection: { kind: 'some', keys: ['homebrew', 'scoop'] }, existence: { github: { state: 'identical' } },
    });
    const outputs = planOutputs(plan, rust.loaded.config);
    expect(JSON.parse(outputs['publish-matrix']!).include.map((r: { key: string }) => r.key)).toEqual(['homebrew', 'scoop']);
    const results = simulateRun(parse(renderStarterWorkflow()) as ParsedWorkflow, {
      github: { event_name: 'workflow_dispatch', ref: 'refs/heads/main', ref_name: 'main' },
      inputs: { version: '0.1.0', platforms: 'homebrew,scoop' },
      behaviour: { plan: { outputs } },
    });
    expect(results).toEqual({ plan: 'success', build: 'skipped', release: 'skipped', publish: 'success', summarize: 'success' });
  });
});
