/**
 * `fetch` with a deadline per attempt, for Octokit. Without one, a server that accepts the
 * connection and never answers (a dead proxy, a half-open link) held a command silent for minutes:
 * undici waits 5 minutes for headers. A timed-out attempt fails like any request that got no
 * answer, so the retry plugin retries it (with its notice) and the final error names the URL.
 */
export function timedFetch(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}
