import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { saysAlreadyPublished, saysTokenRefused } from './already-published.js';
import { cargoEnv, cargoError, registryArgs, runCargo } from './cargo-command.js';
import { checkCrates, crateUrl } from './check.js';
import { assertManifestMatches } from './crate-manifest.js';
import { cratesSettings, CRATES_IO, registryEnvName } from './crates-settings.js';
import { cratesToken } from './trusted-publishing.js';

/**
 * `cargo publish` in the crate's folder, the token in the environment. Cargo builds the packaged
 * crate first (the verification that catches a crate that only builds inside the workspace) and
 * waits until the index shows the new version. "Already exists" in either wording sends us back to
 * the index: identical → skipped, otherwise a clear failure.
 */
export async function publishCrates(ctx: PlatformContext, _files: RenderedFile[]): Promise<PublishResult> {
  const settings = cratesSettings(ctx);
  await assertManifestMatches(settings);
  const token = await cratesToken(ctx, settings);
  const url = crateUrl(settings);
  const result = await runCargo(['publish', '--allow-dirty', ...registryArgs(settings)], {
    cwd: settings.dir, env: cargoEnv(ctx, settings, token), ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  const output = `${result.stderr}\n${result.stdout}`;
  if (result.code === 0) {
    return { status: 'published', url, detail: `cargo publish uploaded ${settings.name} ${settings.version} to ${settings.registry}` };
  }
  if (saysAlreadyPublished(output)) {
    const now = await checkCrates({ ...ctx, dryRun: false });
    if (now.state === 'identical') return { status: 'skipped', url, detail: `${settings.name} ${settings.version} was already published with the same content (${now.detail})` };
    return {
      status: 'failed', url,
      detail: `${settings.registry} already has ${settings.name} ${settings.version} (${cargoError(result)}); ${now.state}: ${now.detail ?? ''}; release a new version`,
    };
  }
  if (saysTokenRefused(output)) {
    const name = settings.registry === CRATES_IO ? 'CARGO_REGISTRY_TOKEN' : `${registryEnvName(settings.registry, 'TOKEN')} (or CARGO_REGISTRY_TOKEN)`;
    return { status: 'failed', detail: `${settings.registry} refused the token: check that ${name} is valid and has the publish-update scope for ${settings.name}: ${cargoError(result)}` };
  }
  return { status: 'failed', detail: `cargo publish failed: ${cargoError(result)}` };
}
