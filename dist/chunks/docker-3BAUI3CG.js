import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  So
} from "./chunk-DGOHO7Y2.js";
import {
  require_semver
} from "./chunk-M5OUCAEA.js";
import {
  binaryName,
  ociTargets
} from "./chunk-7MAI2M42.js";
import {
  ConfigurationError
} from "./chunk-GMIJ6JCU.js";
import {
  __toESM
} from "./chunk-EXBJN2G4.js";

// packages/platforms/src/docker/assemble-image.ts
import { mkdir as mkdir2 } from "node:fs/promises";
import { join as join3 } from "node:path";

// packages/platforms/src/docker/oci-media-types.ts
var OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
var OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
var DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
var DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
var DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
var MANIFEST_ACCEPT = [OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST].join(", ");
var isIndexType = (mediaType) => mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
function ociLayerType(mediaType) {
  return mediaType === DOCKER_LAYER_GZIP ? OCI_LAYER_GZIP : mediaType;
}

// packages/platforms/src/docker/registry-operations.ts
import { createReadStream } from "node:fs";

// packages/platforms/src/docker/registry-client.ts
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

// packages/platforms/src/docker/registry-auth.ts
function parseChallenge(header2) {
  if (!header2) return void 0;
  const match = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(header2);
  if (!match) return void 0;
  const params = {};
  const pattern = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*,?/g;
  for (const m of (match[2] ?? "").matchAll(pattern)) {
    const key = m[1];
    if (key) params[key.toLowerCase()] = m[2] !== void 0 ? m[2].replace(/\\(.)/g, "$1") : m[3] ?? "";
  }
  return { scheme: (match[1] ?? "").toLowerCase(), params };
}
function credentialsFor(registry, env) {
  const out = [];
  if (env.DOCKER_USERNAME && env.DOCKER_PASSWORD) {
    out.push({ username: env.DOCKER_USERNAME, password: env.DOCKER_PASSWORD, source: "DOCKER_USERNAME/DOCKER_PASSWORD" });
  }
  if (registry === "ghcr.io" && env.GITHUB_TOKEN) {
    out.push({ username: env.GITHUB_ACTOR || "x-access-token", password: env.GITHUB_TOKEN, source: "GITHUB_TOKEN" });
  }
  return out;
}
var basicHeader = (c) => `Basic ${Buffer.from(`${c.username}:${c.password}`, "utf8").toString("base64")}`;

