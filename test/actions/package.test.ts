import { chmodSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Logger } from '@deployforge/diagnostics';
import { loadPlanInputs } from '@deployforge/inputs';
import { createPlan } from '@deployforge/plan';
import { buildArtifacts } from '@deployforge/runner';
import { runActionBundle } from '../helpers/run-action-bundle.js';

// Issue 17.1: the generated build job's archive (dist/actions/package.js under node24) is the local
// runner's archive, byte for byte, even when the binary comes from another machine: other mtimes,
// other modes, another time zone. That is what lets "Re-run all jobs" converge at the hub.

const CONFIG = [
  'project: { name: hello, repository: acme/hello }',
  'build:',
  '  targets: [linux-x64, windows-x64]',
  '  command: "true"',
  '  path: out/${DEPLOYFORGE_TARGET}/hello',
  '  files: [README.md, docs/LICENSE]',
  'platforms: { npm: {} }',
  '',
].join('\n');

const silent: Logger = { info: () => {}, warning: () => {}, error: () => {}, debug: () => {}, group: (_t, fn) => fn() };

/** A checkout with built binaries, as one machine leaves it (`when` and `mode` are that machine's). */
function workspace(when: Date, binMode: number, docMode: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-package-'));
  writeFileSync(join(dir, 'deployforge.yml'), CONFIG);
  mkdirSync(join(dir, 'docs'));
  mkdirSync(join(dir, 'out/linux-x64'), { recursive: true });
  mkdirSync(join(dir, 'out/windows-x64'), { recursive: true });
  const files: [string, string, number][] = [
    ['README.md', '# hello\n', docMode],
    ['docs/LICENSE', 'MIT\n', docMode],
    ['out/linux-x64/hello', '\x7fELF pretend binary\n'.repeat(500), binMode],
    // build.path has no .exe: the packager finds the Windows build's hello.exe.
    ['out/windows-x64/hello.exe', 'MZ pretend binary\n'.repeat(500), binMode],
  ];
  for (const [path, body, mode] of files) {
    writeFileSync(join(dir, path), body);
    chmodSync(join(dir, path), mode);
    utimesSync(join(dir, path), when, when);
  }
  return dir;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('dist/actions/package.js', () => {
  test('same bytes as the local runner for every target, on another machine in another time zone', async () => {
    const local = workspace(new Date('2026-03-04T05:06:07Z'), 0o755, 0o644);
    const io = { cwd: local, env: {} };
    const inputs = await loadPlanInputs('deployforge.yml', { version: '1.2.3' }, io);
    const plan = createPlan(inputs);
    const outDir = join(local, 'dist');
    const packaged = await buildArtifacts({
      loaded: inputs.loaded, version: inputs.version, matrix: plan.matrix.include, projectDir: local, outDir, env: {}, log: silent,
    });
    const archives = packaged.map((p) => p.archive);
    // Each digest is taken as the archive is written, and is that of the file on disk.
    for (const p of packaged) expect(p.sha256, p.archive).toBe(sha256(p.archive));
    expect(archives.map((a) => a.slice(outDir.length + 1))).toEqual(['hello-1.2.3-linux-x64.tar.gz', 'hello-1.2.3-windows-x64.zip']);

    const ci = workspace(new Date('2031-11-12T13:14:15Z'), 0o700, 0o600);
    for (const archive of archives) {
      const target = archive.includes('windows') ? 'windows-x64' : 'linux-x64';
      const run = await runActionBundle('package', {
        cwd: ci,
        inputs: { config: 'deployforge.yml', version: '1.2.3', target },
        env: { TZ: 'Pacific/Kiritimati' },
      });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.outputs.archive).toBe(join(ci, 'deployforge-archives', archive.slice(outDir.length + 1)));
      expect(readFileSync(run.outputs.archive!).equals(readFileSync(archive)), `${target}: the action's archive differs from the local runner's`).toBe(true);
      expect(run.outputs.sha256).toBe(sha256(archive));
    }
  });

  test('packaging twice gives the same archive and sha256; the binary input overrides build.path', async () => {
    const ci = workspace(new Date('2026-03-04T05:06:07Z'), 0o755, 0o644);
    writeFileSync(join(ci, 'elsewhere'), '\x7fELF pretend binary\n'.repeat(500));
    const inputs = { config: 'deployforge.yml', version: 'v1.2.3', target: 'linux-x64' };
    const first = await runActionBundle('package', { cwd: ci, inputs });
    const bytes = readFileSync(first.outputs.archive!);
    const second = await runActionBundle('package', { cwd: ci, inputs: { ...inputs, binary: 'elsewhere', directory: 'again' } });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.outputs.archive).toBe(join(ci, 'again', 'hello-1.2.3-linux-x64.tar.gz'));
    expect(readFileSync(second.outputs.archive!).equals(bytes)).toBe(true);
    expect(second.outputs.sha256).toBe(first.outputs.sha256);
  });

  test('a target outside build.targets and a build.files entry that is missing fail as input errors (exit 2)', async () => {
    const ci = workspace(new Date('2026-03-04T05:06:07Z'), 0o755, 0o644);
    const wrong = await runActionBundle('package', { cwd: ci, inputs: { version: '1.2.3', target: 'macos-arm64' } });
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain('target: expected one of build.targets (linux-x64, windows-x64), got');
    expect(wrong.stdout).not.toMatch(/\n\s+at /);

    writeFileSync(join(ci, 'deployforge.yml'), CONFIG.replace('docs/LICENSE', 'docs/NOTICE'));
    const missing = await runActionBundle('package', { cwd: ci, inputs: { version: '1.2.3', target: 'linux-x64' } });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(/::error title=deployforge\.yml,file=deployforge\.yml,line=6,col=\d+::build\.files\[1\]: docs\/NOTICE does not exist/);
  });
});
