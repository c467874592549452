import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { readExtensionManifest } from './extension-manifest.js';
import { storePresence } from './store-presence.js';
import { vscodeSettings } from './vscode-settings.js';

/**
 * Both stores are asked (at once). Neither keeps a digest we could compare with a fresh package,
 * and neither ever takes a version twice, so "has this version" is identical.
 */
export async function checkVscode(ctx: PlatformContext): Promise<Existence> {
  const settings = vscodeSettings(ctx);
  const manifest = await readExtensionManifest(settings.folder);
  const answers = await Promise.all(settings.stores.map((s) => storePresence(ctx, s, manifest, settings.version)));
  const broken = answers.filter((a) => a.error !== undefined);
  if (broken.length > 0) {
    return { state: 'unknown', detail: broken.map((a) => `${a.store.displayName}: ${a.error}`).join('; ') };
  }
  const words = answers.map((a) => `${a.store.displayName} ${a.has ? 'has' : 'lacks'} ${manifest.id}@${settings.version}`).join('; ');
  const first = answers[0]!;
  if (answers.every((a) => a.has)) return { state: 'identical', detail: words, url: first.url };
  return { state: 'absent', detail: words };
}
