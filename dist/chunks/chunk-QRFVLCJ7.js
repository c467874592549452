import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  TARGET_IDS,
  targetInfo
} from "./chunk-7MAI2M42.js";
import {
  ConfigurationError
} from "./chunk-GMIJ6JCU.js";

// packages/platforms/src/git-remote/remote-url.ts
var OWNER_REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;
function resolveGitRemote(spec, env, origin) {
  if (OWNER_REPO.test(spec)) {
    const server = (env["GITHUB_SERVER_URL"] ?? "https://github.com").replace(/\/+$/, "");
    const slug = spec.replace(/\.git$/, "");
    return { url: `${server}/${slug}.git`, slug, spec };
  }
  if (/^(?:https?|ssh|git|file):\/\//.test(spec) || /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:/.test(spec)) {
    const slug = slugFromUrl(spec);
    return { url: spec, ...slug ? { slug } : {}, spec };
  }
  throw ConfigurationError.forInput(origin, `"${spec}" is neither owner/repo nor a git URL (https://, ssh://, git://, file://, git@host:path)`);
}
function slugFromUrl(url) {
  const path = url.replace(/^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:/, "/").replace(/^[a-z]+:\/\/[^/]*/, "");
  const parts = path.split("/").filter(Boolean);
  if (parts.length < 2) return void 0;
  const slug = `${parts[parts.length - 2]}/${parts[parts.length - 1].replace(/\.git$/, "")}`;
  return OWNER_REPO.test(slug) ? slug : void 0;
}
function isHttpRemote(url) {
  return /^https?:\/\//i.test(url);
}
function httpOrigin(url) {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}/`;
}
function browseUrl(remote, path, branch) {
  let base = remote.url;
  if (isHttpRemote(base)) {
    const parsed = new URL(base);
    parsed.username = "";
    parsed.password = "";
    base = parsed.toString();
  }
  base = base.replace(/\.git$/, "");
  if (!path) return base;
  return isHttpRemote(base) && branch ? `${base}/blob/${branch}/${path}` : `${base} (${path})`;
}

// packages/platforms/src/git-remote/git-session.ts
import { mkdtemp } from "node:fs/promises";
import { join } from "node:path";

// packages/platforms/src/git-remote/git-command.ts
import { spawn } from "node:child_process";

// packages/platforms/src/git-remote/git-auth.ts
function authConfigEntries(origin, auth) {
  if (!auth) return [];
  const basic = Buffer.from(`${auth.username}:${auth.token}`, "utf8").toString("base64");
  return [[`http.${origin}.extraHeader`, `Authorization: Basic ${basic}`]];
}

// packages/platforms/src/git-remote/git-command.ts
var GitCommandError = class extends Error {
  constructor(args, result) {
    super(`git ${args[0] ?? ""} failed (exit ${result.code}): ${summarizeGitError(result.stderr || result.stdout)}`);
    this.args = args;
    this.result = result;
  }
  args;
  result;
  name = "GitCommandError";
};
function summarizeGitError(text) {
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("hint:"));
  return lines.slice(-4).join(" | ") || "no output";
}
var FIXED_CONFIG = [
  ["credential.helper", ""],
  ["commit.gpgSign", "false"],
  ["tag.gpgSign", "false"],
  ["core.hooksPath", "/dev/null"],
  ["init.defaultBranch", "main"],
  ["advice.detachedHead", "false"]
];
var IDENTITY = {
  GIT_AUTHOR_NAME: "DeployForge",
  GIT_AUTHOR_EMAIL: "deployforge@users.noreply.github.com",
  GIT_COMMITTER_NAME: "DeployForge",
  GIT_COMMITTER_EMAIL: "deployforge@users.noreply.github.com"
};
function gitEnv(options) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("GIT_")) continue;
    env[key] = value;
  }
  const config = [...FIXED_CONFIG];
  if (options.remoteUrl && isHttpRemote(options.remoteUrl)) {
    config.push(...authConfigEntries(httpOrigin(options.remoteUrl), options.auth));
  }
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  env["GIT_CONFIG_COUNT"] = String(config.length);
  const pass = options.passEnv ?? {};
  const identity = Object.fromEntries(
    Object.entries(IDENTITY).map(([key, fallback]) => [key, pass[key] || fallback])
  );
  return {
    ...env,
    ...identity,
    GIT_TERMINAL_PROMPT: "0",
    GIT_CONFIG_NOSYSTEM: "1",
    ...pass["GIT_SSH_COMMAND"] ? { GIT_SSH_COMMAND: pass["GIT_SSH_COMMAND"] } : {},
    // Messages are matched (rejected pushes, missing refs): keep them in English.
    LC_ALL: "C"
  };
}
function runGit(args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd: options.cwd,
      env: gitEnv(options),
      stdio: ["pipe", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 5 * 6e4,
      ...options.signal ? { signal: options.signal } : {}
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => stdout += chunk);
    child.stderr.setEncoding("utf8").on("data", (chunk) => stderr += chunk);
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
    child.stdin.on("error", () => {
    });
    child.stdin.end(options.stdin ?? "");
  });
}
async function gitOk(args, options) {
  const result = await runGit(args, options);
  if (result.code !== 0) throw new GitCommandError(args, result);
  return result.stdout;
}

// packages/platforms/src/git-remote/git-session.ts
async function openGitSession(target) {
  const dir = await mkdtemp(join(target.workDir, "git-"));
  const base = { cwd: dir, passEnv: target.env, ...target.signal ? { signal: target.signal } : {} };
  await gitOk(["init", "-q"], base);
  return {
    dir,
    target,
    local: (args, stdin) => gitOk(args, { ...base, ...stdin !== void 0 ? { stdin } : {} }),
    localResult: (args) => runGit(args, base),
    remote: (args) => runGit(args, { ...base, remoteUrl: target.remote.url, ...target.auth ? { auth: target.auth } : {} })
  };
}
function remoteError(target, doing, args, result) {
  const text = `${result.stderr}
