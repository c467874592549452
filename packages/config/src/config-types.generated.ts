// Generated from schema/deployforge.schema.json by scripts/gen-config-types.mjs. Do not edit.
// Regenerate with: node scripts/gen-config-types.mjs
// These are the types of LoadedConfig.config: defaults applied, empty platform blocks turned into {}.

/**
 * A build target id.
 */
export type TargetId =
  | 'linux-x64'
  | 'linux-arm64'
  | 'linux-x64-musl'
  | 'linux-arm64-musl'
  | 'macos-x64'
  | 'macos-arm64'
  | 'windows-x64'
  | 'windows-arm64';
export type ArchiveFile = string;
/**
 * A platform id.
 */
export type SpokeId =
  | 'npm'
  | 'github-packages'
  | 'github-action'
  | 'pypi'
  | 'crates'
  | 'docker'
  | 'homebrew'
  | 'scoop'
  | 'chocolatey'
  | 'winget'
  | 'aur'
  | 'snap'
  | 'flathub'
  | 'vscode'
  | 'huggingface'
  | 'nix'
  | 'apt'
  | 'yum'
  | 'custom';
/**
 * Publish through trusted publishing (GitHub OIDC) instead of a long-lived token. Set it once a trusted publisher for this repository and its release workflow is configured on the registry. The generated publish job then gets `id-token: write` and no token secret; without it, the job gets the token secret and no `id-token` permission. Default: false.
 */
export type TrustedPublishing = boolean;
export type ImageRepository = string;
export type SecretName = string;

/**
 * deployforge.yml: one file that says what to build and where to publish it. A platform is on when its block under `platforms` is present.
 */
export interface DeployforgeConfig {
  project: ProjectConfig;
  version: VersionConfig;
  build: BuildConfig;
  release: ReleaseConfig;
  /**
   * Platforms whose failure fails the release. Others are reported but do not fail `summarize`. Each must be enabled under `platforms`.
   */
  required: SpokeId[];
  workflow: WorkflowConfig;
  status: StatusConfig;
  platforms: PlatformsConfig;
}
/**
 * What is being released. Names and links used by every platform's package metadata.
 */
export interface ProjectConfig {
  /**
   * The project's name: archive names (`<name>-<version>-<target>.tar.gz`) and the default package name on every platform.
   */
  name: string;
  /**
   * One line describing the project, copied into package metadata (npm, PyPI, formula, manifests).
   */
  description?: string;
  /**
   * The project's home page.
   */
  homepage?: string;
  /**
   * The license as an SPDX identifier or expression.
   */
  license?: string;
  /**
   * The GitHub repository that holds the releases, as `owner/repo`. Default: the repository the workflow runs in (`$GITHUB_REPOSITORY`).
   */
  repository?: string;
  /**
   * Who maintains the package, as `Name <email>`; used by AUR, Chocolatey, Winget and Snap metadata.
   */
  maintainer?: string;
}
/**
 * Where the version being released comes from.
 */
export interface VersionConfig {
  /**
   * `tag`: the pushed tag minus `tag-prefix`; `input`: the `version` dispatch input; `cargo`: `Cargo.toml`; `package-json`: `package.json`; `pyproject`: PEP 621 `[project] version` in `pyproject.toml` (PEP 440 forms map to semver: `1.2.3rc1` is `1.2.3-rc.1`, `1.2.3b2` is `1.2.3-beta.2`, `1.2.3.dev4` is `1.2.3-dev.4`; post-releases, local versions and a dynamic version are refused); `file:<path>`: the first line of a file in the repository. With a file source, a pushed tag, dispatch `version` or `--version` must name the same version as the file, or the plan stops (exit 2).
   */
  from: 'tag' | 'input' | 'cargo' | 'package-json' | 'pyproject' | `file:${string}`;
  /**
   * What precedes the version in a tag name (`v` for `v1.2.3`). May be empty.
   */
  'tag-prefix': string;
}
/**
 * How each target is built. The build job runs `command` once per target on a matching runner.
 */
