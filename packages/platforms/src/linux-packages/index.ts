import type { Platform } from '../platform.js';
import { checkLinuxPackages } from './check.js';
import { publishLinuxPackages } from './publish.js';
import { renderLinuxPackages } from './render.js';
import { statusLinuxPackages } from './status.js';

/** Linux packages: .deb/.rpm/.apk from the release archives, in signed apt and yum repositories kept in git. */
export const linuxPackagesPlatform: Platform = {
  id: 'linux-packages',
  check: checkLinuxPackages,
  render: renderLinuxPackages,
  publish: publishLinuxPackages,
  status: statusLinuxPackages,
};
