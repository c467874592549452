import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '@deployforge/diagnostics';
import { repositorySigner, type RepositorySigner } from '@deployforge/signing';
import type { PlatformContext } from '../platform.js';
import { packagesOfRelease, type ReleasePackage, type ReleasePackageKind } from './release-packages.js';
import { GPG_KEY, GPG_PASSPHRASE } from './repository-target.js';

/**
 * The release's `.deb` (or `.rpm`) assets, each checked against the package the release's archives
 * build (the writers are deterministic, so the hub made exactly these bytes) and downloaded through
 * the verified fetch: what goes into the repository is the release's file, and the rebuild tells the
 * index what it repeats (control fields, rpm header facts). A release without them is a
 * configuration problem: `release.linux-packages` must list the kind.
 */
export async function releasePackageAssets(ctx: PlatformContext, kind: ReleasePackageKind, id: string): Promise<ReleasePackage[]> {
  const kinds: readonly string[] = ctx.config.release?.['linux-packages'] ?? [];
  if (!kinds.includes(kind)) {
    throw ConfigurationError.forInput(`platforms.${id}`, `publishes the release's .${kind} packages, and release.linux-packages does not list ${kind}: add it (release: { linux-packages: [${[...kinds, kind].join(', ')}] })`);
  }
  const built = await packagesOfRelease(ctx, [kind]);
  return Promise.all(built.map(async (pkg) => {
    const asset = ctx.assets.find((a) => a.name === pkg.name);
    if (!asset) throw new Error(`the release of ${ctx.version.version} has no ${pkg.name}: it was released before release.linux-packages listed ${kind}; release a new version`);
    if (asset.sha256 && asset.sha256 !== pkg.sha256) {
      throw new Error(`the release's ${pkg.name} (sha256 ${asset.sha256}) is not the package its archives build (${pkg.sha256}); it was changed after the release`);
    }
    const data = await readFile(await ctx.fetchAsset(asset));
    if (!data.equals(pkg.data)) throw new Error(`the release's ${pkg.name} differs from the package its archives build; it was changed after the release`);
    return { ...pkg, data, built: { ...pkg.built, data } };
  }));
}

/**
 * The key that signs the indexes: LINUX_REPO_GPG_KEY, else the release's own key (`release.gpg-key`)
 * when its secret is in the environment (a local release has it). Undefined when neither is set.
 */
export async function indexSigner(ctx: PlatformContext): Promise<RepositorySigner | undefined> {
  const own = ctx.env[GPG_KEY];
  if (own) return repositorySigner(own, ctx.env[GPG_PASSPHRASE], { keySecret: GPG_KEY, passphraseSecret: GPG_PASSPHRASE });
  const secret = ctx.config.release?.['gpg-key'];
  const armored = secret ? ctx.env[secret] : undefined;
  if (!secret || !armored) return undefined;
  const passphraseSecret = ctx.config.release?.['gpg-passphrase'];
  return repositorySigner(armored, passphraseSecret ? ctx.env[passphraseSecret] : undefined, { keySecret: secret, ...(passphraseSecret ? { passphraseSecret } : {}) });
}

export const MISSING_KEY = `${GPG_KEY} is not set (nor the secret of release.gpg-key): the repository indexes must be signed; store your armored private key (gpg --armor --export-secret-keys KEYID) as that secret`;