export interface BuildConfig {
  /**
   * The executable's name inside each archive (without `.exe`). Default: `project.name`.
   */
  binary?: string;
  /**
   * The targets to build and ship.
   *
   * @minItems 1
   */
  targets: TargetId[];
  /**
   * The shell command that builds one target. It runs with `DEPLOYFORGE_TARGET`, `DEPLOYFORGE_RUST_TARGET`, `GOOS` and `GOARCH` set for the target being built.
   */
  command?: string;
  /**
   * Where the built binary lands, relative to the repository root; `${DEPLOYFORGE_…}` variables are expanded.
   */
  path?: string;
  /**
   * Build every target on one Linux runner, in one job, with `GOOS`/`GOARCH` (and `CGO_ENABLED=0`) set per target, instead of one runner per target's OS: for toolchains that cross-compile, such as Go (what `init` writes for Go). A local `release` sets the same variables, and `release --snapshot` builds every target instead of only this machine's. Default: false (a runner of each target's own OS, which Rust and PyInstaller need).
   */
  cross?: boolean;
  /**
   * Extra files copied into every archive next to the binary, relative to the repository root. At most 200 entries.
   */
  files: ArchiveFile[];
}
/**
 * How the GitHub Release (the hub) is made.
 */
export interface ReleaseConfig {
  /**
   * Create the release as a draft and publish it only once every asset is uploaded and verified.
   */
  'draft-until-complete': boolean;
  /**
   * Upload a `SHA256SUMS` file covering every asset.
   */
  checksums: boolean;
  /**
   * Release notes: `generate` (GitHub's generated notes), `none`, or `file:<path>` (a Markdown file in the repository).
   */
  notes: 'generate' | 'none' | `file:${string}`;
  /**
   * Attest build provenance of every file listed in `SHA256SUMS` (`actions/attest-build-provenance`) and attach the bundle as `<name>-<version>.sigstore.json`; pushed images are attested by digest too. Needs GitHub Actions: a local release has no provenance.
   */
  attest: boolean;
  /**
   * Generate an SBOM and attach it to the release.
   */
  sbom: boolean;
  /**
   * Sign `SHA256SUMS` keylessly with Sigstore (the workflow's OIDC identity, recorded in the public Rekor log) and attach the bundle as `SHA256SUMS.sigstore.json`. Off by default because the log is public, even for private repositories.
   */
  sign: boolean;
  /**
   * Name of the secret (locally: the environment variable) holding an ASCII-armored OpenPGP private key. `SHA256SUMS` is then signed into `SHA256SUMS.asc`, the detached signature package managers expect.
   */
  'gpg-key'?: string;
  /**
   * Name of the secret holding the passphrase of `gpg-key`, when the key is protected by one.
   */
  'gpg-passphrase'?: string;
  /**
   * Install scripts attached to the release and listed in `SHA256SUMS`: `sh` makes `install.sh` (Linux and macOS: picks the archive for the machine, checks its sha256 against `SHA256SUMS`, installs to `~/.local/bin`), `ps1` makes `install.ps1` (the same for Windows). `true` means every kind the targets allow; `false` or absent, none.
   */
  installers?: boolean | ('sh' | 'ps1')[];
  /**
   * Linux packages built from the release's Linux archives and attached to the release, listed in `SHA256SUMS`: `deb` (from the gnu build of each architecture), `rpm` (likewise) and `apk` (from the musl builds), named `<name>_<version>_<arch>.<kind>` (`shimmy_1.2.3_amd64.deb`, `shimmy_1.2.3_x86_64.rpm`). The binary goes to `/usr/bin`; name, maintainer (`project.maintainer`, `Name <email>`), description and license come from `project`. `platforms.apt` and `platforms.yum` publish the `.deb` and `.rpm` in signed repositories. Absent: none.
   *
   * @minItems 1
   */
  'linux-packages'?: ('deb' | 'rpm' | 'apk')[];
}
/**
 * Settings for the generated `.github/workflows/release.yml`.
 */
