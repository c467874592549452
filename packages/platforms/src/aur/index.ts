import type { Platform } from '../platform.js';
import { checkAur } from './check.js';
import { publishAur } from './publish.js';
import { renderAur } from './render.js';
import { aurStatus } from './status.js';

/** AUR: a `<name>-bin` PKGBUILD + .SRCINFO pushed over ssh (DESIGN.md, Platforms). */
export const aurPlatform: Platform = {
  id: 'aur',
  check: checkAur,
  render: renderAur,
  publish: publishAur,
  status: aurStatus,
};
