import type { Platform } from '../platform.js';
import { checkNix } from './check.js';
import { publishNix } from './publish.js';
import { renderNix } from './render.js';
import { statusNix } from './status.js';

/** Nix: a flake plus a `callPackage` derivation with one fetchurl per system, committed to a repository. */
export const nixPlatform: Platform = {
  id: 'nix',
  check: checkNix,
  render: renderNix,
  publish: publishNix,
  status: statusNix,
};
