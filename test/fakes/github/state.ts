// In-memory model of what the fake GitHub holds. Plain data, so tests can inspect (and even seed) it directly.
// Files of uploaded assets live on disk (filePath); only metadata is kept in memory.

export type AssetState = 'uploaded' | 'starter';

export interface FakeAsset {
  id: number;
  nodeId: string;
  name: string;
  label: string | null;
  contentType: string;
  /** "starter" while an upload is streaming and after one that broke (GitHub's own failure state). */
  state: AssetState;
  size: number;
  /** Hex sha256 of the stored bytes; null until an upload completes (GitHub answers `digest: null` then). */
  sha256: string | null;
  /** Where the bytes are on disk; null for a starter asset that never received data. */
  filePath: string | null;
  downloadCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface FakeRelease {
  id: number;
  nodeId: string;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  updatedAt: string;
  /** Path segment used in browser_download_url: the tag once published, `untagged-<hex>` for drafts (as GitHub). */
  urlTag: string;
  assets: FakeAsset[];
}

export interface FakeRepo {
  owner: string;
  name: string;
  id: number;
  /** Newest first is the order GitHub lists them in; we keep insertion order and sort when listing. */
  releases: FakeRelease[];
  /** Release marked latest via make_latest (GitHub tracks it explicitly, not just by date). */
  latestReleaseId: number | null;
}

export interface FakeState {
  repos: Map<string, FakeRepo>;
  /** `owner/name` -> repo; undefined if it does not exist (and repos are not auto-created). */
  repo(fullName: string): FakeRepo | undefined;
  /** Creates the repo if missing. Seeding helper for tests. */
  addRepo(fullName: string): FakeRepo;
  release(id: number): { repo: FakeRepo; release: FakeRelease } | undefined;
  asset(id: number): { repo: FakeRepo; release: FakeRelease; asset: FakeAsset } | undefined;
  nextId(kind: 'repo' | 'release' | 'asset'): number;
}

export function createState(options: { repos?: string[] }): FakeState {
  const repos = new Map<string, FakeRepo>();
  // Distinct id ranges per kind make a mixed-up id (asset id used as release id) fail loudly in tests.
  const counters = { repo: 100, release: 1000, asset: 500_000 };
  // When no repo list is given, any owner/name springs into existence on first use: handy for quick tests.
  const autoCreate = options.repos === undefined;

  const state: FakeState = {
    repos,
    repo(fullName) {
      const key = fullName.toLowerCase();
      const found = repos.get(key);
      if (found || !autoCreate) return found;
      return state.addRepo(fullName);
    },
    addRepo(fullName) {
      const key = fullName.toLowerCase();
      const existing = repos.get(key);
      if (existing) return existing;
      const [owner, name, ...rest] = fullName.split('/');
      if (!owner || !name || rest.length > 0) throw new Error(`repo must be "owner/name", got ${JSON.stringify(fullName)}`);
      const repo: FakeRepo = { owner, name, id: state.nextId('repo'), releases: [], latestReleaseId: null };
      repos.set(key, repo);
      return repo;
    },
    release(id) {
      for (const repo of repos.values()) {
        const release = repo.releases.find((r) => r.id === id);
        if (release) return { repo, release };
      }
      return undefined;
    },
    asset(id) {
      for (const repo of repos.values()) {
        for (const release of repo.releases) {
          const asset = release.assets.find((a) => a.id === id);
          if (asset) return { repo, release, asset };
        }
      }
      return undefined;
    },
    nextId(kind) {
      counters[kind] += 1;
      return counters[kind];
    },
  };
  for (const name of options.repos ?? []) state.addRepo(name);
  return state;
}

/** GitHub's timestamps have second precision and a `Z` suffix. */
export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`;
}
