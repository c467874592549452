import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  require_yauzl
} from "./chunk-MQYSEEJS.js";
import {
  require_yazl
} from "./chunk-VJAFAEWP.js";
import {
  So
} from "./chunk-DGOHO7Y2.js";
import {
  mapWithConcurrency
} from "./chunk-ZHURFVS4.js";
import "./chunk-3BZQ6MWX.js";
import {
  binaryName,
  targetInfo
} from "./chunk-7MAI2M42.js";
import {
  ConfigurationError,
  errorMessage
} from "./chunk-GMIJ6JCU.js";
import {
  __toESM
} from "./chunk-EXBJN2G4.js";

// packages/platforms/src/pypi/compare-wheels.ts
function compareWheels(ours, theirs) {
  const published = new Map(theirs.map((f) => [f.filename, f.sha256]));
  const same = [];
  const changed = [];
  const missing = [];
  for (const wheel of ours) {
    const digest = published.get(wheel.filename);
    if (digest === void 0) missing.push(wheel.filename);
    else if (digest === wheel.sha256) same.push(wheel.filename);
    else changed.push(wheel.filename);
  }
  const state = changed.length > 0 ? "different" : missing.length === 0 ? "identical" : "absent";
  return { state, same, changed, missing };
}
function describeComparison(c) {
  const parts = [];
  if (c.changed.length) parts.push(`${c.changed.length} wheel(s) with other sha256: ${c.changed.join(", ")}`);
  if (c.same.length) parts.push(`${c.same.length} wheel(s) with the same sha256`);
  if (c.missing.length) parts.push(`${c.missing.length} wheel(s) not uploaded yet`);
  return parts.join("; ");
}

