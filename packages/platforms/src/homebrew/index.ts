import type { Platform } from '../platform.js';
import { checkHomebrew } from './check.js';
import { publishHomebrew } from './publish.js';
import { renderHomebrew } from './render.js';
import { rollbackHomebrew } from './rollback.js';
import { statusHomebrew } from './status.js';

/** Homebrew: `Formula/<name>.rb` (or `Casks/<token>.rb`) committed to the tap (or proposed as a pull request). */
export const homebrewPlatform: Platform = {
  id: 'homebrew',
  check: checkHomebrew,
  render: renderHomebrew,
  publish: publishHomebrew,
  status: statusHomebrew,
  rollback: rollbackHomebrew,
};
