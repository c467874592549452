import { ConfigurationError, describeValue } from '@deployforge/diagnostics';
import type { LoadedConfig } from '@deployforge/config';

export interface Repository {
  owner: string;
  repo: string;
}

const OWNER_REPO = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/;

/**
 * The repository the release lives in: `project.repository`, else `$GITHUB_REPOSITORY` (set on every
 * Actions runner). A laptop run without either is told which key to set.
 */
export function resolveRepository(loaded: LoadedConfig, env: Readonly<Record<string, string | undefined>>): Repository {
  const configured = loaded.config.project.repository;
  const value = configured ?? env.GITHUB_REPOSITORY;
  if (!value) {
    const at = loaded.locate(['project']);
    throw new ConfigurationError(
      `${loaded.file}:${at.line}:${at.column}: project.repository: not set and GITHUB_REPOSITORY is empty; expected owner/repo, e.g. acme/shimmy`,
    );
  }
  const match = OWNER_REPO.exec(value);
  if (!match) {
    throw ConfigurationError.forInput(configured ? 'project.repository' : 'GITHUB_REPOSITORY', `expected owner/repo, got ${describeValue(value)}`);
  }
  return { owner: match[1] as string, repo: match[2] as string };
}
