import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A GitHub API (and any registry) behind a broken proxy: requests under `/<status>/all/…` are all
 * answered with that status, and under `/<status>/reads/…` reads are passed to a real GitHub fake
 * while writes get the status. Every answer it makes itself echoes the request, the way proxies,
 * misconfigured GitHub Enterprise servers and some 4xx/5xx pages do: the request line and every
 * header in the GitHub-shaped `message`, the headers again as JSON (`"authorization":"token X"`), and
 * the credential re-encoded the ways a proxy may pass it on: `Basic base64(x-access-token:X)` and
 * URL-encoded in a query string. A client that prints any part of such an error leaks its token.
 */
export interface StatusEchoServer {
  /** `http://127.0.0.1:PORT/<status>/<mode>`: a base for GITHUB_API_URL, GITHUB_SERVER_URL and registries. */
  base(status: number, mode: 'all' | 'reads'): string;
  /** Echoed answers per status, and how many of them carried a credential (so they really held one). */
  echoed(status: number): { total: number; withCredentials: number };
  close(): Promise<void>;
}

export const ECHO_STATUSES = [401, 403, 404, 422, 500, 502] as const;

/** The credential part of an Authorization-like header, without its scheme. */
function credentialOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? req.headers['x-nuget-apikey'];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const [scheme, rest] = value.split(/\s+/, 2);
  if (rest === undefined) return value;
  // A proxy that decodes Basic credentials echoes the token itself, re-encoded below.
  return /^basic$/i.test(scheme ?? '') ? Buffer.from(rest, 'base64').toString('utf8').replace(/^[^:]*:/, '') : rest;
}

function echoBody(status: number, req: IncomingMessage, body: Buffer): string {
  const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`).join('\n');
  const credential = credentialOf(req);
  const reencoded = credential
    ? `\nforwarded as: proxy-authorization: Basic ${Buffer.from(`x-access-token:${credential}`).toString('base64')}\nretry: ${req.url}?access_token=${encodeURIComponent(credential)}`
    : '';
  const text = `${status} from the proxy, echo of your request: ${req.method} ${req.url}\n${headers}${reencoded}\n\n${body.subarray(0, 2048).toString('utf8')}`;
  return JSON.stringify({
    message: text,
    documentation_url: 'https://docs.github.com/rest',
    // GitHub's 422 shape; other clients read `error` (npm) or the raw text.
    errors: [{ resource: 'Release', code: 'custom', message: `request headers: ${JSON.stringify(req.headers)}` }],
    error: text,
    request: { method: req.method, url: req.url, headers: req.headers },
  });
}

export async function startStatusEchoServer(options: { githubFake: string }): Promise<StatusEchoServer> {
  const upstream = new URL(options.githubFake);
  if (upstream.hostname !== '127.0.0.1') throw new Error('the echo server only forwards to 127.0.0.1');
  const counts = new Map<number, { total: number; withCredentials: number }>();
  const server: Server = createServer((req, res) => {
    const route = /^\/(\d{3})\/(all|reads)(\/.*)?$/.exec(req.url ?? '');
    if (!route) {
      res.writeHead(400).end('expected /<status>/<all|reads>/…');
      return;
    }
    const status = Number(route[1]);
    const path = route[3] ?? '/';
    if (route[2] === 'reads' && (req.method === 'GET' || req.method === 'HEAD')) {
      const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers: { ...req.headers, host: upstream.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => res.writeHead(502).end());
      req.pipe(forward);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const count = counts.get(status) ?? { total: 0, withCredentials: 0 };
      count.total += 1;
      if (credentialOf(req)) count.withCredentials += 1;
      counts.set(status, count);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        ...(status === 401 ? { 'www-authenticate': `Basic realm="echo", error="${req.headers.authorization ?? ''}"` } : {}),
      });
      res.end(echoBody(status, req, Buffer.concat(chunks)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: (status, mode) => `http://127.0.0.1:${port}/${status}/${mode}`,
    echoed: (status) => counts.get(status) ?? { total: 0, withCredentials: 0 },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
