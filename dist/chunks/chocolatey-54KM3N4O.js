import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  require_yazl
} from "./chunk-VJAFAEWP.js";
import {
  require_semver
} from "./chunk-M5OUCAEA.js";
import {
  TARGETS
} from "./chunk-7MAI2M42.js";
import "./chunk-GMIJ6JCU.js";
import {
  __toESM
} from "./chunk-EXBJN2G4.js";

// packages/platforms/src/chocolatey/check.ts
import { createHash as createHash2 } from "node:crypto";

// packages/platforms/src/chocolatey/nuget-version.ts
function toNugetVersion(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version);
  if (!m) throw new Error(`version ${version} is not semver, so it has no NuGet form`);
  const [, major, minor, patch, pre] = m;
  const core = `${Number(major)}.${Number(minor)}.${Number(patch)}`;
  if (!pre) return core;
  const parts = pre.split(".");
  let label = parts[0] ?? "";
  for (const part of parts.slice(1)) label += /^\d+$/.test(part) && !/\d$/.test(label) ? part : `-${part}`;
  if (!/^[A-Za-z]/.test(label)) label = `pre${label}`;
  if (label.length > 20) throw new Error(`prerelease "${pre}" is longer than the 20 characters NuGet allows in a SemVer 1 label`);
  return `${core}-${label}`;
}

// packages/platforms/src/chocolatey/chocolatey-package.ts
var SIMPLE_SPDX = /^[A-Za-z0-9.+-]+$/;
function windowsAsset(assets, target) {
  return assets.find((a) => a.target === target);
}
function authorsOf(ctx) {
  const maintainer = ctx.config.project.maintainer?.replace(/\s*<[^>]*>\s*$/, "").trim();
  if (maintainer) return maintainer;
  return ctx.config.project.repository?.split("/")[0] ?? ctx.config.project.name;
}
function chocolateyPackage(ctx) {
  const { project, build } = ctx.config;
  const downloads = [];
  for (const target of ["windows-x64", "windows-arm64"]) {
    if (!build.targets.includes(target)) continue;
    const asset = windowsAsset(ctx.assets, target);
    if (!asset) throw new Error(`the release has no archive for ${target}, which the Chocolatey package needs`);
    downloads.push({ arch: TARGETS[target].arch, url: asset.url, sha256: asset.sha256 });
  }
  if (downloads.length === 0) throw new Error("no Windows target is built, so there is nothing to package for Chocolatey");
  const repoUrl = project.repository ? `https://github.com/${project.repository}` : void 0;
  const description = project.description ?? project.name;
  return {
    id: ctx.config.platforms.chocolatey?.package ?? project.name,
    version: toNugetVersion(ctx.version.version),
    title: project.name,
    authors: authorsOf(ctx),
    ...project.homepage ?? repoUrl ? { projectUrl: project.homepage ?? repoUrl } : {},
    ...project.license && SIMPLE_SPDX.test(project.license) ? { licenseUrl: `https://spdx.org/licenses/${project.license}.html` } : {},
    ...repoUrl ? { packageSourceUrl: repoUrl, projectSourceUrl: repoUrl } : {},
    description,
    summary: description,
    // Chocolatey tags are space separated and may not contain spaces themselves.
    tags: [project.name.toLowerCase().replace(/[^a-z0-9.-]/g, "-"), "cli", "portable"].join(" "),
    binary: build.binary ?? project.name,
    downloads
  };
}

// packages/platforms/src/chocolatey/feed-client.ts
import { randomBytes } from "node:crypto";

