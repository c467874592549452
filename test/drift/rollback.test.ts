import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { createBareRepo } from '../../packages/platforms/src/git-remote/test-support.js';
import { runRollback, runStatus, type RollbackReport } from '@deployforge/runner';
import { assertReachable, clientEnv, runOk, testServices, uniqueName, type ServicesEnv } from '../helpers/services.js';
import { startCountingProxy, type CountingProxy } from '../integration/platforms/npm-counting-proxy.js';
import { startRegistryProxy, type RegistryProxy } from '../fakes/registry-proxy/index.js';
import { createDriftProject, type DriftProject } from './drift-project.js';

// `deployforge rollback` against the real servers: npm's dist-tag on verdaccio, the OCI registry's
// latest tag and the Homebrew tap's formula (on the git server) move back through the platforms' own
// rollback(), GitHub's latest flag through make_latest.
// Counting proxies in front of both registries and the fake's write count prove that a re-run and a
// dry run write nothing.

let services: ServicesEnv;
let npmProxy: CountingProxy;
let ociProxy: RegistryProxy;
const projects: DriftProject[] = [];

beforeAll(async () => {
  services = testServices();
  await assertReachable('verdaccio', services.DEPLOYFORGE_TEST_NPM_REGISTRY);
  await assertReachable('docker-registry', services.DEPLOYFORGE_TEST_OCI_REGISTRY);
  npmProxy = await startCountingProxy(services.DEPLOYFORGE_TEST_NPM_REGISTRY);
  ociProxy = await startRegistryProxy({ upstream: services.DEPLOYFORGE_TEST_OCI_REGISTRY });
});
afterAll(async () => {
  await Promise.all(projects.map((p) => p.close()));
  await npmProxy?.close();
  await ociProxy?.close();
});

const config = (pkg: string, image: string, tap = 'acme/homebrew-tap') => `
project:
  name: forge-roll
  description: A demo CLI for the rollback tests
  license: MIT
  homepage: https://example.test/forge-roll
  repository: acme/forge-roll
build:
  binary: forge-roll
  targets: [linux-x64, linux-arm64]
platforms:
  npm:
    package: '${pkg}'
    registry: ${npmProxy.url}
  docker:
    images: [${image}]
    tags: ['{version}', latest]
  homebrew:
    tap: ${tap}
    branch: main
`;

async function distTags(pkg: string): Promise<Record<string, string>> {
  const response = await fetch(new URL(pkg, services.DEPLOYFORGE_TEST_NPM_REGISTRY));
  return ((await response.json()) as { 'dist-tags': Record<string, string> })['dist-tags'];
}
const digestOf = async (ref: string) =>
  (await runOk('skopeo', ['inspect', '--tls-verify=false', '--format', '{{.Digest}}', `docker://${ref}`], { env: clientEnv() })).trim();
const githubLatest = async (p: DriftProject) => {
  const response = await fetch(`${p.fx.gh.url}/repos/acme/forge-roll/releases/latest`, { headers: { authorization: `token ${p.env.GITHUB_TOKEN}` } });
  return ((await response.json()) as { tag_name: string }).tag_name;
};