export interface WorkflowConfig {
  /**
   * The GitHub environment publish jobs run in, so that their secrets sit behind its protection rules. A platform's own `environment` overrides it.
   */
  environment: string;
  /**
   * The runner label for jobs that don't build (plan, release, publish, summarize).
   */
  'runs-on': string;
  /**
   * The Node.js version set up for jobs that need Node (npm, vscode). Default: the runner's Node.
   */
  'node-version'?: string | number;
  /**
   * Add a job that checks every pull request: `validate`, `plan --snapshot`, `generate --check` and a `release --snapshot` of the runner's target. It holds no secret, runs in no environment and has `permissions: contents: read`; it lives in the release workflow's own file, so trusted publishing (which checks that file's name) is unaffected. Default: false.
   */
  'pull-requests'?: boolean;
  /**
   * The ref of DeployForge's own actions the generated workflow uses: a full commit SHA (written as is), or a release tag, which `deployforge generate` resolves to its commit (`git ls-remote`) and writes as `@<sha> # <tag>`. Default: the DeployForge release that generates the workflow. `generate --actions-ref` overrides it.
   */
  'actions-ref'?: string;
  /**
   * `timeout-minutes` per generated job, by kind (`plan`, `build`, `sign`, `release`, `publish`, `summarize`) or by job id (`publish-docker`); a job id wins over its kind. Defaults: plan 10, build 60, sign 15, release 60, publish 30, summarize 10.
   */
  'timeout-minutes': {
    [k: string]: number;
  };
}
/**
 * Where the release dashboard (`index.html`), the status history (`status.json`, `history.json`, the last 20 documents) and the shields.io badge (`badge.json`) are published, and whether the monitor opens an issue on drift. Without these keys the summarize job keeps them as the `deployforge-status` workflow artifact only.
 */
export interface StatusConfig {
  /**
   * Publish the dashboard, the status history and the badge to GitHub Pages after every release (and from the monitor): a job with only `pages: write` and `id-token: write` deploys them with `actions/upload-pages-artifact` and `actions/deploy-pages`. Set the repository's Pages source to GitHub Actions, and allow your release tags (`v*`) in the `github-pages` environment's deployment rules. The badge is then at `https://<owner>.github.io/<repo>/badge.json`.
   */
  pages: boolean;
  /**
   * Publish to this branch instead of deploying with GitHub Actions, for repositories whose Pages source is a branch (or another static host that serves one): a job with only `contents: write` commits the site to it. Takes the place of `pages`: with both set, the site goes to this branch only, and `deployforge validate` warns.
   */
  branch?: string;
  /**
   * The monitor opens one issue when a platform serves an older version than the newest release (the table and the exact workflow_dispatch inputs that fix it), updates that issue while the drift lasts and closes it once every platform is in sync. Its job alone gets `issues: write`.
   */
  issues: boolean;
}
/**
 * One block per platform to publish to. A platform is on when its block is present; an empty block (`npm: {}` or just `npm:`) means on with defaults.
 */
export interface PlatformsConfig {
  npm?: NpmPlatformConfig;
  'github-packages'?: GithubPackagesPlatformConfig;
  'github-action'?: GithubActionPlatformConfig;
  pypi?: PypiPlatformConfig;
  crates?: CratesPlatformConfig;
  docker?: DockerPlatformConfig;
  homebrew?: HomebrewPlatformConfig;
  scoop?: ScoopPlatformConfig;
  chocolatey?: ChocolateyPlatformConfig;
  winget?: WingetPlatformConfig;
  aur?: AurPlatformConfig;
  snap?: SnapPlatformConfig;
  flathub?: FlathubPlatformConfig;
  vscode?: VscodePlatformConfig;
  huggingface?: HuggingfacePlatformConfig;
  nix?: NixPlatformConfig;
  apt?: AptPlatformConfig;
  yum?: YumPlatformConfig;
  custom?: CustomPlatformsConfig;
}
/**
 * npm: a launcher package plus one package per target, wired by optionalDependencies.
 */
