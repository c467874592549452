import { parse } from 'smol-toml';
import type { LockedPackage } from './locked-package.js';

interface CargoLockPackage {
  name?: unknown;
  version?: unknown;
  source?: unknown;
  checksum?: unknown;
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Every `[[package]]` of a Cargo.lock (v1 to v4), workspace members included: they are compiled
 * into the binary too. `checksum` is the SHA-256 of the `.crate` file from the registry, so it is
 * recorded as the package's hash; path and git packages have none.
 */
export function parseCargoLock(text: string): LockedPackage[] {
  const lock = parse(text) as { package?: CargoLockPackage[] };
  return (lock.package ?? []).flatMap((p): LockedPackage[] => {
    if (typeof p.name !== 'string' || typeof p.version !== 'string') return [];
    const checksum = typeof p.checksum === 'string' && HEX64.test(p.checksum) ? p.checksum : undefined;
    return [{ type: 'cargo', name: p.name, version: p.version, hashes: checksum ? [{ alg: 'SHA-256', content: checksum }] : [] }];
  });
}
