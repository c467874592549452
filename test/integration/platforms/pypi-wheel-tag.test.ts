import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArchive } from '@deployforge/archive';
import { parseConfig } from '@deployforge/config';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { archiveName, type TargetId } from '@deployforge/targets';
import { parseVersionInput } from '@deployforge/version';
import type { PlatformContext, ReleaseAsset } from '../../../packages/platforms/src/platform.js';
import { readElfLibcNeeds } from '../../../packages/platforms/src/pypi/elf-libc-needs.js';
import { pypiSettings } from '../../../packages/platforms/src/pypi/pypi-settings.js';
import { releaseWheels } from '../../../packages/platforms/src/pypi/release-wheels.js';
import { renderPypi } from '../../../packages/platforms/src/pypi/render.js';
import { requireClient } from '../../helpers/real-clients.js';
import { runOk } from '../../helpers/services.js';

// A manylinux tag is a promise about the glibc the binary needs (PEP 600). binutils' `objdump -T` (Debian
// bookworm, 2.40) is the reference: our ELF reader must find the same highest GLIBC_/GLIBCXX_ versions in
// real binaries of this machine, and every binary we put into a wheel must need no newer glibc than
// its tag says.

const highest = (dump: string, prefix: 'GLIBC' | 'GLIBCXX'): string | undefined =>
  [...dump.matchAll(new RegExp(`\\b${prefix}_(\\d+(?:\\.\\d+)+)\\b`, 'g'))]
    .map((m) => m[1]!)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .at(-1);

// Real ELF binaries present on every machine that runs our suite (Debian's coreutils, git, Node, nix-bin).
const SYSTEM_BINARIES = ['/usr/bin/ls', '/usr/bin/git', process.execPath, '/usr/bin/nix-instantiate', '/usr/bin/objdump'];

beforeAll(() => {
  requireClient('objdump', 'binutils');
  requireClient('unzip', 'unzip');
});

describe('our ELF reader against objdump -T', () => {
  it.each(SYSTEM_BINARIES)('%s', async (binary) => {
    expect(existsSync(binary), `${binary} is missing; run \`bash scripts/test-services up\``).toBe(true);
    const dump = await runOk('objdump', ['-T', binary]);
    const needs = await readElfLibcNeeds(binary);
    if (needs.kind !== 'elf') throw new Error(`${binary} was not read as ELF`);
    expect(needs.glibc?.join('.')).toBe(highest(dump, 'GLIBC'));
    expect(needs.glibcxx).toBe(highest(dump, 'GLIBCXX'));
    expect(needs.libc).toBe('glibc');
  });

  it('a file that is not ELF is said to be so', async () => {
    expect(await readElfLibcNeeds(join(import.meta.dirname, 'pypi-wheel-tag.test.ts'))).toEqual({ kind: 'not-elf' });
  });
});

describe('wheels carry a tag their binary keeps', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A release whose linux-x64 archive holds a real binary of this machine (it needs this machine's glibc). */
  async function contextWith(binary: string, manylinux?: string): Promise<PlatformContext> {
    const work = mkdtempSync(join(tmpdir(), 'df-pypi-elf-'));
    dirs.push(work);
    const yaml = `project: { name: elfcheck, description: ELF tag check, license: MIT }\nbuild: { binary: elfcheck, targets: [linux-x64, macos-arm64] }\nplatforms:\n  pypi: { package: elfcheck-bin${manylinux ? `, manylinux: ${manylinux}` : ''} }\n`;
    const config = parseConfig(yaml, 'deployforge.yml').config;
    const version = parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'test' });
    const assets: ReleaseAsset[] = [];
    for (const target of ['linux-x64', 'macos-arm64'] as TargetId[]) {
      const exe = join(work, `${target}-elfcheck`);
      copyFileSync(binary, exe);
      const name = archiveName('elfcheck', '1.0.0', target);
      const path = join(work, name);
      await createArchive('tar.gz', [{ source: exe, name: 'elfcheck', mode: 0o755 }], path);
      assets.push({ name, target, url: `http://127.0.0.1:9/${name}`, size: statSync(path).size, sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), localPath: path });
    }
    return {
      config, version, assets, workDir: work, env: {}, dryRun: false, force: false, log: createMemoryLogger(),
      fetchAsset: async (a) => a.localPath!,
    };
  }

  it('without a setting the tag comes from the binary, and objdump agrees with it', async () => {
    const ctx = await contextWith('/usr/bin/ls');
    const wheels = await releaseWheels(ctx, pypiSettings(ctx), renderPypi(ctx));
    const linux = wheels.find((w) => w.target === 'linux-x64')!;
    const dump = await runOk('objdump', ['-T', '/usr/bin/ls']);
    const needed = highest(dump, 'GLIBC')!;
    expect(linux.filename).toBe(`elfcheck_bin-1.0.0-py3-none-manylinux_2_${Math.max(Number(needed.split('.')[1]), 17)}_x86_64.whl`);

    // What pip would see: the WHEEL tag and the binary inside, checked by objdump itself.
    const wheelFile = await runOk('unzip', ['-p', linux.path, 'elfcheck_bin-1.0.0.dist-info/WHEEL']);
    const tagMinor = Number(/Tag: py3-none-manylinux_2_(\d+)_x86_64/.exec(wheelFile)?.[1]);
    const out = mkdtempSync(join(tmpdir(), 'df-pypi-elf-wheel-'));
    dirs.push(out);
    await runOk('unzip', ['-q', linux.path, '-d', out]);
    const inWheel = highest(await runOk('objdump', ['-T', join(out, 'elfcheck_bin-1.0.0.data/scripts/elfcheck')]), 'GLIBC')!;
    expect(Number(inWheel.split('.')[1])).toBeLessThanOrEqual(tagMinor);
    expect(Number(inWheel.split('.')[0])).toBe(2);

    // Non-Linux wheels keep their platform tags.
    expect(wheels.find((w) => w.target === 'macos-arm64')!.filename).toMatch(/-macosx_11_0_arm64\.whl$/);
  });

  it('an explicit manylinux the binary keeps is used as is', async () => {
    const ctx = await contextWith('/usr/bin/ls', 'manylinux_2_36');
    const wheels = await releaseWheels(ctx, pypiSettings(ctx), renderPypi(ctx));
    expect(wheels.find((w) => w.target === 'linux-x64')!.filename).toBe('elfcheck_bin-1.0.0-py3-none-manylinux_2_36_x86_64.whl');
  });

  it('an explicit manylinux older than the binary needs is refused, naming the key and both versions', async () => {
    const needed = highest(await runOk('objdump', ['-T', '/usr/bin/ls']), 'GLIBC')!;
    const ctx = await contextWith('/usr/bin/ls', "'2.17'");
    await expect(releaseWheels(ctx, pypiSettings(ctx), renderPypi(ctx))).rejects.toThrow(
      `platforms.pypi.manylinux: the linux-x64 binary needs GLIBC_${needed}, newer than manylinux_2_17 promises`,
    );
  });
});
