import type { Platform } from '../platform.js';
import { checkScoop } from './check.js';
import { publishScoop } from './publish.js';
import { renderScoop } from './render.js';
import { statusScoop } from './status.js';

/** Scoop: `bucket/<name>.json` (with checkver and autoupdate) committed to the bucket. */
export const scoopPlatform: Platform = {
  id: 'scoop',
  check: checkScoop,
  render: renderScoop,
  publish: publishScoop,
  status: statusScoop,
};
