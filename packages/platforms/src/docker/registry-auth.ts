/** A parsed `WWW-Authenticate` challenge (RFC 7235), as registries send it on 401. */
export interface Challenge {
  scheme: 'bearer' | 'basic' | string;
  params: Record<string, string>;
}

/**
 * Parse `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull"`.
 * Values may contain commas (a scope with `pull,push`), so quoted strings are read as units.
 */
export function parseChallenge(header: string | undefined): Challenge | undefined {
  if (!header) return undefined;
  const match = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  const pattern = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*,?/g;
  for (const m of (match[2] ?? '').matchAll(pattern)) {
    const key = m[1];
    if (key) params[key.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
  }
  return { scheme: (match[1] ?? '').toLowerCase(), params };
}

/** One way to log in to a registry, and where it came from (for messages: never the value itself). */
export interface RegistryCredential {
  username: string;
  password: string;
  /** `DOCKER_USERNAME/DOCKER_PASSWORD`, `GITHUB_TOKEN`. */
  source: string;
}

/**
 * The credentials to try for a registry, in order. `DOCKER_USERNAME`/`DOCKER_PASSWORD` first; on
 * ghcr.io the workflow's `GITHUB_TOKEN` (with `packages: write`) is also accepted as the password, so
 * GHCR works with no extra secret, and a config that pushes to both Docker Hub and GHCR works when the
 * DOCKER_* pair belongs to Docker Hub (GHCR refuses it, then the GitHub token is tried).
 */
export function credentialsFor(registry: string, env: Readonly<Record<string, string | undefined>>): RegistryCredential[] {
  const out: RegistryCredential[] = [];
  if (env.DOCKER_USERNAME && env.DOCKER_PASSWORD) {
    out.push({ username: env.DOCKER_USERNAME, password: env.DOCKER_PASSWORD, source: 'DOCKER_USERNAME/DOCKER_PASSWORD' });
  }
  if (registry === 'ghcr.io' && env.GITHUB_TOKEN) {
    // GHCR ignores the user name when the password is a GitHub token; the actor is what docker/login-action sends.
    out.push({ username: env.GITHUB_ACTOR || 'x-access-token', password: env.GITHUB_TOKEN, source: 'GITHUB_TOKEN' });
  }
  return out;
}

export const basicHeader = (c: RegistryCredential): string =>
  `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`;
