import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError } from '@deployforge/diagnostics';
import { parse } from 'smol-toml';
import type { CratesSettings } from './crates-settings.js';

/**
 * The release version must be the one in Cargo.toml: cargo publishes what the manifest says, so a
 * mismatch would put another version on the registry than the one being released. Refused up
 * front, naming both values.
 */
export async function assertManifestMatches(settings: CratesSettings): Promise<void> {
  const file = join(settings.dir, 'Cargo.toml');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw ConfigurationError.forInput('platforms.crates.path', `no Cargo.toml in ${settings.dir}`);
  }
  const manifest = parse(text) as { package?: { name?: unknown; version?: unknown } };
  const name = manifest.package?.name;
  const version = manifest.package?.version;
  if (typeof name === 'string' && name !== settings.name) {
    throw ConfigurationError.forInput('platforms.crates.package', `${file} names the crate ${name}, not ${settings.name}`);
  }
  // `version.workspace = true` and similar are left to cargo to resolve.
  if (typeof version === 'string' && version !== settings.version) {
    throw ConfigurationError.forInput('version', `${file} says ${version}, but the release is ${settings.version}: bump Cargo.toml (or tag the version it has)`);
  }
}
