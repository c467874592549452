import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';

/** Read size of an upload. Large reads: fewer syscalls, hash calls and socket writes per GiB. */
export const UPLOAD_CHUNK_BYTES = 1 << 20;

/** A file that could not be read to the end; the upload cannot succeed and must not be retried as is. */
export class FileBodyError extends Error {
  override readonly name = 'FileBodyError';
}

/**
 * Write `size` bytes of the file at `path` into `sink` (a request with that Content-Length), hash
 * them on the way, and end it. Returns the hex SHA-256 of the bytes sent.
 *
 * Two buffers, reused for the whole file: one is read into while the other is being written, and a
 * buffer is read into again only once its write has completed (the write callback), so memory stays
 * at two chunks and the garbage collector sees no allocation per chunk. A read stream piped into the
 * request allocated a new chunk per read, about 1,000 per GiB, which the heap let pile up before
 * collecting them (peak RSS).
 */
export async function sendFileBody(path: string, size: number, sink: Writable): Promise<string> {
  const hash = createHash('sha256');
  const file = await open(path, 'r').catch((error: Error) => {
    throw new FileBodyError(error.message);
  });
  try {
    const buffers = [Buffer.allocUnsafe(UPLOAD_CHUNK_BYTES), Buffer.allocUnsafe(UPLOAD_CHUNK_BYTES)];
    let written: Promise<void> = Promise.resolve();
    let position = 0;
    for (let i = 0; position < size; i ^= 1) {
      const buffer = buffers[i]!;
      const { bytesRead } = await file.read(buffer, 0, Math.min(buffer.length, size - position), position).catch((error: Error) => {
        throw new FileBodyError(error.message);
      });
      if (bytesRead === 0) throw new FileBodyError(`the file ended after ${position} of ${size} bytes (changed while releasing?)`);
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      position += bytesRead;
      // The other buffer's write: once it is done, that buffer is free for the next read.
      await written;
      written = writeChunk(sink, chunk);
      // Awaited on the next turn or after the loop; until then a failure must not count as unhandled.
      written.catch(() => {});
    }
    await written;
    sink.end();
    return hash.digest('hex');
  } finally {
    await file.close();
  }
}

/** Resolves when `chunk` has been handed to the socket; rejects when the request dies first. */
function writeChunk(sink: Writable, chunk: Buffer): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (sink.destroyed) {
      reject(new Error('request closed'));
      return;
    }
    // A request destroyed (an early answer, a reset, an abort) may never call back a queued write.
    const onClose = (): void => reject(new Error('request closed'));
    sink.once('close', onClose);
    sink.write(chunk, (error) => {
      sink.off('close', onClose);
      if (error) reject(error);
      else resolve();
    });
  });
}
