import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';

export const CORPUS_GITHUB_TOKEN = 'ghs_corpus_token_never_used_0123456789';

/**
 * Everything a release could contact, on 127.0.0.1, counting what reaches it: the GitHub fake for the
 * API, one HTTP trap that answers 503 to anything (registries, indexes, git remotes, the OCI
 * registry) and one TCP trap standing in for the AUR's ssh. Bad input must leave all three at zero.
 */
export interface CountingServers {
  gh: GitHubFake;
  /** `http://127.0.0.1:PORT` of the HTTP trap. */
  trapUrl: string;
  /** `127.0.0.1:PORT` of the HTTP trap (image references). */
  trapHost: string;
  sshPort: number;
  /** Every request or connection any of them saw, as `server METHOD path` lines. */
  seen(): string[];
  /** Forget what was seen, so each case starts from zero and a failure names its own requests. */
  clear(): void;
  close(): Promise<void>;
}

export async function startCountingServers(): Promise<CountingServers> {
  const gh = await startGitHubFake({ token: CORPUS_GITHUB_TOKEN, repos: ['acme/corpus'], printViolations: false });
  const trapSeen: string[] = [];
  const http: Server = createHttpServer((req, res) => {
    trapSeen.push(`trap ${req.method ?? '?'} ${req.url ?? ''}`);
    req.resume();
    res.writeHead(503, { 'content-type': 'text/plain' }).end('corpus trap: no request should reach this server');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const ssh: TcpServer = createTcpServer((socket) => {
    trapSeen.push('ssh connection');
    socket.destroy();
  });
  await new Promise<void>((resolve) => ssh.listen(0, '127.0.0.1', resolve));
  const httpPort = (http.address() as AddressInfo).port;
  return {
    gh,
    trapUrl: `http://127.0.0.1:${httpPort}`,
    trapHost: `127.0.0.1:${httpPort}`,
    sshPort: (ssh.address() as AddressInfo).port,
    seen: () => [...gh.requests.map((r) => `github ${r.method} ${r.path}`), ...trapSeen],
    clear() {
      gh.requests.length = 0;
      trapSeen.length = 0;
    },
    async close() {
      http.closeAllConnections();
      await Promise.all([gh.close(), new Promise<void>((r) => http.close(() => r())), new Promise<void>((r) => ssh.close(() => r()))]);
    },
  };
}

/** The environment of a run pointed at the counting servers, with a credential for every platform. */
export function corpusEnv(servers: CountingServers): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
  return {
    ...env,
    GITHUB_TOKEN: CORPUS_GITHUB_TOKEN,
    GITHUB_API_URL: servers.gh.url,
    GITHUB_SERVER_URL: servers.gh.url,
    GITHUB_REPOSITORY: 'acme/corpus',
    NPM_TOKEN: 'corpus-npm', PYPI_TOKEN: 'corpus-pypi', CARGO_REGISTRY_TOKEN: 'corpus-cargo', CHOCOLATEY_API_KEY: 'corpus-choco',
    DOCKER_USERNAME: 'corpus', DOCKER_PASSWORD: 'corpus-docker', HOMEBREW_TAP_TOKEN: 'corpus-brew', SCOOP_BUCKET_TOKEN: 'corpus-scoop',
    WINGET_TOKEN: 'corpus-winget', FLATHUB_TOKEN: 'corpus-flathub', HF_TOKEN: 'corpus-hf', NIX_REPO_TOKEN: 'corpus-nix',
    AUR_SSH_PRIVATE_KEY: 'corpus-aur', SNAPCRAFT_STORE_CREDENTIALS: 'corpus-snap', VSCE_PAT: 'corpus-vsce', OVSX_PAT: 'corpus-ovsx',
  };
}

/**
 * A valid config with every platform that has a remote pointed at the counting servers. Corpus cases
 * break one thing in it; whatever they break, nothing may be contacted.
 */
export function corpusConfig(servers: CountingServers): Record<string, unknown> {
  const trap = servers.trapUrl;
  return {
    project: { name: 'corpus-demo', description: 'A corpus fixture', homepage: 'https://example.test/', license: 'MIT', repository: 'acme/corpus', maintainer: 'Acme <dev@acme.test>' },
    version: { from: 'tag', 'tag-prefix': 'v' },
    build: { binary: 'corpus-demo', targets: ['linux-x64', 'windows-x64'], command: 'make', path: 'out/corpus-demo', files: ['README.md'] },
    release: { checksums: true, notes: 'none', attest: false, sbom: false },
    required: ['npm'],
    platforms: {
      npm: { package: 'corpus-demo', registry: `${trap}/npm/` },
      pypi: { package: 'corpus-demo', repository: `${trap}/legacy/`, index: `${trap}/pypi/` },
      crates: { package: 'corpus-demo', path: '.', registry: 'local', index: `sparse+${trap}/index/` },
      docker: { images: [`${servers.trapHost}/acme/corpus-demo`], base: 'scratch' },
      homebrew: { tap: `${trap}/acme/homebrew-tap.git`, formula: 'corpus-demo', branch: 'main' },
      scoop: { bucket: `${trap}/acme/scoop-bucket.git`, branch: 'main' },
      chocolatey: { package: 'corpus-demo', source: `${trap}/api/v2/package` },
      winget: { 'package-id': 'Acme.CorpusDemo', fork: 'acme/winget-pkgs' },
      aur: { package: 'corpus-demo-bin', remote: `ssh://aur@127.0.0.1:${servers.sshPort}/corpus-demo-bin.git` },
      huggingface: { space: 'acme/corpus-demo', remote: `${trap}/spaces/acme/corpus-demo` },
    },
  };
}
