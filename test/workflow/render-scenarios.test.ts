import { describe, expect, test } from 'vitest';
import { PLATFORMS } from '@deployforge/catalog';
import { createPlan } from '@deployforge/plan';
import { parseVersionInput } from '@deployforge/version';
import { renderReleaseWorkflow, workflowSpokes } from '@deployforge/workflow';
import { actionlint } from './helpers/actionlint.js';
import { workflowParserErrors } from './helpers/load-workflow-parser.js';
import { SCENARIOS, needsOf, renderScenario } from './helpers/scenarios.js';
import { expectSecureWorkflow, expectVersionComments, signingJobs, signs, trustedPublishingPlatforms } from './helpers/security-asserts.js';

describe.each(SCENARIOS)('release.yml for $name', (scenario) => {
  test('actionlint finds nothing', async () => {
    const { text } = await renderScenario(scenario);
    expect(await actionlint(text)).toEqual([]);
  });

  test("GitHub's workflow parser accepts it", async () => {
    const { text } = await renderScenario(scenario);
    expect(await workflowParserErrors('release.yml', text)).toEqual([]);
  });

  test('matches the committed snapshot', async () => {
    // Nothing volatile to blank: no dates, versions or hashes other than the pinned SHAs, which
    // are meant to show up in the diff when they change.
    const { text } = await renderScenario(scenario);
    await expect(text).toMatchFileSnapshot(`__snapshots__/${scenario.name}.release.yml`);
  });

  test('is byte-stable', async () => {
    const first = await renderScenario(scenario);
    expect(renderReleaseWorkflow(first.loaded)).toBe(first.text);
  });

  test('job graph: plan → build → (sign) → release → every spoke → summarize', async () => {
    const { loaded, workflow } = await renderScenario(scenario);
    const spokes = workflowSpokes(loaded);
    const publishIds = spokes.map((s) => s.jobId);
    const signed = signs(loaded.config);
    const sign = signed ? ['sign'] : [];
    // Credential checks in the environments of required spokes the plan job cannot see (credential-check-jobs.ts).
    const checks = Object.keys(workflow.jobs).filter((id) => id.startsWith('credentials-'));
    // status.branch / status.pages (issue 23): one job after summarize publishes the dashboard.
    const status = loaded.config.status?.branch ? ['status-branch'] : loaded.config.status?.pages ? ['status-pages'] : [];
    expect(Object.keys(workflow.jobs)).toEqual(['plan', ...checks, 'build', ...sign, 'release', ...publishIds, 'summarize', ...status]);
    for (const id of status) {
      expect(needsOf(workflow.jobs[id]!)).toEqual(['summarize']);
      expect(workflow.jobs[id]!.if).toBe("${{ !cancelled() && needs.summarize.outputs.publish == 'true' }}");
      expect(workflow.jobs.summarize!.outputs).toEqual({ publish: '${{ steps.summarize.outputs.publish }}' });
    }

    const { plan, build, release, summarize } = workflow.jobs;
    expect(needsOf(plan!)).toEqual([]);
    expect(needsOf(build!)).toEqual(['plan', ...checks]);
    expect(build!.strategy).toEqual({ 'fail-fast': false, matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}' });
    expect(build!['runs-on']).toBe('${{ matrix.runs-on }}');
    expect(needsOf(release!)).toEqual(['plan', 'build', ...sign]);
    // Provenance and signatures are made in the sign job: the hub only writes the release.
    expect(release!.permissions).toEqual({ contents: 'write' });
    if (signed) {
      expect(needsOf(workflow.jobs.sign!)).toEqual(['plan', 'build']);
      expect(workflow.jobs.sign!.if).toBe(release!.if);
    }

    for (const spoke of spokes) {
      const job = workflow.jobs[spoke.jobId]!;
      expect(needsOf(job)).toEqual(['plan', 'release']);
      expect(job.if).toBe(
        `always() && needs.plan.result == 'success' && (needs.release.result == 'success' || (needs.release.result == 'skipped' && needs.plan.outputs.release-needed == 'false')) && needs.plan.outputs.${spoke.jobId} == 'true'`,
      );
      expect(job.environment).toBe(spoke.environment);
      expect(plan!.outputs?.[spoke.jobId]).toBe(`\${{ steps.plan.outputs.${spoke.jobId} }}`);
      const publish = job.steps.find((s) => s.id === 'publish')!;
      expect(publish.uses).toMatch(spoke.instance ? /\/actions\/publish-custom@/ : new RegExp(`/actions/publish-${spoke.platform}@`));
      // Trusted publishing declared: the job gets no token at all (22.8).
      const trusted = trustedPublishingPlatforms(loaded.config).has(spoke.platform);
      for (const c of PLATFORMS[spoke.platform].credentials) {
        if (trusted) {
          expect(Object.values(publish.with ?? {})).not.toContain(`\${{ secrets.${c.name} }}`);
          continue;
        }
        expect(Object.values(publish.with ?? {})).toContain(`\${{ secrets.${c.name} }}`);
        expect(plan!.env?.[`DEPLOYFORGE_HAS_${c.name}`]).toBe(`\${{ secrets.${c.name} != '' }}`);
      }
    }
    expect(summarize!.if).toBe('always()');
    expect(needsOf(summarize!)).toEqual(['plan', ...checks, 'build', ...sign, 'release', ...publishIds]);
    expect(summarize!.steps.find((s) => s.id === 'summarize')?.with?.results).toBe('${{ toJSON(needs) }}');
  });

  test('security by construction', async () => {
    const { loaded, workflow, text } = await renderScenario(scenario);
    const { oidc, attesting } = signingJobs(loaded);
    expectSecureWorkflow(workflow, oidc, attesting);
    expectVersionComments(text);
    // The plan job only ever sees whether a secret is set, never its value.
    const planText = JSON.stringify(workflow.jobs.plan);
    expect(planText.match(/secrets\.[A-Z0-9_]+(?![A-Z0-9_])(?! != '')/g) ?? []).toEqual([]);
    expect(text).not.toMatch(/pull_request_target|workflow_run/);
  });

  test('triggers follow the tag prefix', async () => {
    const { loaded, workflow } = await renderScenario(scenario);
    const prefix = loaded.config.version['tag-prefix'];
    expect(workflow.on.push).toEqual({ tags: [`${prefix}[0-9]*`] });
    expect(Object.keys(workflow.on.workflow_dispatch.inputs)).toEqual(['version', 'platforms', 'force', 'dry-run']);
    expect(workflow.jobs.plan!.steps[0]?.env?.DEPLOYFORGE_TAG_PREFIX).toBe(prefix);
  });

  test('environments are the ones the plan assigns', async () => {
    const { loaded } = await renderScenario(scenario);
    const plan = createPlan({
      loaded, version: parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'version' }), trigger: 'tag', selection: { kind: 'all' },
    });
    const fromPlan = Object.fromEntries(plan.spokes.map((s) => [s.key, s.environment]));
    for (const spoke of workflowSpokes(loaded)) {
      expect(spoke.environment).toBe(fromPlan[spoke.key]);
    }
  });
});

test('the linters are live: a broken workflow is reported', async () => {
  const { text } = await renderScenario(SCENARIOS[0]!);
  const broken = text.replace("needs.plan.outputs.build-needed == 'true'", "needs.nowhere.outputs.build-needed == 'true'");
  expect((await actionlint(broken)).map((r) => r.kind)).toContain('expression');
  expect(await workflowParserErrors('release.yml', text.replace('runs-on: ubuntu-latest', 'runs-in: ubuntu-latest'))).not.toEqual([]);
});
