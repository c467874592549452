import type { Platform } from '../platform.js';
import { checkCrates } from './check.js';
import { publishCrates } from './publish.js';
import { renderCrates } from './render.js';
import { statusCrates } from './status.js';

/** crates.io (or any Cargo registry): `cargo publish` of the crate's own source. */
export const cratesPlatform: Platform = {
  id: 'crates',
  check: checkCrates,
  render: renderCrates,
  publish: publishCrates,
  status: statusCrates,
};
