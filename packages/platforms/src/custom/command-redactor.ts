import type { CustomCommandConfig } from '@deployforge/config';
import { createRedactor } from '@deployforge/diagnostics';
import type { PlatformContext } from '../platform.js';

const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PAT$|_KEY|^KEY|CREDENTIAL|AUTH/i;

/**
 * What a command's output is masked with: every credential-named value the spoke holds (its context
 * env and the entry's `env:`), since a deploy script that echoes its environment, or a server
 * that echoes a request, must not put them in the log.
 */
export function commandRedactor(ctx: PlatformContext, entry: CustomCommandConfig, passedSecrets: readonly string[] = []): (text: string) => string {
  // The entry's `secrets:` are secrets whatever their names look like.
  const secrets: (string | undefined)[] = [...passedSecrets];
  for (const source of [ctx.env, entry.env ?? {}]) {
    for (const [name, value] of Object.entries(source)) if (SECRET_NAME.test(name)) secrets.push(value);
  }
  return createRedactor(secrets);
}
