import { isAbsolute, resolve } from 'node:path';
import { ConfigurationError } from '@deployforge/diagnostics';
import type { PlatformContext } from '../platform.js';

export const DEFAULT_MARKETPLACE_URL = 'https://marketplace.visualstudio.com';
export const DEFAULT_OPEN_VSX_URL = 'https://open-vsx.org';
/** The config has no URL keys for the two stores; these env variables move them (tests, mirrors). */
export const MARKETPLACE_URL_ENV = 'DEPLOYFORGE_VSCE_MARKETPLACE_URL';
export const OPEN_VSX_URL_ENV = 'DEPLOYFORGE_OVSX_URL';

export type StoreId = 'marketplace' | 'open-vsx';

export interface StoreSettings {
  id: StoreId;
  displayName: string;
  url: string;
  credential: 'VSCE_PAT' | 'OVSX_PAT';
}

export interface VscodeSettings {
  /** Absolute path of the extension folder (its package.json). */
  folder: string;
  version: string;
  stores: StoreSettings[];
}

/**
 * The extension folder, the version and the enabled stores. `path` is relative to the config's
 * folder, which the runner passes as DEPLOYFORGE_CONFIG_DIR (the context has no config path); the
 * process's directory otherwise, which is the repository root in a workflow.
 */
export function vscodeSettings(ctx: PlatformContext): VscodeSettings {
  const block = ctx.config.platforms?.vscode;
  if (!block) throw new ConfigurationError('platforms.vscode is not configured');
  const base = ctx.env.DEPLOYFORGE_CONFIG_DIR ?? process.cwd();
  const folder = isAbsolute(block.path) ? block.path : resolve(base, block.path);
  // The Marketplace takes only major.minor.patch; vsce refuses anything else before uploading.
  if (!/^\d+\.\d+\.\d+$/.test(ctx.version.version)) {
    throw ConfigurationError.forInput('version', `${ctx.version.version} cannot be an extension version: the VS Code Marketplace accepts only major.minor.patch (publish prereleases as a plain version with a pre-release flag, or remove platforms.vscode for prerelease tags)`);
  }
  const stores: StoreSettings[] = [];
  if (block.marketplace !== false) {
    stores.push({ id: 'marketplace', displayName: 'VS Code Marketplace', url: trimSlash(ctx.env[MARKETPLACE_URL_ENV] ?? DEFAULT_MARKETPLACE_URL), credential: 'VSCE_PAT' });
  }
  if (block['open-vsx'] !== false) {
    stores.push({ id: 'open-vsx', displayName: 'Open VSX', url: trimSlash(ctx.env[OPEN_VSX_URL_ENV] ?? DEFAULT_OPEN_VSX_URL), credential: 'OVSX_PAT' });
  }
  if (stores.length === 0) throw ConfigurationError.forInput('platforms.vscode', 'both marketplace and open-vsx are false: nothing to publish to');
  return { folder, version: ctx.version.version, stores };
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');
