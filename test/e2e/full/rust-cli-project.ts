import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createArchive } from '@deployforge/archive';
import { archiveName, binaryName, hostTarget, targetInfo, type TargetId } from '@deployforge/targets';
import { repoRoot } from '../../helpers/repo-root.js';
import { clientEnv, runOk } from '../../helpers/services.js';

export const EXAMPLE_DIR = join(repoRoot, 'examples/rust-cli');
const BINARY = 'hello-forge';

/** The example's targets, read from its own config so the test follows the example when it changes. */
export function exampleTargets(): TargetId[] {
  const config = parse(readFileSync(join(EXAMPLE_DIR, 'deployforge.yml'), 'utf8')) as { build: { targets: TargetId[] } };
  return config.build.targets;
}

/**
 * A private copy of examples/rust-cli (without its target/ folder), the checkout releases run in: it
 * gets Cargo.toml bumps for new versions, and the crates spoke packages it, so the example itself
 * stays untouched.
 */
export function copyRustCliProject(dir: string): string {
  const project = join(dir, 'project');
  // Only what a clone holds: the build output and DeployForge's own work folder are gitignored, and
  // a snapshot run by hand in the example would otherwise come along.
  const ignored = [join(EXAMPLE_DIR, 'target'), join(EXAMPLE_DIR, '.deployforge')];
  cpSync(EXAMPLE_DIR, project, { recursive: true, filter: (src) => !ignored.some((dir) => src === dir || src.startsWith(`${dir}/`)) });
  return project;
}

/**
 * Moves the crate to `version` the way a maintainer does before tagging: Cargo.toml and the crate's
 * own entry in Cargo.lock (cargo publish packages the lock file too, and `version.from: cargo` reads
 * Cargo.toml).
 */
export function setCrateVersion(project: string, version: string): void {
  const toml = join(project, 'Cargo.toml');
  writeFileSync(toml, readFileSync(toml, 'utf8').replace(/^version = "[^"]+"/m, `version = "${version}"`));
  const lock = join(project, 'Cargo.lock');
  writeFileSync(lock, readFileSync(lock, 'utf8').replace(/(name = "hello-forge"\nversion = )"[^"]+"/, `$1"${version}"`));
}

/**
 * The archives a build job would upload for `version`, in `out`: a real `cargo build --release
 * --offline` of the example at that version (in a copy of its own under `work`, so builds of later
 * versions can run while a release of an earlier one is in flight) for this machine's target, and a
 * labelled stand-in script for every target without a toolchain here (as scripts/demo.ts does), so
 * every spoke sees every target.
 */
export async function buildReleaseArchives(work: string, version: string, out: string): Promise<string[]> {
  const checkout = join(work, `build-${version}`);
  cpSync(EXAMPLE_DIR, checkout, { recursive: true, filter: (src) => !src.startsWith(join(EXAMPLE_DIR, 'target')) });
  setCrateVersion(checkout, version);
  await runOk('cargo', ['build', '--release', '--offline', '--quiet'], { cwd: checkout, env: clientEnv(), timeoutMs: 120_000 });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const host = hostTarget();
  const names: string[] = [];
  for (const target of exampleTargets()) {
    let source = join(checkout, 'target/release', BINARY);
    if (target !== host) {
      source = join(checkout, `standin-${target}`);
      writeFileSync(source, `#!/bin/sh\necho "${BINARY} ${version} (stand-in for ${target}: no ${target} toolchain on this machine)"\n`, { mode: 0o755 });
    }
    const files = ['README.md', 'LICENSE'].map((f) => ({ source: join(checkout, f), name: f, mode: 0o644 }));
    const name = archiveName(BINARY, version, target);
    await createArchive(targetInfo(target).archive, [{ source, name: binaryName(BINARY, target), mode: 0o755 }, ...files], join(out, name));
    names.push(name);
  }
  return names;
}
