import type { Octokit } from '@octokit/core';
import type { Logger } from '@deployforge/diagnostics';

export interface RetryNoticeOptions {
  log: Logger;
  /** The retry plugin's settings, to tell "will retry in N s" from "gave up". */
  retries: number;
  retryBaseMs: number;
}

/**
 * One visible line per retry of a failed request. @octokit/plugin-retry waits 1 s, 4 s, 9 s between
 * attempts and says nothing, so with the network down a command sat silent for most of a minute
 * before its error. This hook sits just inside the retry plugin: it sees every failed attempt (with
 * the count the plugin keeps in `request.retryCount`) and rethrows it untouched, so retrying is still
 * the plugin's business.
 */
export function retryNotice(octokit: Octokit, octokitOptions: { [option: string]: unknown }): void {
  const settings = octokitOptions['retryNotice'] as RetryNoticeOptions | undefined;
  if (!settings) return;
  octokit.hook.error('request', (error, options) => {
    const { status, response, message, request: sent } = error as { status?: unknown; response?: unknown; message?: unknown; request?: { url?: unknown } };
    // The retry plugin retries 5xx and failures with no answer at all (@octokit/request reports
    // those as status 500 without a response); 4xx are answers, not outages, and are left alone.
    const retryable = response === undefined || (typeof status === 'number' && status >= 500);
    const request = (options.request ?? {}) as { retryCount?: number; retries?: number };
    const done = request.retryCount ?? 0;
    const retries = request.retries ?? settings.retries;
    if (retryable && done < retries) {
      const waitMs = (done + 1) ** 2 * settings.retryBaseMs;
      const wait = waitMs >= 1000 ? `${Math.round(waitMs / 1000)} s` : `${waitMs} ms`;
      const why = response === undefined ? String(message) : `HTTP ${String(status)}`;
      // The full URL (host included) is on the error; options.url may still be the route template.
      const url = typeof sent?.url === 'string' ? sent.url : options.url;
      settings.log.warning(`${options.method} ${url}: ${why}; retry ${done + 1} of ${retries} in ${wait}`);
    }
    throw error;
  });
}
