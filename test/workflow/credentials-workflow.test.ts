import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { createPlan } from '@deployforge/plan';
import { parseVersionInput } from '@deployforge/version';
import { planOutputs } from '@deployforge/workflow';
import { simulateRun } from './helpers/job-scheduler.js';
import { SCENARIOS, needsOf, renderScenario, type ParsedJob } from './helpers/scenarios.js';

/*
 * Issue 15 item 3 and issue 22 item 8 in the generated workflow: the plan job sees the publish
 * environment's secrets, required credentials elsewhere are checked in their own environment
 * before the build, and trusted publishing replaces the token instead of sitting next to it.
 */

const scenario = (name: string) => renderScenario(SCENARIOS.find((s) => s.name === name)!);
const publishStep = (job: ParsedJob) => job.steps.find((s) => s.id === 'publish')!;

describe('trusted publishing (22.8)', () => {
  test('declared: id-token: write and no token; not declared: the token and no id-token', async () => {
    const { workflow } = await scenario('trusted-publishing');
    for (const id of ['publish-npm', 'publish-pypi']) {
      const job = workflow.jobs[id]!;
      expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
      const secrets = Object.values(publishStep(job).with ?? {}).filter((v) => String(v).includes('secrets.'));
      expect(secrets, `${id} holds no long-lived token`).toEqual(['${{ secrets.GITHUB_TOKEN }}']);
    }
    const crates = workflow.jobs['publish-crates']!;
    expect(crates.permissions).toEqual({ contents: 'read' });
    expect(publishStep(crates).with?.['cargo-registry-token']).toBe('${{ secrets.CARGO_REGISTRY_TOKEN }}');
  });

  test('the plan job counts OIDC only when some spoke declares it, and asks only about the tokens jobs receive', async () => {
    const trusted = (await scenario('trusted-publishing')).workflow.jobs.plan!;
    expect(trusted.env?.DEPLOYFORGE_HAS_OIDC).toBe('true');
    expect(trusted.env?.DEPLOYFORGE_HAS_CARGO_REGISTRY_TOKEN).toBe("${{ secrets.CARGO_REGISTRY_TOKEN != '' }}");
    expect(trusted.env).not.toHaveProperty('DEPLOYFORGE_HAS_NPM_TOKEN');
    // The reference example declares none: npm, PyPI and crates.io get their tokens, and a spoke
    // with neither a token nor trusted publishing is flagged by the plan.
    const { workflow } = await scenario('example-rust-cli');
    expect(workflow.jobs.plan!.env).not.toHaveProperty('DEPLOYFORGE_HAS_OIDC');
    expect(workflow.jobs['publish-npm']!.permissions).toEqual({ contents: 'read' });
    expect(publishStep(workflow.jobs['publish-npm']!).with?.['npm-token']).toBe('${{ secrets.NPM_TOKEN }}');
  });
});

