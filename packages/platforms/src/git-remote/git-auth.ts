/**
 * How git authenticates to an http(s) remote: HTTP basic auth sent as an extra header, the way
 * actions/checkout does it (`x-access-token:<token>` for GitHub, `<user>:<token>` for Hugging Face).
 * The header travels in the git child's environment (GIT_CONFIG_COUNT/KEY/VALUE), scoped to the
 * remote's origin: never in argv (visible in `ps`), the URL (echoed in errors) or `.git/config`
 * (left on disk).
 */
export interface GitAuth {
  username: string;
  token: string;
}

/** The environment entries that make one git process send the header to `origin` only. */
export function authConfigEntries(origin: string, auth: GitAuth | undefined): [string, string][] {
  if (!auth) return [];
  const basic = Buffer.from(`${auth.username}:${auth.token}`, 'utf8').toString('base64');
  return [[`http.${origin}.extraHeader`, `Authorization: Basic ${basic}`]];
}
