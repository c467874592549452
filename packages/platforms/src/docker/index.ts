import type { Platform } from '../platform.js';
import { checkDocker } from './check.js';
import { publishDocker } from './publish.js';
import { renderDocker } from './render.js';
import { rollbackDocker } from './rollback.js';
import { statusDocker } from './status.js';

/**
 * Docker / OCI: a multi-arch image assembled from the release's Linux binaries without a Docker daemon
 * and pushed through the registry API to every image in `platforms.docker.images`.
 *
 * Credentials: `DOCKER_USERNAME` + `DOCKER_PASSWORD` for any registry; on ghcr.io, `GITHUB_TOKEN` (with
 * `packages: write`) is used when the DOCKER_* pair is unset or refused. Registries on 127.0.0.1 or
 * localhost are spoken to over plain http, all others over https.
 */
export const dockerPlatform: Platform = {
  id: 'docker',
  check: checkDocker,
  render: renderDocker,
  publish: (ctx) => publishDocker(ctx),
  status: statusDocker,
  rollback: rollbackDocker,
};