// packages/platforms/src/docker/registry-client.ts
var RegistryAuthError = class extends Error {
  name = "RegistryAuthError";
};
var RETRYABLE = /* @__PURE__ */ new Set([502, 503, 504]);
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function describeRegistryError(res) {
  const text = res.body.toString("utf8");
  try {
    const parsed = JSON.parse(text);
    if (Array.isArray(parsed.errors) && parsed.errors.length > 0) {
      return parsed.errors.map((e) => `${e.code ?? "ERROR"}: ${e.message ?? ""}`.trim()).join("; ");
    }
  } catch {
  }
  return `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ""}`;
}
var RegistryClient = class {
  constructor(registry, endpoint, credentials, signal) {
    this.registry = registry;
    this.endpoint = endpoint;
    this.credentials = credentials;
    this.signal = signal;
  }
  registry;
  endpoint;
  credentials;
  signal;
  basic;
  tokens = /* @__PURE__ */ new Map();
  credentialIndex = 0;
  /** Requests that change the registry (POST/PUT/PATCH/DELETE), for logs and tests. */
  writes = 0;
  scopeKey(req) {
    return [`repository:${req.repository}:${req.actions}`, ...req.extraScopes ?? []];
  }
  authorization(req) {
    return this.tokens.get(this.scopeKey(req).join(" ")) ?? this.basic;
  }
  async request(req) {
    let res = await this.send(req, this.authorization(req));
    if (res.status !== 401) return res;
    res.stream?.resume();
    const challenge = parseChallenge(headerText(res.headers["www-authenticate"]));
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
  credential() {
    return this.credentials[this.credentialIndex];
  }
  credentialName() {
    const c = this.credential();
    return c ? `the credentials from ${c.source}` : "anonymous access (set DOCKER_USERNAME and DOCKER_PASSWORD)";
  }
  nextCredential() {
    if (this.credentialIndex + 1 >= this.credentials.length) return false;
    this.credentialIndex++;
    this.basic = void 0;
    this.tokens.clear();
    return true;
  }
  async login(req, challenge) {
    if (challenge?.scheme === "basic") {
      const c = this.credential();
      if (!c) throw new RegistryAuthError(`${this.registry} requires credentials for ${req.repository}: set DOCKER_USERNAME and DOCKER_PASSWORD`);
      this.basic = basicHeader(c);
      return this.basic;
    }
    if (challenge?.scheme !== "bearer" || !challenge.params.realm) {
      throw new RegistryAuthError(`${this.registry} answered 401 for ${req.repository} without a usable WWW-Authenticate challenge`);
    }
    while (true) {
      const token = await this.fetchToken(req, challenge);
      if (token !== void 0) {
        this.tokens.set(this.scopeKey(req).join(" "), `Bearer ${token}`);
        return `Bearer ${token}`;
      }
      if (!this.nextCredential()) {
        throw new RegistryAuthError(`the token service of ${this.registry} refused ${this.credentialName()} for ${req.repository}`);
      }
    }
  }
  /** GET the realm with service and scopes (Docker token spec). undefined = credentials refused. */
  async fetchToken(req, challenge) {
    const url = new URL(challenge.params.realm ?? "");
    if (url.protocol !== "https:" && !isLoopbackUrl(url)) {
      throw new RegistryAuthError(`${this.registry} sends credentials to a token service over plain http (${url.origin}); refusing`);
    }
    if (challenge.params.service) url.searchParams.set("service", challenge.params.service);
    const scopes = new Set(this.scopeKey(req));
    if (challenge.params.scope) scopes.add(challenge.params.scope);
    for (const s of scopes) url.searchParams.append("scope", s);
    const c = this.credential();
    const res = await rawRequest(url, "GET", { ...c ? { Authorization: basicHeader(c) } : {}, Accept: "application/json" }, void 0, false, this.signal);
    if (res.status === 401 || res.status === 403) return void 0;
    if (res.status !== 200) throw new Error(`token service ${url.origin}${url.pathname} answered ${describeRegistryError(res)}`);
    const parsed = JSON.parse(res.body.toString("utf8"));
    const token = parsed.token ?? parsed.access_token;
    if (!token) throw new Error(`token service ${url.origin}${url.pathname} returned no token`);
    return token;
  }
  async send(req, authorization) {
    const url = new URL(req.path, this.endpoint);
    if (url.origin !== new URL(this.endpoint).origin) throw new Error(`${this.registry} sent us to another host (${url.origin}) for an upload; refusing to send credentials there`);
    const headers = { "User-Agent": "deployforge", ...req.headers };
    if (authorization) headers.Authorization = authorization;
    const write = req.method !== "GET" && req.method !== "HEAD";
    for (let attempt = 1; ; attempt++) {
      try {
        if (write) this.writes++;
        const res = await rawRequest(url, req.method, headers, req.body, req.stream ?? false, this.signal);
        if (res.status >= 300 && res.status < 400 && res.headers.location && (req.method === "GET" || req.method === "HEAD")) {
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
};
function headerText(value) {
  return Array.isArray(value) ? value[0] : value;
}
function isLoopbackUrl(url) {
  return url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
}
async function followRedirect(url, method, headers, stream, signal) {
  for (let hops = 0; hops < 5; hops++) {
    const res = await rawRequest(url, method, { "User-Agent": "deployforge", ...headers }, void 0, stream, signal);
    if (res.status < 300 || res.status >= 400 || !res.headers.location) return res;
    res.stream?.resume();
    url = new URL(res.headers.location, url);
  }
  throw new Error(`too many redirects fetching ${url.origin}${url.pathname}`);
}
function rawRequest(url, method, headers, body, stream, signal) {
  return new Promise((resolve, reject) => {
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const length = body === void 0 ? 0 : body.length;
    const req = send(url, { method, headers: { ...headers, ...body !== void 0 || method === "PUT" || method === "POST" ? { "Content-Length": String(length) } : {} }, signal });
    req.once("error", reject);
    req.once("response", (res) => {
      if (stream && res.statusCode !== void 0 && res.statusCode < 300) {
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.alloc(0), stream: res });
        return;
      }
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.once("error", reject);
      res.once("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    if (body === void 0) {
      req.end();
    } else if (Buffer.isBuffer(body)) {
      req.end(body);
    } else {
      const source = body.open();
      source.once("error", (error) => req.destroy(error));
      source.pipe(req);
    }
  });
}

// packages/platforms/src/docker/registry-operations.ts
var failure = (what, res) => new Error(`${what}: ${describeRegistryError(res)}`);
function digestHeader(res) {
  const value = res.headers["docker-content-digest"];
  return Array.isArray(value) ? value[0] : value;
}
async function headManifest(client, repository, reference) {
  const res = await client.request({ method: "HEAD", path: `/v2/${repository}/manifests/${reference}`, repository, actions: "pull", headers: { Accept: MANIFEST_ACCEPT } });
  if (res.status === 404) return void 0;
  if (res.status !== 200) throw failure(`HEAD ${repository}:${reference}`, res);
  const digest = digestHeader(res);
  if (!digest) throw new Error(`HEAD ${repository}:${reference}: the registry sent no Docker-Content-Digest`);
  return { digest, mediaType: String(res.headers["content-type"] ?? "") };
}
async function getManifest(client, repository, reference) {
  const res = await client.request({ method: "GET", path: `/v2/${repository}/manifests/${reference}`, repository, actions: "pull", headers: { Accept: MANIFEST_ACCEPT } });
  if (res.status === 404) return void 0;
  if (res.status !== 200) throw failure(`GET ${repository}:${reference}`, res);
  const digest = digestHeader(res);
  return { bytes: res.body, mediaType: String(res.headers["content-type"] ?? "").split(";")[0] ?? "", ...digest ? { digest } : {} };
}
async function putManifest(client, repository, reference, mediaType, bytes) {
  const res = await client.request({ method: "PUT", path: `/v2/${repository}/manifests/${reference}`, repository, actions: "pull,push", headers: { "Content-Type": mediaType }, body: bytes });
  if (res.status !== 201 && res.status !== 200) throw failure(`PUT ${repository}:${reference}`, res);
}
async function blobExists(client, repository, digest) {
  const res = await client.request({ method: "HEAD", path: `/v2/${repository}/blobs/${digest}`, repository, actions: "pull,push" });
  if (res.status === 200) return true;
  if (res.status === 404) return false;
  throw failure(`HEAD blob ${digest} in ${repository}`, res);
}
async function getBlob(client, repository, digest) {
  const res = await client.request({ method: "GET", path: `/v2/${repository}/blobs/${digest}`, repository, actions: "pull", stream: true });
  if (res.status !== 200 || !res.stream) throw failure(`GET blob ${digest} from ${repository}`, res);
  return res.stream;
}
function location(res, what) {
  const value = res.headers.location;
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) throw new Error(`${what}: the registry sent no upload Location`);
  return text;
}
async function pushBlob(client, repository, blob, source, mountFrom) {
  if (await blobExists(client, repository, blob.digest)) return "exists";
  const what = `uploading ${blob.digest} to ${repository}`;
  const query = mountFrom && mountFrom !== repository ? `?mount=${encodeURIComponent(blob.digest)}&from=${encodeURIComponent(mountFrom)}` : "";
  const start = await client.request({
    method: "POST",
    path: `/v2/${repository}/blobs/uploads/${query}`,
    repository,
    actions: "pull,push",
    ...query && mountFrom ? { extraScopes: [`repository:${mountFrom}:pull`] } : {}
  });
  if (start.status === 201 && query) return "mounted";
  if (start.status !== 202) throw failure(what, start);
  const target = new URL(location(start, what), client.endpoint);
  target.searchParams.set("digest", blob.digest);
  let body;
  if (source.kind === "bytes") {
    body = source.bytes;
  } else if (source.kind === "file") {
    const path = source.path;
    body = { length: blob.size, open: () => createReadStream(path, { highWaterMark: 1 << 20 }) };
  } else {
    const stream = await source.open();
    let used = false;
    body = {
      length: blob.size,
      open: () => {
        if (used) throw new Error(`${what}: the copy from the base image's registry cannot be replayed`);
        used = true;
        return stream;
      }
    };
  }
  const done = await client.request({
    method: "PUT",
    path: target.href,
    repository,
    actions: "pull,push",
    headers: { "Content-Type": "application/octet-stream" },
    body
  });
  if (done.status !== 201) throw failure(what, done);
  return "uploaded";
}

// packages/platforms/src/docker/base-image.ts
function platformMatches(candidate, want) {
  if (!candidate || candidate.os !== want.os || candidate.architecture !== want.architecture) return false;
  return !want.variant || !candidate.variant || candidate.variant === want.variant;
}
async function readStream(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks);
}
async function fetchBaseLayers(client, base, platform) {
  const reference = base.digest ?? base.tag ?? "latest";
  const top = await getManifest(client, base.repository, reference);
  if (!top) throw new Error(`base image ${base.text} not found`);
  let manifest = JSON.parse(top.bytes.toString("utf8"));
  if (isIndexType(manifest.mediaType ?? top.mediaType)) {
    const entry = manifest.manifests?.find((m) => platformMatches(m.platform, platform));
    const name = `${platform.os}/${platform.architecture}${platform.variant ? `/${platform.variant}` : ""}`;
    if (!entry) throw new Error(`base image ${base.text} has no ${name} image`);
    const child = await getManifest(client, base.repository, entry.digest);
    if (!child) throw new Error(`base image ${base.text}: the ${name} manifest ${entry.digest} is missing`);
    manifest = JSON.parse(child.bytes.toString("utf8"));
  }
  if (!manifest.config || !manifest.layers) throw new Error(`base image ${base.text}: unsupported manifest (no config or layers)`);
  const configBytes = await readStream(await getBlob(client, base.repository, manifest.config.digest));
  const config = JSON.parse(configBytes.toString("utf8"));
  return {
    config: { config: config.config ?? {}, diffIds: config.rootfs?.diff_ids ?? [], history: config.history ?? [] },
    layers: manifest.layers.map((l) => ({ mediaType: ociLayerType(l.mediaType), digest: l.digest, size: l.size }))
  };
}

// packages/platforms/src/docker/extract-binary.ts
import { access, mkdir } from "node:fs/promises";
import { join } from "node:path";
async function extractBinary(archive, binary, dir) {
  await mkdir(dir, { recursive: true });
  const wanted = (path) => path.replace(/^\.\//, "") === binary;
  await So({ file: archive, cwd: dir, filter: (path) => wanted(path), strict: true, preservePaths: false });
  const out = join(dir, binary);
  try {
    await access(out);
  } catch {
    throw new Error(`${binary} is not at the root of ${archive}`);
  }
  return out;
}

// packages/platforms/src/docker/image-reference.ts
var DOCKER_HUB = "docker.io";
function isLoopback(host) {
  const name = host.replace(/:\d+$/, "");
  return name === "127.0.0.1" || name === "localhost" || name === "[::1]";
}
function parseImageReference(text, what = "platforms.docker.images") {
  let rest = text;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
      throw ConfigurationError.forInput(what, `${text}: the digest must be sha256:<64 hex digits>`);
    }
  }
  let tag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split("/");
  const first = parts[0] ?? "";
  const hasRegistry = parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost");
  const registry = hasRegistry ? first : DOCKER_HUB;
  let repository = (hasRegistry ? parts.slice(1) : parts).join("/");
  if (!repository) throw ConfigurationError.forInput(what, `${text} names no repository`);
  if (registry === DOCKER_HUB && !repository.includes("/")) repository = `library/${repository}`;
  const host = registry === DOCKER_HUB || registry === "index.docker.io" ? "registry-1.docker.io" : registry;
  const endpoint = `${isLoopback(host) ? "http" : "https"}://${host}`;
  return { text, registry, endpoint, repository, ...tag ? { tag } : {}, ...digest ? { digest } : {} };
}
function qualifiedRepository(ref) {
  const registry = ref.registry === DOCKER_HUB ? "index.docker.io" : ref.registry;
  return `${registry}/${ref.repository}`;
}

// packages/platforms/src/docker/layer-tar.ts
import { createHash } from "node:crypto";
import { createReadStream as createReadStream2, createWriteStream } from "node:fs";
import { rename, stat } from "node:fs/promises";
import { join as join2 } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
var BLOCK = 512;
function octal(value, width) {
  const text = value.toString(8);
  if (text.length > width - 1) throw new Error(`tar: ${value} does not fit in ${width - 1} octal digits`);
  return `${text.padStart(width - 1, "0")}\0`;
}
function header(name, size, mode, type) {
  const block = Buffer.alloc(BLOCK, 0);
  let prefix = "";
  let base = name;
  if (Buffer.byteLength(base) > 100) {
    const cut = name.lastIndexOf("/", name.length - 2);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
    if (cut < 0 || Buffer.byteLength(prefix) > 155 || Buffer.byteLength(base) > 100) throw new Error(`tar: path too long: ${name}`);
  }
  block.write(base, 0, 100, "utf8");
  block.write(octal(mode, 8), 100, "ascii");
  block.write(octal(0, 8), 108, "ascii");
  block.write(octal(0, 8), 116, "ascii");
  block.write(octal(size, 12), 124, "ascii");
  block.write(octal(0, 12), 136, "ascii");
  block.write("        ", 148, "ascii");
  block.write(type, 156, "ascii");
  block.write("ustar\0", 257, "ascii");
  block.write("00", 263, "ascii");
  block.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return block;
}
function directoriesOf(files) {
  const dirs = /* @__PURE__ */ new Set();
  for (const f of files) {
    const parts = f.path.replace(/^\/+/, "").split("/").slice(0, -1);
    for (let i = 1; i <= parts.length; i++) dirs.add(`${parts.slice(0, i).join("/")}/`);
  }
  return [...dirs].sort();
}
async function* tarStream(files) {
  for (const dir of directoriesOf(files)) yield header(dir, 0, 493, "5");
  const sorted = [...files].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  for (const f of sorted) {
    const { size } = await stat(f.source);
    yield header(f.path.replace(/^\/+/, ""), size, f.mode, "0");
    let written = 0;
    for await (const chunk of createReadStream2(f.source, { highWaterMark: 1 << 20 })) {
      written += chunk.length;
      yield chunk;
    }
    if (written !== size) throw new Error(`tar: ${f.source} changed size while being read`);
    const pad = (BLOCK - size % BLOCK) % BLOCK;
    if (pad) yield Buffer.alloc(pad, 0);
  }
  yield Buffer.alloc(BLOCK * 2, 0);
}
function hashing(hash, count) {
  return new Transform({
    transform(chunk, _encoding, done) {
      hash.update(chunk);
      if (count) count.bytes += chunk.length;
      done(null, chunk);
    }
  });
}
async function buildLayer(files, dir) {
  const raw = createHash("sha256");
  const compressed = createHash("sha256");
  const size = { bytes: 0 };
  const partial = join2(dir, `layer-${process.pid}-${Math.random().toString(36).slice(2)}.partial`);
  await pipeline(Readable.from(tarStream(files)), hashing(raw), createGzip({ level: 9 }), hashing(compressed, size), createWriteStream(partial));
  const digest = `sha256:${compressed.digest("hex")}`;
  const path = join2(dir, `${digest.slice("sha256:".length)}.tar.gz`);
  await rename(partial, path);
  return { mediaType: OCI_LAYER_GZIP, digest, size: size.bytes, diffId: `sha256:${raw.digest("hex")}`, path };
}

// packages/platforms/src/docker/oci-documents.ts
import { createHash as createHash2 } from "node:crypto";
var sha256Digest = (bytes) => `sha256:${createHash2("sha256").update(bytes).digest("hex")}`;
function toDocument(mediaType, value) {
  const bytes = Buffer.from(JSON.stringify(value), "utf8");
  return { mediaType, bytes, digest: sha256Digest(bytes) };
}
var describe = (doc, extra = {}) => ({
  mediaType: doc.mediaType,
  digest: doc.digest,
  size: doc.bytes.length,
  ...extra
});
function imageConfig(input) {
  const inherited = { ...input.base?.config ?? {} };
  delete inherited.Cmd;
  delete inherited.Entrypoint;
  const baseLabels = inherited.Labels ?? {};
  delete inherited.Labels;
  const labels = { ...baseLabels, ...input.labels };
  const config = {
    ...inherited.Env ? {} : { Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"] },
    ...inherited,
    Entrypoint: input.entrypoint,
    Labels: Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)))
  };
  const value = {
    created: input.created,
    architecture: input.platform.architecture,
    os: input.platform.os,
    ...input.platform.variant ? { variant: input.platform.variant } : {},
    config,
    rootfs: { type: "layers", diff_ids: [...input.base?.diffIds ?? [], input.diffId] },
    history: [
      ...input.base?.history ?? [],
      { created: input.created, created_by: `deployforge: COPY ${input.installPath}`, comment: "deployforge" }
    ]
  };
  return toDocument(OCI_CONFIG, value);
}
function imageManifest(config, layers, annotations) {
  return toDocument(OCI_MANIFEST, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: describe(config),
    layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
    annotations
  });
}
function imageIndex(manifests, annotations) {
  return toDocument(OCI_INDEX, {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: manifests.map((m) => describe(m.manifest, { platform: m.platform })),
    annotations
  });
}

