import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '@deployforge/config';
import { renderReleaseWorkflow } from '@deployforge/workflow';
import { auditWorkflow } from '../audit/workflow-rules.js';
import { repoRoot } from '../helpers/repo-root.js';
import { actionlint } from './helpers/actionlint.js';
import { workflowParserErrors } from './helpers/load-workflow-parser.js';
import type { ParsedWorkflow } from './helpers/scenarios.js';

/** The Rust example (every kind of job) with `workflow.pull-requests` set as given. */
function render(pullRequests: boolean | undefined): { text: string; workflow: ParsedWorkflow & { on: Record<string, unknown> } } {
  let text = readFileSync(join(repoRoot, 'examples/rust-cli/deployforge.yml'), 'utf8');
  if (pullRequests !== undefined) text = text.replace(/^workflow:\n/m, `workflow:\n  pull-requests: ${pullRequests}\n`);
  const loaded = parseConfig(text, 'deployforge.yml');
  const rendered = renderReleaseWorkflow(loaded);
  return { text: rendered, workflow: parse(rendered) as ParsedWorkflow & { on: Record<string, unknown> } };
}

describe('workflow.pull-requests', () => {
  test('off by default: no pull_request trigger, no check job, the release jobs unchanged', () => {
    const absent = render(undefined);
    expect(Object.keys(absent.workflow.on)).not.toContain('pull_request');
    expect(Object.keys(absent.workflow.jobs)).not.toContain('check-pull-request');
    expect(render(false).text).toBe(absent.text);
  });

  test('on: a check job for pull requests that holds no secret and can only read', () => {
    const { text, workflow } = render(true);
    expect(workflow.on.pull_request).toEqual({});
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
    const job = workflow.jobs['check-pull-request'] as unknown as Record<string, unknown> & { steps: { name?: string; run?: string; uses?: string; with?: Record<string, unknown> }[] };
    expect(job.if).toBe("github.event_name == 'pull_request'");
    expect(job.permissions).toEqual({ contents: 'read' });
    expect(job.environment).toBeUndefined();
    expect(job.needs).toBeUndefined();
    expect(job['timeout-minutes']).toBeGreaterThan(0);
    const jobText = JSON.stringify(job);
    expect(jobText).not.toMatch(/secrets\.|id-token/);
    // Every checkout keeps no credential; the CLI is the pinned DeployForge commit's.
    for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) expect(step.with?.['persist-credentials']).toBe(false);
    // The Rust example's build needs cargo: the toolchain is set up before the snapshot builds.
    expect(job.steps.map((s) => s.name)).toContain('Set up the Rust toolchain');
    expect(job.steps.map((s) => s.run).filter((r) => r?.startsWith('node '))).toEqual([
      'node "$DEPLOYFORGE_CLI" validate --config "$DEPLOYFORGE_CONFIG"',
      'node "$DEPLOYFORGE_CLI" plan --snapshot --config "$DEPLOYFORGE_CONFIG"',
      'node "$DEPLOYFORGE_CLI" generate --check',
      'node "$DEPLOYFORGE_CLI" release --snapshot --config "$DEPLOYFORGE_CONFIG"',
    ]);
    // Nothing of the release runs on a pull request: the plan is off (its dependants skip with
    // it), and summarize, which runs always(), is kept off explicitly.
    expect(workflow.jobs.plan?.if).toBe("github.event_name != 'pull_request'");
    expect(workflow.jobs.summarize?.if).toBe("always() && github.event_name != 'pull_request'");
    expect(text).toContain('pull_request:');
  });

  test('the workflow with the check job passes actionlint, GitHub\'s parser and the security audit', async () => {
    const { text } = render(true);
    expect(await actionlint(text)).toEqual([]);
    expect(await workflowParserErrors('release.yml', text)).toEqual([]);
    expect(auditWorkflow(text)).toEqual([]);
  });

  test('the audit catches the check job holding a secret or a credential-keeping checkout (the check can fail)', () => {
    const { text } = render(true);
    const leaky = text.replace('DEPLOYFORGE_CONFIG: deployforge.yml', 'DEPLOYFORGE_CONFIG: deployforge.yml\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}');
    expect(leaky).not.toBe(text);
    expect(auditWorkflow(leaky).map((f) => `${f.rule} ${f.where}`)).toContain('secret-outside-environment jobs.check-pull-request');
  });
});
