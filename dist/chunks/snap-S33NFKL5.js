import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  So
} from "./chunk-DGOHO7Y2.js";
import {
  require_dist
} from "./chunk-JMZRCY2U.js";
import {
  mapWithConcurrency
} from "./chunk-ZHURFVS4.js";
import "./chunk-3BZQ6MWX.js";
import {
  binaryName,
  snapTargets
} from "./chunk-7MAI2M42.js";
import {
  ConfigurationError,
  createRedactor
} from "./chunk-GMIJ6JCU.js";
import {
  __toESM
} from "./chunk-EXBJN2G4.js";

// packages/platforms/src/snap/snapcraft-command.ts
import { spawn } from "node:child_process";
var STORE_CREDENTIALS = "SNAPCRAFT_STORE_CREDENTIALS";
function runSnapcraft(ctx, args) {
  const credentials = ctx.env[STORE_CREDENTIALS];
  const env = {};
  const path = ctx.env.PATH ?? process.env.PATH;
  const home = ctx.env.HOME ?? process.env.HOME;
  if (path) env.PATH = path;
  if (home) env.HOME = home;
  if (credentials) env[STORE_CREDENTIALS] = credentials;
  const redact = createRedactor([credentials]);
  return new Promise((resolve, reject) => {
    const child = spawn("snapcraft", args, {
      env,
      cwd: ctx.workDir,
      stdio: ["ignore", "pipe", "pipe"],
      ...ctx.signal ? { signal: ctx.signal } : {}
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (c) => output += c);
    child.stderr.setEncoding("utf8").on("data", (c) => output += c);
    child.once(
      "error",
      (error) => reject(error.code === "ENOENT" ? new Error("snapcraft is not on PATH: install it in the publish job (`sudo snap install snapcraft --classic`)") : error)
    );
    child.once("close", (code) => {
      const clean = redact(output);
      for (const line of clean.split("\n")) if (line.trim()) ctx.log.debug(`[snapcraft ${args[0]}] ${line}`);
      resolve({ code: code ?? 1, output: clean });
    });
  });
}

// packages/platforms/src/snap/snap-settings.ts
var SNAP_NAME_PATTERN = /^(?=.*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*$/;
var SNAP_NAME_MAX = 40;
var SNAP_VERSION_PATTERN = /^[a-zA-Z0-9](?:[a-zA-Z0-9:.+~-]{0,30}[a-zA-Z0-9+~])?$/;
var SNAP_VERSION_MAX = 32;
var SNAP_SUMMARY_MAX = 78;
var SNAP_BASE = "core22";
function snapSettings(ctx) {
  const block = ctx.config.platforms?.snap;
  if (!block) throw new ConfigurationError("platforms.snap is not configured");
  const project = ctx.config.project;
  const name = block.name ?? project.name;
  if (name.length > SNAP_NAME_MAX || !SNAP_NAME_PATTERN.test(name)) {
    throw ConfigurationError.forInput("platforms.snap.name", `snap name ${JSON.stringify(name)} is not valid: lower-case letters, digits and single hyphens, at least one letter, at most ${SNAP_NAME_MAX} characters`);
  }
  const version = ctx.version.version;
  if (version.length > SNAP_VERSION_MAX || !SNAP_VERSION_PATTERN.test(version)) {
    throw ConfigurationError.forInput("version", `version ${JSON.stringify(version)} is not a valid snap version (at most ${SNAP_VERSION_MAX} characters of letters, digits and ":.+~-", starting with a letter or digit)`);
  }
  const channels = (Array.isArray(block.channel) ? block.channel : [block.channel ?? "stable"]).map((c) => c.trim());
  const grade = block.grade ?? "stable";
  if (grade === "devel" && channels.some((c) => /(?:^|\/)(?:stable|candidate)(?:\/|$)/.test(c))) {
    throw ConfigurationError.forInput("platforms.snap.grade", `grade devel snaps cannot be released to ${channels.join(", ")}: the store only takes them on beta or edge`);
  }
  const targets = snapTargets(ctx.config.build?.targets ?? []).filter((t) => t.snap !== void 0);
  if (targets.length === 0) {
    throw ConfigurationError.forInput("build.targets", "the snap spoke needs at least one Linux target (linux-x64 or linux-arm64, gnu or musl)");
  }
  const description = (project.description ?? `${name}, released with DeployForge`).trim();
  return {
    name,
    binary: ctx.config.build?.binary ?? project.name,
    version,
    summary: summaryOf(description),
    description,
    confinement: block.confinement ?? "strict",
    grade,
    channels,
    targets
  };
}
function summaryOf(description) {
  const line = description.split("\n")[0].trim();
  if (line.length <= SNAP_SUMMARY_MAX) return line;
  const cut = line.slice(0, SNAP_SUMMARY_MAX - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}\u2026`;
}

// packages/platforms/src/snap/store-answers.ts
function exportLoginCommand(name, channels) {
  return `snapcraft export-login --snaps=${name} --channels=${channels.join(",")} --acls=package_access,package_push,package_update,package_release -`;
}
var CREDENTIALS_EXPIRED = /credentials are no longer valid|expired macaroon|macaroon.*(?:expired|needs refresh)|invalid credentials|\b401\b|unauthorized/i;
var DUPLICATE = /a file with this exact same content has already been uploaded/i;
var NOT_REGISTERED = /not registered|snap not found for the given snap name|was not found in the snap store/i;
function classifyUpload(code, output) {
  if (DUPLICATE.test(output)) return { kind: "duplicate" };
  if (code === 0) {
    const revision = /Revision (\d+) created/i.exec(output)?.[1];
    return revision ? { kind: "uploaded", revision: Number(revision) } : { kind: "uploaded" };
  }
  if (CREDENTIALS_EXPIRED.test(output)) return { kind: "credentials-expired" };
  if (NOT_REGISTERED.test(output)) return { kind: "not-registered" };
  return { kind: "failed", tail: tail(output) };
}
function parseRevisions(output) {
  const lines = output.split("\n").map((l) => l.trim()).filter(Boolean);
  const header = lines.findIndex((l) => /^Rev\.\s+Uploaded\s+Arches\s+Version/.test(l));
  if (header < 0) return [];
  const revisions = [];
  for (const line of lines.slice(header + 1)) {
    const [rev, uploaded, arches, version, channels] = line.split(/\s+/);
    if (!rev || !/^\d+$/.test(rev) || !uploaded || !arches || !version) continue;
    revisions.push({
      revision: Number(rev),
      uploaded,
      arches: arches.split(","),
      version,
      channels: !channels || channels === "-" ? [] : channels.split(",").map((c) => c.replace(/\*$/, ""))
    });
  }
  return revisions;
}
function tail(output, lines = 8) {
  return output.trim().split("\n").slice(-lines).join("\n");
}
function credentialsExpired(output) {
  return CREDENTIALS_EXPIRED.test(output);
}
function notRegistered(output) {
  return NOT_REGISTERED.test(output);
}

// packages/platforms/src/snap/check.ts
async function checkSnap(ctx) {
  const settings = snapSettings(ctx);
  if (!ctx.env[STORE_CREDENTIALS]) {
    return { state: "unknown", detail: `${STORE_CREDENTIALS} is not set, so the store cannot be asked; create it with \`${exportLoginCommand(settings.name, settings.channels)}\`` };
  }
  const result = await runSnapcraft(ctx, ["list-revisions", settings.name]);
  const url = `https://snapcraft.io/${settings.name}`;
  if (result.code !== 0) {
    if (credentialsExpired(result.output)) {
      return { state: "unknown", detail: `the store refused ${STORE_CREDENTIALS} (expired or revoked): run \`${exportLoginCommand(settings.name, settings.channels)}\` and update the secret` };
    }
    if (notRegistered(result.output)) return { state: "absent", detail: `the snap name ${settings.name} has no revisions in the store (not registered yet?)` };
    return { state: "unknown", detail: `snapcraft list-revisions ${settings.name} exited ${result.code}: ${tail(result.output)}` };
  }
  const revisions = parseRevisions(result.output).filter((r) => r.version === settings.version);
  const found = settings.targets.map((t) => ({ arch: t.snap, rev: revisions.find((r) => r.arches.includes(t.snap)) }));
  const have = found.filter((f) => f.rev).map((f) => `${f.arch} r${f.rev.revision}`);
  const missing = found.filter((f) => !f.rev).map((f) => f.arch);
  if (missing.length === 0) return { state: "identical", detail: `revisions of ${settings.version}: ${have.join(", ")}`, url };
  const partial = have.length > 0 ? `; already there: ${have.join(", ")}` : "";
  return { state: "absent", detail: `no revision of ${settings.version} for ${missing.join(", ")}${partial}` };
}

