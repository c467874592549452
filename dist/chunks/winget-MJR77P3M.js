import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  require_dist
} from "./chunk-JMZRCY2U.js";
import {
  DEFAULT_GITHUB_API_URL,
  createGitHubClient
} from "./chunk-ZHURFVS4.js";
import "./chunk-3BZQ6MWX.js";
import {
  require_semver
} from "./chunk-M5OUCAEA.js";
import "./chunk-GMIJ6JCU.js";
import {
  __toESM
} from "./chunk-EXBJN2G4.js";

// packages/platforms/src/winget/installer-digests.ts
var import_yaml = __toESM(require_dist(), 1);
function installerDigests(manifestText) {
  const doc = (0, import_yaml.parse)(manifestText);
  if (!doc || typeof doc !== "object") return [];
  const rootSha = typeof doc.InstallerSha256 === "string" ? doc.InstallerSha256 : void 0;
  const installers = Array.isArray(doc.Installers) ? doc.Installers : [];
  return installers.map((i) => `${String(i.Architecture ?? "?")}=${String(i.InstallerSha256 ?? rootSha ?? "?").toUpperCase()}`).sort();
}

// packages/platforms/src/winget/winget-package.ts
var MANIFEST_VERSION = "1.10.0";
var DEFAULT_UPSTREAM = "microsoft/winget-pkgs";
function packageFolder(identifier) {
  return `manifests/${identifier.charAt(0).toLowerCase()}/${identifier.split(".").join("/")}`;
}
var versionFolder = (p) => `${packageFolder(p.identifier)}/${p.version}`;
var branchName = (p) => `deployforge/${p.identifier}-${p.version}`;
var pullTitle = (p) => `New version: ${p.identifier} version ${p.version}`;
function wingetSettings(ctx) {
  const w = ctx.config.platforms.winget;
  if (!w?.["package-id"]) throw new Error("platforms.winget.package-id is not set (e.g. Acme.HelloForge)");
  return { identifier: w["package-id"], upstream: w.upstream ?? DEFAULT_UPSTREAM, ...w.fork ? { fork: w.fork } : {} };
}
function wingetPackage(ctx) {
  const { project, build } = ctx.config;
  const { identifier } = wingetSettings(ctx);
  const installers = [];
  for (const [target, architecture] of [["windows-x64", "x64"], ["windows-arm64", "arm64"]]) {
    if (!build.targets.includes(target)) continue;
    const asset = ctx.assets.find((a) => a.target === target);
    if (!asset) throw new Error(`the release has no archive for ${target}, which the Winget manifest needs`);
    installers.push({ architecture, url: asset.url, sha256: asset.sha256.toUpperCase() });
  }
  if (installers.length === 0) throw new Error("no Windows target is built, so there is nothing to submit to Winget");
  const repoUrl = project.repository ? `https://github.com/${project.repository}` : void 0;
  const owner = project.repository?.split("/")[0];
  const maintainer = project.maintainer?.replace(/\s*<[^>]*>\s*$/, "").trim();
  const license = project.license ?? "Proprietary";
  const licenseFile = (build.files ?? []).find((f) => /^(?:LICEN[CS]E|COPYING)(?:\.[A-Za-z0-9]+)?$/i.test(f));
  return {
    identifier,
    version: ctx.version.version,
    publisher: maintainer || identifier.split(".")[0] || identifier,
    ...owner ? { publisherUrl: `https://github.com/${owner}` } : {},
    name: project.name,
    ...project.homepage ?? repoUrl ? { packageUrl: project.homepage ?? repoUrl } : {},
    license,
    ...repoUrl && licenseFile ? { licenseUrl: `${repoUrl}/blob/HEAD/${licenseFile}` } : {},
    ...repoUrl ? { releaseNotesUrl: `${repoUrl}/releases/tag/${encodeURIComponent(ctx.version.tag)}` } : {},
    shortDescription: (project.description ?? project.name).slice(0, 256),
    binary: build.binary ?? project.name,
    installers
  };
}

