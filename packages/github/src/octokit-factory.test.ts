import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startGitHubFake, type GitHubFake } from '../../../test/fakes/github/index.js';
import { createGitHubClient } from './octokit-factory.js';
import { fastClient, TOKEN } from './test-support.js';

let fake: GitHubFake;
beforeEach(async () => {
  fake = await startGitHubFake({ token: TOKEN, repos: ['acme/app'] });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  expect(fake.violations()).toEqual([]);
  await fake.close();
});

const listReleases = (client: ReturnType<typeof fastClient>) => client.octokit.rest.repos.listReleases({ owner: 'acme', repo: 'app' });

describe('createGitHubClient', () => {
  it('reads GITHUB_API_URL when called, not when imported', async () => {
    vi.stubEnv('GITHUB_API_URL', `${fake.url}/`);
    const client = createGitHubClient({ token: TOKEN, log: createMemoryLogger() });
    expect(client.baseUrl).toBe(fake.url);
    expect((await client.octokit.rest.repos.listReleases({ owner: 'acme', repo: 'app' })).status).toBe(200);
  });

  it('defaults to api.github.com and prefers the option over the environment', () => {
    vi.stubEnv('GITHUB_API_URL', '');
    delete process.env['GITHUB_API_URL'];
    expect(createGitHubClient({ token: TOKEN, log: createMemoryLogger() }).baseUrl).toBe('https://api.github.com');
    vi.stubEnv('GITHUB_API_URL', 'https://ghes.example.test/api/v3');
    expect(createGitHubClient({ token: TOKEN, log: createMemoryLogger(), baseUrl: fake.url }).baseUrl).toBe(fake.url);
  });

  it('masks the token in Actions', () => {
    vi.stubEnv('GITHUB_ACTIONS', 'true');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      createGitHubClient({ token: TOKEN, log: createMemoryLogger() });
      expect(write.mock.calls.map((c) => String(c[0])).join('')).toContain(`::add-mask::${TOKEN}`);
    } finally {
      write.mockRestore();
    }
  });

  it('keeps the token out of inspection and JSON', () => {
    const client = fastClient(fake);
    expect(JSON.stringify({ ...client, octokit: undefined })).not.toContain(TOKEN);
  });

  it.each([
    ['500', { kind: 'status' as const, status: 500 }],
    ['502', { kind: 'status' as const, status: 502 }],
    ['a reset connection', { kind: 'reset' as const, during: 'request' as const }],
    ['a cut-off answer', { kind: 'reset' as const, during: 'response' as const, afterBytes: 10 }],
  ])('retries %s a bounded number of times', async (_label, fault) => {
    fake.faults.add({ ...fault, path: /releases$/, times: 2 });
    const client = fastClient(fake, { retries: 2 });
    expect(Array.isArray((await listReleases(client)).data)).toBe(true);
    fake.faults.clear();
    fake.faults.add({ ...fault, path: /releases$/, times: 3 });
    const before = fake.requests.length;
    const error = await listReleases(fastClient(fake, { retries: 2 })).catch((e: unknown) => e as { status: number });
    expect(error.status).toBeGreaterThanOrEqual(500);
    expect(fake.requests.length - before).toBe(3);
  });

  it.each([
    ['secondary 403 with retry-after', { status: 403, retryAfter: 1 }, /secondary rate limit/],
    ['secondary 429', { status: 429, retryAfter: 0 }, /secondary rate limit/],
    ['primary 429 (x-ratelimit-reset)', { status: 429, retryAfter: 1, rateLimit: 'primary' as const }, /primary rate limit/],
    ['a bare 429 with retry-after', { status: 429, retryAfter: 1, body: { message: 'slow down' } }, /answered 429.*retry-after/],
  ])('waits out a %s, logging it', async (_label, fault, logLine) => {
    fake.faults.add({ kind: 'status', ...fault, path: /releases$/, times: 2 });
    const client = fastClient(fake);
    expect((await listReleases(client)).status).toBe(200);
    expect(client.lines.filter((l) => logLine.test(l))).toHaveLength(2);
  });

  it('gives up on rate limits after the configured retries', async () => {
    fake.faults.add({ kind: 'status', status: 429, retryAfter: 0, path: /releases$/ });
    const client = fastClient(fake, { rateLimitRetries: 2 });
    await expect(listReleases(client)).rejects.toMatchObject({ status: 429 });
    expect(fake.requests.filter((r) => r.path.includes('/releases'))).toHaveLength(3);
  });

  it('honours retry-after in seconds (scaled) before retrying', async () => {
    // A bare server so the test controls the exact header; the fake answers the second call.
    let calls = 0;
    const stamps: number[] = [];
    const server: Server = createServer((_req, res) => {
      stamps.push(Date.now());
      if (calls++ === 0) {
        res.writeHead(429, { 'retry-after': '2', 'content-type': 'application/json' }).end('{"message":"busy"}');
      } else res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const client = createGitHubClient({
        token: TOKEN,
        log: createMemoryLogger(),
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        rateLimitUnitMs: 100,
      });
      await client.octokit.rest.repos.listReleases({ owner: 'a', repo: 'b' });
      expect(stamps[1]! - stamps[0]!).toBeGreaterThanOrEqual(190);
    } finally {
      server.close();
    }
  });
  it('lets a burst of writes start at once, then paces the rest on the shared bucket', async () => {
    // One write a second, burst 3. Bottleneck refills on its 250 ms heartbeat, counted from the
    // bucket's creation (the createRelease below), so the next token comes about 1 s after it: the
    // bounds leave room for a slow machine (a fixed gap, as before, fails the first one).
    const client = createGitHubClient({ token: TOKEN, log: createMemoryLogger(), baseUrl: fake.url, writeIntervalMs: 1000, writeBurst: 3 });
    const { data: release } = await client.octokit.rest.repos.createRelease({ owner: 'acme', repo: 'app', tag_name: 'v1.0.0', draft: true });
    const start = Date.now();
    // The release's creation took one token: two slots remain, then an Octokit write must wait too.
    const slots = await Promise.all([client.waitForWriteSlot(), client.waitForWriteSlot()].map((p) => p.then(() => Date.now() - start)));
    expect(Math.max(...slots)).toBeLessThan(400);
    await client.octokit.rest.repos.updateRelease({ owner: 'acme', repo: 'app', release_id: release.id, name: 'paced' });
    expect(Date.now() - start).toBeGreaterThanOrEqual(500);
  });

  it('does not pace writes when the interval is 0', async () => {
    const client = createGitHubClient({ token: TOKEN, log: createMemoryLogger(), baseUrl: fake.url, writeIntervalMs: 0, writeBurst: 1 });
    const start = Date.now();
    await Promise.all(Array.from({ length: 20 }, () => client.waitForWriteSlot()));
    expect(Date.now() - start).toBeLessThan(200);
  });
});
