import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  require_yazl
} from "./chunk-VJAFAEWP.js";
import {
  buildStatusDocument,
  requiredFailures
} from "./chunk-7USNO5C3.js";
import {
  Qn
} from "./chunk-DGOHO7Y2.js";
import {
  assetFetcher,
  loadPlanInputs,
  loadReleaseAssets,
  parseVersionInput,
  readReleaseSums,
  releaseExistence,
  resolveRepository,
  runHub
} from "./chunk-HMGMHLHJ.js";
import {
  createPlan,
  credentialFactsFromEnv,
  isSelected,
  loadConfig,
  parsePlatformSelection,
  spokeKeys
} from "./chunk-PJWG332M.js";
import {
  PLATFORMS,
  loadPlatform
} from "./chunk-ECGA253U.js";
import {
  require_semver
} from "./chunk-M5OUCAEA.js";
import {
  AssetDownloadError,
  SHA256SUMS_NAME,
  createGitHubClient,
  downloadVerifiedAsset,
  findReleaseByTag,
  listReleaseAssets,
  listReleases,
  mapWithConcurrency,
  parseSha256Sums,
  sha256File,
  sha256FromDigest
} from "./chunk-RPWURHLO.js";
import {
  ConfigurationError,
  createRedactor
} from "./chunk-BVJFRNHR.js";
import {
  __toESM
} from "./chunk-EXBJN2G4.js";

// packages/runner/src/run-check-exists.ts
import { dirname as dirname2, resolve as resolve2 } from "node:path";

// packages/publish/src/publish-spoke.ts
var message = (error) => error instanceof Error ? error.message : String(error);
async function publishSpoke(options) {
  const { platform, ctx, redact } = options;
  const now = options.now ?? Date.now;
  const started = now();
  const info = PLATFORMS[platform.id];
  const done = (status, detail, extra = {}) => ({
    key: options.key,
    platform: platform.id,
    status,
    version: ctx.version.version,
    detail: redact(detail),
    "duration-ms": now() - started,
    ...extra
  });
  let existence;
  try {
    existence = await platform.check(ctx);
  } catch (error) {
    existence = { state: "unknown", detail: `the existence check failed: ${message(error)}` };
  }
  existence = { ...existence, ...existence.detail ? { detail: redact(existence.detail) } : {} };
  const evidence = existence.detail ? `: ${existence.detail}` : "";
  const url = existence.url ? { url: existence.url } : {};
  switch (existence.state) {
    case "identical":
      return done("skipped", `${ctx.version.version} is already published with identical content${evidence}`, { existence, ...url });
    case "pending":
      return done("needs-human", `${ctx.version.version} is waiting for moderation on ${info.displayName}${evidence}`, { existence, ...url });
    case "burned":
      return done("failed", `${ctx.version.version} was published and removed; ${info.displayName} never accepts it again: release a new version${evidence}`, { existence });
    case "different":
      if (!ctx.force || !info.overwritable) {
        const why = info.overwritable ? "pass force to replace it" : `${info.displayName} never allows replacing a version: release a new version`;
        return done("failed", `${ctx.version.version} is already published with different content; ${why}${evidence}`, { existence, ...url });
      }
      break;
    default:
      break;
  }
  let files;
  try {
    files = platform.render(ctx);
  } catch (error) {
    return done("failed", `rendering the ${info.displayName} package failed: ${message(error)}`, { existence });
  }
  const paths = files.map((f) => f.path);
  if (ctx.dryRun) {
    return done("dry-run", `dry run: rendered ${paths.length} file(s), wrote nothing${existence.state === "unknown" ? `; existence unknown${evidence}` : ""}`, { existence, files: paths });
  }
  try {
    const result = await platform.publish(ctx, files);
    return done(result.status, result.detail, { existence, files: paths, ...result.url ? { url: result.url } : {} });
  } catch (error) {
    return done("failed", `publishing to ${info.displayName} failed: ${message(error)}`, { existence, files: paths });
  }
}

// packages/publish/src/run-spokes.ts
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
function outcomeOfSkipped(spoke, version) {
  return {
    key: spoke.key,
    platform: spoke.platform,
    status: spoke.outcomeIfSkipped ?? "skipped",
    version,
    detail: spoke.detail,
    "duration-ms": 0,
    ...spoke.existence ? { existence: spoke.existence } : {}
  };
}
function memoizeFetch(fetchAsset) {
  const pending = /* @__PURE__ */ new Map();
  return (asset) => {
    let p = pending.get(asset.name);
    if (!p) {
      p = fetchAsset(asset);
      pending.set(asset.name, p);
      p.catch(() => pending.delete(asset.name));
    }
    return p;
  };
}
async function runSpokes(options) {
  const fetchAsset = memoizeFetch(options.fetchAsset);
  const env = { ...options.env, DEPLOYFORGE_CONFIG_DIR: resolve(dirname(options.loaded.file)) };
  return mapWithConcurrency(options.spokes, options.concurrency ?? 4, async (spoke) => {
    if (!spoke.run) return outcomeOfSkipped(spoke, options.version.version);
    options.onEvent?.({ key: spoke.key, phase: "start" });
    const platform = await loadPlatform(spoke.platform);
    let outcome;
    if (!platform) {
      outcome = {
        key: spoke.key,
        platform: spoke.platform,
        status: "failed",
        version: options.version.version,
        "duration-ms": 0,
        detail: `this version of DeployForge cannot publish to ${spoke.displayName} yet`
      };
    } else {
      const workDir = join(options.workRoot, spoke.key.replace(/[^a-z0-9-]/g, "-"));
      await mkdir(workDir, { recursive: true });
      const ctx = {
        config: options.loaded.config,
        ...spoke.key.startsWith("custom:") ? { instance: spoke.key.slice("custom:".length) } : {},
        version: options.version,
        assets: options.assets,
        workDir,
        env,
        dryRun: options.dryRun || (options.dryRunKeys?.has(spoke.key) ?? false),
        force: options.force,
        log: options.log,
        fetchAsset,
        ...options.signal ? { signal: options.signal } : {}
      };
      outcome = await publishSpoke({ key: spoke.key, platform, ctx, redact: options.redact });
    }
    options.onEvent?.({ key: spoke.key, phase: "end", outcome });
    return outcome;
  });
}