// packages/platforms/src/snap/publish.ts
import { join as join2 } from "node:path";

// packages/platforms/src/snap/build-snap.ts
import { spawn as spawn2 } from "node:child_process";
import { chmod, mkdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
var MKSQUASHFS_FLAGS = ["-noappend", "-comp", "xz", "-all-root", "-no-xattrs", "-no-fragments", "-all-time", "0", "-mkfs-time", "0", "-quiet", "-no-progress"];
async function buildSnap(options) {
  const { ctx, target } = options;
  const prime = join(ctx.workDir, `prime-${target.snap ?? target.id}`);
  await rm(prime, { recursive: true, force: true });
  await mkdir(join(prime, "bin"), { recursive: true });
  await mkdir(join(prime, "meta"), { recursive: true });
  const archive = await ctx.fetchAsset(options.asset);
  const exe = binaryName(options.binary, target.id);
  await So({ file: archive, cwd: join(prime, "bin"), strict: true }, [exe]);
  const binPath = join(prime, "bin", exe);
  try {
    await stat(binPath);
  } catch {
    throw new Error(`${options.asset.name} has no ${exe} at its root`);
  }
  await chmod(binPath, 493);
  await writeFile(join(prime, "meta", "snap.yaml"), options.snapYaml);
  await rm(options.output, { force: true });
  await mksquashfs(prime, options.output);
  return options.output;
}
function mksquashfs(source, output) {
  return new Promise((resolve, reject) => {
    const child = spawn2("mksquashfs", [source, output, ...MKSQUASHFS_FLAGS], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (c) => stderr += c);
    child.once(
      "error",
      (error) => reject(error.code === "ENOENT" ? new Error("mksquashfs is not installed (Debian/Ubuntu: apt-get install squashfs-tools)") : error)
    );
    child.once("close", (code) => code === 0 ? resolve() : reject(new Error(`mksquashfs exited ${code}: ${stderr.trim().slice(-500)}`)));
  });
}

// packages/platforms/src/snap/snap-yaml.ts
var import_yaml = __toESM(require_dist(), 1);
var STRICT_PLUGS = ["home", "network"];
function renderSnapYaml(settings, arch) {
  const app = { command: `bin/${settings.binary}` };
  if (settings.confinement !== "classic") app.plugs = [...STRICT_PLUGS];
  const doc = {
    name: settings.name,
    // Quoted by the stringifier when it looks like a number (`1.10` must not become 1.1).
    version: settings.version,
    summary: settings.summary,
    description: settings.description,
    base: SNAP_BASE,
    confinement: settings.confinement,
    grade: settings.grade,
    architectures: [arch],
    apps: { [settings.binary]: app }
  };
  return (0, import_yaml.stringify)(doc, { lineWidth: 0 });
}
function snapFileName(settings, arch) {
  return `${settings.name}_${settings.version}_${arch}.snap`;
}

// packages/platforms/src/snap/publish.ts
var CONCURRENCY = 2;
async function publishSnap(ctx, files) {
  const settings = snapSettings(ctx);
  const renew = exportLoginCommand(settings.name, settings.channels);
  if (!ctx.env[STORE_CREDENTIALS]) {
    return { status: "failed", detail: `${STORE_CREDENTIALS} is not set: run \`${renew}\` and store its output as that secret` };
  }
  const results = await mapWithConcurrency(settings.targets, CONCURRENCY, async (target) => {
    const asset = ctx.assets.find((a) => a.target === target.id);
    if (!asset) throw new Error(`the release has no archive for ${target.id}`);
    const yamlFile = files.find((f) => f.path === `${target.snap}/meta/snap.yaml`);
    if (!yamlFile) throw new Error(`no rendered snap.yaml for ${target.snap}`);
    const file = await buildSnap({
      ctx,
      target,
      asset,
      binary: settings.binary,
      snapYaml: typeof yamlFile.contents === "string" ? yamlFile.contents : Buffer.from(yamlFile.contents).toString("utf8"),
      output: join2(ctx.workDir, snapFileName(settings, target.snap))
    });
    ctx.log.info(`snap: built ${snapFileName(settings, target.snap)}, uploading to ${settings.channels.join(", ")}`);
    const upload = await runSnapcraft(ctx, ["upload", `--release=${settings.channels.join(",")}`, file]);
    return { arch: target.snap, answer: classifyUpload(upload.code, upload.output) };
  });
  return summarize(settings.name, settings.version, settings.channels, results, renew);
}
function summarize(name, version, channels, results, renew) {
  const url = `https://snapcraft.io/${name}`;
  const words = results.map(({ arch, answer }) => {
    switch (answer.kind) {
      case "uploaded":
        return `${arch}: revision ${answer.revision ?? "?"} released to ${channels.join(", ")}`;
      case "duplicate":
        return `${arch}: the store already has this identical binary`;
      case "credentials-expired":
        return `${arch}: credentials refused`;
      case "not-registered":
        return `${arch}: name not registered`;
      case "failed":
        return `${arch}: upload failed: ${answer.tail}`;
    }
  });
  const detail = words.join("; ");
  const kinds = new Set(results.map((r) => r.answer.kind));
  if (kinds.has("failed")) return { status: "failed", detail };
  if (kinds.has("credentials-expired")) {
    return { status: "needs-human", detail: `the Snap Store refused ${STORE_CREDENTIALS} (expired or revoked): run \`${renew}\` and update the secret, then re-run; ${detail}` };
  }
  if (kinds.has("not-registered")) {
    return { status: "needs-human", detail: `the snap name ${name} is not registered to this account: run \`snapcraft register ${name}\`, then re-run; ${detail}` };
  }
  if (kinds.size === 1 && kinds.has("duplicate")) return { status: "skipped", detail: `${version} is already in the store: ${detail}`, url };
  return { status: "published", detail, url };
}

// packages/platforms/src/snap/render.ts
function renderSnap(ctx) {
  const settings = snapSettings(ctx);
  return settings.targets.map((t) => ({ path: `${t.snap}/meta/snap.yaml`, contents: renderSnapYaml(settings, t.snap) }));
}

// packages/platforms/src/snap/status.ts
async function statusSnap(ctx) {
  const settings = snapSettings(ctx);
  const url = `https://snapcraft.io/${settings.name}`;
  if (!ctx.env[STORE_CREDENTIALS]) return { url, detail: `${STORE_CREDENTIALS} is not set: the store cannot be asked` };
  const result = await runSnapcraft(ctx, ["list-revisions", settings.name]);
  if (result.code !== 0) return { url, detail: `snapcraft list-revisions exited ${result.code}: ${tail(result.output, 3)}` };
  const wanted = new Set(settings.channels.map(fullChannel));
  const released = parseRevisions(result.output).filter((r) => r.channels.some((c) => wanted.has(fullChannel(c)))).sort((a, b) => b.revision - a.revision)[0];
  return released ? { latest: released.version, url, detail: `revision ${released.revision}` } : { url, detail: "nothing released to the configured channels" };
}
function fullChannel(channel) {
  return channel.includes("/") ? channel : `latest/${channel}`;
}

// packages/platforms/src/snap/index.ts
var snapPlatform = {
  id: "snap",
  check: checkSnap,
  render: renderSnap,
  publish: publishSnap,
  status: statusSnap
};
export {
  snapPlatform
};
