// A tiny HTTP proxy that holds every request for a fixed delay before passing it on, so a local server
// answers like a distant one (a registry one round trip of `delayMs` away). Everything else is passed
// through untouched, bodies streamed both ways, including the Host header: servers that build URLs
// from it (verdaccio's tarballs, the registry's upload Locations) then point back through the proxy.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LatencyProxy {
  /** `127.0.0.1:PORT` of the proxy. */
  host: string;
  /** Requests passed on so far. */
  requests: number;
  close(): Promise<void>;
}

export async function startLatencyProxy(options: { upstream: string; delayMs: number }): Promise<LatencyProxy> {
  const [upHost, upPort] = options.upstream.split(':') as [string, string];
  const proxy = { host: '', requests: 0 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Pause the body until the delay is over: a client sending a large body sees the same wait.
    req.pause();
    setTimeout(() => {
      proxy.requests++;
      const upstream = request({ host: upHost, port: Number(upPort), method: req.method, path: req.url, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.statusMessage, up.headers);
        up.pipe(res);
      });
      upstream.once('error', (error) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`latency proxy: ${options.upstream}: ${error.message}`);
      });
      req.pipe(upstream);
      req.resume();
    }, options.delayMs);
  });
  // Long transfers (git packs, blobs) must not be cut by Node's default request timeout.
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get host() {
      return proxy.host;
    },
    get requests() {
      return proxy.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * One proxy per upstream `host:port`, shared by every URL on it, so `via(url)` can be called for each
 * configured endpoint without thinking about which ones share a server.
 */
export function latencyProxies(delayMs: number): { via(url: string): Promise<string>; all(): LatencyProxy[]; close(): Promise<void> } {
  const proxies = new Map<string, Promise<LatencyProxy>>();
  const proxyFor = (upstream: string): Promise<LatencyProxy> => {
    let p = proxies.get(upstream);
    if (!p) {
      p = startLatencyProxy({ upstream, delayMs });
      proxies.set(upstream, p);
    }
    return p;
  };
  const settled: LatencyProxy[] = [];
  return {
    /** The same URL (or bare `host:port`) with its host and port replaced by the proxy's. */
    async via(url: string): Promise<string> {
      const bare = !url.includes('://');
      const parsed = new URL(bare ? `http://${url}` : url);
      if (parsed.hostname !== '127.0.0.1') throw new Error(`only loopback servers are proxied: ${url}`);
      const proxy = await proxyFor(parsed.host);
      if (!settled.includes(proxy)) settled.push(proxy);
      if (bare) return proxy.host;
      return url.replace(parsed.host, proxy.host);
    },
    all: () => [...settled],
    close: async () => {
      await Promise.all(settled.map((p) => p.close()));
    },
  };
}