// packages/platforms/src/docker/assemble-image.ts
async function assembleImage(ctx, plan, pool) {
  const base = plan.base === "scratch" ? void 0 : parseImageReference(plan.base, "platforms.docker.base");
  if (base && !base.digest) {
    ctx.log.warning(`docker: base ${plan.base} is not pinned by digest; when the tag moves, the image of this release changes and re-runs report "different"`);
  }
  const layersDir = join3(ctx.workDir, "docker", "layers");
  await mkdir2(layersDir, { recursive: true });
  const platforms = await Promise.all(
    plan.platforms.map(async (p) => {
      const archive = await ctx.fetchAsset(p.asset);
      const binary = await extractBinary(archive, p.binary, join3(ctx.workDir, "docker", "bin", p.target));
      const layer = await buildLayer([{ path: p.installPath, source: binary, mode: 493 }], layersDir);
      const baseLayers = base ? await fetchBaseLayers(pool.clientFor(base), base, p.platform) : void 0;
      const config = imageConfig({
        platform: p.platform,
        created: plan.created,
        entrypoint: plan.entrypoint,
        labels: plan.annotations,
        diffId: layer.diffId,
        installPath: p.installPath,
        ...baseLayers ? { base: baseLayers.config } : {}
      });
      const layers = [
        ...baseLayers && base ? baseLayers.layers.map((descriptor) => ({ descriptor, source: { kind: "base", image: base } })) : [],
        { descriptor: { mediaType: layer.mediaType, digest: layer.digest, size: layer.size }, source: { kind: "file", path: layer.path } }
      ];
      const manifest = imageManifest(config, layers.map((l) => l.descriptor), plan.annotations);
      return { target: p.target, platform: p.platform, config, manifest, layers };
    })
  );
  return { platforms, index: imageIndex(platforms, plan.annotations) };
}
var assembled = /* @__PURE__ */ new WeakMap();
function assembleOnce(ctx, plan, pool) {
  let image = assembled.get(ctx);
  if (!image) {
    image = assembleImage(ctx, plan, pool);
    assembled.set(ctx, image);
    image.catch(() => assembled.delete(ctx));
  }
  return image;
}

