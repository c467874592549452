import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { sha256FromDigest, type GitHubClient, type RemoteAsset } from '@deployforge/github';

/**
 * Download one of the small release files SHA256SUMS does not list (a signature, a Sigstore bundle)
 * to `destination`. Nothing to check it against but GitHub's own digest, used where GitHub reports
 * one; the signature check that follows is what makes these bytes meaningful.
 */
export async function downloadUnlistedFile(client: GitHubClient, owner: string, repo: string, asset: RemoteAsset, destination: string): Promise<string> {
  const response = await client.octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
    owner, repo, asset_id: asset.id, headers: { accept: 'application/octet-stream' },
  });
  const data = response.data as unknown;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data instanceof ArrayBuffer ? Buffer.from(data) : undefined;
  if (!bytes) throw new Error(`${asset.name}: unexpected response while downloading it from the release`);
  if (bytes.length !== asset.size) throw new Error(`${asset.name}: got ${bytes.length} of ${asset.size} bytes; re-run to retry`);
  const digest = sha256FromDigest(asset.digest);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (digest && actual !== digest) throw new Error(`${asset.name}: GitHub reports sha256 ${digest}, the download is ${actual}`);
  await writeFile(destination, bytes);
  return actual;
}
