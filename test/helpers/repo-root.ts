import { fileURLToPath } from 'node:url';

/** The repository root, for tests that run the committed bundles or read fixtures. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
