import { errorMessage } from '@deployforge/diagnostics';
import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { compareWheels } from './compare-wheels.js';
import { postLegacyUpload } from './legacy-upload.js';
import { fetchReleaseFiles, type PypiFile } from './pypi-json-api.js';
import { pypiSettings } from './pypi-settings.js';
import { releaseWheels, type ReleaseWheel } from './release-wheels.js';
import { pypiUploadToken } from './trusted-publishing.js';
import { uploadFields } from './upload-fields.js';

const RETRIES = 2;

/**
 * Uploads every wheel PyPI does not have yet, one at a time (PyPI rate-limits uploads per
 * project). Idempotent: wheels already there with the same sha256 are skipped, and a
 * "File already exists" answer is checked against the JSON API rather than trusted or feared.
 */
export async function publishPypi(ctx: PlatformContext, files: RenderedFile[]): Promise<PublishResult> {
  const settings = pypiSettings(ctx);
  const token = await pypiUploadToken(ctx, settings);
  const wheels = await releaseWheels(ctx, settings, files);
  const release = await fetchReleaseFiles(settings.index, settings.name, settings.version, ctx.signal, ctx.log);
  const before = compareWheels(wheels, release.files ?? []);
  if (before.changed.length > 0) {
    return {
      status: 'failed', url: release.url,
      detail: `PyPI already has ${before.changed.join(', ')} with other content, and never lets a file be replaced: release a new version`,
    };
  }
  const uploaded: string[] = [];
  for (const wheel of wheels.filter((w) => before.missing.includes(w.filename))) {
    const outcome = await uploadOne(ctx, settings.repository, token, wheel, files);
    if (outcome.kind === 'uploaded') {
      uploaded.push(wheel.filename);
      ctx.log.info(`pypi: uploaded ${wheel.filename} (sha256 ${wheel.sha256})`);
      continue;
    }
    if (outcome.kind === 'refused') {
      const why = outcome.status === 401 || outcome.status === 403
        ? `PyPI refused the credentials (${outcome.status}): check that PYPI_TOKEN is a valid API token for ${settings.name}`
        : `PyPI refused ${wheel.filename} (${outcome.status})`;
      return { status: 'failed', url: release.url, detail: `${why}: ${outcome.message}${progress(uploaded)}` };
    }
    // "File already exists": someone (a parallel run, an earlier run whose answer got lost) put a
    // file of that name there. Same digest → fine; otherwise the name is burned for good.
    const now = await fetchReleaseFiles(settings.index, settings.name, settings.version, ctx.signal, ctx.log);
    const theirs: PypiFile | undefined = now.files?.find((f) => f.filename === wheel.filename);
    if (theirs?.sha256 === wheel.sha256) {
      ctx.log.info(`pypi: ${wheel.filename} was already there with the same sha256`);
      continue;
    }
    const what = theirs ? 'with other content' : 'as a deleted file, whose name PyPI never accepts again';
    return {
      status: 'failed', url: release.url,
      detail: `PyPI already has ${wheel.filename} ${what} (${outcome.message}): release a new version${progress(uploaded)}`,
    };
  }
  const already = wheels.length - uploaded.length;
  return uploaded.length > 0
    ? { status: 'published', url: release.url, detail: `uploaded ${uploaded.length} wheel(s) to ${settings.repository}${already ? `; ${already} already there` : ''}` }
    : { status: 'skipped', url: release.url, detail: `all ${wheels.length} wheel(s) were already on PyPI with the same sha256` };
}

const progress = (uploaded: string[]) => (uploaded.length ? ` (uploaded before stopping: ${uploaded.join(', ')})` : '');

async function uploadOne(ctx: PlatformContext, repository: string, token: string, wheel: ReleaseWheel, files: readonly RenderedFile[]) {
  const metadataFile = files.find((f) => f.path.startsWith(`${wheel.renderedAs}/`) && f.path.endsWith('.dist-info/METADATA'));
  if (!metadataFile) throw new Error(`no METADATA was rendered for ${wheel.filename}`);
  const metadata = typeof metadataFile.contents === 'string' ? metadataFile.contents : Buffer.from(metadataFile.contents).toString('utf8');
  const form = { fields: uploadFields(metadata, wheel), file: { path: wheel.path, filename: wheel.filename, size: wheel.size } };
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await postLegacyUpload(repository, `__token__:${token}`, form, ctx.signal);
      // A 5xx may or may not have stored the file; the retry then answers "already exists", which
      // the caller resolves by digest.
      if (answer.kind === 'refused' && answer.status >= 500 && attempt < RETRIES) {
        ctx.log.warning(`pypi: ${wheel.filename}: ${answer.status} from the upload API, retrying`);
        await sleep(1000 * 2 ** attempt);
        continue;
      }
      return answer;
    } catch (error) {
      if (attempt >= RETRIES || ctx.signal?.aborted) {
        throw new Error(`uploading ${wheel.filename} to ${repository}: ${errorMessage(error)}`);
      }
      ctx.log.warning(`pypi: ${wheel.filename}: ${errorMessage(error)}, retrying`);
      await sleep(1000 * 2 ** attempt);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
