import type { Platform } from '../platform.js';
import { checkCustom } from './check.js';
import { publishCustom } from './publish.js';
import { renderCustom } from './render.js';
import { statusCustom } from './status.js';

/** `platforms.custom.<name>`: the user's own deploy command, run with the release in its environment. */
export const customPlatform: Platform = {
  id: 'custom',
  check: checkCustom,
  render: renderCustom,
  publish: publishCustom,
  status: statusCustom,
};
