import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startAurRpcFake, type AurRpcFake } from '../fakes/aur-rpc/index.js';
import { startCratesFake, type CratesFake } from '../fakes/crates/index.js';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { startNuGetFake, type NuGetFake } from '../fakes/nuget/index.js';
import { startPypiFake, type PypiFake } from '../fakes/pypi/index.js';
import { startRegistryProxy, type RegistryProxy } from '../fakes/registry-proxy/index.js';
import { startExtensionStoreFake, type ExtensionStoreFake } from '../fakes/vscode/index.js';
import { startCountingProxy, type CountingProxy } from '../integration/platforms/npm-counting-proxy.js';
import { createBareRepo, type BareRepo } from '../../packages/platforms/src/git-remote/test-support.js';
import { assertReachable, clientEnv, testServices, uniqueName, type ServicesEnv } from '../helpers/services.js';
import { repoRoot } from '../helpers/repo-root.js';
import { standInArtifacts } from './release-project.js';

/** The credentials a rig's fakes accept (the real servers keep their own: see `realCredentials`). */
export interface RigTokens {
  github: string;
  pypi: string;
  cargo: string;
  chocolatey: string;
  docker: string;
  vsce: string;
  ovsx: string;
}

/**
 * Every platform that has a real server or a fake on this machine, each behind something that
 * counts: the GitHub fake (releases, Winget and Flathub PRs), verdaccio behind a counting proxy, the
 * OCI registry behind the registry proxy, the PyPI/crates/NuGet/extension-store fakes, bare git
 * repositories on the git HTTP server (Homebrew, Scoop, Nix, Hugging Face), the AUR sshd with its RPC
 * fake, and a custom command writing to a folder. Snap has no store here: it runs as a dry run.
 */
export interface PlatformRig {
  services: ServicesEnv;
  gh: GitHubFake;
  npm: CountingProxy;
  oci: RegistryProxy;
  pypi: PypiFake;
  crates: CratesFake;
  nuget: NuGetFake;
  stores: ExtensionStoreFake;
  aurRpc: AurRpcFake;
  git: Record<'homebrew' | 'scoop' | 'nix' | 'huggingface', BareRepo>;
  aurPackage: string;
  /** The project folder (a copy of examples/rust-cli with the local config). */
  project: string;
  artifacts: string;
  mirror: string;
  version: string;
  /** The environment of a release against this rig. */
  env: Record<string, string>;
  /** Spokes that cannot reach a store here. */
  dryRunPlatforms: string[];
  close(): Promise<void>;
}

export const RIG_TARGETS = ['linux-x64', 'linux-x64-musl', 'linux-arm64-musl', 'macos-arm64', 'windows-x64'] as const;

