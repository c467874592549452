/**
 * Every platform id DeployForge knows, with the facts the plan and the workflow generator need
 * *without* loading a platform's implementation: its credentials, whether it can use OIDC, and
 * whether it ever lets a published version be replaced.
 *
 * This is the single list of ids: the JSON Schema's `platforms` keys, the `--platforms` allowlist and
 * the generated `publish-<id>` jobs are all checked against it in tests.
 */

export const SPOKE_IDS = [
  'npm',
  'github-packages',
  'github-action',
  'pypi',
  'crates',
  'docker',
  'homebrew',
  'scoop',
  'chocolatey',
  'winget',
  'aur',
  'snap',
  'flathub',
  'vscode',
  'huggingface',
  'nix',
  'apt',
  'yum',
  'custom',
] as const;

export type SpokeId = (typeof SPOKE_IDS)[number];
/** `github` is the hub: it is always planned, never selected or deselected. */
export type PlatformId = 'github' | SpokeId;

export interface CredentialSpec {
  /** Name of the environment variable / repository secret, e.g. `NPM_TOKEN`. */
  name: string;
  /** What the person must create, in words, for error messages and docs. */
  description: string;
}

export interface PlatformInfo {
  id: PlatformId;
  displayName: string;
  /** What a user gets from it, one line, used in docs and the dashboard. */
  publishes: string;
  /**
   * Credentials, any one of which is enough (`anyOf`), unless `all` is set. An empty list means
   * the platform needs none beyond `GITHUB_TOKEN`.
   */
  credentials: CredentialSpec[];
  /** Every listed credential is needed, not just one (e.g. the two extension stores). */
  allCredentialsRequired?: boolean;
  /** Trusted publishing via GitHub OIDC: the default when true, credentials become a fallback. */
  oidc: boolean;
  /** Whether `force` may replace a version that already exists with other content. */
  overwritable: boolean;
}

const info = (p: PlatformInfo): PlatformInfo => p;

