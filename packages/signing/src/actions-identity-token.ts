import { ConfigurationError } from '@deployforge/diagnostics';

/** The audience Fulcio expects in the token, as sigstore-js and cosign request it. */
export const SIGSTORE_AUDIENCE = 'sigstore';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Whether a keyless signature can get an identity here: the runner sets both variables only on jobs
 * with `permissions: id-token: write`, so their absence is the missing permission (or not Actions at
 * all, e.g. the local runner, which skips keyless signing with a notice).
 */
export function keylessIdentityAvailable(env: Env): boolean {
  return Boolean(env['ACTIONS_ID_TOKEN_REQUEST_URL'] && env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']);
}

/** The error for a job without an identity, worded for the case that happens: the permission. */
export function missingIdentityError(env: Env): ConfigurationError {
  const where =
    env['GITHUB_ACTIONS'] === 'true'
      ? 'this job has no ACTIONS_ID_TOKEN_REQUEST_URL/ACTIONS_ID_TOKEN_REQUEST_TOKEN'
      : 'not running in GitHub Actions (no ACTIONS_ID_TOKEN_REQUEST_URL), so there is no OIDC identity to sign with';
  return new ConfigurationError(
    `keyless signing needs \`id-token: write\` on this job (${where}); add \`permissions: id-token: write\` ` +
      'to the job, or turn release.sign off',
  );
}

/**
 * A GitHub Actions OIDC token for Sigstore, from the runner's token endpoint: GET the request URL
 * with `audience=sigstore` and the request token as a bearer token; the answer is `{"value": jwt}`.
 * The same contract @actions/core's getIDToken and sigstore-js's CI provider use; done here so the
 * environment is a parameter (testable, and no reads of process.env deep inside a library).
 */
export async function requestActionsIdentityToken(env: Env, audience = SIGSTORE_AUDIENCE): Promise<string> {
  const requestURL = env['ACTIONS_ID_TOKEN_REQUEST_URL'];
  const requestToken = env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
  if (!requestURL || !requestToken) throw missingIdentityError(env);
  const url = new URL(requestURL);
  url.searchParams.set('audience', audience);
  const doing = `requesting an OIDC token for Sigstore from ${url.origin}${url.pathname}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json', Authorization: `bearer ${requestToken}` },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new Error(`${doing}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) {
    // The body may echo request details; the status is enough to tell an outage from a refusal.
    await response.body?.cancel();
    throw new Error(`${doing}: HTTP ${response.status} ${response.statusText}`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  const value = typeof body === 'object' && body !== null ? (body as { value?: unknown }).value : undefined;
  if (typeof value !== 'string' || value.split('.').length !== 3) {
    throw new Error(`${doing}: the answer has no JWT in "value"`);
  }
  return value;
}