export async function startPlatformRig(tokens: RigTokens, options: { tokensForRealServers?: Partial<Record<'npm' | 'git' | 'aurKey', string>> } = {}): Promise<PlatformRig> {
  const services = testServices();
  await assertReachable('verdaccio', services.DEPLOYFORGE_TEST_NPM_REGISTRY);
  await assertReachable('OCI registry', services.DEPLOYFORGE_TEST_OCI_REGISTRY);
  await assertReachable('git HTTP server', services.DEPLOYFORGE_TEST_GIT_HTTP);
  await assertReachable('AUR sshd', `127.0.0.1:${services.DEPLOYFORGE_TEST_SSH_PORT}`);

  const repository = 'acme/hello-forge';
  const gh = await startGitHubFake({ token: tokens.github, repos: [repository, 'acme-bot/winget-pkgs', 'microsoft/winget-pkgs', 'flathub/io.github.acme.HelloForge'], printViolations: false });
  const [npm, oci, pypi, crates, nuget, stores, aurRpc] = await Promise.all([
    startCountingProxy(services.DEPLOYFORGE_TEST_NPM_REGISTRY),
    startRegistryProxy({ upstream: services.DEPLOYFORGE_TEST_OCI_REGISTRY, auth: 'bearer', username: 'rig', password: tokens.docker }),
    startPypiFake({ token: tokens.pypi }),
    startCratesFake({ token: tokens.cargo }),
    startNuGetFake({ apiKey: tokens.chocolatey }),
    startExtensionStoreFake({ marketplacePat: tokens.vsce, openVsxToken: tokens.ovsx }),
    startAurRpcFake({ reposDir: join(services.DEPLOYFORGE_TEST_SERVICES_DIR, 'aur', 'repos') }),
  ]);
  const git = {
    homebrew: await createBareRepo(services, 'rig-tap'),
    scoop: await createBareRepo(services, 'rig-bucket'),
    nix: await createBareRepo(services, 'rig-nix'),
    huggingface: await createBareRepo(services, 'rig-space'),
  };

  const version = /^version = "([^"]+)"/m.exec(readFileSync(join(repoRoot, 'examples/rust-cli/Cargo.toml'), 'utf8'))?.[1] ?? '0.1.0';
  const project = mkdtempSync(join(tmpdir(), 'df-rig-'));
  cpSync(join(repoRoot, 'examples/rust-cli'), project, { recursive: true, filter: (src) => !src.includes('/target') });
  // Outside the project: the crate is packaged from the project folder, so anything a run leaves
  // inside it changes the crate's checksum.
  const mirror = mkdtempSync(join(tmpdir(), 'df-rig-mirror-'));
  // Unique names where a real server keeps state between runs (verdaccio, the registry, the AUR).
  const npmName = uniqueName('rig-hello-forge');
  const aurPackage = `${uniqueName('rig-hello-forge')}-bin`;
  const config = parse(readFileSync(join(repoRoot, 'examples/rust-cli/deployforge.yml'), 'utf8')) as Record<string, any>;
  config.build.targets = [...RIG_TARGETS];
  config.release.attest = false;
  config.release.notes = 'none';
  config.required = ['npm', 'pypi'];
  const p = config.platforms;
  config.platforms = {
    npm: { ...p.npm, package: npmName, registry: npm.url, provenance: false },
    pypi: { ...p.pypi, repository: pypi.uploadUrl, index: pypi.indexUrl },
    crates: { ...p.crates, registry: 'local', index: `sparse+${crates.indexUrl}` },
    docker: { ...p.docker, images: [`${oci.host}/acme/${uniqueName('rig-hello-forge')}`], base: 'scratch' },
    homebrew: { ...p.homebrew, tap: git.homebrew.httpUrl },
    scoop: { ...p.scoop, bucket: git.scoop.httpUrl },
    chocolatey: { ...p.chocolatey, source: nuget.url },
    winget: p.winget,
    aur: { ...p.aur, package: aurPackage, remote: `ssh://${services.DEPLOYFORGE_TEST_SSH_USER}@127.0.0.1:${services.DEPLOYFORGE_TEST_SSH_PORT}/${aurPackage}.git` },
    snap: p.snap,
    flathub: p.flathub,
    vscode: p.vscode,
    huggingface: { ...p.huggingface, remote: git.huggingface.httpUrl },
    nix: { ...p.nix, repository: git.nix.httpUrl },
    custom: { mirror: { ...p.custom.mirror, env: { MIRROR_DIR: mirror } } },
  };
  writeFileSync(join(project, 'deployforge.yml'), stringify(config));
  // The extension's manifest carries its own version: keep it the release's.
  const artifacts = await standInArtifacts('hello-forge', version, RIG_TARGETS);

  const real = options.tokensForRealServers ?? {};
  const gitToken = real.git ?? services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN;
  const env = clientEnv({
    GITHUB_TOKEN: tokens.github,
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: gh.url,
    GITHUB_REPOSITORY: repository,
    NPM_TOKEN: real.npm ?? services.DEPLOYFORGE_TEST_NPM_TOKEN,
    PYPI_TOKEN: tokens.pypi,
    CARGO_REGISTRY_TOKEN: tokens.cargo,
    CHOCOLATEY_API_KEY: tokens.chocolatey,
    DOCKER_USERNAME: 'rig',
    DOCKER_PASSWORD: tokens.docker,
    WINGET_TOKEN: tokens.github,
    FLATHUB_TOKEN: tokens.github,
    VSCE_PAT: tokens.vsce,
    OVSX_PAT: tokens.ovsx,
    DEPLOYFORGE_VSCE_MARKETPLACE_URL: stores.marketplaceUrl,
    DEPLOYFORGE_OVSX_URL: stores.openVsxUrl,
    HOMEBREW_TAP_TOKEN: gitToken,
    SCOOP_BUCKET_TOKEN: gitToken,
    NIX_REPO_TOKEN: gitToken,
    HF_TOKEN: gitToken,
    HF_USERNAME: 'x-access-token',
    AUR_SSH_PRIVATE_KEY: real.aurKey ?? readFileSync(services.DEPLOYFORGE_TEST_SSH_KEY, 'utf8'),
    DEPLOYFORGE_AUR_KNOWN_HOSTS: readFileSync(services.DEPLOYFORGE_TEST_SSH_KNOWN_HOSTS, 'utf8'),
    DEPLOYFORGE_AUR_RPC_URL: aurRpc.url,
    SNAPCRAFT_STORE_CREDENTIALS: 'rig-snap-has-no-store-here',
  }) as Record<string, string>;
  return {
    services, gh, npm, oci, pypi, crates, nuget, stores, aurRpc, git, aurPackage, project, artifacts, mirror, version, env,
    dryRunPlatforms: ['snap'],
    async close() {
      await Promise.all([gh.close(), npm.close(), oci.close(), pypi.close(), crates.close(), nuget.close(), stores.close(), aurRpc.close()]);
      for (const repo of Object.values(git)) repo.remove();
    },
  };
}

/** Branch tips of every git remote the rig publishes to (the AUR's bare repo included). */
export async function gitTips(rig: PlatformRig): Promise<Record<string, string | undefined>> {
  const tips: Record<string, string | undefined> = {};
  for (const [name, repo] of Object.entries(rig.git)) tips[name] = await repo.tip();
  const aurRepo = join(rig.services.DEPLOYFORGE_TEST_SERVICES_DIR, 'aur', 'repos', `${rig.aurPackage}.git`);
  try {
    tips.aur = execFileSync('git', ['-c', 'safe.directory=*', '--git-dir', aurRepo, 'rev-parse', 'master'], { encoding: 'utf8', env: clientEnv() }).trim();
  } catch {
    tips.aur = undefined;
  }
  return tips;
}

/** Writes every counting server saw so far, per platform. */
export function serverWrites(rig: PlatformRig): Record<string, number> {
  return {
    github: rig.gh.writeCount(),
    npm: rig.npm.writes().length,
    docker: rig.oci.writes().length,
    pypi: rig.pypi.uploadRequests(),
    crates: rig.crates.publishRequests(),
    chocolatey: rig.nuget.writeCount(),
    vscode: rig.stores.writes.marketplace + rig.stores.writes.openVsx,
  };
}
