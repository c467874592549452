import type { PlatformContext, RenderedFile } from '../platform.js';
import { vscodeSettings } from './vscode-settings.js';

/**
 * The .vsix is vsce's to build from the extension folder at publish time, so what can be rendered
 * without I/O is the plan: which folder, which version goes into its package.json, which stores.
 */
export function renderVscode(ctx: PlatformContext): RenderedFile[] {
  const settings = vscodeSettings(ctx);
  const plan = {
    extension: ctx.config.platforms?.vscode?.path,
    version: settings.version,
    stores: settings.stores.map((s) => ({ store: s.id, url: s.url, credential: s.credential })),
  };
  return [{ path: 'vscode/publish-plan.json', contents: `${JSON.stringify(plan, null, 2)}\n` }];
}
