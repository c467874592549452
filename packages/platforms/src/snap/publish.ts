import { join } from 'node:path';
import { mapWithConcurrency } from '@deployforge/github';
import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { buildSnap } from './build-snap.js';
import { runSnapcraft, STORE_CREDENTIALS } from './snapcraft-command.js';
import { snapSettings } from './snap-settings.js';
import { snapFileName } from './snap-yaml.js';
import { classifyUpload, exportLoginCommand, type UploadAnswer } from './store-answers.js';

/** Two architectures at most today; two at a time keeps mksquashfs from fighting over the CPU. */
const CONCURRENCY = 2;

/**
 * Builds a .snap per architecture from the release archives and the rendered snap.yaml, then
 * `snapcraft upload --release=<channels>` each. The store's "identical binary" answer is a skip,
 * so a re-run after a partial upload converges.
 */
export async function publishSnap(ctx: PlatformContext, files: RenderedFile[]): Promise<PublishResult> {
  const settings = snapSettings(ctx);
  const renew = exportLoginCommand(settings.name, settings.channels);
  if (!ctx.env[STORE_CREDENTIALS]) {
    return { status: 'failed', detail: `${STORE_CREDENTIALS} is not set: run \`${renew}\` and store its output as that secret` };
  }
  const results = await mapWithConcurrency(settings.targets, CONCURRENCY, async (target) => {
    const asset = ctx.assets.find((a) => a.target === target.id);
    if (!asset) throw new Error(`the release has no archive for ${target.id}`);
    const yamlFile = files.find((f) => f.path === `${target.snap}/meta/snap.yaml`);
    if (!yamlFile) throw new Error(`no rendered snap.yaml for ${target.snap}`);
    const file = await buildSnap({
      ctx, target, asset, binary: settings.binary,
      snapYaml: typeof yamlFile.contents === 'string' ? yamlFile.contents : Buffer.from(yamlFile.contents).toString('utf8'),
      output: join(ctx.workDir, snapFileName(settings, target.snap)),
    });
    ctx.log.info(`snap: built ${snapFileName(settings, target.snap)}, uploading to ${settings.channels.join(', ')}`);
    const upload = await runSnapcraft(ctx, ['upload', `--release=${settings.channels.join(',')}`, file]);
    return { arch: target.snap, answer: classifyUpload(upload.code, upload.output) };
  });
  return summarize(settings.name, settings.version, settings.channels, results, renew);
}

function summarize(name: string, version: string, channels: string[], results: { arch: string; answer: UploadAnswer }[], renew: string): PublishResult {
  const url = `https://snapcraft.io/${name}`;
  const words = results.map(({ arch, answer }) => {
    switch (answer.kind) {
      case 'uploaded': return `${arch}: revision ${answer.revision ?? '?'} released to ${channels.join(', ')}`;
      case 'duplicate': return `${arch}: the store already has this identical binary`;
      case 'credentials-expired': return `${arch}: credentials refused`;
      case 'not-registered': return `${arch}: name not registered`;
      case 'failed': return `${arch}: upload failed: ${answer.tail}`;
    }
  });
  const detail = words.join('; ');
  const kinds = new Set(results.map((r) => r.answer.kind));
  if (kinds.has('failed')) return { status: 'failed', detail };
  if (kinds.has('credentials-expired')) {
    return { status: 'needs-human', detail: `the Snap Store refused ${STORE_CREDENTIALS} (expired or revoked): run \`${renew}\` and update the secret, then re-run; ${detail}` };
  }
  if (kinds.has('not-registered')) {
    return { status: 'needs-human', detail: `the snap name ${name} is not registered to this account: run \`snapcraft register ${name}\`, then re-run; ${detail}` };
  }
  if (kinds.size === 1 && kinds.has('duplicate')) return { status: 'skipped', detail: `${version} is already in the store: ${detail}`, url };
  return { status: 'published', detail, url };
}
