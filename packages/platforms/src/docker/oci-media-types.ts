/** Media types of the OCI image spec and their Docker (schema 2) twins, which registries still serve. */
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

/**
 * Sent on every manifest request. Distribution answers 404 MANIFEST_UNKNOWN for an OCI index when the
 * Accept header does not name the OCI types (TESTING.md), which would make a published image look absent.
 */
export const MANIFEST_ACCEPT = [OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST].join(', ');

export const isIndexType = (mediaType: string | undefined): boolean =>
  mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;

/**
 * A Docker gzip layer holds exactly the bytes of an OCI gzip layer; base layers are re-described with
 * the OCI type so the manifest we write uses one vocabulary.
 */
export function ociLayerType(mediaType: string): string {
  return mediaType === DOCKER_LAYER_GZIP ? OCI_LAYER_GZIP : mediaType;
}
