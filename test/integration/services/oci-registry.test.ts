import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertReachable, clientEnv, runOk, testServices, uniqueName } from '../../helpers/services.js';

// Proves the local docker-registry (distribution 2.8) takes what our OCI spoke pushes: a multi-arch image
// index built blob by blob through the registry HTTP API, read back by a real client (skopeo) per platform.

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';

const sha256 = (data: Buffer | string): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** One regular file in a POSIX ustar archive: the smallest layer a registry and skopeo accept as real. */
function tarWithFile(name: string, content: string): Buffer {
  const body = Buffer.from(content);
  const header = Buffer.alloc(512);
  const field = (offset: number, length: number, value: string): void => {
    header.write(value, offset, length, 'latin1');
  };
  const octal = (offset: number, length: number, value: number): void =>
    field(offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
  field(0, 100, name);
  octal(100, 8, 0o644);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, body.length);
  octal(136, 12, 0);
  field(156, 1, '0');
  field(257, 6, 'ustar\0');
  field(263, 2, '00');
  // The checksum is computed with its own field read as eight spaces.
  field(148, 8, '        ');
  let sum = 0;
  for (const byte of header) sum += byte;
  field(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  const padding = Buffer.alloc((512 - (body.length % 512)) % 512);
  return Buffer.concat([header, body, padding, Buffer.alloc(1024)]);
}

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}

