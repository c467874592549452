import type { PlatformId } from './catalog.js';
import type { Platform } from './platform.js';

/**
 * Implemented platforms, each loaded on first use so that a run that publishes to two platforms
 * does not load the code of sixteen. A platform folder adds its one line here.
 */
const LOADERS: Partial<Record<PlatformId, () => Promise<Platform>>> = {
  docker: async () => (await import('./docker/index.js')).dockerPlatform,
  homebrew: async () => (await import('./homebrew/index.js')).homebrewPlatform,
  scoop: async () => (await import('./scoop/index.js')).scoopPlatform,
  nix: async () => (await import('./nix/index.js')).nixPlatform,
  huggingface: async () => (await import('./huggingface/index.js')).huggingfacePlatform,
  npm: async () => (await import('./npm/index.js')).npmPlatform,
  'github-packages': async () => (await import('./github-packages/index.js')).githubPackagesPlatform,
  'github-action': async () => (await import('./github-action/index.js')).githubActionPlatform,
  aur: async () => (await import('./aur/index.js')).aurPlatform,
  chocolatey: async () => (await import('./chocolatey/index.js')).chocolateyPlatform,
  winget: async () => (await import('./winget/index.js')).wingetPlatform,
  custom: async () => (await import('./custom/index.js')).customPlatform,
  snap: async () => (await import('./snap/index.js')).snapPlatform,
  vscode: async () => (await import('./vscode/index.js')).vscodePlatform,
  flathub: async () => (await import('./flathub/index.js')).flathubPlatform,
  pypi: async () => (await import('./pypi/index.js')).pypiPlatform,
  crates: async () => (await import('./crates/index.js')).cratesPlatform,
  apt: async () => (await import('./apt/index.js')).aptPlatform,
  yum: async () => (await import('./yum/index.js')).yumPlatform,
};

export async function loadPlatform(id: PlatformId): Promise<Platform | undefined> {
  const load = LOADERS[id];
  return load ? load() : undefined;
}

export function isImplemented(id: PlatformId): boolean {
  return LOADERS[id] !== undefined;
}
