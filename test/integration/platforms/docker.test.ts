import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import { loadPlatform, type Platform } from '@deployforge/platforms';
import { publishSpoke } from '@deployforge/publish';
import { startRegistryProxy, type RegistryProxy } from '../../fakes/registry-proxy/index.js';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { assertReachable, clientEnv, run, runOk, testServices, uniqueName } from '../../helpers/services.js';
import { pushTinyBase } from '../../fixtures/docker/tiny-base.js';
import { publishOutputs } from '../../../packages/actions/src/runtime/publish-outputs.js';

// The real Debian docker-registry (distribution 2.8) on 127.0.0.1:5000 stores everything; an in-process
// proxy in front of it counts the requests (the registry keeps no access log) and, for the auth tests,
// plays Docker Hub's token service. skopeo is the real client that reads the images back.
const services = testServices();
const REGISTRY = services.DEPLOYFORGE_TEST_OCI_REGISTRY;
const CANARY = 'dckr_pat_canary_5e1f0a9b7c3d';
const USER = 'deployforge-ci';
const GOOD_PASSWORD = 'dckr_pat_good_0d9c8b7a6f5e';
const TARGETS = '[linux-x64-musl, linux-arm64-musl, linux-x64, macos-arm64]';

let docker: Platform;
let open: RegistryProxy;
let guarded: RegistryProxy;
const fixtures: ReleaseFixture[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'df-docker-it-'));

beforeAll(async () => {
  await assertReachable('docker-registry', REGISTRY);
  docker = (await loadPlatform('docker'))!;
  open = await startRegistryProxy({ upstream: REGISTRY });
  guarded = await startRegistryProxy({ upstream: REGISTRY, auth: 'bearer', username: USER, password: GOOD_PASSWORD });
});
afterAll(async () => {
  await Promise.all(fixtures.map((f) => f.close()));
  await open?.close();
  await guarded?.close();
  rmSync(scratch, { recursive: true, force: true });
});

function configFor(images: string[], extra = ''): string {
  return `
project: { name: dfdemo, repository: acme/dfdemo, license: MIT, description: Demo }
build: { binary: dfdemo, targets: ${TARGETS} }
platforms:
  docker:
    images: [${images.join(', ')}]
    tags: ['{version}', '{major}.{minor}', latest]
${extra}`;
}

async function fixture(config: string, version = '1.0.0'): Promise<ReleaseFixture> {
  const fx = await createReleaseFixture(config, version);
  fixtures.push(fx);
  return fx;
}

function spoke(fx: ReleaseFixture, options: { dryRun?: boolean; force?: boolean; env?: Record<string, string> } = {}) {
  const log = createMemoryLogger();
  const ctx = fx.context({ log, dryRun: options.dryRun ?? false, force: options.force ?? false, env: options.env ?? {} });
  const secrets = Object.values(options.env ?? {});
  return { log, ctx, run: () => publishSpoke({ key: 'docker', platform: docker, ctx, redact: createRedactor(secrets) }) };
}

const skopeo = (args: string[]) => runOk('skopeo', args, { env: clientEnv(), timeoutMs: 60_000 });
const inspect = async (ref: string, extra: string[] = []) =>
  JSON.parse(await skopeo(['inspect', '--tls-verify=false', ...extra, `docker://${ref}`])) as Record<string, unknown>;
const rawIndex = async (ref: string) =>
  JSON.parse(await skopeo(['inspect', '--tls-verify=false', '--raw', `docker://${ref}`])) as { mediaType: string; manifests: { digest: string; platform: { architecture: string; os: string; variant?: string } }[]; annotations: Record<string, string> };
const digestOf = async (ref: string) => (await skopeo(['inspect', '--tls-verify=false', '--format', '{{.Digest}}', `docker://${ref}`])).trim();

