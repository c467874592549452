import type { Logger } from '@deployforge/diagnostics';
import { AssetHashError, sha256OfReleaseAsset } from './hash-release-asset.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import type { GitHubClient } from './octokit-factory.js';
import { ReleaseStepError } from './release-errors.js';
import { sha256FromDigest, type RemoteAsset } from './release-types.js';

/**
 * Fills in the sha256 of assets the server reports no `digest` for, by downloading and hashing
 * them (sha256OfReleaseAsset), so that every decision and the final verification compare content,
 * never size alone. Only assets worth it are hashed: complete uploads under a name this run
 * manages whose size matches (a different size already says "different"). An asset's bytes never
 * change under its id on GitHub (only its name or label can), so each id is downloaded at most
 * once per run: an asset skipped at decision time is not fetched again at verification.
 */
export class RemoteDigests {
  private readonly known = new Map<number, string>();
  /** Assets downloaded to be hashed (a test and a log line read it). */
  downloads = 0;

  constructor(
    private readonly client: GitHubClient,
    private readonly owner: string,
    private readonly repo: string,
    private readonly log: Logger,
    private readonly signal?: AbortSignal,
  ) {}

  /**
   * `assets` with `digest` set to the hashed content where the server gave none. `sizes` maps the
   * names to check to the size the local file has.
   */
  async fill(assets: readonly RemoteAsset[], sizes: ReadonlyMap<string, number>, step = 'check assets'): Promise<RemoteAsset[]> {
    const todo = assets.filter(
      (a) => a.state === 'uploaded' && sha256FromDigest(a.digest) === undefined && sizes.get(a.name) === a.size && !this.known.has(a.id),
    );
    if (todo.length > 0) {
      this.log.info(`the server reports no digest for ${todo.map((a) => a.name).join(', ')}; downloading to check the sha256`);
    }
    await mapWithConcurrency(todo, 2, async (asset) => {
      try {
        this.known.set(asset.id, await sha256OfReleaseAsset(this.client, this.owner, this.repo, asset, this.signal ? { signal: this.signal } : {}));
        this.downloads++;
      } catch (error) {
        if (error instanceof AssetHashError) throw new ReleaseStepError(step, error.message, asset.name, undefined, { cause: error });
        throw error;
      }
    });
    return assets.map((a) => {
      const hashed = sha256FromDigest(a.digest) === undefined ? this.known.get(a.id) : undefined;
      return hashed ? { ...a, digest: `sha256:${hashed}` } : a;
    });
  }
}
