/** `<name>-<version>.cdx.json`: the release asset name of the SBOM (the status document keys on `.cdx.json`). */
export function sbomFileName(projectName: string, version: string): string {
  return `${projectName}-${version}.cdx.json`;
}

/** An SBOM the user built and put among the artifacts, which the hub uploads as it is. */
export function isSbomFile(name: string): boolean {
  return name.endsWith('.cdx.json') || name.endsWith('.spdx.json');
}

/**
 * Files of a release that describe the archives rather than being one (provenance bundles,
 * signatures, SBOMs): never subjects of the SBOM.
 */
export function isReleaseMetadataFile(name: string): boolean {
  return isSbomFile(name) || /\.(sigstore\.json|intoto\.jsonl|asc|sig)$/.test(name) || name === 'SHA256SUMS';
}
