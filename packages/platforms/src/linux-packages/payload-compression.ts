import { gzipSync } from 'node:zlib';

/**
 * gzip level for package payloads (the binary): level 9 took 15-20 s per package for a 20 MB
 * binary on our 2-core machines and gains about 1%; 6 is zlib's own default and what gzip uses.
 * Node writes no name and no mtime into the gzip header, so the bytes depend on the input only.
 */
export const PAYLOAD_GZIP_LEVEL = 6;

export function gzipPayload(data: Uint8Array): Buffer {
  return gzipSync(data, { level: PAYLOAD_GZIP_LEVEL });
}
