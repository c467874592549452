import { expect } from 'vitest';
import { FULL_SHA } from '@deployforge/workflow';
import type { ParsedWorkflow } from './scenarios.js';

/**
 * DESIGN.md "Security", checked on the parsed workflow: shared by the generated workflows and the
 * starter workflow, which must pass the same audit.
 */
export function expectSecureWorkflow(workflow: ParsedWorkflow, oidcJobs: ReadonlySet<string>): void {
  expect(workflow.permissions).toEqual({});
  expect(workflow.concurrency['cancel-in-progress']).toBe(false);
  expect(workflow.concurrency.group).toMatch(/^deployforge-release-/);
  expect(Object.keys(workflow.on).sort()).toEqual(['push', 'workflow_dispatch']);

  for (const [id, job] of Object.entries(workflow.jobs)) {
    expect(job.permissions, `${id} declares its permissions`).toBeDefined();
    expect(job.permissions?.['id-token'] === 'write', `${id}: id-token only on OIDC publish jobs and the attesting hub`).toBe(oidcJobs.has(id));
    for (const [i, step] of job.steps.entries()) {
      const where = `${id}.steps[${i}]`;
      if (step.run !== undefined) expect(step.run, `${where}: no expression inside run:`).not.toContain('${{');
      if (step.uses !== undefined && !step.uses.startsWith('./')) {
        const [repo, ref] = step.uses.split('@');
        if (repo!.startsWith('actions/')) expect(ref, `${where}: ${step.uses} pinned to a full SHA`).toMatch(FULL_SHA);
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

/** Every `uses:` line of a third-party action carries the `# vX.Y.Z` its SHA stands for. */
export function expectVersionComments(text: string): void {
  for (const line of text.split('\n')) {
    const m = /uses: (actions\/[^@\s]+)@(\S+)(.*)$/.exec(line);
    if (m) expect(m[3], line).toMatch(/^ # v\d+\.\d+\.\d+$/);
  }
}
