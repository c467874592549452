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
