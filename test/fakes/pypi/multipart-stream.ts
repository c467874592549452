import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';

export interface MultipartFile {
  field: string;
  filename: string;
  /** Where the bytes were streamed to. */
  path: string;
  size: number;
  sha256: string;
}

export interface MultipartForm {
  /** Text fields; a repeated name keeps every value. */
  fields: Map<string, string[]>;
  files: MultipartFile[];
}

const MAX_TEXT = 1 << 20;

/**
 * A streaming `multipart/form-data` reader: text parts are collected, file parts are written to
 * `dir` as they arrive (hashed on the way), so an upload of any size costs constant memory, which
 * is what the upload side of the spoke is tested for.
 */
export async function readMultipart(body: AsyncIterable<Buffer>, boundary: string, dir: string): Promise<MultipartForm> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields = new Map<string, string[]>();
  const files: MultipartFile[] = [];
  // A leading CRLF makes the first boundary look like every other one.
  let buffer: Buffer = Buffer.from('\r\n');
  type State = 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done';
  // Widened on purpose: step() changes it behind TypeScript's back.
  let state = 'preamble' as State;
  let part: { name: string; filename?: string; text: Buffer[]; textSize: number; out?: WriteStream; hash?: ReturnType<typeof createHash>; size: number; path?: string } | undefined;

  const emit = async (data: Buffer) => {
    if (!part || data.length === 0) return;
    part.size += data.length;
    if (part.out) {
      part.hash!.update(data);
      if (!part.out.write(data)) await once(part.out, 'drain');
    } else {
      part.textSize += data.length;
      if (part.textSize > MAX_TEXT) throw new Error(`form field ${part.name} is larger than ${MAX_TEXT} bytes`);
      part.text.push(data);
    }
  };
  const finish = async () => {
    if (!part) return;
    if (part.out) {
      part.out.end();
      await once(part.out, 'close');
      files.push({ field: part.name, filename: part.filename ?? '', path: part.path!, size: part.size, sha256: part.hash!.digest('hex') });
    } else {
      const list = fields.get(part.name) ?? [];
      list.push(Buffer.concat(part.text).toString('utf8'));
      fields.set(part.name, list);
    }
    part = undefined;
  };

  const step = async (): Promise<boolean> => {
    switch (state) {
      case 'preamble':
      case 'body': {
        const at = buffer.indexOf(delimiter);
        if (at === -1) {
          // Keep enough bytes to recognise a delimiter split across chunks.
          const keep = delimiter.length - 1;
          if (state === 'body' && buffer.length > keep) {
            await emit(buffer.subarray(0, buffer.length - keep));
            buffer = buffer.subarray(buffer.length - keep);
          }
          return false;
        }
        if (state === 'body') await emit(buffer.subarray(0, at));
        await finish();
        buffer = buffer.subarray(at + delimiter.length);
        state = 'after-delimiter';
        return true;
      }
      case 'after-delimiter': {
        if (buffer.length < 2) return false;
        if (buffer.subarray(0, 2).toString() === '--') {
          state = 'done';
          return false;
        }
        if (buffer.subarray(0, 2).toString() !== '\r\n') throw new Error('malformed multipart body: no CRLF after a boundary');
        buffer = buffer.subarray(2);
        state = 'headers';
        return true;
      }
      case 'headers': {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) {
          if (buffer.length > 16_384) throw new Error('malformed multipart body: part headers too long');
          return false;
        }
        const headers = buffer.subarray(0, end).toString('utf8').split('\r\n');
        buffer = buffer.subarray(end + 4);
        const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
        const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
        if (name === undefined) throw new Error('malformed multipart body: a part without a name');
        const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
        part = { name, text: [], textSize: 0, size: 0 };
        if (filename !== undefined) {
          part.filename = decodeURIComponent(filename);
          part.path = join(dir, `part-${files.length}-${Date.now()}`);
          part.out = createWriteStream(part.path);
          part.hash = createHash('sha256');
        }
        state = 'body';
        return true;
      }
      case 'done':
        return false;
    }
  };

  for await (const chunk of body) {
    if (state === 'done') continue;
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    while (await step()) { /* keep consuming */ }
  }
  if (state !== 'done') {
    part?.out?.destroy();
    throw new Error('malformed multipart body: it ended before the closing boundary');
  }
  return { fields, files };
}
