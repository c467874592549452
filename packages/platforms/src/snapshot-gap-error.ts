/**
 * A package that cannot be made offline although a real run would make it (an image on a base
 * that lives in a registry): a gap of the rehearsal, reported as such, not as a failure.
 */
export class SnapshotGapError extends Error {
  override name = 'SnapshotGapError';
}
