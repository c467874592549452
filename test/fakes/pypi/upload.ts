import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { readMultipart, type MultipartForm } from './multipart-stream.js';
import type { PypiFakeState } from './state.js';
import { metadataHeader, readWheelMetadata } from './wheel-contents.js';

export const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** Warehouse puts its message in the reason phrase and repeats it in the body. */
export function fail(res: ServerResponse, status: number, message: string): void {
  res.statusMessage = message.replace(/[^\x20-\x7e]/g, '?');
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${status} ${message}\n`);
}

async function hashes(path: string): Promise<{ md5: string; blake2b256: string }> {
  const md5 = createHash('md5');
  const blake = createHash('blake2b512');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    md5.update(chunk);
    blake.update(chunk);
  }
  // PyPI's blake2_256 is BLAKE2b with a 32-byte digest; Node has only the 64-byte variant, and
  // this value is only echoed in messages, so its first half stands in for it.
  return { md5: md5.digest('hex'), blake2b256: blake.digest('hex').slice(0, 64) };
}

export interface UploadOptions {
  token: string;
  dataDir: string;
  onAccepted: () => void;
  /** A fault for this request: answer `status` before storing, or after storing (a lost answer). */
  fault?: { status: number; afterStore: boolean };
}

/**
 * `POST /legacy/` the way Warehouse answers it: 403 for a bad credential, 400 for a bad form, a
 * digest that does not match, a file name that does not fit the project, or a file name that was
 * ever used before (deleted or not); 200 otherwise.
 */
export async function handleUpload(state: PypiFakeState, options: UploadOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const auth = req.headers.authorization ?? '';
  const decoded = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : '';
  const sep = decoded.indexOf(':');
  const [user, password] = sep === -1 ? ['', ''] : [decoded.slice(0, sep), decoded.slice(sep + 1)];
  if (user !== '__token__' || password !== options.token) {
    req.resume();
    await new Promise((resolve) => req.once('end', resolve));
    return fail(res, 403, 'Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth for more information.');
  }
  if (options.fault && !options.fault.afterStore) {
    req.resume();
    await new Promise((resolve) => req.once('end', resolve));
    return fail(res, options.fault.status, 'Injected fault');
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] ?? '');
  if (!boundary) return fail(res, 400, 'Invalid request: expected multipart/form-data');
  const incoming = join(options.dataDir, 'incoming');
  await mkdir(incoming, { recursive: true });
  let form: MultipartForm;
  try {
    form = await readMultipart(req as AsyncIterable<Buffer>, boundary[1] ?? boundary[2]!, incoming);
  } catch (error) {
    return fail(res, 400, `Invalid request: ${(error as Error).message}`);
  }
  const content = form.files.find((f) => f.field === 'content');
  const cleanup = async () => Promise.all(form.files.map((f) => rm(f.path, { force: true })));
  const field = (name: string) => form.fields.get(name)?.[0];
  const reject = async (message: string) => {
    await cleanup();
    fail(res, 400, message);
  };

  if (field(':action') !== 'file_upload') return reject(`Invalid value for :action. Error: expected file_upload`);
  if (field('protocol_version') !== '1') return reject('Unknown protocol version.');
  for (const required of ['name', 'version', 'filetype', 'pyversion', 'metadata_version']) {
    if (!field(required)) return reject(`Invalid value for ${required}. Error: This field is required.`);
  }
  if (!content) return reject('Upload payload does not have a file.');
  const project = normalize(field('name')!);
  const version = field('version')!;
  const filename = content.filename;
  const expected = field('sha256_digest');
  if (!expected || expected.toLowerCase() !== content.sha256) {
    return reject('The digest supplied does not match a digest calculated from the uploaded file.');
  }
  const prefix = `${project.replace(/-/g, '_')}-${version}-`;
  if (!filename.toLowerCase().startsWith(prefix) || !filename.endsWith('.whl')) {
    return reject(`Start filename for '${project}' with '${prefix}'.`);
  }
  const existing = state.files.get(filename);
  if (existing) {
    await cleanup();
    return existing.deleted
      ? fail(res, 400, 'This filename has already been used, use a different version. See https://pypi.org/help/#file-name-reuse for more information.')
      : fail(res, 400, `File already exists ('${filename}', with blake2_256 hash '${existing.blake2b256}'). See https://pypi.org/help/#file-name-reuse for more information.`);
  }
  try {
    const metadata = await readWheelMetadata(content.path);
    const name = metadataHeader(metadata, 'Name');
    const metaVersion = metadataHeader(metadata, 'Version');
    if (!name || normalize(name) !== project || metaVersion !== version) {
      return reject(`The wheel's METADATA (${name} ${metaVersion}) does not match the form (${field('name')} ${version}).`);
    }
  } catch (error) {
    return reject(`Invalid distribution file. ${(error as Error).message}`);
  }
  const stored = join(options.dataDir, 'files', filename);
  await mkdir(join(options.dataDir, 'files'), { recursive: true });
  await rename(content.path, stored);
  const metadata: Record<string, string> = {};
  for (const [k, v] of form.fields) if (v[0] !== undefined) metadata[k] = v[0];
  state.files.set(filename, {
    project, version, filename, path: stored, size: content.size, sha256: content.sha256,
    ...(await hashes(stored)),
    uploadTime: new Date().toISOString(), metadata, deleted: false,
  });
  options.onAccepted();
  if (options.fault) return fail(res, options.fault.status, 'Injected fault after storing the file');
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('OK\n');
}