// packages/platforms/src/docker/image-tags.ts
var import_semver = __toESM(require_semver(), 1);
function versionTag(version) {
  return version.replace(/\+/g, "_");
}
function isFloatingTag(template) {
  return !template.includes("{version}") && !template.includes("{patch}");
}
function expandTags(templates, version) {
  const parsed = import_semver.default.parse(version.version);
  if (!parsed) throw new Error(`docker: ${version.version} is not a semver version`);
  const out = [];
  for (const template of templates) {
    const floating = isFloatingTag(template);
    if (version.prerelease && floating) continue;
    const tag = template.replaceAll("{version}", versionTag(version.version)).replaceAll("{major}", String(parsed.major)).replaceAll("{minor}", String(parsed.minor)).replaceAll("{patch}", String(parsed.patch));
    if (!out.some((t) => t.tag === tag)) out.push({ tag, floating });
  }
  const exact = versionTag(version.version);
  if (!out.some((t) => t.tag === exact)) out.unshift({ tag: exact, floating: false });
  return out;
}

// packages/platforms/src/docker/image-plan.ts
var INSTALL_DIR = "/usr/local/bin";
function createdAt(env) {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw !== void 0 && raw !== "") {
    if (!/^\d{1,12}$/.test(raw)) throw ConfigurationError.forInput("SOURCE_DATE_EPOCH", `expected seconds since 1970, got ${JSON.stringify(raw)}`);
    return new Date(Number(raw) * 1e3).toISOString().replace(".000Z", "Z");
  }
  return "1970-01-01T00:00:00Z";
}
function planImage(ctx) {
  const docker = ctx.config.platforms?.docker;
  if (!docker) throw ConfigurationError.forInput("platforms.docker", "the docker platform is not configured");
  const project = ctx.config.project;
  const binary = ctx.config.build?.binary ?? project.name;
  const built = ctx.assets.flatMap((a) => a.target ? [a.target] : []);
  const picked = ociTargets(built);
  if (picked.length === 0) {
    throw ConfigurationError.forInput("build.targets", `an image needs a Linux binary; the release has ${built.length ? built.join(", ") : "no archives"}`);
  }
  const platforms = picked.map((info) => {
    const asset = ctx.assets.find((a) => a.target === info.id);
    if (!asset || !info.oci) throw new Error(`docker: no release archive for ${info.id}`);
    const file = binaryName(binary, info.id);
    return { target: info.id, platform: info.oci, asset, binary: file, installPath: `${INSTALL_DIR}/${file}` };
  });
  const repository = project.repository ?? ctx.env.GITHUB_REPOSITORY;
  const annotations = {
    "org.opencontainers.image.created": createdAt(ctx.env),
    "org.opencontainers.image.title": project.name,
    "org.opencontainers.image.version": ctx.version.version,
    // The release tag, not GITHUB_SHA: a selective redeploy runs on another commit, and the image of a
    // release must not change with the commit the workflow happened to run on.
    "org.opencontainers.image.revision": ctx.version.tag
  };
  if (project.description) annotations["org.opencontainers.image.description"] = project.description;
  if (repository) annotations["org.opencontainers.image.source"] = `https://github.com/${repository}`;
  if (project.homepage) annotations["org.opencontainers.image.url"] = project.homepage;
  if (project.license) annotations["org.opencontainers.image.licenses"] = project.license;
  const first = platforms[0];
  return {
    images: docker.images.map((i) => parseImageReference(i)),
    tags: expandTags(docker.tags ?? ["{version}", "latest"], ctx.version),
    base: docker.base ?? "scratch",
    platforms,
    entrypoint: [first ? first.installPath : `${INSTALL_DIR}/${binary}`],
    annotations: Object.fromEntries(Object.entries(annotations).sort(([a], [b]) => a.localeCompare(b))),
    created: annotations["org.opencontainers.image.created"] ?? "1970-01-01T00:00:00Z"
  };
}

