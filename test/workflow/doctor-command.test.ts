import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { matchesFilterList } from '@deployforge/workflow';
import { runCliIn, tempRepo } from './helpers/run-cli-in.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of cleanups.splice(0)) await c(); });

async function repo(fixture: string) {
  const r = await tempRepo(fixture);
  cleanups.push(r.cleanup);
  return r.dir;
}

interface JsonReport {
  clean: boolean;
  workflows: string[];
  findings: { rule: string; file: string; line: number; column: number; message: string }[];
}

async function doctorJson(dir: string): Promise<{ code: number; report: JsonReport }> {
  const result = await runCliIn(dir, ['doctor', '--json']);
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport };
}

describe('deployforge doctor', () => {
  test('a repository with only the generated workflow is clean: exit 0', async () => {
    const dir = await repo('clean');
    expect((await runCliIn(dir, ['generate'])).code).toBe(0);
    const result = await runCliIn(dir, ['doctor']);
    expect(result).toEqual({ code: 0, stdout: '1 workflow(s) checked: no problems found\n', stderr: '' });
  });

  test('four release workflows on the same tag: each is reported with file:line, plus pins, secrets and run: expressions', async () => {
    const dir = await repo('four-release-workflows');
    await runCliIn(dir, ['generate']);
    const { code, report } = await doctorJson(dir);
    expect(code).toBe(1);
    const overlap = report.findings.filter((f) => f.rule === 'overlapping-tag-triggers');
    expect(overlap.map((f) => [f.file, f.line])).toEqual([
      ['.github/workflows/docker.yml', 4],
      ['.github/workflows/homebrew.yml', 3],
      ['.github/workflows/npm-publish.yml', 5],
      // Line 11: the header's fifth line records the commit the actions are pinned to.
      ['.github/workflows/release.yml', 11],
    ]);
    const release = overlap.find((f) => f.file.endsWith('release.yml'))!;
    expect(release.message).toContain('.github/workflows/docker.yml, .github/workflows/homebrew.yml, .github/workflows/npm-publish.yml');
    expect(release.message).toContain('tag v1.2.3');
    // ci.yml only runs on branches and pull requests.
    expect(report.findings.some((f) => f.file.endsWith('ci.yml'))).toBe(false);

    const byRule = (rule: string) => report.findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}`);
    expect(byRule('unpinned-action')).toEqual([
      '.github/workflows/docker.yml:9',
      '.github/workflows/docker.yml:13',
      '.github/workflows/npm-publish.yml:14',
    ]);
    expect(byRule('unmapped-secret')).toEqual([
      '.github/workflows/docker.yml:11',
      '.github/workflows/docker.yml:12',
      '.github/workflows/homebrew.yml:10',
    ]);
    expect(report.findings.find((f) => f.rule === 'unmapped-secret')?.message).toContain('secrets.DOCKERHUB_USER is not the credential of any platform enabled in deployforge.yml (known: DOCKER_PASSWORD, DOCKER_USERNAME, GITHUB_TOKEN, NPM_TOKEN)');
    expect(byRule('expression-in-run')).toEqual(['.github/workflows/npm-publish.yml:17']);
    expect(byRule('stale-generated-workflow')).toEqual([]);
  });

  test('text output: one file:line:col line per finding, then a count', async () => {
    const dir = await repo('four-release-workflows');
    const result = await runCliIn(dir, ['doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^\.github\/workflows\/docker\.yml:4:5: \[overlapping-tag-triggers\] runs on the same tags as/m);
    expect(result.stdout).toMatch(/\n\d+ problem\(s\) in 3 of 4 workflow\(s\)\n$/);
  });

  test('a hand-edited generated workflow is reported at the first changed line with the regenerate command', async () => {
    const dir = await repo('clean');
    await runCliIn(dir, ['generate', '--actions-ref', 'v2']);
    const file = join(dir, '.github/workflows/release.yml');
    const text = await readFile(file, 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('fail-fast: false'));
    await writeFile(file, text.replace('fail-fast: false', 'fail-fast: true'));
    const { code, report } = await doctorJson(dir);
    expect(code).toBe(1);
    expect(report.findings).toEqual([expect.objectContaining({
      rule: 'stale-generated-workflow', file: '.github/workflows/release.yml', line: at + 1,
    })]);
    expect(report.findings[0]!.message).toContain('regenerate with: npx deployforge generate --actions-ref v2');
  });

  test('a generated workflow gone stale after a config change is reported', async () => {
    const dir = await repo('clean');
    await runCliIn(dir, ['generate']);
    // Targets live in the plan's matrix, not in the workflow: a new platform is what changes the file.
    await writeFile(join(dir, 'deployforge.yml'), `${await readFile(join(dir, 'deployforge.yml'), 'utf8')}  homebrew: { tap: acme/homebrew-tap }\n`);
    const { report } = await doctorJson(dir);
    expect(report.findings.map((f) => f.rule)).toEqual(['stale-generated-workflow']);
  });

  test('without deployforge.yml: pins and run: expressions are still checked', async () => {
    const dir = await repo('no-config');
    const result = await runCliIn(dir, ['doctor']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('note: no deployforge.yml');
    expect(result.stdout).toContain('.github/workflows/release.yml:10:15: [unpinned-action] softprops/action-gh-release@v2 is not pinned');
    expect(result.stdout).toContain('.github/workflows/release.yml:14:20: [expression-in-run] job upload: ${{ github.event.release.name }}');
  });

  test('an empty repository is clean', async () => {
    const dir = await repo('no-config');
    const empty = await tempRepo();
    cleanups.push(empty.cleanup);
    expect((await runCliIn(empty.dir, ['doctor'])).code).toBe(0);
    expect(dir).toBeTruthy();
  });
});

describe('tag filter patterns', () => {
  test.each([
    [['v*'], 'v1.2.3', true],
    [['v[0-9]*'], 'vscode-1', false],
    [['v[0-9]*'], 'v10.0.0', true],
    [['*'], 'release/1.0', false],
    [['**'], 'release/1.0', true],
    [['v*', '!v*-rc*'], 'v1.0.0-rc.1', false],
    [['v1.?0'], 'v1.0', true],
    [['release-[0-9]+.*'], 'release-12.3', true],
  ])('%j matches %s: %s', (patterns, tag, expected) => {
    expect(matchesFilterList(tag, patterns)).toBe(expected);
  });
});
