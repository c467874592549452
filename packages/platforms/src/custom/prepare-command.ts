import type { CustomCommandConfig } from '@deployforge/config';
import type { PlatformContext } from '../platform.js';
import { commandEnv } from './command-env.js';
import { commandRedactor } from './command-redactor.js';
import { configDirectory, customEntry, entrySecrets } from './custom-entry.js';
import { releaseAssetsDir } from './release-assets-dir.js';

export interface PreparedCommand {
  name: string;
  entry: CustomCommandConfig;
  cwd: string;
  env: Record<string, string>;
  redact: (text: string) => string;
}

// check and publish of one spoke run share one download of the assets.
const prepared = new WeakMap<PlatformContext, Promise<PreparedCommand>>();

/** Everything `check` and `run` execute with, built once per spoke context. */
export function prepareCommand(ctx: PlatformContext): Promise<PreparedCommand> {
  let p = prepared.get(ctx);
  if (!p) {
    p = build(ctx);
    prepared.set(ctx, p);
    p.catch(() => prepared.delete(ctx));
  }
  return p;
}

async function build(ctx: PlatformContext): Promise<PreparedCommand> {
  const { name, entry } = customEntry(ctx);
  // Checked before anything is downloaded; the plan checks the same names before the release starts.
  const secrets = entrySecrets(ctx, name, entry);
  const assets = await releaseAssetsDir(ctx);
  const env = commandEnv({
    version: ctx.version,
    entry,
    assetsDir: assets.dir,
    archives: assets.archives,
    // PATH and HOME are the runner's, not credentials: a command needs them to find its tools.
    path: ctx.env.PATH ?? process.env.PATH,
    home: ctx.env.HOME ?? process.env.HOME,
    secrets,
  });
  return { name, entry, cwd: configDirectory(ctx), env, redact: commandRedactor(ctx, entry, Object.values(secrets)) };
}
