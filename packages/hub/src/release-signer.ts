import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeployforgeConfig } from '@deployforge/config';
import { ConfigurationError, type Logger } from '@deployforge/diagnostics';
import { SHA256SUMS_GPG_NAME, SHA256SUMS_SIGSTORE_NAME, type ChecksumSigner } from '@deployforge/github';
import { keylessIdentityAvailable } from '@deployforge/signing/identity';

// OpenPGP and sigstore-js (about 1.5 MiB with their dependencies) load when a signature is made,
// not when the hub starts: most releases sign nothing (issue 20).
const signing = () => import('@deployforge/signing');

type Env = Readonly<Record<string, string | undefined>>;

export interface ReleaseSignerOptions {
  config: DeployforgeConfig;
  env: Env;
  log: Logger;
  /** Where the Sigstore services are; the public-good instance when undefined (tests point them at 127.0.0.1). */
  sigstore?: { fulcioURL?: string; rekorURL?: string; tsaURL?: string };
}

/** The value of the secret `release.<key>` names, or a user error saying how to provide it. */
function secretValue(config: DeployforgeConfig, env: Env, key: 'gpg-key' | 'gpg-passphrase'): string | undefined {
  const name = config.release?.[key];
  if (name === undefined) return undefined;
  const value = env[name];
  if (value === undefined || value === '') {
    throw new ConfigurationError(
      `release.${key}: the secret ${name} is empty or not set here. In the workflow, add it to the repository's (or the environment's) secrets; locally, export ${name}.`,
    );
  }
  return value;
}

/**
 * What signs this release's SHA256SUMS, from `release.gpg-key` and `release.sign`; undefined when
 * nothing is to be signed. Secrets are read (and a missing one refused) here, before the hub does
 * anything. Keyless signing needs an OIDC identity: in GitHub Actions a job without
 * `id-token: write` is an error (the workflow promised a signature); elsewhere (a laptop) the
 * release goes on unsigned by Sigstore, and the log says so.
 */
export function releaseSigner(options: ReleaseSignerOptions): ChecksumSigner | undefined {
  const { config, env, log } = options;
  const armoredKey = secretValue(config, env, 'gpg-key');
  const passphrase = secretValue(config, env, 'gpg-passphrase');
  let keyless = config.release?.sign === true;
  if (keyless && !keylessIdentityAvailable(env)) {
    if (env.GITHUB_ACTIONS === 'true') {
      throw new ConfigurationError('release.sign: keyless signing needs the OIDC token of the job: give it `permissions: id-token: write`');
    }
    log.warning('release.sign: no OIDC identity outside GitHub Actions, so SHA256SUMS gets no Sigstore signature in this run');
    keyless = false;
  }
  const names = [...(armoredKey ? [SHA256SUMS_GPG_NAME] : []), ...(keyless ? [SHA256SUMS_SIGSTORE_NAME] : [])];
  if (names.length === 0) return undefined;
  const secretNames = { keySecret: config.release?.['gpg-key'], passphraseSecret: config.release?.['gpg-passphrase'] };

  const key = { armoredKey: armoredKey!, ...(passphrase ? { passphrase } : {}), ...secretNames };

  return {
    names,
    async check() {
      if (!armoredKey) return;
      // Key, passphrase and signing subkey, with no network, before the first upload.
      const { fingerprint, userIds } = await (await signing()).checkGpgSigningKey(key);
      log.info(`GPG: SHA256SUMS will be signed with ${fingerprint}${userIds[0] ? ` (${userIds[0]})` : ''}`);
    },
    async sign(sumsPath, wanted, outDir) {
      const written: string[] = [];
      for (const name of wanted) {
        const path = join(outDir, name);
        if (name === SHA256SUMS_GPG_NAME) await writeFile(path, await (await signing()).signDetachedGpg({ file: sumsPath, ...key }));
        else if (name === SHA256SUMS_SIGSTORE_NAME) {
          await writeFile(path, await (await signing()).signKeyless({ file: sumsPath, env, ...options.sigstore }));
        } else continue;
        log.info(`signed SHA256SUMS into ${name}`);
        written.push(path);
      }
      return written;
    },
  };
}
