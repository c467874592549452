import { PackageURL } from 'packageurl-js';

/** A digest as CycloneDX names its algorithms, `content` in lowercase hex. */
export interface PackageHash {
  alg: 'SHA-256' | 'SHA-512';
  content: string;
}

/** One package a lockfile pins: enough to write a purl and, where the lockfile has one, a hash. */
export interface LockedPackage {
  /** The purl type: the ecosystem the name belongs to. */
  type: 'cargo' | 'golang' | 'npm';
  namespace?: string;
  name: string;
  /** Absent for a Go main module, whose version is the release itself. */
  version?: string;
  hashes: PackageHash[];
}

/** The package's purl (`pkg:cargo/serde@1.0.203`), also used as its unique `bom-ref`. */
export function packageUrl(pkg: LockedPackage): string {
  return new PackageURL(pkg.type, pkg.namespace ?? undefined, pkg.name, pkg.version ?? undefined, undefined, undefined).toString();
}

/** One entry per purl, sorted, so the same lockfile always gives the same list. */
export function uniquePackages(packages: readonly LockedPackage[]): LockedPackage[] {
  const byPurl = new Map<string, LockedPackage>();
  for (const pkg of packages) if (!byPurl.has(packageUrl(pkg))) byPurl.set(packageUrl(pkg), pkg);
  return [...byPurl.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, pkg]) => pkg);
}
