import { fetchWithRetries } from '../fetch-with-retries.js';
import type { PlatformContext } from '../platform.js';
import { aurRemote } from './aur-remote.js';

export const RPC_URL_ENV = 'DEPLOYFORGE_AUR_RPC_URL';

export interface AurRpcPackage {
  Name: string;
  /** `[epoch:]pkgver-pkgrel` */
  Version: string;
  URL?: string | null;
}

/** The aurweb base URL: DEPLOYFORGE_AUR_RPC_URL, else https on the host the repository is pushed to. */
export function aurRpcBase(ctx: PlatformContext): string {
  const configured = ctx.env[RPC_URL_ENV];
  if (configured) return configured.replace(/\/+$/, '');
  const remote = aurRemote(ctx);
  // ssh://aur@host[:port]/pkg.git or scp-like aur@host:pkg.git
  const host = /^[a-z+]+:\/\//i.test(remote) ? new URL(remote).hostname : (/^(?:[^@]+@)?([^:/]+):/.exec(remote)?.[1] ?? 'aur.archlinux.org');
  return `https://${host}`;
}

/** AUR RPC v5 `info` for one package; undefined when the AUR has no such package. */
export async function aurInfo(ctx: PlatformContext, name: string): Promise<AurRpcPackage | undefined> {
  const url = `${aurRpcBase(ctx)}/rpc/v5/info?arg[]=${encodeURIComponent(name)}`;
  // Retried while unreachable (each retry logged), then a NetworkError naming the URL.
  const res = await fetchWithRetries(url, { headers: { accept: 'application/json' } }, { log: ctx.log, ...(ctx.signal ? { signal: ctx.signal } : {}) });
  const text = await res.text();
  if (!res.ok) throw new Error(`AUR RPC ${url} answered ${res.status}: ${text.slice(0, 200)}`);
  let body: { type?: string; error?: string; resultcount?: number; results?: AurRpcPackage[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`AUR RPC ${url} answered something that is not JSON: ${text.slice(0, 200)}`);
  }
  if (body.type === 'error') throw new Error(`AUR RPC ${url}: ${body.error ?? 'error'}`);
  return body.results?.find((r) => r.Name === name);
}

/** Splits `[epoch:]pkgver-pkgrel`. */
export function splitAurVersion(version: string): { pkgver: string; pkgrel: number } {
  const noEpoch = version.replace(/^\d+:/, '');
  const dash = noEpoch.lastIndexOf('-');
  if (dash < 0) return { pkgver: noEpoch, pkgrel: 1 };
  return { pkgver: noEpoch.slice(0, dash), pkgrel: Number(noEpoch.slice(dash + 1)) || 1 };
}
