import type { PlatformContext } from '../platform.js';
import { CRATES_IO, registryEnvName, type CratesSettings } from './crates-settings.js';

/**
 * The publish token: `CARGO_REGISTRIES_<NAME>_TOKEN` for an alternative registry (falling back to
 * `CARGO_REGISTRY_TOKEN`), `CARGO_REGISTRY_TOKEN` for crates.io, else crates.io trusted publishing.
 *
 * Trusted publishing (what rust-lang/crates-io-auth-action does): a GitHub OIDC token with the
 * registry's host as audience (`ACTIONS_ID_TOKEN_REQUEST_URL`/`_TOKEN`, present with
 * `id-token: write`) is traded at `POST <api>/api/v1/trusted_publishing/tokens` (`{"jwt": …}`) for
 * a short-lived token. Not exercised by tests: no GitHub OIDC issuer exists on our machines.
 */
export async function cratesToken(ctx: PlatformContext, settings: CratesSettings): Promise<string> {
  const own = settings.registry === CRATES_IO ? undefined : ctx.env[registryEnvName(settings.registry, 'TOKEN')];
  const token = own ?? ctx.env.CARGO_REGISTRY_TOKEN;
  if (token) return token;
  const requestUrl = ctx.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = ctx.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  const names = settings.registry === CRATES_IO ? 'CARGO_REGISTRY_TOKEN' : `${registryEnvName(settings.registry, 'TOKEN')} or CARGO_REGISTRY_TOKEN`;
  if (!requestUrl || !requestToken) {
    throw new Error(`no registry token: set ${names} (a token with publish-update scope), or configure trusted publishing for the crate and give the publish job \`permissions: id-token: write\``);
  }
  const api = settings.registry === CRATES_IO ? 'https://crates.io' : await apiOf(settings, ctx.signal);
  const oidcUrl = new URL(requestUrl);
  oidcUrl.searchParams.set('audience', new URL(api).host);
  const oidcAnswer = await fetch(oidcUrl, { headers: { authorization: `bearer ${requestToken}` }, signal: ctx.signal ?? null });
  if (!oidcAnswer.ok) throw new Error(`the GitHub OIDC token request answered ${oidcAnswer.status}`);
  const jwt = ((await oidcAnswer.json()) as { value?: unknown }).value;
  if (typeof jwt !== 'string') throw new Error('the GitHub OIDC token request returned no token');
  const exchange = await fetch(`${api.replace(/\/$/, '')}/api/v1/trusted_publishing/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'deployforge' },
    body: JSON.stringify({ jwt }),
    signal: ctx.signal ?? null,
  });
  const answer = (await exchange.json().catch(() => ({}))) as { token?: unknown; errors?: { detail?: string }[] };
  if (!exchange.ok || typeof answer.token !== 'string') {
    const why = answer.errors?.map((e) => e.detail).join('; ') || `${exchange.status} ${exchange.statusText}`;
    throw new Error(`the registry refused the trusted publishing exchange (is a trusted publisher configured for this repository and workflow?): ${why}`);
  }
  return answer.token;
}

async function apiOf(settings: CratesSettings, signal?: AbortSignal): Promise<string> {
  const response = await fetch(`${settings.indexUrl}config.json`, { signal: signal ?? null });
  const api = response.ok ? ((await response.json()) as { api?: unknown }).api : undefined;
  if (typeof api !== 'string') throw new Error(`${settings.indexUrl}config.json names no api`);
  return api;
}
