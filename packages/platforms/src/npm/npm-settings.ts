import { ConfigurationError } from '@deployforge/diagnostics';
import type { PlatformContext } from '../platform.js';
import { escapedName, type RegistryEndpoint } from './registry-client.js';

/**
 * npm and GitHub Packages publish the same packages the same way; only where they go, how names
 * are scoped and which credential opens the door differ. A flavor holds exactly those differences,
 * so the code in this folder serves both spokes.
 */
export interface NpmFlavor {
  id: 'npm' | 'github-packages';
  /** Config key of the platform block. */
  configKey: 'npm' | 'github-packages';
  defaultRegistry: string;
  /** Credential env names, first found wins. */
  tokenNames: readonly string[];
  /** Whether trusted publishing (OIDC) may stand in for a token. */
  oidc: boolean;
  /** GitHub Packages only hosts packages under the owner's scope. */
  scopeRequired: boolean;
}

export const NPM_FLAVOR: NpmFlavor = {
  id: 'npm',
  configKey: 'npm',
  defaultRegistry: 'https://registry.npmjs.org/',
  // NODE_AUTH_TOKEN is what actions/setup-node wires into its .npmrc: accept it so a workflow that
  // already uses setup-node needs no second secret name.
  tokenNames: ['NPM_TOKEN', 'NODE_AUTH_TOKEN'],
  oidc: true,
  scopeRequired: false,
};

export const GITHUB_PACKAGES_FLAVOR: NpmFlavor = {
  id: 'github-packages',
  configKey: 'github-packages',
  defaultRegistry: 'https://npm.pkg.github.com/',
  tokenNames: ['GITHUB_TOKEN', 'NODE_AUTH_TOKEN'],
  oidc: false,
  scopeRequired: true,
};

/** Everything the npm code needs from config, resolved once with defaults applied. */
export interface NpmSettings {
  flavor: NpmFlavor;
  /** The launcher package: `shimmy` or `@acme/shimmy`. */
  packageName: string;
  /** Always ends with `/`, so relative URLs resolve under a registry that lives in a sub-path. */
  registry: string;
  access: 'public' | 'restricted';
  provenance: boolean;
  /** The executable name inside each archive, without `.exe`. */
  binary: string;
  distTag: 'latest' | 'next';
}

/** Only these shapes of the config blocks are read; both generated config types fit them. */
interface NpmLikeBlock {
  package?: string;
  registry?: string;
  scope?: string;
  access?: 'public' | 'restricted';
  provenance?: boolean;
}

export function resolveNpmSettings(ctx: PlatformContext, flavor: NpmFlavor): NpmSettings {
  const block = (ctx.config.platforms?.[flavor.configKey] ?? {}) as NpmLikeBlock;
  const key = `platforms.${flavor.configKey}`;
  const project = ctx.config.project.name;
  const scope = block.scope;
  if (flavor.scopeRequired && !scope) {
    throw ConfigurationError.forInput(`${key}.scope`, 'GitHub Packages needs the scope of the repository owner, such as "@acme"');
  }
  const packageName = block.package ?? (scope ? `${scope}/${project}` : project);
  if (scope && !packageName.startsWith(`${scope}/`)) {
    // GitHub Packages refuses a package outside the owner's scope; on npm a mismatch is almost
    // certainly a typo that would publish under someone else's name.
    throw ConfigurationError.forInput(`${key}.package`, `"${packageName}" is not under the scope "${scope}"; use "${scope}/${packageName.replace(/^@[^/]+\//, '')}"`);
  }
  const registry = block.registry ?? flavor.defaultRegistry;
  return {
    flavor,
    packageName,
    registry: registry.endsWith('/') ? registry : `${registry}/`,
    access: block.access ?? 'public',
    provenance: flavor.oidc && (block.provenance ?? true),
    binary: ctx.config.build?.binary ?? project,
    distTag: ctx.version.npmDistTag,
  };
}

/** The credential to send, and the env name it came from (for messages: never the value). */
export function npmToken(ctx: PlatformContext, flavor: NpmFlavor): { name: string; value: string } | undefined {
  for (const name of flavor.tokenNames) {
    const value = ctx.env[name];
    if (value) return { name, value };
  }
  return undefined;
}

/** The registry endpoint for this spoke, with the token when one is configured. */
export function registryEndpoint(ctx: PlatformContext, settings: NpmSettings): RegistryEndpoint {
  const token = npmToken(ctx, settings.flavor);
  return {
    registry: settings.registry,
    ...(token ? { token: token.value, tokenName: token.name } : { tokenName: settings.flavor.tokenNames[0] }),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
}

/** Where a person can look at a version: npmjs.com for the public registry, else the packument. */
export function packagePageUrl(settings: NpmSettings, name: string, version: string): string {
  if (new URL(settings.registry).host === 'registry.npmjs.org') return `https://www.npmjs.com/package/${name}/v/${version}`;
  return new URL(escapedName(name), settings.registry).href;
}
