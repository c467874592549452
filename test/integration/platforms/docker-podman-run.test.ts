import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createArchive } from '@deployforge/archive';
import { parseConfig } from '@deployforge/config';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import { loadPlatform, type PlatformContext, type ReleaseAsset } from '@deployforge/platforms';
import { publishSpoke } from '@deployforge/publish';
import { archiveName } from '@deployforge/targets';
import { parseVersionInput } from '@deployforge/version';
import { requireClient } from '../../helpers/real-clients.js';
import { assertReachable, clientEnv, run, runOk, testServices, uniqueName } from '../../helpers/services.js';

// The OCI image the docker spoke pushes, run by a real container engine: podman (Debian bookworm, 4.3)
// with runc, pulling from the local docker-registry. This sandbox needs runc (crun cannot run under its
// cgroups) and explicit ulimits (no CAP_SYS_RESOURCE); where containers cannot run at all, the image is
// copied out with skopeo and the binary run from its unpacked rootfs instead. The binary is a real
// static program built here with gcc, so a `scratch` image (no libc, no shell) can start it.

const services = testServices();
const REGISTRY = services.DEPLOYFORGE_TEST_OCI_REGISTRY;
const work = mkdtempSync(join(tmpdir(), 'df-podman-'));
const storage = ['--root', join(work, 'storage'), '--runroot', join(work, 'run'), '--storage-driver', 'vfs', '--cgroup-manager', 'cgroupfs', '--events-backend', 'none', '--runtime', 'runc'];

beforeAll(async () => {
  for (const [tool, pkg] of [['podman', 'podman'], ['runc', 'runc'], ['skopeo', 'skopeo'], ['gcc', 'gcc']] as const) requireClient(tool, pkg);
  await assertReachable('docker-registry', REGISTRY);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A release of one static linux-x64-musl binary that prints its arguments, pushed by the docker spoke. */
async function pushImage(repository: string): Promise<void> {
  const src = join(work, 'hello.c');
  writeFileSync(src, '#include <stdio.h>\nint main(int argc, char **argv) { printf("hello-oci 1.0.0"); for (int i = 1; i < argc; i++) printf(" %s", argv[i]); printf("\\n"); return 0; }\n');
  const exe = join(work, 'hello-oci');
  await runOk('gcc', ['-static', '-O2', '-o', exe, src]);
  const yaml = `project: { name: hello-oci, license: MIT, description: Says hello from scratch }\nbuild: { binary: hello-oci, targets: [linux-x64-musl] }\nplatforms:\n  docker: { images: ['${REGISTRY}/${repository}'], base: scratch }\n`;
  const config = parseConfig(yaml, 'deployforge.yml').config;
  const version = parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'test' });
  const name = archiveName('hello-oci', '1.0.0', 'linux-x64-musl');
  const archive = join(work, name);
  await createArchive('tar.gz', [{ source: exe, name: 'hello-oci', mode: 0o755 }], archive);
  const asset: ReleaseAsset = { name, target: 'linux-x64-musl', url: `http://127.0.0.1:9/${name}`, size: statSync(archive).size, sha256: createHash('sha256').update(readFileSync(archive)).digest('hex'), localPath: archive };
  const spokeDir = join(work, 'spoke');
  mkdirSync(spokeDir, { recursive: true });
  const ctx: PlatformContext = {
    config, version, assets: [asset], workDir: spokeDir, env: {}, dryRun: false, force: false, log: createMemoryLogger(),
    fetchAsset: async (a) => a.localPath!,
  };
  const docker = (await loadPlatform('docker'))!;
  const outcome = await publishSpoke({ key: 'docker', platform: docker, ctx, redact: createRedactor([]) });
  expect(outcome.status, outcome.detail).toBe('published');
}

describe('the pushed image runs', () => {
  test('podman pulls the scratch image from the registry and runs the binary (or, where containers cannot run, its unpacked rootfs does)', async () => {
    const repository = `acme/${uniqueName('hello-oci')}`;
    await pushImage(repository);
    const ref = `${REGISTRY}/${repository}:1.0.0`;
    const ran = await run('podman', [...storage, 'run', '--rm', '--tls-verify=false', '--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024', ref, 'from', 'podman'], { env: clientEnv(), timeoutMs: 120_000 });
    if (ran.code === 0) {
      expect(ran.stdout.trim()).toBe('hello-oci 1.0.0 from podman');
      return;
    }
    // Fallback: copy the image out, unpack its layers in order, run the entrypoint from the rootfs.
    const layout = join(work, 'oci');
    await runOk('skopeo', ['copy', '--src-tls-verify=false', `docker://${ref}`, `oci:${layout}:img`], { env: clientEnv(), timeoutMs: 60_000 });
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
    const blob = (digest: string) => join(layout, 'blobs', ...digest.split(':'));
    const manifest = JSON.parse(readFileSync(blob(index.manifests[0]!.digest), 'utf8')) as { config: { digest: string }; layers: { digest: string }[] };
    const rootfs = join(work, 'rootfs');
    mkdirSync(rootfs, { recursive: true });
    for (const layer of manifest.layers) await runOk('tar', ['-xzf', blob(layer.digest), '-C', rootfs]);
    const entrypoint = (JSON.parse(readFileSync(blob(manifest.config.digest), 'utf8')) as { config: { Entrypoint: string[] } }).config.Entrypoint;
    const out = await runOk(join(rootfs, entrypoint[0]!), ['from', 'rootfs']);
    expect(out.trim(), `podman could not run it (${ran.stderr.trim()}), so the rootfs did`).toBe('hello-oci 1.0.0 from rootfs');
  });
});
