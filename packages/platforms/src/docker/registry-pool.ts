import type { PlatformContext } from '../platform.js';
import type { ImageReference } from './image-reference.js';
import { credentialsFor } from './registry-auth.js';
import { RegistryClient } from './registry-client.js';

/** One client per registry endpoint for a run, so tokens are fetched once and mounts can be planned. */
export class RegistryPool {
  private readonly clients = new Map<string, RegistryClient>();

  constructor(private readonly ctx: PlatformContext) {}

  clientFor(ref: ImageReference): RegistryClient {
    let client = this.clients.get(ref.endpoint);
    if (!client) {
      client = new RegistryClient(ref.registry, ref.endpoint, credentialsFor(ref.registry, this.ctx.env), this.ctx.signal);
      this.clients.set(ref.endpoint, client);
    }
    return client;
  }

  /** Requests that changed a registry, over all clients: the "zero writes on a re-run" evidence. */
  get writes(): number {
    let n = 0;
    for (const c of this.clients.values()) n += c.writes;
    return n;
  }
}
