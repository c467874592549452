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
  archiveName,
  aurTargets,
  binaryName
} from "./chunk-7MAI2M42.js";
import {
  ConfigurationError
} from "./chunk-GMIJ6JCU.js";
import {
  __toESM
} from "./chunk-EXBJN2G4.js";

// packages/platforms/src/flathub/check.ts
var import_yaml = __toESM(require_dist(), 1);

// packages/platforms/src/flathub/flathub-settings.ts
var RUNTIME = "org.freedesktop.Platform";
var RUNTIME_VERSION = "25.08";
var SDK = "org.freedesktop.Sdk";
var APP_ID = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*){2,}$/;
function flathubSettings(ctx) {
  const block = ctx.config.platforms?.flathub;
  if (!block) throw new ConfigurationError("platforms.flathub is not configured");
  const appId = block["app-id"];
  if (!APP_ID.test(appId) || appId.length > 255) {
    throw ConfigurationError.forInput("platforms.flathub.app-id", `${JSON.stringify(appId)} is not a Flatpak application id (reverse DNS like io.github.acme.Tool, at least three parts)`);
  }
  const repository = block.repository ?? `flathub/${appId}`;
  const [owner, repo, ...rest] = repository.split("/");
  if (!owner || !repo || rest.length > 0) {
    throw ConfigurationError.forInput("platforms.flathub.repository", `expected owner/name, got ${JSON.stringify(repository)}`);
  }
  const targets = aurTargets(ctx.config.build?.targets ?? []).filter((t) => t.aur !== void 0);
  if (targets.length === 0) throw ConfigurationError.forInput("build.targets", "Flathub needs at least one Linux target (linux-x64 or linux-arm64)");
  return {
    appId,
    owner,
    repo,
    binary: ctx.config.build?.binary ?? ctx.config.project.name,
    projectName: ctx.config.project.name,
    ...ctx.config.project.repository ? { projectRepository: ctx.config.project.repository } : {},
    tagPrefix: ctx.config.version?.["tag-prefix"] ?? "v",
    targets,
    manifestPath: `${appId}.yml`,
    branch: `deployforge/${ctx.version.version}`
  };
}

// packages/platforms/src/flathub/manifest-repo.ts
var TOKEN = "FLATHUB_TOKEN";
function flathubClient(ctx) {
  const token = ctx.env[TOKEN];
  if (!token) return void 0;
  return createGitHubClient({ token, baseUrl: ctx.env.GITHUB_API_URL ?? DEFAULT_GITHUB_API_URL, log: ctx.log });
}
var statusOf = (error) => typeof error === "object" && error !== null && typeof error.status === "number" ? error.status : void 0;
async function defaultBranch(client, s) {
  try {
    const { data } = await client.octokit.rest.repos.get({ owner: s.owner, repo: s.repo });
    return data.default_branch;
  } catch (error) {
    if (statusOf(error) === 404) return void 0;
    throw error;
  }
}
async function readFile(client, s, path, ref) {
  try {
    const { data } = await client.octokit.rest.repos.getContent({ owner: s.owner, repo: s.repo, path, ref });
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return void 0;
    return { text: Buffer.from(data.content, "base64").toString("utf8"), sha: data.sha };
  } catch (error) {
    if (statusOf(error) === 404) return void 0;
    throw error;
  }
}
async function openPull(client, s) {
  const { data } = await client.octokit.rest.pulls.list({ owner: s.owner, repo: s.repo, state: "open", head: `${s.owner}:${s.branch}`, per_page: 10 });
  const pull = data[0];
  return pull ? { number: pull.number, url: pull.html_url } : void 0;
}
function archiveSources(manifest) {
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const rec = node;
    if (rec.type === "archive" && typeof rec.url === "string" && typeof rec.sha256 === "string") found.push({ url: rec.url, sha256: rec.sha256 });
    Object.values(rec).forEach(visit);
  };
  visit(manifest);
  return found;
}