// packages/platforms/src/chocolatey/feed-url.ts
var DEFAULT_SOURCE = "https://push.chocolatey.org/";
function feedRoot(ctx) {
  const source = ctx.config.platforms.chocolatey?.source ?? DEFAULT_SOURCE;
  return source.replace(/\/+$/, "").replace(/\/api\/v2(?:\/package)?$/i, "");
}
var pushUrl = (ctx) => `${feedRoot(ctx)}/api/v2/package/`;
var odataString = (s) => `'${s.replace(/'/g, "''")}'`;
var entryUrl = (ctx, id, version) => `${feedRoot(ctx)}/api/v2/Packages(Id=${encodeURIComponent(odataString(id))},Version=${encodeURIComponent(odataString(version))})`;
var findByIdUrl = (ctx, id) => `${feedRoot(ctx)}/api/v2/FindPackagesById()?id=${encodeURIComponent(odataString(id))}`;
function galleryUrl(ctx, id, version) {
  const root = feedRoot(ctx);
  if (/^https:\/\/push\.chocolatey\.org$/i.test(root)) return `https://community.chocolatey.org/packages/${encodeURIComponent(id)}/${encodeURIComponent(version)}`;
  return entryUrl(ctx, id, version);
}

// packages/platforms/src/chocolatey/xml-text.ts
function xmlText(value) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
function xmlDecode(value) {
  return value.replace(/&#x([0-9a-f]+);/gi, (_m, hex) => String.fromCodePoint(parseInt(hex, 16))).replace(/&#(\d+);/g, (_m, dec) => String.fromCodePoint(Number(dec))).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

// packages/platforms/src/chocolatey/odata-entry.ts
function property(entry, name) {
  const m = new RegExp(`<d:${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</d:${name}>)`).exec(entry);
  if (!m) return void 0;
  if (/m:null="true"/.test(m[0])) return void 0;
  return xmlDecode(m[1] ?? "");
}
function atomEntries(xml) {
  return [...xml.matchAll(/<entry[\s>][\s\S]*?<\/entry>/g)].map((m) => m[0]);
}
function parseFeedEntry(entry) {
  const title = /<title(?:\s[^>]*)?>([\s\S]*?)<\/title>/.exec(entry)?.[1];
  const approved = property(entry, "IsApproved");
  const out = {};
  const id = property(entry, "Id") ?? (title !== void 0 ? xmlDecode(title) : void 0);
  const version = property(entry, "Version");
  const hash = property(entry, "PackageHash");
  const algorithm = property(entry, "PackageHashAlgorithm");
  const status = property(entry, "PackageStatus");
  if (id !== void 0) out.id = id;
  if (version !== void 0) out.version = version;
  if (hash !== void 0) out.packageHash = hash;
  if (algorithm !== void 0) out.packageHashAlgorithm = algorithm;
  if (approved !== void 0) out.isApproved = approved.trim().toLowerCase() === "true";
  if (status !== void 0) out.packageStatus = status;
  return out;
}
function inModeration(p) {
  if (p.packageStatus && /^(?:submitted|waiting|pending|responded|ready|updated)/i.test(p.packageStatus)) return true;
  return p.isApproved === false && !/^(?:approved|exempted)$/i.test(p.packageStatus ?? "");
}

// packages/platforms/src/chocolatey/feed-client.ts
var API_KEY = "CHOCOLATEY_API_KEY";
function signalFor(ctx, ms) {
  const timeout = AbortSignal.timeout(ms);
  return ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
}
async function feedPackage(ctx, id, version) {
  const url = entryUrl(ctx, id, version);
  const key = ctx.env[API_KEY];
  const res = await fetch(url, { headers: { accept: "application/atom+xml", ...key ? { "X-NuGet-ApiKey": key } : {} }, signal: signalFor(ctx, 6e4) });
  const body = await res.text();
  if (res.status === 404) return void 0;
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 200)}`);
  const entry = atomEntries(body)[0];
  if (!entry) throw new Error(`GET ${url} answered 200 without an Atom entry`);
  return parseFeedEntry(entry);
}
async function feedVersions(ctx, id) {
  const url = findByIdUrl(ctx, id);
  const res = await fetch(url, { headers: { accept: "application/atom+xml" }, signal: signalFor(ctx, 6e4) });
  const body = await res.text();
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 200)}`);
  return atomEntries(body).map(parseFeedEntry);
}
async function pushNupkg(ctx, nupkg, fileName) {
  const key = ctx.env[API_KEY];
  if (!key) throw new Error(`${API_KEY} is not set: add your Chocolatey API key (https://community.chocolatey.org/account) as this secret`);
  const boundary = `deployforge-${randomBytes(12).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r
Content-Disposition: form-data; name="package"; filename="${fileName}"\r
Content-Type: application/octet-stream\r
\r
`
  );
  const tail = Buffer.from(`\r
--${boundary}--\r
`);
  const res = await fetch(pushUrl(ctx), {
    method: "PUT",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "X-NuGet-ApiKey": key, "X-NuGet-Protocol-Version": "4.1.0" },
    body: Buffer.concat([head, nupkg, tail]),
    signal: signalFor(ctx, 3e5)
  });
  return { status: res.status, body: await res.text() };
}

