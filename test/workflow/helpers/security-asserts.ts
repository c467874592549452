import { expect } from 'vitest';
import type { DeployforgeConfig, LoadedConfig } from '@deployforge/config';
import { FULL_SHA, workflowSpokes } from '@deployforge/workflow';
import type { ParsedWorkflow } from './scenarios.js';

/** Whether a config asks for the sign job (issue 11), read from the config, not from the generator. */
export function signs(config: DeployforgeConfig): boolean {
  return config.release?.attest === true || config.release?.sign === true || config.release?.['gpg-key'] !== undefined;
}

/** The platforms whose config block says `trusted-publishing: true`, read from the config itself. */
export function trustedPublishingPlatforms(config: DeployforgeConfig): Set<string> {
  const blocks = (config.platforms ?? {}) as Record<string, { 'trusted-publishing'?: boolean } | null | undefined>;
  return new Set((['npm', 'pypi', 'crates'] as const).filter((p) => blocks[p]?.['trusted-publishing'] === true));
}

/**
 * Which jobs may hold `id-token: write` and `attestations: write`, from the config: the publish
 * jobs of platforms that declare trusted publishing (22.8: not those that merely could); the sign
 * job when it attests or signs keylessly; the docker job when it attests or signs its images.
 */
export function signingJobs(loaded: LoadedConfig): { oidc: Set<string>; attesting: Set<string> } {
  const { config } = loaded;
  const spokes = workflowSpokes(loaded);
  const trusted = trustedPublishingPlatforms(config);
  const oidc = new Set(spokes.filter((s) => trusted.has(s.platform)).map((s) => s.jobId));
  const attesting = new Set<string>();
  const attest = config.release?.attest === true;
  if (attest || config.release?.sign === true) oidc.add('sign');
  if (attest) attesting.add('sign');
  if (spokes.some((s) => s.platform === 'docker')) {
    if (attest || config.platforms?.docker?.sign === true) oidc.add('publish-docker');
    if (attest) attesting.add('publish-docker');
  }
  // status.pages (and no branch): deploy-pages proves where the site comes from with an OIDC token.
  if (config.status?.pages === true && config.status.branch === undefined) oidc.add('status-pages');
  return { oidc, attesting };
}

/**
 * DESIGN.md "Security", checked on the parsed workflow: shared by the generated workflows and the
 * starter workflow, which must pass the same audit.
 */
export function expectSecureWorkflow(workflow: ParsedWorkflow, oidcJobs: ReadonlySet<string>, attestingJobs: ReadonlySet<string> = new Set()): void {
  expect(workflow.permissions).toEqual({});
  expect(workflow.concurrency['cancel-in-progress']).toBe(false);
  expect(workflow.concurrency.group).toMatch(/^deployforge-release-/);
  expect(Object.keys(workflow.on).sort()).toEqual(['push', 'workflow_dispatch']);

  for (const [id, job] of Object.entries(workflow.jobs)) {
    expect(job.permissions, `${id} declares its permissions`).toBeDefined();
    expect(job.permissions?.['id-token'] === 'write', `${id}: id-token only on OIDC publish jobs and the jobs that attest or sign`).toBe(oidcJobs.has(id));
    expect(job.permissions?.attestations === 'write', `${id}: attestations only on the jobs that attest`).toBe(attestingJobs.has(id));
    // The release is written by the hub alone; signing, building and publishing only read it. The
    // job that commits the dashboard to its branch (status.branch) writes contents and nothing else.
    expect(job.permissions?.contents === 'write', `${id}: contents: write only on the hub and the status branch job`).toBe(id === 'release' || id === 'status-branch');
    if (id === 'status-branch') expect(job.permissions).toEqual({ contents: 'write' });
    // Pages: written by the Pages job alone, with its OIDC token and nothing else; read by summarize.
    if (id === 'status-pages') expect(job.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    else expect(job.permissions?.pages === 'write', `${id}: pages: write only on status-pages`).toBe(false);
    if (job.permissions?.pages === 'read') expect(id).toBe('summarize');
    for (const [i, step] of job.steps.entries()) {
      const where = `${id}.steps[${i}]`;
      if (step.run !== undefined) expect(step.run, `${where}: no expression inside run:`).not.toContain('${{');
      if (step.uses !== undefined && !isOwnAction(step.uses)) {
        const [, ref] = step.uses.split('@');
        expect(ref, `${where}: ${step.uses} pinned to a full SHA`).toMatch(FULL_SHA);
      }
      if (step.uses?.startsWith('actions/checkout@')) {
        expect(step.with?.['persist-credentials'], `${where}: checkout keeps no token`).toBe(false);
      }
      expect(step.uses ?? '', `${where}: no caches`).not.toMatch(/^actions\/cache[@/]/);
      if (step.uses?.startsWith('actions/setup-node@')) expect(step.with?.['package-manager-cache']).toBe(false);
    }
    if (id.startsWith('publish-')) {
      expect(job.environment, `${id} runs in an environment`).toEqual(expect.any(String));
      expect(job.permissions?.contents).toBe('read');
    }
  }
}

/** Our own actions are versioned with the workflow (`--actions-ref`); everything else is third-party. */
function isOwnAction(uses: string): boolean {
  return uses.startsWith('./') || /^deployforge\/deployforge(?:\/|@)/.test(uses);
}

/** Every `uses:` line of a third-party action carries the `# vX.Y.Z` its SHA stands for. */
export function expectVersionComments(text: string): void {
  let thirdParty = 0;
  for (const line of text.split('\n')) {
    const m = /uses: ([^@\s]+@\S+)(.*)$/.exec(line);
    if (!m || isOwnAction(m[1]!)) continue;
    thirdParty += 1;
    expect(m[2], line).toMatch(/^ # v\d+\.\d+\.\d+$/);
  }
  expect(thirdParty, 'the workflow uses third-party actions (checkout at least)').toBeGreaterThan(0);
}