${result.stdout}`;
  const where = target.remote.spec;
  if (/Authentication failed|could not read (?:Username|Password)|terminal prompts disabled|HTTP 40[13]|returned error: 40[13]|Permission denied|Invalid username or (?:password|token)/i.test(text)) {
    const cred = target.credentialName;
    const hint = !target.auth && cred ? `${cred} is not set` : cred ? `check that ${cred} is valid and may write to ${where}` : `check the credentials for ${where}`;
    return new Error(`${doing}: authentication to ${where} failed; ${hint}`);
  }
  if (/repository .* not found|does not appear to be a git repository|not found|404/i.test(text)) {
    return new Error(`${doing}: ${where} was not found (or the credential cannot see it)`);
  }
  return new Error(`${doing}: ${new GitCommandError(args, result).message}`);
}

// packages/platforms/src/git-remote/remote-branch.ts
async function lookUpRemoteBranch(session, configured, doing) {
  const args = ["ls-remote", "--symref", session.target.remote.url, "HEAD", ...configured ? [`refs/heads/${configured}`] : []];
  const result = await session.remote(args);
  if (result.code !== 0) throw remoteError(session.target, doing, args.slice(0, 2), result);
  let defaultBranch;
  const heads = /* @__PURE__ */ new Map();
  for (const line of result.stdout.split("\n")) {
    const symref = /^ref: refs\/heads\/(\S+)\tHEAD$/.exec(line);
    if (symref) {
      defaultBranch = symref[1];
      continue;
    }
    const ref = /^([0-9a-f]{40,64})\trefs\/heads\/(\S+)$/.exec(line);
    if (ref) heads.set(ref[2], ref[1]);
    const head2 = /^([0-9a-f]{40,64})\tHEAD$/.exec(line);
    if (head2 && defaultBranch && !heads.has(defaultBranch)) heads.set(defaultBranch, head2[1]);
  }
  const branch = configured ?? defaultBranch ?? "main";
  const commit = heads.get(branch);
  return { branch, ...commit ? { commit } : {} };
}
async function fetchBranch(session, branch, doing, depth) {
  const args = [
    "fetch",
    "-q",
    "--no-tags",
    ...depth ? [`--depth=${depth}`] : [],
    session.target.remote.url,
    `+refs/heads/${branch}:refs/remotes/origin/${branch}`
  ];
  const result = await session.remote(args);
  if (result.code !== 0) throw remoteError(session.target, doing, args.slice(0, 1), result);
  return (await session.local(["rev-parse", `refs/remotes/origin/${branch}`])).trim();
}

// packages/platforms/src/git-remote/read-remote-files.ts
async function readRemoteBranch(target, branch, doing) {
  const session = await openGitSession(target);
  const found = await lookUpRemoteBranch(session, branch, doing);
  if (!found.commit) {
    return { branch: found.branch, read: async () => void 0, tree: async () => /* @__PURE__ */ new Map(), subject: async () => "" };
  }
  const commit = await fetchBranch(session, found.branch, doing, 1);
  return {
    branch: found.branch,
    commit,
    async read(path) {
      const result = await session.localResult(["show", `${commit}:${path}`]);
      return result.code === 0 ? result.stdout : void 0;
    },
    async tree() {
      const out = await session.local(["ls-tree", "-r", "-z", "--full-tree", commit]);
      const entries = /* @__PURE__ */ new Map();
      for (const record of out.split("\0")) {
        const m = /^(\d{6}) blob ([0-9a-f]+)\t(.+)$/s.exec(record);
        if (m) entries.set(m[3], { blob: m[2], mode: m[1] });
      }
      return entries;
    },
    async subject() {
      return (await session.local(["log", "-1", "--format=%s", commit])).trim();
    }
  };
}

// packages/platforms/src/git-remote/commit-and-push.ts
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join as join2 } from "node:path";
var REJECTED = /\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|failed to update ref|cannot lock ref/i;
async function commitAndPush(target, request) {
  const doing = `committing to ${target.remote.spec}`;
  const session = await openGitSession(target);
  const base = await lookUpRemoteBranch(session, request.branch, doing);
  const branch = base.branch;
  if (base.commit) {
    await fetchBranch(session, branch, doing);
    await session.local(["checkout", "-q", "-B", "deployforge-work", `refs/remotes/origin/${branch}`]);
  } else {
    await session.local(["checkout", "-q", "--orphan", "deployforge-work"]);
  }
  await writeTree(session, request);
  await session.local(["add", "-A"]);
  const staged = await session.localResult(["diff", "--cached", "--quiet"]);
  const pushTo = request.pushBranch ?? branch;
  if (staged.code === 0 && base.commit && !request.pushBranch) {
    return { changed: false, branch, baseBranch: branch, commit: base.commit, retries: 0 };
  }
  if (staged.code === 0 && !base.commit && request.files.length === 0) {
    throw new Error(`${doing}: nothing to commit to the empty branch ${branch}`);
  }
  if (staged.code === 0 && request.pushBranch) {
    return { changed: false, branch, baseBranch: branch, commit: base.commit, retries: 0 };
  }
  const message = request.body ? `${request.subject}