// packages/platforms/src/chocolatey/nupkg.ts
var import_yazl = __toESM(require_yazl(), 1);
var EPOCH = new Date(Date.UTC(2e3, 0, 1, 0, 0, 0));
function buildNupkg(files) {
  return new Promise((resolve, reject) => {
    const zip = new import_yazl.default.ZipFile();
    for (const f of files) {
      const data = typeof f.contents === "string" ? Buffer.from(f.contents, "utf8") : Buffer.from(f.contents);
      zip.addBuffer(data, f.path, { mtime: EPOCH, mode: 33188, compress: true });
    }
    zip.end();
    const chunks = [];
    zip.outputStream.on("data", (c) => chunks.push(c));
    zip.outputStream.once("error", reject);
    zip.outputStream.once("end", () => resolve(Buffer.concat(chunks)));
  });
}
function nupkgFileName(id, version) {
  return `${id}.${version}.nupkg`;
}

// packages/platforms/src/chocolatey/install-script.ts
var ps = (value) => `'${value.replace(/'/g, "''")}'`;
function renderInstallScript(p) {
  const x64 = p.downloads.find((d) => d.arch === "x64");
  const arm64 = p.downloads.find((d) => d.arch === "arm64");
  const first = x64 ?? arm64;
  if (!first) throw new Error("no Windows download to install");
  const lines = [
    "# Generated by DeployForge from the GitHub release; edits here are overwritten by the next release.",
    "$ErrorActionPreference = 'Stop'",
    "$toolsDir = Split-Path -Parent $MyInvocation.MyCommand.Definition",
    "",
    `$url64 = ${ps(first.url)}`,
    `$checksum64 = ${ps(first.sha256)}`
  ];
  if (arm64 && x64) {
    lines.push(
      "if ($env:PROCESSOR_ARCHITECTURE -eq 'ARM64' -or $env:PROCESSOR_ARCHITEW6432 -eq 'ARM64') {",
      `  $url64 = ${ps(arm64.url)}`,
      `  $checksum64 = ${ps(arm64.sha256)}`,
      "}"
    );
  }
  lines.push(
    "",
    "Install-ChocolateyZipPackage -PackageName $env:ChocolateyPackageName -UnzipLocation $toolsDir `",
    "  -Url64bit $url64 -Checksum64 $checksum64 -ChecksumType64 'sha256'",
    ""
  );
  return lines.join("\r\n");
}

// packages/platforms/src/chocolatey/nuspec.ts
var NUSPEC_NAMESPACE = "http://schemas.microsoft.com/packaging/2010/07/nuspec.xsd";
function renderNuspec(p) {
  const el = (name, value) => value === void 0 ? [] : [`    <${name}>${xmlText(value)}</${name}>`];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    "<!-- Generated by DeployForge from the GitHub release; edits here are overwritten by the next release. -->",
    `<package xmlns="${NUSPEC_NAMESPACE}">`,
    "  <metadata>",
    ...el("id", p.id),
    ...el("version", p.version),
    ...el("title", p.title),
    ...el("authors", p.authors),
    ...el("owners", p.authors),
    ...el("projectUrl", p.projectUrl),
    ...el("licenseUrl", p.licenseUrl),
    "    <requireLicenseAcceptance>false</requireLicenseAcceptance>",
    ...el("projectSourceUrl", p.projectSourceUrl),
    ...el("packageSourceUrl", p.packageSourceUrl),
    ...el("description", p.description),
    ...el("summary", p.summary),
    ...el("tags", p.tags),
    "  </metadata>",
    // No <files>: that element tells `nuget pack` what to zip; a packed .nupkg no longer carries it.
    "</package>",
    ""
  ].join("\n");
}

