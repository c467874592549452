// One upload in a process of its own, so its peak RSS (process.resourceUsage().maxRSS) measures that
// uploader and nothing else. Prints one JSON line. Used by upload-large.ts; not meant to be run by hand.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { assetUploadUrl, uploadAssetStream } from '../packages/github/src/index.js';

const [method, uploadUrl, token, name, path, sizeText] = process.argv.slice(2) as [string, string, string, string, string, string];
const size = Number(sizeText);
const started = performance.now();
let status = 0;
if (method === 'noop') {
  status = 200; // baseline: what a bare tsx + node process costs
} else if (method === 'stream') {
  await uploadAssetStream({ uploadUrl, token, name, path, size, contentType: 'application/octet-stream' });
  status = 201;
} else if (method === 'fetch') {
  // What Octokit does underneath (undici fetch), given a streaming body: undici#4058 keeps the chunks.
  const response = await fetch(assetUploadUrl(uploadUrl, name), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': String(size) },
    body: Readable.toWeb(createReadStream(path, { highWaterMark: 1 << 20 })) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  status = response.status;
  await response.arrayBuffer();
} else if (method === 'octokit') {
  // The peers' way (softprops/action-gh-release, ncipollo/release-action): the whole file read
  // into memory, then Octokit's uploadReleaseAsset.
  const { Octokit } = await import('@octokit/rest');
  const octokit = new Octokit({ auth: token, baseUrl: new URL(uploadUrl).origin });
  const data = await readFile(path);
  const response = await octokit.request({
    method: 'POST', url: uploadUrl, name, data,
    headers: { 'content-type': 'application/octet-stream', 'content-length': size },
  });
  status = response.status;
} else {
  throw new Error(`unknown method ${method}`);
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ status, ms, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
