import type { DeployforgeConfig } from '@deployforge/config';
import type { SpokeId } from '@deployforge/catalog';

type Block = Record<string, unknown> | undefined;
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Where a real run would publish a platform's package, in words: the remote the config names, or
 * the public service it defaults to. For the snapshot's closing table only; the spokes resolve the
 * exact endpoints themselves.
 */
export function publishDestination(config: DeployforgeConfig, platform: SpokeId, instance?: string): string {
  const blocks = config.platforms as Record<string, Block> | undefined;
  const b = blocks?.[platform];
  switch (platform) {
    case 'npm': return text(b?.registry) ?? 'https://registry.npmjs.org/';
    case 'github-packages': return 'https://npm.pkg.github.com/';
    case 'pypi': return text(b?.repository) ?? 'https://upload.pypi.org/legacy/';
    case 'crates': return `${text(b?.registry) ?? 'crates-io'} (cargo publish)`;
    case 'docker': return Array.isArray(b?.images) ? (b.images as string[]).join(', ') : 'the configured images';
    case 'homebrew': return `tap ${text(b?.tap) ?? '?'}`;
    case 'scoop': return `bucket ${text(b?.bucket) ?? '?'}`;
    case 'chocolatey': return text(b?.source) ?? 'https://push.chocolatey.org/';
    case 'winget': return `pull request to microsoft/winget-pkgs from ${text(b?.fork) ?? 'your fork'}`;
    case 'aur': return text(b?.remote) ?? `ssh://aur@aur.archlinux.org/${text(b?.package) ?? `${config.project.name}-bin`}.git`;
    case 'snap': return `Snap Store: ${text(b?.name) ?? config.project.name}`;
    case 'flathub': return `flathub/${text(b?.['app-id']) ?? '?'}`;
    case 'vscode': return [b?.marketplace !== false ? 'VS Code Marketplace' : '', b?.['open-vsx'] !== false ? 'Open VSX' : ''].filter(Boolean).join(' + ') || 'no store enabled';
    case 'huggingface': return `huggingface.co/spaces/${text(b?.space) ?? '?'}`;
    case 'nix': return text(b?.repository) ?? text(b?.remote) ?? 'the configured Nix repository';
    case 'custom': return `your command (platforms.custom.${instance ?? '?'}.run)`;
    // Platforms added after this table: their block names the remote, in the catalog's words.
    default: return text(b?.repository) ?? text(b?.remote) ?? `as configured under platforms.${platform}`;
  }
}

/**
 * What only a person can do before a platform's first real release: DeployForge reports these as
 * needs-human at release time; the snapshot says them before the first tag is pushed.
 */
export const FIRST_TIME_STEPS: Partial<Record<SpokeId, string>> = {
  npm: 'trusted publishing cannot create a package: publish its first version with a token',
  crates: 'trusted publishing cannot create a crate: publish its first version with a token',
  pypi: 'a trusted publisher must be registered on PyPI (a pending publisher works for a new project)',
  winget: "the package's first version is submitted by hand (wingetcreate new)",
  flathub: 'a new app is submitted to flathub/flathub and reviewed by people',
  snap: 'register the name: snapcraft register',
  aur: 'the AUR account needs your SSH public key',
  chocolatey: 'every version is moderated before it is listed',
  vscode: 'create the publisher on the Marketplace (and the namespace on Open VSX)',
  homebrew: 'the tap repository must exist',
  scoop: 'the bucket repository must exist',
};
