import type { Platform } from '../platform.js';
import { checkPypi } from './check.js';
import { publishPypi } from './publish.js';
import { renderPypi } from './render.js';
import { statusPypi } from './status.js';

/** PyPI: `py3-none-<platform>` wheels that carry the release binary as a console script. */
export const pypiPlatform: Platform = {
  id: 'pypi',
  check: checkPypi,
  render: renderPypi,
  publish: publishPypi,
  status: statusPypi,
};
