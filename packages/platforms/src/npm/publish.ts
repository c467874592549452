import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { comparePublished } from './compare-published.js';
import { publishWithNpmCli, usesTrustedPublishing } from './npm-cli-publish.js';
import { npmToken, packagePageUrl, registryEndpoint, resolveNpmSettings, type NpmFlavor, type NpmSettings } from './npm-settings.js';
import { mapBounded, packNpmPackages, PACK_CONCURRENCY, type PackedPackage } from './pack-packages.js';
import { planNpmPackages } from './package-plan.js';
import { getPackument, NpmRegistryError, putVersion, type RegistryEndpoint } from './registry-client.js';

/** The registries' wordings for "this version exists": npmjs (E403), verdaccio (409), GitHub Packages. */
const DUPLICATE = /cannot publish over|previously published|already present|already exists|cannot modify pre-existing version/i;

export function isDuplicateVersionError(error: unknown): boolean {
  return error instanceof NpmRegistryError && (error.status === 403 || error.status === 409) && DUPLICATE.test(`${error.message} ${error.body}`);
}

/** The request body `npm publish` sends for one version (libnpmpublish's shape), minus the attachment. */
export function publishDocument(settings: NpmSettings, packed: PackedPackage, version: string): Record<string, unknown> {
  const name = packed.name;
  const tarballName = `${name}-${version}.tgz`;
  return {
    _id: name,
    name,
    ...(typeof packed.manifest.description === 'string' ? { description: packed.manifest.description } : {}),
    'dist-tags': { [settings.distTag]: version },
    versions: {
      [version]: {
        ...packed.manifest,
        _id: `${name}@${version}`,
        dist: {
          integrity: packed.tarball.integrity,
          shasum: packed.tarball.shasum,
          tarball: new URL(`${name}/-/${tarballName}`, settings.registry).href,
        },
      },
    },
    // GitHub Packages decides visibility from the repository; sending access there means nothing.
    ...(settings.flavor.id === 'npm' ? { access: settings.access } : {}),
  };
}

type Outcome = 'published' | 'already-there';

async function publishOne(ctx: PlatformContext, settings: NpmSettings, endpoint: RegistryEndpoint, packed: PackedPackage, cli: boolean): Promise<Outcome> {
  const version = ctx.version.version;
  // Look again right before writing: check ran earlier, and a concurrent run may have published.
  const before = await comparePublished(endpoint, await getPackument(endpoint, packed.name), version, packed);
  if (before.state === 'identical') return 'already-there';
  if (before.state !== 'absent') throw new Error(`${before.detail}; npm never allows replacing a version: release a new version`);
  try {
    if (cli) {
      await publishWithNpmCli(ctx, settings, packed.tarball.path);
    } else {
      await putVersion(endpoint, packed.name, publishDocument(settings, packed, version), {
        key: `${packed.name}-${version}.tgz`, path: packed.tarball.path, size: packed.tarball.size,
      });
    }
    ctx.log.info(`npm: published ${packed.name}@${version} (${packed.tarball.integrity.slice(0, 22)}…)`);
    return 'published';
  } catch (error) {
    if (!isDuplicateVersionError(error)) throw error;
    // Someone published between our look and our write: fine if it is the same content.
    const after = await comparePublished(endpoint, await getPackument(endpoint, packed.name), version, packed);
    if (after.state === 'identical') return 'already-there';
    throw new Error(`${packed.name}@${version} appeared on the registry with other content: ${after.detail}`);
  }
}

/**
 * Publish every per-target package (a few at a time), then the main package last, so the main
 * package never points at a package that is not there yet. Idempotent: each package is looked up
 * first, and a duplicate answer from the registry counts as done once the content is confirmed.
 */
export async function publishNpm(ctx: PlatformContext, flavor: NpmFlavor, files: RenderedFile[]): Promise<PublishResult> {
  const settings = resolveNpmSettings(ctx, flavor);
  const plan = planNpmPackages(ctx, settings);
  const token = npmToken(ctx, flavor);
  const cli = usesTrustedPublishing(ctx, settings, token !== undefined);
  if (!token && !cli) {
    const names = flavor.tokenNames.join(' or ');
    const oidc = flavor.oidc ? ', and no GitHub OIDC token either (give the job `id-token: write` for trusted publishing)' : '';
    return { status: 'failed', detail: `no credential: set ${names}${oidc}` };
  }
  if (token && settings.provenance && ctx.env.ACTIONS_ID_TOKEN_REQUEST_URL) {
    // A token wins over OIDC (it is what the user configured), and our own PUT carries no
    // provenance statement: say so rather than let provenance silently go missing.
    ctx.log.warning(`npm: publishing with ${token.name}, so without provenance; remove ${token.name} to use trusted publishing with provenance`);
  }
  const endpoint = registryEndpoint(ctx, settings);
  const packed = await packNpmPackages(ctx, plan, files);
  const main = packed[packed.length - 1]!;
  const targets = packed.slice(0, -1);

  const outcomes = await mapBounded(targets, PACK_CONCURRENCY, (p) => publishOne(ctx, settings, endpoint, p, cli));
  outcomes.push(await publishOne(ctx, settings, endpoint, main, cli));

  const published = outcomes.filter((o) => o === 'published').length;
  const url = packagePageUrl(settings, plan.main.name, ctx.version.version);
  const how = cli ? ` via npm trusted publishing${settings.provenance ? ' with provenance' : ''}` : '';
  return {
    status: published > 0 ? 'published' : 'skipped',
    url,
    detail: `${published} of ${outcomes.length} package(s) published to ${settings.registry} with dist-tag ${settings.distTag}${how}` +
      (published < outcomes.length ? `; ${outcomes.length - published} already there with identical content` : ''),
  };
}
