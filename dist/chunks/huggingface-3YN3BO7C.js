import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  browseUrl,
  commitAndPush,
  gitTargetFor,
  readRemoteBranch,
  releaseCommitMessage
} from "./chunk-QRFVLCJ7.js";
import "./chunk-7MAI2M42.js";
import {
  ConfigurationError
} from "./chunk-GMIJ6JCU.js";
import "./chunk-EXBJN2G4.js";

// packages/platforms/src/huggingface/render.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// packages/platforms/src/huggingface/space-config.ts
import { isAbsolute, resolve } from "node:path";
function spaceConfig(ctx) {
  const block = ctx.config.platforms.huggingface;
  if (!block) throw new Error("platforms.huggingface is not configured");
  return block;
}
var SPACE_BRANCH = "main";
function spaceTarget(ctx) {
  const { space, remote } = spaceConfig(ctx);
  return gitTargetFor(ctx, {
    spec: remote ?? `https://huggingface.co/spaces/${space}`,
    origin: "platforms.huggingface.remote",
    credential: "HF_TOKEN",
    username: ctx.env["HF_USERNAME"] || space.split("/")[0]
  });
}
function spaceFolder(ctx) {
  const path = spaceConfig(ctx).path ?? ".";
  if (isAbsolute(path)) return path;
  const base = ctx.env["DEPLOYFORGE_CONFIG_DIR"] ?? ctx.env["GITHUB_WORKSPACE"] ?? process.cwd();
  return resolve(base, path);
}

// packages/platforms/src/huggingface/render.ts
var MAX_PLAIN_GIT_BYTES = 10 * 1024 * 1024;
function renderHuggingface(ctx) {
  const root = spaceFolder(ctx);
  const origin = "platforms.huggingface.path";
  let rootStat;
  try {
    rootStat = statSync(root);
  } catch {
    throw ConfigurationError.forInput(origin, `the Space folder "${spaceConfig(ctx).path}" does not exist (looked at ${root})`);
  }
  if (!rootStat.isDirectory()) throw ConfigurationError.forInput(origin, `${root} is not a folder`);
  const files = [];
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
      if (entry.name === ".git") continue;
      const full = join(dir, entry.name);
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      const stat = statSync(full);
      if (stat.isDirectory()) {
        walk(full, rel);
      } else if (stat.isFile()) {
        if (stat.size > MAX_PLAIN_GIT_BYTES) {
          throw ConfigurationError.forInput(origin, `${rel} is ${stat.size} bytes; Hugging Face needs Git LFS above 10 MB, which DeployForge does not push yet`);
        }
        files.push({ path: rel, contents: readFileSync(full), mode: stat.mode & 73 ? 493 : 420 });
      }
    }
  };
  walk(root, "");
  if (files.length === 0) throw ConfigurationError.forInput(origin, `the Space folder ${root} is empty`);
  return files;
}

// packages/platforms/src/huggingface/tree-diff.ts
import { createHash } from "node:crypto";
function gitBlobId(contents) {
  const bytes = typeof contents === "string" ? Buffer.from(contents, "utf8") : contents;
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
function diffTree(remote, files) {
  const diff = { added: [], changed: [], removed: [] };
  const local = /* @__PURE__ */ new Set();
  for (const file of files) {
    local.add(file.path);
    const theirs = remote.get(file.path);
    const mode = (file.mode ?? 420) & 73 ? "100755" : "100644";
    if (!theirs) diff.added.push(file.path);
    else if (theirs.blob !== gitBlobId(file.contents) || theirs.mode !== mode) diff.changed.push(file.path);
  }
  for (const path of remote.keys()) if (!local.has(path)) diff.removed.push(path);
  return diff;
}
function describeTreeDiff(diff) {
  const part = (what, list) => list.length ? `${list.length} ${what} (${list.slice(0, 3).join(", ")}${list.length > 3 ? ", \u2026" : ""})` : "";
  return [part("to add", diff.added), part("to change", diff.changed), part("to delete", diff.removed)].filter(Boolean).join(", ");
}

// packages/platforms/src/huggingface/check.ts
async function checkHuggingface(ctx) {
  const target = spaceTarget(ctx);
  const files = renderHuggingface(ctx);
  const snapshot = await readRemoteBranch(target, SPACE_BRANCH, `reading the Space ${target.remote.spec}`);
  const url = browseUrl(target.remote);
  if (!snapshot.commit) return { state: "absent", detail: `the Space has no ${SPACE_BRANCH} branch yet`, url };
  const diff = diffTree(await snapshot.tree(), files);
  const changes = describeTreeDiff(diff);
  if (!changes) return { state: "identical", detail: `the Space's ${SPACE_BRANCH} (${snapshot.commit.slice(0, 12)}) holds exactly the ${files.length} file(s) of the folder`, url };
  return { state: "absent", detail: `the Space differs from the folder: ${changes}`, url };
}

// packages/platforms/src/huggingface/publish.ts
async function publishHuggingface(ctx, files) {
  const target = spaceTarget(ctx);
  const { subject, body } = releaseCommitMessage(ctx, ctx.config.project.name, `The Space folder ${spaceConfig(ctx).path ?? "."}`);
  const result = await commitAndPush(target, { branch: SPACE_BRANCH, files, mirror: true, subject, body });
  const url = browseUrl(target.remote);
  if (!result.changed) return { status: "skipped", url, detail: `the Space's ${SPACE_BRANCH} already holds exactly these files; nothing pushed` };
  return { status: "published", url, detail: `pushed ${files.length} file(s) to the Space ${spaceConfig(ctx).space} (${result.commit.slice(0, 12)} on ${SPACE_BRANCH})` };
}

// packages/platforms/src/huggingface/status.ts
async function statusHuggingface(ctx) {
  const target = spaceTarget(ctx);
  const snapshot = await readRemoteBranch(target, SPACE_BRANCH, `reading the Space ${target.remote.spec}`);
  if (!snapshot.commit) return { detail: `the Space has no ${SPACE_BRANCH} branch yet` };
  const subject = await snapshot.subject();
  const prefix = `${ctx.config.project.name} `;
  const latest = subject.startsWith(prefix) ? subject.slice(prefix.length).trim() : void 0;
  return { ...latest ? { latest } : {}, url: browseUrl(target.remote), detail: `${SPACE_BRANCH} is at ${snapshot.commit.slice(0, 12)}: ${subject}` };
}

// packages/platforms/src/huggingface/index.ts
var huggingfacePlatform = {
  id: "huggingface",
  check: checkHuggingface,
  render: renderHuggingface,
  publish: publishHuggingface,
  status: statusHuggingface
};
export {
  huggingfacePlatform
};
