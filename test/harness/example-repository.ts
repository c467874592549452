// The repository a scenario releases: a copy of one of the examples with its deployforge.yml pointed
// at the local servers, the workflow `deployforge generate` writes for it committed beside it, and a
// tag per version, as a maintainer's repository looks when the tag push reaches GitHub.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadConfig } from '@deployforge/config';
import { renderReleaseWorkflow } from '@deployforge/workflow';
import { repoRoot } from '../helpers/repo-root.js';
import { clientEnv } from '../helpers/services.js';
import type { LocalServers } from '../e2e/full/local-servers.js';

/** The commit the workflow pins DeployForge's actions to; the harness runs this checkout's actions for it. */
export const ACTIONS_SHA = '0123456789abcdef0123456789abcdef01234567';

export interface Example {
  /** Folder under examples/. */
  dir: 'rust-cli' | 'go-cli';
  repository: string;
  /** The targets the scenario builds: the example's own, fewer to keep the test short. */
  targets: string[];
  /** deployforge.yml's `status` block (issue 23: the published dashboard), when a scenario sets one. */
  status?: Record<string, unknown>;
  /** Keys added to deployforge.yml's `workflow` block (issue 18: `pull-requests: true`). */
  workflow?: Record<string, unknown>;
}

export interface ExampleRepository {
  /** The repository's working tree and git folder (checkouts fetch from it). */
  dir: string;
  config: Record<string, any>;
  workflowFile: string;
  /** The released names on the shared servers (unique to this run). */
  npmPackage: string;
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: clientEnv() as Record<string, string> });
}

/**
 * The example's config with the spokes this harness checks at local servers: npm (verdaccio, the
 * examples' required platform), and the Homebrew tap and Scoop bucket (git over HTTP). The other
 * spokes need servers that the full e2e test covers (test/e2e/full-release.test.ts); here the point is
 * the workflow's wiring (needs, outputs, artifacts, conditions, re-runs), which these three exercise
 * in all its shapes: a required registry spoke and two optional git spokes.
 */
function scenarioConfig(example: Example, servers: LocalServers): Record<string, any> {
  const config = parse(readFileSync(join(repoRoot, 'examples', example.dir, 'deployforge.yml'), 'utf8')) as Record<string, any>;
  const p = config.platforms as Record<string, any>;
  config.build.targets = example.targets;
  // The release's Linux packages follow the fewer targets: an .apk needs a musl build, which they lack.
  const kinds = config.release?.['linux-packages'] as string[] | undefined;
  if (kinds && !example.targets.some((t) => t.endsWith('-musl'))) config.release['linux-packages'] = kinds.filter((k) => k !== 'apk');
  config.required = ['npm'];
  config.platforms = {
    // Unscoped and unique: verdaccio is shared by every test file. Provenance needs GitHub's OIDC.
    npm: { package: servers.npmPackage, registry: servers.npmRegistry, access: 'public', provenance: false },
    homebrew: { ...p.homebrew, tap: servers.gitRepos.homebrew.url },
    scoop: { ...p.scoop, bucket: servers.gitRepos.scoop.url },
  };
  if (example.status) config.status = example.status;
  if (example.workflow) config.workflow = { ...config.workflow, ...example.workflow };
  return config;
}

/** `deployforge generate` for the config in `dir`: the workflow written at `workflowFile`. */
export async function generateWorkflow(dir: string, workflowFile: string): Promise<void> {
  writeFileSync(workflowFile, renderReleaseWorkflow(await loadConfig(join(dir, 'deployforge.yml')), { actionsRef: ACTIONS_SHA }));
}

/** A new repository (branch main) with the example, its config and the generated workflow committed. */
export async function createExampleRepository(work: string, example: Example, servers: LocalServers): Promise<ExampleRepository> {
  const dir = join(work, 'origin');
  const source = join(repoRoot, 'examples', example.dir);
  // What a clone holds: not the gitignored build output or DeployForge's work folder.
  const ignored = [join(source, 'target'), join(source, '.deployforge')];
  cpSync(source, dir, { recursive: true, filter: (src) => !ignored.some((d) => src === d || src.startsWith(`${d}/`)) });
  const config = scenarioConfig(example, servers);
  writeFileSync(join(dir, 'deployforge.yml'), stringify(config));
  const workflowFile = join(dir, '.github/workflows/release.yml');
  mkdirSync(join(dir, '.github/workflows'), { recursive: true });
  await generateWorkflow(dir, workflowFile);
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '--quiet', '-m', 'the example, released by its generated workflow']);
  return { dir, config, workflowFile, npmPackage: servers.npmPackage };
}

/**
 * Cuts `v<version>` on main: for the Rust example Cargo.toml (and the crate's entry in Cargo.lock)
 * first moves to the version, since `version.from: cargo` must agree with the tag; `change` edits
 * the tree before the commit (a broken build).
 */
export function tagVersion(repo: ExampleRepository, version: string, change?: (dir: string) => void): void {
  const toml = join(repo.dir, 'Cargo.toml');
  if (repo.config.version.from === 'cargo') {
    writeFileSync(toml, readFileSync(toml, 'utf8').replace(/^version = "[^"]+"/m, `version = "${version}"`));
    const lock = join(repo.dir, 'Cargo.lock');
    writeFileSync(lock, readFileSync(lock, 'utf8').replace(/(name = "[^"]+"\nversion = )"[^"]+"/, `$1"${version}"`));
  }
  change?.(repo.dir);
  git(repo.dir, ['commit', '--quiet', '--allow-empty', '-am', `release ${version}`]);
  git(repo.dir, ['tag', `v${version}`]);
}

/**
 * A branch `name` off main with one commit, made by `change` (a contributor's pull request); the
 * repository is back on main afterwards.
 */
export async function commitOnBranch(repo: ExampleRepository, name: string, change: (dir: string) => void | Promise<void>): Promise<void> {
  git(repo.dir, ['switch', '--quiet', '--create', name, 'main']);
  try {
    await change(repo.dir);
    git(repo.dir, ['commit', '--quiet', '--allow-empty', '-am', `pull request: ${name}`]);
  } finally {
    git(repo.dir, ['switch', '--quiet', 'main']);
  }
}