// packages/platforms/src/winget/winget-repo.ts
var TOKEN = "WINGET_TOKEN";
function repoRef(fullName) {
  const [owner, repo] = fullName.split("/");
  if (!owner || !repo) throw new Error(`"${fullName}" is not owner/repo`);
  return { owner, repo };
}
function wingetClient(ctx) {
  const token = ctx.env[TOKEN];
  if (!token) return void 0;
  return createGitHubClient({ token, baseUrl: ctx.env.GITHUB_API_URL ?? DEFAULT_GITHUB_API_URL, log: ctx.log });
}
var statusOf = (error) => typeof error === "object" && error !== null && typeof error.status === "number" ? error.status : void 0;
async function unless404(call) {
  try {
    return await call();
  } catch (error) {
    if (statusOf(error) === 404) return void 0;
    throw error;
  }
}
async function defaultBranch(client, r) {
  return (await unless404(() => client.octokit.rest.repos.get({ owner: r.owner, repo: r.repo })))?.data.default_branch;
}
async function readFile(client, r, path, ref) {
  const answer = await unless404(() => client.octokit.rest.repos.getContent({ ...r, path, ref }));
  const data = answer?.data;
  if (!data || Array.isArray(data) || data.type !== "file" || !("content" in data)) return void 0;
  return { text: Buffer.from(data.content, "base64").toString("utf8"), sha: data.sha };
}
async function listFolder(client, r, path, ref) {
  const answer = await unless404(() => client.octokit.rest.repos.getContent({ ...r, path, ref }));
  const data = answer?.data;
  return Array.isArray(data) ? data.map((e) => ({ name: e.name, type: e.type })) : void 0;
}
async function findOpenPull(client, upstream, title, head) {
  const toPull = (p) => ({ number: p.number, url: p.html_url, title: p.title });
  if (head) {
    const { data: data2 } = await client.octokit.rest.pulls.list({ ...upstream, state: "open", head, per_page: 10 });
    if (data2[0]) return toPull(data2[0]);
  }
  const { data } = await client.octokit.rest.pulls.list({ ...upstream, state: "open", per_page: 100 });
  const byTitle = data.find((p) => p.title.trim().toLowerCase() === title.toLowerCase());
  return byTitle ? toPull(byTitle) : void 0;
}

// packages/platforms/src/winget/check.ts
async function checkWinget(ctx) {
  const p = wingetPackage(ctx);
  const s = wingetSettings(ctx);
  const client = wingetClient(ctx);
  if (!client) return { state: "unknown", detail: `${TOKEN} is not set, so ${s.upstream} cannot be read` };
  const upstream = repoRef(s.upstream);
  const base = await defaultBranch(client, upstream);
  if (!base) return { state: "unknown", detail: `the upstream repository ${s.upstream} was not found` };
  const path = `${versionFolder(p)}/${p.identifier}.installer.yaml`;
  const merged = await readFile(client, upstream, path, base);
  const url = `${client.baseUrl.replace(/\/api\/v3$/, "").replace("api.github.com", "github.com")}/${s.upstream}/tree/${base}/${versionFolder(p)}`;
  if (merged) {
    const theirs = installerDigests(merged.text);
    const ours = p.installers.map((i) => `${i.architecture}=${i.sha256}`).sort();
    if (theirs.join(",") === ours.join(",")) return { state: "identical", detail: `${path} on ${base} has the same InstallerSha256s`, url };
    return { state: "different", detail: `${path} on ${base} lists ${theirs.join(", ")}; this release has ${ours.join(", ")}`, url };
  }
  const head = s.fork ? `${repoRef(s.fork).owner}:${branchName(p)}` : void 0;
  const pull = await findOpenPull(client, upstream, pullTitle(p), head);
  if (pull) return { state: "pending", detail: `pull request #${pull.number} "${pull.title}" is waiting for the winget-pkgs moderators`, url: pull.url };
  return { state: "absent", detail: `${s.upstream} has no ${versionFolder(p)} and no open pull request for it` };
}