// packages/platforms/src/flathub/check.ts
async function checkFlathub(ctx) {
  const s = flathubSettings(ctx);
  const client = flathubClient(ctx);
  if (!client) return { state: "unknown", detail: `${TOKEN} is not set, so ${s.owner}/${s.repo} cannot be read` };
  const branch = await defaultBranch(client, s);
  if (!branch) return { state: "absent", detail: `${s.owner}/${s.repo} does not exist yet (a first Flathub submission)` };
  const file = await readFile(client, s, s.manifestPath, branch);
  const ours = s.targets.map((t) => ctx.assets.find((a) => a.target === t.id)).filter((a) => a !== void 0);
  if (file) {
    const theirs = archiveSources((0, import_yaml.parse)(file.text));
    const shas = new Set(theirs.map((x) => x.sha256));
    if (ours.length > 0 && ours.every((a) => shas.has(a.sha256))) {
      return { state: "identical", detail: `${s.manifestPath} on ${branch} has the release's sha256 for ${s.targets.map((t) => t.aur).join(", ")}`, url: `https://flathub.org/apps/${s.appId}` };
    }
    const sameUrl = ours.filter((a) => theirs.some((x) => x.url === a.url && x.sha256 !== a.sha256));
    if (sameUrl.length > 0) {
      return { state: "different", detail: `${s.manifestPath} on ${branch} points at ${sameUrl.map((a) => a.name).join(", ")} with other sha256s than the release's SHA256SUMS` };
    }
  }
  const pull = await openPull(client, s);
  if (pull) return { state: "pending", detail: `pull request #${pull.number} for ${ctx.version.version} is open, waiting for Flathub's build and review`, url: pull.url };
  return { state: "absent", detail: file ? `${s.manifestPath} on ${branch} is for another version` : `${s.manifestPath} is not on ${branch} yet` };
}

// packages/platforms/src/flathub/publish.ts
var FIRST_SUBMISSION = "https://docs.flathub.org/docs/for-app-authors/submission";
async function publishFlathub(ctx, files) {
  const s = flathubSettings(ctx);
  const client = flathubClient(ctx);
  if (!client) return { status: "failed", detail: `${TOKEN} is not set: create a token that can push branches and open pull requests on ${s.owner}/${s.repo}` };
  try {
    return await proposeUpdate(ctx, client, s, files);
  } catch (error) {
    const status = statusOf(error);
    if (status === 401) return { status: "failed", detail: `GitHub refused ${TOKEN} (bad credentials: expired or revoked)` };
    if (status === 403) return { status: "failed", detail: `${TOKEN} may not write to ${s.owner}/${s.repo} (needs contents: write and pull-requests: write there)` };
    throw error;
  }
}
async function proposeUpdate(ctx, client, s, files) {
  const { owner, repo } = s;
  const base = await defaultBranch(client, s);
  if (!base) {
    return {
      status: "needs-human",
      detail: `${owner}/${repo} does not exist: a new app goes to Flathub as a pull request to flathub/flathub against its new-pr branch, adding ${s.manifestPath} (render it with a dry run), and is reviewed by people (${FIRST_SUBMISSION}); once accepted, Flathub creates ${owner}/${repo} and later releases update it automatically`
    };
  }
  const octokit = client.octokit.rest;
  const { data: baseRef } = await octokit.git.getRef({ owner, repo, ref: `heads/${base}` });
  try {
    await octokit.git.createRef({ owner, repo, ref: `refs/heads/${s.branch}`, sha: baseRef.object.sha });
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
  }
  let commits = 0;
  for (const file of files) {
    const text = typeof file.contents === "string" ? file.contents : Buffer.from(file.contents).toString("utf8");
    const current = await readFile(client, s, file.path, s.branch);
    if (current?.text === text) continue;
    await octokit.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: file.path,
      branch: s.branch,
      message: `Update to ${ctx.version.version}`,
      content: Buffer.from(text, "utf8").toString("base64"),
      ...current ? { sha: current.sha } : {}
    });
    commits++;
  }
  const existing = await openPull(client, s);
  if (existing) return { status: "published", url: existing.url, detail: `pull request #${existing.number} for ${ctx.version.version} was already open (${commits} file(s) updated on ${s.branch})` };
  const { data: pull } = await octokit.pulls.create({
    owner,
    repo,
    head: s.branch,
    base,
    title: `Update to ${ctx.version.version}`,
    body: `Updates ${s.appId} to ${ctx.version.version} (release ${ctx.version.tag}).

The archive sources point at the release assets with the sha256s from its SHA256SUMS.

_Opened by DeployForge._`
  });
  return { status: "published", url: pull.html_url, detail: `opened pull request #${pull.number} on ${owner}/${repo}; Flathub builds it and a maintainer merges` };
}

