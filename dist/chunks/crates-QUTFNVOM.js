import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  parse
} from "./chunk-JQP4SYQR.js";
import {
  require_semver
} from "./chunk-M5OUCAEA.js";
import {
  ConfigurationError
} from "./chunk-GMIJ6JCU.js";
import {
  __toESM
} from "./chunk-EXBJN2G4.js";

// packages/platforms/src/crates/cargo-command.ts
import { spawn } from "node:child_process";

// packages/platforms/src/crates/crates-settings.ts
import { isAbsolute, resolve } from "node:path";
var CRATES_IO = "crates-io";
var CRATES_IO_INDEX = "sparse+https://index.crates.io/";
function cratesSettings(ctx) {
  const block = ctx.config.platforms?.crates ?? void 0;
  const registry = block?.registry ?? CRATES_IO;
  const sparse = block?.index ?? CRATES_IO_INDEX;
  const sparseIndex = sparse.endsWith("/") ? sparse : `${sparse}/`;
  const root = ctx.env.DEPLOYFORGE_CONFIG_DIR ?? ctx.env.GITHUB_WORKSPACE ?? process.cwd();
  const path = block?.path ?? ".";
  return {
    name: block?.package ?? ctx.config.project.name,
    version: ctx.version.version,
    dir: isAbsolute(path) ? path : resolve(root, path),
    registry,
    indexUrl: sparseIndex.replace(/^sparse\+/, ""),
    sparseIndex
  };
}
function registryEnvName(registry, key) {
  return `CARGO_REGISTRIES_${registry.toUpperCase().replace(/-/g, "_")}_${key}`;
}

