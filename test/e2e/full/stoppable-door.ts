import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP forwarder on a fixed 127.0.0.1 port in front of a server that the test cannot stop itself
 * (verdaccio and the registry are shared with other tests). `stop()` makes the address refuse
 * connections, as a server that is down does, without editing the config (the crate packages
 * deployforge.yml, so an edited config is a different crate); `start()` reopens the same port.
 */
export interface StoppableDoor {
  /** `127.0.0.1:PORT` */
  host: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startStoppableDoor(upstreamHost: string): Promise<StoppableDoor> {
  const [targetHost, targetPort] = upstreamHost.split(':') as [string, string];
  if (targetHost !== '127.0.0.1') throw new Error(`the door only forwards to 127.0.0.1, not ${upstreamHost}`);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const listen = async (): Promise<void> => {
    const next = createServer((client) => {
      const upstream = connect({ host: targetHost, port: Number(targetPort) });
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.once('close', () => sockets.delete(s));
        s.on('error', () => { client.destroy(); upstream.destroy(); });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    port = (next.address() as { port: number }).port;
    server = next;
  };
  const stop = async (): Promise<void> => {
    const current = server;
    server = undefined;
    for (const s of sockets) s.destroy();
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  return {
    host: `127.0.0.1:${port}`,
    stop,
    start: async () => {
      if (!server) await listen();
    },
    close: stop,
  };
}
