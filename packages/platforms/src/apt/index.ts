import type { Platform } from '../platform.js';
import { checkApt } from './check.js';
import { publishApt } from './publish.js';
import { renderApt } from './render.js';
import { statusApt } from './status.js';

/** apt: the release's .deb assets in a signed apt repository kept in a git branch or folder. */
export const aptPlatform: Platform = {
  id: 'apt',
  check: checkApt,
  render: renderApt,
  publish: publishApt,
  status: statusApt,
};
