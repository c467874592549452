import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { MANIFEST_ACCEPT } from './oci-media-types.js';
import { describeRegistryError, type RegistryClient, type RegistryResponse } from './registry-client.js';

/** What the registry holds under a tag or digest: the digest it reports, or nothing. */
export interface RemoteManifest {
  digest: string;
  mediaType: string;
}

const failure = (what: string, res: RegistryResponse) => new Error(`${what}: ${describeRegistryError(res)}`);

function digestHeader(res: RegistryResponse): string | undefined {
  const value = res.headers['docker-content-digest'];
  return Array.isArray(value) ? value[0] : value;
}

/** HEAD a manifest (always with the OCI types in Accept). undefined when the tag does not exist. */
export async function headManifest(client: RegistryClient, repository: string, reference: string): Promise<RemoteManifest | undefined> {
  const res = await client.request({ method: 'HEAD', path: `/v2/${repository}/manifests/${reference}`, repository, actions: 'pull', headers: { Accept: MANIFEST_ACCEPT } });
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw failure(`HEAD ${repository}:${reference}`, res);
  const digest = digestHeader(res);
  if (!digest) throw new Error(`HEAD ${repository}:${reference}: the registry sent no Docker-Content-Digest`);
  return { digest, mediaType: String(res.headers['content-type'] ?? '') };
}

/** GET a manifest's exact bytes (a digest names bytes: re-serialising would change it). */
export async function getManifest(client: RegistryClient, repository: string, reference: string): Promise<{ bytes: Buffer; mediaType: string; digest?: string } | undefined> {
  const res = await client.request({ method: 'GET', path: `/v2/${repository}/manifests/${reference}`, repository, actions: 'pull', headers: { Accept: MANIFEST_ACCEPT } });
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw failure(`GET ${repository}:${reference}`, res);
  const digest = digestHeader(res);
  return { bytes: res.body, mediaType: String(res.headers['content-type'] ?? '').split(';')[0] ?? '', ...(digest ? { digest } : {}) };
}

export async function putManifest(client: RegistryClient, repository: string, reference: string, mediaType: string, bytes: Buffer): Promise<void> {
  const res = await client.request({ method: 'PUT', path: `/v2/${repository}/manifests/${reference}`, repository, actions: 'pull,push', headers: { 'Content-Type': mediaType }, body: bytes });
  if (res.status !== 201 && res.status !== 200) throw failure(`PUT ${repository}:${reference}`, res);
}

export async function blobExists(client: RegistryClient, repository: string, digest: string): Promise<boolean> {
  const res = await client.request({ method: 'HEAD', path: `/v2/${repository}/blobs/${digest}`, repository, actions: 'pull,push' });
  if (res.status === 200) return true;
  if (res.status === 404) return false;
  throw failure(`HEAD blob ${digest} in ${repository}`, res);
}

export async function getBlob(client: RegistryClient, repository: string, digest: string): Promise<Readable> {
  const res = await client.request({ method: 'GET', path: `/v2/${repository}/blobs/${digest}`, repository, actions: 'pull', stream: true });
  if (res.status !== 200 || !res.stream) throw failure(`GET blob ${digest} from ${repository}`, res);
  return res.stream;
}

/** Where a blob's bytes come from when it has to be uploaded. */
export type BlobSource =
  | { kind: 'file'; path: string }
  | { kind: 'bytes'; bytes: Buffer }
  /** Streamed from another registry (a base layer); opened only when needed. */
  | { kind: 'stream'; open: () => Promise<Readable> };

export type BlobPushResult = 'exists' | 'mounted' | 'uploaded';

function location(res: RegistryResponse, what: string): string {
  const value = res.headers.location;
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) throw new Error(`${what}: the registry sent no upload Location`);
  return text;
}

/**
 * Make a blob present in a repository with as few bytes on the wire as possible: HEAD (already there:
 * nothing to do), else a cross-repository mount from a repository on the same registry that has it
 * (201: done without uploading), else one monolithic upload (POST, then PUT ?digest= streaming the bytes).
 */
export async function pushBlob(
  client: RegistryClient,
  repository: string,
  blob: { digest: string; size: number },
  source: BlobSource,
  mountFrom?: string,
): Promise<BlobPushResult> {
  if (await blobExists(client, repository, blob.digest)) return 'exists';
  const what = `uploading ${blob.digest} to ${repository}`;
  const query = mountFrom && mountFrom !== repository ? `?mount=${encodeURIComponent(blob.digest)}&from=${encodeURIComponent(mountFrom)}` : '';
  const start = await client.request({
    method: 'POST',
    path: `/v2/${repository}/blobs/uploads/${query}`,
    repository,
    actions: 'pull,push',
    ...(query && mountFrom ? { extraScopes: [`repository:${mountFrom}:pull`] } : {}),
  });
  if (start.status === 201 && query) return 'mounted';
  // 202: an upload session (also the answer when a mount was not possible).
  if (start.status !== 202) throw failure(what, start);
  const target = new URL(location(start, what), client.endpoint);
  target.searchParams.set('digest', blob.digest);
  let body;
  if (source.kind === 'bytes') {
    body = source.bytes;
  } else if (source.kind === 'file') {
    const path = source.path;
    body = { length: blob.size, open: () => createReadStream(path, { highWaterMark: 1 << 20 }) };
  } else {
    // A stream from another registry can be read once: open it now, and the upload is not retried.
    const stream = await source.open();
    let used = false;
    body = {
      length: blob.size,
      open: () => {
        if (used) throw new Error(`${what}: the copy from the base image's registry cannot be replayed`);
        used = true;
        return stream;
      },
    };
  }
  const done = await client.request({
    method: 'PUT',
    path: target.href,
    repository,
    actions: 'pull,push',
    headers: { 'Content-Type': 'application/octet-stream' },
    body,
  });
  if (done.status !== 201) throw failure(what, done);
  return 'uploaded';
}
