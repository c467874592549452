/**
 * Something went wrong that is neither a bug in DeployForge nor bad input: the user's build failed,
 * the release they publish from does not exist yet, an asset on the release differs, a registry
 * cannot be reached. The message says what happened and what to do; entry points print it without
 * a stack trace and without the "this is a bug" line, and exit 1 (exit 2 stays reserved for bad
 * input, which is ConfigurationError's job).
 */
export class UserFacingError extends Error {
  override readonly name: string = 'UserFacingError';
  readonly exitCode = 1;
}

export function isUserFacingError(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}

/**
 * A server could not be reached at all (no HTTP answer): DNS, refused, reset, timeout. Always names
 * the URL, since "fetch failed" alone does not tell the user which of a dozen registries is down.
 */
export class NetworkError extends UserFacingError {
  override readonly name = 'NetworkError';
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    const tries = attempts > 1 ? ` (tried ${attempts} times)` : '';
    super(`could not reach ${url}: ${reason}${tries}. Check the network (and any proxy), and that the URL is right.`, options);
  }
}

/** Error codes Node and undici use when no HTTP answer came back. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN',
  'EPIPE', 'ECONNABORTED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/**
 * The network-level reason behind an error, found anywhere in its `cause` chain (fetch wraps the
 * socket error in a TypeError "fetch failed", Octokit wraps that in a RequestError), or undefined
 * when the failure was something else. A timeout from AbortSignal.timeout counts too.
 */
export function networkFailureReason(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  for (let e: unknown = error; typeof e === 'object' && e !== null && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return typeof message === 'string' && message ? message : code;
    if (name === 'TimeoutError') return 'no answer before the timeout';
  }
  return undefined;
}

/**
 * The URL an error was about, when it carries one: Octokit's RequestError keeps the request it
 * made; our own NetworkError keeps the URL it names.
 */
function requestOf(error: unknown): { url: string; attempts: number } | undefined {
  const seen = new Set<unknown>();
  for (let e: unknown = error; typeof e === 'object' && e !== null && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const request = (e as { request?: { url?: unknown; request?: { retryCount?: unknown } } }).request;
    // @octokit/plugin-retry counts the retries it made in request.request.retryCount.
    const retried = request?.request?.retryCount;
    if (typeof request?.url === 'string') return { url: request.url, attempts: 1 + (typeof retried === 'number' ? retried : 0) };
  }
  return undefined;
}

/**
 * What an entry point should print for `error` as a user-facing failure: the error itself when it
 * is one, a NetworkError when it is a network failure in disguise (naming the URL when known), the
 * server's refusal with what to check (a 401, 403 or 404: refusedRequest), else undefined (a bug or
 * an outage of ours: the caller reports it as such).
 */
export function asUserFacingError(error: unknown): UserFacingError | undefined {
  if (isUserFacingError(error)) return error;
  const reason = networkFailureReason(error);
  if (reason === undefined) return refusedRequest(error) ?? wrappedUserFacingError(error) ?? unwritablePath(error);
  const message = error instanceof Error ? error.message : String(error);
  const request = requestOf(error);
  if (request) {
    const network = new NetworkError(request.url, reason, request.attempts, { cause: error });
    // A wrapper (ReleaseStepError "asset …: upload failed") says what was being done: keep it first.
    const outer = error instanceof Error && (error as { request?: unknown }).request === undefined ? error.message : undefined;
    return outer ? new UserFacingError(`${outer}; ${network.message}`, { cause: error }) : network;
  }
  // No URL to name: keep the caller's own words (they usually say what was being done).
  return new UserFacingError(
    `${message === reason ? reason : `${message} (${reason})`}. A server could not be reached: check the network (and any proxy), and the URL in your config.`,
    { cause: error },
  );
}

/**
 * An HTTP answer that refuses the request for who asked or what it named: a wrong or expired token
 * (401), a token without the permission (403), a repository that does not exist or that the token
 * cannot see (404: GitHub's answer for a private repository the token cannot read). These are the
 * user's to fix, so the message says what to check instead of calling it a bug. A rate limit (403 or
 * 429 once the retries gave up) says to wait. The status is found on the error or in its cause
 * chain (a wrapper such as "list releases failed" keeps Octokit's RequestError as its cause), and
 * only on an error that carries the request it answered, as Octokit's do.
 */
function refusedRequest(error: unknown): UserFacingError | undefined {
  const seen = new Set<unknown>();
  for (let e: unknown = error; typeof e === 'object' && e !== null && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const { status, request } = e as { status?: unknown; request?: { url?: unknown } };
    if (typeof status !== 'number' || typeof request?.url !== 'string') continue;
    const message = error instanceof Error ? error.message : String(error);
    const hint = refusalHint(status, message, request.url);
    return hint === undefined ? undefined : new UserFacingError(`${message}. ${hint}`, { cause: error });
  }
  return undefined;
}

function refusalHint(status: number, message: string, url: string): string | undefined {
  let origin = url;
  try {
    origin = new URL(url).origin;
  } catch {
    // Not a URL: name it as given.
  }
  if (status === 429 || (status === 403 && /rate limit/i.test(message))) {
    return `${origin} rate-limited the requests: wait a while and run it again (a re-run resumes where this one stopped)`;
  }
  if (status === 401) {
    return `${origin} refused the token (HTTP 401 for ${url}): check that it is set, current and for this server (GITHUB_TOKEN, and GITHUB_API_URL for GitHub Enterprise)`;
  }
  if (status === 403) {
    return `${origin} refused the request (HTTP 403 for ${url}): the token lacks a permission this step needs (a release needs contents: write) or the repository's settings forbid it`;
  }
  if (status === 404) {
    return `${origin} answered HTTP 404 for ${url}: check the repository (project.repository or GITHUB_REPOSITORY) and that the token can see it (GitHub answers 404 for a private repository it cannot read)`;
  }
  return undefined;
}

/**
 * A user-facing failure wrapped by a step that says what it was doing ("list releases failed: …"):
 * still the user's to fix. The wrapper's words stay in front; the inner message is added when the
 * wrapper does not already quote it.
 */
function wrappedUserFacingError(error: unknown): UserFacingError | undefined {
  if (!(error instanceof Error)) return undefined;
  const seen = new Set<unknown>([error]);
  for (let e: unknown = error.cause; typeof e === 'object' && e !== null && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    if (!isUserFacingError(e)) continue;
    return new UserFacingError(error.message.includes(e.message) ? error.message : `${error.message}: ${e.message}`, { cause: error });
  }
  return undefined;
}

/**
 * File system errors that say the path a user gave (an --out, --output, a project folder) cannot be
 * used: a file where a folder must be, no permission, a read-only or full disk. Node's message names
 * the call and the path; what to check is added. ENOENT and EEXIST are left alone: on paths we make
 * ourselves they mean a bug of ours.
 */
const PATH_PROBLEMS: Readonly<Record<string, string>> = {
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'the path is a folder, where a file was expected',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
};

function unwritablePath(error: unknown): UserFacingError | undefined {
  const { code, path, message } = (error ?? {}) as { code?: unknown; path?: unknown; message?: unknown };
  if (typeof code !== 'string' || typeof path !== 'string' || !(code in PATH_PROBLEMS)) return undefined;
  return new UserFacingError(`${typeof message === 'string' ? message : code} (${PATH_PROBLEMS[code]}): check the path and its permissions`, { cause: error });
}
