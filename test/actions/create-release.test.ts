import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { runActionBundle } from '../helpers/run-action-bundle.js';

const TOKEN = 'ghs_canary_create_release_0123456789';
let gh: GitHubFake;

beforeAll(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/demo'] });
});
afterAll(async () => {
  await gh.close();
});

/** A workspace after download-artifact: one folder per archive, as merge-multiple: false leaves it. */
function workspace(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-hub-'));
  writeFileSync(join(dir, 'deployforge.yml'), 'project: { name: demo, repository: acme/demo }\nbuild: { targets: [linux-x64, windows-x64] }\nrelease: { notes: none }\nplatforms: { npm: {} }\n');
  for (const [target, ext] of [['linux-x64', 'tar.gz'], ['windows-x64', 'zip']] as const) {
    const sub = join(dir, 'artifacts', target);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `demo-${version}-${target}.${ext}`), `archive bytes for ${target} ${version}\n`);
  }
  return dir;
}

const env = () => ({ GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/demo', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0' });

describe('dist/actions/create-release.js against the GitHub fake', () => {
  test('first run creates, uploads, verifies and publishes; the second writes nothing', async () => {
    const cwd = workspace('1.0.0');
    const requestsBefore = gh.requests.length;
    const first = await runActionBundle('create-release', { cwd, inputs: { token: TOKEN, artifacts: 'artifacts' }, env: env() });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const release = gh.state.repos.get('acme/demo')?.releases.find((r) => r.tagName === 'v1.0.0');
    expect(release?.draft).toBe(false);
    expect([...(release?.assets ?? [])].map((a) => a.name).sort()).toEqual(['SHA256SUMS', 'demo-1.0.0-linux-x64.tar.gz', 'demo-1.0.0-windows-x64.zip', 'demo-1.0.0.cdx.json']);
    expect(first.outputs.tag).toBe('v1.0.0');
    expect(first.outputs['release-id']).toBe(String(release?.id));
    const assets = JSON.parse(first.outputs.assets ?? '[]') as { name: string; sha256: string }[];
    expect(assets.map((a) => a.name)).toContain('SHA256SUMS');
    expect(first.summary).toContain('## DeployForge release v1.0.0');

    // Issue 20: K assets (two archives, the SBOM, SHA256SUMS) cost at most K + 5 requests; these
    // K + 4: list, create, list again (a racing run's draft), the uploads, list to verify, publish.
    const firstRequests = gh.requests.slice(requestsBefore).map((r) => `${r.method} ${r.operationId}`);
    expect(firstRequests.length, firstRequests.join('\n')).toBeLessThanOrEqual(4 + 5);
    expect(firstRequests).toEqual([
      'GET repos/list-releases',
      'POST repos/create-release',
      'GET repos/list-releases',
      ...Array.from({ length: 4 }, () => 'POST repos/upload-release-asset'),
      'GET repos/list-release-assets',
      'PATCH repos/update-release',
    ]);
    // One read per upload: the SBOM and SHA256SUMS list the digests the uploads computed, and they
    // are the last two uploads, after the archives they describe.
    const uploads = gh.requests.slice(requestsBefore).filter((r) => r.operationId === 'repos/upload-release-asset').map((r) => new URL(r.path, 'http://x').searchParams.get('name'));
    expect(uploads.slice(2)).toEqual(['demo-1.0.0.cdx.json', 'SHA256SUMS']);

    const writesBefore = gh.writeCount();
    const requestsBeforeSecond = gh.requests.length;
    const second = await runActionBundle('create-release', { cwd, inputs: { token: TOKEN, artifacts: 'artifacts' }, env: env() });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(gh.writeCount()).toBe(writesBefore);
    // A re-run of a finished release: list releases, list assets, nothing else.
    expect(gh.requests.slice(requestsBeforeSecond).map((r) => `${r.method} ${r.operationId}`)).toEqual(['GET repos/list-releases', 'GET repos/list-release-assets']);
    expect(second.summary).toContain('already complete, nothing written');
    expect(gh.violations()).toEqual([]);
    // The token is masked for the runner and never printed.
    expect(first.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(first.stdout.replaceAll(`::add-mask::${TOKEN}`, '') + first.stderr + first.summary).not.toContain(TOKEN);
  });

  test('a missing artifacts folder is a user error before any request', async () => {
    const cwd = workspace('1.0.1');
    const before = gh.requests.length;
    const run = await runActionBundle('create-release', { cwd, inputs: { token: TOKEN, artifacts: 'nope', version: '1.0.1' }, env: env() });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('::error::artifacts: "nope" does not exist');
    expect(gh.requests.length).toBe(before);
  });

  test('build-matrix sees the complete release and skips build and release', async () => {
    const cwd = workspace('1.0.0');
    const run = await runActionBundle('build-matrix', { cwd, inputs: { token: TOKEN, version: '1.0.0', platforms: 'npm' }, env: { ...env(), GITHUB_EVENT_NAME: 'workflow_dispatch', DEPLOYFORGE_HAS_NPM_TOKEN: 'true' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['release-needed']).toBe('false');
    expect(run.outputs['build-needed']).toBe('false');
    expect(run.outputs['publish-npm']).toBe('true');
  });

  test('build-matrix for a version without a release plans build and release', async () => {
    const cwd = workspace('9.9.9');
    const run = await runActionBundle('build-matrix', { cwd, inputs: { token: TOKEN, version: '9.9.9' }, env: { ...env(), GITHUB_EVENT_NAME: 'workflow_dispatch' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['release-needed']).toBe('true');
    expect(run.outputs['build-needed']).toBe('true');
  });
});
