import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  require_semver
} from "./chunk-M5OUCAEA.js";
import {
  aurTargets
} from "./chunk-7MAI2M42.js";
import "./chunk-GMIJ6JCU.js";
import {
  __toESM
} from "./chunk-EXBJN2G4.js";

// packages/platforms/src/aur/aur-package.ts
function toPkgver(version) {
  const pkgver = version.replace(/-/g, "_");
  if (!/^[A-Za-z0-9._+]+$/.test(pkgver)) throw new Error(`version ${version} cannot be an AUR pkgver (letters, digits, ".", "_", "+" only)`);
  return pkgver;
}
var LICENSE_FILE = /^(?:LICEN[CS]E|COPYING)(?:[.-][A-Za-z0-9.-]+)?$/i;
function assetFor(assets, target) {
  const asset = assets.find((a) => a.target === target);
  if (!asset) throw new Error(`the release has no archive for ${target}, which the AUR package needs`);
  return asset;
}
function aurPackage(ctx, pkgrel = 1) {
  const { config } = ctx;
  const name = config.project.name;
  const aur = config.platforms.aur;
  const pkgname = aur?.package ?? `${name}-bin`;
  const pkgver = toPkgver(ctx.version.version);
  const picked = aurTargets(config.build.targets);
  if (picked.length === 0) throw new Error("no Linux target is built, so there is nothing to package for the AUR");
  const sources = picked.map((t) => {
    const arch = t.aur;
    const asset = assetFor(ctx.assets, t.id);
    return { arch, file: `${name}-${pkgver}-${arch}.tar.gz`, url: asset.url, sha256: asset.sha256 };
  });
  const licenseFile = (config.build.files ?? []).map((f) => f.split("/").pop() ?? f).find((f) => LICENSE_FILE.test(f));
  const homepage = config.project.homepage ?? (config.project.repository ? `https://github.com/${config.project.repository}` : void 0);
  return {
    pkgname,
    pkgver,
    pkgrel,
    pkgdesc: config.project.description ?? name,
    ...homepage ? { url: homepage } : {},
    ...config.project.license ? { license: config.project.license } : {},
    provides: name,
    binary: config.build.binary ?? name,
    ...licenseFile ? { licenseFile } : {},
    sources
  };
}

// packages/platforms/src/aur/aur-remote.ts
import { mkdtemp, rm, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";

// packages/platforms/src/aur/run-tool.ts
import { spawn } from "node:child_process";
function runTool(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 12e4,
      ...options.signal ? { signal: options.signal } : {}
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c) => stdout += c);
    child.stderr.setEncoding("utf8").on("data", (c) => stderr += c);
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

// packages/platforms/src/aur/ssh-key.ts
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
function normaliseSshKey(text3) {
  let key = text3.replace(/\r\n?/g, "\n");
  if (!key.includes("\n") && key.includes("\\n")) key = key.replace(/\\n/g, "\n");
  key = key.split("\n").map((line) => line.trim()).filter((line) => line !== "").join("\n").trim();
  return `${key}
`;
}
async function writeSshKey(secretName, text3, dir, env) {
  if (!text3 || text3.trim() === "") throw new Error(`${secretName} is not set: add the private key registered with your AUR account as this secret`);
  const key = normaliseSshKey(text3);
  if (!/^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----\n/.test(key)) {
    throw new Error(`${secretName} does not look like a private key: it must start with a "-----BEGIN \u2026 PRIVATE KEY-----" line (paste the whole private key file, not the .pub)`);
  }
  const path = join(dir, "aur_key");
  await writeFile(path, key, { mode: 384 });
  const check = await runTool("ssh-keygen", ["-y", "-P", "", "-f", path], { env, timeoutMs: 15e3 });
  if (check.code !== 0) {
    const why = check.stderr.split(path).join("<key file>").trim() || `ssh-keygen exited ${check.code}`;
    throw new Error(`${secretName} is not a usable private key (${why}); it must be an unencrypted OpenSSH or PEM private key`);
  }
  return path;
}

