import type { LockedPackage, PackageHash } from './locked-package.js';

interface LockEntry {
  name?: string;
  version?: string;
  integrity?: string;
  link?: boolean;
  dependencies?: Record<string, LockEntry>;
}

/** `sha512-<base64>` → SHA-512 hex; other SRI algorithms (sha1 in old locks) are not recorded. */
function integrityHash(integrity: string | undefined): PackageHash[] {
  const match = /^sha512-([A-Za-z0-9+/=]+)$/.exec(integrity?.split(/\s+/)[0] ?? '');
  return match ? [{ alg: 'SHA-512', content: Buffer.from(match[1]!, 'base64').toString('hex') }] : [];
}

function npmPackage(fullName: string, entry: LockEntry): LockedPackage {
  const scoped = fullName.startsWith('@') && fullName.includes('/');
  const cut = fullName.indexOf('/');
  return {
    type: 'npm',
    ...(scoped ? { namespace: fullName.slice(0, cut) } : {}),
    name: scoped ? fullName.slice(cut + 1) : fullName,
    version: entry.version!,
    hashes: integrityHash(entry.integrity),
  };
}

/**
 * The installed packages of a package-lock.json: `packages` (lockfile v2/v3: the key is the
 * install path, whose last `node_modules/` segment is the name) or the nested `dependencies` tree
 * of v1. The root project is the release itself and is left out; a workspace member is listed
 * once, from its own entry, not from the `node_modules/` link that points at it.
 */
export function parsePackageLock(text: string): LockedPackage[] {
  const lock = JSON.parse(text) as { packages?: Record<string, LockEntry>; dependencies?: Record<string, LockEntry> };
  if (lock.packages) {
    return Object.entries(lock.packages).flatMap(([path, entry]) => {
      const at = path.lastIndexOf('node_modules/');
      if (path === '' || entry.link || !entry.version) return [];
      // Outside node_modules: a workspace member, listed under its own name like a Cargo path crate.
      if (at < 0) return entry.name ? [npmPackage(entry.name, entry)] : [];
      return [npmPackage(entry.name ?? path.slice(at + 'node_modules/'.length), entry)];
    });
  }
  const walk = (deps: Record<string, LockEntry> | undefined): LockedPackage[] =>
    Object.entries(deps ?? {}).flatMap(([name, entry]) => [
      ...(entry.version && !entry.version.startsWith('file:') ? [npmPackage(name, entry)] : []),
      ...walk(entry.dependencies),
    ]);
  return walk(lock.dependencies);
}
