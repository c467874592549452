import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

/** One request the proxy saw, for asserting what a client sent. */
export interface ProxiedRequest {
  method: string;
  path: string;
  status: number;
}

export interface RegistryProxyOptions {
  /** `host:port` of the real registry behind (the Debian docker-registry). */
  upstream: string;
  /**
   * `none`: pass through. `bearer`: Docker token auth (401 + WWW-Authenticate Bearer realm=/token, a
   * token for valid basic credentials), as Docker Hub and GHCR do. `basic`: plain basic auth.
   */
  auth?: 'none' | 'bearer' | 'basic';
  username?: string;
  password?: string;
}

export interface RegistryProxy {
  /** `127.0.0.1:PORT`: use it as the registry part of image references. */
  host: string;
  requests: ProxiedRequest[];
  /** Requests that change the registry: POST, PUT, PATCH, DELETE under /v2/. */
  writes(): ProxiedRequest[];
  tokenRequests: { scopes: string[]; ok: boolean }[];
  close(): Promise<void>;
}

/** The scope a request needs, the way distribution words it in its challenges. */
function scopeOf(method: string, path: string): string | undefined {
  const m = /^\/v2\/(.+?)\/(?:manifests|blobs|tags)\//.exec(path);
  if (!m) return undefined;
  return `repository:${m[1]}:${method === 'GET' || method === 'HEAD' ? 'pull' : 'pull,push'}`;
}

/**
 * A counting, optionally authenticating proxy in front of the real registry: the registry has no
 * access log and no token service, so this is where tests count writes and exercise the Bearer flow.
 * Everything else (storage, digests, media types, mounts) is the real registry's doing.
 */
export async function startRegistryProxy(options: RegistryProxyOptions): Promise<RegistryProxy> {
  const auth = options.auth ?? 'none';
  const tokens = new Map<string, string[]>();
  const requests: ProxiedRequest[] = [];
  const tokenRequests: { scopes: string[]; ok: boolean }[] = [];
  const [upHost, upPort] = options.upstream.split(':');
  let self = '';

  const validBasic = (header: string | undefined): boolean => {
    if (!header?.startsWith('Basic ')) return false;
    const [user, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    return user === options.username && rest.join(':') === options.password;
  };

  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', `http://${self}`);
    const method = req.method ?? 'GET';
    const record = (status: number) => requests.push({ method, path: `${url.pathname}${url.search}`, status });

    if (url.pathname === '/token') {
      const scopes = url.searchParams.getAll('scope');
      const ok = validBasic(req.headers.authorization);
      tokenRequests.push({ scopes, ok });
      if (!ok) return reply(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'incorrect username or password' }] });
      const token = randomBytes(16).toString('hex');
      tokens.set(token, scopes);
      return reply(res, 200, { token, expires_in: 300 });
    }

    const needed = scopeOf(method, url.pathname);
    if (auth === 'basic' && !validBasic(req.headers.authorization)) {
      record(401);
      req.resume();
      return reply(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }, { 'WWW-Authenticate': 'Basic realm="test-registry"' });
    }
    if (auth === 'bearer') {
      const header = req.headers.authorization ?? '';
      const granted = header.startsWith('Bearer ') ? tokens.get(header.slice(7)) : undefined;
      const allowed = granted !== undefined && (needed === undefined || granted.some((g) => g === needed || (needed.endsWith(':pull') && g === needed.replace(/:pull$/, ':pull,push'))));
      if (!allowed) {
        record(401);
        req.resume();
        const scope = needed ? `,scope="${needed}"` : '';
        return reply(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }, {
          'WWW-Authenticate': `Bearer realm="http://${self}/token",service="test-registry"${scope}`,
        });
      }
    }

    const headers = { ...req.headers };
    delete headers.authorization;
    const upstream = request({ host: upHost, port: Number(upPort), method, path: `${url.pathname}${url.search}`, headers }, (up) => {
      record(up.statusCode ?? 0);
      const out = { ...up.headers };
      // The registry builds upload Locations from the Host header (ours): they already point here.
      res.writeHead(up.statusCode ?? 502, out);
      up.pipe(res);
    });
    upstream.once('error', (error) => {
      record(502);
      reply(res, 502, { errors: [{ code: 'UPSTREAM', message: error.message }] });
    });
    req.pipe(upstream);
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host: self,
    requests,
    writes: () => requests.filter((r) => r.path.startsWith('/v2/') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method)),
    tokenRequests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
