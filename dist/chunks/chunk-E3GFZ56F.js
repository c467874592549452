import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  require_yauzl
} from "./chunk-MQYSEEJS.js";
import {
  Qn,
  rt
} from "./chunk-DGOHO7Y2.js";
import {
  binaryName,
  sortTargets
} from "./chunk-7MAI2M42.js";
import {
  ConfigurationError,
  errorMessage
} from "./chunk-GMIJ6JCU.js";
import {
  __toESM
} from "./chunk-EXBJN2G4.js";

// packages/platforms/src/npm/registry-client.ts
import { createReadStream, createWriteStream } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
var NpmRegistryError = class extends Error {
  constructor(message, status, body = "") {
    super(message);
    this.status = status;
    this.body = body;
  }
  status;
  body;
  name = "NpmRegistryError";
};
function escapedName(name) {
  return name.startsWith("@") ? name.replace("/", "%2f") : name;
}
var TIMEOUT_MS = 12e4;
function send(endpoint, method, url, headers, body, sink) {
  return new Promise((resolve, reject) => {
    const sameOrigin = url.origin === new URL(endpoint.registry).origin;
    const request = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, {
      method,
      headers: {
        "user-agent": "deployforge (npm spoke)",
        // The token only ever goes to the configured registry, not to a tarball host it redirects to.
        ...endpoint.token && sameOrigin ? { authorization: `Bearer ${endpoint.token}` } : {},
        ...headers
      },
      timeout: TIMEOUT_MS,
      ...endpoint.signal ? { signal: endpoint.signal } : {}
    });
    const where = `${method} ${url.href}`;
    request.on("timeout", () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1e3}s`)));
    request.on("error", (error) => reject(new NpmRegistryError(`${where}: ${error.message}`, 0)));
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      if (sink && status >= 200 && status < 300) {
        sink(response).then(() => resolve({ status, body: "" }), (error) => reject(new NpmRegistryError(`${where}: ${String(error)}`, 0)));
        return;
      }
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        if (text.length < 1e5) text += chunk;
      });
      response.on("end", () => resolve({ status, body: text }));
      response.on("error", (error) => reject(new NpmRegistryError(`${where}: ${error.message}`, 0)));
    });
    if (body) {
      body.on("error", (error) => request.destroy(error));
      body.pipe(request);
    } else {
      request.end();
    }
  });
}
function registryMessage(body) {
  try {
    const parsed = JSON.parse(body);
    const said = [parsed.error, parsed.reason, parsed.message].find((v) => typeof v === "string" && v !== "");
    if (typeof said === "string") return said;
  } catch {
  }
  return body.trim().slice(0, 500);
}
function failure(endpoint, what, answer) {
  const said = registryMessage(answer.body);
  const credential = endpoint.tokenName ?? "the token";
  const hint = answer.status === 401 ? endpoint.token ? `: the registry did not accept ${credential}; check that it is valid and not expired` : `: the registry needs a token; set ${credential}` : answer.status === 403 ? `: ${credential} may not publish this package` : "";
  return new NpmRegistryError(`${what} answered HTTP ${answer.status}${said ? ` (${said})` : ""}${hint}`, answer.status, answer.body);
}
async function getPackument(endpoint, name) {
  const url = new URL(escapedName(name), endpoint.registry);
  const answer = await send(endpoint, "GET", url, { accept: "application/json" });
  if (answer.status === 404) return void 0;
  if (answer.status !== 200) throw failure(endpoint, `GET ${url.href}`, answer);
  try {
    return JSON.parse(answer.body);
  } catch {
    throw new NpmRegistryError(`GET ${url.href} answered something that is not JSON`, answer.status, answer.body);
  }
}
async function* base64Of(path) {
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 3 << 18 })) {
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const whole = data.length - data.length % 3;
    carry = Buffer.from(data.subarray(whole));
    if (whole) yield Buffer.from(data.subarray(0, whole).toString("base64"));
  }
  if (carry.length) yield Buffer.from(carry.toString("base64"));
}
var PLACEHOLDER = "\0deployforge-tarball\0";
async function putVersion(endpoint, name, document, attachment) {
  const root = {
    ...document,
    _attachments: { [attachment.key]: { content_type: "application/octet-stream", data: PLACEHOLDER, length: attachment.size } }
  };
  const text = JSON.stringify(root);
  const marker = JSON.stringify(PLACEHOLDER);
  const at = text.indexOf(marker);
  const head = Buffer.from(`${text.slice(0, at)}"`);
  const tail = Buffer.from(`"${text.slice(at + marker.length)}`);
  const length = head.length + 4 * Math.ceil(attachment.size / 3) + tail.length;
  const body = Readable.from((async function* () {
    yield head;
    yield* base64Of(attachment.path);
    yield tail;
  })());
  const url = new URL(escapedName(name), endpoint.registry);
  const answer = await send(endpoint, "PUT", url, { "content-type": "application/json", "content-length": length, "npm-command": "publish" }, body);
  if (answer.status < 200 || answer.status >= 300) throw failure(endpoint, `PUT ${url.href}`, answer);
}
async function putDistTag(endpoint, name, tag, version) {
  const url = new URL(`-/package/${escapedName(name)}/dist-tags/${encodeURIComponent(tag)}`, endpoint.registry);
  const payload = Buffer.from(JSON.stringify(version));
  const answer = await send(endpoint, "PUT", url, { "content-type": "application/json", "content-length": payload.length }, Readable.from([payload]));
  if (answer.status < 200 || answer.status >= 300) throw failure(endpoint, `PUT ${url.href}`, answer);
}
async function downloadTarball(endpoint, tarballUrl, destination) {
  const url = new URL(tarballUrl, endpoint.registry);
  const answer = await send(
    endpoint,
    "GET",
    url,
    { accept: "application/octet-stream" },
    void 0,
    (response) => pipeline(response, createWriteStream(destination))
  );
  if (answer.status < 200 || answer.status >= 300) throw failure(endpoint, `GET ${url.href}`, answer);
}

// packages/platforms/src/npm/npm-settings.ts
var NPM_FLAVOR = {
  id: "npm",
  configKey: "npm",
  defaultRegistry: "https://registry.npmjs.org/",
  // NODE_AUTH_TOKEN is what actions/setup-node wires into its .npmrc: accept it so a workflow that
  // already uses setup-node needs no second secret name.
  tokenNames: ["NPM_TOKEN", "NODE_AUTH_TOKEN"],
  oidc: true,
  scopeRequired: false
};
var GITHUB_PACKAGES_FLAVOR = {
  id: "github-packages",
  configKey: "github-packages",
  defaultRegistry: "https://npm.pkg.github.com/",
  tokenNames: ["GITHUB_TOKEN", "NODE_AUTH_TOKEN"],
  oidc: false,
  scopeRequired: true
};
function resolveNpmSettings(ctx, flavor) {
  const block = ctx.config.platforms?.[flavor.configKey] ?? {};
  const key = `platforms.${flavor.configKey}`;
  const project = ctx.config.project.name;
  const scope = block.scope;
  if (flavor.scopeRequired && !scope) {
    throw ConfigurationError.forInput(`${key}.scope`, 'GitHub Packages needs the scope of the repository owner, such as "@acme"');
  }
  const packageName = block.package ?? (scope ? `${scope}/${project}` : project);
  if (scope && !packageName.startsWith(`${scope}/`)) {
    throw ConfigurationError.forInput(`${key}.package`, `"${packageName}" is not under the scope "${scope}"; use "${scope}/${packageName.replace(/^@[^/]+\//, "")}"`);
  }
  const registry = block.registry ?? flavor.defaultRegistry;
  return {
    flavor,
    packageName,
    registry: registry.endsWith("/") ? registry : `${registry}/`,
    access: block.access ?? "public",
    provenance: flavor.oidc && (block.provenance ?? true),
    binary: ctx.config.build?.binary ?? project,
    distTag: ctx.version.npmDistTag
  };
}
function npmToken(ctx, flavor) {
  for (const name of flavor.tokenNames) {
    const value = ctx.env[name];
    if (value) return { name, value };
  }
  return void 0;
}
function registryEndpoint(ctx, settings) {
  const token = npmToken(ctx, settings.flavor);
  return {
    registry: settings.registry,
    ...token ? { token: token.value, tokenName: token.name } : { tokenName: settings.flavor.tokenNames[0] },
    ...ctx.signal ? { signal: ctx.signal } : {}
  };
}
function packagePageUrl(settings, name, version) {
  if (new URL(settings.registry).host === "registry.npmjs.org") return `https://www.npmjs.com/package/${name}/v/${version}`;
  return new URL(escapedName(name), settings.registry).href;
}

// packages/platforms/src/npm/pack-packages.ts
import { join as join2 } from "node:path";

// packages/platforms/src/npm/binary-extract.ts
import { createReadStream as createReadStream2, createWriteStream as createWriteStream2 } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { pipeline as pipeline2 } from "node:stream/promises";
var import_yauzl = __toESM(require_yauzl(), 1);
var rootName = (path) => path.replace(/^\.\//, "");
async function extractFromTarGz(archive, file, destination) {
  let found = false;
  let writing;
  const parser = new rt({
    filter: (path) => rootName(path) === file,
    onReadEntry: (entry) => {
      if (entry.type !== "File" && entry.type !== "OldFile") {
        entry.resume();
        return;
      }
      found = true;
      writing = pipeline2(entry, createWriteStream2(destination));
    }
  });
  await pipeline2(createReadStream2(archive, { highWaterMark: 1 << 20 }), parser);
  await writing;
  return found;
}
function openZip(archive) {
  return new Promise((resolve, reject) => {
    import_yauzl.default.open(archive, { lazyEntries: true, autoClose: true }, (error, zip) => error ? reject(error) : resolve(zip));
  });
}
async function extractFromZip(archive, file, destination) {
  const zip = await openZip(archive);
  return new Promise((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve(false));
    zip.on("entry", (entry) => {
      if (rootName(entry.fileName) !== file) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        pipeline2(stream, createWriteStream2(destination)).then(() => {
          zip.close();
          resolve(true);
        }, reject);
      });
    });
    zip.readEntry();
  });
}
async function extractBinary(archive, file, destination) {
  await mkdir(dirname(destination), { recursive: true });
  const found = archive.endsWith(".zip") ? await extractFromZip(archive, file, destination) : await extractFromTarGz(archive, file, destination);
  if (!found) throw new Error(`${file} is not at the root of ${archive.split("/").pop()}`);
  await chmod(destination, 493);
}

