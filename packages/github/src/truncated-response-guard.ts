import type { Octokit } from '@octokit/core';
import { UserFacingError } from '@deployforge/diagnostics';

/**
 * Answers no caller can use, stopped where they arrive (an innermost hook, inside the retry plugin).
 *
 * A web page: no REST endpoint we call answers with HTML, so an HTML answer, 2xx or 404 alike, means
 * GITHUB_API_URL names the web site (https://github.com, or a GitHub Enterprise host without
 * /api/v3). Passed on, the page became data ("Cannot use 'in' operator … in <html>") or a 404 whose
 * message is the whole page; it is the user's setting to fix, so it is said once, not retried.
 *
 * A cut-off body: @octokit/request turns a JSON body it cannot parse into a string and still
 * resolves: a connection cut after the headers of a 2xx (GitHub did the work, the answer got lost)
 * would reach us as a "successful" create whose data has no id. That becomes a network-style error
 * (status 500, as @octokit/request reports failed fetches) so the retry plugin, or the caller's
 * list-then-retry loop for non-idempotent creates, deals with it.
 */
export function truncatedResponseGuard(octokit: Octokit): void {
  octokit.hook.after('request', (response, options) => {
    const contentType = String(response.headers['content-type'] ?? '');
    if (isWebPage(contentType)) throw notTheApi(options.method, options.url, contentType, response.status);
    if (response.status === 204 || !/json/i.test(contentType) || typeof response.data !== 'string') return;
    throw Object.assign(new Error(`${options.method} ${options.url}: response body cut off (${response.data.length} bytes of JSON)`), {
      name: 'HttpError',
      status: 500,
      request: options,
    });
  });
  octokit.hook.error('request', (error, options) => {
    const response = (error as { response?: { status?: number; headers?: Record<string, unknown> } }).response;
    const contentType = String(response?.headers?.['content-type'] ?? '');
    throw isWebPage(contentType) ? notTheApi(options.method, options.url, contentType, response?.status ?? 0) : error;
  });
}

function isWebPage(contentType: string): boolean {
  return /^text\/html/i.test(contentType);
}

/**
 * The error carries the answer's status as `response` (an answer came, so the retry notice does not
 * announce a retry) and no `status` of its own, so @octokit/plugin-retry does not retry it.
 */
function notTheApi(method: string, url: string, contentType: string, status: number): UserFacingError {
  const error = new UserFacingError(
    `${method} ${url} answered with a web page (${contentType}), not GitHub's REST API: GITHUB_API_URL must be the API's ` +
      "address (https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server), not the web site's",
  );
  return Object.assign(error, { response: { status, url } });
}
