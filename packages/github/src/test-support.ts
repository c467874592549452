// Shared by this package's integration tests (not a test file itself): a fast client for the local
// GitHub fake and a few release files with reproducible content.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { seededRandom, type GitHubFake } from '../../../test/fakes/github/index.js';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from './octokit-factory.js';
import type { PublishReleaseOptions } from './publish-release.js';

export const TOKEN = 'ghs_test_token_never_printed_0123456789';

/** Retries and rate-limit waits in milliseconds instead of seconds; writes unpaced. */
export function fastClient(fake: GitHubFake, overrides: Partial<GitHubClientOptions> = {}): GitHubClient & { lines: string[] } {
  const log = createMemoryLogger();
  const client = createGitHubClient({
    token: TOKEN,
    baseUrl: fake.url,
    log,
    retries: 6,
    retryBaseMs: 5,
    rateLimitRetries: 6,
    rateLimitUnitMs: 10,
    writeIntervalMs: 0,
    ...overrides,
  });
  return Object.assign(client, { lines: log.lines });
}

/** `count` files named like real archives, with content fixed by `seed`. */
export async function releaseFiles(count: number, options: { seed?: number; size?: number; version?: string } = {}): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'df-release-'));
  await mkdir(dir, { recursive: true });
  const random = seededRandom(options.seed ?? 1);
  const targets = ['linux-x64', 'linux-arm64', 'macos-x64', 'macos-arm64', 'windows-x64', 'windows-arm64', 'linux-x64-musl', 'linux-arm64-musl'];
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const target = targets[i % targets.length]!;
    const ext = target.startsWith('windows') ? 'zip' : 'tar.gz';
    const path = join(dir, `app-${options.version ?? '1.0.0'}-${target}${i >= targets.length ? `-${i}` : ''}.${ext}`);
    const bytes = Buffer.alloc((options.size ?? 4096) + i);
    for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(random() * 256);
    await writeFile(path, bytes);
    paths.push(path);
  }
  return paths;
}

export function releaseOptions(
  client: GitHubClient,
  files: string[],
  overrides: Partial<PublishReleaseOptions> = {},
): PublishReleaseOptions {
  return {
    client,
    owner: 'acme',
    repo: 'app',
    tag: 'v1.0.0',
    version: { version: '1.0.0', prerelease: false },
    files,
    checksums: true,
    draftUntilComplete: true,
    notes: { kind: 'generate' },
    force: false,
    dryRun: false,
    log: client.log,
    staleStarterMs: 1000,
    rateLimitUnitMs: 10,
    ...overrides,
  };
}
