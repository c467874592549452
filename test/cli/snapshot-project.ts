import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from '../helpers/repo-root.js';
import type { CliRun } from './cli-process.js';

export const ALL_TARGETS = ['linux-x64', 'linux-arm64', 'linux-x64-musl', 'linux-arm64-musl', 'macos-x64', 'macos-arm64', 'windows-x64', 'windows-arm64'];

const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.test' };

/** A fresh repository with one commit: the snapshot version is `<next>-snapshot+<its sha>`. */
export function commitAll(dir: string): string {
  execFileSync('git', ['init', '-q', dir]);
  execFileSync('git', ['-C', dir, 'add', '-A'], { env: { ...process.env, ...GIT_ENV } });
  execFileSync('git', ['-C', dir, 'commit', '-q', '-m', 'snapshot test'], { env: { ...process.env, ...GIT_ENV } });
  return execFileSync('git', ['-C', dir, 'rev-parse', '--short=7', 'HEAD']).toString().trim();
}

/**
 * The Rust example with every platform on, built by a stand-in (a shell script per target) instead
 * of cargo: this machine's toolchain builds only its own target, and a snapshot of all eight is
 * what shows every package. The image's base is `scratch`, the one base a snapshot assembles offline.
 */
export function standInProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-snapshot-'));
  const example = join(repoRoot, 'examples/rust-cli');
  for (const name of ['editors', 'space', 'src', 'Cargo.toml', 'Cargo.lock', 'README.md', 'LICENSE']) cpSync(join(example, name), join(dir, name), { recursive: true });
  const config = readFileSync(join(example, 'deployforge.yml'), 'utf8')
    .replace('from: cargo', 'from: tag')
    .replace(/^ {2}command: rustup.*$/m, '  command: sh stand-in-build.sh')
    .replace('path: target/${DEPLOYFORGE_RUST_TARGET}/release/hello-forge', 'path: stand-in/${DEPLOYFORGE_TARGET}/hello-forge')
    .replace('base: gcr.io/distroless/cc-debian12:nonroot', 'base: scratch');
  if (!config.includes('stand-in-build.sh') || !config.includes('base: scratch')) throw new Error('examples/rust-cli/deployforge.yml changed: update the stand-in project');
  writeFileSync(join(dir, 'deployforge.yml'), config);
  writeFileSync(join(dir, 'stand-in-build.sh'), [
    'mkdir -p "stand-in/$DEPLOYFORGE_TARGET"',
    `printf '#!/bin/sh\\necho hello-forge %s\\n' "$DEPLOYFORGE_TARGET" > "stand-in/$DEPLOYFORGE_TARGET/hello-forge"`,
    'chmod +x "stand-in/$DEPLOYFORGE_TARGET/hello-forge"',
    '',
  ].join('\n'));
  writeFileSync(join(dir, '.gitignore'), '/stand-in/\n/target/\n.deployforge/\n');
  return dir;
}

/**
 * A private copy of the built CLI (dist/), so that another checkout's `npm run build` replacing
 * dist/ mid-test cannot pull chunks from under the run. Inside the repository, so node_modules
 * resolves as it does for dist/ itself.
 */
export function copyBuiltCli(): { cli: string; dispose(): void } {
  if (!existsSync(join(repoRoot, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const dir = mkdtempSync(join(repoRoot, 'out', 'snapshot-cli-'));
  for (let attempt = 1; ; attempt++) {
    try {
      cpSync(join(repoRoot, 'dist'), join(dir, 'dist'), { recursive: true });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  return { cli: join(dir, 'dist/cli.js'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A toolchain's environment without any token: PATH, HOME and where cargo and rustup keep their files. */
function toolchainEnv(cwd: string): NodeJS.ProcessEnv {
  const home = process.env.HOME ?? '/root';
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, CARGO_HOME: process.env.CARGO_HOME ?? join(home, '.cargo'), RUSTUP_HOME: process.env.RUSTUP_HOME ?? join(home, '.rustup') };
}

/**
 * Run the CLI inside `unshare -n`: a network namespace whose only interface, loopback, is down, so
 * any connection attempt (DNS, a registry, 127.0.0.1) fails at once. `env` is the whole environment
 * (by default a toolchain's, with no token).
 */
export function runOffline(cli: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = toolchainEnv(cwd)): Promise<CliRun> {
  const child = spawn('unshare', ['-n', process.execPath, cli, ...args], { cwd, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end();
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

/** sha256 of every file under `dir`, by path relative to it. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
