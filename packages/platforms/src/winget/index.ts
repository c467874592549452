import type { Platform } from '../platform.js';
import { checkWinget } from './check.js';
import { publishWinget } from './publish.js';
import { renderWinget } from './render.js';
import { wingetStatus } from './status.js';

/** Winget: three manifests submitted as a pull request from a fork to winget-pkgs. */
export const wingetPlatform: Platform = {
  id: 'winget',
  check: checkWinget,
  render: renderWinget,
  publish: publishWinget,
  status: wingetStatus,
};
