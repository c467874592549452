import type { LiveStatus, PlatformContext } from '../platform.js';
import { customEntry } from './custom-entry.js';

/** A custom command has no registry to ask for its latest version. */
export async function statusCustom(ctx: PlatformContext): Promise<LiveStatus> {
  const { name } = customEntry(ctx);
  return { detail: `platforms.custom.${name} is a command of your own: DeployForge cannot read its live version` };
}
