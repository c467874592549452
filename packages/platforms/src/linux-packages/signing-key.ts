import { repositorySigner, type RepositorySigner } from '@deployforge/signing';
import type { PlatformContext } from '../platform.js';
import { GPG_KEY, GPG_PASSPHRASE } from './repository-target.js';

export interface SigningKeySource {
  armored: string;
  passphrase: string | undefined;
  names: { keySecret: string; passphraseSecret?: string };
}

/**
 * The key that signs the indexes and the .rpm files: LINUX_REPO_GPG_KEY, else the release's own key
 * (`release.gpg-key`) when its secret is in the environment (a local release has it; a publish job
 * gets only its platform's credentials, so there LINUX_REPO_GPG_KEY is the way).
 */
export function signingKey(ctx: PlatformContext): SigningKeySource | undefined {
  const own = ctx.env[GPG_KEY];
  if (own) return { armored: own, passphrase: ctx.env[GPG_PASSPHRASE], names: { keySecret: GPG_KEY, passphraseSecret: GPG_PASSPHRASE } };
  const release = ctx.config.release;
  const secret = release?.['gpg-key'];
  const armored = secret ? ctx.env[secret] : undefined;
  if (!secret || !armored) return undefined;
  const passphraseSecret = release?.['gpg-passphrase'];
  return {
    armored,
    passphrase: passphraseSecret ? ctx.env[passphraseSecret] : undefined,
    names: { keySecret: secret, ...(passphraseSecret ? { passphraseSecret } : {}) },
  };
}

/** The signer of this run, or undefined when no key is available (check-exists in a plan job). */
export async function signerFor(ctx: PlatformContext): Promise<RepositorySigner | undefined> {
  const key = signingKey(ctx);
  return key ? repositorySigner(key.armored, key.passphrase, key.names) : undefined;
}
