import type { DeployforgeConfig } from '@deployforge/config';
import { ConfigurationError } from '@deployforge/diagnostics';
import type { CredentialFacts } from './credential-facts.js';
import type { JobDecision, Trigger } from './plan-types.js';

/** `release.gpg-key: the secret GPG_PRIVATE_KEY is not set`, one per signing secret the facts lack. */
export function signingCredentialGaps(config: DeployforgeConfig, release: JobDecision, credentials: CredentialFacts | undefined): string[] {
  if (!credentials || !release.run) return [];
  return (['gpg-key', 'gpg-passphrase'] as const).flatMap((key) => {
    const secret = config.release?.[key];
    return secret !== undefined && !credentials.present.has(secret) ? [`release.${key}: the secret ${secret} is not set`] : [];
  });
}

/**
 * The hub's own secrets: the GPG key (and passphrase) that sign SHA256SUMS. Unlike a spoke, whose
 * missing token only skips that spoke, a release that should be signed must not go out unsigned.
 * A local run sees its whole environment, so a missing key stops the plan before the build. So does
 * the generated plan job, which runs in the publish environment, the one the sign job uses
 * (`workflow.environment`): it sees the same secrets. A plan job that runs elsewhere (or in a
 * hand-written workflow, nowhere) cannot tell a missing secret from one kept in the sign job's
 * environment, so there the sign job, which checks the key before anything is written, is the one
 * to refuse; build-matrix only warns.
 */
export function checkSigningCredentials(config: DeployforgeConfig, release: JobDecision, credentials: CredentialFacts | undefined, trigger: Trigger): void {
  const signEnvironment = config.workflow?.environment ?? 'release';
  if (trigger !== 'local' && credentials?.environment !== signEnvironment) return;
  const missing = signingCredentialGaps(config, release, credentials);
  if (missing.length > 0) {
    throw new ConfigurationError(
      `${missing.join('; ')}. SHA256SUMS would go out unsigned: export it (the workflow reads it from the secret of that name), or remove the key from release.`,
    );
  }
}
