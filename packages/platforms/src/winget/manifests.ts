import { stringify } from 'yaml';
import { MANIFEST_VERSION, type WingetPackage } from './winget-package.js';

type Kind = 'version' | 'installer' | 'defaultLocale';

const SCHEMA: Record<Kind, string> = {
  version: `https://aka.ms/winget-manifest.version.${MANIFEST_VERSION}.schema.json`,
  installer: `https://aka.ms/winget-manifest.installer.${MANIFEST_VERSION}.schema.json`,
  defaultLocale: `https://aka.ms/winget-manifest.defaultLocale.${MANIFEST_VERSION}.schema.json`,
};

/** A manifest file as winget-pkgs keeps them: a generator comment, the schema header, then the YAML. */
function document(kind: Kind, body: Record<string, unknown>): string {
  // Sequences flush with their key, as wingetcreate and winget-pkgs write them.
  const yaml = stringify(body, { lineWidth: 0, indentSeq: false });
  return `# Created by DeployForge from the GitHub release\n# yaml-language-server: $schema=${SCHEMA[kind]}\n\n${yaml}`;
}

export function renderVersionManifest(p: WingetPackage): string {
  return document('version', {
    PackageIdentifier: p.identifier,
    PackageVersion: p.version,
    DefaultLocale: 'en-US',
    ManifestType: 'version',
    ManifestVersion: MANIFEST_VERSION,
  });
}

/**
 * The release's Windows zip holds the bare executable: winget unpacks it (`InstallerType: zip`) and
 * links the nested portable exe onto PATH under the binary's name.
 */
export function renderInstallerManifest(p: WingetPackage): string {
  return document('installer', {
    PackageIdentifier: p.identifier,
    PackageVersion: p.version,
    InstallerType: 'zip',
    NestedInstallerType: 'portable',
    NestedInstallerFiles: [{ RelativeFilePath: `${p.binary}.exe`, PortableCommandAlias: p.binary }],
    Installers: p.installers.map((i) => ({ Architecture: i.architecture, InstallerUrl: i.url, InstallerSha256: i.sha256 })),
    ManifestType: 'installer',
    ManifestVersion: MANIFEST_VERSION,
  });
}

export function renderLocaleManifest(p: WingetPackage): string {
  return document('defaultLocale', {
    PackageIdentifier: p.identifier,
    PackageVersion: p.version,
    PackageLocale: 'en-US',
    Publisher: p.publisher,
    ...(p.publisherUrl ? { PublisherUrl: p.publisherUrl } : {}),
    PackageName: p.name,
    ...(p.packageUrl ? { PackageUrl: p.packageUrl } : {}),
    License: p.license,
    ...(p.licenseUrl ? { LicenseUrl: p.licenseUrl } : {}),
    ShortDescription: p.shortDescription,
    ...(p.releaseNotesUrl ? { ReleaseNotesUrl: p.releaseNotesUrl } : {}),
    ManifestType: 'defaultLocale',
    ManifestVersion: MANIFEST_VERSION,
  });
}