// packages/platforms/src/npm/launcher.ts
function renderLauncher(plan, binary) {
  const candidates = {};
  const add = (key, pkg, file) => (candidates[key] ??= []).push([pkg, file]);
  for (const t of plan.targets) {
    const { os, cpu, libc } = t.target.npm;
    if (os !== "linux") {
      add(`${os}-${cpu}`, t.name, t.binaryFile);
    } else if (libc === "musl") {
      add(`linux-${cpu}-musl`, t.name, t.binaryFile);
    } else {
      add(`linux-${cpu}-glibc`, t.name, t.binaryFile);
    }
  }
  for (const t of plan.targets) {
    if (t.target.npm.os === "linux" && t.target.npm.libc === "musl") add(`linux-${t.target.npm.cpu}-glibc`, t.name, t.binaryFile);
  }
  const supported = plan.targets.map((t) => t.target.id).join(", ");
  return `#!/usr/bin/env node
'use strict';
// Launcher generated by DeployForge: runs the prebuilt ${binary} binary from the package that matches
// this machine. Those packages are optionalDependencies with os/cpu/libc set, so npm installs
// exactly one of them; nothing runs at install time.
const { spawnSync } = require('child_process');

const CANDIDATES = ${JSON.stringify(candidates, null, 2)};
const SUPPORTED = ${JSON.stringify(supported)};

function hostKey() {
  const base = process.platform + '-' + process.arch;
  if (process.platform !== 'linux') return base;
  // glibcVersionRuntime is present exactly when this Node runs on glibc.
  let glibc = true;
  try {
    const report = process.report && process.report.getReport();
    if (report && report.header) glibc = Boolean(report.header.glibcVersionRuntime);
  } catch (error) {
    // Reports can be disabled by policy: assume glibc, the common case.
  }
  return base + (glibc ? '-glibc' : '-musl');
}

function findBinary() {
  const key = hostKey();
  const choices = CANDIDATES[key];
  if (!choices) {
    console.error(${JSON.stringify(binary)} + ': no prebuilt binary for ' + key + '. Supported platforms: ' + SUPPORTED + '.');
    process.exit(1);
  }
  for (const [pkg, file] of choices) {
    try {
      return require.resolve(pkg + '/bin/' + file);
    } catch (error) {
      // Not installed: try the next candidate.
    }
  }
  const names = choices.map((c) => c[0]).join(' or ');
  console.error(${JSON.stringify(binary)} + ': the package ' + names + ' is not installed. It is an optional dependency: reinstall without --omit=optional / --no-optional.');
  process.exit(1);
}

const result = spawnSync(findBinary(), process.argv.slice(2), { stdio: 'inherit' });
if (result.error) {
  console.error(${JSON.stringify(binary)} + ': could not run the binary: ' + result.error.message);
  process.exit(1);
}
if (result.signal) {
  // Die of the same signal, so callers see what the binary saw.
  process.kill(process.pid, result.signal);
}
process.exit(result.status === null ? 1 : result.status);
`;
}

