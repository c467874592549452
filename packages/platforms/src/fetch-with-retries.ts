import { NetworkError, networkFailureReason, type Logger } from '@deployforge/diagnostics';

export interface FetchRetryOptions {
  /** Where each retry is announced; without one, retries are silent (library callers with no log). */
  log?: Logger;
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** Attempt n waits n² units before retrying. Default 1000 ms (1 s, 4 s). */
  retryBaseMs?: number;
  /** Each attempt gives up after this long. Default 30 s. */
  timeoutMs?: number;
  /** The caller's own cancellation (a status row's time budget, Ctrl-C): never retried. */
  signal?: AbortSignal;
}

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });

/**
 * `fetch` for idempotent reads of a registry: a failure with no HTTP answer (DNS, refused, reset,
 * timeout) or a 5xx is retried a bounded number of times, each retry announced with the URL and the
 * reason, and the final failure is a NetworkError that names the URL. Plain `fetch` said only
 * "fetch failed", with no hint of which of a dozen registries was down, and never said it waited.
 */
export async function fetchWithRetries(url: string, init: RequestInit, options: FetchRetryOptions = {}): Promise<Response> {
  const retries = options.retries ?? 2;
  const baseMs = options.retryBaseMs ?? 1000;
  const method = init.method ?? 'GET';
  for (let attempt = 0; ; attempt++) {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    let why: string;
    try {
      const response = await fetch(url, { ...init, signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout });
      if (response.status < 500 || attempt >= retries) return response;
      await response.body?.cancel();
      why = `HTTP ${response.status}`;
    } catch (error) {
      // The caller's own abort is a decision, not an outage: no retry, no rewording.
      if (options.signal?.aborted) throw error;
      const reason = networkFailureReason(error);
      if (reason === undefined) throw error;
      if (attempt >= retries) throw new NetworkError(url, reason, attempt + 1, { cause: error });
      why = reason;
    }
    const delay = (attempt + 1) ** 2 * baseMs;
    options.log?.warning(`${method} ${url}: ${why}; retry ${attempt + 1} of ${retries} in ${delay >= 1000 ? `${Math.round(delay / 1000)} s` : `${delay} ms`}`);
    await wait(delay, options.signal);
  }
}