// packages/platforms/src/docker/image-url.ts
function imageUrl(ref, tag) {
  if (ref.registry === "docker.io") {
    const repo = ref.repository.startsWith("library/") ? `_/${ref.repository.slice("library/".length)}` : `r/${ref.repository}`;
    return `https://hub.docker.com/${repo}/tags?name=${encodeURIComponent(tag)}`;
  }
  return `${ref.endpoint}/v2/${ref.repository}/manifests/${tag}`;
}

// packages/platforms/src/docker/registry-pool.ts
var RegistryPool = class {
  constructor(ctx) {
    this.ctx = ctx;
  }
  ctx;
  clients = /* @__PURE__ */ new Map();
  clientFor(ref) {
    let client = this.clients.get(ref.endpoint);
    if (!client) {
      client = new RegistryClient(ref.registry, ref.endpoint, credentialsFor(ref.registry, this.ctx.env), this.ctx.signal);
      this.clients.set(ref.endpoint, client);
    }
    return client;
  }
  /** Requests that changed a registry, over all clients: the "zero writes on a re-run" evidence. */
  get writes() {
    let n = 0;
    for (const c of this.clients.values()) n += c.writes;
    return n;
  }
};

// packages/platforms/src/docker/floating-tags.ts
var import_semver2 = __toESM(require_semver(), 1);
var VERSION_ANNOTATION = "org.opencontainers.image.version";
async function versionAt(client, repository, tag) {
  const found = await getManifest(client, repository, tag);
  if (!found) return void 0;
  let version;
  try {
    const parsed = JSON.parse(found.bytes.toString("utf8"));
    version = parsed.annotations?.[VERSION_ANNOTATION];
  } catch {
  }
  return { ...version ? { version } : {}, ...found.digest ? { digest: found.digest } : {} };
}
async function heldByNewer(client, repository, tag, ours) {
  const holder = await versionAt(client, repository, tag);
  const theirs = holder?.version;
  if (!theirs || !import_semver2.default.valid(theirs) || !import_semver2.default.valid(ours)) return void 0;
  return import_semver2.default.gt(theirs, ours) ? theirs : void 0;
}

