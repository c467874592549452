import { createHash } from 'node:crypto';
import type { ChocolateyPackage } from './chocolatey-package.js';
import { xmlText } from './xml-text.js';

/**
 * A .nupkg is an OPC (Open Packaging Conventions) zip: NuGet 2 clients open it with
 * System.IO.Packaging, which refuses a zip without `[Content_Types].xml`, and find the nuspec and
 * the core properties through `_rels/.rels`. The relationship ids and the .psmdcp name are derived
 * from the package id and version, so the same release always gives the same bytes (and the same
 * PackageHash on the feed).
 */
export function opcParts(p: ChocolateyPackage, fileNames: readonly string[]): { path: string; contents: string }[] {
  const seed = createHash('sha256').update(`${p.id}\n${p.version}`).digest('hex');
  const psmdcp = `package/services/metadata/core-properties/${seed.slice(0, 32)}.psmdcp`;
  const extensions = [...new Set(fileNames.map((f) => f.split('.').pop()?.toLowerCase() ?? '').filter((e) => e && e !== 'rels' && e !== 'psmdcp'))].sort();
  const contentTypes = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />',
    '  <Default Extension="psmdcp" ContentType="application/vnd.openxmlformats-package.core-properties+xml" />',
    ...extensions.map((e) => `  <Default Extension="${e}" ContentType="application/octet" />`),
    '</Types>',
    '',
  ].join('\n');
  const rels = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
    `  <Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/${xmlText(p.id)}.nuspec" Id="R${seed.slice(32, 48).toUpperCase()}" />`,
    `  <Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="/${psmdcp}" Id="R${seed.slice(48, 64).toUpperCase()}" />`,
    '</Relationships>',
    '',
  ].join('\n');
  const core = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties">',
    `  <dc:creator>${xmlText(p.authors)}</dc:creator>`,
    `  <dc:description>${xmlText(p.description)}</dc:description>`,
    `  <dc:identifier>${xmlText(p.id)}</dc:identifier>`,
    `  <version>${xmlText(p.version)}</version>`,
    `  <keywords>${xmlText(p.tags)}</keywords>`,
    `  <dc:title>${xmlText(p.title)}</dc:title>`,
    '  <lastModifiedBy>DeployForge</lastModifiedBy>',
    '</coreProperties>',
    '',
  ].join('\n');
  return [
    { path: '[Content_Types].xml', contents: contentTypes },
    { path: '_rels/.rels', contents: rels },
    { path: psmdcp, contents: core },
  ];
}