// packages/platforms/src/pypi/pypi-names.ts
function normalizeProjectName(name) {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
function wheelDistributionName(name) {
  return normalizeProjectName(name).replace(/-/g, "_");
}
function wheelFileName(name, version, platformTag) {
  return `${wheelDistributionName(name)}-${version.replace(/-/g, "_")}-py3-none-${platformTag}.whl`;
}
function wheelFolders(name, version) {
  const stem = `${wheelDistributionName(name)}-${version.replace(/-/g, "_")}`;
  return { distInfo: `${stem}.dist-info`, scripts: `${stem}.data/scripts` };
}

// packages/platforms/src/pypi/pypi-json-api.ts
var TIMEOUT_MS = 3e4;
async function getJson(url, signal) {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const response = await fetch(url, {
    headers: { accept: "application/json", "user-agent": "deployforge" },
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout
  });
  if (response.status === 404) {
    await response.body?.cancel();
    return { status: 404 };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`);
  }
  return { status: response.status, body: await response.json() };
}
function filesOf(body) {
  const urls = body.urls;
  if (!Array.isArray(urls)) throw new Error("the PyPI JSON API answer has no urls list");
  return urls.map((u) => {
    if (typeof u.filename !== "string" || typeof u.digests?.sha256 !== "string") {
      throw new Error("the PyPI JSON API answer lists a file without filename or sha256");
    }
    return {
      filename: u.filename,
      sha256: u.digests.sha256.toLowerCase(),
      ...typeof u.url === "string" ? { url: u.url } : {},
      ...u.yanked === true ? { yanked: true } : {}
    };
  });
}
async function fetchReleaseFiles(index, name, version, signal) {
  const project = encodeURIComponent(normalizeProjectName(name));
  const url = `${index}pypi/${project}/${encodeURIComponent(version)}/json`;
  const answer = await getJson(url, signal);
  return { url: `${index}project/${project}/${encodeURIComponent(version)}/`, ...answer.body !== void 0 ? { files: filesOf(answer.body) } : {} };
}
async function fetchLatestVersion(index, name, signal) {
  const project = encodeURIComponent(normalizeProjectName(name));
  const answer = await getJson(`${index}pypi/${project}/json`, signal);
  const url = `${index}project/${project}/`;
  if (answer.body === void 0) return { url };
  const latest = answer.body.info?.version;
  if (typeof latest !== "string") throw new Error("the PyPI JSON API answer has no info.version");
  return { latest, url };
}

// packages/platforms/src/pypi/pypi-settings.ts
var DEFAULT_PYPI_REPOSITORY = "https://upload.pypi.org/legacy/";
var DEFAULT_PYPI_INDEX = "https://pypi.org/";
var withSlash = (url) => url.endsWith("/") ? url : `${url}/`;
function pypiSettings(ctx) {
  const block = ctx.config.platforms?.pypi ?? void 0;
  const version = ctx.version.pypiVersion;
  if (!version) {
    throw ConfigurationError.forInput(
      "version",
      `${ctx.version.version} has no PEP 440 form, so it cannot be published to PyPI; use a prerelease PyPI understands (-alpha.N, -beta.N, -rc.N, -dev.N) or leave pypi out of this release`
    );
  }
  return {
    name: block?.package ?? ctx.config.project.name,
    version,
    repository: block?.repository ?? DEFAULT_PYPI_REPOSITORY,
    index: withSlash(block?.index ?? DEFAULT_PYPI_INDEX),
    binary: ctx.config.build?.binary ?? ctx.config.project.name
  };
}

// packages/platforms/src/pypi/release-wheels.ts
import { join as join2 } from "node:path";

// packages/platforms/src/pypi/build-wheel.ts
var import_yazl = __toESM(require_yazl(), 1);
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
var MTIME = new Date(2e3, 0, 1, 0, 0, 0);
function recordHash(digest) {
  return `sha256=${digest.toString("base64url")}`;
}
async function sha256File(path) {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { digest: hash.digest(), size };
}
async function buildWheel(contents, destination) {
  const record = [];
  const { digest, size } = await sha256File(contents.binary.source);
  record.push(`${contents.binary.path},${recordHash(digest)},${size}`);
  const zip = new import_yazl.default.ZipFile();
  zip.addFile(contents.binary.source, contents.binary.path, { mtime: MTIME, mode: 33261, compress: true });
  for (const file of contents.texts) {
    const bytes = typeof file.contents === "string" ? Buffer.from(file.contents, "utf8") : Buffer.from(file.contents);
    record.push(`${file.path},${recordHash(createHash("sha256").update(bytes).digest())},${bytes.length}`);
    zip.addBuffer(bytes, file.path, { mtime: MTIME, mode: 33188, compress: true });
  }
  record.push(`${contents.recordPath},,`);
  zip.addBuffer(Buffer.from(`${record.join("\n")}
`, "utf8"), contents.recordPath, { mtime: MTIME, mode: 33188, compress: true });
  zip.end();
  await mkdir(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  const hash = createHash("sha256");
  const tap = new PassThrough();
  tap.on("data", (chunk) => hash.update(chunk));
  try {
    await pipeline(zip.outputStream, tap, createWriteStream(partial));
    await rename(partial, destination);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { path: destination, sha256: hash.digest("hex"), size: (await stat(destination)).size };
}

// packages/platforms/src/pypi/extract-binary.ts
import { createWriteStream as createWriteStream2 } from "node:fs";
import { chmod, mkdir as mkdir2, rename as rename2, rm as rm2 } from "node:fs/promises";
import { join } from "node:path";
import { pipeline as pipeline2 } from "node:stream/promises";
var import_yauzl = __toESM(require_yauzl(), 1);
async function extractBinary(archive, binaryFile, destinationDir) {
  await mkdir2(destinationDir, { recursive: true });
  const out = join(destinationDir, binaryFile);
  if (archive.endsWith(".zip")) {
    await extractFromZip(archive, binaryFile, out);
  } else {
    const stage = `${out}.d`;
    await rm2(stage, { recursive: true, force: true });
    await mkdir2(stage);
    let found = false;
    await So({
      file: archive,
      cwd: stage,
      strict: true,
      filter: (path) => {
        const hit = path.replace(/^\.\//, "") === binaryFile;
        found ||= hit;
        return hit;
      }
    });
    if (!found) throw new Error(`${binaryFile} is not at the root of ${archive}`);
    await rename2(join(stage, binaryFile), out);
    await rm2(stage, { recursive: true, force: true });
  }
  await chmod(out, 493);
  return out;
}
async function extractFromZip(archive, binaryFile, out) {
  const zip = await new Promise(
    (resolve, reject) => import_yauzl.default.open(archive, { lazyEntries: true, autoClose: true }, (err, z) => err ? reject(err) : resolve(z))
  );
  try {
    const entry = await new Promise((resolve, reject) => {
      zip.on("entry", (e) => e.fileName === binaryFile ? resolve(e) : zip.readEntry());
      zip.on("end", () => resolve(void 0));
      zip.on("error", reject);
      zip.readEntry();
    });
    if (!entry) throw new Error(`${binaryFile} is not at the root of ${archive}`);
    const stream = await zip.openReadStreamPromise(entry);
    await pipeline2(stream, createWriteStream2(out));
  } finally {
    zip.close();
  }
}

// packages/platforms/src/pypi/release-wheels.ts
var CONCURRENCY = 2;
var built = /* @__PURE__ */ new WeakMap();
function releaseWheels(ctx, settings, files) {
  const key = files.map((f) => `${f.path}\0${typeof f.contents === "string" ? f.contents : Buffer.from(f.contents).toString("base64")}`).join("\0");
  let perCtx = built.get(ctx);
  if (!perCtx) built.set(ctx, perCtx = /* @__PURE__ */ new Map());
  let result = perCtx.get(key);
  if (!result) {
    result = buildAll(ctx, settings, files);
    perCtx.set(key, result);
    result.catch(() => perCtx.delete(key));
  }
  return result;
}
async function buildAll(ctx, settings, files) {
  const { distInfo, scripts } = wheelFolders(settings.name, settings.version);
  const archives = ctx.assets.filter((a) => a.target !== void 0);
  return mapWithConcurrency(archives, CONCURRENCY, async (asset) => {
    const target = asset.target;
    const filename = wheelFileName(settings.name, settings.version, targetInfo(target).pypi.platformTag);
    const texts = files.filter((f) => f.path.startsWith(`${filename}/`)).map((f) => ({ path: f.path.slice(filename.length + 1), contents: f.contents }));
    if (texts.length === 0) throw new Error(`nothing was rendered for ${filename}`);
    const archive = await ctx.fetchAsset(asset);
    const exe = binaryName(settings.binary, target);
    const binary = await extractBinary(archive, exe, join2(ctx.workDir, "pypi", "bin", target));
    const wheel = await buildWheel(
      { texts, binary: { source: binary, path: `${scripts}/${exe}` }, recordPath: `${distInfo}/RECORD` },
      join2(ctx.workDir, "pypi", "dist", filename)
    );
    return { ...wheel, filename, target };
  });
}

// packages/platforms/src/pypi/wheel-metadata.ts
function renderWheelMetadata(config, settings) {
  const oneLine = (value) => value.replace(/\s*[\r\n]+\s*/g, " ").trim();
  const project = config.project;
  const summary = oneLine(project.description ?? `The ${settings.binary} command-line tool`);
  const headers = [
    ["Metadata-Version", "2.1"],
    ["Name", settings.name],
    ["Version", settings.version],
    ["Summary", summary]
  ];
  if (project.homepage) headers.push(["Home-page", oneLine(project.homepage)]);
  if (project.license) headers.push(["License", oneLine(project.license)]);
  if (project.maintainer) headers.push(["Maintainer-email", oneLine(project.maintainer)]);
  if (project.homepage) headers.push(["Project-URL", `Homepage, ${oneLine(project.homepage)}`]);
  if (project.repository) {
    const source = `https://github.com/${project.repository}`;
    headers.push(["Project-URL", `Source, ${source}`], ["Project-URL", `Releases, ${source}/releases`]);
  }
  headers.push(["Description-Content-Type", "text/markdown"]);
  const body = [
    `# ${settings.name}`,
    "",
    summary,
    "",
    `This wheel installs the prebuilt \`${settings.binary}\` executable from the ${settings.version} release; it contains no Python code.`,
    "",
    "```",
    `pip install ${settings.name}`,
    `${settings.binary} --help`,
    "```",
    ""
  ].join("\n");
  return `${headers.map(([k, v]) => `${k}: ${v}`).join("\n")}

${body}`;
}
function renderWheelFile(platformTag) {
  return ["Wheel-Version: 1.0", "Generator: deployforge", "Root-Is-Purelib: false", `Tag: py3-none-${platformTag}`, ""].join("\n");
}

// packages/platforms/src/pypi/render.ts
function renderPypi(ctx) {
  const settings = pypiSettings(ctx);
  const metadata = renderWheelMetadata(ctx.config, settings);
  const { distInfo } = wheelFolders(settings.name, settings.version);
  const files = [];
  for (const asset of ctx.assets) {
    if (!asset.target) continue;
    const tag = targetInfo(asset.target).pypi.platformTag;
    const wheel = wheelFileName(settings.name, settings.version, tag);
    files.push(
      { path: `${wheel}/${distInfo}/METADATA`, contents: metadata },
      { path: `${wheel}/${distInfo}/WHEEL`, contents: renderWheelFile(tag) }
    );
  }
  if (files.length === 0) {
    throw new Error("the release has no target archives to turn into wheels");
  }
  return files;
}

// packages/platforms/src/pypi/check.ts
async function checkPypi(ctx) {
  const settings = pypiSettings(ctx);
  const release = await fetchReleaseFiles(settings.index, settings.name, settings.version, ctx.signal);
  if (!release.files) {
    return { state: "absent", detail: `${settings.name} ${settings.version} is not on ${settings.index}` };
  }
  const wheels = await releaseWheels(ctx, settings, renderPypi(ctx));
  const comparison = compareWheels(wheels, release.files);
  return { state: comparison.state, detail: describeComparison(comparison), url: release.url };
}

// packages/platforms/src/pypi/legacy-upload.ts
import { randomBytes } from "node:crypto";
import { createReadStream as createReadStream2 } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
var MAX_BODY = 64 * 1024;
var TIMEOUT_MS2 = 10 * 6e4;
var quote = (value) => value.replace(/[\r\n"]/g, (c) => encodeURIComponent(c));
async function postLegacyUpload(url, auth, form, signal) {
  const boundary = `deployforge-${randomBytes(12).toString("hex")}`;
  const head = Buffer.from(
    form.fields.map(([k, v]) => `--${boundary}\r
Content-Disposition: form-data; name="${quote(k)}"\r
\r
${v}\r
`).join("") + `--${boundary}\r
Content-Disposition: form-data; name="content"; filename="${quote(form.file.filename)}"\r
Content-Type: application/octet-stream\r
\r
`,
    "utf8"
  );
  const tail = Buffer.from(`\r
--${boundary}--\r
`, "utf8");
  const target = new URL(url);
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(target, {
      method: "POST",
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": head.length + form.file.size + tail.length,
        authorization: `Basic ${Buffer.from(auth, "utf8").toString("base64")}`,
        "user-agent": "deployforge"
      },
      timeout: TIMEOUT_MS2,
      ...signal ? { signal } : {}
    });
    let answered = false;
    req.once("timeout", () => req.destroy(new Error(`no answer from ${target.origin} within ${TIMEOUT_MS2 / 1e3}s`)));
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    req.once("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        if (body.length < MAX_BODY) body += chunk;
      });
      res.once("error", reject);
      res.once("end", () => resolve(classify(res.statusCode ?? 0, res.statusMessage ?? "", body)));
    });
    req.write(head);
    const file = createReadStream2(form.file.path, { highWaterMark: 1 << 20 });
    file.once("error", (error) => req.destroy(error));
    file.on("end", () => req.end(tail));
    file.pipe(req, { end: false });
  });
}
function classify(status, reason, body) {
  if (status >= 200 && status < 300) return { kind: "uploaded", status };
  const text = body.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  const message = (reason && reason !== "Bad Request" && reason !== "Forbidden" ? reason : text || reason).slice(0, 500);
  if (status === 400 && /File already exists|filename has already been used/i.test(`${reason} ${body}`)) {
    return { kind: "exists", status, message };
  }
  return { kind: "refused", status, message };
}

