import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runActionBundle } from '../helpers/run-action-bundle.js';

/** A 127.0.0.1 port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('an action whose GitHub API cannot be reached', () => {
  test('create-release: a warning per retry, then a failed step naming the URL', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'df-action-unreachable-'));
    writeFileSync(join(cwd, 'deployforge.yml'), 'project: { name: demo, repository: acme/demo }\nbuild: { targets: [linux-x64] }\nrelease: { notes: none }\nplatforms: {}\n');
    mkdirSync(join(cwd, 'artifacts'));
    writeFileSync(join(cwd, 'artifacts/demo-1.0.0-linux-x64.tar.gz'), 'archive bytes\n');
    const port = await closedPort();
    const run = await runActionBundle('create-release', {
      cwd, inputs: { token: 'ghs_unreachable_0123456789', artifacts: 'artifacts' },
      env: { GITHUB_API_URL: `http://127.0.0.1:${port}`, GITHUB_REPOSITORY: 'acme/demo', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0' },
    });
    expect(run.code).toBe(1);
    const url = `http://127.0.0.1:${port}/repos/acme/demo/releases`;
    expect(run.stdout.split('\n').filter((l) => l.startsWith(`::warning::GET ${url}`) && /ECONNREFUSED/.test(l))).toHaveLength(3);
    expect(run.stdout).toMatch(new RegExp(`^::error::create-release failed: .*could not reach ${url.replace(/\./g, '\\.')}\\S*: connect ECONNREFUSED .*\\(tried 4 times\\)`, 'm'));
  }, 60_000);
});
