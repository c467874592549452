import type { Platform } from '../platform.js';
import { checkSnap } from './check.js';
import { publishSnap } from './publish.js';
import { renderSnap } from './render.js';
import { statusSnap } from './status.js';

/** Snap Store: a .snap per architecture built from the release binaries, uploaded with snapcraft. */
export const snapPlatform: Platform = {
  id: 'snap',
  check: checkSnap,
  render: renderSnap,
  publish: publishSnap,
  status: statusSnap,
};
