import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { escapedName, getPackument, NpmRegistryError, putDistTag, putVersion, registryMessage } from './registry-client.js';

// A throwaway in-process server records exactly what the client sends: the streamed PUT body must be
// the JSON document npm sends, with the tarball as base64 that decodes to the very file.
interface Seen { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer }
const seen: Seen[] = [];
let answer: { status: number; body: string } = { status: 201, body: '{"ok":true}' };
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  });
});
let registry = '';
const root = mkdtempSync(join(tmpdir(), 'df-npm-client-'));

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

describe('registry client', () => {
  test('escapes scoped names the way npm does', () => {
    expect(escapedName('@acme/tool-linux-x64')).toBe('@acme%2ftool-linux-x64');
    expect(escapedName('tool')).toBe('tool');
  });

  test.each([0, 1, 2, 3, 786_431, 786_432, 786_433, 2_000_001])('streams a %i-byte tarball as exact base64 inside the JSON', async (size) => {
    const file = join(root, `t-${size}.tgz`);
    const bytes = randomBytes(size);
    writeFileSync(file, bytes);
    answer = { status: 201, body: '{}' };
    await putVersion({ registry, token: 'tok-123456' }, '@acme/tool', { name: '@acme/tool', versions: {} }, { key: '@acme/tool-1.0.0.tgz', path: file, size });
    const req = seen.at(-1)!;
    expect(req.method).toBe('PUT');
    expect(req.url).toBe('/@acme%2ftool');
    expect(req.headers.authorization).toBe('Bearer tok-123456');
    expect(Number(req.headers['content-length'])).toBe(req.body.length);
    const doc = JSON.parse(req.body.toString('utf8')) as { name: string; _attachments: Record<string, { data: string; length: number; content_type: string }> };
    expect(doc.name).toBe('@acme/tool');
    const attachment = doc._attachments['@acme/tool-1.0.0.tgz']!;
    expect(attachment).toMatchObject({ length: size, content_type: 'application/octet-stream' });
    expect(Buffer.from(attachment.data, 'base64').equals(bytes)).toBe(true);
  });

  test('dist-tag PUT sends the version as a JSON string', async () => {
    answer = { status: 200, body: '{}' };
    await putDistTag({ registry }, 'tool', 'latest', '1.0.0');
    expect(seen.at(-1)).toMatchObject({ method: 'PUT', url: '/-/package/tool/dist-tags/latest' });
    expect(seen.at(-1)!.body.toString()).toBe('"1.0.0"');
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();
  });

  test('404 is "no such package"; other answers are errors carrying status and the registry\'s words', async () => {
    answer = { status: 404, body: '{"error":"not found"}' };
    expect(await getPackument({ registry }, 'nope')).toBeUndefined();
    answer = { status: 403, body: '{"error":"You cannot publish over the previously published versions: 1.0.0."}' };
    const error = await putDistTag({ registry, token: 'x'.repeat(10), tokenName: 'NPM_TOKEN' }, 'tool', 'latest', '1.0.0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NpmRegistryError);
    expect((error as NpmRegistryError).status).toBe(403);
    expect((error as Error).message).toContain('answered HTTP 403 (You cannot publish over the previously published versions: 1.0.0.): NPM_TOKEN may not publish this package');
  });

  test('registryMessage reads error/reason/message, or the raw text', () => {
    expect(registryMessage('{"error":"bad"}')).toBe('bad');
    expect(registryMessage('{"message":"m"}')).toBe('m');
    expect(registryMessage('<html>oops</html>')).toBe('<html>oops</html>');
  });
});
