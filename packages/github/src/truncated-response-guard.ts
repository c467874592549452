import type { Octokit } from '@octokit/core';

/**
 * @octokit/request turns a JSON body it cannot parse into a string and still resolves: a connection
 * cut after the headers of a 2xx (GitHub did the work, the answer got lost) would reach us as a
 * "successful" create whose data has no id. This innermost hook turns that into a network-style
 * error (status 500, as @octokit/request reports failed fetches) so the retry plugin, or the
 * caller's list-then-retry loop for non-idempotent creates, deals with it.
 */
export function truncatedResponseGuard(octokit: Octokit): void {
  octokit.hook.after('request', (response, options) => {
    const contentType = String(response.headers['content-type'] ?? '');
    if (response.status === 204 || !/json/i.test(contentType) || typeof response.data !== 'string') return;
    throw Object.assign(new Error(`${options.method} ${options.url}: response body cut off (${response.data.length} bytes of JSON)`), {
      name: 'HttpError',
      status: 500,
      request: options,
    });
  });
}
