// A small GitHub REST fake for tests: releases and release assets, validated against GitHub's own OpenAPI
// description, with fault injection. Start it, point Octokit's baseUrl (or GITHUB_API_URL) at `url`.
//
//   const gh = await startGitHubFake({ token: 't', repos: ['octo/app'] });
//   const octokit = new Octokit({ auth: 't', baseUrl: gh.url });
//   …
//   expect(gh.violations()).toEqual([]);
//   await gh.close();

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assetHandlers } from './assets.js';
import { contentHandlers } from './contents.js';
import { issueHandlers } from './issues.js';
import type { FakeContext, FakeQuirks, Handler, RecordedRequest } from './context.js';
import { createFaultInjector, type FaultInjector } from './faults.js';
import { forkHandlers } from './forks.js';
import { gitObjectHandlers } from './git-objects.js';
import { pullHandlers } from './pulls.js';
import { refHandlers } from './refs.js';
import { releaseHandlers } from './releases.js';
import { repoHandlers } from './repos.js';
import { createRouter } from './router.js';
import { simpleUser } from './serialize.js';
import { createState, type FakeState } from './state.js';
import { OpenApiValidator } from './validation.js';

export type { FakeState, FakeRepo, FakeRelease, FakeAsset, AssetState } from './state.js';
export type { RecordedRequest } from './context.js';
export type { FaultInjector, FaultRule, FaultAction, ActiveFault } from './faults.js';
export type { FakeQuirks } from './context.js';
export { seededRandom } from './faults.js';
export { issuesOf, seedIssue, seedPagesSite, type FakeIssue } from './issues.js';
export { gitData, seedFiles, seedTag, blobSha, type GitData, type FakePull, type FakeCommit, type FakeTagObject } from './git-data.js';

export interface GitHubFake {
  /** API base, e.g. http://127.0.0.1:PORT (use as GITHUB_API_URL / Octokit baseUrl). */
  url: string;
  /** Base of the upload_url values it hands out (same server, `/uploads` prefix). */
  uploadUrl: string;
  state: FakeState;
  requests: RecordedRequest[];
  faults: FaultInjector;
  /** Server behaviours to switch on and off while the fake runs: `gh.quirks.stripDigests = true`. */
  quirks: FakeQuirks;
  /** Every OpenAPI request/response validation failure so far (and fake-side errors). Tests assert it is empty. */
  violations(): string[];
  /** Write requests (POST/PATCH/PUT/DELETE, generate-notes excluded) that took effect with a 2xx. */
  writeCount(): number;
  /** OpenAPI version and @octokit/openapi version of the description requests are validated against. */
  description: { openapi: string; source: string };
  close(): Promise<void>;
}

export interface GitHubFakeOptions {
  /** When set, every API request must carry `Authorization: token <it>` or `Bearer <it>` (401 otherwise). */
  token?: string;
  /** Seed of the PRNG behind probabilistic faults. */
  seed?: number;
  /** Repos that exist (`owner/name`); others are 404. Omitted: any repo exists on first use. */
  repos?: string[];
  /** Where uploaded asset bytes go; a temp dir (removed on close) when omitted. */
  dataDir?: string;
  /** Print each distinct violation once to stderr when it first happens (default true). */
  printViolations?: boolean;
  /** Initial quirks (all off by default). */
  quirks?: Partial<FakeQuirks>;
}

// Compiling the description is the slow part; every fake in a test file can share one validator.
let sharedValidator: OpenApiValidator | undefined;

// Git side (repos/refs/contents/pulls): what pull-request based spokes (Flathub, Winget…) use.
const handlers: Record<string, Handler> = { ...releaseHandlers, ...assetHandlers, ...repoHandlers, ...refHandlers, ...contentHandlers, ...pullHandlers, ...forkHandlers, ...gitObjectHandlers, ...issueHandlers };

export async function startGitHubFake(options: GitHubFakeOptions = {}): Promise<GitHubFake> {
  sharedValidator ??= OpenApiValidator.load();
  const validator = sharedValidator;
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'deployforge-github-fake-')));
  const state = createState(options.repos === undefined ? {} : { repos: options.repos });
  const faults = createFaultInjector(options.seed ?? 1);
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const printed = new Set<string>();
  const print = options.printViolations ?? true;

  const fake: FakeContext = {
    state,
    url: '',
    uploadUrl: '',
    dataDir,
    user: {},
    quirks: { stripDigests: false, immutableReleases: false, ...options.quirks },
    isAuthenticated(req: IncomingMessage) {
      const header = req.headers.authorization;
      if (!header) return false;
      return options.token === undefined || /^(?:token|bearer)\s+(\S+)/i.exec(header)?.[1] === options.token;
    },
  };

  const server = createServer(
    createRouter({
      fake,
      validator,
      faults,
      handlers,
      requests,
      ...(options.token !== undefined ? { token: options.token } : {}),
      violation(record, message) {
        record.validationErrors.push(message);
        const line = `${record.method} ${record.path}: ${message}`;
        violations.push(line);
        if (print && !printed.has(message)) {
          printed.add(message);
          console.warn(`[github-fake] OpenAPI violation: ${line}`);
        }
      },
    }),
  );
  // Uploads of large assets over loopback can legitimately take a while: don't let Node time them out.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}`;
  fake.uploadUrl = `${fake.url}/uploads`;
  fake.user = simpleUser(fake.url, 'deployforge-bot', 1000);

  return {
    url: fake.url,
    uploadUrl: fake.uploadUrl,
    state,
    requests,
    faults,
    quirks: fake.quirks,
    violations: () => [...violations],
    writeCount: () => requests.filter((r) => r.isWrite && r.status >= 200 && r.status < 300).length,
    description: { openapi: validator.openapiVersion, source: `@octokit/openapi@${validator.sourceVersion}` },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
