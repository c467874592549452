import type { PlatformInfo } from '@deployforge/platforms';
import type { CredentialPlan } from './plan-types.js';

/**
 * What the caller knows about credentials: which names are set, and whether GitHub OIDC can be used.
 * Only presence is ever passed into the plan, never a value, so a plan can be printed or
 * emitted as a workflow output without leaking anything.
 */
export interface CredentialFacts {
  present: ReadonlySet<string>;
  /** True inside GitHub Actions with `id-token: write` (ACTIONS_ID_TOKEN_REQUEST_URL set). */
  oidcAvailable: boolean;
}

export function planCredentials(info: PlatformInfo, facts: CredentialFacts | undefined): CredentialPlan {
  const names = info.credentials.map((c) => c.name);
  const mode = info.allCredentialsRequired ? 'all' : 'any';
  if (facts === undefined || names.length === 0) {
    return { names, mode, oidc: info.oidc, satisfied: names.length === 0 ? true : 'unchecked', missing: [] };
  }
  const missing = names.filter((n) => !facts.present.has(n));
  const bySecrets = mode === 'all' ? missing.length === 0 : missing.length < names.length;
  const satisfied = bySecrets || (info.oidc && facts.oidcAvailable);
  return { names, mode, oidc: info.oidc, satisfied, missing: satisfied ? [] : missing };
}

export function describeMissingCredentials(info: PlatformInfo, plan: CredentialPlan): string {
  const wanted = info.credentials.map((c) => `${c.name} (${c.description})`);
  const joined = plan.mode === 'all' ? wanted.join(' and ') : wanted.join(' or ');
  const oidc = info.oidc ? ', or set up trusted publishing (OIDC) for this repository' : '';
  return `missing credential: set ${joined}${oidc}`;
}

/**
 * Read credential presence from an environment. Besides the secret itself, `DEPLOYFORGE_HAS_<NAME>`
 * = `true` counts: the generated plan job receives only those booleans
 * (`${{ secrets.NPM_TOKEN != '' }}`), never the secrets, so it can check every spoke's credentials
 * without holding any of them.
 */
export function credentialFactsFromEnv(env: Readonly<Record<string, string | undefined>>): CredentialFacts {
  const present = new Set<string>();
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    if (key === 'DEPLOYFORGE_HAS_OIDC') continue;
    if (key.startsWith('DEPLOYFORGE_HAS_')) {
      if (value === 'true') present.add(key.slice('DEPLOYFORGE_HAS_'.length));
    } else {
      present.add(key);
    }
  }
  // DEPLOYFORGE_HAS_OIDC: set by the generated workflow's plan job, whose OIDC publish jobs get
  // `id-token: write` (the plan job itself does not, so it cannot see ACTIONS_ID_TOKEN_REQUEST_URL).
  return { present, oidcAvailable: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL) || env.DEPLOYFORGE_HAS_OIDC === 'true' };
}
