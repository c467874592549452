import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '@deployforge/config';
import { renderReleaseWorkflow } from '@deployforge/workflow';
import { actionlint } from './helpers/actionlint.js';
import type { ParsedWorkflow } from './helpers/scenarios.js';

// platforms.custom.<name>.secrets in the generated workflow: each listed secret is mapped into that
// publish step's env (the command's environment), the plan job checks it is set like any credential,
// and no other job receives it.

const CONFIG = `
project: { name: deployer, repository: acme/deployer }
build: { targets: [linux-x64], command: cargo build --release, path: target/release/deployer }
platforms:
  npm: {}
  custom:
    railway:
      run: railway up --service "$DEPLOYFORGE_VERSION"
      secrets: [RAILWAY_TOKEN, RAILWAY_PROJECT_ID]
    docs:
      run: ./publish-docs.sh
`;

async function render(): Promise<{ text: string; workflow: ParsedWorkflow }> {
  const dir = mkdtempSync(join(tmpdir(), 'df-custom-secrets-wf-'));
  writeFileSync(join(dir, 'deployforge.yml'), CONFIG);
  const text = renderReleaseWorkflow(await loadConfig(join(dir, 'deployforge.yml')));
  return { text, workflow: parse(text) as ParsedWorkflow };
}

describe('custom secrets in the generated workflow', () => {
  test('the publish step gets them in its env, not as action inputs; the plan checks them; nobody else sees them', async () => {
    const { text, workflow } = await render();
    const step = workflow.jobs['publish-custom-railway']!.steps.find((s) => s.id === 'publish')!;
    expect(step.env).toEqual({ RAILWAY_TOKEN: '${{ secrets.RAILWAY_TOKEN }}', RAILWAY_PROJECT_ID: '${{ secrets.RAILWAY_PROJECT_ID }}' });
    expect(Object.keys(step.with ?? {})).not.toContain('railway-token');
    const plan = workflow.jobs.plan!;
    expect(plan.env?.DEPLOYFORGE_HAS_RAILWAY_TOKEN).toBe("${{ secrets.RAILWAY_TOKEN != '' }}");
    expect(plan.env?.DEPLOYFORGE_HAS_RAILWAY_PROJECT_ID).toBe("${{ secrets.RAILWAY_PROJECT_ID != '' }}");
    for (const [id, job] of Object.entries(workflow.jobs)) {
      if (id === 'publish-custom-railway' || id === 'plan') continue;
      expect(JSON.stringify(job), id).not.toContain('secrets.RAILWAY_');
    }
    expect(workflow.jobs['publish-custom-docs']!.steps.find((s) => s.id === 'publish')!.env).toBeUndefined();
    expect(await actionlint(text)).toEqual([]);
  });
});
