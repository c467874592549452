import { mapWithConcurrency } from '@deployforge/github';
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
 * Keyed by the context object, so a new run (a new context) always builds afresh, then by the
 * formats asked for (the apt spoke wants the .deb files, the yum spoke the .rpm files).
 */
const built = new WeakMap<PlatformContext, Map<string, Promise<BuiltJob[]>>>();

/**
 * Every package of the release, built in memory from the verified release archives. Each archive
 * is read once even when several formats use it.
 */
export function buildPackages(ctx: PlatformContext, settings: PackageSettings): Promise<BuiltJob[]> {
  const byFormats = built.get(ctx) ?? new Map<string, Promise<BuiltJob[]>>();
  built.set(ctx, byFormats);
  const key = [...new Set(settings.jobs.map((j) => j.format))].join(',');
  let result = byFormats.get(key);
  if (!result) {
    result = buildAll(ctx, settings);
    byFormats.set(key, result);
    // A failed build is not remembered: a retry on the same context builds again.
    result.catch(() => byFormats.delete(key));
  }
  return result;
}

async function buildAll(ctx: PlatformContext, settings: PackageSettings): Promise<BuiltJob[]> {
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
      : job.format === 'rpm' ? buildRpm(settings, job.arch, payload)
      : buildApk(settings, job.arch, payload);
    return { job, pkg };
  });
}