// packages/platforms/src/pypi/trusted-publishing.ts
async function pypiUploadToken(ctx, settings) {
  const token = ctx.env.PYPI_TOKEN;
  if (token) return token;
  const requestUrl = ctx.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = ctx.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!requestUrl || !requestToken) {
    throw new Error(
      "no PyPI credential: set the PYPI_TOKEN secret (an API token scoped to the project), or configure trusted publishing on PyPI and give the publish job `permissions: id-token: write`"
    );
  }
  const json = async (response, what) => {
    if (!response.ok) throw new Error(`${what} answered ${response.status} ${response.statusText}`);
    return await response.json();
  };
  const audienceAnswer = await json(await fetch(`${settings.index}_/oidc/audience`, { signal: ctx.signal ?? null }), "the PyPI OIDC audience endpoint");
  const audience = typeof audienceAnswer.audience === "string" ? audienceAnswer.audience : "pypi";
  const oidcUrl = new URL(requestUrl);
  oidcUrl.searchParams.set("audience", audience);
  const oidc = await json(
    await fetch(oidcUrl, { headers: { authorization: `bearer ${requestToken}` }, signal: ctx.signal ?? null }),
    "the GitHub OIDC token request"
  );
  if (typeof oidc.value !== "string") throw new Error("the GitHub OIDC token request returned no token");
  const minted = await fetch(`${settings.index}_/oidc/mint-token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: oidc.value }),
    signal: ctx.signal ?? null
  });
  const answer = await minted.json().catch(() => ({}));
  if (!minted.ok || typeof answer.token !== "string") {
    const why = answer.errors?.map((e) => e.description).join("; ") || String(answer.message ?? `${minted.status} ${minted.statusText}`);
    throw new Error(`PyPI refused the trusted publishing exchange (is a trusted publisher configured for this repository and workflow?): ${why}`);
  }
  return answer.token;
}

// packages/platforms/src/pypi/upload-fields.ts
function uploadFields(metadata, wheel) {
  const split = metadata.indexOf("\n\n");
  const headerText = split === -1 ? metadata : metadata.slice(0, split);
  const description = split === -1 ? "" : metadata.slice(split + 2);
  const headers = headerText.split("\n").filter((line) => line.includes(": ")).map((line) => [line.slice(0, line.indexOf(": ")), line.slice(line.indexOf(": ") + 2)]);
  const get = (key) => headers.find(([k]) => k === key)?.[1];
  const fields = [
    [":action", "file_upload"],
    ["protocol_version", "1"],
    ["metadata_version", get("Metadata-Version") ?? "2.1"],
    ["name", get("Name") ?? ""],
    ["version", get("Version") ?? ""],
    ["filetype", "bdist_wheel"],
    ["pyversion", "py3"]
  ];
  const optional = [
    ["summary", "Summary"],
    ["home_page", "Home-page"],
    ["license", "License"],
    ["maintainer_email", "Maintainer-email"],
    ["description_content_type", "Description-Content-Type"]
  ];
  for (const [field, header] of optional) {
    const value = get(header);
    if (value !== void 0) fields.push([field, value]);
  }
  for (const [k, v] of headers) if (k === "Project-URL") fields.push(["project_urls", v]);
  if (description) fields.push(["description", description]);
  fields.push(["sha256_digest", wheel.sha256]);
  return fields;
}

// packages/platforms/src/pypi/publish.ts
var RETRIES = 2;
async function publishPypi(ctx, files) {
  const settings = pypiSettings(ctx);
  const token = await pypiUploadToken(ctx, settings);
  const wheels = await releaseWheels(ctx, settings, files);
  const release = await fetchReleaseFiles(settings.index, settings.name, settings.version, ctx.signal);
  const before = compareWheels(wheels, release.files ?? []);
  if (before.changed.length > 0) {
    return {
      status: "failed",
      url: release.url,
      detail: `PyPI already has ${before.changed.join(", ")} with other content, and never lets a file be replaced: release a new version`
    };
  }
  const uploaded = [];
  for (const wheel of wheels.filter((w) => before.missing.includes(w.filename))) {
    const outcome = await uploadOne(ctx, settings.repository, token, wheel, files);
    if (outcome.kind === "uploaded") {
      uploaded.push(wheel.filename);
      ctx.log.info(`pypi: uploaded ${wheel.filename} (sha256 ${wheel.sha256})`);
      continue;
    }
    if (outcome.kind === "refused") {
      const why = outcome.status === 401 || outcome.status === 403 ? `PyPI refused the credentials (${outcome.status}): check that PYPI_TOKEN is a valid API token for ${settings.name}` : `PyPI refused ${wheel.filename} (${outcome.status})`;
      return { status: "failed", url: release.url, detail: `${why}: ${outcome.message}${progress(uploaded)}` };
    }
    const now = await fetchReleaseFiles(settings.index, settings.name, settings.version, ctx.signal);
    const theirs = now.files?.find((f) => f.filename === wheel.filename);
    if (theirs?.sha256 === wheel.sha256) {
      ctx.log.info(`pypi: ${wheel.filename} was already there with the same sha256`);
      continue;
    }
    const what = theirs ? "with other content" : "as a deleted file, whose name PyPI never accepts again";
    return {
      status: "failed",
      url: release.url,
      detail: `PyPI already has ${wheel.filename} ${what} (${outcome.message}): release a new version${progress(uploaded)}`
    };
  }
  const already = wheels.length - uploaded.length;
  return uploaded.length > 0 ? { status: "published", url: release.url, detail: `uploaded ${uploaded.length} wheel(s) to ${settings.repository}${already ? `; ${already} already there` : ""}` } : { status: "skipped", url: release.url, detail: `all ${wheels.length} wheel(s) were already on PyPI with the same sha256` };
}
var progress = (uploaded) => uploaded.length ? ` (uploaded before stopping: ${uploaded.join(", ")})` : "";
async function uploadOne(ctx, repository, token, wheel, files) {
  const metadataFile = files.find((f) => f.path.startsWith(`${wheel.filename}/`) && f.path.endsWith(".dist-info/METADATA"));
  if (!metadataFile) throw new Error(`no METADATA was rendered for ${wheel.filename}`);
  const metadata = typeof metadataFile.contents === "string" ? metadataFile.contents : Buffer.from(metadataFile.contents).toString("utf8");
  const form = { fields: uploadFields(metadata, wheel), file: { path: wheel.path, filename: wheel.filename, size: wheel.size } };
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await postLegacyUpload(repository, `__token__:${token}`, form, ctx.signal);
      if (answer.kind === "refused" && answer.status >= 500 && attempt < RETRIES) {
        ctx.log.warning(`pypi: ${wheel.filename}: ${answer.status} from the upload API, retrying`);
        await sleep(1e3 * 2 ** attempt);
        continue;
      }
      return answer;
    } catch (error) {
      if (attempt >= RETRIES || ctx.signal?.aborted) {
        throw new Error(`uploading ${wheel.filename} to ${repository}: ${errorMessage(error)}`);
      }
      ctx.log.warning(`pypi: ${wheel.filename}: ${errorMessage(error)}, retrying`);
      await sleep(1e3 * 2 ** attempt);
    }
  }
}
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// packages/platforms/src/pypi/status.ts
async function statusPypi(ctx) {
  const block = ctx.config.platforms?.pypi ?? void 0;
  const index = (block?.index ?? DEFAULT_PYPI_INDEX).replace(/\/?$/, "/");
  const name = block?.package ?? ctx.config.project.name;
  const { latest, url } = await fetchLatestVersion(index, name, ctx.signal);
  return latest ? { latest, url } : { url, detail: `${name} has no release on ${index}` };
}

// packages/platforms/src/pypi/index.ts
var pypiPlatform = {
  id: "pypi",
  check: checkPypi,
  render: renderPypi,
  publish: publishPypi,
  status: statusPypi
};
export {
  pypiPlatform
};
