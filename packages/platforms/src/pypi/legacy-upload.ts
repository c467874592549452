import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { NetworkError, networkFailureReason } from '@deployforge/diagnostics';

export interface UploadForm {
  /** Text fields in order (`:action`, `protocol_version`, `name`, …); a repeated key repeats the field. */
  fields: readonly [string, string][];
  file: { path: string; filename: string; size: number };
}

export type UploadAnswer =
  | { kind: 'uploaded'; status: number }
  /** PyPI keeps every file name forever: `File already exists` or `filename has already been used`. */
  | { kind: 'exists'; status: number; message: string }
  | { kind: 'refused'; status: number; message: string };

const MAX_BODY = 64 * 1024;
const TIMEOUT_MS = 10 * 60_000;

const quote = (value: string) => value.replace(/[\r\n"]/g, (c) => encodeURIComponent(c));

/**
 * One `multipart/form-data` POST of the legacy upload API, as twine sends it. The wheel is piped
 * from disk into the socket with a precomputed Content-Length, so memory stays flat whatever the
 * binary's size (fetch would keep every sent chunk alive until the end, see DESIGN.md).
 */
export async function postLegacyUpload(url: string, auth: string, form: UploadForm, signal?: AbortSignal): Promise<UploadAnswer> {
  const boundary = `deployforge-${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    form.fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${quote(k)}"\r\n\r\n${v}\r\n`).join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="content"; filename="${quote(form.file.filename)}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise<UploadAnswer>((resolve, reject) => {
    const req = request(target, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + form.file.size + tail.length,
        authorization: `Basic ${Buffer.from(auth, 'utf8').toString('base64')}`,
        'user-agent': 'deployforge',
      },
      timeout: TIMEOUT_MS,
      ...(signal ? { signal } : {}),
    });
    let answered = false;
    req.once('timeout', () => req.destroy(new Error(`no answer from ${target.origin} within ${TIMEOUT_MS / 1000}s`)));
    // A server may answer (403, 400) before it has read the whole wheel and close the socket: the
    // write side then fails with EPIPE, but the answer is what matters.
    req.on('error', (error) => {
      if (answered) return;
      // Name the server: "connect ECONNREFUSED" alone does not say which upload URL was meant.
      const reason = signal?.aborted ? undefined : networkFailureReason(error);
      reject(reason === undefined ? error : new NetworkError(url, reason, 1, { cause: error }));
    });
    req.once('response', (res: IncomingMessage) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (body.length < MAX_BODY) body += chunk;
      });
      res.once('error', reject);
      res.once('end', () => resolve(classify(res.statusCode ?? 0, res.statusMessage ?? '', body)));
    });
    req.write(head);
    const file = createReadStream(form.file.path, { highWaterMark: 1 << 20 });
    file.once('error', (error) => req.destroy(error));
    file.on('end', () => req.end(tail));
    file.pipe(req, { end: false });
  });
}

function classify(status: number, reason: string, body: string): UploadAnswer {
  if (status >= 200 && status < 300) return { kind: 'uploaded', status };
  // Warehouse puts the message in the reason phrase and an HTML/text body; prefer the shorter one.
  const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  const message = (reason && reason !== 'Bad Request' && reason !== 'Forbidden' ? reason : text || reason).slice(0, 500);
  if (status === 400 && /File already exists|filename has already been used/i.test(`${reason} ${body}`)) {
    return { kind: 'exists', status, message };
  }
  return { kind: 'refused', status, message };
}
