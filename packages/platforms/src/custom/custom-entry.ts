import type { CustomCommandConfig } from '@deployforge/config';
import { ConfigurationError } from '@deployforge/diagnostics';
import type { PlatformContext } from '../platform.js';

/** The `platforms.custom.<instance>` entry this spoke runs; a missing one is a wiring or config mistake. */
export function customEntry(ctx: PlatformContext): { name: string; entry: CustomCommandConfig } {
  const name = ctx.instance;
  if (!name) throw new ConfigurationError('the custom spoke needs an entry name (platforms.custom.<name>); none was given');
  const entry = ctx.config.platforms?.custom?.[name];
  if (!entry) throw new ConfigurationError(`platforms.custom.${name} is not in the config`);
  return { name, entry };
}

/**
 * Where `run` and `check` execute: the config file's folder, so relative paths in a command mean
 * what they mean to the person who wrote the config. The context carries no config path, so the
 * runner passes it as DEPLOYFORGE_CONFIG_DIR; without it, the process's own directory (the
 * repository root in a workflow, where deployforge.yml lives by default).
 */
export function configDirectory(ctx: PlatformContext): string {
  return ctx.env.DEPLOYFORGE_CONFIG_DIR ?? process.cwd();
}

/**
 * The values of `platforms.custom.<name>.secrets`, from the spoke's environment (the local runner's
 * own, or the publish job's, where the generated workflow maps `secrets.<NAME>` in). A missing one
 * is a missing credential, named, never an empty variable the command would trip over later.
 */
export function entrySecrets(ctx: PlatformContext, name: string, entry: CustomCommandConfig): Record<string, string> {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const secret of entry.secrets ?? []) {
    const value = ctx.env[secret];
    if (value) values[secret] = value;
    else missing.push(secret);
  }
  if (missing.length > 0) {
    throw new ConfigurationError(`missing credential: set ${missing.join(' and ')} (listed in platforms.custom.${name}.secrets) in the environment of this run`);
  }
  return values;
}