// packages/platforms/src/winget/publish.ts
var text = (c) => typeof c === "string" ? c : Buffer.from(c).toString("utf8");
async function resolveFork(client, upstream, configured) {
  if (configured) {
    const fork = repoRef(configured);
    const base = await defaultBranch(client, fork);
    if (!base) throw new Error(`the fork ${configured} (platforms.winget.fork) does not exist: fork ${upstream.owner}/${upstream.repo} with the WINGET_TOKEN account first`);
    return { fork, base };
  }
  const { data } = await client.octokit.rest.repos.createFork({ ...upstream, default_branch_only: true });
  return { fork: repoRef(data.full_name), base: data.default_branch };
}
async function publishWinget(ctx, files) {
  const p = wingetPackage(ctx);
  const s = wingetSettings(ctx);
  const client = wingetClient(ctx);
  if (!client) throw new Error(`${TOKEN} is not set: add a classic personal access token (public_repo) of the account that owns your winget-pkgs fork`);
  const upstream = repoRef(s.upstream);
  const upstreamBase = await defaultBranch(client, upstream);
  if (!upstreamBase) throw new Error(`the upstream repository ${s.upstream} was not found`);
  if (!await listFolder(client, upstream, packageFolder(p.identifier), upstreamBase)) {
    return {
      status: "needs-human",
      detail: `${p.identifier} is not in ${s.upstream} yet: submit its first version by hand (wingetcreate new ${ctx.assets.find((a) => a.target === "windows-x64")?.url ?? "<windows zip url>"}), then DeployForge submits every later version`
    };
  }
  const { fork, base } = await resolveFork(client, upstream, s.fork);
  try {
    await client.octokit.rest.repos.mergeUpstream({ ...fork, branch: base });
  } catch (error) {
    if (statusOf(error) === 409) throw new Error(`the fork ${fork.owner}/${fork.repo} has diverged from ${s.upstream} on ${base} (merge conflicts): reset its ${base} to upstream`);
    throw error;
  }
  const branch = branchName(p);
  const { data: head } = await client.octokit.rest.git.getRef({ ...fork, ref: `heads/${base}` });
  try {
    await client.octokit.rest.git.createRef({ ...fork, ref: `refs/heads/${branch}`, sha: head.object.sha });
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
  }
  let committed = 0;
  for (const file of files) {
    const contents = text(file.contents);
    const existing = await readFile(client, fork, file.path, branch);
    if (existing?.text === contents) continue;
    await client.octokit.rest.repos.createOrUpdateFileContents({
      ...fork,
      path: file.path,
      branch,
      message: `${pullTitle(p)}: ${file.path.split("/").pop()}`,
      content: Buffer.from(contents, "utf8").toString("base64"),
      ...existing ? { sha: existing.sha } : {}
    });
    committed += 1;
  }
  const title = pullTitle(p);
  const headLabel = `${fork.owner}:${branch}`;
  try {
    const { data: pull } = await client.octokit.rest.pulls.create({
      ...upstream,
      title,
      head: headLabel,
      base: upstreamBase,
      body: `${p.name} ${p.version}: ${p.installers.map((i) => i.architecture).join(" and ")} installers from ${p.releaseNotesUrl ?? "the GitHub release"}.

Submitted by DeployForge.`,
      maintainer_can_modify: true
    });
    return { status: "published", detail: `opened pull request #${pull.number} (${committed} manifest file(s) committed to ${headLabel}); it is merged once the winget-pkgs moderators approve it`, url: pull.html_url };
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
    const open = await findOpenPull(client, upstream, title, headLabel);
    if (!open) throw error;
    return { status: "needs-human", detail: `pull request #${open.number} for ${p.identifier} ${p.version} is already open and waiting for the winget-pkgs moderators`, url: open.url };
  }
}