// packages/platforms/src/docker/tag-states.ts
async function tagStates(plan, image, pool, version) {
  const out = [];
  for (const ref of plan.images) {
    const client = pool.clientFor(ref);
    for (const { tag, floating } of plan.tags) {
      const remote = await headManifest(client, ref.repository, tag);
      const base = { image: ref, tag, floating };
      if (!remote) {
        out.push({ ...base, state: "missing" });
      } else if (remote.digest === image.index.digest) {
        out.push({ ...base, state: "ours", remote: remote.digest });
      } else if (!floating) {
        out.push({ ...base, state: "different", remote: remote.digest });
      } else {
        const holder = await heldByNewer(client, ref.repository, tag, version);
        out.push(holder ? { ...base, state: "newer", remote: remote.digest, holder } : { ...base, state: "stale", remote: remote.digest });
      }
    }
  }
  return out;
}
var tagName = (t) => `${t.image.text}:${t.tag}`;

// packages/platforms/src/docker/check.ts
async function checkDocker(ctx) {
  const plan = planImage(ctx);
  const pool = new RegistryPool(ctx);
  const image = await assembleOnce(ctx, plan, pool);
  const states = await tagStates(plan, image, pool, ctx.version.version);
  const first = plan.images[0];
  const url = first ? { url: imageUrl(first, versionTag(ctx.version.version)) } : {};
  const different = states.filter((s) => s.state === "different");
  if (different.length > 0) {
    return {
      state: "different",
      detail: `expected index ${image.index.digest}; ${different.map((s) => `${tagName(s)} is ${s.remote}`).join(", ")}`,
      ...url
    };
  }
  const todo = states.filter((s) => s.state === "missing" || s.state === "stale");
  if (todo.length === 0) {
    const newer = states.filter((s) => s.state === "newer");
    const note = newer.length ? `; left ${newer.map((s) => `${tagName(s)} on ${s.holder}`).join(", ")} (newer)` : "";
    return { state: "identical", detail: `every tag is index ${image.index.digest}${note}`, ...url };
  }
  const partial = todo.length < states.length ? ` (partial: ${states.length - todo.length} of ${states.length} tags already there)` : "";
  return { state: "absent", detail: `to push: ${todo.map(tagName).join(", ")}${partial}; index ${image.index.digest}` };
}