// packages/platforms/src/npm/package-plan.ts
function planNpmPackages(ctx, settings) {
  const byTarget = new Map(ctx.assets.filter((a) => a.target !== void 0).map((a) => [a.target, a]));
  if (byTarget.size === 0) {
    throw new Error(`release ${ctx.version.tag} has no archives with a target: nothing to put in the npm packages`);
  }
  const targets = sortTargets([...byTarget.keys()].filter((t) => t !== void 0)).map((target) => {
    const name = `${settings.packageName}-${target.id}`;
    return { name, dir: name, target, asset: byTarget.get(target.id), binaryFile: binaryName(settings.binary, target.id) };
  });
  return { main: { name: settings.packageName, dir: settings.packageName }, targets };
}
function packagesInPublishOrder(plan) {
  return [...plan.targets.map((t) => ({ name: t.name, dir: t.dir, target: t })), plan.main];
}

// packages/platforms/src/npm/render.ts
var EXECUTABLE_MODE = 493;
var FILE_MODE = 420;
function commonMetadata(ctx) {
  const p = ctx.config.project;
  const meta = {};
  if (p.license) meta.license = p.license;
  if (p.homepage) meta.homepage = p.homepage;
  else if (p.repository) meta.homepage = `https://github.com/${p.repository}#readme`;
  if (p.repository) {
    meta.repository = { type: "git", url: `git+https://github.com/${p.repository}.git` };
    meta.bugs = { url: `https://github.com/${p.repository}/issues` };
  }
  return meta;
}
function renderMainPackageJson(ctx, settings, plan) {
  const version = ctx.version.version;
  return {
    name: plan.main.name,
    version,
    description: ctx.config.project.description ?? `${settings.binary}, prebuilt for ${plan.targets.length} platform(s)`,
    ...commonMetadata(ctx),
    bin: { [settings.binary]: `bin/${settings.binary}.js` },
    // Exact versions: the launcher must run the binary of this very release, never a newer one.
    optionalDependencies: Object.fromEntries(plan.targets.map((t) => [t.name, version])),
    files: ["bin/", "README.md"],
    engines: { node: ">=14" }
  };
}
function renderTargetPackageJson(ctx, settings, plan, t) {
  const { os, cpu, libc } = t.target.npm;
  const glibcSibling = plan.targets.some((o) => o !== t && o.target.npm.os === "linux" && o.target.npm.cpu === cpu && o.target.npm.libc === "glibc");
  const restrictLibc = libc === "glibc" || libc === "musl" && glibcSibling;
  return {
    name: t.name,
    version: ctx.version.version,
    description: `The ${t.target.id} binary of ${plan.main.name}; install ${plan.main.name} instead of this package.`,
    ...commonMetadata(ctx),
    os: [os],
    cpu: [cpu],
    ...libc && restrictLibc ? { libc: [libc] } : {},
    files: [`bin/${t.binaryFile}`, "README.md"],
    // Yarn PnP must unpack it: a binary cannot run from inside a zip.
    preferUnplugged: true
  };
}
function mainReadme(ctx, settings, plan) {
  const description = ctx.config.project.description ? `${ctx.config.project.description}

` : "";
  const home = ctx.config.project.homepage ? `
More: ${ctx.config.project.homepage}
` : "";
  return `# ${plan.main.name}

${description}\`\`\`sh
npm install -g ${plan.main.name}
${settings.binary} --help
\`\`\`

Prebuilt binaries for: ${plan.targets.map((t) => t.target.id).join(", ")}. npm installs only the one for your machine (optional dependencies with os/cpu/libc), and nothing runs at install time, so \`--ignore-scripts\` works.
${home}`;
}
function targetReadme(settings, plan, t) {
  const onNpmjs = new URL(settings.registry).host === "registry.npmjs.org";
  const main = onNpmjs ? `[${plan.main.name}](https://www.npmjs.com/package/${plan.main.name})` : `\`${plan.main.name}\``;
  return `# ${t.name}

The ${t.target.id} binary of ${main}. Install \`${plan.main.name}\`: it picks the right binary package for your machine.
`;
}
var json = (value) => `${JSON.stringify(value, null, 2)}
`;
function renderNpmFiles(ctx, flavor) {
  const settings = resolveNpmSettings(ctx, flavor);
  const plan = planNpmPackages(ctx, settings);
  const files = [];
  for (const t of plan.targets) {
    files.push({ path: `${t.dir}/package.json`, contents: json(renderTargetPackageJson(ctx, settings, plan, t)), mode: FILE_MODE });
    files.push({ path: `${t.dir}/README.md`, contents: targetReadme(settings, plan, t), mode: FILE_MODE });
  }
  files.push({ path: `${plan.main.dir}/package.json`, contents: json(renderMainPackageJson(ctx, settings, plan)), mode: FILE_MODE });
  files.push({ path: `${plan.main.dir}/README.md`, contents: mainReadme(ctx, settings, plan), mode: FILE_MODE });
  files.push({ path: `${plan.main.dir}/bin/${settings.binary}.js`, contents: renderLauncher(plan, settings.binary), mode: EXECUTABLE_MODE });
  return files;
}