// packages/platforms/src/chocolatey/opc-parts.ts
import { createHash } from "node:crypto";
function opcParts(p, fileNames) {
  const seed = createHash("sha256").update(`${p.id}
${p.version}`).digest("hex");
  const psmdcp = `package/services/metadata/core-properties/${seed.slice(0, 32)}.psmdcp`;
  const extensions = [...new Set(fileNames.map((f) => f.split(".").pop()?.toLowerCase() ?? "").filter((e) => e && e !== "rels" && e !== "psmdcp"))].sort();
  const contentTypes = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />',
    '  <Default Extension="psmdcp" ContentType="application/vnd.openxmlformats-package.core-properties+xml" />',
    ...extensions.map((e) => `  <Default Extension="${e}" ContentType="application/octet" />`),
    "</Types>",
    ""
  ].join("\n");
  const rels = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
    `  <Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/${xmlText(p.id)}.nuspec" Id="R${seed.slice(32, 48).toUpperCase()}" />`,
    `  <Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="/${psmdcp}" Id="R${seed.slice(48, 64).toUpperCase()}" />`,
    "</Relationships>",
    ""
  ].join("\n");
  const core = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties">',
    `  <dc:creator>${xmlText(p.authors)}</dc:creator>`,
    `  <dc:description>${xmlText(p.description)}</dc:description>`,
    `  <dc:identifier>${xmlText(p.id)}</dc:identifier>`,
    `  <version>${xmlText(p.version)}</version>`,
    `  <keywords>${xmlText(p.tags)}</keywords>`,
    `  <dc:title>${xmlText(p.title)}</dc:title>`,
    "  <lastModifiedBy>DeployForge</lastModifiedBy>",
    "</coreProperties>",
    ""
  ].join("\n");
  return [
    { path: "[Content_Types].xml", contents: contentTypes },
    { path: "_rels/.rels", contents: rels },
    { path: psmdcp, contents: core }
  ];
}

// packages/platforms/src/chocolatey/render.ts
function renderChocolatey(ctx) {
  const pkg = chocolateyPackage(ctx);
  const content = [
    { path: `${pkg.id}.nuspec`, contents: renderNuspec(pkg) },
    { path: "tools/chocolateyinstall.ps1", contents: renderInstallScript(pkg) }
  ];
  return [...content, ...opcParts(pkg, content.map((f) => f.path))];
}

// packages/platforms/src/chocolatey/check.ts
async function ourPackageHash(ctx, algorithm = "SHA512") {
  const nupkg = await buildNupkg(renderChocolatey(ctx));
  const algo = algorithm.toLowerCase().replace(/-/g, "");
  if (!["sha512", "sha256", "sha1"].includes(algo)) throw new Error(`the feed hashes packages with ${algorithm}, which DeployForge does not know`);
  return createHash2(algo).update(nupkg).digest("base64");
}
async function compareWithFeed(ctx, entry) {
  const pkg = chocolateyPackage(ctx);
  const url = galleryUrl(ctx, pkg.id, pkg.version);
  const ours = entry.packageHash ? await ourPackageHash(ctx, entry.packageHashAlgorithm ?? "SHA512") : void 0;
  const same = ours !== void 0 && ours === entry.packageHash;
  const evidence = entry.packageHash ? `feed ${entry.packageHashAlgorithm ?? "SHA512"} ${entry.packageHash.slice(0, 16)}\u2026, ours ${ours?.slice(0, 16)}\u2026` : "the feed shows no PackageHash";
  if (inModeration(entry)) {
    return {
      state: "pending",
      detail: `${pkg.id} ${pkg.version} is in moderation (${entry.packageStatus ?? "not approved yet"}); a moderator must approve it (${same ? "same package as this release" : evidence})`,
      url
    };
  }
  if (same) return { state: "identical", detail: `${pkg.id} ${pkg.version}: same package hash (${evidence})`, url };
  return { state: "different", detail: `${pkg.id} ${pkg.version} on the feed is another package (${evidence})`, url };
}
async function checkChocolatey(ctx) {
  const pkg = chocolateyPackage(ctx);
  const entry = await feedPackage(ctx, pkg.id, pkg.version);
  if (!entry) return { state: "absent", detail: `the feed has no ${pkg.id} ${pkg.version}` };
  return compareWithFeed(ctx, entry);
}