// packages/platforms/src/docker/bounded-all.ts
async function boundedAll(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// packages/platforms/src/docker/publish.ts
var BLOB_CONCURRENCY = 3;
function blobJobs(target, platform, pool, pushedOnRegistry) {
  const jobs = platform.layers.map(({ descriptor, source }) => {
    if (source.kind === "file") {
      return { descriptor, source: { kind: "file", path: source.path }, ...pushedOnRegistry ? { mountFrom: pushedOnRegistry } : {} };
    }
    const base = source.image;
    const sameRegistry = base.endpoint === target.endpoint;
    return {
      descriptor,
      source: { kind: "stream", open: () => getBlob(pool.clientFor(base), base.repository, descriptor.digest) },
      ...sameRegistry ? { mountFrom: base.repository } : pushedOnRegistry ? { mountFrom: pushedOnRegistry } : {}
    };
  });
  jobs.push({
    descriptor: { digest: platform.config.digest, size: platform.config.bytes.length },
    source: { kind: "bytes", bytes: platform.config.bytes },
    ...pushedOnRegistry ? { mountFrom: pushedOnRegistry } : {}
  });
  return jobs;
}
async function publishDocker(ctx) {
  const plan = planImage(ctx);
  const pool = new RegistryPool(ctx);
  const image = await assembleOnce(ctx, plan, pool);
  const counts = { exists: 0, mounted: 0, uploaded: 0 };
  const pushedTo = /* @__PURE__ */ new Map();
  const states = await tagStates(plan, image, pool, ctx.version.version);
  const refused = states.filter((s) => s.state === "different");
  if (refused.length > 0 && !ctx.force) {
    return { status: "failed", detail: `${refused.map((s) => `${tagName(s)} is ${s.remote}`).join(", ")}, not ${image.index.digest}; pass force to replace` };
  }
  for (const ref of plan.images) {
    const client = pool.clientFor(ref);
    const refStates = states.filter((s) => s.image === ref);
    const needsPush = refStates.filter((s) => s.state === "missing" || s.state === "stale" || s.state === "different");
    if (needsPush.length === 0) {
      ctx.log.info(`docker: ${ref.text} already has ${image.index.digest} on every tag`);
      continue;
    }
    await ctx.log.group(`docker: push ${ref.text}`, async () => {
      const jobs = image.platforms.flatMap((p) => blobJobs(ref, p, pool, pushedTo.get(ref.endpoint)));
      const unique = jobs.filter((j, i) => jobs.findIndex((k) => k.descriptor.digest === j.descriptor.digest) === i);
      const results = await boundedAll(unique, BLOB_CONCURRENCY, (j) => pushBlob(client, ref.repository, j.descriptor, j.source, j.mountFrom));
      for (const r of results) counts[r]++;
      for (const p of image.platforms) {
        if (!await headManifest(client, ref.repository, p.manifest.digest)) {
          await putManifest(client, ref.repository, p.manifest.digest, p.manifest.mediaType, p.manifest.bytes);
        }
      }
      for (const s of needsPush) {
        if (s.state === "different") ctx.log.warning(`docker: replacing ${tagName(s)} (was ${s.remote}): force`);
        await putManifest(client, ref.repository, s.tag, image.index.mediaType, image.index.bytes);
        ctx.log.info(`docker: ${tagName(s)} \u2192 ${image.index.digest}`);
      }
    });
    pushedTo.set(ref.endpoint, ref.repository);
  }
  const pushed = states.filter((s) => s.state === "missing" || s.state === "stale" || s.state === "different");
  const kept = states.filter((s) => s.state === "newer");
  const first = plan.images[0];
  const note = kept.length ? `; left ${kept.map((s) => `${tagName(s)} on ${s.holder}`).join(", ")} (newer release)` : "";
  return {
    status: pushed.length ? "published" : "skipped",
    ...first ? { url: imageUrl(first, versionTag(ctx.version.version)) } : {},
    // Every configured repository holds this digest now (pushed here or found there), so the
    // workflow attests and signs all of them; a re-attestation of one it already had is harmless.
    image: { digest: image.index.digest, repositories: plan.images.map(qualifiedRepository) },
    detail: pushed.length ? `pushed index ${image.index.digest} (${image.platforms.map((p) => `${p.platform.architecture}`).join(", ")}) as ${pushed.map(tagName).join(", ")}; blobs: ${counts.uploaded} uploaded, ${counts.mounted} mounted, ${counts.exists} already there${note}` : `every tag already points at ${image.index.digest}${note}`
  };
}

// packages/platforms/src/docker/render.ts
function describePlan(plan) {
  return {
    images: plan.images.map((i) => ({ reference: i.text, endpoint: i.endpoint, repository: i.repository })),
    tags: plan.tags.map((t) => t.tag),
    base: plan.base,
    entrypoint: plan.entrypoint,
    created: plan.created,
    platforms: plan.platforms.map((p) => ({
      platform: `${p.platform.os}/${p.platform.architecture}${p.platform.variant ? `/${p.platform.variant}` : ""}`,
      target: p.target,
      archive: p.asset.name,
      sha256: p.asset.sha256,
      binary: p.binary,
      path: p.installPath
    })),
    annotations: plan.annotations
  };
}
function renderDocker(ctx) {
  return [{ path: "docker/image-plan.json", contents: `${JSON.stringify(describePlan(planImage(ctx)), null, 2)}
` }];
}

// packages/platforms/src/docker/rollback-tags.ts
function rollbackTags(templates) {
  return (templates ?? ["{version}", "latest"]).filter((t) => !t.includes("{"));
}

// packages/platforms/src/docker/rollback.ts
async function rollbackDocker(ctx, to) {
  const docker = ctx.config.platforms?.docker;
  if (!docker) return { status: "failed", detail: "docker is not configured" };
  const tags = rollbackTags(docker.tags);
  if (tags.length === 0) return { status: "failed", detail: "platforms.docker.tags has no floating tag (such as latest) to move" };
  const pool = new RegistryPool(ctx);
  const source = versionTag(to);
  const refs = docker.images.map((i) => parseImageReference(i));
  const found = [];
  for (const ref of refs) {
    const manifest = await getManifest(pool.clientFor(ref), ref.repository, source);
    if (!manifest) return { status: "failed", detail: `${ref.text}:${source} does not exist; nothing was moved` };
    found.push({ ref, manifest });
  }
  const moved = [];
  for (const { ref, manifest } of found) {
    const client = pool.clientFor(ref);
    for (const tag of tags) {
      const current = await headManifest(client, ref.repository, tag);
      if (current && manifest.digest && current.digest === manifest.digest) continue;
      if (ctx.dryRun) {
        moved.push(`${ref.text}:${tag}`);
        continue;
      }
      await putManifest(client, ref.repository, tag, manifest.mediaType, manifest.bytes);
      moved.push(`${ref.text}:${tag}`);
    }
  }
  const first = refs[0];
  const url = first ? { url: imageUrl(first, source) } : {};
  if (moved.length === 0) return { status: "skipped", detail: `${tags.join(", ")} already point at ${to} everywhere`, ...url };
  if (ctx.dryRun) return { status: "dry-run", detail: `would point ${moved.join(", ")} at ${to}`, ...url };
  return { status: "published", detail: `pointed ${moved.join(", ")} at ${to}`, ...url };
}

// packages/platforms/src/docker/status.ts
async function statusDocker(ctx) {
  const docker = ctx.config.platforms?.docker;
  const first = docker?.images[0];
  if (!docker || !first) return { detail: "docker is not configured" };
  const ref = parseImageReference(first);
  const tag = rollbackTags(docker.tags)[0] ?? "latest";
  const found = await versionAt(new RegistryPool(ctx).clientFor(ref), ref.repository, tag);
  const url = imageUrl(ref, tag);
  if (!found) return { url, detail: `${ref.text}:${tag} does not exist` };
  if (!found.version) return { url, detail: `${ref.text}:${tag} (${found.digest ?? "unknown digest"}) has no org.opencontainers.image.version annotation` };
  return { latest: found.version, url, detail: `${ref.text}:${tag} is ${found.version} (${found.digest ?? "unknown digest"})` };
}

// packages/platforms/src/docker/index.ts
var dockerPlatform = {
  id: "docker",
  check: checkDocker,
  render: renderDocker,
  publish: (ctx) => publishDocker(ctx),
  status: statusDocker,
  rollback: rollbackDocker
};
export {
  dockerPlatform
};