// packages/platforms/src/crates/cargo-command.ts
var TAIL = 256 * 1024;
function cargoEnv(ctx, settings, token) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === "CARGO_REGISTRY_TOKEN" || /^CARGO_REGISTRIES_.*_TOKEN$/.test(key)) continue;
    env[key] = value;
  }
  env.CARGO_TARGET_DIR = `${ctx.workDir}/cargo-target`;
  env.CARGO_TERM_COLOR = "never";
  if (settings.registry !== CRATES_IO) env[registryEnvName(settings.registry, "INDEX")] = settings.sparseIndex;
  if (token) env[settings.registry === CRATES_IO ? "CARGO_REGISTRY_TOKEN" : registryEnvName(settings.registry, "TOKEN")] = token;
  return env;
}
function runCargo(args, options) {
  return new Promise((resolve2, reject) => {
    const child = spawn("cargo", args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 20 * 6e4,
      ...options.signal ? { signal: options.signal } : {}
    });
    let stdout = "";
    let stderr = "";
    const keep = (text, chunk) => (text + chunk).slice(-TAIL);
    child.stdout.setEncoding("utf8").on("data", (c) => stdout = keep(stdout, c));
    child.stderr.setEncoding("utf8").on("data", (c) => stderr = keep(stderr, c));
    child.once(
      "error",
      (error) => reject(error.code === "ENOENT" ? new Error("cargo is not installed on this runner (add a Rust toolchain step before publishing)") : error)
    );
    child.once("close", (code, signal) => resolve2({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}
function registryArgs(settings) {
  return settings.registry === CRATES_IO ? [] : ["--registry", settings.registry];
}
function cargoError(result) {
  const text = `${result.stderr}
${result.stdout}`.replace(/\r/g, "");
  const at = text.search(/^error(\[[A-Z0-9]+\])?:/m);
  const relevant = (at === -1 ? text : text.slice(at)).trim();
  return relevant.split("\n").map((l) => l.trim()).filter(Boolean).join(" ").slice(0, 1500) || `cargo exited ${result.code}`;
}

// packages/platforms/src/crates/crate-manifest.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
async function assertManifestMatches(settings) {
  const file = join(settings.dir, "Cargo.toml");
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw ConfigurationError.forInput("platforms.crates.path", `no Cargo.toml in ${settings.dir}`);
  }
  const manifest = parse(text);
  const name = manifest.package?.name;
  const version = manifest.package?.version;
  if (typeof name === "string" && name !== settings.name) {
    throw ConfigurationError.forInput("platforms.crates.package", `${file} names the crate ${name}, not ${settings.name}`);
  }
  if (typeof version === "string" && version !== settings.version) {
    throw ConfigurationError.forInput("version", `${file} says ${version}, but the release is ${settings.version}: bump Cargo.toml (or tag the version it has)`);
  }
}

// packages/platforms/src/crates/package-crate.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { join as join2 } from "node:path";
async function packageCrate(ctx, settings) {
  const env = cargoEnv(ctx, settings);
  const result = await runCargo(["package", "--no-verify", "--allow-dirty", ...registryArgs(settings)], { cwd: settings.dir, env, ...ctx.signal ? { signal: ctx.signal } : {} });
  if (result.code !== 0) throw new Error(`cargo package failed in ${settings.dir}: ${cargoError(result)}`);
  const path = join2(env.CARGO_TARGET_DIR, "package", `${settings.name}-${settings.version}.crate`);
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk);
  } catch (error) {
    throw new Error(
      `cargo package did not produce ${settings.name}-${settings.version}.crate (is the crate's name and version in ${join2(settings.dir, "Cargo.toml")} ${settings.name} ${settings.version}?): ${error.message}`
    );
  }
  return { path, sha256: hash.digest("hex") };
}

// packages/platforms/src/crates/sparse-index.ts
function indexFilePath(crate) {
  const name = crate.toLowerCase();
  if (name.length <= 2) return `${name.length}/${name}`;
  if (name.length === 3) return `3/${name[0]}/${name}`;
  return `${name.slice(0, 2)}/${name.slice(2, 4)}/${name}`;
}
var TIMEOUT_MS = 3e4;
async function fetchIndexEntries(indexUrl, crate, signal) {
  const url = `${indexUrl}${indexFilePath(crate)}`;
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const response = await fetch(url, {
    headers: { "user-agent": "deployforge", "cache-control": "no-cache" },
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout
  });
  if (response.status === 404 || response.status === 410 || response.status === 403) {
    await response.body?.cancel();
    return [];
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`);
  }
  return parseIndexFile(await response.text());
}
function parseIndexFile(text) {
  return text.split("\n").filter((line) => line.trim() !== "").map((line) => {
    const entry = JSON.parse(line);
    if (typeof entry.vers !== "string" || typeof entry.cksum !== "string") {
      throw new Error(`an index line without vers or cksum: ${line.slice(0, 200)}`);
    }
    return { name: String(entry.name), vers: entry.vers, cksum: entry.cksum.toLowerCase(), yanked: entry.yanked === true };
  });
}
function findVersion(entries, version) {
  const plain = version.replace(/\+.*$/, "");
  return entries.find((e) => e.vers.replace(/\+.*$/, "") === plain);
}

// packages/platforms/src/crates/check.ts
function crateUrl(settings) {
  return settings.registry === "crates-io" ? `https://crates.io/crates/${settings.name}/${settings.version}` : `${settings.indexUrl}${indexFilePath(settings.name)}`;
}
async function checkCrates(ctx) {
  const settings = cratesSettings(ctx);
  await assertManifestMatches(settings);
  const entries = await fetchIndexEntries(settings.indexUrl, settings.name, ctx.signal);
  const entry = findVersion(entries, settings.version);
  const url = crateUrl(settings);
  if (!entry) {
    if (ctx.dryRun) return dryRunPublish(ctx, settings);
    return { state: "absent", detail: `${settings.name} ${settings.version} is not in ${settings.indexUrl}` };
  }
  if (entry.yanked) {
    return { state: "burned", detail: `${settings.name} ${settings.version} is yanked; the registry never accepts that version again`, url };
  }
  const crate = await packageCrate(ctx, settings);
  return crate.sha256 === entry.cksum ? { state: "identical", detail: `cksum ${entry.cksum} matches the packaged crate`, url } : { state: "different", detail: `the index has cksum ${entry.cksum}, the crate packaged from ${settings.dir} has ${crate.sha256}`, url };
}
async function dryRunPublish(ctx, settings) {
  const result = await runCargo(["publish", "--dry-run", "--allow-dirty", ...registryArgs(settings)], {
    cwd: settings.dir,
    env: cargoEnv(ctx, settings),
    ...ctx.signal ? { signal: ctx.signal } : {}
  });
  if (result.code !== 0) return { state: "unknown", detail: `cargo publish --dry-run failed: ${cargoError(result)}` };
  return { state: "absent", detail: `${settings.name} ${settings.version} is not in ${settings.indexUrl}; cargo publish --dry-run passed` };
}

// packages/platforms/src/crates/already-published.ts
function saysAlreadyPublished(output) {
  return /already exists on \S+ index/i.test(output) || /crate version `[^`]+` is already uploaded/i.test(output);
}
function saysTokenRefused(output) {
  return /status 40[13]\b|40[13] (Unauthorized|Forbidden)|authentication failed|invalid (api )?token|no token found|token rejected/i.test(output);
}

// packages/platforms/src/crates/trusted-publishing.ts
async function cratesToken(ctx, settings) {
  const own = settings.registry === CRATES_IO ? void 0 : ctx.env[registryEnvName(settings.registry, "TOKEN")];
  const token = own ?? ctx.env.CARGO_REGISTRY_TOKEN;
  if (token) return token;
  const requestUrl = ctx.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = ctx.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  const names = settings.registry === CRATES_IO ? "CARGO_REGISTRY_TOKEN" : `${registryEnvName(settings.registry, "TOKEN")} or CARGO_REGISTRY_TOKEN`;
  if (!requestUrl || !requestToken) {
    throw new Error(`no registry token: set ${names} (a token with publish-update scope), or configure trusted publishing for the crate and give the publish job \`permissions: id-token: write\``);
  }
  const api = settings.registry === CRATES_IO ? "https://crates.io" : await apiOf(settings, ctx.signal);
  const oidcUrl = new URL(requestUrl);
  oidcUrl.searchParams.set("audience", new URL(api).host);
  const oidcAnswer = await fetch(oidcUrl, { headers: { authorization: `bearer ${requestToken}` }, signal: ctx.signal ?? null });
  if (!oidcAnswer.ok) throw new Error(`the GitHub OIDC token request answered ${oidcAnswer.status}`);
  const jwt = (await oidcAnswer.json()).value;
  if (typeof jwt !== "string") throw new Error("the GitHub OIDC token request returned no token");
  const exchange = await fetch(`${api.replace(/\/$/, "")}/api/v1/trusted_publishing/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "deployforge" },
    body: JSON.stringify({ jwt }),
    signal: ctx.signal ?? null
  });
  const answer = await exchange.json().catch(() => ({}));
  if (!exchange.ok || typeof answer.token !== "string") {
    const why = answer.errors?.map((e) => e.detail).join("; ") || `${exchange.status} ${exchange.statusText}`;
    throw new Error(`the registry refused the trusted publishing exchange (is a trusted publisher configured for this repository and workflow?): ${why}`);
  }
  return answer.token;
}
async function apiOf(settings, signal) {
  const response = await fetch(`${settings.indexUrl}config.json`, { signal: signal ?? null });
  const api = response.ok ? (await response.json()).api : void 0;
  if (typeof api !== "string") throw new Error(`${settings.indexUrl}config.json names no api`);
  return api;
}

// packages/platforms/src/crates/publish.ts
async function publishCrates(ctx, _files) {
  const settings = cratesSettings(ctx);
  await assertManifestMatches(settings);
  const token = await cratesToken(ctx, settings);
  const url = crateUrl(settings);
  const result = await runCargo(["publish", "--allow-dirty", ...registryArgs(settings)], {
    cwd: settings.dir,
    env: cargoEnv(ctx, settings, token),
    ...ctx.signal ? { signal: ctx.signal } : {}
  });
  const output = `${result.stderr}
${result.stdout}`;
  if (result.code === 0) {
    return { status: "published", url, detail: `cargo publish uploaded ${settings.name} ${settings.version} to ${settings.registry}` };
  }
  if (saysAlreadyPublished(output)) {
    const now = await checkCrates({ ...ctx, dryRun: false });
    if (now.state === "identical") return { status: "skipped", url, detail: `${settings.name} ${settings.version} was already published with the same content (${now.detail})` };
    return {
      status: "failed",
      url,
      detail: `${settings.registry} already has ${settings.name} ${settings.version} (${cargoError(result)}); ${now.state}: ${now.detail ?? ""}; release a new version`
    };
  }
  if (saysTokenRefused(output)) {
    const name = settings.registry === CRATES_IO ? "CARGO_REGISTRY_TOKEN" : `${registryEnvName(settings.registry, "TOKEN")} (or CARGO_REGISTRY_TOKEN)`;
    return { status: "failed", detail: `${settings.registry} refused the token: check that ${name} is valid and has the publish-update scope for ${settings.name}: ${cargoError(result)}` };
  }
  return { status: "failed", detail: `cargo publish failed: ${cargoError(result)}` };
}

// packages/platforms/src/crates/render.ts
function renderCrates(ctx) {
  const s = cratesSettings(ctx);
  const block = ctx.config.platforms?.crates ?? void 0;
  const plan = {
    crate: s.name,
    version: s.version,
    path: block?.path ?? ".",
    registry: s.registry,
    index: s.sparseIndex,
    command: ["cargo", "publish", "--allow-dirty", ...s.registry === CRATES_IO ? [] : ["--registry", s.registry]]
  };
  return [{ path: "cargo-publish.json", contents: `${JSON.stringify(plan, null, 2)}
` }];
}

// packages/platforms/src/crates/status.ts
var import_semver = __toESM(require_semver(), 1);
async function statusCrates(ctx) {
  const settings = cratesSettings(ctx);
  const entries = await fetchIndexEntries(settings.indexUrl, settings.name, ctx.signal);
  const live = entries.filter((e) => !e.yanked && (0, import_semver.valid)(e.vers)).map((e) => e.vers).sort(import_semver.rcompare);
  const latest = live[0];
  const url = crateUrl({ ...settings, version: latest ?? settings.version });
  if (!latest) return { url, detail: entries.length ? `every version of ${settings.name} is yanked` : `${settings.name} is not in ${settings.indexUrl}` };
  return { latest, url };
}

// packages/platforms/src/crates/index.ts
var cratesPlatform = {
  id: "crates",
  check: checkCrates,
  render: renderCrates,
  publish: publishCrates,
  status: statusCrates
};
export {
  cratesPlatform
};
