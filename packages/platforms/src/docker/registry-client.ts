import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { basicHeader, parseChallenge, type Challenge, type RegistryCredential } from './registry-auth.js';

/** A request body that can be produced again, so a request can be retried after a 401 or a reset. */
export type Body = Buffer | { length: number; open: () => Readable };

export interface RegistryRequest {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** `/v2/…` on this registry, or an absolute URL it handed out (an upload Location). */
  path: string;
  /** The repository this request touches: decides the token scope. */
  repository: string;
  /** `pull` for reads, `pull,push` for writes. */
  actions: 'pull' | 'pull,push';
  /** More scopes for the token, e.g. `repository:other:pull` for a cross-repository mount. */
  extraScopes?: string[];
  headers?: Record<string, string>;
  body?: Body;
  /** Hand back the response unread (a blob to stream elsewhere); the caller must consume it. */
  stream?: boolean;
}

export interface RegistryResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** Set when `stream` was asked for. */
  stream?: IncomingMessage;
}

/** The registry refused our credentials, or we have none and it wants some. Worded for the user. */
export class RegistryAuthError extends Error {
  override readonly name = 'RegistryAuthError';
}

const RETRYABLE = new Set([502, 503, 504]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The `errors[].code: message` of a Distribution error body, or the start of whatever came back. */
export function describeRegistryError(res: RegistryResponse): string {
  const text = res.body.toString('utf8');
  try {
    const parsed = JSON.parse(text) as { errors?: { code?: string; message?: string }[] };
    if (Array.isArray(parsed.errors) && parsed.errors.length > 0) {
      return parsed.errors.map((e) => `${e.code ?? 'ERROR'}: ${e.message ?? ''}`.trim()).join('; ');
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  return `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
}

/**
 * A client for one registry's Distribution API (distribution-spec, Docker token auth). Node's http
 * module rather than fetch: blob uploads stream from disk, and fetch (undici) keeps every sent chunk
 * alive until the request ends (DESIGN.md, known traps).
 *
 * Auth follows the challenge the registry sends: Basic with the first accepted credential, or Bearer
 * tokens from the realm it names, cached per scope. Credentials are tried in order until one is
 * accepted, and never appear in messages (only their source names do).
 */
export class RegistryClient {
  private basic: string | undefined;
  private readonly tokens = new Map<string, string>();
  private credentialIndex = 0;
  /** Requests that change the registry (POST/PUT/PATCH/DELETE), for logs and tests. */
  writes = 0;

  constructor(
    readonly registry: string,
    readonly endpoint: string,
    private readonly credentials: readonly RegistryCredential[],
    private readonly signal?: AbortSignal,
  ) {}

  private scopeKey(req: RegistryRequest): string[] {
    return [`repository:${req.repository}:${req.actions}`, ...(req.extraScopes ?? [])];
  }

  private authorization(req: RegistryRequest): string | undefined {
    return this.tokens.get(this.scopeKey(req).join(' ')) ?? this.basic;
  }

  async request(req: RegistryRequest): Promise<RegistryResponse> {
    let res = await this.send(req, this.authorization(req));
    if (res.status !== 401) return res;
    // Answer the challenge, then once more with what it asked for. A second 401 means refused.
    res.stream?.resume();
    const challenge = parseChallenge(headerText(res.headers['www-authenticate']));
    while (true) {
      const auth = await this.login(req, challenge);
      res = await this.send(req, auth);
      if (res.status !== 401) return res;
      res.stream?.resume();
      if (!this.nextCredential()) {
        throw new RegistryAuthError(`${this.registry} refused ${this.credentialName()} for ${req.repository} (${describeRegistryError(res)})`);
      }
    }
  }

  private credential(): RegistryCredential | undefined {
    return this.credentials[this.credentialIndex];
  }

  private credentialName(): string {
    const c = this.credential();
    return c ? `the credentials from ${c.source}` : 'anonymous access (set DOCKER_USERNAME and DOCKER_PASSWORD)';
  }

  private nextCredential(): boolean {
    if (this.credentialIndex + 1 >= this.credentials.length) return false;
    this.credentialIndex++;
    this.basic = undefined;
    this.tokens.clear();
    return true;
  }

  private async login(req: RegistryRequest, challenge: Challenge | undefined): Promise<string | undefined> {
    if (challenge?.scheme === 'basic') {
      const c = this.credential();
      if (!c) throw new RegistryAuthError(`${this.registry} requires credentials for ${req.repository}: set DOCKER_USERNAME and DOCKER_PASSWORD`);
      this.basic = basicHeader(c);
      return this.basic;
    }
    if (challenge?.scheme !== 'bearer' || !challenge.params.realm) {
      throw new RegistryAuthError(`${this.registry} answered 401 for ${req.repository} without a usable WWW-Authenticate challenge`);
    }
    while (true) {
      const token = await this.fetchToken(req, challenge);
      if (token !== undefined) {
        this.tokens.set(this.scopeKey(req).join(' '), `Bearer ${token}`);
        return `Bearer ${token}`;
      }
      if (!this.nextCredential()) {
        throw new RegistryAuthError(`the token service of ${this.registry} refused ${this.credentialName()} for ${req.repository}`);
      }
    }
  }

  /** GET the realm with service and scopes (Docker token spec). undefined = credentials refused. */
  private async fetchToken(req: RegistryRequest, challenge: Challenge): Promise<string | undefined> {
    const url = new URL(challenge.params.realm ?? '');
    if (url.protocol !== 'https:' && !isLoopbackUrl(url)) {
      throw new RegistryAuthError(`${this.registry} sends credentials to a token service over plain http (${url.origin}); refusing`);
    }
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
    const scopes = new Set(this.scopeKey(req));
    if (challenge.params.scope) scopes.add(challenge.params.scope);
    for (const s of scopes) url.searchParams.append('scope', s);
    const c = this.credential();
    const res = await rawRequest(url, 'GET', { ...(c ? { Authorization: basicHeader(c) } : {}), Accept: 'application/json' }, undefined, false, this.signal);
    if (res.status === 401 || res.status === 403) return undefined;
    if (res.status !== 200) throw new Error(`token service ${url.origin}${url.pathname} answered ${describeRegistryError(res)}`);
    const parsed = JSON.parse(res.body.toString('utf8')) as { token?: string; access_token?: string };
    const token = parsed.token ?? parsed.access_token;
    if (!token) throw new Error(`token service ${url.origin}${url.pathname} returned no token`);
    return token;
  }

  private async send(req: RegistryRequest, authorization: string | undefined): Promise<RegistryResponse> {
    const url = new URL(req.path, this.endpoint);
    if (url.origin !== new URL(this.endpoint).origin) throw new Error(`${this.registry} sent us to another host (${url.origin}) for an upload; refusing to send credentials there`);
    const headers: Record<string, string> = { 'User-Agent': 'deployforge', ...req.headers };
    if (authorization) headers.Authorization = authorization;
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    for (let attempt = 1; ; attempt++) {
      try {
        if (write) this.writes++;
        const res = await rawRequest(url, req.method, headers, req.body, req.stream ?? false, this.signal);
        if (res.status >= 300 && res.status < 400 && res.headers.location && (req.method === 'GET' || req.method === 'HEAD')) {
          // Blob downloads redirect to storage (S3, a CDN); the token is for the registry only.
          res.stream?.resume();
          return await followRedirect(new URL(res.headers.location, url), req.method, req.headers ?? {}, req.stream ?? false, this.signal);
        }
        if (!RETRYABLE.has(res.status) || attempt >= 3) return res;
        res.stream?.resume();
      } catch (error) {
        if (attempt >= 3 || this.signal?.aborted) throw error;
      }
      await sleep(200 * 2 ** attempt);
    }
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isLoopbackUrl(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

async function followRedirect(url: URL, method: 'GET' | 'HEAD', headers: Record<string, string>, stream: boolean, signal?: AbortSignal): Promise<RegistryResponse> {
  for (let hops = 0; hops < 5; hops++) {
    const res = await rawRequest(url, method, { 'User-Agent': 'deployforge', ...headers }, undefined, stream, signal);
    if (res.status < 300 || res.status >= 400 || !res.headers.location) return res;
    res.stream?.resume();
    url = new URL(res.headers.location, url);
  }
  throw new Error(`too many redirects fetching ${url.origin}${url.pathname}`);
}

/** One HTTP exchange. A body is streamed with its Content-Length; the response is read whole unless `stream`. */
function rawRequest(url: URL, method: string, headers: Record<string, string>, body: Body | undefined, stream: boolean, signal?: AbortSignal): Promise<RegistryResponse> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const length = body === undefined ? 0 : body.length;
    const req = send(url, { method, headers: { ...headers, ...(body !== undefined || method === 'PUT' || method === 'POST' ? { 'Content-Length': String(length) } : {}) }, signal });
    req.once('error', reject);
    req.once('response', (res) => {
      if (stream && res.statusCode !== undefined && res.statusCode < 300) {
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.alloc(0), stream: res });
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('error', reject);
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    if (body === undefined) {
      req.end();
    } else if (Buffer.isBuffer(body)) {
      req.end(body);
    } else {
      const source = body.open();
      source.once('error', (error) => req.destroy(error));
      source.pipe(req);
    }
  });
}
