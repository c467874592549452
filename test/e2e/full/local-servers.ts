import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateKey } from 'openpgp';
import { startAurRpcFake, type AurRpcFake } from '../../fakes/aur-rpc/index.js';
import { startCratesFake, type CratesFake } from '../../fakes/crates/index.js';
import { startGitHubFake, type GitHubFake } from '../../fakes/github/index.js';
import { startNuGetFake, type NuGetFake } from '../../fakes/nuget/index.js';
import { startPypiFake, type PypiFake } from '../../fakes/pypi/index.js';
import { startRegistryProxy, type RegistryProxy } from '../../fakes/registry-proxy/index.js';
import { startExtensionStoreFake, type ExtensionStoreFake } from '../../fakes/vscode/index.js';
import { startCountingProxy, type CountingProxy } from '../../integration/platforms/npm-counting-proxy.js';
import { startStoppableDoor, type StoppableDoor } from './stoppable-door.js';
import { assertReachable, clientEnv, testServices, uniqueName, type ServicesEnv } from '../../helpers/services.js';

export const GITHUB_TOKEN = 'ghs_e2e_full_release_token_0123456789';
export const FAKE_TOKEN = 'e2e_full_release_registry_token';
export const REPOSITORY = 'acme/hello-forge';

/** The git-hosted spokes and the bare repository each one pushes to. */
export type GitSpoke = 'homebrew' | 'scoop' | 'nix' | 'huggingface' | 'apt' | 'yum';

