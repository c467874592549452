import { beforeAll, describe, expect, test } from 'vitest';
import { truthy } from '@actions/expressions/result';
import { createPlan, parsePlatformSelection, spokeKeys } from '@deployforge/plan';
import { parseVersionInput } from '@deployforge/version';
import { planOutputs } from '@deployforge/workflow';
import { evaluateExpression, simulateRun, type JobResult, type SimulatedRun } from './helpers/job-scheduler.js';
import { SCENARIOS, renderScenario, type RenderedScenario } from './helpers/scenarios.js';

/*
 * The generated `if:`s against GitHub's scheduling rules, with the plan job's outputs computed by
 * the real createPlan: plan and workflow are tested together, not against hand-written outputs.
 */

let rust: RenderedScenario;
let spokeJobs: string[];
beforeAll(async () => {
  rust = await renderScenario(SCENARIOS.find((s) => s.name === 'example-rust-cli')!);
  spokeJobs = spokeKeys(rust.loaded.config, rust.loaded.enabledPlatforms).map((s) => s.jobId);
});

const version = (v: string) => parseVersionInput(v, { tagPrefix: 'v', origin: 'version' });

function dispatch(inputs: Record<string, string | boolean>): SimulatedRun['github'] & { inputs: typeof inputs } {
  return { event_name: 'workflow_dispatch', ref: 'refs/heads/main', ref_name: 'main', inputs };
}

function ran(results: Record<string, JobResult>): string[] {
  return Object.entries(results).filter(([, r]) => r !== 'skipped').map(([id]) => id);
}

