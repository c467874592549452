import { createServer, type Socket } from 'node:net';
import { asUserFacingError, createMemoryLogger } from '@deployforge/diagnostics';
import { describe, expect, it } from 'vitest';
import { createGitHubClient } from './octokit-factory.js';

/** Servers on 127.0.0.1:0 that never answer an HTTP request: one takes the connection, one is closed. */
async function listen(onConnection: (socket: Socket) => void): Promise<{ port: number; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    onConnection(socket);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

function client(port: number) {
  const log = createMemoryLogger();
  const github = createGitHubClient({ token: 'ghs_network_failures_0123456789', log, baseUrl: `http://127.0.0.1:${port}`, retries: 2, retryBaseMs: 1, requestTimeoutMs: 200 });
  return { log, github };
}

describe('a GitHub API that does not answer', () => {
  it('a silent server: each attempt times out, every retry is logged, the error names the URL', async () => {
    const silent = await listen(() => {});
    try {
      const { log, github } = client(silent.port);
      const error = await github.octokit.rest.repos.listReleases({ owner: 'acme', repo: 'app' }).catch((e: unknown) => e);
      const url = `http://127.0.0.1:${silent.port}/repos/acme/app/releases`;
      expect(log.lines.filter((l) => l.startsWith(`warning: GET ${url}`)).map((l) => l.replace(/.*; /, ''))).toEqual(['retry 1 of 2 in 1 ms', 'retry 2 of 2 in 4 ms']);
      expect(asUserFacingError(error)?.message).toBe(`could not reach ${url}: no answer before the timeout (tried 3 times). Check the network (and any proxy), and that the URL is right.`);
    } finally {
      await silent.close();
    }
  });

  it('a refused connection: the same, with the reason', async () => {
    const gone = await listen(() => {});
    const { port } = gone;
    await gone.close();
    const { log, github } = client(port);
    const error = await github.octokit.rest.repos.getLatestRelease({ owner: 'acme', repo: 'app' }).catch((e: unknown) => e);
    expect(log.lines.filter((l) => /connect ECONNREFUSED \S+; retry \d of 2 in/.test(l)), log.lines.join('\n') + String(error)).toHaveLength(2);
    expect(asUserFacingError(error)?.message).toMatch(new RegExp(`^could not reach http://127\\.0\\.0\\.1:${port}/repos/acme/app/releases/latest: connect ECONNREFUSED .*\\(tried 3 times\\)`));
  });
});
