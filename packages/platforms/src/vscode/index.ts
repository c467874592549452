import type { Platform } from '../platform.js';
import { checkVscode } from './check.js';
import { publishVscode } from './publish.js';
import { renderVscode } from './render.js';
import { statusVscode } from './status.js';

/**
 * VS Code Marketplace + Open VSX: the extension folder packaged by vsce with the release version.
 * Store URLs: DEPLOYFORGE_VSCE_MARKETPLACE_URL and DEPLOYFORGE_OVSX_URL (defaults: the public stores).
 */
export const vscodePlatform: Platform = {
  id: 'vscode',
  check: checkVscode,
  render: renderVscode,
  publish: publishVscode,
  status: statusVscode,
};
