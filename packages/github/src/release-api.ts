import { listReleases as listAllReleases } from './find-release.js';
import type { GitHubClient } from './octokit-factory.js';
import { httpFailure, ReleaseStepError } from './release-errors.js';
import type { RemoteAsset, RemoteRelease } from './release-types.js';

/**
 * The release endpoints the state machine uses, each wrapped so that a failure names its step and
 * every write is counted (`writes` is part of the result: a re-run of a finished release must
 * report 0). Scoped to one repository and one run.
 */
export class ReleaseApi {
  writes = 0;

  constructor(
    readonly client: GitHubClient,
    readonly owner: string,
    readonly repo: string,
    readonly signal?: AbortSignal,
  ) {}

  private get rest() {
    return this.client.octokit.rest.repos;
  }

  private requestOptions(extra: { retries?: number } = {}) {
    return { request: { signal: this.signal, ...extra } };
  }

  private async step<T>(step: string, asset: string | undefined, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof ReleaseStepError) throw error;
      if (this.signal?.aborted) throw this.signal.reason;
      const { status, message } = httpFailure(error);
      throw new ReleaseStepError(step, message, asset, status, { cause: error });
    }
  }

  listReleases(): Promise<RemoteRelease[]> {
    return this.step('list releases', undefined, () => listAllReleases(this.client, this.owner, this.repo));
  }

  /**
   * Current assets, plus the server's clock at the time of the answer (`Date` header): a `starter`
   * asset's age is judged on GitHub's clock, never the runner's.
   */
  listAssets(releaseId: number): Promise<{ assets: RemoteAsset[]; serverTime: number }> {
    return this.step('list assets', undefined, async () => {
      const assets: RemoteAsset[] = [];
      let serverTime = Number.NaN;
      const pages = this.client.octokit.paginate.iterator(this.rest.listReleaseAssets, {
        owner: this.owner,
        repo: this.repo,
        release_id: releaseId,
        per_page: 100,
        ...this.requestOptions(),
      });
      for await (const page of pages) {
        assets.push(...(page.data as RemoteAsset[]));
        const date = Date.parse(String(page.headers.date ?? ''));
        if (Number.isFinite(date)) serverTime = date;
      }
      return { assets, serverTime: Number.isFinite(serverTime) ? serverTime : Date.now() };
    });
  }

  /**
   * Create a release. Not retried by Octokit: a POST whose answer was lost may have created the
   * release, and retrying blindly makes a second one. The caller lists and retries instead.
   */
  createRelease(params: {
    tag_name: string;
    name: string;
    body?: string;
    /** GitHub writes the notes itself, in the same request (no generate-notes call first). */
    generate_release_notes?: boolean;
    draft: boolean;
    prerelease: boolean;
    target_commitish?: string;
    make_latest?: 'true' | 'false';
  }): Promise<RemoteRelease> {
    return this.step('create release', undefined, async () => {
      this.writes++;
      const { data } = await this.rest.createRelease({
        owner: this.owner,
        repo: this.repo,
        ...params,
        ...this.requestOptions({ retries: 0 }),
      });
      return data as RemoteRelease;
    });
  }

  /** PATCH is idempotent, so Octokit's retries are safe here. */
  updateRelease(
    releaseId: number,
    params: { draft?: boolean; prerelease?: boolean; make_latest?: 'true' | 'false' },
  ): Promise<RemoteRelease> {
    return this.step('publish release', undefined, async () => {
      this.writes++;
      const { data } = await this.rest.updateRelease({
        owner: this.owner,
        repo: this.repo,
        release_id: releaseId,
        ...params,
        ...this.requestOptions(),
      });
      return data as RemoteRelease;
    });
  }

  /** Deleting twice is harmless; a 404 means an earlier attempt (or another run) already did it. */
  deleteRelease(releaseId: number): Promise<void> {
    return this.step('delete duplicate draft release', undefined, async () => {
      this.writes++;
      try {
        await this.rest.deleteRelease({ owner: this.owner, repo: this.repo, release_id: releaseId, ...this.requestOptions() });
      } catch (error) {
        if (httpFailure(error).status !== 404) throw error;
      }
    });
  }

  deleteAsset(asset: { id: number; name: string }, why: string): Promise<void> {
    return this.step(`delete ${why}`, asset.name, async () => {
      this.writes++;
      try {
        await this.rest.deleteReleaseAsset({ owner: this.owner, repo: this.repo, asset_id: asset.id, ...this.requestOptions() });
      } catch (error) {
        if (httpFailure(error).status !== 404) throw error;
      }
    });
  }

  renameAsset(assetId: number, from: string, to: string): Promise<RemoteAsset> {
    return this.step(`rename ${from} to ${to}`, to, async () => {
      this.writes++;
      const { data } = await this.rest.updateReleaseAsset({
        owner: this.owner,
        repo: this.repo,
        asset_id: assetId,
        name: to,
        ...this.requestOptions(),
      });
      return data as RemoteAsset;
    });
  }
}
