import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  browseUrl,
  commitAndPush,
  gitTargetFor,
  projectHomepage,
  readRemoteBranch,
  releaseCommitMessage,
  requireArchives
} from "./chunk-QRFVLCJ7.js";
import {
  binaryName
} from "./chunk-7MAI2M42.js";
import {
  ConfigurationError
} from "./chunk-GMIJ6JCU.js";
import "./chunk-EXBJN2G4.js";

// packages/platforms/src/scoop/bucket-target.ts
function bucketConfig(ctx) {
  const block = ctx.config.platforms.scoop;
  if (!block) throw new Error("platforms.scoop is not configured");
  return block;
}
function bucketTarget(ctx) {
  return gitTargetFor(ctx, { spec: bucketConfig(ctx).bucket, origin: "platforms.scoop.bucket", credential: "SCOOP_BUCKET_TOKEN" });
}
function manifestPath(ctx) {
  return `bucket/${ctx.config.project.name}.json`;
}

// packages/platforms/src/scoop/manifest-facts.ts
function manifestFacts(text) {
  let parsed;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { hashes: [] };
  }
  const manifest = typeof parsed === "object" && parsed !== null ? parsed : {};
  const norm = (h) => typeof h === "string" ? h.toLowerCase().replace(/^sha256:/, "") : JSON.stringify(h);
  const hashes = Object.entries(manifest.architecture ?? {}).map(([arch, entry]) => `${arch}=${norm(entry?.hash)}`);
  if (manifest.hash !== void 0) hashes.push(`*=${norm(manifest.hash)}`);
  return { ...typeof manifest.version === "string" ? { version: manifest.version } : {}, hashes: hashes.sort() };
}

// packages/platforms/src/scoop/autoupdate-url.ts
function autoupdateUrl(url, version, tag) {
  const parsed = new URL(url);
  const segments = parsed.pathname.split("/");
  const encodedTag = encodeURIComponent(tag);
  const templated = segments.map((segment, i) => {
    if (segment === encodedTag || segment === tag) return tag.replace(version, "$version");
    if (i === segments.length - 1) return segment.split(version).join("$version");
    return segment;
  });
  return `${parsed.protocol}//${parsed.host}${templated.join("/")}${parsed.search}`;
}

// packages/platforms/src/scoop/render.ts
function renderScoop(ctx) {
  const { project } = ctx.config;
  const binary = ctx.config.build?.binary ?? project.name;
  const archives = requireArchives(ctx, (t) => t.scoop !== void 0, "scoop", "Windows");
  const { version, tag } = ctx.version;
  const homepage = projectHomepage(ctx);
  const repository = project.repository ?? ctx.env["GITHUB_REPOSITORY"];
  const sums = ctx.assets.find((a) => a.name === "SHA256SUMS");
  if (!homepage) throw ConfigurationError.forInput("project.homepage", "a Scoop manifest needs a homepage: set project.homepage or project.repository");
  const architecture = {};
  const autoupdate = {};
  for (const { target, asset } of archives) {
    architecture[target.scoop] = { url: asset.url, hash: asset.sha256 };
    autoupdate[target.scoop] = {
      url: autoupdateUrl(asset.url, version, tag),
      ...sums ? { hash: { url: autoupdateUrl(sums.url, version, tag) } } : {}
    };
  }
  const manifest = {
    version,
    ...project.description ? { description: project.description } : {},
    homepage,
    license: project.license ?? "Unknown",
    architecture,
    bin: binaryName(binary, archives[0].target.id),
    ...repository ? {
      checkver: { github: `${(ctx.env["GITHUB_SERVER_URL"] ?? "https://github.com").replace(/\/+$/, "")}/${repository}` },
      autoupdate: { architecture: autoupdate }
    } : {}
  };
  return [{ path: manifestPath(ctx), contents: `${JSON.stringify(manifest, null, 4)}
` }];
}

// packages/platforms/src/scoop/check.ts
async function checkScoop(ctx) {
  const target = bucketTarget(ctx);
  const path = manifestPath(ctx);
  const snapshot = await readRemoteBranch(target, bucketConfig(ctx).branch, `reading ${path} from ${target.remote.spec}`);
  const url = browseUrl(target.remote, path, snapshot.branch);
  const text = await snapshot.read(path);
  if (text === void 0) return { state: "absent", detail: `${path} is not on ${snapshot.branch} of ${target.remote.spec}` };
  const live = manifestFacts(text);
  if (live.version !== ctx.version.version) return { state: "absent", detail: `${path} is at version ${live.version ?? "(none)"}`, url };
  const wanted = manifestFacts(String(renderScoop(ctx)[0].contents));
  if (live.hashes.join() === wanted.hashes.join()) {
    return { state: "identical", detail: `${path} has ${ctx.version.version} with the same hashes (${live.hashes.join(", ")})`, url };
  }
  return { state: "different", detail: `${path} has ${ctx.version.version} with other hashes (${live.hashes.join(", ") || "none"})`, url };
}

// packages/platforms/src/scoop/publish.ts
async function publishScoop(ctx, files) {
  const config = bucketConfig(ctx);
  const target = bucketTarget(ctx);
  const path = manifestPath(ctx);
  const { subject, body } = releaseCommitMessage(ctx, ctx.config.project.name, `Manifest ${path}`);
  const result = await commitAndPush(target, { ...config.branch ? { branch: config.branch } : {}, files, subject, body });
  const url = browseUrl(target.remote, path, result.branch);
  if (!result.changed) return { status: "skipped", url, detail: `${path} on ${result.branch} already has this content; nothing pushed` };
  const raced = result.retries ? " after rebasing onto a concurrent push" : "";
  return { status: "published", url, detail: `committed ${path} (${result.commit.slice(0, 12)}) to ${result.branch} of ${target.remote.spec}${raced}` };
}

// packages/platforms/src/scoop/status.ts
async function statusScoop(ctx) {
  const target = bucketTarget(ctx);
  const path = manifestPath(ctx);
  const snapshot = await readRemoteBranch(target, bucketConfig(ctx).branch, `reading ${path} from ${target.remote.spec}`);
  const text = await snapshot.read(path);
  if (text === void 0) return { detail: `${path} is not on ${snapshot.branch} of ${target.remote.spec}` };
  const { version } = manifestFacts(text);
  return { ...version ? { latest: version } : {}, url: browseUrl(target.remote, path, snapshot.branch), detail: `${path} on ${snapshot.branch}` };
}

// packages/platforms/src/scoop/index.ts
var scoopPlatform = {
  id: "scoop",
  check: checkScoop,
  render: renderScoop,
  publish: publishScoop,
  status: statusScoop
};
export {
  scoopPlatform
};
