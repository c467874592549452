import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  mapWithConcurrency
} from "./chunk-ZHURFVS4.js";
import "./chunk-3BZQ6MWX.js";
import {
  ConfigurationError,
  createRedactor
} from "./chunk-GMIJ6JCU.js";
import "./chunk-EXBJN2G4.js";

// packages/platforms/src/custom/custom-entry.ts
function customEntry(ctx) {
  const name = ctx.instance;
  if (!name) throw new ConfigurationError("the custom spoke needs an entry name (platforms.custom.<name>); none was given");
  const entry = ctx.config.platforms?.custom?.[name];
  if (!entry) throw new ConfigurationError(`platforms.custom.${name} is not in the config`);
  return { name, entry };
}
function configDirectory(ctx) {
  return ctx.env.DEPLOYFORGE_CONFIG_DIR ?? process.cwd();
}

// packages/platforms/src/custom/command-env.ts
function targetEnvSuffix(target) {
  return target.toUpperCase().replace(/-/g, "_");
}
function commandEnv(options) {
  const env = {};
  if (options.path !== void 0) env.PATH = options.path;
  if (options.home !== void 0) env.HOME = options.home;
  Object.assign(env, options.entry.env ?? {});
  env.DEPLOYFORGE_VERSION = options.version.version;
  env.DEPLOYFORGE_TAG = options.version.tag;
  env.DEPLOYFORGE_PRERELEASE = options.version.prerelease ? "true" : "false";
  env.DEPLOYFORGE_ASSETS_DIR = options.assetsDir;
  env.DEPLOYFORGE_ASSETS = options.assetsDir;
  for (const archive of options.archives) {
    const suffix = targetEnvSuffix(archive.target);
    env[`DEPLOYFORGE_ASSET_${suffix}`] = archive.path;
    env[`DEPLOYFORGE_SHA256_${suffix}`] = archive.sha256;
  }
  return env;
}

// packages/platforms/src/custom/command-redactor.ts
var SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PAT$|_KEY|^KEY|CREDENTIAL|AUTH/i;
function commandRedactor(ctx, entry) {
  const secrets = [];
  for (const source of [ctx.env, entry.env ?? {}]) {
    for (const [name, value] of Object.entries(source)) if (SECRET_NAME.test(name)) secrets.push(value);
  }
  return createRedactor(secrets);
}

// packages/platforms/src/custom/release-assets-dir.ts
import { copyFile, link, mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
var SUMS = "SHA256SUMS";
var DOWNLOAD_CONCURRENCY = 4;
async function releaseAssetsDir(ctx) {
  const dir = join(ctx.workDir, "release-assets");
  await mkdir(dir, { recursive: true });
  const archives = ctx.assets.filter((a) => a.target !== void 0 && a.name !== SUMS);
  const local = await mapWithConcurrency(archives, DOWNLOAD_CONCURRENCY, async (asset) => {
    const fetched = await ctx.fetchAsset(asset);
    const path = join(dir, asset.name);
    if (fetched !== path) await placeFile(fetched, path);
    return { target: asset.target, path, sha256: asset.sha256 };
  });
  const sums = archives.map((a) => `${a.sha256}  ${a.name}
`).join("");
  await writeFile(join(dir, SUMS), sums);
  return { dir, archives: local };
}
async function placeFile(from, to) {
  await rm(to, { force: true });
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

// packages/platforms/src/custom/prepare-command.ts
var prepared = /* @__PURE__ */ new WeakMap();
function prepareCommand(ctx) {
  let p = prepared.get(ctx);
  if (!p) {
    p = build(ctx);
    prepared.set(ctx, p);
    p.catch(() => prepared.delete(ctx));
  }
  return p;
}
async function build(ctx) {
  const { name, entry } = customEntry(ctx);
  const assets = await releaseAssetsDir(ctx);
  const env = commandEnv({
    version: ctx.version,
    entry,
    assetsDir: assets.dir,
    archives: assets.archives,
    // PATH and HOME are the runner's, not credentials: a command needs them to find its tools.
    path: ctx.env.PATH ?? process.env.PATH,
    home: ctx.env.HOME ?? process.env.HOME
  });
  return { name, entry, cwd: configDirectory(ctx), env, redact: commandRedactor(ctx, entry) };
}

// packages/platforms/src/custom/run-shell.ts
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
var TAIL_LINES = 20;
var SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
function runShell(options) {
  const { log, redact, label } = options;
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-e", "-o", "pipefail", "-c", options.script], {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      ...options.signal ? { signal: options.signal } : {}
    });
    const tail = [];
    const outDone = new Promise((done) => {
      createInterface({ input: child.stdout, crlfDelay: Infinity }).on("line", (line) => log.info(`[${label}] ${redact(line)}`)).on("close", done);
    });
    const errDone = new Promise((done) => {
      createInterface({ input: child.stderr, crlfDelay: Infinity }).on("line", (line) => {
        const clean = redact(line);
        log.info(`[${label}] ${clean}`);
        tail.push(clean);
        if (tail.length > TAIL_LINES) tail.shift();
      }).on("close", done);
    });
    child.once("error", reject);
    child.once("close", (code, signal) => {
      void Promise.all([outDone, errDone]).then(
        () => resolve({ code: code ?? 128 + (signal ? SIGNALS[signal] ?? 0 : 0), stderrTail: tail.join("\n") })
      );
    });
  });
}

