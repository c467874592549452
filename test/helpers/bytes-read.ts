import { readFileSync } from 'node:fs';

/**
 * Bytes this process has read so far, files, pipes and sockets alike (/proc/self/io's rchar: every
 * byte read() returned, page cache included, and those of reaped children). Linux only. The
 * difference across a call counts what it read, whatever code made the reads.
 */
export function bytesRead(): number {
  const rchar = /^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
  if (!rchar) throw new Error('/proc/self/io has no rchar line');
  return Number(rchar[1]);
}