// packages/platforms/src/winget/manifests.ts
var import_yaml2 = __toESM(require_dist(), 1);
var SCHEMA = {
  version: `https://aka.ms/winget-manifest.version.${MANIFEST_VERSION}.schema.json`,
  installer: `https://aka.ms/winget-manifest.installer.${MANIFEST_VERSION}.schema.json`,
  defaultLocale: `https://aka.ms/winget-manifest.defaultLocale.${MANIFEST_VERSION}.schema.json`
};
function document(kind, body) {
  const yaml = (0, import_yaml2.stringify)(body, { lineWidth: 0, indentSeq: false });
  return `# Created by DeployForge from the GitHub release
# yaml-language-server: $schema=${SCHEMA[kind]}

${yaml}`;
}
function renderVersionManifest(p) {
  return document("version", {
    PackageIdentifier: p.identifier,
    PackageVersion: p.version,
    DefaultLocale: "en-US",
    ManifestType: "version",
    ManifestVersion: MANIFEST_VERSION
  });
}
function renderInstallerManifest(p) {
  return document("installer", {
    PackageIdentifier: p.identifier,
    PackageVersion: p.version,
    InstallerType: "zip",
    NestedInstallerType: "portable",
    NestedInstallerFiles: [{ RelativeFilePath: `${p.binary}.exe`, PortableCommandAlias: p.binary }],
    Installers: p.installers.map((i) => ({ Architecture: i.architecture, InstallerUrl: i.url, InstallerSha256: i.sha256 })),
    ManifestType: "installer",
    ManifestVersion: MANIFEST_VERSION
  });
}
function renderLocaleManifest(p) {
  return document("defaultLocale", {
    PackageIdentifier: p.identifier,
    PackageVersion: p.version,
    PackageLocale: "en-US",
    Publisher: p.publisher,
    ...p.publisherUrl ? { PublisherUrl: p.publisherUrl } : {},
    PackageName: p.name,
    ...p.packageUrl ? { PackageUrl: p.packageUrl } : {},
    License: p.license,
    ...p.licenseUrl ? { LicenseUrl: p.licenseUrl } : {},
    ShortDescription: p.shortDescription,
    ...p.releaseNotesUrl ? { ReleaseNotesUrl: p.releaseNotesUrl } : {},
    ManifestType: "defaultLocale",
    ManifestVersion: MANIFEST_VERSION
  });
}

// packages/platforms/src/winget/render.ts
function renderWinget(ctx) {
  const p = wingetPackage(ctx);
  const dir = versionFolder(p);
  return [
    { path: `${dir}/${p.identifier}.yaml`, contents: renderVersionManifest(p) },
    { path: `${dir}/${p.identifier}.installer.yaml`, contents: renderInstallerManifest(p) },
    { path: `${dir}/${p.identifier}.locale.en-US.yaml`, contents: renderLocaleManifest(p) }
  ];
}

// packages/platforms/src/winget/status.ts
var import_semver = __toESM(require_semver(), 1);
async function wingetStatus(ctx) {
  const s = wingetSettings(ctx);
  const client = wingetClient(ctx);
  if (!client) return { detail: `${TOKEN} is not set` };
  const upstream = repoRef(s.upstream);
  const base = await defaultBranch(client, upstream);
  if (!base) return { detail: `${s.upstream} was not found` };
  const entries = await listFolder(client, upstream, packageFolder(s.identifier), base);
  const versions = (entries ?? []).filter((e) => e.type === "dir").map((e) => e.name);
  const newest = versions.sort((a, b) => import_semver.default.valid(a) && import_semver.default.valid(b) ? import_semver.default.compare(a, b) : a.localeCompare(b)).at(-1);
  if (!newest) return { detail: `${s.upstream} has no version of ${s.identifier}` };
  return { latest: newest, detail: `${s.identifier} ${newest} in ${s.upstream}` };
}

// packages/platforms/src/winget/index.ts
var wingetPlatform = {
  id: "winget",
  check: checkWinget,
  render: renderWinget,
  publish: publishWinget,
  status: wingetStatus
};
export {
  wingetPlatform
};
