import { join } from 'node:path';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { extractBinary } from './binary-extract.js';
import { EXECUTABLE_MODE, FILE_MODE } from './render.js';
import type { NpmPackagePlan, TargetPackage } from './package-plan.js';
import { packTarball, type NpmTarball, type TarballEntry } from './tarball.js';

/** A package ready to publish: its package.json and its tarball on disk. */
export interface PackedPackage {
  name: string;
  manifest: Record<string, unknown>;
  tarball: NpmTarball;
  target?: TargetPackage;
}

/** Archive downloads and packing are independent per target; a few at a time keeps disk and sockets calm. */
export const PACK_CONCURRENCY = 4;

/** Run `work` over `items`, at most `limit` at once, keeping the input order in the results. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(runners);
  return results;
}

const safeFileName = (name: string) => name.replace(/^@/, '').replace(/\//g, '-');

function filesOf(files: readonly RenderedFile[], dir: string): TarballEntry[] {
  const prefix = `${dir}/`;
  return files
    .filter((f) => f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes('..'))
    .map((f) => ({ path: f.path.slice(prefix.length), contents: f.contents, mode: f.mode ?? FILE_MODE }));
}

function manifestOf(entries: readonly TarballEntry[], name: string): Record<string, unknown> {
  const entry = entries.find((e) => e.path === 'package.json');
  if (!entry || !('contents' in entry)) throw new Error(`no package.json rendered for ${name}`);
  const text = typeof entry.contents === 'string' ? entry.contents : Buffer.from(entry.contents).toString('utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

async function packOne(ctx: PlatformContext, files: readonly RenderedFile[], name: string, dir: string, target?: TargetPackage): Promise<PackedPackage> {
  const entries = filesOf(files, dir);
  const manifest = manifestOf(entries, name);
  const scratch = join(ctx.workDir, 'npm');
  if (target) {
    // Every byte comes from the verified release asset: fetchAsset checks its sha256.
    const archive = await ctx.fetchAsset(target.asset);
    const binary = join(scratch, 'binaries', target.target.id, target.binaryFile);
    await extractBinary(archive, target.binaryFile, binary);
    entries.push({ path: `bin/${target.binaryFile}`, source: binary, mode: EXECUTABLE_MODE });
  }
  const tarball = await packTarball(entries, join(scratch, `${safeFileName(name)}-${ctx.version.version}.tgz`));
  return { name, manifest, tarball, ...(target ? { target } : {}) };
}

/**
 * Pack every package of the plan from the rendered files (+ each target's binary). Deterministic:
 * check packs to compare integrity with the registry, publish packs to upload, and both get the
 * same bytes. Returned in publish order: per-target packages first, the main package last.
 */
export async function packNpmPackages(ctx: PlatformContext, plan: NpmPackagePlan, files: readonly RenderedFile[]): Promise<PackedPackage[]> {
  const targets = await mapBounded(plan.targets, PACK_CONCURRENCY, (t) => packOne(ctx, files, t.name, t.dir, t));
  const main = await packOne(ctx, files, plan.main.name, plan.main.dir);
  return [...targets, main];
}