${request.body}
` : `${request.subject}
`;
  await session.local(["commit", "-q", "--no-verify", "-F", "-"], message);
  if (request.pushBranch) return pushPullRequestBranch(session, doing, branch, request.pushBranch);
  return pushWithRetry(session, doing, branch, pushTo);
}
async function writeTree(session, request) {
  if (request.mirror) {
    const tracked = (await session.local(["ls-files", "-z"])).split("\0").filter(Boolean);
    await Promise.all(tracked.map((path) => rm(join2(session.dir, path), { force: true })));
  }
  for (const file of request.files) {
    if (file.path.split("/").some((part) => part === ".." || part === ".git") || file.path.startsWith("/")) {
      throw new Error(`refusing to write ${JSON.stringify(file.path)} outside the repository`);
    }
    const full = join2(session.dir, file.path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, file.contents);
    await chmod(full, (file.mode ?? 420) & 73 ? 493 : 420);
  }
}
async function head(session) {
  return (await session.local(["rev-parse", "HEAD"])).trim();
}
async function pushWithRetry(session, doing, branch, pushTo) {
  const url = session.target.remote.url;
  for (let attempt = 0; ; attempt++) {
    const args = ["push", "-q", "--porcelain", url, `HEAD:refs/heads/${pushTo}`];
    const result = await session.remote(args);
    if (result.code === 0) return { changed: true, branch: pushTo, baseBranch: branch, commit: await head(session), retries: attempt };
    const text = `${result.stderr}
