import { ConfigurationError } from '@deployforge/diagnostics';

/** Where an image lives: the registry's API endpoint and the repository path inside it. */
export interface ImageReference {
  /** As written in the config, for messages. */
  text: string;
  /** The registry host as users name it (`docker.io`, `ghcr.io`, `127.0.0.1:5000`). */
  registry: string;
  /** Base URL of the Distribution API, without `/v2`: `https://registry-1.docker.io`. */
  endpoint: string;
  /** Repository path: `acme/shimmy`, `library/alpine`. */
  repository: string;
  /** Tag or digest, when the reference had one (base images). */
  tag?: string;
  digest?: string;
}

const DOCKER_HUB = 'docker.io';

/** Loopback only: anything else gets TLS, because credentials travel with every request. */
function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

/**
 * Parse `registry/namespace/name[:tag][@sha256:…]` the way docker does: the first component is a
 * registry only when it looks like a host (has a dot or a port, or is `localhost`); otherwise the image
 * is on Docker Hub, whose API lives at registry-1.docker.io and whose one-part names are `library/…`.
 */
export function parseImageReference(text: string, what = 'platforms.docker.images'): ImageReference {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
      throw ConfigurationError.forInput(what, `${text}: the digest must be sha256:<64 hex digits>`);
    }
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  const first = parts[0] ?? '';
  const hasRegistry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : DOCKER_HUB;
  let repository = (hasRegistry ? parts.slice(1) : parts).join('/');
  if (!repository) throw ConfigurationError.forInput(what, `${text} names no repository`);
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  const host = registry === DOCKER_HUB || registry === 'index.docker.io' ? 'registry-1.docker.io' : registry;
  const endpoint = `${isLoopback(host) ? 'http' : 'https'}://${host}`;
  return { text, registry, endpoint, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/**
 * The repository as attestation and signing tools name it, fully qualified and without a tag:
 * `ghcr.io/acme/tool`, `127.0.0.1:5000/it/tool`; Docker Hub as `index.docker.io/acme/tool`, the
 * form actions/attest-build-provenance documents for it (docker and cosign accept it too).
 */
export function qualifiedRepository(ref: ImageReference): string {
  const registry = ref.registry === DOCKER_HUB ? 'index.docker.io' : ref.registry;
  return `${registry}/${ref.repository}`;
}
