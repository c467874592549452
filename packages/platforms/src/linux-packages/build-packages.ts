import { mapWithConcurrency } from '@deployforge/github';
import type { RepositorySigner } from '@deployforge/signing';
import type { PlatformContext } from '../platform.js';
import { buildDeb, type BuiltPackage } from './deb-package.js';
import { readPayload, type Payload } from './package-payload.js';
import type { PackageJob, PackageSettings } from './package-settings.js';
import { buildRpm } from './rpm-package.js';
import { buildApk } from './apk-package.js';

export interface BuiltJob {
  job: PackageJob;
  pkg: BuiltPackage;
}

/**
 * check and publish run on the same context one after the other: the packages are built once.
 * Keyed by the context object, so a new run (a new context) always builds afresh.
 */
const built = new WeakMap<PlatformContext, Promise<BuiltJob[]>>();

/**
 * Every package of the release, built in memory from the verified release archives. Each archive
 * is read once even when several formats use it.
 */
export function buildPackages(ctx: PlatformContext, settings: PackageSettings, signer?: RepositorySigner): Promise<BuiltJob[]> {
  let result = built.get(ctx);
  if (!result) {
    result = buildAll(ctx, settings, signer);
    built.set(ctx, result);
    // A failed build is not remembered: a retry on the same context builds again.
    result.catch(() => built.delete(ctx));
  }
  return result;
}

async function buildAll(ctx: PlatformContext, settings: PackageSettings, signer: RepositorySigner | undefined): Promise<BuiltJob[]> {
  const payloads = new Map<string, Promise<Payload>>();
  const payloadOf = (job: PackageJob) => {
    let p = payloads.get(job.asset.name);
    if (!p) {
      p = ctx.fetchAsset(job.asset).then((file) => readPayload(file, job.asset.name, settings));
      payloads.set(job.asset.name, p);
    }
    return p;
  };
  return mapWithConcurrency(settings.jobs, 2, async (job) => {
    const payload = await payloadOf(job);
    const pkg = job.format === 'deb' ? buildDeb(settings, job.arch, payload)
      : job.format === 'rpm' ? await buildRpm(settings, job.arch, payload, signer)
      : buildApk(settings, job.arch, payload);
    return { job, pkg };
  });
}
