import { createReadStream, createWriteStream } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A registry answer that is not what we asked for. `status` 0 means no answer at all (network). */
export class NpmRegistryError extends Error {
  override readonly name = 'NpmRegistryError';
  constructor(
    message: string,
    readonly status: number,
    readonly body = '',
  ) {
    super(message);
  }
}

/** Where to talk and with what: the token goes in a header, never in a URL, argv or file. */
export interface RegistryEndpoint {
  /** Ends with `/`. */
  registry: string;
  token?: string;
  /** Env name of the token, for messages. */
  tokenName?: string;
  signal?: AbortSignal;
}

/** The packument's shape as far as we read it. */
export interface Packument {
  name?: string;
  versions?: Record<string, { dist?: { integrity?: string; shasum?: string; tarball?: string } } | undefined>;
  time?: Record<string, string | undefined>;
  'dist-tags'?: Record<string, string | undefined>;
  _rev?: string;
}

/** `@scope/name` travels as `@scope%2fname` in registry paths, exactly as npm sends it (lower-case f). */
export function escapedName(name: string): string {
  return name.startsWith('@') ? name.replace('/', '%2f') : name;
}

const TIMEOUT_MS = 120_000;

interface Answer {
  status: number;
  body: string;
}

function send(
  endpoint: RegistryEndpoint,
  method: string,
  url: URL,
  headers: Record<string, string | number>,
  body?: Readable,
  sink?: (response: IncomingMessage) => Promise<void>,
): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const sameOrigin = url.origin === new URL(endpoint.registry).origin;
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method,
      headers: {
        'user-agent': 'deployforge (npm spoke)',
        // The token only ever goes to the configured registry, not to a tarball host it redirects to.
        ...(endpoint.token && sameOrigin ? { authorization: `Bearer ${endpoint.token}` } : {}),
        ...headers,
      },
      timeout: TIMEOUT_MS,
      ...(endpoint.signal ? { signal: endpoint.signal } : {}),
    });
    const where = `${method} ${url.href}`;
    request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000}s`)));
    request.on('error', (error) => reject(new NpmRegistryError(`${where}: ${error.message}`, 0)));
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (sink && status >= 200 && status < 300) {
        sink(response).then(() => resolve({ status, body: '' }), (error: unknown) => reject(new NpmRegistryError(`${where}: ${String(error)}`, 0)));
        return;
      }
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        // Error bodies are small; cap what we keep so a proxy's HTML page cannot flood a message.
        if (text.length < 100_000) text += chunk;
      });
      response.on('end', () => resolve({ status, body: text }));
      response.on('error', (error) => reject(new NpmRegistryError(`${where}: ${error.message}`, 0)));
    });
    if (body) {
      body.on('error', (error) => request.destroy(error));
      body.pipe(request);
    } else {
      request.end();
    }
  });
}

/** The registry's own words from an error body (`{"error": …}` or `{"message": …}`), else the raw text. */
export function registryMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown; reason?: unknown };
    const said = [parsed.error, parsed.reason, parsed.message].find((v) => typeof v === 'string' && v !== '');
    if (typeof said === 'string') return said;
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return body.trim().slice(0, 500);
}

function failure(endpoint: RegistryEndpoint, what: string, answer: Answer): NpmRegistryError {
  const said = registryMessage(answer.body);
  const credential = endpoint.tokenName ?? 'the token';
  const hint =
    answer.status === 401 ? (endpoint.token ? `: the registry did not accept ${credential}; check that it is valid and not expired` : `: the registry needs a token; set ${credential}`)
    : answer.status === 403 ? `: ${credential} may not publish this package`
    : '';
  return new NpmRegistryError(`${what} answered HTTP ${answer.status}${said ? ` (${said})` : ''}${hint}`, answer.status, answer.body);
}

/** GET the full packument; undefined when the package does not exist (404). */
export async function getPackument(endpoint: RegistryEndpoint, name: string): Promise<Packument | undefined> {
  const url = new URL(escapedName(name), endpoint.registry);
  // The full document, not the abbreviated one: only it has `time`, which tells "burned" apart.
  const answer = await send(endpoint, 'GET', url, { accept: 'application/json' });
  if (answer.status === 404) return undefined;
  if (answer.status !== 200) throw failure(endpoint, `GET ${url.href}`, answer);
  try {
    return JSON.parse(answer.body) as Packument;
  } catch {
    throw new NpmRegistryError(`GET ${url.href} answered something that is not JSON`, answer.status, answer.body);
  }
}

/**
 * The file as base64, streamed in chunks whose length is a multiple of 3 bytes so that the pieces
 * concatenate to exactly the base64 of the whole file.
 */
async function* base64Of(path: string): AsyncGenerator<Buffer> {
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 3 << 18 }) as AsyncIterable<Buffer>) {
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const whole = data.length - (data.length % 3);
    carry = Buffer.from(data.subarray(whole));
    if (whole) yield Buffer.from(data.subarray(0, whole).toString('base64'));
  }
  if (carry.length) yield Buffer.from(carry.toString('base64'));
}

const PLACEHOLDER = '\u0000deployforge-tarball\u0000';

/**
 * PUT a new version the way `npm publish` does: the packument fragment with the version, the
 * dist-tag and the tarball as a base64 attachment. The body is streamed (JSON head, the file as
 * base64, JSON tail) so a large binary never sits in memory twice.
 */
export async function putVersion(endpoint: RegistryEndpoint, name: string, document: Record<string, unknown>, attachment: { key: string; path: string; size: number }): Promise<void> {
  const root = {
    ...document,
    _attachments: { [attachment.key]: { content_type: 'application/octet-stream', data: PLACEHOLDER, length: attachment.size } },
  };
  const text = JSON.stringify(root);
  const marker = JSON.stringify(PLACEHOLDER);
  const at = text.indexOf(marker);
  const head = Buffer.from(`${text.slice(0, at)}"`);
  const tail = Buffer.from(`"${text.slice(at + marker.length)}`);
  const length = head.length + 4 * Math.ceil(attachment.size / 3) + tail.length;
  const body = Readable.from((async function* () {
    yield head;
    yield* base64Of(attachment.path);
    yield tail;
  })());
  const url = new URL(escapedName(name), endpoint.registry);
  const answer = await send(endpoint, 'PUT', url, { 'content-type': 'application/json', 'content-length': length, 'npm-command': 'publish' }, body);
  if (answer.status < 200 || answer.status >= 300) throw failure(endpoint, `PUT ${url.href}`, answer);
}

/** Point a dist-tag at a version (`npm dist-tag add`). */
export async function putDistTag(endpoint: RegistryEndpoint, name: string, tag: string, version: string): Promise<void> {
  const url = new URL(`-/package/${escapedName(name)}/dist-tags/${encodeURIComponent(tag)}`, endpoint.registry);
  const payload = Buffer.from(JSON.stringify(version));
  const answer = await send(endpoint, 'PUT', url, { 'content-type': 'application/json', 'content-length': payload.length }, Readable.from([payload]));
  if (answer.status < 200 || answer.status >= 300) throw failure(endpoint, `PUT ${url.href}`, answer);
}

/** Download a published tarball to disk (streamed), to compare its contents with ours. */
export async function downloadTarball(endpoint: RegistryEndpoint, tarballUrl: string, destination: string): Promise<void> {
  const url = new URL(tarballUrl, endpoint.registry);
  const answer = await send(endpoint, 'GET', url, { accept: 'application/octet-stream' }, undefined, (response) =>
    pipeline(response, createWriteStream(destination)),
  );
  if (answer.status < 200 || answer.status >= 300) throw failure(endpoint, `GET ${url.href}`, answer);
}
