import { spawn } from 'node:child_process';
import { chmod, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extract } from 'tar';
import { binaryName, type TargetInfo } from '@deployforge/targets';
import type { PlatformContext, ReleaseAsset } from '../platform.js';

/**
 * The flags that make a .snap the store accepts (what snapcraft pack passes). `-all-time` and
 * `-mkfs-time` pin every timestamp so the same release always builds the same bytes, and the store
 * then recognises a re-upload as the identical binary rather than a new revision.
 */
export const MKSQUASHFS_FLAGS = ['-noappend', '-comp', 'xz', '-all-root', '-no-xattrs', '-no-fragments', '-all-time', '0', '-mkfs-time', '0', '-quiet', '-no-progress'];

/**
 * Builds one .snap: a prime folder with `bin/<binary>` from the release archive (verified by
 * fetchAsset) and the rendered `meta/snap.yaml`, squashed by Debian's mksquashfs.
 */
export async function buildSnap(options: {
  ctx: PlatformContext;
  target: TargetInfo;
  asset: ReleaseAsset;
  binary: string;
  snapYaml: string;
  output: string;
}): Promise<string> {
  const { ctx, target } = options;
  const prime = join(ctx.workDir, `prime-${target.snap ?? target.id}`);
  await rm(prime, { recursive: true, force: true });
  await mkdir(join(prime, 'bin'), { recursive: true });
  await mkdir(join(prime, 'meta'), { recursive: true });
  const archive = await ctx.fetchAsset(options.asset);
  const exe = binaryName(options.binary, target.id);
  // The binary sits at the archive root; take only it (README/LICENSE stay out of bin/).
  await extract({ file: archive, cwd: join(prime, 'bin'), strict: true }, [exe]);
  const binPath = join(prime, 'bin', exe);
  try {
    await stat(binPath);
  } catch {
    throw new Error(`${options.asset.name} has no ${exe} at its root`);
  }
  await chmod(binPath, 0o755);
  await writeFile(join(prime, 'meta', 'snap.yaml'), options.snapYaml);
  await rm(options.output, { force: true });
  await mksquashfs(prime, options.output);
  return options.output;
}

function mksquashfs(source: string, output: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mksquashfs', [source, output, ...MKSQUASHFS_FLAGS], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error('mksquashfs is not installed (Debian/Ubuntu: apt-get install squashfs-tools)') : error),
    );
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`mksquashfs exited ${code}: ${stderr.trim().slice(-500)}`))));
  });
}
