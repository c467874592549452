import type { Logger } from '@deployforge/diagnostics';
import type { Octokit } from '@octokit/core';
import { sleep } from './sleep.js';

interface FallbackOptions {
  retries: number;
  unitMs: number;
  log: Logger;
}

/**
 * The throttling plugin only recognises a rate limit by GitHub's exact wording ("secondary rate")
 * or by `x-ratelimit-remaining: 0`. A 429, or a 403 that carries `retry-after`, without either
 * (proxies, GitHub Enterprise Server, the odd endpoint) would otherwise fail at once, because the
 * retry plugin is told to leave 429 alone. This outermost wrapper honours `retry-after` for exactly
 * those leftovers, so no response is retried by two layers.
 */
export function rateLimitFallback(octokit: Octokit, octokitOptions: { [option: string]: unknown }): void {
  const settings = octokitOptions['rateLimitFallback'] as FallbackOptions | undefined;
  if (!settings) return;
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options);
      } catch (error) {
        const waitSeconds = unrecognisedRateLimitWait(error);
        if (waitSeconds === undefined || attempt >= settings.retries) throw error;
        settings.log.warning(
          `GitHub answered ${(error as { status: number }).status} to ${options.method} ${options.url}: waiting ${waitSeconds}s (retry-after), then retry ${attempt + 1} of ${settings.retries}`,
        );
        await sleep(waitSeconds * settings.unitMs);
      }
    }
  });
}

/** Seconds to wait, or undefined when this error is not a rate limit the throttling plugin missed. */
function unrecognisedRateLimitWait(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, message, response } = error as {
    status?: number;
    message?: string;
    response?: { headers?: Record<string, string | number | undefined> };
  };
  if (status !== 429 && status !== 403) return undefined;
  const headers = response?.headers ?? {};
  // Handled by @octokit/plugin-throttling already.
  if (/\bsecondary rate\b/i.test(message ?? '') || String(headers['x-ratelimit-remaining']) === '0') return undefined;
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
    const date = Date.parse(String(retryAfter));
    if (Number.isFinite(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  // A bare 429 is still "too many requests"; a bare 403 is a permission problem and must not wait.
  return status === 429 ? 1 : undefined;
}
