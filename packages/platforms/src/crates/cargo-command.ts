import { spawn } from 'node:child_process';
import type { PlatformContext } from '../platform.js';
import { CRATES_IO, registryEnvName, type CratesSettings } from './crates-settings.js';

export interface CargoResult {
  code: number;
  stdout: string;
  stderr: string;
}

const TAIL = 256 * 1024;

/**
 * Cargo's environment: the machine's (PATH, HOME, CARGO_HOME, rustup) without any registry token
 * it happens to carry, plus the registry settings and token of this spoke. The token travels in
 * the environment only, never in argv, where `ps` and error messages would show it.
 */
export function cargoEnv(ctx: PlatformContext, settings: CratesSettings, token?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'CARGO_REGISTRY_TOKEN' || /^CARGO_REGISTRIES_.*_TOKEN$/.test(key)) continue;
    env[key] = value;
  }
  env.CARGO_TARGET_DIR = `${ctx.workDir}/cargo-target`;
  env.CARGO_TERM_COLOR = 'never';
  if (settings.registry !== CRATES_IO) env[registryEnvName(settings.registry, 'INDEX')] = settings.sparseIndex;
  if (token) env[settings.registry === CRATES_IO ? 'CARGO_REGISTRY_TOKEN' : registryEnvName(settings.registry, 'TOKEN')] = token;
  return env;
}

/** Runs cargo in the crate's folder; output is kept (last 256 KiB) for the error message. */
export function runCargo(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; signal?: AbortSignal; timeoutMs?: number }): Promise<CargoResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('cargo', args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 20 * 60_000,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    let stdout = '';
    let stderr = '';
    const keep = (text: string, chunk: string) => (text + chunk).slice(-TAIL);
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout = keep(stdout, c)));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr = keep(stderr, c)));
    child.once('error', (error) =>
      reject((error as NodeJS.ErrnoException).code === 'ENOENT' ? new Error('cargo is not installed on this runner (add a Rust toolchain step before publishing)') : error),
    );
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** The `--registry` flag for alternative registries; crates.io is Cargo's default. */
export function registryArgs(settings: CratesSettings): string[] {
  return settings.registry === CRATES_IO ? [] : ['--registry', settings.registry];
}

/** The last lines of cargo's output that say what went wrong (`error:` and what follows). */
export function cargoError(result: CargoResult): string {
  const text = `${result.stderr}\n${result.stdout}`.replace(/\r/g, '');
  const at = text.search(/^error(\[[A-Z0-9]+\])?:/m);
  const relevant = (at === -1 ? text : text.slice(at)).trim();
  return relevant.split('\n').map((l) => l.trim()).filter(Boolean).join(' ').slice(0, 1500) || `cargo exited ${result.code}`;
}
