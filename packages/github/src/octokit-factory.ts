import { setSecret } from '@actions/core';
import type { Logger } from '@deployforge/diagnostics';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
// The light build (no Redis clustering), as @octokit/plugin-throttling's own: one copy in the bundle.
import Bottleneck from 'bottleneck/light.js';
import { rateLimitFallback } from './rate-limit-fallback.js';
import { retryNotice } from './retry-notice.js';
import { timedFetch } from './timed-fetch.js';
import { truncatedResponseGuard } from './truncated-response-guard.js';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
const DEFAULT_USER_AGENT = 'deployforge';

// Order matters: plugins registered first wrap innermost. The guard sits inside the retry plugin so a
// cut-off answer is retried like any other network failure; the rate-limit fallback sits outside
// the throttling plugin so it only sees what that plugin gave up on or did not recognise. The retry
// notice sits just inside the retry plugin, so it sees each failed attempt before it is retried.
const DeployforgeOctokit = Octokit.plugin(truncatedResponseGuard, retryNotice, retry, throttling, rateLimitFallback);
export type DeployforgeOctokit = InstanceType<typeof DeployforgeOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** REST API root. Default: `GITHUB_API_URL` (read now, at call time), else https://api.github.com. */
  baseUrl?: string;
  log: Logger;
  userAgent?: string;
  /** Retries of 5xx and network failures (JSON calls and uploads alike). Default 3. */
  retries?: number;
  /**
   * Unit of the retry backoff in ms: attempt n waits n² units. Default 1000 (1 s, 4 s, 9 s), as
   * @octokit/plugin-retry. Tests pass a few ms.
   */
  retryBaseMs?: number;
  /** Each JSON request attempt gives up after this long (then counts as a network failure). Default 60 s. */
  requestTimeoutMs?: number;
  /** How many times a primary or secondary rate limit is waited out before giving up. Default 3. */
  rateLimitRetries?: number;
  /**
   * What one second of `retry-after` / `x-ratelimit-reset` is worth, in ms. Default 1000; tests
   * shrink it so a `retry-after: 1` costs milliseconds.
   */
  rateLimitUnitMs?: number;
  /**
   * Sustained pace of write requests: one per this many ms once the burst is spent. Default 1000 ms,
   * the throttling plugin's own default, after GitHub's advice to wait a second between writes when
   * making many of them. 0 turns pacing off; only tests against the local fake should lower it.
   */
  writeIntervalMs?: number;
  /**
   * Writes that may start back to back before the pace applies (a token bucket that refills one
   * write per interval). Default 10: a release of a few assets is not "a large number of requests",
   * and 10 + 60 a minute stays under the 80 content-creating requests a minute GitHub allows.
   */
  writeBurst?: number;
}

/**
 * The one GitHub seam: an Octokit for JSON calls plus what the streaming uploader needs. The token is
 * kept in a closure, not a property, so `util.inspect`, `JSON.stringify` and error dumps of a client
 * cannot print it.
 */
export interface GitHubClient {
  readonly octokit: DeployforgeOctokit;
  readonly baseUrl: string;
  readonly userAgent: string;
  readonly log: Logger;
  readonly retries: number;
  readonly retryBaseMs: number;
  /** The token, for requests made outside Octokit (asset uploads). A function so it is never enumerable data. */
  token(): string;
  /**
   * Wait for a write slot. Asset uploads go to uploads.github.com outside Octokit, so they queue on
   * the same limiter Octokit's writes use: every content-creating request of this client is paced
   * together, which is what GitHub's secondary rate limits count.
   */
  waitForWriteSlot(): Promise<void>;
}

/** Build the client every DeployForge GitHub call goes through. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { token, log } = options;
  if (!token) throw new Error('createGitHubClient: a token is required');
  // Masking happens before the first request so nothing logged afterwards (including Octokit's own
  // debug output) can carry it. Our Logger implementations never print tokens, but Actions' runner
  // log is the one place a leaked token becomes public.
  if (process.env['GITHUB_ACTIONS'] === 'true') setSecret(token);

  const baseUrl = stripTrailingSlash(options.baseUrl ?? process.env['GITHUB_API_URL'] ?? DEFAULT_GITHUB_API_URL);
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const retries = options.retries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const rateLimitUnitMs = options.rateLimitUnitMs ?? 1000;

  // The plugin's process-wide write group, but owned by this client so that the uploader can share
  // it and tests can shorten the interval without touching global state; paced as writePace says.
  const writeIntervalMs = options.writeIntervalMs ?? 1000;
  const writeGroup = new Bottleneck.Group({ maxConcurrent: 1, timeout: 2 * 60 * 1000, ...writePace(writeIntervalMs, options.writeBurst ?? 10) });
  // Writes that notify people (creating a release does) get 3 s between them in the plugin's
  // defaults; scaled with the write interval so tests can shrink both.
  const notificationsGroup = new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * writeIntervalMs, timeout: 2 * 60 * 1000 });
  const throttleId = 'deployforge';

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      if (retryCount < rateLimitRetries) {
        log.warning(
          `GitHub ${kind} rate limit on ${request.method} ${request.url}: waiting ${retryAfter}s, then retry ${retryCount + 1} of ${rateLimitRetries}`,
        );
        return true;
      }
      log.error(`GitHub ${kind} rate limit on ${request.method} ${request.url}: gave up after ${rateLimitRetries} retries`);
      return false;
    };

  const octokit = new DeployforgeOctokit({
    auth: token,
    baseUrl,
    userAgent,
    request: { fetch: timedFetch(options.requestTimeoutMs ?? 60_000) },
    log: {
      debug: (m: string) => log.debug(m),
      info: (m: string) => log.debug(m),
      warn: (m: string) => log.warning(m),
      // Octokit logs every non-2xx as an error, including the 404s that existence checks expect;
      // the caller decides what a failure means and reports it once, in its own words.
      error: (m: string) => log.debug(m),
    },
    retry: {
      retries,
      retryAfterBaseValue: retryBaseMs,
      // 429 is left to the rate-limit handlers, which honour retry-after instead of guessing.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      id: throttleId,
      write: writeGroup,
      notifications: notificationsGroup,
      retryAfterBaseValue: rateLimitUnitMs,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
    },
    rateLimitFallback: { retries: rateLimitRetries, unitMs: rateLimitUnitMs, log },
    retryNotice: { retries, retryBaseMs, log },
  });

  return {
    octokit,
    baseUrl,
    userAgent,
    log,
    retries,
    retryBaseMs,
    token: () => token,
    waitForWriteSlot: () => writeGroup.key(throttleId).schedule(() => Promise.resolve()),
  };
}

/**
 * Bottleneck settings for the write group: serial always, and a token bucket rather than a fixed
 * gap. A fixed 1 s gap cost every release one second per write (4 s for one small asset, and 1 s
 * before the upload of a large one, issue 20); the bucket lets the first `burst` writes start at
 * once and then holds the plugin's one write a second.
 */
export function writePace(intervalMs: number, burst: number): Bottleneck.ConstructorOptions {
  if (intervalMs <= 0) return {};
  const size = Math.max(1, Math.floor(burst));
  return { reservoir: size, reservoirIncreaseAmount: 1, reservoirIncreaseInterval: intervalMs, reservoirIncreaseMaximum: size };
}

function stripTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