describe('job scheduling', () => {
  test('(a) tag push of a new version: every job runs', () => {
    const plan = createPlan({ loaded: rust.loaded, version: version('0.1.0'), trigger: 'tag', selection: { kind: 'all' }, existence: { github: { state: 'absent' } } });
    const results = simulateRun(rust.workflow, {
      github: { event_name: 'push', ref: 'refs/tags/v0.1.0', ref_name: 'v0.1.0' },
      inputs: {},
      behaviour: { plan: { outputs: planOutputs(plan, rust.loaded.config) } },
    });
    expect(Object.values(results).every((r) => r === 'success')).toBe(true);
    expect(ran(results)).toEqual(Object.keys(rust.workflow.jobs));
  });

  test('(b) dispatch platforms=homebrew,scoop on a complete release: no build, no hub, two spokes, summary', () => {
    const keys = spokeKeys(rust.loaded.config, rust.loaded.enabledPlatforms).map((k) => k.key);
    const plan = createPlan({
      loaded: rust.loaded, version: version('0.1.0'), trigger: 'dispatch',
      selection: parsePlatformSelection('homebrew,scoop', keys),
      existence: { github: { state: 'identical' } },
    });
    const outputs = planOutputs(plan, rust.loaded.config);
    expect(outputs).toMatchObject({ 'build-needed': 'false', 'release-needed': 'false', 'publish-homebrew': 'true', 'publish-scoop': 'true', 'publish-npm': 'false' });
    const results = simulateRun(rust.workflow, {
      github: dispatch({}), inputs: { version: '0.1.0', platforms: 'homebrew,scoop', force: false, 'dry-run': false },
      behaviour: { plan: { outputs } },
    });
    expect(results.build).toBe('skipped');
    // Skipped like the hub, and for the same reason: the spokes still run against the existing release.
    expect(results.sign).toBe('skipped');
    expect(results.release).toBe('skipped');
    expect(ran(results)).toEqual(['plan', 'publish-homebrew', 'publish-scoop', 'summarize']);
  });

  test('(b′) the DESIGN.md trap: with a default if:, a skipped hub would skip every spoke', () => {
    const plan = createPlan({
      loaded: rust.loaded, version: version('0.1.0'), trigger: 'dispatch',
      selection: { kind: 'some', keys: ['homebrew'] }, existence: { github: { state: 'identical' } },
    });
    const naive = structuredClone(rust.workflow);
    naive.jobs['publish-homebrew']!.if = "needs.plan.outputs.publish-homebrew == 'true'";
    const results = simulateRun(naive, {
      github: dispatch({}), inputs: { version: '0.1.0', platforms: 'homebrew' }, behaviour: { plan: { outputs: planOutputs(plan, rust.loaded.config) } },
    });
    expect(results['publish-homebrew']).toBe('skipped');
  });

  test('(c) dispatch platforms=bogus: the plan fails on the input, nothing but the summary runs', () => {
    const keys = spokeKeys(rust.loaded.config, rust.loaded.enabledPlatforms).map((k) => k.key);
    expect(() => parsePlatformSelection('bogus', keys)).toThrow(/"bogus" is not enabled/);
    const results = simulateRun(rust.workflow, {
      github: dispatch({}), inputs: { version: '0.1.0', platforms: 'bogus' },
      behaviour: { plan: { result: 'failure' } },
    });
    expect(results.plan).toBe('failure');
    expect(ran(results)).toEqual(['plan', 'summarize']);
  });

  test('(d) dispatch dry-run=true: the same jobs run, and every action is told dry-run', () => {
    const inputs = { version: '0.1.0', platforms: 'all', force: false, 'dry-run': true };
    const plan = createPlan({ loaded: rust.loaded, version: version('0.1.0'), trigger: 'dispatch', selection: { kind: 'all' }, dryRun: true, existence: { github: { state: 'absent' } } });
    const results = simulateRun(rust.workflow, { github: dispatch({}), inputs, behaviour: { plan: { outputs: planOutputs(plan, rust.loaded.config) } } });
    expect(ran(results)).toEqual(Object.keys(rust.workflow.jobs));
    const dryRunInputs = Object.entries(rust.workflow.jobs).flatMap(([id, job]) =>
      job.steps.filter((s) => s.with?.['dry-run'] !== undefined).map((s) => [id, String(s.with!['dry-run'])] as const));
    expect(dryRunInputs.map(([id]) => id)).toEqual(['plan', 'sign', 'release', ...spokeJobs]);
    for (const [, expression] of dryRunInputs) {
      expect(evaluateExpression(expression, { inputs }).coerceString()).toBe('true');
      // On a tag push `inputs` is empty: the action must get "false", never "".
      expect(evaluateExpression(expression, { inputs: {} }).coerceString()).toBe('false');
    }
  });

  test('a failed spoke blocks no other spoke, and the summary still runs', () => {
    const plan = createPlan({ loaded: rust.loaded, version: version('0.1.0'), trigger: 'tag', selection: { kind: 'all' } });
    const results = simulateRun(rust.workflow, {
      github: { event_name: 'push', ref: 'refs/tags/v0.1.0', ref_name: 'v0.1.0' }, inputs: {},
      behaviour: { plan: { outputs: planOutputs(plan, rust.loaded.config) }, 'publish-npm': { result: 'failure' } },
    });
    expect(results['publish-npm']).toBe('failure');
    expect(spokeJobs.filter((j) => j !== 'publish-npm').every((j) => results[j] === 'success')).toBe(true);
    expect(results.summarize).toBe('success');
  });

  test('a failed build leg stops the hub and every spoke: a skipped hub only counts when it was not needed', () => {
    const plan = createPlan({ loaded: rust.loaded, version: version('0.1.0'), trigger: 'tag', selection: { kind: 'all' } });
    const results = simulateRun(rust.workflow, {
      github: { event_name: 'push', ref: 'refs/tags/v0.1.0', ref_name: 'v0.1.0' }, inputs: {},
      behaviour: { plan: { outputs: planOutputs(plan, rust.loaded.config) }, build: { result: 'failure' } },
    });
    expect(ran(results)).toEqual(['plan', 'build', 'summarize']);
  });

  test('a failed sign job stops the hub and every spoke: nothing is released unsigned', () => {
    const plan = createPlan({ loaded: rust.loaded, version: version('0.1.0'), trigger: 'tag', selection: { kind: 'all' }, existence: { github: { state: 'absent' } } });
    const results = simulateRun(rust.workflow, {
      github: { event_name: 'push', ref: 'refs/tags/v0.1.0', ref_name: 'v0.1.0' }, inputs: {},
      behaviour: { plan: { outputs: planOutputs(plan, rust.loaded.config) }, sign: { result: 'failure' } },
    });
    expect(results.sign).toBe('failure');
    expect(results.release).toBe('skipped');
    expect(ran(results)).toEqual(['plan', 'build', 'sign', 'summarize']);
  });

  test('a failed build leg skips the sign job too', () => {
    const plan = createPlan({ loaded: rust.loaded, version: version('0.1.0'), trigger: 'tag', selection: { kind: 'all' } });
    const results = simulateRun(rust.workflow, {
      github: { event_name: 'push', ref: 'refs/tags/v0.1.0', ref_name: 'v0.1.0' }, inputs: {},
      behaviour: { plan: { outputs: planOutputs(plan, rust.loaded.config) }, build: { result: 'failure' } },
    });
    expect(results.sign).toBe('skipped');
  });

  // The dispatch ref itself is checked by running the plan job's first step (dispatch-ref.test.ts).
  test('the concurrency group of a dispatch (1.2.3 or v1.2.3) names the same tag as a push', () => {
    const group = rust.workflow.concurrency.group;
    const pushCtx = { github: { event_name: 'push', ref: 'refs/tags/v0.1.0', ref_name: 'v0.1.0' }, inputs: {} };
    const dispatchCtx = (version: string) => ({ github: { event_name: 'workflow_dispatch', ref: 'refs/heads/main', ref_name: 'main' }, inputs: { version } });
    const groupOf = (ctx: object) => evaluateExpression(`format('{0}', ${group.replace('deployforge-release-${{', '').replace(/}}$/, '')})`, ctx as Record<string, unknown>).coerceString();
    expect(groupOf(pushCtx)).toBe('v0.1.0');
    expect(groupOf(dispatchCtx('0.1.0'))).toBe('v0.1.0');
    expect(groupOf(dispatchCtx('v0.1.0'))).toBe('v0.1.0');
    expect(truthy(evaluateExpression("inputs.force == true", { inputs: {} }))).toBe(false);
  });
});
