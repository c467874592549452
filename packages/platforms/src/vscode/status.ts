import type { LiveStatus, PlatformContext } from '../platform.js';
import { readExtensionManifest } from './extension-manifest.js';
import { queryMarketplace } from './marketplace-client.js';
import { openVsxLatest } from './open-vsx-client.js';
import { vscodeSettings } from './vscode-settings.js';

/** The newest version the first enabled store serves (the Marketplace lists newest first). */
export async function statusVscode(ctx: PlatformContext): Promise<LiveStatus> {
  const settings = vscodeSettings(ctx);
  const manifest = await readExtensionManifest(settings.folder);
  const store = settings.stores[0]!;
  if (store.id === 'marketplace') {
    const found = await queryMarketplace(store.url, manifest.id, ctx.signal);
    const latest = found?.versions[0];
    return { ...(latest ? { latest } : {}), url: `${store.url}/items?itemName=${manifest.id}`, detail: store.displayName };
  }
  const latest = await openVsxLatest(store.url, manifest, ctx.signal);
  return { ...(latest ? { latest } : {}), url: `${store.url}/extension/${manifest.publisher}/${manifest.name}`, detail: store.displayName };
}