${result.stdout}`;
    if (!REJECTED.test(text) || attempt >= 1) throw remoteError(session.target, doing, args.slice(0, 1), result);
    await fetchBranch(session, branch, doing);
    const rebase = await session.localResult(["rebase", "-q", `refs/remotes/origin/${branch}`]);
    if (rebase.code !== 0) {
      await session.localResult(["rebase", "--abort"]);
      throw new Error(`${doing}: ${branch} changed while publishing and our commit does not apply on top of it; re-run to start from the new state`);
    }
    const tip = (await session.local(["rev-parse", `refs/remotes/origin/${branch}`])).trim();
    if (await head(session) === tip) return { changed: false, branch, baseBranch: branch, commit: tip, retries: attempt + 1 };
  }
}
async function pushPullRequestBranch(session, doing, base, prBranch) {
  const existing = await lookUpRemoteBranch(session, prBranch, doing);
  const commit = await head(session);
  if (existing.commit) {
    await fetchBranch(session, prBranch, doing, 1);
    const [theirs, ours] = await Promise.all([
      session.local(["rev-parse", `refs/remotes/origin/${prBranch}^{tree}`]),
      session.local(["rev-parse", "HEAD^{tree}"])
    ]);
    if (theirs.trim() === ours.trim()) return { changed: false, branch: prBranch, baseBranch: base, commit: existing.commit, retries: 0 };
  }
  const args = ["push", "-q", "--porcelain", session.target.remote.url, `+HEAD:refs/heads/${prBranch}`];
  const result = await session.remote(args);
  if (result.code !== 0) throw remoteError(session.target, doing, args.slice(0, 1), result);
  return { changed: true, branch: prBranch, baseBranch: base, commit, retries: 0 };
}

// packages/platforms/src/git-remote/release-commit-message.ts
function releaseCommitMessage(ctx, packageName, what) {
  const sums = ctx.assets.find((a) => a.name === "SHA256SUMS");
  const lines = [
    `${what} for ${ctx.config.project.name} ${ctx.version.version} (tag ${ctx.version.tag}), generated by DeployForge from the release assets.`
  ];
  if (sums) lines.push("", `Checksums: ${sums.url}`);
  return { subject: `${packageName} ${ctx.version.version}`, body: lines.join("\n") };
}

// packages/platforms/src/git-remote/release-archives.ts
function releaseArchives(ctx, keep) {
  const found = [];
  for (const asset of ctx.assets) {
    if (!asset.target) continue;
    const target = targetInfo(asset.target);
    if (keep(target)) found.push({ target, asset });
  }
  const order = (t) => TARGET_IDS.indexOf(t.id);
  return found.sort((a, b) => order(a.target) - order(b.target));
}
function requireArchives(ctx, keep, platform, wanted) {
  const found = releaseArchives(ctx, keep);
  if (found.length === 0) {
    throw ConfigurationError.forInput(`platforms.${platform}`, `the release of ${ctx.version.version} has no ${wanted} archive; add such a target to build.targets`);
  }
  return found;
}
function projectHomepage(ctx) {
  if (ctx.config.project.homepage) return ctx.config.project.homepage;
  const repo = ctx.config.project.repository ?? ctx.env["GITHUB_REPOSITORY"];
  if (!repo) return void 0;
  return `${(ctx.env["GITHUB_SERVER_URL"] ?? "https://github.com").replace(/\/+$/, "")}/${repo}`;
}

// packages/platforms/src/git-remote/git-target.ts
function gitTargetFor(ctx, options) {
  const remote = resolveGitRemote(options.spec, ctx.env, options.origin);
  const token = ctx.env[options.credential];
  const auth = token && isHttpRemote(remote.url) ? { username: options.username ?? "x-access-token", token } : void 0;
  return {
    remote,
    ...auth ? { auth } : {},
    credentialName: options.credential,
    env: ctx.env,
    workDir: ctx.workDir,
    ...ctx.signal ? { signal: ctx.signal } : {}
  };
}

export {
  browseUrl,
  readRemoteBranch,
  commitAndPush,
  gitTargetFor,
  releaseCommitMessage,
  requireArchives,
  projectHomepage
};