export interface LocalServers {
  services: ServicesEnv;
  /** Prefix of every name this run creates on the shared servers (npm, OCI, git, AUR). */
  id: string;
  gh: GitHubFake;
  pypi: PypiFake;
  crates: CratesFake;
  nuget: NuGetFake;
  stores: ExtensionStoreFake;
  aurRpc: AurRpcFake;
  /** Counting doors in front of verdaccio and the OCI registry: the servers themselves keep no access log. */
  npmProxy: CountingProxy;
  ociProxy: RegistryProxy;
  /**
   * The addresses the config uses for verdaccio and the OCI registry: doors in front of the counting
   * proxies that a test can stop, to take "the server" down for one run.
   */
  npmDoor: StoppableDoor;
  ociDoor: StoppableDoor;
  /** `http://<npmDoor.host>/` */
  npmRegistry: string;
  npmPackage: string;
  /** `<ociDoor.host>/<id>/hello-forge`. */
  image: string;
  imageRepo: string;
  aurPackage: string;
  /** Bare repositories on the shared git server, by spoke: `dir` to read them, `url` for the config. */
  gitRepos: Record<GitSpoke, { dir: string; url: string }>;
  aurRepoDir: string;
  mirrorDir: string;
  /** Credentials and endpoints, the way a CI job would export them. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Every server a full release of examples/rust-cli talks to: the shared real servers of
 * scripts/test-services (verdaccio, OCI registry, git over HTTP, the AUR sshd), behind counting
 * proxies where they keep no log, plus in-process fakes for what cannot run here. Names are unique
 * per run so parallel test files and earlier runs never collide on the shared servers. `repository`
 * is the GitHub repository the release goes to (acme/hello-forge unless given: the Go example's is
 * acme/hello-forge-go).
 */
export async function startLocalServers(workDir: string, options: { repository?: string } = {}): Promise<LocalServers> {
  const repository = options.repository ?? REPOSITORY;
  const services = testServices();
  await Promise.all([
    assertReachable('verdaccio', services.DEPLOYFORGE_TEST_NPM_REGISTRY),
    assertReachable('OCI registry', services.DEPLOYFORGE_TEST_OCI_REGISTRY),
    assertReachable('git over HTTP', services.DEPLOYFORGE_TEST_GIT_HTTP),
    assertReachable('sshd (AUR emulation)', `${services.DEPLOYFORGE_TEST_SSH_HOST}:${services.DEPLOYFORGE_TEST_SSH_PORT}`),
  ]);
  const id = uniqueName('e2e');
  const opened: { close(): Promise<void> }[] = [];
  const track = <T extends { close(): Promise<void> }>(server: T): T => {
    opened.push(server);
    return server;
  };
  const closeAll = async (): Promise<void> => {
    await Promise.allSettled(opened.map((s) => s.close()));
  };

  try {
    const gh = track(await startGitHubFake({
      token: GITHUB_TOKEN,
      // winget-pkgs exists but has never seen the package (a first submission is by hand), and the
      // Flathub repository is read by the dry run.
      repos: [repository, 'acme-bot/winget-pkgs', 'microsoft/winget-pkgs', 'flathub/io.github.acme.HelloForge'],
    }));
    const pypi = track(await startPypiFake({ token: FAKE_TOKEN }));
    const crates = track(await startCratesFake({ token: FAKE_TOKEN }));
    const nuget = track(await startNuGetFake({ apiKey: FAKE_TOKEN }));
    const stores = track(await startExtensionStoreFake({ marketplacePat: FAKE_TOKEN, openVsxToken: FAKE_TOKEN }));
    const aurReposDir = join(services.DEPLOYFORGE_TEST_SERVICES_DIR, 'aur', 'repos');
    const aurRpc = track(await startAurRpcFake({ reposDir: aurReposDir }));
    const npmProxy = track(await startCountingProxy(services.DEPLOYFORGE_TEST_NPM_REGISTRY));
    const ociProxy = track(await startRegistryProxy({ upstream: services.DEPLOYFORGE_TEST_OCI_REGISTRY }));
    const npmDoor = track(await startStoppableDoor(new URL(npmProxy.url).host));
    const ociDoor = track(await startStoppableDoor(ociProxy.host));

    const bare = (name: string): { dir: string; url: string } => {
      const dir = join(services.DEPLOYFORGE_TEST_GIT_ROOT, `${id}/${name}.git`);
      execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', dir]);
      return { dir, url: `${services.DEPLOYFORGE_TEST_GIT_HTTP}${id}/${name}.git` };
    };
    // apt and yum share one repository and branch (deb/ and rpm/ side by side), as the example has it.
    const packages = bare('packages');
    const gitRepos: Record<GitSpoke, { dir: string; url: string }> = {
      homebrew: bare('homebrew-tap'),
      scoop: bare('scoop-bucket'),
      nix: bare('nix-packages'),
      huggingface: bare('hello-forge-space'),
      apt: packages,
      yum: packages,
    };
    const aurPackage = `${id}-bin`;
    // This run's repositories on the shared git server and sshd go with it.
    opened.push({
      close: async () => {
        rmSync(join(services.DEPLOYFORGE_TEST_GIT_ROOT, id), { recursive: true, force: true });
        rmSync(join(aurReposDir, `${aurPackage}.git`), { recursive: true, force: true });
      },
    });
    const imageRepo = `${id}/hello-forge`;
    const mirrorDir = join(workDir, 'mirror');
    const gitToken = services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN;

    const env: Record<string, string> = {
      GITHUB_TOKEN,
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: gh.url,
      GITHUB_REPOSITORY: repository,
      PYPI_TOKEN: FAKE_TOKEN,
      CARGO_REGISTRY_TOKEN: FAKE_TOKEN,
      CHOCOLATEY_API_KEY: FAKE_TOKEN,
      WINGET_TOKEN: GITHUB_TOKEN,
      FLATHUB_TOKEN: GITHUB_TOKEN,
      NPM_TOKEN: services.DEPLOYFORGE_TEST_NPM_TOKEN,
      // The registry runs without auth; the spoke still wants credentials, as for any real registry.
      DOCKER_USERNAME: 'e2e',
      DOCKER_PASSWORD: 'registry-has-no-auth',
      HOMEBREW_TAP_TOKEN: gitToken,
      SCOOP_BUCKET_TOKEN: gitToken,
      NIX_REPO_TOKEN: gitToken,
      LINUX_REPO_TOKEN: gitToken,
      // A throwaway key of this run signs the apt and yum indexes.
      LINUX_REPO_GPG_KEY: (await generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'e2e packages' }], format: 'armored' })).privateKey,
      HF_TOKEN: gitToken,
      // The local git server takes GitHub-style `x-access-token:<token>` basic auth.
      HF_USERNAME: 'x-access-token',
      AUR_SSH_PRIVATE_KEY: readFileSync(services.DEPLOYFORGE_TEST_SSH_KEY, 'utf8'),
      DEPLOYFORGE_AUR_KNOWN_HOSTS: readFileSync(services.DEPLOYFORGE_TEST_SSH_KNOWN_HOSTS, 'utf8'),
      DEPLOYFORGE_AUR_RPC_URL: aurRpc.url,
      // vscode runs as a dry run, but its existence check still asks the stores: keep that on loopback.
      DEPLOYFORGE_VSCE_MARKETPLACE_URL: stores.marketplaceUrl,
      DEPLOYFORGE_OVSX_URL: stores.openVsxUrl,
    };

    return {
      services, id, gh, pypi, crates, nuget, stores, aurRpc, npmProxy, ociProxy, npmDoor, ociDoor,
      npmRegistry: `http://${npmDoor.host}/`,
      npmPackage: id,
      image: `${ociDoor.host}/${imageRepo}`,
      imageRepo,
      aurPackage,
      gitRepos,
      aurRepoDir: join(aurReposDir, `${aurPackage}.git`),
      mirrorDir,
      env,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * Inherited variables that would steer a release away from these servers or add side effects:
 * the CI's own GitHub context (GITHUB_ACTIONS turns on `::add-mask::` lines on stdout, ACTIONS_ID_TOKEN_*
 * turns on trusted publishing against the real registries), the machine's credentials, and
 * DeployForge's own settings (announce webhooks, store URLs).
 */
const NOT_INHERITED = /^(?:GITHUB_|ACTIONS_|RUNNER_|DEPLOYFORGE_)|TOKEN|PASSWORD|SECRET|_PAT$|CREDENTIALS|API_KEY|WEBHOOK|PRIVATE_KEY|USERNAME/;

/** The environment a release under test runs with: the machine's (PATH, HOME, cargo…) minus the above, plus the servers'. */
export function releaseEnv(servers: LocalServers, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = clientEnv();
  for (const key of Object.keys(env)) if (NOT_INHERITED.test(key)) delete env[key];
  return { ...env, ...servers.env, ...extra };
}
