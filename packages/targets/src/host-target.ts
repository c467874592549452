import { existsSync } from 'node:fs';
import { TARGET_IDS, type TargetId } from './target-ids.js';
import type { TargetLibc } from './target-info.js';
import { TARGETS } from './target-table.js';

/** What the host looks like; every field defaults to the running process, overridable for tests. */
export interface HostFacts {
  platform?: NodeJS.Platform;
  arch?: string;
  /** Linux only; detected when absent. */
  libc?: TargetLibc;
}

/**
 * The target of the machine running us (for `deployforge release` building locally, and for picking
 * which archive a local `verify` should unpack), or undefined on anything we do not build for
 * (FreeBSD, 32-bit, riscv…).
 */
export function hostTarget(facts: HostFacts = {}): TargetId | undefined {
  const platform = facts.platform ?? process.platform;
  const arch = facts.arch ?? process.arch;
  const os = platform === 'linux' ? 'linux' : platform === 'darwin' ? 'macos' : platform === 'win32' ? 'windows' : undefined;
  if (!os || (arch !== 'x64' && arch !== 'arm64')) return undefined;
  const libc = os === 'linux' ? (facts.libc ?? detectLinuxLibc()) : undefined;
  return TARGET_IDS.find((id) => {
    const t = TARGETS[id];
    return t.os === os && t.arch === arch && t.libc === libc;
  });
}

/**
 * glibc or musl, for the running Linux process. Node's diagnostic report carries
 * `glibcVersionRuntime` only when the process is linked against glibc, which is exactly the
 * question (a glibc Node inside an Alpine container with gcompat still runs glibc binaries).
 * When the report is unavailable, fall back to the loader files musl installs.
 */
let detected: TargetLibc | undefined;

export function detectLinuxLibc(): TargetLibc {
  // Building a report walks every handle of the process: do it once.
  detected ??= detectOnce();
  return detected;
}

function detectOnce(): TargetLibc {
  try {
    const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
    if (report?.header) return report.header.glibcVersionRuntime ? 'gnu' : 'musl';
  } catch {
    // Reports can be disabled by policy; the file check below is good enough.
  }
  return existsSync('/lib/ld-musl-x86_64.so.1') || existsSync('/lib/ld-musl-aarch64.so.1') ? 'musl' : 'gnu';
}