// packages/platforms/src/custom/check.ts
async function checkCustom(ctx) {
  const { name, entry } = customEntry(ctx);
  if (!entry.check) return { state: "absent", detail: `platforms.custom.${name} has no \`check\` command, so \`run\` runs on every release` };
  const command = await prepareCommand(ctx);
  const result = await runShell({
    script: entry.check,
    cwd: command.cwd,
    env: command.env,
    log: ctx.log,
    redact: command.redact,
    label: `custom:${name} check`,
    ...ctx.signal ? { signal: ctx.signal } : {}
  });
  if (result.code === 0) return { state: "identical", detail: `\`check\` of platforms.custom.${name} exited 0 (already deployed)` };
  if (result.code === 1) return { state: "absent", detail: `\`check\` of platforms.custom.${name} exited 1 (not deployed)` };
  const tail = result.stderrTail ? `; stderr ends with:
${result.stderrTail}` : "";
  return { state: "unknown", detail: `\`check\` of platforms.custom.${name} exited ${result.code} (0 = deployed, 1 = not deployed)${tail}` };
}

// packages/platforms/src/custom/publish.ts
async function publishCustom(ctx, _files) {
  const command = await prepareCommand(ctx);
  const result = await runShell({
    script: command.entry.run,
    cwd: command.cwd,
    env: command.env,
    log: ctx.log,
    redact: command.redact,
    label: `custom:${command.name}`,
    ...ctx.signal ? { signal: ctx.signal } : {}
  });
  if (result.code === 0) return { status: "published", detail: `\`run\` of platforms.custom.${command.name} succeeded for ${ctx.version.version}` };
  const tail = result.stderrTail ? `; stderr ends with:
${result.stderrTail}` : "";
  return { status: "failed", detail: `\`run\` of platforms.custom.${command.name} exited ${result.code}${tail}` };
}

// packages/platforms/src/custom/render.ts
function renderCustom(ctx) {
  const { name, entry } = customEntry(ctx);
  const files = [{ path: `custom/${name}/run.sh`, contents: `${entry.run}
`, mode: 493 }];
  if (entry.check) files.push({ path: `custom/${name}/check.sh`, contents: `${entry.check}
`, mode: 493 });
  return files;
}

// packages/platforms/src/custom/status.ts
async function statusCustom(ctx) {
  const { name } = customEntry(ctx);
  return { detail: `platforms.custom.${name} is a command of your own: DeployForge cannot read its live version` };
}

// packages/platforms/src/custom/index.ts
var customPlatform = {
  id: "custom",
  check: checkCustom,
  render: renderCustom,
  publish: publishCustom,
  status: statusCustom
};
export {
  customPlatform
};
