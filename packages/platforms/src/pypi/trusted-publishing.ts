import type { PlatformContext } from '../platform.js';
import type { PypiSettings } from './pypi-settings.js';

/**
 * The upload credential: `PYPI_TOKEN` when set, else PyPI trusted publishing.
 *
 * Trusted publishing (what pypa/gh-action-pypi-publish does): ask the index which audience it wants
 * (`GET <index>/_/oidc/audience`), get a GitHub OIDC token for it from the runner
 * (`ACTIONS_ID_TOKEN_REQUEST_URL` + `ACTIONS_ID_TOKEN_REQUEST_TOKEN`, present when the job has
 * `id-token: write`), and trade it at `POST <index>/_/oidc/mint-token` for a short-lived API token.
 * PyPI checks the calling workflow's file name, which is why publish jobs live in the same file
 * as the release. Not exercised by tests here: no GitHub OIDC issuer exists on our machines.
 */
export async function pypiUploadToken(ctx: PlatformContext, settings: PypiSettings): Promise<string> {
  const token = ctx.env.PYPI_TOKEN;
  if (token) return token;
  const requestUrl = ctx.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = ctx.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!requestUrl || !requestToken) {
    throw new Error(
      'no PyPI credential: set the PYPI_TOKEN secret (an API token scoped to the project), or configure trusted publishing on PyPI and give the publish job `permissions: id-token: write`',
    );
  }
  const json = async (response: Response, what: string): Promise<Record<string, unknown>> => {
    if (!response.ok) throw new Error(`${what} answered ${response.status} ${response.statusText}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const audienceAnswer = await json(await fetch(`${settings.index}_/oidc/audience`, { signal: ctx.signal ?? null }), 'the PyPI OIDC audience endpoint');
  const audience = typeof audienceAnswer.audience === 'string' ? audienceAnswer.audience : 'pypi';
  const oidcUrl = new URL(requestUrl);
  oidcUrl.searchParams.set('audience', audience);
  const oidc = await json(
    await fetch(oidcUrl, { headers: { authorization: `bearer ${requestToken}` }, signal: ctx.signal ?? null }),
    'the GitHub OIDC token request',
  );
  if (typeof oidc.value !== 'string') throw new Error('the GitHub OIDC token request returned no token');
  const minted = await fetch(`${settings.index}_/oidc/mint-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: oidc.value }),
    signal: ctx.signal ?? null,
  });
  const answer = (await minted.json().catch(() => ({}))) as { token?: unknown; message?: unknown; errors?: { description?: string }[] };
  if (!minted.ok || typeof answer.token !== 'string') {
    const why = answer.errors?.map((e) => e.description).join('; ') || String(answer.message ?? `${minted.status} ${minted.statusText}`);
    throw new Error(`PyPI refused the trusted publishing exchange (is a trusted publisher configured for this repository and workflow?): ${why}`);
  }
  return answer.token;
}
