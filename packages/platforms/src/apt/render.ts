import type { PlatformContext, RenderedFile } from '../platform.js';
import { aptBlock, aptLayout } from './apt-repository-state.js';

/**
 * Pure: the sources line users add, with the folder served by your static host in place of the URL.
 * The indexes themselves need the release's .deb files and the signing key: publish writes them.
 */
export function renderApt(ctx: PlatformContext): RenderedFile[] {
  const block = aptBlock(ctx);
  const layout = aptLayout(block);
  const name = ctx.config.project.name;
  const line = `deb [signed-by=/etc/apt/keyrings/${name}.asc] <URL of ${layout.base || './'} on your static host> ${layout.suite} ${layout.component}\n`;
  return [{ path: `${name}.list`, contents: line }];
}
