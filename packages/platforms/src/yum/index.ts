import type { Platform } from '../platform.js';
import { checkYum } from './check.js';
import { publishYum } from './publish.js';
import { renderYum } from './render.js';
import { statusYum } from './status.js';

/** yum/dnf: the release's .rpm assets in a signed yum repository kept in a git branch or folder. */
export const yumPlatform: Platform = {
  id: 'yum',
  check: checkYum,
  render: renderYum,
  publish: publishYum,
  status: statusYum,
};
