import type { Platform } from '../platform.js';
import { checkChocolatey } from './check.js';
import { publishChocolatey } from './publish.js';
import { renderChocolatey } from './render.js';
import { chocolateyStatus } from './status.js';

/** Chocolatey: a .nupkg (nuspec + checksummed install script) pushed to a NuGet v2 feed. */
export const chocolateyPlatform: Platform = {
  id: 'chocolatey',
  check: checkChocolatey,
  render: renderChocolatey,
  publish: publishChocolatey,
  status: chocolateyStatus,
};
