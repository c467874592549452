import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { requiredFailures, type StatusDocument } from '@deployforge/status';
import { repoRoot, runActionBundle } from '../helpers/run-action-bundle.js';
import { needsText } from './summarize-fixtures.js';

/**
 * The committed dist/actions/summarize.js under node24, as the runner starts it: INPUT_* env,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the exit code. Needs `npm run build` first.
 */
async function summarize(fixture: string, extra: Record<string, string> = {}) {
  const workspace = mkdtempSync(join(tmpdir(), 'df-summarize-'));
  const run = await runActionBundle('summarize', {
    cwd: workspace,
    inputs: { results: needsText(fixture), config: join(repoRoot, 'examples/rust-cli/deployforge.yml'), ...extra },
  });
  return { run, workspace };
}

describe('the summarize action bundle', () => {
  test('all green: exit 0, job summary written, outputs status and badge, files in output-dir', async () => {
    const { run, workspace } = await summarize('all-green');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toContain('## DeployForge: hello-forge 1.2.3');
    expect(run.summary).toContain('✅ **Release complete.** **16/16 platforms ok**');
    const status = JSON.parse(run.outputs.status ?? '') as StatusDocument;
    expect(Object.values(status.platforms).every((p) => p.status === 'published')).toBe(true);
    expect(JSON.parse(run.outputs.badge ?? '')).toEqual({ schemaVersion: 1, label: 'release', message: '1.2.3 · 16/16 ok', color: 'brightgreen' });
    const dir = join(workspace, 'deployforge-status');
    for (const f of ['status.json', 'index.html', 'badge.json']) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'status.json'), 'utf8'))).toEqual(status);
    expect(run.stdout).not.toMatch(/^::(error|warning)/m);
  });

  test('required failure: exit 1 with ::error:: per required platform; the files are still written for upload', async () => {
    const { run, workspace } = await summarize('required-failure', { 'output-dir': 'out/status' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error title=npm failed \(required\)::npm \(required\) failed: /m);
    expect(run.stdout).toMatch(/^::error::required platform\(s\) failed: npm, pypi$/m);
    expect(run.summary).toContain('❌ **A required platform failed.**');
    const status = JSON.parse(readFileSync(join(workspace, 'out/status/status.json'), 'utf8')) as StatusDocument;
    expect(requiredFailures(status)).toEqual(['npm', 'pypi']);
  });

  test('needs-human: exit 0 with a warning annotation carrying the detail', async () => {
    const { run } = await summarize('needs-human');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::warning title=Chocolatey needs a person::Chocolatey: /m);
    expect(run.summary).toContain('### ⚠️ Needs a person');
  });

  test('plan failed: exit 0 (the plan job already failed), a warning, and the platforms listed from the config', async () => {
    const { run } = await summarize('plan-failed');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::warning title=The plan failed and nothing was released::/m);
    const status = JSON.parse(run.outputs.status ?? '') as StatusDocument;
    expect(status).toMatchObject({ project: 'hello-forge', plan: { status: 'failed' } });
  });

  test('bad results input: exit 2 naming the input', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'df-summarize-'));
    const run = await runActionBundle('summarize', { cwd: workspace, inputs: { results: '{"plan": {"result": "maybe"}}' } });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('results: job "plan": expected {"result": success|failure|cancelled|skipped');
  });
});
