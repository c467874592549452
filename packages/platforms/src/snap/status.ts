import type { LiveStatus, PlatformContext } from '../platform.js';
import { runSnapcraft, STORE_CREDENTIALS } from './snapcraft-command.js';
import { snapSettings } from './snap-settings.js';
import { parseRevisions, tail } from './store-answers.js';

/** The version of the newest revision released to one of the configured channels. */
export async function statusSnap(ctx: PlatformContext): Promise<LiveStatus> {
  const settings = snapSettings(ctx);
  const url = `https://snapcraft.io/${settings.name}`;
  if (!ctx.env[STORE_CREDENTIALS]) return { url, detail: `${STORE_CREDENTIALS} is not set: the store cannot be asked` };
  const result = await runSnapcraft(ctx, ['list-revisions', settings.name]);
  if (result.code !== 0) return { url, detail: `snapcraft list-revisions exited ${result.code}: ${tail(result.output, 3)}` };
  const wanted = new Set(settings.channels.map(fullChannel));
  const released = parseRevisions(result.output)
    .filter((r) => r.channels.some((c) => wanted.has(fullChannel(c))))
    .sort((a, b) => b.revision - a.revision)[0];
  return released ? { latest: released.version, url, detail: `revision ${released.revision}` } : { url, detail: 'nothing released to the configured channels' };
}

/** `stable` and `latest/stable` are the same channel. */
function fullChannel(channel: string): string {
  return channel.includes('/') ? channel : `latest/${channel}`;
}