describe('the plan job sees what the publish jobs see (15.3)', () => {
  test('it runs in the publish environment and tells the plan which one that is', async () => {
    for (const [name, environment] of [['example-rust-cli', 'release'], ['trusted-publishing', 'release'], ['environments', 'production']] as const) {
      const plan = (await scenario(name)).workflow.jobs.plan!;
      expect(plan.environment, name).toBe(environment);
      expect(plan.env?.DEPLOYFORGE_SECRETS_ENVIRONMENT, name).toBe(environment);
      expect(plan.permissions, name).toEqual({ contents: 'read' });
    }
  });

  test('required spokes in other environments get a check job there, and nothing is built before it passes', async () => {
    const { workflow } = await scenario('environments');
    // npm (npm-publish), docker (containers) and the custom deploy (staging) are required and hold
    // secrets; pypi is optional, homebrew runs in the plan job's own environment.
    expect(Object.keys(workflow.jobs).filter((id) => id.startsWith('credentials-'))).toEqual(['credentials-containers', 'credentials-npm-publish', 'credentials-staging']);
    expect(needsOf(workflow.jobs.build!)).toEqual(['plan', 'credentials-containers', 'credentials-npm-publish', 'credentials-staging']);
    const check = workflow.jobs['credentials-npm-publish']!;
    expect(check).toMatchObject({ environment: 'npm-publish', permissions: {}, needs: 'plan' });
    expect(check.if).toBeUndefined();
    expect(check.steps[0]!.env).toEqual({
      DEPLOYFORGE_PUBLISH_NPM: '${{ needs.plan.outputs.publish-npm }}',
      DEPLOYFORGE_HAS_NPM_TOKEN: "${{ secrets.NPM_TOKEN != '' }}",
    });
  });

  test("the check job's script fails only for a chosen required spoke without its credential", async () => {
    const { workflow } = await scenario('environments');
    const run = (job: string, env: Record<string, string>) => {
      const step = workflow.jobs[job]!.steps[0]!;
      const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', step.run!], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
      return { code: result.status, out: result.stdout };
    };
    const missing = run('credentials-npm-publish', { DEPLOYFORGE_PUBLISH_NPM: 'true', DEPLOYFORGE_HAS_NPM_TOKEN: 'false' });
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/^::error title=npm has no credential::npm is required, but its secret is set neither in the npm-publish environment nor for the repository; missing credential: set NPM_TOKEN .*\. Nothing was built or published\.$/m);
    expect(run('credentials-npm-publish', { DEPLOYFORGE_PUBLISH_NPM: 'true', DEPLOYFORGE_HAS_NPM_TOKEN: 'true' })).toEqual({ code: 0, out: '' });
    // Not chosen (a redeploy of other platforms, or already published): nothing to check.
    expect(run('credentials-npm-publish', { DEPLOYFORGE_PUBLISH_NPM: 'false', DEPLOYFORGE_HAS_NPM_TOKEN: 'false' }).code).toBe(0);
    // Docker needs both of its secrets: one alone is still missing.
    expect(run('credentials-containers', { DEPLOYFORGE_PUBLISH_DOCKER: 'true', DEPLOYFORGE_HAS_DOCKER_USERNAME: 'true', DEPLOYFORGE_HAS_DOCKER_PASSWORD: 'false' }).code).toBe(1);
    expect(run('credentials-containers', { DEPLOYFORGE_PUBLISH_DOCKER: 'true', DEPLOYFORGE_HAS_DOCKER_USERNAME: 'true', DEPLOYFORGE_HAS_DOCKER_PASSWORD: 'true' }).code).toBe(0);
    // A custom entry needs every secret it lists (as the plan does), and the message names the entry.
    const custom = run('credentials-staging', { DEPLOYFORGE_PUBLISH_CUSTOM_DEPLOY: 'true', DEPLOYFORGE_HAS_DEPLOY_KEY: 'true', DEPLOYFORGE_HAS_DEPLOY_HOST: 'false' });
    expect(custom.code).toBe(1);
    expect(custom.out).toMatch(/^::error title=custom:deploy has no credential::custom:deploy is required.*DEPLOY_HOST/m);
    expect(run('credentials-staging', { DEPLOYFORGE_PUBLISH_CUSTOM_DEPLOY: 'true', DEPLOYFORGE_HAS_DEPLOY_KEY: 'true', DEPLOYFORGE_HAS_DEPLOY_HOST: 'true' }).code).toBe(0);
  });

  test('a failed check stops build, hub and every spoke; the summary still runs', async () => {
    const { loaded, workflow } = await scenario('environments');
    const plan = createPlan({
      loaded, version: parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'version' }), trigger: 'tag', selection: { kind: 'all' },
      existence: { github: { state: 'absent' } },
    });
    const results = simulateRun(workflow, {
      github: { event_name: 'push', ref: 'refs/tags/v1.0.0', ref_name: 'v1.0.0' },
      inputs: {},
      behaviour: { plan: { outputs: planOutputs(plan, loaded.config) }, 'credentials-npm-publish': { result: 'failure' } },
    });
    expect(results.build).toBe('skipped');
    expect(results.release).toBe('skipped');
    expect(Object.entries(results).filter(([id, r]) => id.startsWith('publish-') && r !== 'skipped')).toEqual([]);
    expect(results.summarize).toBe('success');
  });
});