describe('deployforge rollback', () => {
  test('moves npm latest, the OCI latest tag, the tap formula and the GitHub latest flag back; dry run and re-run write nothing', async () => {
    const pkg = uniqueName('df-roll');
    const repository = `it/${uniqueName('df-roll')}`;
    const tap = await createBareRepo(services, 'roll-tap');
    const p = await createDriftProject(config(pkg, `${ociProxy.host}/${repository}`, tap.httpUrl), '1.0.0', {
      NPM_TOKEN: services.DEPLOYFORGE_TEST_NPM_TOKEN, HOMEBREW_TAP_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN,
    });
    projects.push(p);
    for (const id of ['npm', 'docker', 'homebrew'] as const) expect((await p.publish(id, p.context())).status).toBe('published');
    const ctx110 = await p.release('1.1.0');
    for (const id of ['npm', 'docker', 'homebrew'] as const) expect((await p.publish(id, ctx110())).status).toBe('published');
    const formulaVersion = async () => /^\s*version "([^"]+)"/m.exec((await tap.show('Formula/forge-roll.rb')) ?? '')?.[1];
    expect(await formulaVersion()).toBe('1.1.0');
    expect((await distTags(pkg)).latest).toBe('1.1.0');
    expect(await githubLatest(p)).toBe('v1.1.0');
    const registry = services.DEPLOYFORGE_TEST_OCI_REGISTRY;
    expect(await digestOf(`${registry}/${repository}:latest`)).toBe(await digestOf(`${registry}/${repository}:1.1.0`));

    const writes = () => ({ npm: npmProxy.writes().length, oci: ociProxy.writes().length, github: p.fx.gh.writeCount() });

    // Dry run: says what would move, writes nothing anywhere.
    const before = writes();
    const dry = await p.cli(['rollback', '--to', '1.0.0', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^github\s+dry-run\s+would move the latest flag from v1\.1\.0 to v1\.0\.0/m);
    expect(dry.stdout).toMatch(/^npm\s+dry-run\s+would move latest from 1\.1\.0 to 1\.0\.0/m);
    expect(dry.stdout).toMatch(/^docker\s+dry-run\s+would move latest from 1\.1\.0 to 1\.0\.0/m);
    expect(dry.stdout).toMatch(/^homebrew\s+dry-run\s+would move latest from 1\.1\.0 to 1\.0\.0/m);
    expect(writes()).toEqual(before);
    expect(await formulaVersion()).toBe('1.1.0');

    // The rollback itself.
    const done = await p.cli(['rollback', '--to', '1.0.0', '--json']);
    expect(done.code, done.stderr).toBe(0);
    const report = JSON.parse(done.stdout) as RollbackReport;
    expect(report.platforms.github?.status).toBe('published');
    expect(report.platforms.npm?.status, report.platforms.npm?.detail).toBe('published');
    expect(report.platforms.docker?.status, report.platforms.docker?.detail).toBe('published');
    expect(report.platforms.homebrew?.status, report.platforms.homebrew?.detail).toBe('published');
    expect(report.platforms.homebrew?.detail).toContain('moved Formula/forge-roll.rb back to 1.0.0');
    expect(await formulaVersion()).toBe('1.0.0');
    expect(await githubLatest(p)).toBe('v1.0.0');
    const tags = await distTags(pkg);
    expect(tags.latest).toBe('1.0.0');
    for (const target of ['linux-x64', 'linux-arm64']) expect((await distTags(`${pkg}-${target}`)).latest).toBe('1.0.0');
    expect(await digestOf(`${registry}/${repository}:latest`)).toBe(await digestOf(`${registry}/${repository}:1.0.0`));
    // Nothing was deleted: 1.1.0 is still there everywhere.
    expect(await digestOf(`${registry}/${repository}:1.1.0`)).toMatch(/^sha256:/);
    expect((await fetch(new URL(`${pkg}/1.1.0`, services.DEPLOYFORGE_TEST_NPM_REGISTRY))).status).toBe(200);

    // A re-run finds every pointer in place: skipped, no write at any server.
    const after = writes();
    const tip = await tap.tip();
    const again = await runRollback({ configPath: 'deployforge.yml', to: '1.0.0', dryRun: false, io: { cwd: p.dir, env: p.env }, log: createMemoryLogger() });
    expect(Object.fromEntries(Object.entries(again.platforms).map(([k, o]) => [k, o.status]))).toEqual({ github: 'skipped', npm: 'skipped', docker: 'skipped', homebrew: 'skipped' });
    expect(writes()).toEqual(after);
    expect(await tap.tip()).toBe(tip);
    tap.remove();

    // Every platform now serves 1.0.0 while the newest release is 1.1.0: that is drift, on purpose.
    const drift = await runStatus({ configPath: 'deployforge.yml', platforms: 'github,npm,docker', io: { cwd: p.dir, env: p.env }, log: createMemoryLogger() });
    expect(Object.fromEntries(Object.entries(drift.platforms).map(([k, r]) => [k, r.state]))).toEqual({ github: 'behind', npm: 'behind', docker: 'behind' });
  });

  test('--platforms picks what moves; a version never released is bad input (exit 2)', async () => {
    const pkg = uniqueName('df-roll-sel');
    const p = await createDriftProject(config(pkg, `${ociProxy.host}/it/${uniqueName('df-roll-sel')}`), '1.0.0', { NPM_TOKEN: services.DEPLOYFORGE_TEST_NPM_TOKEN });
    projects.push(p);
    expect((await p.publish('npm', p.context())).status).toBe('published');
    const ctx110 = await p.release('1.1.0');
    expect((await p.publish('npm', ctx110())).status).toBe('published');

    const npmOnly = await p.cli(['rollback', '--to', '1.0.0', '--platforms', 'npm', '--json']);
    expect(npmOnly.code, npmOnly.stderr).toBe(0);
    expect(Object.keys((JSON.parse(npmOnly.stdout) as RollbackReport).platforms)).toEqual(['npm']);
    expect((await distTags(pkg)).latest).toBe('1.0.0');
    expect(await githubLatest(p)).toBe('v1.1.0');

    const never = await p.cli(['rollback', '--to', '0.9.0']);
    expect(never.code).toBe(2);
    expect(never.stderr).toContain('has no published release v0.9.0');
    const notAVersion = await p.cli(['rollback', '--to', 'latest']);
    expect(notAVersion.code).toBe(2);
    const missingFlag = await p.cli(['rollback']);
    expect(missingFlag.code).toBe(2);
  });

  test('a platform with no rollback names the registry in use: a custom Cargo registry is not crates.io', async () => {
    const p = await createDriftProject(`
project:
  name: forge-roll
  repository: acme/forge-roll
build:
  binary: forge-roll
  targets: [linux-x64]
platforms:
  crates:
    registry: local
    index: sparse+http://127.0.0.1:9/index/
`, '1.0.0');
    projects.push(p);
    const run = await p.cli(['rollback', '--to', '1.0.0', '--platforms', 'crates', '--json']);
    const crates = (JSON.parse(run.stdout) as RollbackReport).platforms.crates!;
    expect(crates).toMatchObject({ name: 'Cargo registry "local"', status: 'needs-human' });
    expect(crates.detail).toBe('rollback is not supported on Cargo registry "local": Cargo registry "local" serves the highest version: `cargo yank --version <newer>` each version above 1.0.0');
  });
});
