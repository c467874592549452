import { xmlDecode } from './xml-text.js';

/** The properties of a NuGet v2 OData package entry that tell us what the feed holds. */
export interface FeedPackage {
  id?: string;
  version?: string;
  packageHash?: string;
  packageHashAlgorithm?: string;
  isApproved?: boolean;
  /** Chocolatey's moderation state: Submitted, Approved, Rejected, Exempted… */
  packageStatus?: string;
}

function property(entry: string, name: string): string | undefined {
  const m = new RegExp(`<d:${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</d:${name}>)`).exec(entry);
  if (!m) return undefined;
  if (/m:null="true"/.test(m[0])) return undefined;
  return xmlDecode(m[1] ?? '');
}

/** Splits an Atom feed into its entries (an entry document is a feed of one). */
export function atomEntries(xml: string): string[] {
  return [...xml.matchAll(/<entry[\s>][\s\S]*?<\/entry>/g)].map((m) => m[0]);
}

/** Reads one Atom `<entry>` of a v2 feed (the package id is the entry's title). */
export function parseFeedEntry(entry: string): FeedPackage {
  const title = /<title(?:\s[^>]*)?>([\s\S]*?)<\/title>/.exec(entry)?.[1];
  const approved = property(entry, 'IsApproved');
  const out: FeedPackage = {};
  const id = property(entry, 'Id') ?? (title !== undefined ? xmlDecode(title) : undefined);
  const version = property(entry, 'Version');
  const hash = property(entry, 'PackageHash');
  const algorithm = property(entry, 'PackageHashAlgorithm');
  const status = property(entry, 'PackageStatus');
  if (id !== undefined) out.id = id;
  if (version !== undefined) out.version = version;
  if (hash !== undefined) out.packageHash = hash;
  if (algorithm !== undefined) out.packageHashAlgorithm = algorithm;
  if (approved !== undefined) out.isApproved = approved.trim().toLowerCase() === 'true';
  if (status !== undefined) out.packageStatus = status;
  return out;
}

/** True when the feed says a person still has to approve this version (Chocolatey moderation). */
export function inModeration(p: FeedPackage): boolean {
  if (p.packageStatus && /^(?:submitted|waiting|pending|responded|ready|updated)/i.test(p.packageStatus)) return true;
  return p.isApproved === false && !/^(?:approved|exempted)$/i.test(p.packageStatus ?? '');
}
