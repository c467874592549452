import { ConfigurationError } from '@deployforge/diagnostics';

/** Where a git-committed package lives, and how a person would browse it. */
export interface GitRemote {
  /** What git fetches from and pushes to. Never carries a credential. */
  url: string;
  /** `owner/repo` when the remote is a GitHub(-like) repository, for API calls such as pull requests. */
  slug?: string;
  /** The config value it came from, for messages. */
  spec: string;
}

const OWNER_REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;

/**
 * `owner/repo` means a repository on the GitHub the workflow runs against (`GITHUB_SERVER_URL`, so
 * GitHub Enterprise Server works too); anything else is a git URL used exactly as given.
 */
export function resolveGitRemote(spec: string, env: Readonly<Record<string, string | undefined>>, origin: string): GitRemote {
  if (OWNER_REPO.test(spec)) {
    const server = (env['GITHUB_SERVER_URL'] ?? 'https://github.com').replace(/\/+$/, '');
    const slug = spec.replace(/\.git$/, '');
    return { url: `${server}/${slug}.git`, slug, spec };
  }
  if (/^(?:https?|ssh|git|file):\/\//.test(spec) || /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:/.test(spec)) {
    const slug = slugFromUrl(spec);
    return { url: spec, ...(slug ? { slug } : {}), spec };
  }
  throw ConfigurationError.forInput(origin, `"${spec}" is neither owner/repo nor a git URL (https://, ssh://, git://, file://, git@host:path)`);
}

/** The last two path segments of a URL (`…/acme/homebrew-tap.git` → `acme/homebrew-tap`). */
function slugFromUrl(url: string): string | undefined {
  const path = url.replace(/^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:/, '/').replace(/^[a-z]+:\/\/[^/]*/, '');
  const parts = path.split('/').filter(Boolean);
  if (parts.length < 2) return undefined;
  const slug = `${parts[parts.length - 2]}/${parts[parts.length - 1]!.replace(/\.git$/, '')}`;
  return OWNER_REPO.test(slug) ? slug : undefined;
}

/** Only http(s) remotes take a token; git://, file:// and ssh carry their own (or no) authentication. */
export function isHttpRemote(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** `https://host:port/` — the scope of the auth header, so it is never sent to another host. */
export function httpOrigin(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}/`;
}

/** A URL a person can open: credentials (if a user wrote some into the config) and `.git` removed. */
export function browseUrl(remote: GitRemote, path?: string, branch?: string): string {
  let base = remote.url;
  if (isHttpRemote(base)) {
    const parsed = new URL(base);
    parsed.username = '';
    parsed.password = '';
    base = parsed.toString();
  }
  base = base.replace(/\.git$/, '');
  if (!path) return base;
  return isHttpRemote(base) && branch ? `${base}/blob/${branch}/${path}` : `${base} (${path})`;
}
