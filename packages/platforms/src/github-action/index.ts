import type { Platform } from '../platform.js';
import { checkGithubAction } from './check.js';
import { publishGithubAction } from './publish.js';
import { renderGithubAction } from './render.js';
import { rollbackGithubAction } from './rollback.js';
import { statusGithubAction } from './status.js';

/**
 * A GitHub Action's release: the moving tags (`v1`, `v1.2`) follow the newest release of their line,
 * so `uses: owner/repo@v1` gets it. Nothing is uploaded: the release itself is the hub's.
 */
export const githubActionPlatform: Platform = {
  id: 'github-action',
  check: checkGithubAction,
  render: renderGithubAction,
  publish: publishGithubAction,
  status: statusGithubAction,
  rollback: rollbackGithubAction,
};
