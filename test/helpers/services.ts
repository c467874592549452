import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './repo-root.js';

/** Connection details written by `bash scripts/test-services up` to `.services/env.json`. */
export interface ServicesEnv {
  DEPLOYFORGE_TEST_SERVICES_DIR: string;
  /** Verdaccio, with a trailing slash: `http://127.0.0.1:4873/`. */
  DEPLOYFORGE_TEST_NPM_REGISTRY: string;
  DEPLOYFORGE_TEST_NPM_USER: string;
  DEPLOYFORGE_TEST_NPM_TOKEN: string;
  /** host:port of the Debian docker-registry (plain HTTP): `127.0.0.1:5000`. */
  DEPLOYFORGE_TEST_OCI_REGISTRY: string;
  DEPLOYFORGE_TEST_SSH_HOST: string;
  DEPLOYFORGE_TEST_SSH_PORT: string;
  DEPLOYFORGE_TEST_SSH_USER: string;
  /** Private key accepted by the aurweb-like sshd. */
  DEPLOYFORGE_TEST_SSH_KEY: string;
  /** known_hosts with the sshd's host key, so clients can keep strict host key checking on. */
  DEPLOYFORGE_TEST_SSH_KNOWN_HOSTS: string;
  /** Ready-made GIT_SSH_COMMAND for the AUR emulation. */
  DEPLOYFORGE_TEST_AUR_GIT_SSH_COMMAND: string;
  /** `git://127.0.0.1:9418/`, serving (and accepting pushes to) the bare repos in DEPLOYFORGE_TEST_GIT_ROOT. */
  DEPLOYFORGE_TEST_GIT_DAEMON: string;
  DEPLOYFORGE_TEST_GIT_ROOT: string;
  /** `http://127.0.0.1:8418/`, same repos as the daemon, basic auth `x-access-token:<token>` like GitHub. */
  DEPLOYFORGE_TEST_GIT_HTTP: string;
  DEPLOYFORGE_TEST_GIT_HTTP_TOKEN: string;
  DEPLOYFORGE_TEST_CHROMIUM: string;
  /** A Node 24 binary (GitHub runs our actions on node24; the machine's own node is 20). */
  DEPLOYFORGE_NODE24: string;
}

const REQUIRED: readonly (keyof ServicesEnv)[] = [
  'DEPLOYFORGE_TEST_SERVICES_DIR',
  'DEPLOYFORGE_TEST_NPM_REGISTRY',
  'DEPLOYFORGE_TEST_NPM_USER',
  'DEPLOYFORGE_TEST_NPM_TOKEN',
  'DEPLOYFORGE_TEST_OCI_REGISTRY',
  'DEPLOYFORGE_TEST_SSH_HOST',
  'DEPLOYFORGE_TEST_SSH_PORT',
  'DEPLOYFORGE_TEST_SSH_USER',
  'DEPLOYFORGE_TEST_SSH_KEY',
  'DEPLOYFORGE_TEST_SSH_KNOWN_HOSTS',
  'DEPLOYFORGE_TEST_AUR_GIT_SSH_COMMAND',
  'DEPLOYFORGE_TEST_GIT_DAEMON',
  'DEPLOYFORGE_TEST_GIT_ROOT',
  'DEPLOYFORGE_TEST_GIT_HTTP',
  'DEPLOYFORGE_TEST_GIT_HTTP_TOKEN',
  'DEPLOYFORGE_TEST_CHROMIUM',
  'DEPLOYFORGE_NODE24',
];

const HOW_TO_START = 'run `bash scripts/test-services up` (installs and starts the local test servers)';

export const servicesEnvPath = join(repoRoot, '.services', 'env.json');

/**
 * Reads the running services' details. Throws (so the test fails rather than skips: a missing server must
 * be visible in CI) when the rig was never started or was stopped.
 */
export function testServices(): ServicesEnv {
  if (!existsSync(servicesEnvPath)) {
    throw new Error(`test services are not running: ${servicesEnvPath} is missing; ${HOW_TO_START}`);
  }
  const parsed: unknown = JSON.parse(readFileSync(servicesEnvPath, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) {
    throw new Error(`${servicesEnvPath} is not a JSON object; ${HOW_TO_START}`);
  }
  const record = parsed as Record<string, unknown>;
  const missing = REQUIRED.filter((key) => typeof record[key] !== 'string' || record[key] === '');
  if (missing.length > 0) {
    throw new Error(`${servicesEnvPath} lacks ${missing.join(', ')}; ${HOW_TO_START}`);
  }
  return record as unknown as ServicesEnv;
}

/** Splits `host:port`, `http://host:port/` or `git://host:port/` into host and port. */
export function hostPort(address: string): { host: string; port: number } {
  const url = new URL(address.includes('://') ? address : `tcp://${address}`);
  const port = Number(url.port);
  if (!url.hostname || !Number.isInteger(port) || port <= 0) throw new Error(`no host:port in ${address}`);
  return { host: url.hostname, port };
}

/**
 * Fails with the start-up hint when nothing accepts connections at `address` (a stale env.json after a
 * reboot, or a service that died). Only loopback is allowed: tests never talk to anything else.
 */
export async function assertReachable(name: string, address: string, timeoutMs = 2_000): Promise<void> {
  const { host, port } = hostPort(address);
  if (host !== '127.0.0.1') throw new Error(`${name}: ${address} is not on 127.0.0.1; tests only use loopback`);
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = (why: string): void => {
      socket.destroy();
      reject(new Error(`${name} is not reachable at ${host}:${port} (${why}); ${HOW_TO_START}`));
    };
    socket.setTimeout(timeoutMs, () => fail('timed out'));
    socket.once('error', (err) => fail(err.message));
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
  });
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a real client (npm, git, skopeo, ssh…) against the services. Never throws on a non-zero exit: tests
 * assert on failures (a refused push, a duplicate publish) as much as on successes.
 */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** Like {@link run} but fails the test with the tool's output when it exits non-zero. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<string> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.code}\n${result.stderr}${result.stdout}`);
  }
  return result.stdout;
}

/**
 * The caller's environment without settings that would steer a client elsewhere: `npm test` exports
 * npm_config_* (registry, userconfig…), and a git hook exports GIT_DIR and friends. Git never prompts
 * (a refused credential must fail, not hang) and ignores the machine's system config.
 */
export function clientEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_config_/i.test(key) || key.startsWith('GIT_')) continue;
    env[key] = value;
  }
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'DeployForge Test',
    GIT_AUTHOR_EMAIL: 'test@deployforge.invalid',
    GIT_COMMITTER_NAME: 'DeployForge Test',
    GIT_COMMITTER_EMAIL: 'test@deployforge.invalid',
    ...extra,
  };
}

/** A name no earlier run used: services keep state (published versions, repos) while they run. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}