// packages/platforms/src/chocolatey/publish.ts
var MODERATION = /moderat|submitted|awaiting|approv|review/i;
async function publishChocolatey(ctx, files) {
  const pkg = chocolateyPackage(ctx);
  const url = galleryUrl(ctx, pkg.id, pkg.version);
  const nupkg = await buildNupkg(files);
  const answer = await pushNupkg(ctx, nupkg, nupkgFileName(pkg.id, pkg.version));
  const said = answer.body.replace(/\s+/g, " ").trim().slice(0, 300);
  if (answer.status >= 200 && answer.status < 300) {
    return { status: "published", detail: `pushed ${nupkgFileName(pkg.id, pkg.version)} to ${pushUrl(ctx)} (${answer.status}); community packages then go through moderation`, url };
  }
  if (answer.status === 409) {
    const entry = await feedPackage(ctx, pkg.id, pkg.version);
    if (!entry) return { status: "needs-human", detail: `the feed answered 409 (${said || "conflict"}) but shows no ${pkg.id} ${pkg.version}: it is most likely in moderation`, url };
    const existence = await compareWithFeed(ctx, entry);
    if (existence.state === "identical") return { status: "skipped", detail: `already on the feed: ${existence.detail ?? ""}`, url };
    if (existence.state === "pending") return { status: "needs-human", detail: existence.detail ?? "in moderation", url };
    return { status: "failed", detail: `the feed already has ${pkg.id} ${pkg.version} with other content and never replaces a version: ${existence.detail ?? ""}`, url };
  }
  if (answer.status === 403 && MODERATION.test(said)) {
    return { status: "needs-human", detail: `the feed holds ${pkg.id} ${pkg.version} for moderation: ${said}`, url };
  }
  if (answer.status === 401 || answer.status === 403) {
    return { status: "failed", detail: `the feed refused CHOCOLATEY_API_KEY (${answer.status}${said ? `: ${said}` : ""}); check the key and that it may push ${pkg.id}` };
  }
  return { status: "failed", detail: `pushing to ${pushUrl(ctx)} answered ${answer.status}${said ? `: ${said}` : ""}` };
}

// packages/platforms/src/chocolatey/status.ts
var import_semver = __toESM(require_semver(), 1);
async function chocolateyStatus(ctx) {
  const id = ctx.config.platforms.chocolatey?.package ?? ctx.config.project.name;
  const versions = (await feedVersions(ctx, id)).filter((p) => p.isApproved !== false && p.version);
  const newest = versions.map((p) => p.version).sort((a, b) => import_semver.default.valid(a) && import_semver.default.valid(b) ? import_semver.default.compare(a, b) : a.localeCompare(b)).at(-1);
  if (!newest) return { detail: `${feedRoot(ctx)} has no approved version of ${id}` };
  return { latest: newest, detail: `${id} ${newest} on ${feedRoot(ctx)}` };
}

// packages/platforms/src/chocolatey/index.ts
var chocolateyPlatform = {
  id: "chocolatey",
  check: checkChocolatey,
  render: renderChocolatey,
  publish: publishChocolatey,
  status: chocolateyStatus
};
export {
  chocolateyPlatform
};
