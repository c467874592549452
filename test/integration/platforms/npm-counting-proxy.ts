import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the registry saw it: method and path, nothing else (no headers: they hold the token). */
export interface SeenRequest {
  method: string;
  path: string;
}

export interface CountingProxy {
  /** `http://127.0.0.1:<port>/`: point the spoke's `registry` here. */
  url: string;
  seen: SeenRequest[];
  /** Requests that can change the registry (anything but GET/HEAD). */
  writes(): SeenRequest[];
  close(): Promise<void>;
}

/**
 * A pass-through proxy on 127.0.0.1 in front of verdaccio that records every request, so a test
 * can say "the second run made zero writes" by counting at the server's door rather than by
 * trusting the spoke's own report. The Host header is forwarded unchanged, so the tarball URLs
 * verdaccio writes into packuments point back at the proxy.
 */
export async function startCountingProxy(upstream: string): Promise<CountingProxy> {
  const target = new URL(upstream);
  if (target.hostname !== '127.0.0.1') throw new Error(`the proxy only forwards to 127.0.0.1, not ${upstream}`);
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? 'GET', path: req.url ?? '/' });
    const forward = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `proxy: ${error.message}` }));
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    seen,
    writes: () => seen.filter((r) => r.method !== 'GET' && r.method !== 'HEAD'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
