import { readdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '@deployforge/config';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { createPlan } from '@deployforge/plan';
import { runSnapshot } from '@deployforge/runner';
import { parseVersionInput } from '@deployforge/version';
import { renderReleaseWorkflow } from '@deployforge/workflow';
import { auditWorkflow } from '../audit/workflow-rules.js';
import { repoRoot } from '../helpers/repo-root.js';
import { actionlint } from './helpers/actionlint.js';
import { workflowParserErrors } from './helpers/load-workflow-parser.js';

const GO_TARGETS = ['linux-x64', 'linux-arm64', 'macos-x64', 'macos-arm64', 'windows-x64', 'windows-arm64'];

/** The Go example, with `build.cross` as given. */
function goConfig(cross: boolean | undefined) {
  let text = readFileSync(join(repoRoot, 'examples/go-cli/deployforge.yml'), 'utf8');
  if (cross !== undefined) text = text.replace(/^build:\n/m, `build:\n  cross: ${cross}\n`);
  return parseConfig(text, 'deployforge.yml');
}

interface Step { name?: string; id?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> }

describe('build.cross', () => {
  test('off: one matrix leg per target on its own runner (unchanged)', () => {
    const build = (parse(renderReleaseWorkflow(goConfig(undefined))) as { jobs: Record<string, { strategy?: unknown; 'runs-on': string }> }).jobs.build!;
    expect(build.strategy).toBeDefined();
    expect(build['runs-on']).toBe('${{ matrix.runs-on }}');
    expect(renderReleaseWorkflow(goConfig(false))).toBe(renderReleaseWorkflow(goConfig(undefined)));
  });

  test('on: every target built, packaged and uploaded in one job on one Linux runner, with GOOS/GOARCH and CGO_ENABLED=0', async () => {
    const text = renderReleaseWorkflow(goConfig(true));
    const build = (parse(text) as { jobs: Record<string, { strategy?: unknown; 'runs-on': string; needs: unknown; if: string; steps: Step[] }> }).jobs.build!;
    expect(build.strategy).toBeUndefined();
    expect(build['runs-on']).toBe('ubuntu-latest');
    expect(build.needs).toBe('plan');
    const builds = build.steps.filter((s) => s.run !== undefined);
    expect(builds.map((s) => s.env?.DEPLOYFORGE_TARGET)).toEqual(GO_TARGETS);
    for (const s of builds) {
      expect(s.env?.CGO_ENABLED).toBe('0');
      expect(s.run).toContain('go build');
    }
    expect(builds.find((s) => s.env?.DEPLOYFORGE_TARGET === 'windows-arm64')?.env).toMatchObject({ GOOS: 'windows', GOARCH: 'arm64' });
    expect(builds.find((s) => s.env?.DEPLOYFORGE_TARGET === 'macos-x64')?.env).toMatchObject({ GOOS: 'darwin', GOARCH: 'amd64' });
    // Each archive is packaged by the package action and uploaded under the name the release job collects.
    for (const t of GO_TARGETS) {
      const pack = build.steps.find((s) => s.id === `package-${t}`)!;
      expect(pack.with).toMatchObject({ target: t });
      const upload = build.steps.find((s) => s.with?.name === `deployforge-archive-${t}`)!;
      expect(upload.with?.path).toBe(`\${{ steps.package-${t}.outputs.archive }}`);
    }
    expect(await actionlint(text)).toEqual([]);
    expect(await workflowParserErrors('release.yml', text)).toEqual([]);
    expect(auditWorkflow(text)).toEqual([]);
  });

  test('the plan\'s matrix follows it: every row on the Linux runner', () => {
    const plan = createPlan({ loaded: goConfig(true), version: parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'test' }), trigger: 'local', selection: { kind: 'all' } });
    expect(new Set(plan.matrix.include.map((m) => m['runs-on']))).toEqual(new Set(['ubuntu-latest']));
    const perOs = createPlan({ loaded: goConfig(undefined), version: parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'test' }), trigger: 'local', selection: { kind: 'all' } });
    expect(perOs.matrix.include.find((m) => m.target === 'macos-arm64')?.['runs-on']).toMatch(/^macos/);
  });

  test('the local runner follows it: a snapshot builds every target with CGO_ENABLED=0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-cross-'));
    try {
      // A stand-in for go build (no Go here): it records what the build saw as the "binary".
      writeFileSync(join(dir, 'deployforge.yml'), [
        'project: { name: gizmo, repository: acme/gizmo }',
        'build:',
        '  binary: gizmo',
        `  targets: [${GO_TARGETS.join(', ')}]`,
        '  cross: true',
        '  command: mkdir -p "out/$DEPLOYFORGE_TARGET" && echo "$GOOS/$GOARCH cgo=$CGO_ENABLED" > "out/$DEPLOYFORGE_TARGET/gizmo"',
        '  path: out/${DEPLOYFORGE_TARGET}/gizmo',
        'release: { sbom: false }',
        'platforms: {}',
        '',
      ].join('\n'));
      const result = await runSnapshot({ configPath: 'deployforge.yml', flags: { version: '1.0.0' }, io: { cwd: dir, env: { PATH: process.env.PATH ?? '' } }, log: createMemoryLogger() });
      expect(result.targets).toEqual(GO_TARGETS);
      const archives = readdirSync(join(result.dir, 'github')).filter((f) => f !== 'SHA256SUMS');
      expect(archives).toHaveLength(GO_TARGETS.length);
      const linuxArm = execFileSync('tar', ['-xzOf', join(result.dir, 'github', 'gizmo-1.0.0-linux-arm64.tar.gz'), 'gizmo']).toString();
      expect(linuxArm.trim()).toBe('linux/arm64 cgo=0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