// packages/platforms/src/aur/aur-remote.ts
var KEY_SECRET = "AUR_SSH_PRIVATE_KEY";
var KNOWN_HOSTS_ENV = "DEPLOYFORGE_AUR_KNOWN_HOSTS";
var q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
function baseEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("GIT_") && k !== "SSH_AUTH_SOCK") env[k] = v;
  return { ...env, GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1" };
}
function aurRemote(ctx) {
  const aur = ctx.config.platforms.aur;
  const pkg = aur?.package ?? `${ctx.config.project.name}-bin`;
  return aur?.remote ?? `ssh://aur@aur.archlinux.org/${pkg}.git`;
}
async function cloneAurRepo(ctx) {
  const scratch = await mkdtemp(join2(tmpdir(), "deployforge-aur-"));
  try {
    const env = baseEnv();
    const key = await writeSshKey(KEY_SECRET, ctx.env[KEY_SECRET], scratch, env);
    const ssh = ["ssh", "-F", "/dev/null", "-i", q(key), "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "BatchMode=yes", "-o", "ConnectTimeout=20"];
    const knownHosts = ctx.env[KNOWN_HOSTS_ENV];
    if (knownHosts && knownHosts.trim() !== "") {
      const file = join2(scratch, "known_hosts");
      await writeFile2(file, `${knownHosts.replace(/\r\n?/g, "\n").trim()}
`, { mode: 384 });
      ssh.push("-o", "StrictHostKeyChecking=yes", "-o", `UserKnownHostsFile=${q(file)}`);
    } else {
      ssh.push("-o", "StrictHostKeyChecking=yes");
    }
    env.GIT_SSH_COMMAND = ssh.join(" ");
    const dir = join2(scratch, "repo");
    const git = (args) => runTool("git", args, { cwd: dir, env, ...ctx.signal ? { signal: ctx.signal } : {} });
    const gitOk = async (args, doing) => {
      const r = await git(args);
      if (r.code !== 0) throw new Error(`${doing} failed (git exit ${r.code}): ${(r.stderr || r.stdout).trim()}`);
      return r.stdout;
    };
    const remote = aurRemote(ctx);
    const clone = await runTool("git", ["clone", "--quiet", "--", remote, dir], { env, cwd: scratch, ...ctx.signal ? { signal: ctx.signal } : {} });
    if (clone.code !== 0) {
      const why = (clone.stderr || clone.stdout).trim();
      const hint = /Host key verification failed|REMOTE HOST IDENTIFICATION/i.test(why) ? ` (set ${KNOWN_HOSTS_ENV} to the AUR host's known_hosts lines)` : /Permission denied/i.test(why) ? ` (is the public half of ${KEY_SECRET} registered with the AUR account?)` : "";
      throw new Error(`cloning ${remote} failed${hint}: ${why}`);
    }
    return { dir, git, gitOk, dispose: () => rm(scratch, { recursive: true, force: true }) };
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}

// packages/platforms/src/aur/aur-rpc.ts
var RPC_URL_ENV = "DEPLOYFORGE_AUR_RPC_URL";
function aurRpcBase(ctx) {
  const configured = ctx.env[RPC_URL_ENV];
  if (configured) return configured.replace(/\/+$/, "");
  const remote = aurRemote(ctx);
  const host = /^[a-z+]+:\/\//i.test(remote) ? new URL(remote).hostname : /^(?:[^@]+@)?([^:/]+):/.exec(remote)?.[1] ?? "aur.archlinux.org";
  return `https://${host}`;
}
async function aurInfo(ctx, name) {
  const url = `${aurRpcBase(ctx)}/rpc/v5/info?arg[]=${encodeURIComponent(name)}`;
  const timeout = AbortSignal.timeout(3e4);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  const res = await fetch(url, { headers: { accept: "application/json" }, signal });
  const text3 = await res.text();
  if (!res.ok) throw new Error(`AUR RPC ${url} answered ${res.status}: ${text3.slice(0, 200)}`);
  let body;
  try {
    body = JSON.parse(text3);
  } catch {
    throw new Error(`AUR RPC ${url} answered something that is not JSON: ${text3.slice(0, 200)}`);
  }
  if (body.type === "error") throw new Error(`AUR RPC ${url}: ${body.error ?? "error"}`);
  return body.results?.find((r) => r.Name === name);
}
function splitAurVersion(version) {
  const noEpoch = version.replace(/^\d+:/, "");
  const dash = noEpoch.lastIndexOf("-");
  if (dash < 0) return { pkgver: noEpoch, pkgrel: 1 };
  return { pkgver: noEpoch.slice(0, dash), pkgrel: Number(noEpoch.slice(dash + 1)) || 1 };
}

// packages/platforms/src/aur/pkgbuild.ts
function shellQuote(value) {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
var array = (values) => `(${values.map(shellQuote).join(" ")})`;
function renderPkgbuild(p, maintainer) {
  const lines = [];
  if (maintainer) lines.push(`# Maintainer: ${maintainer.replace(/[\r\n]+/g, " ")}`);
  lines.push("# Generated by DeployForge from the GitHub release; edits here are overwritten by the next release.");
  lines.push("");
  lines.push(`pkgname=${p.pkgname}`);
  lines.push(`pkgver=${p.pkgver}`);
  lines.push(`pkgrel=${p.pkgrel}`);
  lines.push(`pkgdesc=${shellQuote(p.pkgdesc)}`);
  lines.push(`arch=${array(p.sources.map((s) => s.arch))}`);
  if (p.url) lines.push(`url=${shellQuote(p.url)}`);
  if (p.license) lines.push(`license=${array([p.license])}`);
  lines.push(`provides=${array([p.provides])}`);
  lines.push(`conflicts=${array([p.provides])}`);
  lines.push(`options=${array(["!strip", "!debug"])}`);
  for (const s of p.sources) {
    lines.push(`source_${s.arch}=${array([`${s.file}::${s.url}`])}`);
    lines.push(`sha256sums_${s.arch}=${array([s.sha256])}`);
  }
  lines.push("");
  lines.push("package() {");
  lines.push(`  install -Dm755 "$srcdir/${p.binary}" "$pkgdir/usr/bin/${p.binary}"`);
  if (p.licenseFile) lines.push(`  install -Dm644 "$srcdir/${p.licenseFile}" "$pkgdir/usr/share/licenses/$pkgname/${p.licenseFile}"`);
  lines.push("}");
  return `${lines.join("\n")}
`;
}

// packages/platforms/src/aur/srcinfo.ts
function renderSrcinfo(p) {
  const out = [`pkgbase = ${p.pkgname}`];
  const field = (key, value) => {
    out.push(`	${key} = ${value.replace(/\s+/g, " ").trim()}`);
  };
  field("pkgdesc", p.pkgdesc);
  field("pkgver", p.pkgver);
  field("pkgrel", String(p.pkgrel));
  if (p.url) field("url", p.url);
  for (const s of p.sources) field("arch", s.arch);
  if (p.license) field("license", p.license);
  field("provides", p.provides);
  field("conflicts", p.provides);
  field("options", "!strip");
  field("options", "!debug");
  for (const s of p.sources) {
    field(`source_${s.arch}`, `${s.file}::${s.url}`);
    field(`sha256sums_${s.arch}`, s.sha256);
  }
  out.push("", `pkgname = ${p.pkgname}`, "");
  return `${out.join("\n")}
`;
}
function parseSrcinfo(text3) {
  const sections = [];
  for (const raw of text3.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const m = /^\s*([A-Za-z0-9_]+) = (.*)$/.exec(line);
    if (!m) throw new Error(`.SRCINFO: cannot read line ${JSON.stringify(line)}`);
    const [, key, value] = m;
    if (!/^\s/.test(line) && (key === "pkgbase" || key === "pkgname")) {
      sections.push({ kind: key, name: value, fields: [] });
      continue;
    }
    const current = sections.at(-1);
    if (!current) throw new Error(`.SRCINFO: field ${key} before any pkgbase section`);
    current.fields.push([key, value]);
  }
  return sections;
}
function srcinfoValue(sections, key) {
  return sections.find((s) => s.kind === "pkgbase")?.fields.find(([k]) => k === key)?.[1];
}
function srcinfoValues(sections, keyPattern) {
  const base = sections.find((s) => s.kind === "pkgbase");
  return (base?.fields ?? []).filter(([k]) => keyPattern.test(k)).map(([k, v]) => `${k}=${v}`);
}

// packages/platforms/src/aur/render.ts
function renderAurFiles(ctx, pkgrel = 1) {
  const pkg = aurPackage(ctx, pkgrel);
  return [
    { path: "PKGBUILD", contents: renderPkgbuild(pkg, ctx.config.project.maintainer) },
    { path: ".SRCINFO", contents: renderSrcinfo(pkg) }
  ];
}
function renderAur(ctx) {
  return renderAurFiles(ctx, 1);
}

// packages/platforms/src/aur/repo-state.ts
import { readFile } from "node:fs/promises";
import { join as join3 } from "node:path";
var readIfThere = (path) => readFile(path, "utf8").then(
  (t) => t,
  () => void 0
);
async function readAurRepo(dir) {
  const [pkgbuild, srcinfo] = await Promise.all([readIfThere(join3(dir, "PKGBUILD")), readIfThere(join3(dir, ".SRCINFO"))]);
  if (!srcinfo) return { ...pkgbuild ? { pkgbuild } : {}, sources: [] };
  const sections = parseSrcinfo(srcinfo);
  const pkgver = srcinfoValue(sections, "pkgver");
  const pkgrel = Number(srcinfoValue(sections, "pkgrel"));
  return {
    ...pkgbuild ? { pkgbuild } : {},
    srcinfo,
    ...pkgver ? { pkgver } : {},
    ...Number.isInteger(pkgrel) && pkgrel > 0 ? { pkgrel } : {},
    sources: srcinfoValues(sections, /^(?:source|sha256sums)_/)
  };
}
function renderedSources(srcinfo) {
  return srcinfoValues(parseSrcinfo(srcinfo), /^(?:source|sha256sums)_/);
}

// packages/platforms/src/aur/check.ts
function aurPackageUrl(ctx, name) {
  return `${aurRpcBase(ctx)}/packages/${encodeURIComponent(name)}`;
}
var text = (contents) => typeof contents === "string" ? contents : Buffer.from(contents).toString("utf8");
async function checkAur(ctx) {
  const ours = aurPackage(ctx);
  const url = aurPackageUrl(ctx, ours.pkgname);
  const info = await aurInfo(ctx, ours.pkgname);
  if (!info) return { state: "absent", detail: `the AUR has no package ${ours.pkgname}` };
  const live = splitAurVersion(info.Version);
  if (live.pkgver !== ours.pkgver) {
    return { state: "absent", detail: `the AUR serves ${ours.pkgname} ${info.Version}, not ${ours.pkgver}`, url };
  }
  const checkout = await cloneAurRepo(ctx);
  try {
    const repo = await readAurRepo(checkout.dir);
    const pkgrel = repo.pkgrel ?? live.pkgrel;
    const [pkgbuild, srcinfo] = renderAurFiles(ctx, pkgrel).map((f) => text(f.contents));
    const wanted = renderedSources(srcinfo);
    if (wanted.join("\n") !== repo.sources.join("\n")) {
      const changed = wanted.filter((l) => !repo.sources.includes(l)).map((l) => l.split("=")[0]);
      return { state: "different", detail: `${info.Version} has other sources or sha256sums (${changed.join(", ")}) than this release`, url };
    }
    if (repo.pkgbuild !== pkgbuild || repo.srcinfo !== srcinfo) {
      return { state: "different", detail: `${info.Version} has the same binaries but other packaging; force publishes it as pkgrel ${pkgrel + 1}`, url };
    }
    return { state: "identical", detail: `${info.Version}: PKGBUILD and sha256sums match`, url };
  } finally {
    await checkout.dispose();
  }
}

// packages/platforms/src/aur/publish.ts
var import_semver = __toESM(require_semver(), 1);
import { writeFile as writeFile3 } from "node:fs/promises";
import { join as join4 } from "node:path";
var text2 = (contents) => typeof contents === "string" ? contents : Buffer.from(contents).toString("utf8");
function committer(ctx) {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(ctx.config.project.maintainer ?? "");
  return m?.[1] && m[2] ? { name: m[1], email: m[2] } : { name: "DeployForge", email: "deployforge@users.noreply.github.com" };
}
async function publishAur(ctx, _files) {
  const ours = aurPackage(ctx);
  const url = aurPackageUrl(ctx, ours.pkgname);
  const checkout = await cloneAurRepo(ctx);
  try {
    const repo = await readAurRepo(checkout.dir);
    if (repo.pkgver && repo.pkgver !== ours.pkgver) {
      const live = import_semver.default.valid(repo.pkgver.replace(/_/g, "-"));
      if (live && import_semver.default.gt(live, ctx.version.version)) {
        return { status: "failed", detail: `the AUR already has ${ours.pkgname} ${repo.pkgver}, newer than ${ours.pkgver}: pushing would downgrade every user`, url };
      }
    }
    let pkgrel = 1;
    if (repo.pkgver === ours.pkgver && repo.pkgrel) {
      const same = renderAurFiles(ctx, repo.pkgrel).map((f) => text2(f.contents));
      if (same[0] === repo.pkgbuild && same[1] === repo.srcinfo) {
        return { status: "skipped", detail: `${ours.pkgname} ${ours.pkgver}-${repo.pkgrel} is already in the AUR repository; nothing pushed`, url };
      }
      pkgrel = repo.pkgrel + 1;
    }
    const files = renderAurFiles(ctx, pkgrel);
    for (const f of files) await writeFile3(join4(checkout.dir, f.path), f.contents);
    const who = committer(ctx);
    const release = `${ours.pkgver}-${pkgrel}`;
    await checkout.gitOk(["add", "--", ...files.map((f) => f.path)], "staging PKGBUILD and .SRCINFO");
    await checkout.gitOk(
      ["-c", `user.name=${who.name}`, "-c", `user.email=${who.email}`, "commit", "--quiet", "--no-gpg-sign", "-m", `Update to ${release}`],
      "committing"
    );
    await checkout.gitOk(["push", "--quiet", "origin", "HEAD:refs/heads/master"], `pushing to ${aurRemote(ctx)}`);
    return { status: "published", detail: `pushed ${ours.pkgname} ${release} to ${aurRemote(ctx)}`, url };
  } finally {
    await checkout.dispose();
  }
}

// packages/platforms/src/aur/status.ts
async function aurStatus(ctx) {
  const name = ctx.config.platforms.aur?.package ?? `${ctx.config.project.name}-bin`;
  const info = await aurInfo(ctx, name);
  if (!info) return { detail: `the AUR has no package ${name}` };
  const { pkgver, pkgrel } = splitAurVersion(info.Version);
  return { latest: pkgver.replace(/_/g, "-"), url: aurPackageUrl(ctx, name), detail: `${name} ${pkgver}-${pkgrel}` };
}

// packages/platforms/src/aur/index.ts
var aurPlatform = {
  id: "aur",
  check: checkAur,
  render: renderAur,
  publish: publishAur,
  status: aurStatus
};
export {
  aurPlatform
};