describe('docker-registry (OCI registry on 127.0.0.1:5000)', () => {
  const env = testServices();
  const base = `http://${env.DEPLOYFORGE_TEST_OCI_REGISTRY}/v2`;
  const repo = `deployforge-it/${uniqueName('tool')}`;
  const tag = '1.2.3';
  const platforms = ['amd64', 'arm64'] as const;
  const pushed = new Map<string, { manifest: Descriptor; layer: string; diffId: string }>();
  let indexDigest = '';

  beforeAll(async () => {
    await assertReachable('docker-registry', env.DEPLOYFORGE_TEST_OCI_REGISTRY);
  });

  async function pushBlob(data: Buffer): Promise<string> {
    const digest = sha256(data);
    const start = await fetch(`${base}/${repo}/blobs/uploads/`, { method: 'POST' });
    expect(start.status).toBe(202);
    // Location may be relative and already carry a query (the upload state), so resolve and append.
    const location = new URL(start.headers.get('location') ?? '', base);
    location.searchParams.set('digest', digest);
    const done = await fetch(location, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: data,
    });
    expect(done.status).toBe(201);
    expect(done.headers.get('docker-content-digest')).toBe(digest);
    return digest;
  }

  async function putManifest(reference: string, mediaType: string, body: string): Promise<string> {
    const response = await fetch(`${base}/${repo}/manifests/${reference}`, {
      method: 'PUT',
      headers: { 'content-type': mediaType },
      body,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return response.headers.get('docker-content-digest') ?? '';
  }

  it('accepts a two-platform OCI image index pushed through the HTTP API', async () => {
    const children: (Descriptor & { platform: { architecture: string; os: string } })[] = [];
    for (const arch of platforms) {
      const tar = tarWithFile('usr/bin/tool', `#!/bin/sh\necho tool for ${arch}\n`);
      const layerBlob = gzipSync(tar);
      const layer = await pushBlob(layerBlob);
      // diff_ids name the *uncompressed* layer; a gzip digest here makes runtimes reject the image.
      const diffId = sha256(tar);
      const config = Buffer.from(
        JSON.stringify({
          architecture: arch,
          os: 'linux',
          config: { Entrypoint: ['/usr/bin/tool'] },
          rootfs: { type: 'layers', diff_ids: [diffId] },
        }),
      );
      const configDigest = await pushBlob(config);
      const manifest = JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: OCI_CONFIG, digest: configDigest, size: config.length },
        layers: [{ mediaType: OCI_LAYER_GZIP, digest: layer, size: layerBlob.length }],
      });
      const digest = sha256(manifest);
      expect(await putManifest(digest, OCI_MANIFEST, manifest)).toBe(digest);
      const descriptor = { mediaType: OCI_MANIFEST, digest, size: Buffer.byteLength(manifest) };
      pushed.set(arch, { manifest: descriptor, layer, diffId });
      children.push({ ...descriptor, platform: { architecture: arch, os: 'linux' } });
    }
    const index = JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: children });
    indexDigest = await putManifest(tag, OCI_INDEX, index);
    expect(indexDigest).toBe(sha256(index));
  });

  it('serves the index only to clients that Accept OCI media types', async () => {
    const withAccept = await fetch(`${base}/${repo}/manifests/${tag}`, {
      method: 'HEAD',
      headers: { accept: [OCI_INDEX, OCI_MANIFEST].join(', ') },
    });
    expect(withAccept.status).toBe(200);
    expect(withAccept.headers.get('docker-content-digest')).toBe(indexDigest);
    expect(withAccept.headers.get('content-type')).toBe(OCI_INDEX);
    // distribution 2.8 pretends OCI manifests do not exist for a client that does not list their types.
    const without = await fetch(`${base}/${repo}/manifests/${tag}`);
    expect(without.status).toBe(404);
    expect(await without.text()).toContain('MANIFEST_UNKNOWN');
  });

  it.each(platforms)('skopeo resolves the %s image from the index', async (arch) => {
    const expected = pushed.get(arch);
    expect(expected, 'the push test must have run').toBeDefined();
    const ref = `docker://${env.DEPLOYFORGE_TEST_OCI_REGISTRY}/${repo}:${tag}`;
    const skopeo = (...args: string[]) =>
      runOk('skopeo', ['inspect', '--tls-verify=false', '--override-os', 'linux', '--override-arch', arch, ...args, ref], {
        env: clientEnv(),
      });
    const info = JSON.parse(await skopeo()) as { Architecture: string; Os: string; Layers: string[]; Digest: string };
    expect(info.Architecture).toBe(arch);
    expect(info.Os).toBe('linux');
    // skopeo reports the digest of what the tag names (the index), then follows it to this platform.
    expect(info.Digest).toBe(indexDigest);
    expect(info.Layers).toEqual([expected?.layer]);
    const config = JSON.parse(await skopeo('--config')) as { architecture: string; rootfs: { diff_ids: string[] } };
    expect(config.architecture).toBe(arch);
    expect(config.rootfs.diff_ids).toEqual([expected?.diffId]);
  });

  it('skopeo reads the raw index with one distinct manifest per platform', async () => {
    const raw = await runOk(
      'skopeo',
      ['inspect', '--tls-verify=false', '--raw', `docker://${env.DEPLOYFORGE_TEST_OCI_REGISTRY}/${repo}:${tag}`],
      { env: clientEnv() },
    );
    expect(sha256(raw)).toBe(indexDigest);
    const index = JSON.parse(raw) as { mediaType: string; manifests: (Descriptor & { platform: { architecture: string } })[] };
    expect(index.mediaType).toBe(OCI_INDEX);
    const byArch = Object.fromEntries(index.manifests.map((m) => [m.platform.architecture, m.digest]));
    expect(byArch).toEqual({ amd64: pushed.get('amd64')?.manifest.digest, arm64: pushed.get('arm64')?.manifest.digest });
    expect(byArch.amd64).not.toBe(byArch.arm64);
  });

  it('deletes a manifest by digest (delete.enabled)', async () => {
    const response = await fetch(`${base}/${repo}/manifests/${indexDigest}`, { method: 'DELETE' });
    expect(response.status).toBe(202);
    const gone = await fetch(`${base}/${repo}/manifests/${tag}`, { method: 'HEAD', headers: { accept: OCI_INDEX } });
    expect(gone.status).toBe(404);
  });
});
