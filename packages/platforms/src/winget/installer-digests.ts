import { parse } from 'yaml';

/**
 * `arch=SHA256` per installer of an installer manifest. winget lets shared fields sit at the root
 * (a root InstallerSha256 applies to every installer that has none), so both levels are read.
 */
export function installerDigests(manifestText: string): string[] {
  const doc = parse(manifestText) as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object') return [];
  const rootSha = typeof doc.InstallerSha256 === 'string' ? doc.InstallerSha256 : undefined;
  const installers = Array.isArray(doc.Installers) ? (doc.Installers as Record<string, unknown>[]) : [];
  return installers
    .map((i) => `${String(i.Architecture ?? '?')}=${String(i.InstallerSha256 ?? rootSha ?? '?').toUpperCase()}`)
    .sort();
}