// packages/platforms/src/flathub/flatpak-manifest.ts
var import_yaml2 = __toESM(require_dist(), 1);
function renderFlatpakManifest(settings, assets, version) {
  const sources = settings.targets.map((t) => {
    const name = archiveName(settings.projectName, version, t.id);
    const asset = assets.find((a) => a.name === name);
    if (!asset) throw new ConfigurationError(`the release has no ${name}, which the Flathub manifest needs`);
    const source = {
      type: "archive",
      url: asset.url,
      sha256: asset.sha256,
      "only-arches": [t.aur],
      // Our archives hold the binary at their root: nothing to strip (flatpak-builder strips one level by default).
      "strip-components": 0
    };
    if (settings.projectRepository) source["x-checker-data"] = checkerData(settings, t.id);
    return source;
  });
  const exe = binaryName(settings.binary, settings.targets[0].id);
  const manifest = {
    "app-id": settings.appId,
    runtime: RUNTIME,
    "runtime-version": RUNTIME_VERSION,
    sdk: SDK,
    command: exe,
    // Only network: wider access (the home folder, devices) needs a justification in Flathub's
    // review, which the project owner has to give, so it is not granted by default.
    "finish-args": ["--share=network"],
    modules: [{
      name: settings.binary,
      buildsystem: "simple",
      "build-commands": [`install -Dm755 ${exe} -t /app/bin`],
      sources
    }]
  };
  return `# Generated by DeployForge for ${settings.projectName} ${version}; updated on every release.
${(0, import_yaml2.stringify)(manifest, { lineWidth: 0 })}`;
}
function checkerData(settings, target) {
  const asset = `"${settings.projectName}-" + $version + "-${target}.tar.gz"`;
  return {
    type: "json",
    url: `https://api.github.com/repos/${settings.projectRepository}/releases/latest`,
    "version-query": `.tag_name | sub("^${settings.tagPrefix.replace(/[.*+?^${}()|[\]\\]/g, "\\\\$&")}"; "")`,
    "url-query": `.assets[] | select(.name == ${asset}) | .browser_download_url`
  };
}
function renderFlathubJson(settings) {
  const arches = settings.targets.map((t) => t.aur);
  if (arches.length === 2) return void 0;
  return `${JSON.stringify({ "only-arches": arches }, null, 2)}
`;
}

// packages/platforms/src/flathub/render.ts
function renderFlathub(ctx) {
  const settings = flathubSettings(ctx);
  const files = [{ path: settings.manifestPath, contents: renderFlatpakManifest(settings, ctx.assets, ctx.version.version) }];
  const flathubJson = renderFlathubJson(settings);
  if (flathubJson) files.push({ path: "flathub.json", contents: flathubJson });
  return files;
}

// packages/platforms/src/flathub/status.ts
var import_yaml3 = __toESM(require_dist(), 1);
async function statusFlathub(ctx) {
  const s = flathubSettings(ctx);
  const url = `https://flathub.org/apps/${s.appId}`;
  const client = flathubClient(ctx);
  if (!client) return { url, detail: `${TOKEN} is not set` };
  const branch = await defaultBranch(client, s);
  if (!branch) return { url, detail: `${s.owner}/${s.repo} does not exist` };
  const file = await readFile(client, s, s.manifestPath, branch);
  if (!file) return { url, detail: `no ${s.manifestPath} on ${branch}` };
  const prefix = `${s.projectName}-`;
  for (const source of archiveSources((0, import_yaml3.parse)(file.text))) {
    const name = decodeURIComponent(source.url.split("/").pop() ?? "");
    const m = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(.+)-linux-[a-z0-9-]+\\.tar\\.gz$`).exec(name);
    if (m) return { latest: m[1], url };
  }
  return { url, detail: `${s.manifestPath} has no archive named like ${prefix}<version>-<target>.tar.gz` };
}

// packages/platforms/src/flathub/index.ts
var flathubPlatform = {
  id: "flathub",
  check: checkFlathub,
  render: renderFlathub,
  publish: publishFlathub,
  status: statusFlathub
};
export {
  flathubPlatform
};
