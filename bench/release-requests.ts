// GitHub API requests per release: publishRelease (the hub) with K assets plus SHA256SUMS, counted at
// the GitHub fake, for a first run and for a re-run of the finished release (which must write
// nothing). Counts, not times: they are what GitHub's rate limits and secondary limits see.
//
//   npx tsx bench/release-requests.ts
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '../packages/diagnostics/src/index.js';
import { createGitHubClient, publishRelease } from '../packages/github/src/index.js';
import { startGitHubFake, type RecordedRequest } from '../test/fakes/github/index.js';
import { printTable, writeResult } from './bench-support.js';

const TOKEN = 'ghs_bench_release_requests_0123456789';
const KS = [1, 5, 20];

const fake = await startGitHubFake({ token: TOKEN, repos: KS.map((k) => `bench/assets-${k}`), printViolations: false });
const client = createGitHubClient({ token: TOKEN, baseUrl: fake.url, log: createMemoryLogger(), writeIntervalMs: 0, retryBaseMs: 1 });
const dir = mkdtempSync(join(tmpdir(), 'deployforge-bench-requests-'));

/** `GET listReleases ×2, POST uploadReleaseAsset ×6…`: what the run asked for, grouped. */
function byOperation(requests: RecordedRequest[]): string {
  const counts = new Map<string, number>();
  for (const r of requests) {
    const key = `${r.method} ${r.operationId ?? r.path.replace(/\?.*$/, '')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ×${n}`).join(', ');
}

const rows: Array<{ k: number; run: string; requests: number; writes: number; reportedWrites: number; operations: string }> = [];
try {
  for (const k of KS) {
    const files = Array.from({ length: k }, (_, i) => {
      const file = join(dir, `app-1.0.0-target${i}.tar.gz`);
      writeFileSync(file, randomBytes(4096));
      return file;
    });
    for (const run of ['first run', 're-run']) {
      const before = fake.requests.length;
      const writesBefore = fake.writeCount();
      const result = await publishRelease({
        client, owner: 'bench', repo: `assets-${k}`, tag: 'v1.0.0', version: { version: '1.0.0', prerelease: false },
        files, checksums: true, draftUntilComplete: true, notes: { kind: 'none' }, force: false, dryRun: false, log: createMemoryLogger(),
      });
      if (!result.published) throw new Error(`K=${k} ${run}: the release is not published`);
      const seen = fake.requests.slice(before);
      rows.push({ k, run, requests: seen.length, writes: fake.writeCount() - writesBefore, reportedWrites: result.writes, operations: byOperation(seen) });
    }
  }
  const violations = fake.violations();
  if (violations.length > 0) throw new Error(`the GitHub fake saw OpenAPI violations:\n${violations.join('\n')}`);
} finally {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}

printTable(
  'GitHub API requests per release (publishRelease, K assets + SHA256SUMS, draft → upload → publish, writeIntervalMs 0), counted at the fake',
  ['K', 'run', 'requests', 'writes (fake)', 'writes (reported)', 'requests by operation'],
  rows.map((r) => [r.k, r.run, r.requests, r.writes, r.reportedWrites, r.operations]),
);
writeResult('release-requests', { rows });
