import type { DeployforgeConfig } from '@deployforge/config';
import { ConfigurationError } from '@deployforge/diagnostics';
import type { CredentialFacts } from './credential-facts.js';
import type { JobDecision } from './plan-types.js';

/**
 * The hub's own secrets: the GPG key (and passphrase) that sign SHA256SUMS. Unlike a spoke, whose
 * missing token only skips that spoke, a release that should be signed must not go out unsigned, so
 * a missing key stops the plan, before the build and before anything is written.
 */
export function checkSigningCredentials(config: DeployforgeConfig, release: JobDecision, credentials: CredentialFacts | undefined): void {
  if (!credentials || !release.run) return;
  const missing = (['gpg-key', 'gpg-passphrase'] as const).flatMap((key) => {
    const secret = config.release?.[key];
    return secret !== undefined && !credentials.present.has(secret) ? [`release.${key}: the secret ${secret} is not set`] : [];
  });
  if (missing.length > 0) {
    throw new ConfigurationError(
      `${missing.join('; ')}. SHA256SUMS would go out unsigned: add the secret to the repository (or to the release environment), or, locally, export it; or remove the key from release.`,
    );
  }
}
