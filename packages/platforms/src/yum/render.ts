import type { PlatformContext, RenderedFile } from '../platform.js';
import { yumBlock, yumLayout } from './yum-repository-state.js';

/**
 * Pure: the `.repo` file users drop into /etc/yum.repos.d, with the folder served by your static
 * host in place of the URL. The metadata itself needs the release's .rpm files and the signing key.
 */
export function renderYum(ctx: PlatformContext): RenderedFile[] {
  const layout = yumLayout(yumBlock(ctx));
  const name = ctx.config.project.name;
  const url = `<URL of ${layout.base || './'} on your static host>`;
  const text = [`[${name}]`, `name=${name}`, `baseurl=${url}`, 'enabled=1', 'repo_gpgcheck=1', 'gpgcheck=0', `gpgkey=${url}/key.asc`, ''].join('\n');
  return [{ path: `${name}.repo`, contents: text }];
}
