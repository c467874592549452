import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { EXAMPLE_DIR } from './rust-cli-project.js';
import type { LocalServers } from './local-servers.js';

/** Platforms no server here can stand in for: released as dry runs (`--dry-run-platforms`). */
export const DRY_RUN_PLATFORMS = ['snap', 'flathub', 'vscode'] as const;

/**
 * examples/rust-cli/deployforge.yml with every remote pointed at this machine and every name made
 * unique to this run, as scripts/demo.ts does. The required list stays the example's: npm and pypi. GitHub Packages is left out: it is the npm spoke
 * against npm.pkg.github.com with GITHUB_TOKEN, and the GitHub fake serves no npm registry.
 */
export function releaseConfig(servers: LocalServers): string {
  const config = parse(readFileSync(join(EXAMPLE_DIR, 'deployforge.yml'), 'utf8')) as Record<string, any>;
  const p = config.platforms as Record<string, any>;
  config.release.attest = false; // provenance needs GitHub's OIDC, which no fake here provides
  config.platforms = {
    npm: { ...p.npm, package: servers.npmPackage, registry: servers.npmRegistry, provenance: false },
    pypi: { ...p.pypi, repository: servers.pypi.uploadUrl, index: servers.pypi.indexUrl },
    crates: { ...p.crates, registry: 'local', index: `sparse+${servers.crates.indexUrl}` },
    // scratch: the public base image cannot be pulled here.
    docker: { ...p.docker, images: [servers.image], base: 'scratch' },
    homebrew: { ...p.homebrew, tap: servers.gitRepos.homebrew.url },
    scoop: { ...p.scoop, bucket: servers.gitRepos.scoop.url },
    chocolatey: { ...p.chocolatey, source: servers.nuget.url },
    winget: p.winget,
    aur: {
      ...p.aur,
      package: servers.aurPackage,
      remote: `ssh://${servers.services.DEPLOYFORGE_TEST_SSH_USER}@127.0.0.1:${servers.services.DEPLOYFORGE_TEST_SSH_PORT}/${servers.aurPackage}.git`,
    },
    snap: p.snap,
    flathub: p.flathub,
    vscode: p.vscode,
    huggingface: { ...p.huggingface, remote: servers.gitRepos.huggingface.url },
    nix: { ...p.nix, repository: servers.gitRepos.nix.url },
    apt: { ...p.apt, repository: servers.gitRepos.apt.url },
    yum: { ...p.yum, repository: servers.gitRepos.yum.url },
    custom: {
      mirror: { ...p.custom.mirror, env: { MIRROR_DIR: servers.mirrorDir } },
    },
  };
  return stringify(config);
}
