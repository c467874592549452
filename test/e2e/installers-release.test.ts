// A local release of examples/rust-cli (its own deployforge.yml: release.installers [sh, ps1]) with
// the tap switched to a cask: the release carries install.sh and install.ps1 in SHA256SUMS, the tap a
// cask, and the install.sh on the release, fetched with curl into sh as its README says, installs the
// real cargo-built binary into a clean HOME. A re-run writes nothing; status.json and the dashboard
// name the installers.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseSha256Sums } from '@deployforge/github';
import type { StatusDocument } from '@deployforge/status';
import { hostTarget } from '@deployforge/targets';
import { createBareRepo, type BareRepo } from '../../packages/platforms/src/git-remote/test-support.js';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { assertReachable, run, testServices } from '../helpers/services.js';
import { runInProcess } from '../helpers/in-process-cli.js';
import { buildReleaseArchives, copyRustCliProject, EXAMPLE_DIR } from './full/rust-cli-project.js';

const TOKEN = 'ghs_installers_e2e_token_0123456789';
const services = testServices();
let gh: GitHubFake;
let tap: BareRepo;
let work: string;
let project: string;
let artifacts: string;

beforeAll(async () => {
  await assertReachable('git HTTP server', services.DEPLOYFORGE_TEST_GIT_HTTP);
  work = mkdtempSync(join(tmpdir(), 'df-e2e-installers-'));
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/hello-forge'] });
  tap = await createBareRepo(services, 'tap');
  project = copyRustCliProject(work);
  const config = parse(readFileSync(join(EXAMPLE_DIR, 'deployforge.yml'), 'utf8')) as Record<string, any>;
  expect(config.release.installers).toEqual(['sh', 'ps1']);
  config.release.attest = false; // provenance needs GitHub's OIDC
  config.release.notes = 'none';
  config.required = [];
  config.platforms = { homebrew: { ...config.platforms.homebrew, kind: 'cask', formula: undefined, tap: tap.httpUrl } };
  writeFileSync(join(project, 'deployforge.yml'), stringify(config));
  artifacts = join(work, 'artifacts');
  // A real cargo build for this machine, labelled stand-ins for the other targets.
  await buildReleaseArchives(work, '0.1.0', artifacts);
}, 180_000);
afterAll(async () => {
  await gh?.close();
  tap?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

const env = () => ({
  ...process.env, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url, GITHUB_SERVER_URL: `${gh.url}/download`, HOMEBREW_TAP_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN,
});

describe('a release of examples/rust-cli with installers and a cask', () => {
  test('install.sh/install.ps1 on the release and in SHA256SUMS; install.sh installs the real binary; a re-run writes nothing; status and dashboard name them', async () => {
    const first = await runInProcess(['release', '--config', join(project, 'deployforge.yml'), '--artifacts', artifacts, '--json'], { cwd: project, env: env() });
    expect(first.code, first.stderr).toBe(0);
    const status = JSON.parse(first.stdout) as StatusDocument;
    const names = status.release?.assets.map((a) => a.name) ?? [];
    expect(names).toContain('install.sh');
    expect(names).toContain('install.ps1');
    expect(status.platforms.homebrew?.status).toBe('published');
    expect(await tap.files()).toEqual(['Casks/hello-forge.rb']);

    const release = gh.state.repos.get('acme/hello-forge')!.releases.find((r) => r.tagName === 'v0.1.0')!;
    const onRelease = (name: string) => readFileSync(release.assets.find((a) => a.name === name)!.filePath!, 'utf8');
    const listed = parseSha256Sums(onRelease('SHA256SUMS')).map((e) => e.name);
    expect(listed).toEqual(expect.arrayContaining(['install.sh', 'install.ps1']));
    expect(onRelease('install.ps1')).toContain("$Targets = @('windows-x64', 'windows-arm64')");

    const home = mkdtempSync(join(work, 'home-'));
    const url = `${gh.url}/download/acme/hello-forge/releases/download/v0.1.0/install.sh`;
    const installed = await run('sh', ['-c', `curl -fsSL "${url}" | sh`], { env: { HOME: home, PATH: '/usr/bin:/bin' } });
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`installed hello-forge 0.1.0 (${hostTarget()})`);
    const ran = await run(join(home, '.local/bin/hello-forge'), ['--version']);
    expect(ran.stdout.trim()).toBe('hello-forge 0.1.0');

    const writes = gh.writeCount();
    const tip = await tap.tip();
    const second = await runInProcess(['release', '--config', join(project, 'deployforge.yml'), '--artifacts', artifacts, '--json'], { cwd: project, env: env() });
    expect(second.code, second.stderr).toBe(0);
    expect(gh.writeCount()).toBe(writes);
    expect(await tap.tip()).toBe(tip);
    expect((JSON.parse(second.stdout) as StatusDocument).platforms.homebrew?.status).toBe('skipped');

    const dashboard = join(work, 'dashboard');
    const rendered = await runInProcess(['dashboard', '--status', join(project, '.deployforge/status.json'), '--out', dashboard], { cwd: project, env: env() });
    expect(rendered.code, rendered.stderr).toBe(0);
    const html = readFileSync(join(dashboard, 'index.html'), 'utf8');
    expect(html).toContain('install.sh');
    expect(html).toContain('install.ps1');
    expect(gh.violations()).toEqual([]);
  }, 240_000);
});
