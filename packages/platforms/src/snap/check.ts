import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { runSnapcraft, STORE_CREDENTIALS } from './snapcraft-command.js';
import { snapSettings } from './snap-settings.js';
import { credentialsExpired, exportLoginCommand, notRegistered, parseRevisions, tail } from './store-answers.js';

/**
 * Asks the store for the snap's revisions. The store keeps no digest we could compare, but it
 * refuses a second upload of the same version's identical binary anyway; so a revision carrying
 * this version on every architecture is "identical", some architectures missing is "absent" (the
 * upload then skips the ones the store already has).
 */
export async function checkSnap(ctx: PlatformContext): Promise<Existence> {
  const settings = snapSettings(ctx);
  if (!ctx.env[STORE_CREDENTIALS]) {
    return { state: 'unknown', detail: `${STORE_CREDENTIALS} is not set, so the store cannot be asked; create it with \`${exportLoginCommand(settings.name, settings.channels)}\`` };
  }
  const result = await runSnapcraft(ctx, ['list-revisions', settings.name]);
  const url = `https://snapcraft.io/${settings.name}`;
  if (result.code !== 0) {
    if (credentialsExpired(result.output)) {
      return { state: 'unknown', detail: `the store refused ${STORE_CREDENTIALS} (expired or revoked): run \`${exportLoginCommand(settings.name, settings.channels)}\` and update the secret` };
    }
    if (notRegistered(result.output)) return { state: 'absent', detail: `the snap name ${settings.name} has no revisions in the store (not registered yet?)` };
    return { state: 'unknown', detail: `snapcraft list-revisions ${settings.name} exited ${result.code}: ${tail(result.output)}` };
  }
  const revisions = parseRevisions(result.output).filter((r) => r.version === settings.version);
  const found = settings.targets.map((t) => ({ arch: t.snap, rev: revisions.find((r) => r.arches.includes(t.snap)) }));
  const have = found.filter((f) => f.rev).map((f) => `${f.arch} r${f.rev!.revision}`);
  const missing = found.filter((f) => !f.rev).map((f) => f.arch);
  if (missing.length === 0) return { state: 'identical', detail: `revisions of ${settings.version}: ${have.join(', ')}`, url };
  const partial = have.length > 0 ? `; already there: ${have.join(', ')}` : '';
  return { state: 'absent', detail: `no revision of ${settings.version} for ${missing.join(', ')}${partial}` };
}