export const PLATFORMS: Readonly<Record<PlatformId, PlatformInfo>> = {
  github: info({
    id: 'github', displayName: 'GitHub Releases', publishes: 'a release with every archive and SHA256SUMS',
    credentials: [{ name: 'GITHUB_TOKEN', description: 'the workflow token with contents: write' }],
    oidc: false, overwritable: true,
  }),
  npm: info({
    id: 'npm', displayName: 'npm', publishes: 'a launcher package plus one package per target',
    credentials: [{ name: 'NPM_TOKEN', description: 'an npm automation or granular token with publish rights' }],
    oidc: true, overwritable: false,
  }),
  'github-packages': info({
    id: 'github-packages', displayName: 'GitHub Packages (npm)', publishes: 'the npm packages on npm.pkg.github.com',
    credentials: [{ name: 'GITHUB_TOKEN', description: 'the workflow token with packages: write' }],
    oidc: false, overwritable: false,
  }),
  'github-action': info({
    id: 'github-action', displayName: 'GitHub Action', publishes: 'the major and minor tags (v1, v1.2) moved to the release commit',
    credentials: [{ name: 'GITHUB_TOKEN', description: 'the workflow token with contents: write (a token with the workflows permission when the moved commits change .github/workflows)' }],
    oidc: false, overwritable: true,
  }),
  pypi: info({
    id: 'pypi', displayName: 'PyPI', publishes: 'py3-none-<platform> wheels that carry the binary',
    credentials: [{ name: 'PYPI_TOKEN', description: 'a PyPI API token scoped to the project' }],
    oidc: true, overwritable: false,
  }),
  crates: info({
    id: 'crates', displayName: 'crates.io', publishes: 'the source crate via cargo publish',
    credentials: [{ name: 'CARGO_REGISTRY_TOKEN', description: 'a crates.io API token with publish-update scope' }],
    oidc: true, overwritable: false,
  }),
  docker: info({
    id: 'docker', displayName: 'Docker Hub / GHCR', publishes: 'a multi-arch OCI image built without a daemon',
    credentials: [
      { name: 'DOCKER_USERNAME', description: 'the registry user name' },
      { name: 'DOCKER_PASSWORD', description: 'a registry access token' },
    ],
    allCredentialsRequired: true, oidc: false, overwritable: true,
  }),
  homebrew: info({
    id: 'homebrew', displayName: 'Homebrew', publishes: 'a formula (or cask) in your tap',
    credentials: [{ name: 'HOMEBREW_TAP_TOKEN', description: 'a token that can push to the tap repository' }],
    oidc: false, overwritable: true,
  }),
  scoop: info({
    id: 'scoop', displayName: 'Scoop', publishes: 'a manifest in your bucket',
    credentials: [{ name: 'SCOOP_BUCKET_TOKEN', description: 'a token that can push to the bucket repository' }],
    oidc: false, overwritable: true,
  }),
  chocolatey: info({
    id: 'chocolatey', displayName: 'Chocolatey', publishes: 'a .nupkg pushed to the community feed',
    credentials: [{ name: 'CHOCOLATEY_API_KEY', description: 'your chocolatey.org API key' }],
    oidc: false, overwritable: false,
  }),
  winget: info({
    id: 'winget', displayName: 'Winget', publishes: 'a pull request to microsoft/winget-pkgs',
    credentials: [{ name: 'WINGET_TOKEN', description: 'a classic PAT with public_repo scope, owner of the fork' }],
    oidc: false, overwritable: false,
  }),
  aur: info({
    id: 'aur', displayName: 'AUR', publishes: 'a <name>-bin PKGBUILD pushed over ssh',
    credentials: [{ name: 'AUR_SSH_PRIVATE_KEY', description: 'the private key registered with your AUR account' }],
    oidc: false, overwritable: true,
  }),
  snap: info({
    id: 'snap', displayName: 'Snap Store', publishes: 'a .snap per architecture, released to a channel',
    credentials: [{ name: 'SNAPCRAFT_STORE_CREDENTIALS', description: 'the output of `snapcraft export-login`' }],
    oidc: false, overwritable: false,
  }),
  flathub: info({
    id: 'flathub', displayName: 'Flathub', publishes: 'a manifest pull request to flathub/<app-id>',
    credentials: [{ name: 'FLATHUB_TOKEN', description: 'a token that can open pull requests on flathub/<app-id>' }],
    oidc: false, overwritable: false,
  }),
  vscode: info({
    id: 'vscode', displayName: 'VS Code Marketplace + Open VSX', publishes: 'the .vsix on both extension stores',
    credentials: [
      { name: 'VSCE_PAT', description: 'an Azure DevOps PAT with Marketplace (Manage) scope' },
      { name: 'OVSX_PAT', description: 'an Open VSX access token' },
    ],
    allCredentialsRequired: true, oidc: false, overwritable: false,
  }),
  huggingface: info({
    id: 'huggingface', displayName: 'Hugging Face Spaces', publishes: 'a git push of the Space folder',
    credentials: [{ name: 'HF_TOKEN', description: 'a Hugging Face write token' }],
    oidc: false, overwritable: true,
  }),
  nix: info({
    id: 'nix', displayName: 'Nix', publishes: 'a flake with fetchurl + sha256 per system',
    credentials: [{ name: 'NIX_REPO_TOKEN', description: 'a token that can push to the flake repository' }],
    oidc: false, overwritable: true,
  }),
  apt: info({
    id: 'apt', displayName: 'apt repository', publishes: "the release's .deb packages in a signed apt repository kept in git",
    credentials: [
      { name: 'LINUX_REPO_TOKEN', description: 'a token that can push to the git repository holding the apt or yum repository' },
      { name: 'LINUX_REPO_GPG_KEY', description: 'the armored OpenPGP private key that signs the repository indexes (gpg --armor --export-secret-keys)' },
    ],
    allCredentialsRequired: true, oidc: false, overwritable: false,
  }),
  yum: info({
    id: 'yum', displayName: 'yum/dnf repository', publishes: "the release's .rpm packages in a signed yum repository kept in git",
    credentials: [
      { name: 'LINUX_REPO_TOKEN', description: 'a token that can push to the git repository holding the apt or yum repository' },
      { name: 'LINUX_REPO_GPG_KEY', description: 'the armored OpenPGP private key that signs repomd.xml (gpg --armor --export-secret-keys)' },
    ],
    allCredentialsRequired: true, oidc: false, overwritable: false,
  }),
  custom: info({
    id: 'custom', displayName: 'Custom command', publishes: 'whatever your command deploys',
    credentials: [],
    oidc: false, overwritable: true,
  }),
};

export function isSpokeId(value: string): value is SpokeId {
  return (SPOKE_IDS as readonly string[]).includes(value);
}
