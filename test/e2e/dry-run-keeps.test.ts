import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StatusDocument } from '@deployforge/status';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { runInProcess } from '../helpers/in-process-cli.js';

const TOKEN = 'ghs_dry_run_keeps_token_0123456789';
let gh: GitHubFake;
let project: string;

// Registries on a closed loopback port: the existence checks fail fast (unknown), nothing leaves
// the machine, and the dry run still renders and packages.
const CLOSED = 'http://127.0.0.1:9/';

beforeAll(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/gizmo'] });
  project = mkdtempSync(join(tmpdir(), 'df-dry-keep-'));
  writeFileSync(join(project, 'build.sh'), 'mkdir -p out && printf "#!/bin/sh\\necho gizmo\\n" > out/gizmo && chmod +x out/gizmo\n');
  writeFileSync(join(project, 'deployforge.yml'), [
    'project: { name: gizmo, repository: acme/gizmo, license: MIT, description: A gizmo }',
    'build:',
    '  binary: gizmo',
    '  targets: [linux-x64]',
    '  command: sh build.sh',
    '  path: out/gizmo',
    'release: { notes: none }',
    'platforms:',
    `  npm: { package: gizmo, registry: ${CLOSED} }`,
    `  pypi: { package: gizmo-bin, repository: ${CLOSED}legacy/, index: ${CLOSED} }`,
    `  homebrew: { tap: ${CLOSED}acme/homebrew-tap.git }`,
    '',
  ].join('\n'));
});
afterAll(async () => {
  await gh.close();
  rmSync(project, { recursive: true, force: true });
});

const release = (args: string[]) =>
  runInProcess(['release', ...args], { cwd: project, env: { PATH: process.env.PATH ?? '', HOME: project, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url } });

describe('release --dry-run keeps what it made', () => {
  test('archives and every package land in .deployforge/dist/<version>/, and nothing is written to GitHub', async () => {
    // The last real release's status.json, which `dashboard` reads by default: a dry run leaves it be.
    mkdirSync(join(project, '.deployforge'), { recursive: true });
    const realStatus = join(project, '.deployforge/status.json');
    writeFileSync(realStatus, '{"from":"the last real release"}\n');
    const { code, stdout, stderr } = await release(['--version', '1.2.3', '--dry-run', '--json']);
    expect(code, stderr).toBe(0);
    expect(gh.writeCount()).toBe(0);
    const status = JSON.parse(stdout) as StatusDocument;
    for (const key of ['npm', 'pypi', 'homebrew']) {
      expect(status.platforms[key]?.status, status.platforms[key]?.detail).toBe('dry-run');
      expect(status.platforms[key]?.detail).toContain(`kept`);
    }
    const dist = join(project, '.deployforge/dist/1.2.3');
    // The hub's files, as a snapshot keeps them: the archive, the SBOM and SHA256SUMS listing both.
    expect(readdirSync(join(dist, 'github')).sort()).toEqual(['SHA256SUMS', 'gizmo-1.2.3-linux-x64.tar.gz', 'gizmo-1.2.3.cdx.json']);
    const sums = readFileSync(join(dist, 'github/SHA256SUMS'), 'utf8');
    for (const name of ['gizmo-1.2.3-linux-x64.tar.gz', 'gizmo-1.2.3.cdx.json']) {
      expect(sums).toContain(`${createHash('sha256').update(readFileSync(join(dist, 'github', name))).digest('hex')}  ${name}`);
    }
    // Its status.json goes with what it kept.
    expect(readFileSync(realStatus, 'utf8')).toBe('{"from":"the last real release"}\n');
    // (--json adds ok and errors to what is printed.)
    expect(status).toMatchObject(JSON.parse(readFileSync(join(dist, 'status.json'), 'utf8')) as object);
    expect(status.version).toBe('1.2.3');
    expect(readFileSync(join(project, '.deployforge/dist/.gitignore'), 'utf8')).toBe('*\n');
    expect(readdirSync(join(dist, 'npm')).filter((f) => f.endsWith('.tgz')).sort()).toEqual(['gizmo-1.2.3.tgz', 'gizmo-linux-x64-1.2.3.tgz']);
    expect(readdirSync(join(dist, 'pypi')).filter((f) => f.endsWith('.whl'))).toEqual(['gizmo_bin-1.2.3-py3-none-manylinux_2_17_x86_64.whl']);
    expect(existsSync(join(dist, 'homebrew/Formula/gizmo.rb'))).toBe(true);
  }, 60_000);

  test('the summary says where the dry run\'s status.json is', async () => {
    const { code, stdout, stderr } = await release(['--version', '1.2.4', '--dry-run', '--platforms', 'homebrew']);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`status: ${join(project, '.deployforge/dist/1.2.4/status.json')}`);
    expect(existsSync(join(project, '.deployforge/dist/1.2.4/status.json'))).toBe(true);
    expect(gh.writeCount()).toBe(0);
  }, 60_000);
});
