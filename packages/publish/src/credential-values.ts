import { PLATFORMS } from '@deployforge/platforms';

/**
 * Every credential value present in an environment, for the redactor: all platforms' secrets plus
 * the tokens GitHub and npm clients read, whichever spoke is running (a spoke's error may echo
 * another spoke's secret when both share a registry).
 */
export function credentialValues(env: Readonly<Record<string, string | undefined>>): string[] {
  const names = new Set(['GITHUB_TOKEN', 'GH_TOKEN', 'NODE_AUTH_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'ACTIONS_RUNTIME_TOKEN']);
  for (const info of Object.values(PLATFORMS)) for (const c of info.credentials) names.add(c.name);
  return [...names].map((n) => env[n]).filter((v): v is string => typeof v === 'string' && v !== '');
}
