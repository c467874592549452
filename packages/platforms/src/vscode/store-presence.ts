import { errorMessage } from '@deployforge/diagnostics';
import type { PlatformContext } from '../platform.js';
import type { ExtensionManifest } from './extension-manifest.js';
import { queryMarketplace } from './marketplace-client.js';
import { openVsxHasVersion } from './open-vsx-client.js';
import type { StoreSettings } from './vscode-settings.js';

export interface StorePresence {
  store: StoreSettings;
  /** Whether the store lists this version; undefined when it could not be asked. */
  has?: boolean;
  /** Whether the store knows the extension at all (the Marketplace creates vs updates on that). */
  extensionExists?: boolean;
  error?: string;
  url: string;
}

/** Asks one store whether it has `version` of the extension. Never throws: a failed question is an answer too. */
export async function storePresence(ctx: PlatformContext, store: StoreSettings, manifest: ExtensionManifest, version: string): Promise<StorePresence> {
  const url = store.id === 'marketplace'
    ? `${store.url}/items?itemName=${manifest.id}`
    : `${store.url}/extension/${manifest.publisher}/${manifest.name}`;
  try {
    if (store.id === 'marketplace') {
      const found = await queryMarketplace(store.url, manifest.id, ctx.signal);
      return { store, url, has: found?.versions.includes(version) ?? false, extensionExists: found !== undefined };
    }
    return { store, url, has: await openVsxHasVersion(store.url, manifest, version, ctx.signal) };
  } catch (error) {
    return { store, url, error: errorMessage(error) };
  }
}
