import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlatformContext } from '../platform.js';
import type { NpmSettings } from './npm-settings.js';
import { NpmRegistryError } from './registry-client.js';

/**
 * Trusted publishing (OIDC) and provenance, the one path that shells out to the real `npm`.
 *
 * Why not our own PUT here too: trusted publishing exchanges the GitHub OIDC token for a
 * short-lived npm token, and provenance needs a Sigstore-signed attestation of the workflow run.
 * The npm CLI does both and keeps up with the registry's rules; redoing them would be a second,
 * untested implementation of a security protocol. With a token we PUT ourselves (publish.ts):
 * no CLI, no .npmrc, the token only in one request header.
 *
 * Only taken in GitHub Actions with `id-token: write` (ACTIONS_ID_TOKEN_REQUEST_URL is set) and no
 * token configured; it cannot run on our machines (no OIDC issuer), so it is kept this thin.
 */
export function usesTrustedPublishing(ctx: PlatformContext, settings: NpmSettings, hasToken: boolean): boolean {
  return !hasToken && settings.flavor.oidc && Boolean(ctx.env.ACTIONS_ID_TOKEN_REQUEST_URL);
}

/** The npm command line: no secret in it (trusted publishing needs none; OIDC values go by env). */
export function npmPublishArgs(tarball: string, settings: NpmSettings): string[] {
  return [
    'publish', tarball,
    '--registry', settings.registry,
    '--tag', settings.distTag,
    '--access', settings.access,
    ...(settings.provenance ? ['--provenance'] : []),
    '--ignore-scripts',
  ];
}

export async function publishWithNpmCli(ctx: PlatformContext, settings: NpmSettings, tarball: string): Promise<void> {
  // An empty user config in a temp folder: the runner's ~/.npmrc must not redirect or
  // re-authenticate the publish. Removed afterwards whatever happens.
  const dir = await mkdtemp(join(tmpdir(), 'df-npmrc-'));
  try {
    const userconfig = join(dir, '.npmrc');
    await writeFile(userconfig, '', { mode: 0o600 });
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(ctx.env)) if (value !== undefined && !/^npm_config_/i.test(key)) env[key] = value;
    env.PATH ??= process.env.PATH;
    env.npm_config_userconfig = userconfig;
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve, reject) => {
      const child = spawn('npm', npmPublishArgs(tarball, settings), { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (text += c));
      child.stderr.setEncoding('utf8').on('data', (c: string) => (text += c));
      child.once('error', reject);
      child.once('close', (status) => resolve({ code: status ?? 1, output: text }));
    });
    if (code !== 0) {
      const status = /cannot publish over|previously published/i.test(output) ? 403 : /E401|ENEEDAUTH/.test(output) ? 401 : 1;
      throw new NpmRegistryError(`npm publish --provenance exited ${code}: ${output.trim().split('\n').slice(-5).join(' ')}`, status, output);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
