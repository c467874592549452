import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The worst server a client can meet: every request it does not pass on is answered 500 with the
 * request's method, URL, every header (Authorization included) and the start of its body in the
 * message, the way some registries and proxies echo a request back in an error. Any credential a
 * spoke sends comes back inside an error it must not print.
 */
export interface EchoServer {
  url: string;
  host: string;
  /** Requests it echoed (method and path only: the headers hold the canaries). */
  echoed: string[];
  /** How many echoed requests carried credentials (an Authorization header, or user:pass in the URL). */
  withCredentials(): number;
  close(): Promise<void>;
}

function echo(req: IncomingMessage, body: Buffer): string {
  const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`).join('\n');
  return `echo of your request: ${req.method} ${req.url}\n${headers}\n\n${body.subarray(0, 4096).toString('utf8')}`;
}

/**
 * `passReadsTo`: forward GET/HEAD to this 127.0.0.1 base (so a release can be read) and echo only
 * writes; without it, every request is echoed.
 */
export async function startEchoServer(options: { passReadsTo?: string } = {}): Promise<EchoServer> {
  const echoed: string[] = [];
  let credentialed = 0;
  const upstream = options.passReadsTo ? new URL(options.passReadsTo) : undefined;
  if (upstream && upstream.hostname !== '127.0.0.1') throw new Error('the echo server only forwards to 127.0.0.1');
  const server: Server = createServer((req, res) => {
    if (upstream && (req.method === 'GET' || req.method === 'HEAD')) {
      const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
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
      echoed.push(`${req.method} ${req.url}`);
      if (req.headers.authorization || req.headers['x-nuget-apikey']) credentialed += 1;
      const text = echo(req, Buffer.concat(chunks));
      // JSON for API clients (GitHub-shaped `message`, npm-shaped `error`), readable as text too.
      res.writeHead(500, { 'content-type': 'application/json', 'www-authenticate': `Basic realm="${req.headers.authorization ?? ''}"` });
      res.end(JSON.stringify({ message: text, error: text, errors: [{ code: 'ECHO', message: text }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    echoed,
    withCredentials: () => credentialed,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
