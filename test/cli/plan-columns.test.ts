import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runInProcess, type CliRun } from '../helpers/in-process-cli.js';
import { repoRoot } from '../helpers/repo-root.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function plan(example: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'df-plan-cols-'));
  dirs.push(dir);
  cpSync(join(repoRoot, 'examples', example), dir, { recursive: true, filter: (src) => !src.includes('/target') });
  return runInProcess(['plan', ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env } });
}

describe('plan output fits a terminal', () => {
  test('the Go example: only the columns of what it uses, no line past 80 when not a terminal', async () => {
    const run = await plan('go-cli', ['--version', '1.2.3']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('GOOS/GOARCH');
    expect(run.stdout).not.toContain('rust triple');
    for (const line of run.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  test('$COLUMNS sets the width; --json is unchanged (every ecosystem name, one document)', async () => {
    const narrow = await plan('rust-cli', ['--version', '0.1.0'], { COLUMNS: '60' });
    expect(narrow.code, narrow.stderr).toBe(0);
    for (const line of narrow.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
    expect(narrow.stdout).toContain('x86_64-unknown-linux-gnu');
    const json = await plan('rust-cli', ['--version', '0.1.0', '--json'], { COLUMNS: '60' });
    const doc = JSON.parse(json.stdout) as { targets: { 'rust-target': string; goos: string }[] };
    expect(doc.targets.every((t) => t['rust-target'] && t.goos)).toBe(true);
  });
});

describe('the plan\'s first line', () => {
  async function firstLine(platforms: string, version: string): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'df-plan-head-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'deployforge.yml'), `project: { name: hello, repository: acme/hello }\nbuild: { binary: hello, targets: [linux-x64] }\nplatforms: ${platforms}\n`);
    const run = await runInProcess(['plan', '--version', version], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
    expect(run.code).toBe(0);
    return run.stdout.split('\n')[0]!;
  }

  test('names the npm dist-tag and the PyPI version only when those platforms are on', async () => {
    expect(await firstLine('{ crates: { path: . } }', '1.2.3')).toBe('hello 1.2.3 (tag v1.2.3)');
    expect(await firstLine('{ npm: { package: hello } }', '1.2.3-rc.1')).toBe('hello 1.2.3-rc.1 (tag v1.2.3-rc.1, prerelease; npm dist-tag next)');
    expect(await firstLine('{ pypi: { package: hello } }', '1.2.3')).toBe('hello 1.2.3 (tag v1.2.3; PyPI 1.2.3)');
  });
});