// packages/platforms/src/npm/tarball.ts
import { createHash } from "node:crypto";
import { createReadStream as createReadStream3, createWriteStream as createWriteStream3 } from "node:fs";
import { chmod as chmod2, mkdir as mkdir2, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { dirname as dirname2, join } from "node:path";
import { pipeline as pipeline3 } from "node:stream/promises";
import { createGunzip } from "node:zlib";
var MTIME = /* @__PURE__ */ new Date("1985-10-26T08:15:00Z");
async function digest(path, algorithms, gunzip = false) {
  const hashes = algorithms.map((a) => createHash(a));
  const sink = async (stream) => {
    for await (const chunk of stream) for (const h of hashes) h.update(chunk);
  };
  const source = createReadStream3(path, { highWaterMark: 1 << 20 });
  if (gunzip) await pipeline3(source, createGunzip(), sink);
  else await pipeline3(source, sink);
  return hashes.map((h) => h.digest("hex"));
}
async function tarballDigests(path) {
  const [sha512, sha1] = await digest(path, ["sha512", "sha1"]);
  const [contentSha512] = await digest(path, ["sha512"], true);
  return {
    size: (await stat(path)).size,
    integrity: `sha512-${Buffer.from(sha512, "hex").toString("base64")}`,
    shasum: sha1,
    contentSha512
  };
}
async function packTarball(entries, destination) {
  await mkdir2(dirname2(destination), { recursive: true });
  const stage = await mkdtemp(`${destination}.stage-`);
  try {
    const names = [...entries].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    for (const e of names) {
      const target = join(stage, e.path);
      await mkdir2(dirname2(target), { recursive: true });
      if ("source" in e) {
        await pipeline3(createReadStream3(e.source, { highWaterMark: 1 << 20 }), createWriteStream3(target));
      } else {
        await writeFile(target, e.contents);
      }
      await chmod2(target, e.mode);
    }
    await Qn(
      { gzip: { level: 9 }, portable: true, noDirRecurse: true, mtime: MTIME, prefix: "package", cwd: stage, file: destination },
      names.map((e) => e.path)
    );
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
  return { path: destination, ...await tarballDigests(destination) };
}

// packages/platforms/src/npm/pack-packages.ts
var PACK_CONCURRENCY = 4;
async function mapBounded(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(runners);
  return results;
}
var safeFileName = (name) => name.replace(/^@/, "").replace(/\//g, "-");
function filesOf(files, dir) {
  const prefix = `${dir}/`;
  return files.filter((f) => f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes("..")).map((f) => ({ path: f.path.slice(prefix.length), contents: f.contents, mode: f.mode ?? FILE_MODE }));
}
function manifestOf(entries, name) {
  const entry = entries.find((e) => e.path === "package.json");
  if (!entry || !("contents" in entry)) throw new Error(`no package.json rendered for ${name}`);
  const text = typeof entry.contents === "string" ? entry.contents : Buffer.from(entry.contents).toString("utf8");
  return JSON.parse(text);
}
async function packOne(ctx, files, name, dir, target) {
  const entries = filesOf(files, dir);
  const manifest = manifestOf(entries, name);
  const scratch = join2(ctx.workDir, "npm");
  if (target) {
    const archive = await ctx.fetchAsset(target.asset);
    const binary = join2(scratch, "binaries", target.target.id, target.binaryFile);
    await extractBinary(archive, target.binaryFile, binary);
    entries.push({ path: `bin/${target.binaryFile}`, source: binary, mode: EXECUTABLE_MODE });
  }
  const tarball = await packTarball(entries, join2(scratch, `${safeFileName(name)}-${ctx.version.version}.tgz`));
  return { name, manifest, tarball, ...target ? { target } : {} };
}
async function packNpmPackages(ctx, plan, files) {
  const targets = await mapBounded(plan.targets, PACK_CONCURRENCY, (t) => packOne(ctx, files, t.name, t.dir, t));
  const main = await packOne(ctx, files, plan.main.name, plan.main.dir);
  return [...targets, main];
}

// packages/platforms/src/npm/rollback.ts
async function rollbackNpm(ctx, flavor, to) {
  const settings = resolveNpmSettings(ctx, flavor);
  const endpoint = registryEndpoint(ctx, settings);
  const main = await getPackument(endpoint, settings.packageName);
  if (!main?.versions?.[to]) {
    return { status: "failed", detail: `${settings.packageName}@${to} is not on ${settings.registry}: nothing to roll back to` };
  }
  const names = packagesInPublishOrder(planNpmPackages(ctx, settings)).map((p) => p.name);
  const moved = await mapBounded(names, PACK_CONCURRENCY, async (name) => {
    const packument = name === settings.packageName ? main : await getPackument(endpoint, name);
    if (!packument?.versions?.[to] || packument["dist-tags"]?.latest === to) return false;
    await putDistTag(endpoint, name, "latest", to);
    return true;
  });
  const count = moved.filter(Boolean).length;
  const url = packagePageUrl(settings, settings.packageName, to);
  return count === 0 ? { status: "skipped", url, detail: `latest already points at ${to}` } : { status: "published", url, detail: `moved dist-tag latest to ${to} on ${count} package(s)` };
}

// packages/platforms/src/npm/compare-published.ts
import { rm as rm2 } from "node:fs/promises";

// packages/platforms/src/npm/version-state.ts
function packageVersionState(packument, version, integrity) {
  if (!packument) return { state: "absent" };
  const published = packument.versions?.[version];
  if (!published) return packument.time?.[version] ? { state: "burned" } : { state: "absent" };
  const theirs = published.dist?.integrity;
  if (theirs && theirs.split(/\s+/).includes(integrity)) return { state: "identical", integrity };
  return { state: "integrity-differs", integrity: theirs, tarball: published.dist?.tarball };
}

// packages/platforms/src/npm/compare-published.ts
async function comparePublished(endpoint, packument, version, packed) {
  const ours = packed.tarball;
  const found = packageVersionState(packument, version, ours.integrity);
  const id = `${packed.name}@${version}`;
  switch (found.state) {
    case "absent":
      return { state: "absent", detail: `${id} is not published` };
    case "burned":
      return { state: "burned", detail: `${id} was published and unpublished (the packument still lists its time)` };
    case "identical":
      return { state: "identical", detail: `${id} has ${ours.integrity.slice(0, 22)}\u2026` };
    case "integrity-differs":
      break;
  }
  if (!found.tarball) {
    return { state: "different", detail: `${id} has integrity ${found.integrity ?? "(none)"}, ours is ${ours.integrity}` };
  }
  const copy = `${ours.path}.published`;
  try {
    await downloadTarball(endpoint, found.tarball, copy);
    const theirs = await tarballDigests(copy);
    if (theirs.contentSha512 === ours.contentSha512) {
      return { state: "identical", detail: `${id} has the same files (compressed differently: ${theirs.integrity.slice(0, 22)}\u2026)` };
    }
    return { state: "different", detail: `${id} has integrity ${theirs.integrity}, ours is ${ours.integrity}, and the files differ` };
  } finally {
    await rm2(copy, { force: true });
  }
}

// packages/platforms/src/npm/check.ts
async function checkNpm(ctx, flavor) {
  const settings = resolveNpmSettings(ctx, flavor);
  const plan = planNpmPackages(ctx, settings);
  const endpoint = registryEndpoint(ctx, settings);
  const version = ctx.version.version;
  const packages = packagesInPublishOrder(plan);
  const url = packagePageUrl(settings, plan.main.name, version);
  let packuments;
  try {
    packuments = await mapBounded(packages, PACK_CONCURRENCY, (p) => getPackument(endpoint, p.name));
  } catch (error) {
    return { state: "unknown", detail: `could not read the packuments on ${settings.registry}: ${errorMessage(error)}` };
  }
  const published = packuments.filter((p) => p?.versions?.[version] || p?.time?.[version]);
  if (published.length === 0) {
    return { state: "absent", detail: `${version} of ${plan.main.name} and its ${plan.targets.length} per-target package(s) is not on ${settings.registry}` };
  }
  const packed = await packNpmPackages(ctx, plan, renderNpmFiles(ctx, flavor));
  let comparisons;
  try {
    comparisons = await mapBounded(packed.map((p, i) => [p, packuments[i]]), PACK_CONCURRENCY, ([p, packument]) => comparePublished(endpoint, packument, version, p));
  } catch (error) {
    return { state: "unknown", detail: `could not compare with the published tarballs: ${errorMessage(error)}` };
  }
  for (const state of ["burned", "different"]) {
    const hits = comparisons.filter((c) => c.state === state);
    if (hits.length > 0) return { state, detail: hits.map((c) => c.detail).join("; "), ...state === "different" ? { url } : {} };
  }
  const identical = comparisons.filter((c) => c.state === "identical");
  if (identical.length === comparisons.length) {
    return { state: "identical", detail: `all ${comparisons.length} packages match: ${identical.map((c) => c.detail).join("; ")}`, url };
  }
  const missing = comparisons.filter((c) => c.state === "absent").length;
  return { state: "absent", detail: `${identical.length} of ${comparisons.length} packages already published with identical content; ${missing} still to publish` };
}

// packages/platforms/src/npm/npm-cli-publish.ts
import { spawn } from "node:child_process";
import { mkdtemp as mkdtemp2, rm as rm3, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";
function usesTrustedPublishing(ctx, settings, hasToken) {
  return !hasToken && settings.flavor.oidc && Boolean(ctx.env.ACTIONS_ID_TOKEN_REQUEST_URL);
}
function npmPublishArgs(tarball, settings) {
  return [
    "publish",
    tarball,
    "--registry",
    settings.registry,
    "--tag",
    settings.distTag,
    "--access",
    settings.access,
    ...settings.provenance ? ["--provenance"] : [],
    "--ignore-scripts"
  ];
}
async function publishWithNpmCli(ctx, settings, tarball) {
  const dir = await mkdtemp2(join3(tmpdir(), "df-npmrc-"));
  try {
    const userconfig = join3(dir, ".npmrc");
    await writeFile2(userconfig, "", { mode: 384 });
    const env = {};
    for (const [key, value] of Object.entries(ctx.env)) if (value !== void 0 && !/^npm_config_/i.test(key)) env[key] = value;
    env.PATH ??= process.env.PATH;
    env.npm_config_userconfig = userconfig;
    const { code, output } = await new Promise((resolve, reject) => {
      const child = spawn("npm", npmPublishArgs(tarball, settings), { env, stdio: ["ignore", "pipe", "pipe"] });
      let text = "";
      child.stdout.setEncoding("utf8").on("data", (c) => text += c);
      child.stderr.setEncoding("utf8").on("data", (c) => text += c);
      child.once("error", reject);
      child.once("close", (status) => resolve({ code: status ?? 1, output: text }));
    });
    if (code !== 0) {
      const status = /cannot publish over|previously published/i.test(output) ? 403 : /E401|ENEEDAUTH/.test(output) ? 401 : 1;
      throw new NpmRegistryError(`npm publish --provenance exited ${code}: ${output.trim().split("\n").slice(-5).join(" ")}`, status, output);
    }
  } finally {
    await rm3(dir, { recursive: true, force: true });
  }
}

// packages/platforms/src/npm/publish.ts
var DUPLICATE = /cannot publish over|previously published|already present|already exists|cannot modify pre-existing version/i;
function isDuplicateVersionError(error) {
  return error instanceof NpmRegistryError && (error.status === 403 || error.status === 409) && DUPLICATE.test(`${error.message} ${error.body}`);
}
function publishDocument(settings, packed, version) {
  const name = packed.name;
  const tarballName = `${name}-${version}.tgz`;
  return {
    _id: name,
    name,
    ...typeof packed.manifest.description === "string" ? { description: packed.manifest.description } : {},
    "dist-tags": { [settings.distTag]: version },
    versions: {
      [version]: {
        ...packed.manifest,
        _id: `${name}@${version}`,
        dist: {
          integrity: packed.tarball.integrity,
          shasum: packed.tarball.shasum,
          tarball: new URL(`${name}/-/${tarballName}`, settings.registry).href
        }
      }
    },
    // GitHub Packages decides visibility from the repository; sending access there means nothing.
    ...settings.flavor.id === "npm" ? { access: settings.access } : {}
  };
}
async function publishOne(ctx, settings, endpoint, packed, cli) {
  const version = ctx.version.version;
  const before = await comparePublished(endpoint, await getPackument(endpoint, packed.name), version, packed);
  if (before.state === "identical") return "already-there";
  if (before.state !== "absent") throw new Error(`${before.detail}; npm never allows replacing a version: release a new version`);
  try {
    if (cli) {
      await publishWithNpmCli(ctx, settings, packed.tarball.path);
    } else {
      await putVersion(endpoint, packed.name, publishDocument(settings, packed, version), {
        key: `${packed.name}-${version}.tgz`,
        path: packed.tarball.path,
        size: packed.tarball.size
      });
    }
    ctx.log.info(`npm: published ${packed.name}@${version} (${packed.tarball.integrity.slice(0, 22)}\u2026)`);
    return "published";
  } catch (error) {
    if (!isDuplicateVersionError(error)) throw error;
    const after = await comparePublished(endpoint, await getPackument(endpoint, packed.name), version, packed);
    if (after.state === "identical") return "already-there";
    throw new Error(`${packed.name}@${version} appeared on the registry with other content: ${after.detail}`);
  }
}
async function publishNpm(ctx, flavor, files) {
  const settings = resolveNpmSettings(ctx, flavor);
  const plan = planNpmPackages(ctx, settings);
  const token = npmToken(ctx, flavor);
  const cli = usesTrustedPublishing(ctx, settings, token !== void 0);
  if (!token && !cli) {
    const names = flavor.tokenNames.join(" or ");
    const oidc = flavor.oidc ? ", and no GitHub OIDC token either (give the job `id-token: write` for trusted publishing)" : "";
    return { status: "failed", detail: `no credential: set ${names}${oidc}` };
  }
  if (token && settings.provenance && ctx.env.ACTIONS_ID_TOKEN_REQUEST_URL) {
    ctx.log.warning(`npm: publishing with ${token.name}, so without provenance; remove ${token.name} to use trusted publishing with provenance`);
  }
  const endpoint = registryEndpoint(ctx, settings);
  const packed = await packNpmPackages(ctx, plan, files);
  const main = packed[packed.length - 1];
  const targets = packed.slice(0, -1);
  const outcomes = await mapBounded(targets, PACK_CONCURRENCY, (p) => publishOne(ctx, settings, endpoint, p, cli));
  outcomes.push(await publishOne(ctx, settings, endpoint, main, cli));
  const published = outcomes.filter((o) => o === "published").length;
  const url = packagePageUrl(settings, plan.main.name, ctx.version.version);
  const how = cli ? ` via npm trusted publishing${settings.provenance ? " with provenance" : ""}` : "";
  return {
    status: published > 0 ? "published" : "skipped",
    url,
    detail: `${published} of ${outcomes.length} package(s) published to ${settings.registry} with dist-tag ${settings.distTag}${how}` + (published < outcomes.length ? `; ${outcomes.length - published} already there with identical content` : "")
  };
}

// packages/platforms/src/npm/status.ts
async function statusNpm(ctx, flavor) {
  const settings = resolveNpmSettings(ctx, flavor);
  const packument = await getPackument(registryEndpoint(ctx, settings), settings.packageName);
  if (!packument) return { detail: `${settings.packageName} is not on ${settings.registry}` };
  const latest = packument["dist-tags"]?.latest;
  const next = packument["dist-tags"]?.next;
  return {
    ...latest ? { latest, url: packagePageUrl(settings, settings.packageName, latest) } : {},
    detail: `dist-tags: latest ${latest ?? "(none)"}${next ? `, next ${next}` : ""}`
  };
}

export {
  NPM_FLAVOR,
  GITHUB_PACKAGES_FLAVOR,
  renderNpmFiles,
  checkNpm,
  publishNpm,
  rollbackNpm,
  statusNpm
};
