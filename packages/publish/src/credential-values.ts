import { secretValues } from '@deployforge/diagnostics';
import { PLATFORMS } from '@deployforge/catalog';

/**
 * Every credential value present in an environment, for the spokes' redactor: secretValues (the
 * same rule the CLI's and the actions' output boundaries use: GitHub's tokens, every credential of
 * the catalog, signing keys, action inputs) plus each catalog credential by its exact name, so a
 * credential not named like a secret (`DOCKER_USERNAME`) is still kept out of spoke details. Whichever
 * spoke is running: a spoke's error may echo another spoke's secret when both share a registry.
 */
export function credentialValues(env: Readonly<Record<string, string | undefined>>): string[] {
  const names = Object.values(PLATFORMS).flatMap((info) => info.credentials.map((c) => c.name));
  return secretValues(env, names);
}