/** Copy one architecture into an OCI layout and unpack its layers in order, like a container runtime. */
async function unpack(ref: string, arch: string): Promise<string> {
  const dir = mkdtempSync(join(scratch, `${arch}-`));
  await skopeo(['copy', '--src-tls-verify=false', '--override-arch', arch, '--override-os', 'linux', `docker://${ref}`, `oci:${dir}/layout:x`]);
  const layoutIndex = JSON.parse(readFileSync(join(dir, 'layout', 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
  const blob = (digest: string) => join(dir, 'layout', 'blobs', 'sha256', digest.replace('sha256:', ''));
  const manifest = JSON.parse(readFileSync(blob(layoutIndex.manifests[0]!.digest), 'utf8')) as { layers: { digest: string }[] };
  const rootfs = join(dir, 'rootfs');
  await runOk('mkdir', ['-p', rootfs]);
  for (const layer of manifest.layers) await runOk('tar', ['-xzf', blob(layer.digest), '-C', rootfs]);
  return rootfs;
}

describe('docker spoke against the real registry', () => {
  test('publishes a two-architecture image to two repositories; skopeo reads it; the binary runs', async () => {
    const name = uniqueName('df');
    const a = `${open.host}/it/${name}-a`;
    const b = `${open.host}/it/${name}-b`;
    const fx = await fixture(configFor([a, b]));
    const before = open.writes().length;
    const outcome = await spoke(fx).run();
    expect(outcome.status, outcome.detail).toBe('published');
    expect(outcome.existence?.state).toBe('absent');
    expect(open.writes().length).toBeGreaterThan(before);
    // The second repository gets the blobs by cross-repository mount, not by upload.
    expect(outcome.detail).toMatch(/blobs: 4 uploaded, 4 mounted, 0 already there/);
    expect(open.requests.some((r) => r.method === 'POST' && r.path.includes('mount=') && r.status === 201)).toBe(true);

    const direct = (repo: string, tag: string) => `${REGISTRY}/it/${name}-${repo}:${tag}`;
    const index = await rawIndex(direct('a', '1.0.0'));
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(index.manifests.map((m) => m.platform)).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]);
    expect(index.annotations['org.opencontainers.image.version']).toBe('1.0.0');

    for (const arch of ['amd64', 'arm64']) {
      const info = await inspect(direct('a', '1.0.0'), ['--override-arch', arch]);
      expect(info.Architecture).toBe(arch);
      expect(info.Os).toBe('linux');
      expect((info.Labels as Record<string, string>)['org.opencontainers.image.source']).toBe('https://github.com/acme/dfdemo');
      const config = JSON.parse(await skopeo(['inspect', '--tls-verify=false', '--config', '--override-arch', arch, `docker://${direct('a', '1.0.0')}`])) as {
        config: { Entrypoint: string[] }; rootfs: { diff_ids: string[] }; created: string;
      };
      expect(config.config.Entrypoint).toEqual(['/usr/local/bin/dfdemo']);
      expect(config.created).toBe('1970-01-01T00:00:00Z');
      expect(config.rootfs.diff_ids).toHaveLength(1);
    }

    const rootfs = await unpack(direct('a', '1.0.0'), 'amd64');
    expect((await runOk(join(rootfs, 'usr/local/bin/dfdemo'), [])).trim()).toBe('dfdemo 1.0.0 (linux-x64-musl)');
    const arm = await unpack(direct('b', 'latest'), 'arm64');
    expect(readFileSync(join(arm, 'usr/local/bin/dfdemo'), 'utf8')).toContain('dfdemo 1.0.0 (linux-arm64-musl)');

    // Every tag of both images is the same index.
    const digest = await digestOf(direct('a', '1.0.0'));
    for (const repo of ['a', 'b']) for (const tag of ['1.0.0', '1.0', 'latest']) expect(await digestOf(direct(repo, tag))).toBe(digest);
    expect(outcome.detail).toContain(digest);

    // Second run: identical, same digest, and not a single write reaches the registry.
    const writes = open.writes().length;
    const again = await spoke(fx).run();
    expect(again.status, again.detail).toBe('skipped');
    expect(again.existence?.state).toBe('identical');
    expect(again.existence?.detail).toContain(digest);
    expect(open.writes().length).toBe(writes);
    // And publish itself, called directly, also writes nothing (idempotent even without check).
    const direct2 = spoke(fx);
    const result = await docker.publish(direct2.ctx, []);
    expect(result.status).toBe('skipped');
    expect(open.writes().length).toBe(writes);
  });

  test('the publish action outputs the digest the registry serves and every repository, for the workflow to attest and sign', async () => {
    const name = uniqueName('df-out');
    const a = `${open.host}/it/${name}-a`;
    const b = `${open.host}/it/${name}-b`;
    const fx = await fixture(configFor([a, b]));
    const outcome = await spoke(fx).run();
    expect(outcome.status, outcome.detail).toBe('published');
    const digest = await digestOf(`${REGISTRY}/it/${name}-a:1.0.0`);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const outputs = publishOutputs(outcome);
    expect(outputs.digest).toBe(digest);
    // Fully qualified, without tag: what attest-build-provenance's subject-name and `cosign sign` take.
    expect(outputs.images).toBe(`${a}\n${b}`);
    expect(await digestOf(`${outputs.images!.split('\n')[1]}:latest`.replace(open.host, REGISTRY))).toBe(digest);
    expect(outputs).toMatchObject({ status: 'published', version: '1.0.0' });

    // A re-run finds everything there: no publish, so no digest to attest or sign again.
    const again = publishOutputs(await spoke(fx).run());
    expect(again.status).toBe('skipped');
    expect(again.digest).toBeUndefined();
    // A dry run pushes nothing and says nothing about a digest either.
    const dry = publishOutputs(await spoke(await fixture(configFor([`${open.host}/it/${name}-dry`])), { dryRun: true }).run());
    expect(dry.status).toBe('dry-run');
    expect(dry.images).toBeUndefined();
  });

  test('a dry run assembles and checks, renders the plan, and writes nothing', async () => {
    const name = uniqueName('df-dry');
    const ref = `${open.host}/it/${name}`;
    const fx = await fixture(configFor([ref]));
    const writes = open.writes().length;
    const outcome = await spoke(fx, { dryRun: true }).run();
    expect(outcome.status, outcome.detail).toBe('dry-run');
    expect(outcome.files).toEqual(['docker/image-plan.json']);
    expect(open.writes().length).toBe(writes);
    const probe = await run('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${REGISTRY}/it/${name}:1.0.0`], { env: clientEnv() });
    expect(probe.code).not.toBe(0);
  });

  test('a prerelease gets its version tag only: no latest, no major.minor', async () => {
    const name = uniqueName('df-rc');
    const fx = await fixture(configFor([`${open.host}/it/${name}`]), '2.0.0-rc.1');
    const outcome = await spoke(fx).run();
    expect(outcome.status, outcome.detail).toBe('published');
    const tags = JSON.parse(await skopeo(['list-tags', '--tls-verify=false', `docker://${REGISTRY}/it/${name}`])) as { Tags: string[] };
    expect(tags.Tags).toEqual(['2.0.0-rc.1']);
  });

  test('Bearer token auth: good credentials push; a bad one fails clearly and never shows the secret', async () => {
    const name = uniqueName('df-auth');
    const fx = await fixture(configFor([`${guarded.host}/it/${name}`]));

    const bad = spoke(fx, { env: { DOCKER_USERNAME: USER, DOCKER_PASSWORD: CANARY } });
    const failed = await bad.run();
    expect(failed.status).toBe('failed');
    expect(failed.detail).toMatch(/refused the credentials from DOCKER_USERNAME\/DOCKER_PASSWORD/);
    expect(JSON.stringify(failed)).not.toContain(CANARY);
    expect(bad.log.lines.join('\n')).not.toContain(CANARY);
    expect(guarded.tokenRequests.some((t) => !t.ok)).toBe(true);

    const anonymous = await spoke(fx).run();
    expect(anonymous.status).toBe('failed');
    expect(anonymous.detail).toMatch(/anonymous access \(set DOCKER_USERNAME and DOCKER_PASSWORD\)/);

    const good = await spoke(fx, { env: { DOCKER_USERNAME: USER, DOCKER_PASSWORD: GOOD_PASSWORD } }).run();
    expect(good.status, good.detail).toBe('published');
    expect(guarded.tokenRequests.filter((t) => t.ok).flatMap((t) => t.scopes)).toContain(`repository:it/${name}:pull,push`);
    const again = await spoke(fx, { env: { DOCKER_USERNAME: USER, DOCKER_PASSWORD: GOOD_PASSWORD } }).run();
    expect(again.existence?.state).toBe('identical');
  });

  test('status reads latest; a re-run of an older release leaves latest alone; rollback moves it back', async () => {
    const name = uniqueName('df-roll');
    const ref = `${open.host}/it/${name}`;
    const v1 = await fixture(configFor([ref]), '1.0.0');
    const v2 = await fixture(configFor([ref]), '1.1.0');
    expect((await spoke(v1).run()).status).toBe('published');
    expect((await spoke(v2).run()).status).toBe('published');
    expect((await docker.status(spoke(v2).ctx)).latest).toBe('1.1.0');

    const writes = open.writes().length;
    const rerun = await spoke(v1).run();
    expect(rerun.status, rerun.detail).toBe('skipped');
    expect(rerun.existence?.detail).toMatch(/latest on 1\.1\.0 \(newer\)/);
    expect(open.writes().length).toBe(writes);

    const rolled = await docker.rollback!(spoke(v2).ctx, '1.0.0');
    expect(rolled.status, rolled.detail).toBe('published');
    expect((await docker.status(spoke(v2).ctx)).latest).toBe('1.0.0');
    expect(await digestOf(`${REGISTRY}/it/${name}:latest`)).toBe(await digestOf(`${REGISTRY}/it/${name}:1.0.0`));
    expect((await docker.rollback!(spoke(v2).ctx, '1.0.0')).status).toBe('skipped');
    expect((await docker.rollback!(spoke(v2).ctx, '0.9.0')).status).toBe('failed');
  });

  test('a version tag holding other content is different; force replaces it', async () => {
    const name = uniqueName('df-diff');
    const ref = `${open.host}/it/${name}`;
    const first = await fixture(configFor([ref]), '1.0.0');
    expect((await spoke(first).run()).status).toBe('published');
    // Same version, other build: a changed label changes every config, so the index differs.
    const other = await fixture(configFor([ref]).replace('description: Demo', 'description: Rebuilt'), '1.0.0');
    const refused = await spoke(other).run();
    expect(refused.status).toBe('failed');
    expect(refused.existence?.state).toBe('different');
    const forced = await spoke(other, { force: true }).run();
    expect(forced.status, forced.detail).toBe('published');
    expect((await spoke(other).run()).existence?.state).toBe('identical');
  });

  test('on a base image pinned by digest: base layers are mounted, its settings kept, Cmd dropped', async () => {
    const base = await pushTinyBase(open.host, `it/${uniqueName('df-base')}`, scratch);
    const name = uniqueName('df-onbase');
    const fx = await fixture(configFor([`${open.host}/it/${name}`]).replace('    tags:', `    base: ${base}\n    tags:`));
    const outcome = await spoke(fx).run();
    expect(outcome.status, outcome.detail).toBe('published');
    expect(outcome.detail).toMatch(/blobs: 4 uploaded, 2 mounted, 0 already there/);
    const rootfs = await unpack(`${REGISTRY}/it/${name}:1.0.0`, 'amd64');
    expect(readFileSync(join(rootfs, 'etc/base-release'), 'utf8')).toBe('tiny-base amd64\n');
    expect((await runOk(join(rootfs, 'usr/local/bin/dfdemo'), [])).trim()).toBe('dfdemo 1.0.0 (linux-x64-musl)');
    const config = JSON.parse(await skopeo(['inspect', '--tls-verify=false', '--config', '--override-arch', 'arm64', `docker://${REGISTRY}/it/${name}:1.0.0`])) as {
      config: { Env: string[]; Entrypoint: string[]; Cmd?: string[]; User?: string }; rootfs: { diff_ids: string[] };
    };
    expect(config.config.Env).toContain('TINY_BASE=1');
    expect(config.config.User).toBe('65532');
    expect(config.config.Cmd).toBeUndefined();
    expect(config.rootfs.diff_ids).toHaveLength(2);
    expect((await spoke(fx).run()).existence?.state).toBe('identical');
  });

  test('a base image on another registry is streamed across (no mount possible), layer by layer', async () => {
    const base = await pushTinyBase(REGISTRY, `it/${uniqueName('df-base')}`, scratch);
    const name = uniqueName('df-crossbase');
    const fx = await fixture(configFor([`${open.host}/it/${name}`]).replace('    tags:', `    base: ${base}\n    tags:`));
    const outcome = await spoke(fx).run();
    expect(outcome.status, outcome.detail).toBe('published');
    // 2 base layers + 2 of ours + 2 configs, all uploaded: the base lives behind another endpoint.
    expect(outcome.detail).toMatch(/blobs: 6 uploaded, 0 mounted, 0 already there/);
    const rootfs = await unpack(`${REGISTRY}/it/${name}:1.0.0`, 'arm64');
    expect(readFileSync(join(rootfs, 'etc/base-release'), 'utf8')).toBe('tiny-base arm64\n');
  });

  test('Basic auth registries get the DOCKER_* pair directly', async () => {
    const basic = await startRegistryProxy({ upstream: REGISTRY, auth: 'basic', username: USER, password: GOOD_PASSWORD });
    try {
      const fx = await fixture(configFor([`${basic.host}/it/${uniqueName('df-basic')}`]));
      const bad = await spoke(fx, { env: { DOCKER_USERNAME: USER, DOCKER_PASSWORD: CANARY } }).run();
      expect(bad.status).toBe('failed');
      expect(bad.detail).toMatch(/refused the credentials from DOCKER_USERNAME\/DOCKER_PASSWORD/);
      expect(JSON.stringify(bad)).not.toContain(CANARY);
      const good = await spoke(fx, { env: { DOCKER_USERNAME: USER, DOCKER_PASSWORD: GOOD_PASSWORD } }).run();
      expect(good.status, good.detail).toBe('published');
      expect(basic.tokenRequests).toEqual([]);
    } finally {
      await basic.close();
    }
  });
});
