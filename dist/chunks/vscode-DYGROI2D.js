import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  ConfigurationError,
  errorMessage
} from "./chunk-GMIJ6JCU.js";
import "./chunk-EXBJN2G4.js";

// packages/platforms/src/vscode/extension-manifest.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
async function readExtensionManifest(folder) {
  const file = join(folder, "package.json");
  let raw;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new ConfigurationError(`platforms.vscode.path: cannot read ${file}: ${errorMessage(error)}`);
  }
  const json = raw;
  const { publisher, name } = json;
  if (typeof publisher !== "string" || !publisher || typeof name !== "string" || !name) {
    throw new ConfigurationError(`${file}: an extension needs "publisher" and "name" (the store id is publisher.name)`);
  }
  return { publisher, name, id: `${publisher}.${name}`, raw: json };
}

// packages/platforms/src/vscode/marketplace-client.ts
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
var QUERY_FLAGS = 1 | 2 | 16;
var FILTER_EXTENSION_NAME = 7;
var PUBLIC_API_VERSION = "3.0-preview.1";
var PUBLISH_API_VERSION = "7.1-preview.2";
async function queryMarketplace(base, id, signal) {
  const response = await fetch(`${base}/_apis/public/gallery/extensionquery`, {
    method: "POST",
    headers: { accept: `application/json;api-version=${PUBLIC_API_VERSION}`, "content-type": "application/json" },
    body: JSON.stringify({
      filters: [{ criteria: [{ filterType: FILTER_EXTENSION_NAME, value: id }], pageNumber: 1, pageSize: 1, sortBy: 0, sortOrder: 0 }],
      assetTypes: [],
      flags: QUERY_FLAGS
    }),
    ...signal ? { signal } : {}
  });
  if (!response.ok) throw new Error(`the Marketplace extension query answered HTTP ${response.status}`);
  const body = await response.json();
  const extension = body.results?.[0]?.extensions?.[0];
  if (!extension) return void 0;
  return { versions: (extension.versions ?? []).map((v) => String(v.version)) };
}
async function publishToMarketplace(options) {
  const { manifest } = options;
  const url = new URL(
    options.exists ? `${options.base}/_apis/gallery/publishers/${encodeURIComponent(manifest.publisher)}/extensions/${encodeURIComponent(manifest.name)}` : `${options.base}/_apis/gallery/extensions`
  );
  const size = (await stat(options.vsix)).size;
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const { status, text } = await new Promise((resolve2, reject) => {
    const req = send(url, {
      method: options.exists ? "PUT" : "POST",
      headers: {
        accept: `application/json;api-version=${PUBLISH_API_VERSION}`,
        "content-type": "application/octet-stream",
        "content-length": String(size),
        authorization: `Basic ${Buffer.from(`OAuth:${options.pat}`).toString("base64")}`,
        "user-agent": "deployforge"
      },
      ...options.signal ? { signal: options.signal } : {}
    }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (c) => body += c).on("end", () => resolve2({ status: res.statusCode ?? 0, text: body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    createReadStream(options.vsix).on("error", reject).pipe(req);
  });
  const message = errorMessage2(text) ?? `HTTP ${status}`;
  if (status >= 200 && status < 300) return { kind: "published" };
  if (status === 409 || /already exists/i.test(message)) return { kind: "duplicate", message };
  if (status === 401 || status === 403) return { kind: "unauthorized", message };
  return { kind: "failed", message: `HTTP ${status}: ${message}` };
}
function errorMessage2(text) {
  try {
    const parsed = JSON.parse(text);
    return typeof parsed.message === "string" ? parsed.message : void 0;
  } catch {
    return text.trim() ? text.trim().slice(0, 300) : void 0;
  }
}

// packages/platforms/src/vscode/commonjs-export.ts
function commonjsExport(mod, name) {
  const direct = mod[name];
  const viaDefault = (mod.default ?? {})[name];
  const found = direct ?? viaDefault;
  if (found === void 0) throw new Error(`${name} is missing from the loaded module`);
  return found;
}

// packages/platforms/src/vscode/open-vsx-client.ts
async function openVsxHasVersion(base, manifest, version, signal) {
  const url = `${base}/api/${encodeURIComponent(manifest.publisher)}/${encodeURIComponent(manifest.name)}/${encodeURIComponent(version)}`;
  const response = await fetch(url, { headers: { accept: "application/json" }, ...signal ? { signal } : {} });
  if (response.status === 404) return false;
  if (!response.ok) throw new Error(`Open VSX answered HTTP ${response.status} for ${url}`);
  const body = await response.json();
  if (typeof body.error === "string") return false;
  return body.version === version;
}
async function openVsxLatest(base, manifest, signal) {
  const url = `${base}/api/${encodeURIComponent(manifest.publisher)}/${encodeURIComponent(manifest.name)}`;
  const response = await fetch(url, { headers: { accept: "application/json" }, ...signal ? { signal } : {} });
  if (!response.ok) return void 0;
  const body = await response.json();
  return typeof body.version === "string" ? body.version : void 0;
}
async function publishToOpenVsx(options) {
  const Registry = commonjsExport(await import("./lib-4PP57M2O.js"), "Registry");
  const registry = new Registry({ registryUrl: options.base });
  try {
    const extension = await registry.publish(options.vsix, options.pat);
    if (extension.error) return classify(extension.error);
    return { kind: "published" };
  } catch (error) {
    return classify(errorMessage(error));
  }
}
function classify(message) {
  if (/is already published/i.test(message)) return { kind: "duplicate", message };
  if (/access token|insufficient access|not authorized|unauthorized|\b40[13]\b/i.test(message)) return { kind: "unauthorized", message };
  return { kind: "failed", message };
}

// packages/platforms/src/vscode/store-presence.ts
async function storePresence(ctx, store, manifest, version) {
  const url = store.id === "marketplace" ? `${store.url}/items?itemName=${manifest.id}` : `${store.url}/extension/${manifest.publisher}/${manifest.name}`;
  try {
    if (store.id === "marketplace") {
      const found = await queryMarketplace(store.url, manifest.id, ctx.signal);
      return { store, url, has: found?.versions.includes(version) ?? false, extensionExists: found !== void 0 };
    }
    return { store, url, has: await openVsxHasVersion(store.url, manifest, version, ctx.signal) };
  } catch (error) {
    return { store, url, error: errorMessage(error) };
  }
}

// packages/platforms/src/vscode/vscode-settings.ts
import { isAbsolute, resolve } from "node:path";
var DEFAULT_MARKETPLACE_URL = "https://marketplace.visualstudio.com";
var DEFAULT_OPEN_VSX_URL = "https://open-vsx.org";
var MARKETPLACE_URL_ENV = "DEPLOYFORGE_VSCE_MARKETPLACE_URL";
var OPEN_VSX_URL_ENV = "DEPLOYFORGE_OVSX_URL";
function vscodeSettings(ctx) {
  const block = ctx.config.platforms?.vscode;
  if (!block) throw new ConfigurationError("platforms.vscode is not configured");
  const base = ctx.env.DEPLOYFORGE_CONFIG_DIR ?? process.cwd();
  const folder = isAbsolute(block.path) ? block.path : resolve(base, block.path);
  if (!/^\d+\.\d+\.\d+$/.test(ctx.version.version)) {
    throw ConfigurationError.forInput("version", `${ctx.version.version} cannot be an extension version: the VS Code Marketplace accepts only major.minor.patch (publish prereleases as a plain version with a pre-release flag, or remove platforms.vscode for prerelease tags)`);
  }
  const stores = [];
  if (block.marketplace !== false) {
    stores.push({ id: "marketplace", displayName: "VS Code Marketplace", url: trimSlash(ctx.env[MARKETPLACE_URL_ENV] ?? DEFAULT_MARKETPLACE_URL), credential: "VSCE_PAT" });
  }
  if (block["open-vsx"] !== false) {
    stores.push({ id: "open-vsx", displayName: "Open VSX", url: trimSlash(ctx.env[OPEN_VSX_URL_ENV] ?? DEFAULT_OPEN_VSX_URL), credential: "OVSX_PAT" });
  }
  if (stores.length === 0) throw ConfigurationError.forInput("platforms.vscode", "both marketplace and open-vsx are false: nothing to publish to");
  return { folder, version: ctx.version.version, stores };
}
var trimSlash = (url) => url.replace(/\/+$/, "");

// packages/platforms/src/vscode/check.ts
async function checkVscode(ctx) {
  const settings = vscodeSettings(ctx);
  const manifest = await readExtensionManifest(settings.folder);
  const answers = await Promise.all(settings.stores.map((s) => storePresence(ctx, s, manifest, settings.version)));
  const broken = answers.filter((a) => a.error !== void 0);
  if (broken.length > 0) {
    return { state: "unknown", detail: broken.map((a) => `${a.store.displayName}: ${a.error}`).join("; ") };
  }
  const words = answers.map((a) => `${a.store.displayName} ${a.has ? "has" : "lacks"} ${manifest.id}@${settings.version}`).join("; ");
  const first = answers[0];
  if (answers.every((a) => a.has)) return { state: "identical", detail: words, url: first.url };
  return { state: "absent", detail: words };
}

// packages/platforms/src/vscode/package-vsix.ts
import { cp, readdir, writeFile } from "node:fs/promises";
import { join as join2 } from "node:path";
async function packageVsix(options) {
  const copy = join2(options.workDir, "extension");
  await cp(options.folder, copy, { recursive: true, filter: (src) => !src.split(/[\\/]/).includes(".git") });
  await writeFile(join2(copy, "package.json"), `${JSON.stringify({ ...options.manifest.raw, version: options.version }, null, 2)}
`);
  const files = await readdir(copy);
  if (!files.some((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f))) options.log.warning(`vscode: ${options.folder} has no LICENSE file; the stores show the package.json license only`);
  if (!options.manifest.raw.repository) options.log.warning('vscode: the extension package.json has no "repository"');
  const packagePath = join2(options.workDir, `${options.manifest.name}-${options.version}.vsix`);
  const deps = options.manifest.raw.dependencies;
  const createVSIX = commonjsExport(await import("./api-FL5TFBJ7.js"), "createVSIX");
  await createVSIX({
    cwd: copy,
    packagePath,
    // `npm list --production` only makes sense (and only works) when there are dependencies to ship.
    dependencies: typeof deps === "object" && deps !== null && Object.keys(deps).length > 0,
    skipLicense: true,
    allowMissingRepository: true
  });
  return packagePath;
}

// packages/platforms/src/vscode/publish.ts
var CREDENTIAL_HELP = {
  VSCE_PAT: "an Azure DevOps PAT with the Marketplace (Manage) scope, for the extension's publisher",
  OVSX_PAT: "an Open VSX access token of a member of the extension's namespace"
};
async function publishVscode(ctx, _files) {
  const settings = vscodeSettings(ctx);
  const missing = settings.stores.filter((s) => !ctx.env[s.credential]);
  if (missing.length > 0) {
    return { status: "failed", detail: missing.map((s) => `${s.credential} is not set: ${s.displayName} needs ${CREDENTIAL_HELP[s.credential]}`).join("; ") };
  }
  const manifest = await readExtensionManifest(settings.folder);
  const presence = await Promise.all(settings.stores.map((s) => storePresence(ctx, s, manifest, settings.version)));
  const todo = presence.filter((p) => !p.has);
  const answers = presence.filter((p) => p.has).map((p) => ({ store: p.store, kind: "present" }));
  if (todo.length > 0) {
    const vsix = await packageVsix({ folder: settings.folder, manifest, version: settings.version, workDir: ctx.workDir, log: ctx.log });
    ctx.log.info(`vscode: packaged ${manifest.id}@${settings.version}`);
    answers.push(...await Promise.all(todo.map(async (p) => {
      const pat = ctx.env[p.store.credential];
      const answer = p.store.id === "marketplace" ? await publishToMarketplace({ base: p.store.url, pat, vsix, manifest, exists: p.extensionExists ?? false, ...ctx.signal ? { signal: ctx.signal } : {} }) : await publishToOpenVsx({ base: p.store.url, pat, vsix });
      return { store: p.store, kind: answer.kind, ..."message" in answer ? { message: answer.message } : {} };
    })));
  }
  return summarize(answers, manifest.id, settings.version, presence[0].url);
}
function summarize(answers, id, version, url) {
  const words = answers.map((a) => {
    switch (a.kind) {
      case "published":
        return `${a.store.displayName}: published ${id}@${version}`;
      case "present":
        return `${a.store.displayName}: already had ${version}`;
      case "duplicate":
        return `${a.store.displayName}: already had ${version} (${a.message})`;
      case "unauthorized":
        return `${a.store.displayName} refused ${a.store.credential} (expired, revoked or without publish rights for ${id.split(".")[0]}): ${a.message}; create ${CREDENTIAL_HELP[a.store.credential]}`;
      case "failed":
        return `${a.store.displayName}: ${a.message}`;
    }
  });
  const detail = words.join("; ");
  if (answers.some((a) => a.kind === "unauthorized" || a.kind === "failed")) return { status: "failed", detail };
  if (answers.every((a) => a.kind === "present" || a.kind === "duplicate")) return { status: "skipped", detail, url };
  return { status: "published", detail, url };
}

// packages/platforms/src/vscode/render.ts
function renderVscode(ctx) {
  const settings = vscodeSettings(ctx);
  const plan = {
    extension: ctx.config.platforms?.vscode?.path,
    version: settings.version,
    stores: settings.stores.map((s) => ({ store: s.id, url: s.url, credential: s.credential }))
  };
  return [{ path: "vscode/publish-plan.json", contents: `${JSON.stringify(plan, null, 2)}
` }];
}

// packages/platforms/src/vscode/status.ts
async function statusVscode(ctx) {
  const settings = vscodeSettings(ctx);
  const manifest = await readExtensionManifest(settings.folder);
  const store = settings.stores[0];
  if (store.id === "marketplace") {
    const found = await queryMarketplace(store.url, manifest.id, ctx.signal);
    const latest2 = found?.versions[0];
    return { ...latest2 ? { latest: latest2 } : {}, url: `${store.url}/items?itemName=${manifest.id}`, detail: store.displayName };
  }
  const latest = await openVsxLatest(store.url, manifest, ctx.signal);
  return { ...latest ? { latest } : {}, url: `${store.url}/extension/${manifest.publisher}/${manifest.name}`, detail: store.displayName };
}

// packages/platforms/src/vscode/index.ts
var vscodePlatform = {
  id: "vscode",
  check: checkVscode,
  render: renderVscode,
  publish: publishVscode,
  status: statusVscode
};
export {
  vscodePlatform
};
