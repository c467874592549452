import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type RunResult } from './services.js';

/**
 * The other ecosystems' own tools (makepkg, vercmp, nix-instantiate, flatpak-builder, appstreamcli,
 * objdump, podman…), which check that what we render is what each ecosystem accepts. They come from
 * Debian packages that `scripts/test-services up` installs; a missing one fails the test (a skipped check
 * would pass CI without checking anything).
 */
export function requireClient(command: string, debianPackage: string): string {
  try {
    return execFileSync('sh', ['-c', 'command -v "$1"', 'sh', command], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${command} is not installed; run \`bash scripts/test-services up\` (it installs the Debian package ${debianPackage})`);
  }
}

/** The unprivileged user `scripts/test-services up` creates: makepkg refuses to run as root. */
export const BUILDER_USER = 'deployforge-builder';

function builderIds(): { uid: number; gid: number } {
  try {
    const [uid, gid] = [execFileSync('id', ['-u', BUILDER_USER], { encoding: 'utf8' }), execFileSync('id', ['-g', BUILDER_USER], { encoding: 'utf8' })];
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  } catch {
    throw new Error(`the user ${BUILDER_USER} does not exist; run \`bash scripts/test-services up\` (it creates it for makepkg, which refuses root)`);
  }
}

/** A fresh directory the builder user owns (makepkg writes its src/ and pkg/ beside the PKGBUILD). */
export function builderDir(prefix: string): string {
  const { uid, gid } = builderIds();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chownSync(dir, uid, gid);
  return dir;
}

/** Runs a command as the builder user, with a small environment of its own (no root HOME, no secrets). */
export function runAsBuilder(command: string, args: readonly string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Promise<RunResult> {
  builderIds();
  const env = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: join('/home', BUILDER_USER),
    LANG: 'C.UTF-8',
    ...options.env,
  };
  return run('runuser', ['-u', BUILDER_USER, '--', command, ...args], { cwd: options.cwd, env, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
}
