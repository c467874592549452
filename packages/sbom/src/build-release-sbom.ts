import { createHash } from 'node:crypto';
import { Bom, Component, Property } from '@cyclonedx/cyclonedx-library/Models';
import { ComponentType, HashAlgorithm } from '@cyclonedx/cyclonedx-library/Enums';
import { Spec1dot6 } from '@cyclonedx/cyclonedx-library/Spec';
import { JsonSerializer, JSON as CdxJson } from '@cyclonedx/cyclonedx-library/Serialize';
import { packageUrl, uniquePackages, type LockedPackage } from './locked-package.js';

/** A release archive: the subject of the SBOM. */
export interface SbomSubject {
  name: string;
  /** Lowercase hex. */
  sha256: string;
}

export interface ReleaseSbomInput {
  projectName: string;
  version: string;
  /** `owner/repo`, for the `pkg:github` purl of the release. */
  repository?: string;
  /** The release tag, for that purl. */
  tag?: string;
  subjects: readonly SbomSubject[];
  packages: readonly LockedPackage[];
  /** The lockfile the packages come from, recorded as a property. */
  lockfile?: string;
}

/** The CycloneDX version written: 1.6, which the library serializes and validates. */
export const SBOM_SPEC_VERSION = '1.6';

/**
 * RFC 4122 version-5 UUID (SHA-1, URL namespace) of a name: the same content always gets the same
 * serial number, and different content a different one.
 */
function uuidV5(name: string): string {
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const bytes = createHash('sha1').update(namespace).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function serialize(bom: Bom): string {
  const serializer = new JsonSerializer(new CdxJson.Normalize.Factory(Spec1dot6));
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}

/**
 * The release's SBOM as CycloneDX JSON: the application, its archives as `file` components with
 * their SHA-256, and every package of the lockfile with its purl (and hash where the lockfile has
 * one). Byte-stable on purpose: no timestamp, no tool version, sorted lists and a serial number
 * derived from the content. The hub compares assets by digest, so a re-run must produce the very
 * same file or it would conflict with the one already on the release.
 */
export function buildReleaseSbom(input: ReleaseSbomInput): string {
  const bom = new Bom();
  const [owner, repo] = input.repository?.split('/') ?? [];
  const application = new Component(ComponentType.Application, input.projectName, {
    version: input.version,
    bomRef: `${input.projectName}@${input.version}`,
    ...(owner && repo && input.tag ? { purl: `pkg:github/${owner}/${repo}@${input.tag}` } : {}),
  });
  bom.metadata.component = application;
  // A tool entry without a version: a newer deployforge must not change the bytes of an old release's SBOM.
  bom.metadata.tools.components.add(new Component(ComponentType.Application, 'deployforge'));
  if (input.lockfile) bom.metadata.properties.add(new Property('deployforge:lockfile', input.lockfile));

  for (const subject of input.subjects) {
    const file = new Component(ComponentType.File, subject.name, {
      version: input.version,
      bomRef: `file:${subject.name}`,
    });
    file.hashes.set(HashAlgorithm['SHA-256'], subject.sha256);
    application.components.add(file);
  }
  for (const pkg of uniquePackages(input.packages)) {
    const purl = packageUrl(pkg);
    const component = new Component(ComponentType.Library, pkg.name, {
      ...(pkg.namespace ? { group: pkg.namespace } : {}),
      ...(pkg.version ? { version: pkg.version } : {}),
      bomRef: purl,
      purl,
    });
    for (const hash of pkg.hashes) component.hashes.set(HashAlgorithm[hash.alg], hash.content);
    bom.components.add(component);
  }

  bom.serialNumber = `urn:uuid:${uuidV5(serialize(bom))}`;
  return serialize(bom);
}