// packages/publish/src/credential-values.ts
function credentialValues(env) {
  const names = /* @__PURE__ */ new Set(["GITHUB_TOKEN", "GH_TOKEN", "NODE_AUTH_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "ACTIONS_RUNTIME_TOKEN"]);
  for (const info of Object.values(PLATFORMS)) for (const c of info.credentials) names.add(c.name);
  return [...names].map((n) => env[n]).filter((v) => typeof v === "string" && v !== "");
}

// packages/runner/src/release-session.ts
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
async function openReleaseSession(options) {
  const inputs = await loadPlanInputs(options.configPath, {
    ...options.version ? { version: options.version } : {},
    ...options.platforms ? { platforms: options.platforms } : {}
  }, options.io);
  const repository = resolveRepository(inputs.loaded, options.io.env);
  const token = options.io.env.GITHUB_TOKEN || options.io.env.GH_TOKEN;
  if (!token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token that can read the releases of ${repository.owner}/${repository.repo}`);
  const client = createGitHubClient({ token, log: options.log, ...options.io.env.GITHUB_API_URL ? { baseUrl: options.io.env.GITHUB_API_URL } : {} });
  const assets = await loadReleaseAssets(client, inputs.loaded, inputs.version, options.io.env);
  const workRoot = await mkdtemp(join2(tmpdir(), "deployforge-"));
  return { ...inputs, client, assets, fetchAsset: assetFetcher(client, join2(workRoot, "downloads")), workRoot };
}

// packages/runner/src/run-check-exists.ts
async function runCheckExists(options) {
  const session = await openReleaseSession(options);
  const redact = createRedactor(credentialValues(options.io.env));
  const keys = spokeKeys(session.loaded.config, session.loaded.enabledPlatforms).filter((k) => isSelected(session.selection, k.key));
  const results = {
    github: await releaseExistence(session.client, session.loaded, session.version, options.io.env)
  };
  const checked = await mapWithConcurrency(keys, options.concurrency ?? 8, async (k) => {
    const platform = await loadPlatform(k.platform);
    if (!platform) return [k.key, { state: "unknown", detail: "this version of DeployForge cannot check this platform yet" }];
    try {
      const existence = await platform.check({
        config: session.loaded.config,
        ...k.instance ? { instance: k.instance } : {},
        version: session.version,
        assets: session.assets,
        workDir: session.workRoot,
        env: { ...options.io.env, DEPLOYFORGE_CONFIG_DIR: resolve2(dirname2(session.loaded.file)) },
        dryRun: true,
        force: false,
        log: options.log,
        fetchAsset: session.fetchAsset
      });
      return [k.key, { ...existence, ...existence.detail ? { detail: redact(existence.detail) } : {} }];
    } catch (error) {
      return [k.key, { state: "unknown", detail: redact(`the check failed: ${error instanceof Error ? error.message : String(error)}`) }];
    }
  });
  for (const [key, existence] of checked) results[key] = existence;
  return results;
}

// packages/runner/src/run-local-release.ts
import { mkdir as mkdir3, mkdtemp as mkdtemp3, writeFile } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { dirname as dirname4, join as join6, resolve as resolve4 } from "node:path";

// packages/runner/src/build-artifacts.ts
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join as join4, resolve as resolve3 } from "node:path";

// packages/archive/src/create-archive.ts
import { createWriteStream } from "node:fs";
import { chmod, copyFile, mkdir as mkdir2, mkdtemp as mkdtemp2, rename, rm, stat } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { dirname as dirname3, join as join3 } from "node:path";
import { pipeline } from "node:stream/promises";
var import_yazl = __toESM(require_yazl(), 1);
var EPOCH = /* @__PURE__ */ new Date("2000-01-01T00:00:00Z");
async function writeTarGz(entries, destination) {
  const stage = await mkdtemp2(join3(tmpdir2(), "df-archive-"));
  try {
    for (const e of entries) {
      await copyFile(e.source, join3(stage, e.name));
      await chmod(join3(stage, e.name), e.mode);
    }
    await Qn({ gzip: { level: 9 }, portable: true, mtime: EPOCH, cwd: stage, file: destination }, entries.map((e) => e.name));
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
async function writeZip(entries, destination) {
  const zip = new import_yazl.default.ZipFile();
  for (const e of entries) zip.addFile(e.source, e.name, { mtime: EPOCH, mode: 32768 | e.mode, compress: true });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(destination));
}
async function createArchive(format, entries, destination) {
  if (entries.length === 0) throw new Error(`createArchive: no files for ${destination}`);
  const names = /* @__PURE__ */ new Set();
  for (const e of entries) {
    if (names.has(e.name)) throw new Error(`createArchive: two files named ${e.name} in ${destination}`);
    names.add(e.name);
    if (dirname3(e.name) !== ".") throw new Error(`createArchive: ${e.name} must sit at the archive root`);
    await stat(e.source);
  }
  await mkdir2(dirname3(destination), { recursive: true });
  const partial = `${destination}.partial`;
  try {
    if (format === "zip") {
      await writeZip(entries, partial);
    } else {
      await writeTarGz(entries, partial);
    }
    await rename(partial, destination);
    return destination;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

// packages/runner/src/expand-build-path.ts
function expandBuildPath(path, env) {
  return path.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced, bare) => {
    const name = braced ?? bare;
    return env[name] ?? "";
  });
}

// packages/runner/src/build-artifacts.ts
function buildEnv(entry, version) {
  return {
    DEPLOYFORGE_TARGET: entry.target,
    DEPLOYFORGE_RUST_TARGET: entry["rust-target"],
    GOOS: entry.goos,
    GOARCH: entry.goarch,
    DEPLOYFORGE_VERSION: version.version,
    DEPLOYFORGE_TAG: version.tag
  };
}
function runCommand(command, cwd, env, log, prefix, signal) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("bash", ["-e", "-o", "pipefail", "-c", command], { cwd, env, stdio: ["ignore", "pipe", "pipe"], ...signal ? { signal } : {} });
    const forward = (chunk) => {
      for (const line of chunk.toString().split("\n")) if (line.trim() !== "") log.info(`${prefix} ${line}`);
    };
    child.stdout.on("data", forward);
    child.stderr.on("data", forward);
    child.on("error", reject);
    child.on("close", (code) => resolvePromise(code ?? 1));
  });
}
async function buildArtifacts(options) {
  const build = options.loaded.config.build;
  if (!build?.command || !build.path) {
    throw new ConfigurationError(`${options.loaded.file}: build.command and build.path are needed to build locally; or pass --artifacts DIR with prebuilt archives`);
  }
  const archives = [];
  for (const entry of options.matrix) {
    const env = { ...options.env, ...buildEnv(entry, options.version) };
    const prefix = `[build ${entry.target}]`;
    options.log.info(`${prefix} ${build.command}`);
    const code = await runCommand(build.command, options.projectDir, env, options.log, prefix, options.signal);
    if (code !== 0) throw new Error(`the build for ${entry.target} failed with exit code ${code}`);
    let binary = resolve3(options.projectDir, expandBuildPath(build.path, env));
    if (!existsSync(binary) && existsSync(`${binary}.exe`)) binary = `${binary}.exe`;
    if (!existsSync(binary)) throw new Error(`the build for ${entry.target} succeeded but ${binary} (build.path) does not exist`);
    const files = (build.files ?? []).map((f) => ({ source: resolve3(options.projectDir, f), name: f.split("/").pop(), mode: 420 }));
    const archive = join4(options.outDir, entry.archive);
    await createArchive(entry["archive-format"], [{ source: binary, name: entry.binary, mode: 493 }, ...files], archive);
    options.log.info(`${prefix} packaged ${entry.archive}`);
    archives.push(archive);
  }
  return archives;
}

// packages/runner/src/local-assets.ts
import { readdir, stat as stat2 } from "node:fs/promises";
import { join as join5 } from "node:path";
async function localReleaseAssets(dir, targets, downloadBase) {
  const present = new Set(await readdir(dir));
  const assets = [];
  for (const t of targets) {
    if (!present.has(t.archive)) continue;
    const path = join5(dir, t.archive);
    assets.push({ name: t.archive, target: t.target, url: `${downloadBase}/${t.archive}`, size: (await stat2(path)).size, sha256: await sha256File(path), localPath: path });
  }
  return assets;
}
async function attachLocalPaths(assets, dir) {
  if (!dir) return [...assets];
  const out = [];
  for (const a of assets) {
    const path = join5(dir, a.name);
    const local = await stat2(path).then((s) => s.isFile(), () => false);
    out.push(local && a.sha256 && await sha256File(path) === a.sha256 ? { ...a, localPath: path } : a);
  }
  return out;
}

// packages/runner/src/run-local-release.ts
function selectedKeys(selection, loaded) {
  return selection.kind === "all" ? spokeKeys(loaded.config, loaded.enabledPlatforms).map((k) => k.key) : [...selection.keys];
}
async function runLocalRelease(options) {
  const { flags, io, log } = options;
  const inputs = await loadPlanInputs(options.configPath, { ...flags.version ? { version: flags.version } : {}, ...flags.platforms ? { platforms: flags.platforms } : {} }, io);
  const { loaded, version } = inputs;
  const repository = resolveRepository(loaded, io.env);
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token with contents: write on ${repository.owner}/${repository.repo} (GITHUB_API_URL points at GitHub Enterprise or a test server)`);
  if (flags.concurrency !== void 0 && (!Number.isInteger(flags.concurrency) || flags.concurrency < 1 || flags.concurrency > 32)) {
    throw ConfigurationError.forInput("--concurrency", `expected a whole number from 1 to 32, got ${flags.concurrency}`);
  }
  const dryRunKeys = flags.dryRunPlatforms ? new Set(selectedKeys(parsePlatformSelection(flags.dryRunPlatforms, spokeKeys(loaded.config, loaded.enabledPlatforms).map((k) => k.key), "--dry-run-platforms"), loaded)) : void 0;
  const projectDir = dirname4(resolve4(io.cwd, options.configPath));
  const outDir = resolve4(io.cwd, flags.outDir ?? join6(projectDir, ".deployforge"));
  const workRoot = await mkdtemp3(join6(tmpdir3(), "deployforge-release-"));
  const client = createGitHubClient({ token, log, ...io.env.GITHUB_API_URL ? { baseUrl: io.env.GITHUB_API_URL } : {} });
  const hubExistence = await releaseExistence(client, loaded, version, io.env).catch((error) => ({ state: "unknown", detail: error instanceof Error ? error.message : String(error) }));
  const plan = createPlan({
    ...inputs,
    trigger: "local",
    existence: { github: hubExistence },
    credentials: credentialFactsFromEnv(io.env),
    force: flags.force,
    dryRun: flags.dryRun,
    artifactsProvided: flags.artifacts !== void 0,
    ...dryRunKeys ? { dryRunKeys } : {}
  });
  let artifactsDir = flags.artifacts ? resolve4(io.cwd, flags.artifacts) : void 0;
  let hub;
  if (plan.release.run) {
    if (!artifactsDir) {
      artifactsDir = join6(workRoot, "artifacts");
      await log.group("Build", () => buildArtifacts({ loaded, version, matrix: plan.matrix.include, projectDir, outDir: artifactsDir, env: io.env, log, ...options.signal ? { signal: options.signal } : {} }));
    }
    hub = await log.group(`Release ${version.tag}`, () => runHub({
      loaded,
      version,
      artifacts: artifactsDir,
      cwd: io.cwd,
      env: io.env,
      token,
      log,
      force: flags.force,
      dryRun: flags.dryRun,
      client,
      ...options.signal ? { signal: options.signal } : {}
    }));
  }
  let assets;
  if (flags.dryRun && hub && !hub.published) {
    const server = io.env.GITHUB_SERVER_URL ?? "https://github.com";
    assets = await localReleaseAssets(artifactsDir, plan.targets, `${server}/${repository.owner}/${repository.repo}/releases/download/${version.tag}`);
  } else {
    assets = await attachLocalPaths(await loadReleaseAssets(client, loaded, version, io.env), artifactsDir);
  }
  const outcomes = await runSpokes({
    loaded,
    version,
    spokes: plan.spokes,
    assets,
    fetchAsset: assetFetcher(client, join6(workRoot, "downloads")),
    env: io.env,
    workRoot,
    dryRun: flags.dryRun,
    ...dryRunKeys ? { dryRunKeys } : {},
    force: flags.force,
    log,
    redact: createRedactor(credentialValues(io.env)),
    ...flags.concurrency ? { concurrency: flags.concurrency } : {},
    ...options.signal ? { signal: options.signal } : {},
    ...options.onSpokeEvent ? { onEvent: options.onSpokeEvent } : {}
  });
  const hubLike = hub ? {
    status: hub.dryRun ? "dry-run" : hub.writes === 0 ? "skipped" : "published",
    url: hub.url,
    tag: hub.tag,
    assets: hub.assets,
    detail: hub.dryRun ? "dry run: nothing written" : hub.writes === 0 ? "already complete, nothing written" : `${hub.writes} write(s)`
  } : {
    status: "skipped",
    tag: version.tag,
    detail: plan.release.detail,
    assets: assets.map((a) => ({ name: a.name, size: a.size, sha256: a.sha256, url: a.url })),
    ...hubExistence.url ? { url: hubExistence.url } : {}
  };
  const status = buildStatusDocument({ plan, results: outcomes, hub: hubLike });
  await mkdir3(outDir, { recursive: true });
  const statusFile = join6(outDir, "status.json");
  await writeFile(statusFile, `${JSON.stringify(status, null, 2)}
`);
  return { plan, ...hub ? { hub } : {}, outcomes, status, statusFile, failedRequired: requiredFailures(status) };
}

// packages/runner/src/run-publish.ts
async function runPublish(options) {
  const session = await openReleaseSession({ configPath: options.configPath, ...options.version ? { version: options.version } : {}, platforms: options.key, io: options.io, log: options.log });
  const plan = createPlan({ ...session, credentials: credentialFactsFromEnv(options.io.env), force: options.force, dryRun: options.dryRun });
  const spoke = plan.spokes.filter((s) => s.run || s.key === options.key || s.platform === options.key);
  const selected = spoke.find((s) => s.key === options.key) ?? spoke[0];
  if (!selected) throw new Error(`no spoke ${options.key} in the plan`);
  const [outcome] = await runSpokes({
    loaded: session.loaded,
    version: session.version,
    spokes: [selected],
    assets: session.assets,
    fetchAsset: session.fetchAsset,
    env: options.io.env,
    workRoot: session.workRoot,
    dryRun: options.dryRun,
    force: options.force,
    log: options.log,
    redact: createRedactor(credentialValues(options.io.env))
  });
  return { outcome, spoke: selected };
}

// packages/runner/src/run-status.ts
import { mkdtemp as mkdtemp4 } from "node:fs/promises";
import { tmpdir as tmpdir4 } from "node:os";
import { isAbsolute, join as join7, relative, resolve as resolve5 } from "node:path";
var import_semver = __toESM(require_semver(), 1);
var STATUS_TIMEOUT_MS = 3e4;
async function openLiveSession(options) {
  const configFile = isAbsolute(options.configPath) ? options.configPath : relative(process.cwd(), resolve5(options.io.cwd, options.configPath)) || options.configPath;
  const loaded = await loadConfig(configFile);
  const all = spokeKeys(loaded.config, loaded.enabledPlatforms);
  const parts = (options.platforms ?? "").split(",").map((p) => p.trim()).filter((p) => p !== "");
  const spokesOnly = parts.filter((p) => p !== "github");
  const onlyGithub = parts.length > 0 && spokesOnly.length === 0;
  const selection = onlyGithub ? { kind: "some", keys: [] } : parsePlatformSelection(spokesOnly.join(","), all.map((k) => k.key), "--platforms");
  const includeGithub = parts.length === 0 || parts.includes("github") || parts.includes("all");
  const repository = resolveRepository(loaded, options.io.env);
  const token = options.io.env.GITHUB_TOKEN || options.io.env.GH_TOKEN;
  if (!token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token that can read the releases of ${repository.owner}/${repository.repo}`);
  const client = createGitHubClient({ token, log: options.log, ...options.io.env.GITHUB_API_URL ? { baseUrl: options.io.env.GITHUB_API_URL } : {} });
  return {
    loaded,
    repository,
    client,
    includeGithub,
    keys: all.filter((k) => isSelected(selection, k.key)),
    workRoot: await mkdtemp4(join7(tmpdir4(), "deployforge-live-")),
    redact: createRedactor(credentialValues(options.io.env))
  };
}
var publishedAt = (r) => Date.parse(r.published_at ?? r.created_at ?? "") || 0;
function selectNewestRelease(releases, tagPrefix) {
  const candidates = releases.filter((r) => !r.draft).flatMap((release) => {
    try {
      return [{ release, version: parseVersionInput(release.tag_name, { tagPrefix, origin: `release ${release.tag_name}` }) }];
    } catch {
      return [];
    }
  });
  const byDate = [...candidates].sort((a, b) => publishedAt(b.release) - publishedAt(a.release) || b.release.id - a.release.id);
  if (byDate[0]?.release.prerelease) return byDate[0];
  return candidates.filter((c) => !c.release.prerelease).sort((a, b) => (0, import_semver.compare)(b.version.version, a.version.version) || b.release.id - a.release.id)[0];
}
function driftState(live, release) {
  if (live === void 0) return { state: "missing" };
  if (live === release.version || live === release.pypiVersion) return { state: "in-sync" };
  const cleaned = live.startsWith("v") ? live.slice(1) : live;
  if (!(0, import_semver.valid)(cleaned)) return { state: "unknown", why: `cannot compare "${live}" with ${release.version}` };
  const order = (0, import_semver.compare)(cleaned, release.version);
  return { state: order === 0 ? "in-sync" : order < 0 ? "behind" : "ahead" };
}
function liveContext(session, key, version, io, log, signal) {
  return {
    config: session.loaded.config,
    ...key.instance ? { instance: key.instance } : {},
    version,
    assets: [],
    workDir: session.workRoot,
    env: io.env,
    dryRun: true,
    force: false,
    log,
    ...signal ? { signal } : {},
    fetchAsset: async (asset) => {
      throw new Error(`${asset.name}: reading the live state never downloads release assets`);
    }
  };
}
async function withTimeout(ms, what, fn) {
  const controller = new AbortController();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`${what}: no answer within ${Math.round(ms / 1e3)} s`));
    }, ms);
  });
  try {
    return await Promise.race([fn(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
var displayName = (key) => key.instance ? `${PLATFORMS.custom.displayName}: ${key.instance}` : PLATFORMS[key.platform].displayName;
var message2 = (error) => error instanceof Error ? error.message : String(error);
var DASHBOARD_STATUS = {
  "in-sync": "published",
  behind: "failed",
  ahead: "failed",
  missing: "failed",
  unknown: "needs-human"
};
function row(input) {
  return {
    name: input.name,
    status: DASHBOARD_STATUS[input.state],
    state: input.state,
    version: input.live ?? "",
    ...input.live !== void 0 ? { live: input.live } : {},
    release: input.release.version,
    ...input.url ? { url: input.url } : {},
    "duration-ms": input.ms,
    required: input.required,
    detail: input.detail
  };
}
async function githubRow(session, version, tagPrefix) {
  const started = Date.now();
  const base = { name: PLATFORMS.github.displayName, release: version, required: true };
  try {
    const { data } = await session.client.octokit.rest.repos.getLatestRelease({ owner: session.repository.owner, repo: session.repository.repo });
    const live = data.tag_name.startsWith(tagPrefix) ? data.tag_name.slice(tagPrefix.length) : data.tag_name;
    const { state, why } = driftState(live, version);
    return row({ ...base, state, live, url: data.html_url, detail: why ?? `the release marked latest is ${data.tag_name}`, ms: Date.now() - started });
  } catch (error) {
    const status = error.status;
    if (status === 404) return row({ ...base, state: "missing", detail: "no release is marked latest", ms: Date.now() - started });
    return row({ ...base, state: "unknown", detail: session.redact(`reading the latest release failed: ${message2(error)}`), ms: Date.now() - started });
  }
}
async function runStatus(options) {
  const session = await openLiveSession(options);
  const { owner, repo } = session.repository;
  const tagPrefix = session.loaded.config.version?.["tag-prefix"] ?? "v";
  const newest = selectNewestRelease(await listReleases(session.client, owner, repo), tagPrefix);
  if (!newest) throw new ConfigurationError(`${owner}/${repo} has no published release with a ${tagPrefix}<version> tag: nothing to compare the platforms with; release first`);
  const { version } = newest;
  const required = new Set(session.loaded.config.required ?? []);
  const timeoutMs = options.timeoutMs ?? STATUS_TIMEOUT_MS;
  const github = session.includeGithub ? githubRow(session, version, tagPrefix) : void 0;
  const rows = await mapWithConcurrency(session.keys, options.concurrency ?? 8, async (key) => {
    const started = Date.now();
    const base = { name: displayName(key), release: version, required: required.has(key.platform) };
    const platform = await loadPlatform(key.platform);
    if (!platform) return [key.key, row({ ...base, state: "unknown", detail: "this version of DeployForge cannot read this platform yet", ms: 0 })];
    try {
      const live = await withTimeout(timeoutMs, `${key.key} status`, (signal) => platform.status(liveContext(session, key, version, options.io, options.log, signal)));
      const { state, why } = driftState(live.latest, version);
      const detail = session.redact([why, live.detail].filter(Boolean).join("; ") || (state === "missing" ? "not published there" : ""));
      return [key.key, row({ ...base, state, ...live.latest !== void 0 ? { live: live.latest } : {}, ...live.url ? { url: live.url } : {}, detail, ms: Date.now() - started })];
    } catch (error) {
      return [key.key, row({ ...base, state: "unknown", detail: session.redact(`could not read the live version: ${message2(error)}`), ms: Date.now() - started })];
    }
  });
  const platforms = {};
  if (github) platforms.github = await github;
  for (const [key, value] of rows) platforms[key] = value;
  return {
    project: session.loaded.config.project.name,
    version: version.version,
    "generated-at": (options.now ?? /* @__PURE__ */ new Date()).toISOString(),
    repository: `${owner}/${repo}`,
    tag: version.tag,
    drift: Object.values(platforms).some((p) => p.state !== "in-sync"),
    platforms
  };
}

// packages/runner/src/run-stats.ts
var NOT_PUBLISHED = "not published by this platform";
var message3 = (error) => error instanceof Error ? error.message : String(error);
async function runStats(options) {
  const session = await openLiveSession(options);
  const { owner, repo } = session.repository;
  const releases = await listReleases(session.client, owner, repo);
  const platforms = {};
  const published = releases.filter((r) => !r.draft);
  const perRelease = published.map((r) => ({ tag: r.tag_name, downloads: (r.assets ?? []).reduce((sum, a) => sum + (a.download_count ?? 0), 0) }));
  if (session.includeGithub) {
    const downloads = perRelease.reduce((sum, r) => sum + r.downloads, 0);
    platforms.github = { name: PLATFORMS.github.displayName, downloads, detail: `release assets of ${published.length} release(s)` };
  }
  const newest = selectNewestRelease(releases, session.loaded.config.version?.["tag-prefix"] ?? "v");
  const rows = await mapWithConcurrency(session.keys, options.concurrency ?? 8, async (key) => {
    const name = displayName(key);
    const platform = await loadPlatform(key.platform);
    if (!platform?.stats) return [key.key, { name, downloads: null, detail: NOT_PUBLISHED }];
    if (!newest) return [key.key, { name, downloads: null, detail: "no published release to ask about" }];
    try {
      const stats = platform.stats.bind(platform);
      const figures = await withTimeout(options.timeoutMs ?? STATUS_TIMEOUT_MS, `${key.key} stats`, (signal) => stats(liveContext(session, key, newest.version, options.io, options.log, signal)));
      const detail = session.redact(figures.detail ?? "");
      return [key.key, typeof figures.downloads === "number" ? { name, downloads: figures.downloads, detail } : { name, downloads: null, detail: detail ? `${NOT_PUBLISHED}: ${detail}` : NOT_PUBLISHED }];
    } catch (error) {
      return [key.key, { name, downloads: null, detail: session.redact(`could not read the figure: ${message3(error)}`) }];
    }
  });
  for (const [key, value] of rows) platforms[key] = value;
  return {
    project: session.loaded.config.project.name,
    repository: `${owner}/${repo}`,
    "generated-at": (options.now ?? /* @__PURE__ */ new Date()).toISOString(),
    platforms,
    total: Object.values(platforms).reduce((sum, p) => sum + (p.downloads ?? 0), 0),
    releases: perRelease
  };
}

// packages/runner/src/run-rollback.ts
import { join as join8 } from "node:path";
var BY_HAND = {
  pypi: (to) => `PyPI serves the highest version: yank each newer version on pypi.org (Manage \u2192 the release \u2192 Options \u2192 Yank) so pip picks ${to}`,
  crates: (to) => `crates.io serves the highest version: \`cargo yank --version <newer>\` each version above ${to}`,
  homebrew: (to) => `revert the tap commit that moved the formula past ${to} (git revert in the tap repository)`,
  scoop: (to) => `revert the bucket commit that moved the manifest past ${to} (git revert in the bucket repository)`,
  nix: (to) => `revert the commit that moved the flake past ${to} (git revert in the flake repository)`,
  huggingface: (to) => `revert the Space commit that deployed the version after ${to} (git revert in the Space repository)`,
  chocolatey: (to) => `unlist each version above ${to} on chocolatey.org (package page \u2192 Edit \u2192 List/Unlist)`,
  winget: (to) => `open a pull request on microsoft/winget-pkgs removing the manifests above ${to}`,
  aur: (to) => `push the ${to} PKGBUILD with its epoch raised by one (pacman never downgrades without it)`,
  snap: (to) => `\`snapcraft release <snap> <revision of ${to}> <channel>\` for each architecture`,
  flathub: (to) => `open a pull request on flathub/<app-id> putting the ${to} manifest back`,
  vscode: (to) => `the extension stores serve the highest version: publish a new version built from ${to}, or unpublish the newer ones`,
  custom: (to) => `run your own deploy command for ${to}`
};
var message4 = (error) => error instanceof Error ? error.message : String(error);
async function rollbackGithub(session, release, dryRun) {
  const { owner, repo } = session.repository;
  const name = PLATFORMS.github.displayName;
  const url = release.html_url;
  if (release.prerelease) return { name, status: "failed", url, detail: `${release.tag_name} is a prerelease: GitHub never marks a prerelease as latest` };
  let current;
  let currentId;
  try {
    const { data } = await session.client.octokit.rest.repos.getLatestRelease({ owner, repo });
    current = data.tag_name;
    currentId = data.id;
  } catch (error) {
    if (error.status !== 404) throw error;
  }
  if (currentId === release.id) return { name, status: "skipped", url, detail: `${release.tag_name} is already marked latest` };
  const from = current ? `from ${current} ` : "";
  if (dryRun) return { name, status: "dry-run", url, detail: `would move the latest flag ${from}to ${release.tag_name}` };
  await session.client.octokit.rest.repos.updateRelease({ owner, repo, release_id: release.id, make_latest: "true" });
  return { name, status: "published", url, detail: `moved the latest flag ${from}to ${release.tag_name}` };
}
async function previewSpoke(ctx, platform, to, name) {
  const live = await platform.status(ctx);
  if (live.latest === to) return { name, status: "skipped", detail: `latest already points at ${to}` };
  return { name, status: "dry-run", detail: `would move latest from ${live.latest ?? "(none)"} to ${to}` };
}
async function runRollback(options) {
  const session = await openLiveSession(options);
  const { owner, repo } = session.repository;
  const tagPrefix = session.loaded.config.version?.["tag-prefix"] ?? "v";
  const version = parseVersionInput(options.to, { tagPrefix, origin: "--to" });
  const release = await findReleaseByTag(session.client, owner, repo, version.tag);
  if (!release || release.draft) {
    throw new ConfigurationError(`--to: ${owner}/${repo} has no published release ${version.tag}; roll back only to a version that was released`);
  }
  let assets = [];
  try {
    assets = await loadReleaseAssets(session.client, session.loaded, version, options.io.env);
  } catch (error) {
    options.log.warning(`the assets of ${version.tag} could not be read (${message4(error)}); platforms that need them will fail`);
  }
  const fetchAsset = assetFetcher(session.client, join8(session.workRoot, "downloads"));
  const timeoutMs = options.timeoutMs ?? STATUS_TIMEOUT_MS;
  const platforms = {};
  if (session.includeGithub) {
    try {
      platforms.github = await rollbackGithub(session, release, options.dryRun);
    } catch (error) {
      platforms.github = { name: PLATFORMS.github.displayName, status: "failed", detail: session.redact(`moving the latest flag failed: ${message4(error)}`) };
    }
  }
  const rows = await mapWithConcurrency(session.keys, options.concurrency ?? 4, async (key) => {
    const name = displayName(key);
    const platform = await loadPlatform(key.platform);
    if (!platform) return [key.key, { name, status: "needs-human", detail: `this version of DeployForge cannot reach ${name} yet; ${BY_HAND[key.platform]?.(version.version) ?? "move it by hand"}` }];
    if (!platform.rollback) {
      const how = BY_HAND[key.platform]?.(version.version) ?? `move its latest version back to ${version.version} by hand`;
      return [key.key, { name, status: "needs-human", detail: `rollback is not supported on ${name}: ${how}` }];
    }
    const rollback = platform.rollback.bind(platform);
    try {
      const result = await withTimeout(timeoutMs, `${key.key} rollback`, async (signal) => {
        const ctx = { ...liveContext(session, key, version, options.io, options.log, signal), assets, fetchAsset, dryRun: options.dryRun };
        return options.dryRun ? previewSpoke(ctx, platform, version.version, name) : { name, ...await rollback(ctx, version.version) };
      });
      return [key.key, { ...result, name, detail: session.redact(result.detail) }];
    } catch (error) {
      return [key.key, { name, status: "failed", detail: session.redact(`rollback failed: ${message4(error)}`) }];
    }
  });
  for (const [key, value] of rows) platforms[key] = value;
  return { project: session.loaded.config.project.name, repository: `${owner}/${repo}`, to: version.version, "dry-run": options.dryRun, platforms };
}

// packages/runner/src/run-verify.ts
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { access, mkdtemp as mkdtemp5, rm as rm2 } from "node:fs/promises";
import { constants } from "node:fs";
import { tmpdir as tmpdir5 } from "node:os";
import { basename, delimiter, join as join9 } from "node:path";
async function onPath(command, env) {
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    const candidate = join9(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
    }
  }
  return void 0;
}
function run(file, args, env) {
  return new Promise((resolve6) => {
    execFile(file, args, { env, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const code = error ? typeof error.code === "number" ? error.code : 1 : 0;
      resolve6({ code, output: `${stdout}${stderr}`.trim() });
    });
  });
}
function digestsOf(message5) {
  const match = /expected ([0-9a-f]{64}).*got ([0-9a-f]{64})/.exec(message5);
  return match ? { expected: match[1], actual: match[2] } : {};
}
async function runVerify(options) {
  const loaded = await loadConfig(options.configPath);
  const version = parseVersionInput(options.version, { tagPrefix: loaded.config.version?.["tag-prefix"] ?? "v", origin: "version" });
  const { owner, repo } = resolveRepository(loaded, options.io.env);
  const repository = `${owner}/${repo}`;
  const token = options.io.env.GITHUB_TOKEN || options.io.env.GH_TOKEN;
  if (!options.client && !token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token that can read the releases of ${repository}`);
  const client = options.client ?? createGitHubClient({
    token,
    log: options.log,
    ...options.io.env.GITHUB_API_URL ? { baseUrl: options.io.env.GITHUB_API_URL } : {}
  });
  const release = (await listReleases(client, owner, repo)).find((r) => r.tag_name === version.tag && !r.draft);
  if (!release) return { kind: "no-release", tag: version.tag, repository };
  const remote = (await listReleaseAssets(client, owner, repo, release.id)).filter((a) => a.state === "uploaded");
  const sumsAsset = remote.find((a) => a.name === SHA256SUMS_NAME);
  if (!sumsAsset) throw new Error(`release ${version.tag} of ${repository} has no ${SHA256SUMS_NAME}: nothing to verify against`);
  const sumsText = await readReleaseSums(client, owner, repo, sumsAsset);
  const sums = new Map(parseSha256Sums(sumsText).map((e) => [e.name, e.sha256]));
  const work = await mkdtemp5(join9(tmpdir5(), "deployforge-verify-"));
  try {
    const checked = [];
    if (options.asset) {
      const name = basename(options.asset);
      const expected = sums.get(name);
      const actual = await sha256File(options.asset).catch((error) => {
        throw new ConfigurationError(`--asset: cannot read ${options.asset}: ${error.message}`);
      });
      checked.push(
        expected === void 0 ? { name, actual, ok: false, detail: `${name} is not listed in ${SHA256SUMS_NAME} of ${version.tag}` } : expected === actual ? { name, expected, actual, ok: true, detail: "sha256 matches SHA256SUMS", path: options.asset } : { name, expected, actual, ok: false, detail: `${name}: sha256 mismatch: SHA256SUMS of ${version.tag} says ${expected}, the file is ${actual}` }
      );
    } else {
      for (const [name, expected] of [...sums.entries()].sort(([a], [b]) => a < b ? -1 : 1)) {
        const asset = remote.find((a) => a.name === name);
        if (!asset) {
          checked.push({ name, expected, ok: false, detail: `${name} is listed in ${SHA256SUMS_NAME} but not on the release` });
          continue;
        }
        try {
          const path = await downloadVerifiedAsset({
            url: `${client.baseUrl}/repos/${owner}/${repo}/releases/assets/${asset.id}`,
            destination: join9(work, name),
            sha256: expected,
            token: client.token(),
            accept: "application/octet-stream"
          });
          checked.push({ name, expected, actual: expected, ok: true, detail: "sha256 matches SHA256SUMS", path });
        } catch (error) {
          if (!(error instanceof AssetDownloadError)) throw error;
          const digests = digestsOf(error.message);
          checked.push({
            name,
            expected,
            ...digests.actual ? { actual: digests.actual } : {},
            ok: false,
            detail: digests.actual ? `${name}: sha256 mismatch: SHA256SUMS of ${version.tag} says ${expected}, the download is ${digests.actual}` : `${name}: ${error.message}`
          });
        }
      }
    }
    const sumsDigest = sha256FromDigest(sumsAsset.digest);
    if (sumsDigest) {
      const actual = createHash("sha256").update(sumsText).digest("hex");
      if (actual !== sumsDigest) {
        checked.unshift({ name: SHA256SUMS_NAME, expected: sumsDigest, actual, ok: false, detail: `${SHA256SUMS_NAME}: GitHub reports sha256 ${sumsDigest}, the download is ${actual}` });
      }
    }
    const attested = remote.some((a) => a.name.endsWith(".sigstore.json"));
    const gh = await onPath("gh", options.io.env);
    const attestations = [];
    for (const asset of checked) {
      if (!asset.ok || !asset.path || /\.(sigstore\.json|cdx\.json|spdx\.json|asc|sig)$/.test(asset.name)) continue;
      const command = ["gh", "attestation", "verify", options.asset ? asset.path : asset.name, "--repo", repository];
      if (!gh) {
        attestations.push({ command });
        continue;
      }
      const result = await run(gh, ["attestation", "verify", asset.path, "--repo", repository], options.io.env);
      attestations.push({ command, exitCode: result.code, output: result.output });
    }
    const attestationFailed = attested && attestations.some((a) => a.exitCode !== void 0 && a.exitCode !== 0);
    return {
      kind: "checked",
      tag: version.tag,
      repository,
      assets: checked.map(({ path: _path, ...rest }) => rest),
      attested,
      attestations,
      ok: checked.length > 0 && checked.every((a) => a.ok) && !attestationFailed
    };
  } finally {
    await rm2(work, { recursive: true, force: true });
  }
}

export {
  runLocalRelease,
  runPublish,
  runCheckExists,
  runStatus,
  runStats,
  runRollback,
  runVerify
};
