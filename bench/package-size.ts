// What `npm install deployforge` costs a user: the package is assembled from the bundles being measured
// (distDir: `npm run bench` builds this checkout into a folder of its own)
// (scripts/build-npm-package.mjs, as the release does), packed by npm, and installed from the tarball
// into an empty folder with a fresh cache and no registry reachable (an install that needed any other
// package would fail, and so would this benchmark). Reports the tarball size, the package's unpacked
// size, what node_modules holds after the install (bytes on disk and apparent bytes), the number of
// installed packages, and how long `npx deployforge --version` takes from there.
//
//   npm run build && npx tsx bench/package-size.ts        (or: npm run bench -- package-size)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distDir, expectExit, printTable, repoRoot, spread, timeCommand, writeResult } from './bench-support.js';

const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

/** Apparent size of every regular file under dir (what `du -b` adds up), and the file count. */
function apparent(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = apparent(path);
      bytes += inner.bytes;
      files += inner.files;
    } else if (entry.isFile()) {
      bytes += statSync(path).size;
      files += 1;
    }
  }
  return { bytes, files };
}

const scratch = mkdtempSync(join(tmpdir(), 'deployforge-bench-package-'));
try {
  // No registry at all: port 9 (discard) on loopback refuses, so any fetch fails at once.
  const env = {
    ...process.env,
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_cache: join(scratch, 'cache'),
    npm_config_userconfig: join(scratch, 'npmrc'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  writeFileSync(join(scratch, 'npmrc'), '');
  execFileSync(process.execPath, [join(repoRoot, 'scripts/build-npm-package.mjs'), '--out', join(scratch, 'package'), '--dist', distDir], { env, stdio: 'ignore' });
  const packed = JSON.parse(
    execFileSync('npm', ['pack', join(scratch, 'package'), '--pack-destination', scratch, '--json'], { cwd: scratch, env, encoding: 'utf8' }),
  ) as { filename: string; size: number; unpackedSize: number; entryCount: number; version: string }[];
  const pack = packed[0]!;
  const tarball = join(scratch, pack.filename);

  const consumer = join(scratch, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), '{"name":"consumer","private":true}\n');
  const install = expectExit(await timeCommand('npm', ['install', '--offline', tarball], { cwd: consumer, env }), 0, 'npm install of the packed tarball');

  const lock = JSON.parse(readFileSync(join(consumer, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  const packages = Object.keys(lock.packages).filter((k) => k !== '');
  const onDiskKiB = Number(execFileSync('du', ['-sk', join(consumer, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]);
  const installed = apparent(join(consumer, 'node_modules'));

  const versionRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    const run = expectExit(await timeCommand('npx', ['--no-install', 'deployforge', '--version'], { cwd: consumer, env }), 0, 'npx deployforge --version');
    if (run.stdout.trim() !== pack.version) throw new Error(`npx deployforge --version printed ${run.stdout.trim()}, expected ${pack.version}`);
    versionRuns.push(run.ms);
  }
  const version = spread(versionRuns);

  printTable(`npm package deployforge@${pack.version}: packed, then installed from the tarball into an empty folder (no registry reachable)`, ['measure', 'value'], [
    ['tarball KiB', kib(pack.size)],
    ['files in the package', pack.entryCount],
    ['unpacked KiB', kib(pack.unpackedSize)],
    ['installed packages', packages.length],
    ['node_modules apparent KiB', kib(installed.bytes)],
    ['node_modules on disk KiB (du -sk)', onDiskKiB],
    ['npm install ms', install.ms.toFixed(0)],
    ['npx deployforge --version ms, median (min–max) of 5', `${version.median.toFixed(0)} (${version.min.toFixed(0)}–${version.max.toFixed(0)})`],
  ]);
  writeResult('package-size', {
    version: pack.version,
    tarballBytes: pack.size,
    entryCount: pack.entryCount,
    unpackedBytes: pack.unpackedSize,
    installedPackages: packages,
    installedApparentBytes: installed.bytes,
    installedOnDiskKiB: onDiskKiB,
    installMs: install.ms,
    versionMs: version,
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
