import type { PlatformInfo } from '@deployforge/catalog';
import type { CredentialPlan } from './plan-types.js';

/**
 * What the caller knows about credentials: which names are set, and whether GitHub OIDC can be used.
 * Only presence is ever passed into the plan, never a value, so a plan can be printed or
 * emitted as a workflow output without leaking anything.
 */
export interface CredentialFacts {
  present: ReadonlySet<string>;
  /**
   * True inside GitHub Actions with `id-token: write` (ACTIONS_ID_TOKEN_REQUEST_URL set), or in the
   * generated plan job when the publish jobs that declare trusted publishing get `id-token: write`.
   */
  oidcAvailable: boolean;
  /**
   * The GitHub environment whose secrets `present` reflects (the generated plan job's), when the
   * facts come from a job that runs in one. A spoke in another environment may hold secrets this
   * job cannot see: for it an absent name proves nothing, and the spoke checks for itself.
   * Undefined when the facts are the whole story (a local run, the spoke's own job).
   */
  environment?: string;
}

/** What the plan knows about one spoke besides its platform. */
export interface SpokeCredentialContext {
  /** `platforms.<id>.trusted-publishing: true` on a platform that supports it. */
  trustedPublishing: boolean;
  /** The environment the spoke's publish job runs in. */
  environment: string;
}

export function planCredentials(info: PlatformInfo, facts: CredentialFacts | undefined, spoke: SpokeCredentialContext): CredentialPlan {
  const names = info.credentials.map((c) => c.name);
  const mode = info.allCredentialsRequired ? 'all' : 'any';
  const base = { names, mode, oidc: info.oidc, trustedPublishing: spoke.trustedPublishing } as const;
  if (facts === undefined || names.length === 0) {
    return { ...base, satisfied: names.length === 0 ? true : 'unchecked', missing: [] };
  }
  const missing = names.filter((n) => !facts.present.has(n));
  const bySecrets = mode === 'all' ? missing.length === 0 : missing.length < names.length;
  // OIDC counts only where the config declares trusted publishing: a platform that merely could
  // use it has no trusted publisher until a person registers one, and its job gets no id-token.
  const satisfied = bySecrets || (spoke.trustedPublishing && facts.oidcAvailable);
  if (!satisfied && facts.environment !== undefined && facts.environment !== spoke.environment) {
    return { ...base, satisfied: 'unchecked', missing, hiddenIn: spoke.environment };
  }
  return { ...base, satisfied, missing: satisfied ? [] : missing };
}

export function describeMissingCredentials(info: PlatformInfo, plan: CredentialPlan): string {
  // The plan's names, described from the catalog where it knows them (a custom entry's are its own).
  const described = new Map(info.credentials.map((c) => [c.name, c.description]));
  const wanted = plan.names.map((name) => (described.has(name) ? `${name} (${described.get(name)})` : `${name} (listed in secrets)`));
  const joined = plan.mode === 'all' ? wanted.join(' and ') : wanted.join(' or ');
  let oidc = '';
  if (plan.trustedPublishing) {
    oidc = '; trusted publishing is declared, but no GitHub OIDC token is available here (it needs a GitHub Actions job with id-token: write)';
  } else if (info.oidc) {
    oidc = `, or set up trusted publishing for this repository on ${info.displayName} and add \`trusted-publishing: true\` to platforms.${info.id}`;
  }
  return `missing credential: set ${joined}${oidc}`;
}

/**
 * Read credential presence from an environment. Besides the secret itself, `DEPLOYFORGE_HAS_<NAME>`
 * = `true` counts: the generated plan job receives only those booleans
 * (`${{ secrets.NPM_TOKEN != '' }}`), never the secrets, so it can check every spoke's credentials
 * without holding any of them. `DEPLOYFORGE_SECRETS_ENVIRONMENT` names the environment that job
 * runs in (see CredentialFacts.environment).
 */
export function credentialFactsFromEnv(env: Readonly<Record<string, string | undefined>>): CredentialFacts {
  const present = new Set<string>();
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    if (key === 'DEPLOYFORGE_HAS_OIDC' || key === 'DEPLOYFORGE_SECRETS_ENVIRONMENT') continue;
    if (key.startsWith('DEPLOYFORGE_HAS_')) {
      if (value === 'true') present.add(key.slice('DEPLOYFORGE_HAS_'.length));
    } else {
      present.add(key);
    }
  }
  // DEPLOYFORGE_HAS_OIDC: set by the generated plan job when some publish job declares trusted
  // publishing and so gets `id-token: write` (the plan job itself does not, so it cannot see
  // ACTIONS_ID_TOKEN_REQUEST_URL). It only counts for the spokes that declare it (planCredentials).
  const environment = env.DEPLOYFORGE_SECRETS_ENVIRONMENT;
  return {
    present,
    oidcAvailable: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL) || env.DEPLOYFORGE_HAS_OIDC === 'true',
    ...(environment ? { environment } : {}),
  };
}
