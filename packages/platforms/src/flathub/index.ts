import type { Platform } from '../platform.js';
import { checkFlathub } from './check.js';
import { publishFlathub } from './publish.js';
import { renderFlathub } from './render.js';
import { statusFlathub } from './status.js';

/** Flathub: the flatpak-builder manifest proposed as a pull request on flathub/<app-id>. */
export const flathubPlatform: Platform = {
  id: 'flathub',
  check: checkFlathub,
  render: renderFlathub,
  publish: publishFlathub,
  status: statusFlathub,
};
