import { writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubFake, type GitHubFake } from '../../../test/fakes/github/index.js';
import { sha256File } from './sha256-file.js';
import { fastClient, releaseFiles, TOKEN } from './test-support.js';
import { AssetUploadError, uploadAssetHashed, uploadAssetStream } from './upload-asset-stream.js';

let fake: GitHubFake;
let uploadUrl: string;
let file: string;

beforeEach(async () => {
  fake = await startGitHubFake({ token: TOKEN, repos: ['acme/app'] });
  const client = fastClient(fake);
  const { data } = await client.octokit.rest.repos.createRelease({ owner: 'acme', repo: 'app', tag_name: 'v1.0.0', draft: true });
  uploadUrl = data.upload_url;
  file = (await releaseFiles(1, { size: 3 * 1024 * 1024 }))[0]!;
});
afterEach(async () => {
  expect(fake.violations()).toEqual([]);
  await fake.close();
});

async function uploadError(promise: Promise<unknown>): Promise<AssetUploadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AssetUploadError);
    return error as AssetUploadError;
  }
  throw new Error('expected the upload to fail');
}

describe('uploadAssetStream', () => {
  it('streams the file and returns the asset GitHub reports', async () => {
    const { size } = await (await import('node:fs/promises')).stat(file);
    const asset = await uploadAssetStream({ uploadUrl, token: TOKEN, name: basename(file), label: 'Linux x64', path: file, size, contentType: 'application/gzip' });
    expect(asset).toMatchObject({ name: basename(file), label: 'Linux x64', size, state: 'uploaded', digest: `sha256:${await sha256File(file)}` });
  });

  it('hashes the bytes it sends: the digest the server computed, for a size no whole number of read chunks', async () => {
    const odd = (await releaseFiles(1, { size: 2.5 * 1024 * 1024 + 7, seed: 9 }))[0]!;
    const { size } = await (await import('node:fs/promises')).stat(odd);
    const { asset, sha256 } = await uploadAssetHashed({ uploadUrl, token: TOKEN, name: 'odd.tar.gz', path: odd, size, contentType: 'application/gzip' });
    expect(sha256).toBe(await sha256File(odd));
    expect(asset.digest).toBe(`sha256:${sha256}`);
    expect(asset.size).toBe(size);
  });

  it('maps 422 already_exists', async () => {
    const { size } = await (await import('node:fs/promises')).stat(file);
    const options = { uploadUrl, token: TOKEN, name: 'x.tar.gz', path: file, size, contentType: 'application/gzip' };
    await uploadAssetStream(options);
    const error = await uploadError(uploadAssetStream(options));
    expect(error).toMatchObject({ kind: 'already_exists', status: 422, assetName: 'x.tar.gz', retryable: false });
  });

  it.each([
    ['starter 502', { kind: 'starter502' as const }, { kind: 'bad_gateway', status: 502, retryable: true }],
    ['503', { kind: 'status' as const, status: 503 }, { kind: 'http', status: 503, retryable: true }],
    ['429 retry-after', { kind: 'status' as const, status: 429, retryAfter: 7 }, { kind: 'rate_limited', status: 429, retryAfterSeconds: 7 }],
    ['401', { kind: 'status' as const, status: 401 }, { kind: 'http', status: 401, retryable: false }],
    ['a reset mid-body', { kind: 'reset' as const, afterBytes: 100_000 }, { kind: 'network', retryable: true }],
    ['a cut-off answer', { kind: 'reset' as const, during: 'response' as const, afterBytes: 30 }, { kind: 'network', retryable: true }],
  ])('maps %s to a typed error', async (_label, fault, expected) => {
    fake.faults.add({ ...fault, path: /^\/uploads\// });
    const { size } = await (await import('node:fs/promises')).stat(file);
    const error = await uploadError(uploadAssetStream({ uploadUrl, token: TOKEN, name: 'y.tar.gz', path: file, size, contentType: 'application/gzip' }));
    expect(error).toMatchObject(expected);
    expect(error.message).toContain('y.tar.gz');
    expect(error.message).not.toContain(TOKEN);
  });

  it('refuses when the file size is not the declared Content-Length', async () => {
    await writeFile(file, 'short');
    const error = await uploadError(uploadAssetStream({ uploadUrl, token: TOKEN, name: 'z', path: file, size: 999, contentType: 'text/plain' }));
    expect(error.message).toMatch(/5 bytes, expected 999/);
    expect(fake.requests.filter((r) => r.path.startsWith('/uploads'))).toHaveLength(0);
  });

  it('stops on abort', async () => {
    fake.faults.add({ kind: 'latency', ms: 200, path: /^\/uploads\// });
    const { size } = await (await import('node:fs/promises')).stat(file);
    const error = await uploadError(
      uploadAssetStream({ uploadUrl, token: TOKEN, name: 'w', path: file, size, contentType: 'application/gzip', signal: AbortSignal.timeout(50) }),
    );
    expect(error.kind).toBe('aborted');
  });
  it('an answer before the body is sent ends the upload at once, even when the server stops reading and keeps the socket', async () => {
    // A raw server: it answers 422 as soon as it has the request line, then neither reads nor
    // closes. The body (16 MiB, more than the socket buffers hold) can never finish; waiting for
    // it would last until the idle timeout (60 s here), so the answer must end the upload.
    const big = (await releaseFiles(1, { size: 16 * 1024 * 1024, seed: 3 }))[0]!;
    const sockets: Socket[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.once('data', () => {
        socket.pause();
        const body = JSON.stringify({ message: 'Validation Failed', errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }] });
        socket.write(`HTTP/1.1 422 Unprocessable Entity\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uploads/repos/acme/app/releases/1/assets{?name,label}`;
      const started = Date.now();
      const error = await uploadError(uploadAssetStream({
        uploadUrl: url, token: TOKEN, name: 'big.tar.gz', path: big, size: 16 * 1024 * 1024, contentType: 'application/gzip', idleTimeoutMs: 60_000,
      }));
      expect(error).toMatchObject({ kind: 'already_exists', status: 422 });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  }, 30_000);
});
