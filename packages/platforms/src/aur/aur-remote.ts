import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlatformContext } from '../platform.js';
import { runTool, type ToolResult } from './run-tool.js';
import { writeSshKey } from './ssh-key.js';

export const KEY_SECRET = 'AUR_SSH_PRIVATE_KEY';
/** known_hosts lines for the AUR host; without it only the runner's own known_hosts is trusted. */
export const KNOWN_HOSTS_ENV = 'DEPLOYFORGE_AUR_KNOWN_HOSTS';

/** A private temp folder with the key, a known_hosts policy and a clone of the AUR repository. */
export interface AurCheckout {
  /** The working tree (empty for a package the AUR does not have yet). */
  dir: string;
  git(args: readonly string[]): Promise<ToolResult>;
  gitOk(args: readonly string[], doing: string): Promise<string>;
  dispose(): Promise<void>;
}

const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The caller's environment minus anything that would steer git elsewhere (GIT_DIR, a system config…). */
function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_') && k !== 'SSH_AUTH_SOCK') env[k] = v;
  return { ...env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' };
}

export function aurRemote(ctx: PlatformContext): string {
  const aur = ctx.config.platforms.aur;
  const pkg = aur?.package ?? `${ctx.config.project.name}-bin`;
  return aur?.remote ?? `ssh://aur@aur.archlinux.org/${pkg}.git`;
}

/**
 * Clones the package's AUR repository with the key from AUR_SSH_PRIVATE_KEY. The key lives in a
 * 0600 file inside a 0700 temp folder that `dispose` removes; ssh gets it through GIT_SSH_COMMAND
 * with IdentitiesOnly (never an agent's other keys) and strict host key checking against the
 * known_hosts the user provides, so a spoofed host cannot collect the push.
 */
export async function cloneAurRepo(ctx: PlatformContext): Promise<AurCheckout> {
  const scratch = await mkdtemp(join(tmpdir(), 'deployforge-aur-'));
  try {
    const env = baseEnv();
    const key = await writeSshKey(KEY_SECRET, ctx.env[KEY_SECRET], scratch, env);
    const ssh = ['ssh', '-F', '/dev/null', '-i', q(key), '-o', 'IdentitiesOnly=yes', '-o', 'IdentityAgent=none', '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=20'];
    const knownHosts = ctx.env[KNOWN_HOSTS_ENV];
    if (knownHosts && knownHosts.trim() !== '') {
      const file = join(scratch, 'known_hosts');
      await writeFile(file, `${knownHosts.replace(/\r\n?/g, '\n').trim()}\n`, { mode: 0o600 });
      ssh.push('-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${q(file)}`);
    } else {
      // Without pinned keys, trust only what the runner already knows: an unknown host fails.
      ssh.push('-o', 'StrictHostKeyChecking=yes');
    }
    env.GIT_SSH_COMMAND = ssh.join(' ');
    const dir = join(scratch, 'repo');
    const git = (args: readonly string[]): Promise<ToolResult> =>
      runTool('git', args, { cwd: dir, env, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    const gitOk = async (args: readonly string[], doing: string): Promise<string> => {
      const r = await git(args);
      if (r.code !== 0) throw new Error(`${doing} failed (git exit ${r.code}): ${(r.stderr || r.stdout).trim()}`);
      return r.stdout;
    };
    const remote = aurRemote(ctx);
    const clone = await runTool('git', ['clone', '--quiet', '--', remote, dir], { env, cwd: scratch, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    if (clone.code !== 0) {
      const why = (clone.stderr || clone.stdout).trim();
      const hint = /Host key verification failed|REMOTE HOST IDENTIFICATION/i.test(why)
        ? ` (set ${KNOWN_HOSTS_ENV} to the AUR host's known_hosts lines)`
        : /Permission denied/i.test(why)
          ? ` (is the public half of ${KEY_SECRET} registered with the AUR account?)`
          : '';
      throw new Error(`cloning ${remote} failed${hint}: ${why}`);
    }
    return { dir, git, gitOk, dispose: () => rm(scratch, { recursive: true, force: true }) };
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}