export interface NpmPlatformConfig {
  /**
   * The launcher package's name. Default: `project.name` (under `scope` when set).
   */
  package?: string;
  /**
   * The npm registry to publish to.
   */
  registry: string;
  /**
   * The scope for the launcher and per-target packages.
   */
  scope?: string;
  /**
   * Package access on the registry.
   */
  access: 'public' | 'restricted';
  /**
   * Publish with npm provenance (needs trusted publishing or `id-token: write`).
   */
  provenance: boolean;
  'trusted-publishing'?: TrustedPublishing;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * GitHub Packages: the same npm packages on the GitHub npm registry, under your owner's scope.
 */
export interface GithubPackagesPlatformConfig {
  /**
   * The launcher package's name. Default: `<scope>/<project.name>`.
   */
  package?: string;
  /**
   * The scope, which must be the repository owner, such as `@acme`.
   */
  scope: string;
  /**
   * The GitHub npm registry (change it for GitHub Enterprise Server).
   */
  registry: string;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * GitHub Action: after the release is published, the moving tags (`v1`, `v1.2`) are pointed at the release's commit, so `uses: owner/repo@v1` gets it. Never backwards: a fix to an older line (1.1.5 after 1.2.0) moves only that line's tag (`v1.1`). A prerelease moves none.
 */
export interface GithubActionPlatformConfig {
  /**
   * The repository whose tags move. Default: `project.repository` (an action is released from its own repository).
   */
  repository?: string;
  /**
   * Which moving tags to keep: `major` (`v1`) and `minor` (`v1.2`), with the config's `version.tag-prefix`.
   *
   * @minItems 1
   */
  tags: ('major' | 'minor')[];
  /**
   * Before moving a tag, check at the release's commit that every `action.yml` (or `action.yaml`) running on Node names `runs.main` (and `pre`, `post`) files that exist in that commit: a tag never moves to an action whose bundle was not committed.
   */
  'check-dist': boolean;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * PyPI: `py3-none-<platform>` wheels that carry the binary.
 */
export interface PypiPlatformConfig {
  /**
   * The distribution name on PyPI. Default: `project.name`.
   */
  package?: string;
  /**
   * `binary-wheels` (the default when absent): DeployForge publishes `py3-none-<platform>` wheels that carry the release binary. `skip`: it publishes nothing to PyPI, for a project that is itself a Python package published by its own build (`init` chooses it for a pure-Python project): binary-only wheels would replace that package's source and wheels. With `skip` the platform is off (no job, no credential, no snapshot) and cannot be `required`.
   */
  mode?: 'binary-wheels' | 'skip';
  /**
   * The upload URL (legacy upload API).
   */
  repository: string;
  /**
   * The index used to check what is already published (JSON API base). When absent it follows `repository`: https://upload.pypi.org/legacy/ reads https://pypi.org/, https://test.pypi.org/legacy/ reads https://test.pypi.org/, and any other server is read at its own origin (pypiserver, devpi); set it only when your index lives elsewhere.
   */
  index?: string;
  /**
   * The glibc the Linux wheels promise, as a PEP 600 tag prefix (`manylinux_2_28`) or just the glibc version (`2.28`). Default: the highest `GLIBC_` version the binary's dynamic symbols need, read from its ELF. A binary that needs a newer glibc than this is refused. musl targets are always tagged `musllinux_1_2`.
   */
  manylinux?: string;
  'trusted-publishing'?: TrustedPublishing;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * crates.io: `cargo publish` of the source crate.
 */
export interface CratesPlatformConfig {
  /**
   * The crate's name. Default: `project.name`.
   */
  package?: string;
  /**
   * The crate's folder, relative to the repository root.
   */
  path: string;
  /**
   * The Cargo registry name (`cargo publish --registry`).
   */
  registry: string;
  /**
   * The registry's sparse index URL, used to check what is already published.
   */
  index: string;
  'trusted-publishing'?: TrustedPublishing;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * OCI images (Docker Hub, GHCR, any OCI registry): a multi-arch image assembled from the release binaries without a Docker daemon.
 */
export interface DockerPlatformConfig {
  /**
   * Image references to push to, without a tag; every tag in `tags` is pushed to each.
   *
   * @minItems 1
   */
  images: ImageRepository[];
  /**
   * The base image the binary is layered on: `scratch` (empty), or an image reference, best pinned by digest (for example a distroless static image).
   */
  base: string;
  /**
   * Tags to push. `{version}`, `{major}`, `{minor}` and `{patch}` are replaced with parts of the version being released.
   *
   * @minItems 1
   */
  tags: string[];
  /**
   * Sign every pushed image by digest with cosign, keylessly (the workflow's OIDC identity, recorded in the public Rekor log). Workflow only.
   */
  sign: boolean;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * Homebrew: a formula (or a cask) committed to your tap.
 */
export interface HomebrewPlatformConfig {
  /**
   * The tap repository, as `owner/repo` on GitHub or any git URL.
   */
  tap: string;
  /**
   * What is committed: `formula` (the default: `Formula/<name>.rb`, macOS and Linux) or `cask` (`Casks/<name>.rb`, macOS only: `brew install --cask`). A cask installs the prebuilt binary with no build step and no Linux support.
   */
  kind?: 'formula' | 'cask';
  /**
   * The cask's token (its file name), with `kind: cask`. Default: `project.name`.
   */
  cask?: string;
  /**
   * The formula's name. Default: `project.name`.
   */
  formula?: string;
  /**
   * The branch to commit to. Default: the tap's default branch.
   */
  branch?: string;
  /**
   * Open a pull request instead of pushing to `branch` directly.
   */
  'pull-request': boolean;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * Scoop: a manifest (with checkver and autoupdate) committed to your bucket.
 */
export interface ScoopPlatformConfig {
  /**
   * The bucket repository, as `owner/repo` on GitHub or any git URL.
   */
  bucket: string;
  /**
   * The branch to commit to. Default: the bucket's default branch.
   */
  branch?: string;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * Chocolatey: a `.nupkg` pushed to the community feed (or your own NuGet v2 feed).
 */
export interface ChocolateyPlatformConfig {
  /**
   * The package id. Default: `project.name`.
   */
  package?: string;
  /**
   * The push URL of the feed.
   */
  source: string;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * Winget: three manifests submitted as a pull request from your fork to the winget-pkgs repository.
 */
export interface WingetPlatformConfig {
  /**
   * The package identifier, `Publisher.Name`.
   */
  'package-id': string;
  /**
   * Your fork of the upstream repository, as `owner/repo`, that pull requests come from. Default: `<token owner>/winget-pkgs`.
   */
  fork?: string;
  /**
   * The repository pull requests are opened against.
   */
  upstream: string;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * AUR: a `PKGBUILD` and `.SRCINFO` for a `-bin` package, pushed over ssh.
 */
export interface AurPlatformConfig {
  /**
   * The AUR package name. Default: `<project.name>-bin`.
   */
  package: string;
  /**
   * The git remote to push to. Default: `ssh://aur@aur.archlinux.org/<package>.git`.
   */
  remote: string;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * Snap Store: one `.snap` per architecture, released to a channel.
 */
export interface SnapPlatformConfig {
  /**
   * The snap's registered name. Default: `project.name`.
   */
  name?: string;
  /**
   * The channel(s) to release to: a risk (`stable`, `candidate`, `beta`, `edge`), optionally after a track (`2.x/stable`); a single channel or a list.
   *
   * @minItems 1
   */
  channel: string | string[];
  /**
   * The snap's confinement.
   */
  confinement: 'strict' | 'classic' | 'devmode';
  /**
   * The snap's grade; `devel` snaps cannot be released to stable or candidate.
   */
  grade: 'stable' | 'devel';
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * Flathub: a manifest update submitted as a pull request to `flathub/<app-id>`.
 */
export interface FlathubPlatformConfig {
  /**
   * The application id in reverse-DNS form.
   */
  'app-id': string;
  /**
   * The manifest repository. Default: `flathub/<app-id>`.
   */
  repository?: string;
  /**
   * Your own AppStream metainfo file (relative to the config's folder), used as it is instead of the one DeployForge renders from `project` (name, summary, description, license, URLs, this release). Its `<id>` must be the app id.
   */
  metainfo?: string;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * VS Code extension stores: the `.vsix` on the Visual Studio Marketplace and Open VSX.
 */
export interface VscodePlatformConfig {
  /**
   * The extension's folder (where its package.json is), relative to the repository root.
   */
  path: string;
  /**
   * Publish to the Visual Studio Marketplace.
   */
  marketplace: boolean;
  /**
   * Publish to Open VSX.
   */
  'open-vsx': boolean;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * Hugging Face Spaces: a git push of a folder to a Space.
 */
export interface HuggingfacePlatformConfig {
  /**
   * The Space, as `owner/name`.
   */
  space: string;
  /**
   * The folder pushed to the Space, relative to the repository root.
   */
  path: string;
  /**
   * The Space's git remote. Default: `https://huggingface.co/spaces/<space>`.
   */
  remote?: string;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * Nix: a flake (or package file) with one fetchurl and sha256 per system, committed to a repository.
 */
export interface NixPlatformConfig {
  /**
   * The repository that holds the Nix file, as `owner/repo` or any git URL.
   */
  repository: string;
  /**
   * The file written, relative to that repository's root.
   */
  path: string;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * apt: the release's `.deb` assets (`release.linux-packages` must list `deb`) added to a signed apt repository (`dists/`, `pool/`, `Release`, `InRelease`) kept in a git repository you serve with GitHub Pages or any static host. Older versions stay listed; the indexes are signed with `LINUX_REPO_GPG_KEY` (or the release key), its public half written beside them as `key.asc`.
 */
export interface AptPlatformConfig {
  /**
   * The git repository that holds the apt repository, as `owner/repo` or any git URL.
   */
  repository: string;
  /**
   * The branch written (the one your static host serves). Default: the repository's default branch.
   */
  branch?: string;
  /**
   * The folder inside that repository the apt repository goes in (`dists/`, `pool/` and `key.asc` under it).
   */
  path: string;
  /**
   * The apt suite: users write `deb <url> <distribution> <component>`.
   */
  distribution: string;
  /**
   * The apt component.
   */
  component: string;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * yum/dnf: the release's `.rpm` assets (`release.linux-packages` must list `rpm`) added to a yum repository (`repodata/` with `repomd.xml` signed as `repomd.xml.asc`) kept in a git repository you serve with GitHub Pages or any static host. Older versions stay listed; signed with `LINUX_REPO_GPG_KEY` (or the release key), its public half written beside it as `key.asc`.
 */
export interface YumPlatformConfig {
  /**
   * The git repository that holds the yum repository, as `owner/repo` or any git URL.
   */
  repository: string;
  /**
   * The branch written (the one your static host serves). Default: the repository's default branch.
   */
  branch?: string;
  /**
   * The folder inside that repository the yum repository goes in (the `.rpm` files, `repodata/` and `key.asc` under it).
   */
  path: string;
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
/**
 * Your own deploy commands, by name. Each runs as its own spoke after the release exists.
 */
export interface CustomPlatformsConfig {
  [k: string]: CustomCommandConfig;
}
/**
 * One custom deploy.
 *
 * This interface was referenced by `CustomPlatformsConfig`'s JSON-Schema definition
 * via the `patternProperty` "^[a-z0-9][a-z0-9-]*$".
 */
export interface CustomCommandConfig {
  /**
   * The shell command that deploys. It runs with `DEPLOYFORGE_VERSION`, `DEPLOYFORGE_TAG` and `DEPLOYFORGE_ASSETS` (a folder holding the release assets) set.
   */
  run: string;
  /**
   * A shell command that exits 0 when this version is already deployed, so re-runs skip it.
   */
  check?: string;
  /**
   * Extra environment variables for `run` and `check`. Reference secrets in the workflow's environment, not here.
   */
  env: {
    /**
     * The variable's value.
     *
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^[A-Za-z_][A-Za-z0-9_]*$".
     */
    [k: string]: string;
  };
  /**
   * Environment variables passed through to `run` and `check`: the generated workflow maps `secrets.<NAME>` into this job's environment, a local run takes them from its own environment. A missing one stops the release before anything is written, like any credential. Nothing else from the environment reaches the command.
   */
  secrets?: SecretName[];
  /**
   * The GitHub environment this platform's publish job runs in. Default: `workflow.environment`.
   */
  environment?: string;
}
