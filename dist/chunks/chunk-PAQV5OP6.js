import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  require_yazl
} from "./chunk-VJAFAEWP.js";
import {
  Qn
} from "./chunk-DGOHO7Y2.js";
import {
  assetFetcher,
  collectArtifacts,
  configFileFor,
  createPlan,
  credentialFactsFromEnv,
  isSelected,
  loadConfig,
  loadPlanInputs,
  loadRelease,
  loadReleaseAssets,
  parsePlatformSelection,
  parseVersionInput,
  readReleaseSums,
  releaseExistence,
  resolveRepository,
  runHub,
  spokeKeys
} from "./chunk-PYQ6BCLX.js";
import {
  PLATFORMS,
  SPOKE_STATUSES,
  loadPlatform
} from "./chunk-LEOGON56.js";
import {
  AssetDownloadError,
  SHA256SUMS_GPG_NAME,
  SHA256SUMS_NAME,
  SHA256SUMS_SIGSTORE_NAME,
  createGitHubClient,
  downloadVerifiedAsset,
  findReleaseByTag,
  isSignatureFile,
  listReleaseAssets,
  listReleases,
  mapWithConcurrency,
  parseSha256Sums,
  sha256File,
  sha256FromDigest
} from "./chunk-ZHURFVS4.js";
import {
  require_semver
} from "./chunk-M5OUCAEA.js";
import {
  ConfigurationError,
  createRedactor,
  describeValue,
  errorMessage
} from "./chunk-GMIJ6JCU.js";
import {
  __toESM
} from "./chunk-EXBJN2G4.js";

// packages/status/src/supply-chain-files.ts
function supplyChainFacts(names) {
  const gpg = names.includes(SHA256SUMS_GPG_NAME);
  const sigstore = names.includes(SHA256SUMS_SIGSTORE_NAME);
  return {
    checksums: names.includes(SHA256SUMS_NAME),
    sbom: names.some((n) => n.endsWith(".cdx.json") || n.endsWith(".spdx.json")),
    attestations: names.some((n) => n.endsWith(".sigstore.json") && n !== SHA256SUMS_SIGSTORE_NAME || n.endsWith(".intoto.jsonl")),
    signatures: gpg || sigstore || names.some((n) => isSignatureFile(n) && !n.endsWith(".sigstore.json")),
    "gpg-signature": gpg,
    "sigstore-signature": sigstore
  };
}
function supplyChainItems(release2) {
  const items = [
    { label: "checksums (SHA256SUMS)", present: release2.checksums === true },
    { label: "SBOM", present: release2.sbom === true },
    { label: "provenance attestation", present: release2.attestations === true }
  ];
  if (release2["gpg-signature"] === void 0 && release2["sigstore-signature"] === void 0) {
    items.push({ label: "signatures", present: release2.signatures === true });
  } else {
    items.push(
      { label: `GPG signature (${SHA256SUMS_GPG_NAME})`, present: release2["gpg-signature"] === true },
      { label: `Sigstore signature (${SHA256SUMS_SIGSTORE_NAME})`, present: release2["sigstore-signature"] === true }
    );
  }
  return items;
}

// packages/status/src/build-status-document.ts
function buildStatusDocument(input) {
  const byKey = new Map(input.results.map((r) => [r.key, r]));
  const platforms2 = {};
  for (const spoke of input.plan.spokes) {
    const r = byKey.get(spoke.key);
    platforms2[spoke.key] = {
      name: spoke.displayName,
      status: r?.status ?? "failed",
      version: r?.version ?? input.plan.version.version,
      ...r?.url ? { url: r.url } : {},
      "duration-ms": r?.["duration-ms"] ?? 0,
      required: spoke.required,
      detail: r?.detail ?? "no result was reported for this spoke (its job did not run to the end)"
    };
  }
  const doc = {
    project: input.plan.project,
    version: input.plan.version.version,
    "generated-at": (input.now ?? /* @__PURE__ */ new Date()).toISOString(),
    platforms: platforms2,
    ...input.plan.dryRun ? { "dry-run": true } : {}
  };
  if (input.hub) {
    const names = input.hub.assets.map((a) => a.name);
    doc.release = {
      status: input.hub.status,
      ...input.hub.url ? { url: input.hub.url } : {},
      tag: input.hub.tag,
      assets: input.hub.assets.map(({ name, size, sha256, url }) => ({ name, size, sha256, url })),
      detail: input.hub.detail,
      // Without the asset list (a workflow whose release job does not pass it on) these are
      // unknown, not "absent": leave them out rather than claim the release lacks checksums.
      ...names.length > 0 ? supplyChainFacts(names) : {}
    };
  }
  return doc;
}
function requiredFailures(doc) {
  const failed = Object.entries(doc.platforms).filter(([, p]) => p.required && p.status === "failed").map(([k]) => k);
  if (doc.release?.status === "failed") failed.unshift("github");
  return failed;
}

// packages/status/src/needs-types.ts
var JOB_RESULTS = ["success", "failure", "cancelled", "skipped"];

// packages/status/src/parse-needs.ts
var isRecord = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function parseNeeds(text, inputName = "results") {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = errorMessage(error);
    throw ConfigurationError.forInput(inputName, `expected the JSON of \${{ toJSON(needs) }}, got text that is not JSON (${reason})`);
  }
  if (!isRecord(data)) {
    throw ConfigurationError.forInput(inputName, `expected the JSON object of \${{ toJSON(needs) }}, got ${describeValue(data)}`);
  }
  const needs = {};
  for (const [jobId, job] of Object.entries(data)) {
    if (!isRecord(job) || !JOB_RESULTS.includes(job.result)) {
      throw ConfigurationError.forInput(inputName, `job "${jobId}": expected {"result": ${JOB_RESULTS.join("|")}, "outputs": {\u2026}}, got ${describeValue(job)}`);
    }
    const outputs = {};
    if (isRecord(job.outputs)) {
      for (const [name, value] of Object.entries(job.outputs)) outputs[name] = typeof value === "string" ? value : JSON.stringify(value);
    }
    needs[jobId] = { result: job.result, outputs };
  }
  return needs;
}

// packages/status/src/status-from-needs.ts
var PUBLISH_JOB_FAILED = "the publish job failed before reporting (see its log)";
var PUBLISH_JOB_CANCELLED = "the publish job was cancelled before reporting (see its log)";
function statusFromNeeds(needs, options = {}) {
  const now = options.now ?? /* @__PURE__ */ new Date();
  const plan = planFromNeeds(needs);
  if (!plan) return planFailedDocument(needs, options.config, now);
  const hub = hubFromNeeds(needs, plan);
  const hubDone = hub.status !== "failed";
  const results = plan.spokes.map((spoke) => spokeResult(spoke, needs[spoke.jobId], plan, hubDone));
  return buildStatusDocument({ plan, results, hub, now });
}
function planFromNeeds(needs) {
  const job = needs.plan;
  if (!job || job.result !== "success" || !job.outputs.plan) return void 0;
  try {
    const plan = JSON.parse(job.outputs.plan);
    return plan && plan.schema === "deployforge-plan/v1" && Array.isArray(plan.spokes) ? plan : void 0;
  } catch {
    return void 0;
  }
}
var isSpokeStatus = (s) => SPOKE_STATUSES.includes(s);
function spokeResult(spoke, job, plan, hubDone) {
  const base = { key: spoke.key, version: plan.version.version, "duration-ms": 0 };
  const reported = job?.outputs.status;
  if (job && isSpokeStatus(reported)) {
    return {
      ...base,
      status: reported,
      ...job.outputs.version ? { version: job.outputs.version } : {},
      ...job.outputs.url ? { url: job.outputs.url } : {},
      // Publish jobs export `detail`; older workflows did not, then the job's log holds it.
      detail: job.outputs.detail || defaultDetail(reported, spoke),
      ...job.outputs["duration-ms"] && Number.isFinite(Number(job.outputs["duration-ms"])) ? { "duration-ms": Number(job.outputs["duration-ms"]) } : {}
    };
  }
  if (!job || job.result === "skipped") {
    if (!spoke.run) return { ...base, status: spoke.outcomeIfSkipped ?? "skipped", detail: spoke.detail };
    if (!hubDone) return { ...base, status: "skipped", detail: "not run: the release (hub) did not complete, so nothing was published here" };
    return { ...base, status: "failed", detail: "the plan chose this spoke but its job was skipped (see the workflow run)" };
  }
  if (job.result === "cancelled") return { ...base, status: "failed", detail: PUBLISH_JOB_CANCELLED };
  if (job.result === "failure") return { ...base, status: "failed", detail: PUBLISH_JOB_FAILED };
  return { ...base, status: "failed", detail: 'the publish job succeeded but reported no status output (is its step id "publish"?)' };
}
function defaultDetail(status2, spoke) {
  switch (status2) {
    case "published":
      return `published to ${spoke.displayName}`;
    case "skipped":
      return "already there: nothing to do";
    case "dry-run":
      return "dry run: rendered and validated, nothing written";
    case "needs-human":
      return `${spoke.displayName} needs a person: see the annotations of the ${spoke.jobId} job`;
    case "failed":
      return `see the log of the ${spoke.jobId} job`;
  }
}
function hubFromNeeds(needs, plan) {
  const release2 = needs.release;
  const tag = release2?.outputs.tag || plan.version.tag;
  const url = release2?.outputs["release-url"] || void 0;
  const assets = assetsFromOutput(release2?.outputs.assets);
  const hub = (status2, detail) => ({ status: status2, tag, detail, assets, ...url ? { url } : {} });
  if (!release2 || release2.result === "skipped") {
    if (!plan.release.run) return hub("skipped", `already complete: ${plan.release.detail}`);
    const build = needs.build?.result;
    if (build === "failure" || build === "cancelled") return hub("failed", `the build ${build === "failure" ? "failed" : "was cancelled"}, so no release was made (see the build job's log)`);
    const sign = needs.sign?.result;
    if (sign === "failure" || sign === "cancelled") {
      return hub("failed", `the sign job ${sign === "failure" ? "failed (a missing or wrong signing key, or no id-token permission)" : "was cancelled"}, so no release was made (see the sign job's log)`);
    }
    return hub("failed", "the release job did not run although the plan needed it (see the workflow run)");
  }
  if (release2.result === "success") {
    return plan.dryRun ? hub("dry-run", "dry run: nothing written") : hub("published", "the release is published with every asset verified");
  }
  return hub("failed", `the release job ${release2.result === "cancelled" ? "was cancelled" : "failed"} (see its log)`);
}
function assetsFromOutput(text) {
  if (!text) return [];
  try {
    const data = JSON.parse(text);
    if (!Array.isArray(data)) return [];
    return data.flatMap((a) => {
      const r = a;
      return r && typeof r.name === "string" && typeof r.size === "number" && typeof r.sha256 === "string" ? [{ name: r.name, size: r.size, sha256: r.sha256, url: typeof r.url === "string" ? r.url : "" }] : [];
    });
  } catch {
    return [];
  }
}
function planFailedDocument(needs, config, now) {
  const job = needs.plan;
  const why = !job ? "there is no plan job in the results" : job.result === "cancelled" ? "the plan job was cancelled" : job.result === "skipped" ? "the plan job was skipped" : "bad config or dispatch input (see the plan job's annotations)";
  const required = new Set(config?.config.required ?? []);
  const platforms2 = {};
  for (const s of config ? spokeKeys(config.config, config.enabledPlatforms) : []) {
    const name = PLATFORMS[s.platform].displayName;
    platforms2[s.key] = {
      name: s.instance ? `${name}: ${s.instance}` : name,
      status: "skipped",
      version: job?.outputs.version || "unknown",
      "duration-ms": 0,
      required: required.has(s.key),
      detail: "not run: the plan failed, nothing was built or published"
    };
  }
  return {
    project: config?.config.project.name ?? "unknown",
    version: job?.outputs.version || "unknown",
    "generated-at": now.toISOString(),
    platforms: platforms2,
    plan: { status: "failed", detail: `${why}; no platform ran and nothing was published` }
  };
}

// packages/status/src/format-values.ts
function formatDuration(ms) {
  if (!ms || !Number.isFinite(ms) || ms <= 0) return void 0;
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(1)} s`;
  const seconds = Math.round(ms / 1e3);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
function formatCount(n) {
  return n.toLocaleString("en-US");
}
function safeHttpUrl(url) {
  if (!url) return void 0;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : void 0;
  } catch {
    return void 0;
  }
}

// packages/status/src/markdown-escape.ts
function markdownText(text) {
  return text.replace(/\r\n|\r|\n/g, " ").replace(/[\\`*[\]|]/g, (c) => `\\${c}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function markdownLink(label, url) {
  if (!url) return markdownText(label);
  return `[${markdownText(label)}](${url.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/ /g, "%20")})`;
}

// packages/status/src/needs-human-actions.ts
var ACTIONS = {
  chocolatey: "Wait for Chocolatey moderation (or answer the moderator on the package page); nothing needs re-running once it is approved.",
  winget: "Review the pull request on microsoft/winget-pkgs and answer the moderators; the first version of a package is always reviewed by hand.",
  flathub: "Follow the Flathub submission pull request through review; the first submission of an app is reviewed by hand.",
  homebrew: "Merge the formula pull request on the tap.",
  snap: "Renew SNAPCRAFT_STORE_CREDENTIALS (snapcraft export-login) or answer the Snap Store review, then re-run this platform.",
  vscode: "Check the extension on the Marketplace / Open VSX publisher page (a new publisher or namespace needs verifying), then re-run this platform.",
  aur: "Check the AUR package page (ownership or a disowned package needs a person), then re-run this platform."
};
function needsHumanAction(key) {
  const platform = key.startsWith("custom:") ? "custom" : key;
  return ACTIONS[platform] ?? "Do what the detail says, then re-run the workflow for this platform (workflow_dispatch with platforms set to it).";
}
function rerunHint(keys, version) {
  return `Then re-run only these: workflow_dispatch with version \`${version}\` and platforms \`${keys.join(",")}\`.`;
}

// packages/status/src/status-presentation.ts
var STATUS_PRESENTATION = {
  published: { label: "published", emoji: "\u2705", symbol: "\u2714" },
  skipped: { label: "skipped", emoji: "\u23ED\uFE0F", symbol: "\u21B7" },
  "dry-run": { label: "dry run", emoji: "\u{1F9EA}", symbol: "\u25C7" },
  "needs-human": { label: "needs a person", emoji: "\u26A0\uFE0F", symbol: "\u26A0" },
  failed: { label: "failed", emoji: "\u274C", symbol: "\u2716" }
};
var OK_STATUSES = ["published", "skipped", "dry-run"];
function isOk(status2) {
  return OK_STATUSES.includes(status2);
}

// packages/status/src/release-health.ts
function healthCounts(doc) {
  const entries = Object.entries(doc.platforms);
  const failed = entries.filter(([, p]) => p.status === "failed");
  const counts = {
    total: entries.length,
    // When the release itself failed, a skipped spoke was not "already there": it never ran.
    ok: entries.filter(([, p]) => doc.release?.status === "failed" ? p.status !== "skipped" && isOk(p.status) : isOk(p.status)).length,
    needsHuman: entries.filter(([, p]) => p.status === "needs-human").map(([k]) => k),
    requiredFailed: failed.filter(([, p]) => p.required).map(([k]) => k),
    optionalFailed: failed.filter(([, p]) => !p.required).map(([k]) => k)
  };
  if (doc.release?.status === "failed") counts.requiredFailed.unshift("github");
  if (doc.release?.status === "needs-human") counts.needsHuman.unshift("github");
  return counts;
}
function releaseHealth(doc) {
  const c = healthCounts(doc);
  if (doc.plan || c.requiredFailed.length > 0) return "required-failure";
  if (c.optionalFailed.length > 0) return "optional-failure";
  if (c.needsHuman.length > 0) return "needs-human";
  return "ok";
}

// packages/status/src/summary-markdown.ts
var status = (s) => `${STATUS_PRESENTATION[s].emoji} ${STATUS_PRESENTATION[s].label}`;
var DASH = "\u2014";
function renderSummaryMarkdown(doc) {
  const out = [];
  const version = doc.version === "unknown" ? "(version unknown)" : markdownText(doc.version);
  out.push(`## DeployForge: ${markdownText(doc.project)} ${version}`, "");
  if (doc["dry-run"]) out.push("> [!NOTE]", "> **Dry run**: every package was rendered and validated; nothing was written anywhere.", "");
  out.push(verdictLine(doc), "");
  if (doc.plan) {
    out.push("> [!CAUTION]", `> **The plan failed**: ${markdownText(doc.plan.detail)}.`, "> Fix the config or the dispatch inputs (the plan job's annotations point at the line), then run the release again.", "");
  }
  out.push(...needsHumanSection(doc));
  out.push(...hubSection(doc));
  const rows = Object.entries(doc.platforms);
  if (rows.length > 0) {
    const withDownloads = rows.some(([, p]) => p.downloads !== void 0);
    out.push("### Platforms", "");
    out.push(`| platform | status | version | link | duration |${withDownloads ? " downloads |" : ""} detail |`);
    out.push(`|---|---|---|---|---:|${withDownloads ? "---:|" : ""}---|`);
    for (const [key, p] of rows) {
      const name = markdownText(p.name ?? key);
      const cells = [
        p.required ? `**${name}** (required)` : name,
        status(p.status),
        markdownText(p.version),
        linkCell(p.url),
        formatDuration(p["duration-ms"]) ?? DASH,
        ...withDownloads ? [p.downloads === void 0 ? DASH : formatCount(p.downloads)] : [],
        markdownText(p.detail)
      ];
      out.push(`| ${cells.join(" | ")} |`);
    }
    out.push("", "Required platforms are marked; the run fails only when one of them (or the release itself) fails.", "");
  }
  out.push(`<sub>Generated ${markdownText(doc["generated-at"])} by DeployForge.</sub>`, "");
  return out.join("\n");
}
function linkCell(url) {
  const safe = safeHttpUrl(url);
  return safe ? markdownLink("open", safe) : DASH;
}
function verdictLine(doc) {
  if (doc.plan) return "\u274C **Nothing was released.**";
  const c = healthCounts(doc);
  const parts = [`**${c.ok}/${c.total} platforms ok**`];
  if (c.requiredFailed.length) parts.push(`\u274C required failed: ${c.requiredFailed.map(markdownText).join(", ")}`);
  if (c.optionalFailed.length) parts.push(`\u274C optional failed: ${c.optionalFailed.map(markdownText).join(", ")}`);
  if (c.needsHuman.length) parts.push(`\u26A0\uFE0F needs a person: ${c.needsHuman.map(markdownText).join(", ")}`);
  const verdict2 = {
    ok: "\u2705 **Release complete.**",
    "needs-human": "\u26A0\uFE0F **Released; a person must finish some platforms.**",
    "optional-failure": "\u{1F7E0} **Released; some optional platforms failed.**",
    "required-failure": doc.release?.status === "failed" ? "\u274C **The release failed.**" : "\u274C **A required platform failed.**"
  }[releaseHealth(doc)];
  return `${verdict2} ${parts.join(" \xB7 ")}`;
}
function needsHumanSection(doc) {
  const waiting = Object.entries(doc.platforms).filter(([, p]) => p.status === "needs-human");
  if (waiting.length === 0) return [];
  const out = ["### \u26A0\uFE0F Needs a person", ""];
  for (const [key, p] of waiting) {
    const link2 = safeHttpUrl(p.url);
    out.push(`- **${markdownText(p.name ?? key)}**${p.required ? " (required)" : ""}: ${markdownText(p.detail)}${link2 ? ` (${markdownLink("open", link2)})` : ""}`);
    out.push(`  - What to do: ${needsHumanAction(key)}`);
  }
  out.push("", rerunHint(waiting.map(([k]) => k), doc.version), "");
  return out;
}
function hubSection(doc) {
  const r = doc.release;
  if (!r) return [];
  const out = [`### Release ${markdownText(r.tag)}`, ""];
  const link2 = safeHttpUrl(r.url);
  out.push(`${status(r.status)}${link2 ? ` \xB7 ${markdownLink(r.tag, link2)}` : ""} \xB7 ${markdownText(r.detail)}`, "");
  if (r.assets.length === 0) {
    out.push("Assets and supply-chain files: not reported to this job (see the release page).", "");
    return out;
  }
  const has = ({ present, label }) => `${present ? "\u2705" : "\u2796"} ${label}: ${present ? "yes" : "no"}`;
  out.push(`Supply chain: ${supplyChainItems(r).map(has).join(" \xB7 ")}`, "");
  out.push(`<details><summary>${r.assets.length} assets</summary>`, "", "| asset | size | sha256 |", "|---|---:|---|");
  for (const a of r.assets) out.push(`| ${markdownLink(a.name, safeHttpUrl(a.url))} | ${formatBytes(a.size)} | \`${a.sha256.replace(/[^0-9a-f]/gi, "")}\` |`);
  out.push("", "</details>", "");
  return out;
}

// packages/status/src/badge.ts
var BADGE_COLOR = {
  ok: "brightgreen",
  "needs-human": "yellow",
  "optional-failure": "orange",
  "required-failure": "red"
};
function renderBadge(doc) {
  const c = healthCounts(doc);
  const version = `${doc.version}${doc["dry-run"] ? " (dry run)" : ""}`;
  const message2 = doc.plan ? `${version} \xB7 plan failed` : doc.release?.status === "failed" ? `${version} \xB7 release failed` : `${version} \xB7 ${c.ok}/${c.total} ok`;
  return { schemaVersion: 1, label: "release", message: message2, color: BADGE_COLOR[releaseHealth(doc)] };
}

// packages/status/src/render-dashboard.ts
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

// packages/status/src/dashboard-palette.ts
var THEMES = {
  light: {
    page: "#f6f8fa",
    card: "#ffffff",
    text: "#1f2328",
    muted: "#57606a",
    border: "#d0d7de",
    link: "#0550ae",
    focus: "#0550ae",
    status: {
      published: { fg: "#116329", bg: "#dafbe1", accent: "#1a7f37" },
      failed: { fg: "#a40e26", bg: "#ffebe9", accent: "#cf222e" },
      "needs-human": { fg: "#7d4e00", bg: "#fff8c5", accent: "#bf8700" },
      skipped: { fg: "#57606a", bg: "#eaeef2", accent: "#8c959f" },
      "dry-run": { fg: "#0550ae", bg: "#ddf4ff", accent: "#218bff" }
    }
  },
  dark: {
    page: "#0d1117",
    card: "#161b22",
    text: "#e6edf3",
    muted: "#9ea7b3",
    border: "#3d444d",
    link: "#79c0ff",
    focus: "#79c0ff",
    status: {
      published: { fg: "#56d364", bg: "#0f2d1a", accent: "#2ea043" },
      failed: { fg: "#ff8e86", bg: "#3c1618", accent: "#f85149" },
      "needs-human": { fg: "#e3b341", bg: "#341f00", accent: "#d29922" },
      skipped: { fg: "#b1bac4", bg: "#262c36", accent: "#6e7681" },
      "dry-run": { fg: "#79c0ff", bg: "#0c2d6b", accent: "#388bfd" }
    }
  }
};

// packages/status/src/dashboard-css.ts
function themeVariables(t) {
  const vars = [
    `--page:${t.page}`,
    `--card:${t.card}`,
    `--text:${t.text}`,
    `--muted:${t.muted}`,
    `--border:${t.border}`,
    `--link:${t.link}`,
    `--focus:${t.focus}`,
    ...SPOKE_STATUSES.flatMap((s) => [`--${s}-fg:${t.status[s].fg}`, `--${s}-bg:${t.status[s].bg}`, `--${s}-accent:${t.status[s].accent}`])
  ];
  return vars.join(";");
}
function dashboardCss() {
  const perStatus = SPOKE_STATUSES.map((s) => `.s-${s}{--fg:var(--${s}-fg);--bg:var(--${s}-bg);--accent:var(--${s}-accent)}`).join("\n");
  return `
:root{${themeVariables(THEMES.light)};color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{${themeVariables(THEMES.dark)}}}
${perStatus}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;background:var(--page);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
a{color:var(--link);text-underline-offset:2px}
a:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5rem 1rem}
.skip:focus{left:.5rem;top:.5rem}
header,main,footer{max-width:80rem;margin:0 auto;padding:1rem}
header{padding-top:1.5rem}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 .5rem;overflow-wrap:anywhere}
h2{font-size:1.25rem;margin:2rem 0 .75rem}
h3{font-size:1.05rem;margin:0;overflow-wrap:anywhere}
.meta{color:var(--muted);margin:.25rem 0;overflow-wrap:anywhere}
.verdict{display:inline-block;margin:.5rem 0;padding:.5rem .75rem;border-radius:6px;border-left:6px solid var(--accent);background:var(--bg);color:var(--fg);font-weight:600}
.grid{list-style:none;margin:0;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,17rem),1fr))}
.card{height:100%;background:var(--card);border:1px solid var(--border);border-left:6px solid var(--accent);border-radius:8px;padding:.875rem 1rem;display:flex;flex-direction:column;gap:.5rem;min-width:0}
.card-head{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.25rem .5rem}
.pill{display:inline-flex;align-items:center;gap:.35rem;padding:.1rem .6rem;border-radius:999px;background:var(--bg);color:var(--fg);font-weight:600;font-size:.9rem;white-space:nowrap}
.req{font-size:.75rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:var(--text);border:1px solid var(--muted);border-radius:4px;padding:0 .35rem;margin-left:.35rem;vertical-align:middle}
.facts{display:grid;grid-template-columns:auto 1fr;gap:.1rem .75rem;margin:0;font-size:.9rem}
.facts dt{color:var(--muted)}
.facts dd{margin:0;overflow-wrap:anywhere}
.detail{margin:0;font-size:.9rem;overflow-wrap:anywhere}
.attention{background:var(--card);border:1px solid var(--border);border-left:6px solid var(--accent);border-radius:8px;padding:.5rem 1rem}
.attention h2{margin:.75rem 0 .5rem}
.attention ul{padding-left:1.25rem}
.attention li{margin:.5rem 0;overflow-wrap:anywhere}
.todo{color:var(--text)}
.supply{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.table-wrap{overflow-x:auto;max-width:100%;border:1px solid var(--border);border-radius:8px;background:var(--card)}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;padding:.5rem .75rem;color:var(--muted)}
th,td{padding:.4rem .75rem;border-top:1px solid var(--border);text-align:left;vertical-align:top}
th[scope=col]{white-space:nowrap}
td.num{text-align:right;white-space:nowrap}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em;word-break:break-all}
.cell{color:var(--fg);font-weight:600;white-space:nowrap}
footer{color:var(--muted);font-size:.85rem}
`.trim();
}

// packages/status/src/escape-html.ts
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// packages/status/src/dashboard-html.ts
function newestFirst(docs) {
  return [...docs].sort((a, b) => b["generated-at"].localeCompare(a["generated-at"]));
}
function pill(status2) {
  const p = STATUS_PRESENTATION[status2];
  return `<span class="pill s-${status2}"><span aria-hidden="true">${p.symbol}</span> ${escapeHtml(p.label)}</span>`;
}
function link(url, label) {
  const safe = safeHttpUrl(url);
  return safe ? `<a href="${escapeHtml(safe)}">${escapeHtml(label)}</a>` : "";
}
var VERDICT = {
  ok: { cls: "published", symbol: "\u2714", text: "Release complete" },
  "needs-human": { cls: "needs-human", symbol: "\u26A0", text: "Released; a person must finish some platforms" },
  "optional-failure": { cls: "failed", symbol: "\u2716", text: "Released; some optional platforms failed" },
  "required-failure": { cls: "failed", symbol: "\u2716", text: "A required platform failed" }
};
function verdict(doc) {
  if (doc.plan) return { cls: "failed", symbol: "\u2716", text: "The plan failed: nothing was released" };
  if (doc.release?.status === "failed") return { cls: "failed", symbol: "\u2716", text: "The release failed: no platform was published" };
  return VERDICT[releaseHealth(doc)];
}
function header(doc) {
  const c = healthCounts(doc);
  const v = verdict(doc);
  const extra = [
    c.requiredFailed.length ? `required failed: ${c.requiredFailed.join(", ")}` : "",
    c.optionalFailed.length ? `optional failed: ${c.optionalFailed.join(", ")}` : "",
    c.needsHuman.length ? `needs a person: ${c.needsHuman.join(", ")}` : ""
  ].filter(Boolean);
  return `<header>
<h1>${escapeHtml(doc.project)} ${doc.version === "unknown" ? "(version unknown)" : escapeHtml(doc.version)}</h1>
<p class="verdict s-${v.cls}"><span aria-hidden="true">${v.symbol}</span> ${escapeHtml(v.text)}${doc.plan ? "" : ` \xB7 ${c.ok}/${c.total} platforms ok`}${extra.length ? ` \xB7 ${escapeHtml(extra.join(" \xB7 "))}` : ""}</p>
<p class="meta">${doc["dry-run"] ? "<strong>Dry run</strong>: nothing was written anywhere. \xB7 " : ""}Generated <time datetime="${escapeHtml(doc["generated-at"])}">${escapeHtml(doc["generated-at"].replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC"))}</time></p>
</header>`;
}
function planFailed(doc) {
  if (!doc.plan) return "";
  return `<section aria-labelledby="plan-h" class="attention s-failed">
<h2 id="plan-h"><span aria-hidden="true">\u2716</span> The plan failed</h2>
<p>${escapeHtml(doc.plan.detail)}.</p>
<p class="todo">Fix the config or the dispatch inputs (the plan job's annotations point at the line), then run the release again.</p>
</section>`;
}
function attention(doc) {
  const waiting = Object.entries(doc.platforms).filter(([, p]) => p.status === "needs-human");
  if (waiting.length === 0) return "";
  const items = waiting.map(([key, p]) => `<li><strong>${escapeHtml(p.name ?? key)}</strong>${p.required ? ' <span class="req">required</span>' : ""}: ${escapeHtml(p.detail)}${p.url ? ` ${link(p.url, "open")}` : ""}
<br><span class="todo">What to do: ${escapeHtml(needsHumanAction(key))}</span></li>`).join("\n");
  return `<section aria-labelledby="attention-h" class="attention s-needs-human">
<h2 id="attention-h"><span aria-hidden="true">\u26A0</span> Needs a person</h2>
<ul>
${items}
</ul>
<p>Then re-run only these platforms: workflow_dispatch with version <code>${escapeHtml(doc.version)}</code> and platforms <code>${escapeHtml(waiting.map(([k]) => k).join(","))}</code>.</p>
</section>`;
}
function card(key, p) {
  const facts = [["Version", escapeHtml(p.version)]];
  const duration = formatDuration(p["duration-ms"]);
  if (duration) facts.push(["Duration", escapeHtml(duration)]);
  if (p.downloads !== void 0) facts.push(["Downloads", escapeHtml(formatCount(p.downloads))]);
  const where = link(p.url, `Open on ${p.name ?? key}`);
  return `<li><article class="card s-${p.status}" aria-labelledby="c-${escapeHtml(key.replace(/[^a-z0-9-]/gi, "-"))}">
<div class="card-head"><h3 id="c-${escapeHtml(key.replace(/[^a-z0-9-]/gi, "-"))}">${escapeHtml(p.name ?? key)}${p.required ? ' <span class="req">required</span>' : ""}</h3>${pill(p.status)}</div>
<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>
<p class="detail">${escapeHtml(p.detail)}</p>
${where ? `<p class="detail">${where}</p>` : ""}
</article></li>`;
}
function platforms(doc) {
  const entries = Object.entries(doc.platforms);
  if (entries.length === 0) return "";
  return `<section aria-labelledby="platforms-h" id="platforms">
<h2 id="platforms-h">Platforms</h2>
<ul class="grid">
${entries.map(([k, p]) => card(k, p)).join("\n")}
</ul>
</section>`;
}
function release(doc) {
  const r = doc.release;
  if (!r) return "";
  const supply = supplyChainItems(r).map(({ label, present }) => `<li class="pill s-${present ? "published" : "skipped"}"><span aria-hidden="true">${present ? "\u2714" : "\u2013"}</span> ${escapeHtml(label)}: ${present ? "yes" : "no"}</li>`).join("");
  const assets = r.assets.length === 0 ? '<p class="meta">The assets and supply-chain files were not reported to this run; see the release page.</p>' : `<div class="table-wrap" role="region" aria-labelledby="assets-cap" tabindex="0"><table>
<caption id="assets-cap">${r.assets.length} assets of ${escapeHtml(r.tag)}</caption>
<thead><tr><th scope="col">Asset</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
${r.assets.map((a) => `<tr><th scope="row">${link(a.url, a.name) || escapeHtml(a.name)}</th><td class="num">${escapeHtml(formatBytes(a.size))}</td><td><code>${escapeHtml(a.sha256)}</code></td></tr>`).join("\n")}
</tbody></table></div>`;
  return `<section aria-labelledby="release-h">
<h2 id="release-h">Release ${escapeHtml(r.tag)}</h2>
<p>${pill(r.status)} ${link(r.url, `${r.tag} on GitHub`)}</p>
<p class="detail">${escapeHtml(r.detail)}</p>
${r.assets.length > 0 ? `<ul class="supply" aria-label="Supply-chain files">${supply}</ul>` : ""}
${assets}
</section>`;
}
function history(docs) {
  if (docs.length < 2) return "";
  const keys = [...new Set(docs.flatMap((d) => Object.keys(d.platforms)))];
  const nameOf = (k) => docs.map((d) => d.platforms[k]?.name).find(Boolean) ?? k;
  const cell = (p) => {
    if (!p) return '<td><span class="meta">not configured</span></td>';
    const s = STATUS_PRESENTATION[p.status];
    return `<td><span class="cell s-${p.status}"><span aria-hidden="true">${s.symbol}</span> ${escapeHtml(s.label)}</span></td>`;
  };
  return `<section aria-labelledby="history-h">
<h2 id="history-h">History</h2>
<div class="table-wrap" role="region" aria-labelledby="history-cap" tabindex="0"><table>
<caption id="history-cap">Each platform across the last ${docs.length} releases, newest first</caption>
<thead><tr><th scope="col">Platform</th>${docs.map((d) => `<th scope="col">${escapeHtml(d.version)}${d["dry-run"] ? " (dry run)" : ""}<br><time class="meta" datetime="${escapeHtml(d["generated-at"])}">${escapeHtml(d["generated-at"].slice(0, 10))}</time></th>`).join("")}</tr></thead>
<tbody>
${keys.map((k) => `<tr><th scope="row">${escapeHtml(nameOf(k))}</th>${docs.map((d) => cell(d.platforms[k])).join("")}</tr>`).join("\n")}
</tbody></table></div>
</section>`;
}
function renderDashboardHtml(docs) {
  const sorted = newestFirst(docs);
  const doc = sorted[0];
  if (!doc) throw new Error("renderDashboardHtml needs at least one status document");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(doc.project)} ${escapeHtml(doc.version)}: release status</title>
<style>
${dashboardCss()}
</style>
</head>
<body>
<a class="skip" href="#platforms">Skip to the platforms</a>
${header(doc)}
<main>
${planFailed(doc)}
${attention(doc)}
${platforms(doc)}
${release(doc)}
${history(sorted)}
</main>
<footer><p>Generated by DeployForge from status.json. The badge is in badge.json (a shields.io endpoint).</p></footer>
</body>
</html>
`;
}

// packages/status/src/render-dashboard.ts
async function renderDashboard(docs, outDir) {
  const newest = newestFirst(docs)[0];
  if (!newest) throw new Error("renderDashboard needs at least one status document");
  await mkdir(outDir, { recursive: true });
  const files = { index: join(outDir, "index.html"), status: join(outDir, "status.json"), badge: join(outDir, "badge.json") };
  await writeFile(files.index, renderDashboardHtml(docs));
  await writeFile(files.status, `${JSON.stringify(newest, null, 2)}
`);
  await writeFile(files.badge, `${JSON.stringify(renderBadge(newest))}
`);
  return files;
}

// packages/status/src/parse-status-document.ts
var isRecord2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function parseStatusDocument(text, file) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${file}: not a status.json: ${errorMessage(error)}`);
  }
  const problems = [];
  const need = (ok, path, expected, got) => {
    if (!ok) problems.push(`${path}: expected ${expected}, got ${describeValue(got)}`);
  };
  const isStatus = (s) => SPOKE_STATUSES.includes(s);
  if (!isRecord2(data)) throw new ConfigurationError(`${file}: not a status.json: expected a JSON object, got ${describeValue(data)}`);
  for (const key of ["project", "version", "generated-at"]) need(typeof data[key] === "string" && data[key] !== "", key, "a non-empty string", data[key]);
  if (typeof data["generated-at"] === "string" && Number.isNaN(Date.parse(data["generated-at"]))) problems.push(`generated-at: expected an ISO date, got ${describeValue(data["generated-at"])}`);
  need(isRecord2(data.platforms), "platforms", "a mapping of platform to status", data.platforms);
  if (isRecord2(data.platforms)) {
    for (const [key, p] of Object.entries(data.platforms)) {
      if (!isRecord2(p)) {
        need(false, `platforms.${key}`, "a mapping", p);
        continue;
      }
      need(isStatus(p.status), `platforms.${key}.status`, SPOKE_STATUSES.join(" | "), p.status);
      need(typeof p.version === "string", `platforms.${key}.version`, "a string", p.version);
      need(typeof p["duration-ms"] === "number", `platforms.${key}.duration-ms`, "a number", p["duration-ms"]);
      need(typeof p.required === "boolean", `platforms.${key}.required`, "true or false", p.required);
      need(typeof p.detail === "string", `platforms.${key}.detail`, "a string", p.detail);
      need(p.url === void 0 || typeof p.url === "string", `platforms.${key}.url`, "a string", p.url);
      need(p.downloads === void 0 || typeof p.downloads === "number", `platforms.${key}.downloads`, "a number", p.downloads);
    }
  }
  if (data.release !== void 0) {
    const r = data.release;
    need(isRecord2(r), "release", "a mapping", r);
    if (isRecord2(r)) {
      need(isStatus(r.status), "release.status", SPOKE_STATUSES.join(" | "), r.status);
      need(typeof r.tag === "string", "release.tag", "a string", r.tag);
      need(typeof r.detail === "string", "release.detail", "a string", r.detail);
      need(Array.isArray(r.assets), "release.assets", "a list", r.assets);
      for (const key of ["checksums", "sbom", "attestations", "signatures", "gpg-signature", "sigstore-signature"]) {
        need(r[key] === void 0 || typeof r[key] === "boolean", `release.${key}`, "true or false", r[key]);
      }
      if (Array.isArray(r.assets)) {
        r.assets.forEach((a, i) => {
          const ok = isRecord2(a) && typeof a.name === "string" && typeof a.size === "number" && typeof a.sha256 === "string" && typeof a.url === "string";
          need(ok, `release.assets[${i}]`, "{name, size, sha256, url}", a);
        });
      }
    }
  }
  if (problems.length > 0) throw new ConfigurationError(`${file}: not a valid status.json:
${problems.map((p) => `  ${p}`).join("\n")}`);
  return data;
}

// packages/runner/src/announce-payloads.ts
function announcementRows(doc) {
  const rows = [];
  if (doc.release) rows.push({ platform: "github", status: doc.release.status, version: doc.release.tag, ...doc.release.url ? { url: doc.release.url } : {} });
  for (const [key, p] of Object.entries(doc.platforms)) rows.push({ platform: key, status: p.status, version: p.version, ...p.url ? { url: p.url } : {} });
  return rows;
}
function announcementHeadline(doc) {
  const rows = announcementRows(doc);
  const failed = rows.filter((r) => r.status === "failed").length;
  const human = rows.filter((r) => r.status === "needs-human").length;
  const tail = failed > 0 ? `, ${failed} failed` : human > 0 ? `, ${human} need a person` : "";
  return `${doc.project} ${doc.version} released${doc["dry-run"] ? " (dry run)" : ""}: ${rows.length - failed - human} of ${rows.length} platform(s) done${tail}`;
}
function announcementTable(doc) {
  const rows = announcementRows(doc).map((r) => [r.platform, r.status, r.version]);
  const header2 = ["platform", "status", "version"];
  const widths = header2.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  return [header2, ...rows].map((cells) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd()).join("\n");
}
var clip = (text, max) => text.length <= max ? text : `${text.slice(0, max - 2)}
\u2026`;
function slackPayload(doc) {
  const headline = announcementHeadline(doc);
  const link2 = doc.release?.url ? `<${doc.release.url}|${doc.release.tag}>` : void 0;
  return {
    text: headline,
    blocks: [
      { type: "header", text: { type: "plain_text", text: clip(`${doc.project} ${doc.version}`, 150) } },
      { type: "section", text: { type: "mrkdwn", text: link2 ? `${headline}
Release: ${link2}` : headline } },
      { type: "section", text: { type: "mrkdwn", text: clip(`\`\`\`
${announcementTable(doc)}
\`\`\``, 3e3) } }
    ]
  };
}
var GREEN = 2991182;
var YELLOW = 13801762;
var RED = 13574702;
function discordPayload(doc) {
  const statuses = announcementRows(doc).map((r) => r.status);
  const color = statuses.includes("failed") ? RED : statuses.includes("needs-human") ? YELLOW : GREEN;
  return {
    content: announcementHeadline(doc),
    embeds: [{
      title: clip(`${doc.project} ${doc.version}`, 256),
      ...doc.release?.url ? { url: doc.release.url } : {},
      color,
      description: clip(`\`\`\`
${announcementTable(doc)}
\`\`\``, 4096),
      timestamp: doc["generated-at"]
    }],
    // A project name such as "@everyone" must not ping a whole server.
    allowed_mentions: { parse: [] }
  };
}
function genericPayload(doc) {
  return { event: "deployforge.release", text: announcementHeadline(doc), table: announcementTable(doc), status: doc };
}

// packages/runner/src/announce-release.ts
var WEBHOOKS = [
  { variable: "DEPLOYFORGE_SLACK_WEBHOOK", target: "slack", payload: slackPayload },
  { variable: "DEPLOYFORGE_DISCORD_WEBHOOK", target: "discord", payload: discordPayload },
  { variable: "DEPLOYFORGE_ANNOUNCE_WEBHOOK", target: "generic", payload: genericPayload }
];
function secretParts(raw) {
  const url = raw.trim();
  const parts = [url];
  try {
    const parsed = new URL(url);
    parts.push(`${parsed.pathname}${parsed.search}`, parsed.pathname, ...parsed.pathname.split("/").filter((s) => s.length >= 16));
    if (parsed.password) parts.push(parsed.password);
    for (const value of parsed.searchParams.values()) if (value.length >= 16) parts.push(value);
  } catch {
  }
  return parts;
}
var message = (error) => {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
};
async function announceRelease(doc, env, options = {}) {
  const configured = WEBHOOKS.filter((w) => (env[w.variable] ?? "").trim() !== "");
  const redact = createRedactor(configured.flatMap((w) => secretParts(env[w.variable] ?? "")));
  return Promise.all(configured.map(async (w) => {
    const url = (env[w.variable] ?? "").trim();
    const done = (status2, detail) => {
      const result = { target: w.target, variable: w.variable, status: status2, detail: redact(detail) };
      if (status2 === "failed") options.log?.warning(`announce (${w.variable}): ${result.detail}`);
      else options.log?.info(`announce (${w.variable}): ${result.detail}`);
      return result;
    };
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return done("failed", `${w.variable} is not a URL`);
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return done("failed", `${w.variable} must be an http(s) URL`);
    try {
      const response = await fetch(parsed, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "deployforge" },
        body: JSON.stringify(w.payload(doc)),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15e3),
        // A redirect would re-send the body somewhere the user did not configure.
        redirect: "error"
      });
      const text = (await response.text()).slice(0, 200).trim();
      if (!response.ok) return done("failed", `the ${w.target} webhook answered ${response.status}${text ? `: ${text}` : ""}`);
      return done("sent", `posted to the ${w.target} webhook (${response.status})`);
    } catch (error) {
      return done("failed", `posting to the ${w.target} webhook failed: ${message(error)}`);
    }
  }));
}

// packages/runner/src/run-check-exists.ts
import { rm } from "node:fs/promises";
import { dirname as dirname2, resolve as resolve2 } from "node:path";

// packages/publish/src/publish-spoke.ts
async function publishSpoke(options) {
  const { platform, ctx, redact } = options;
  const now = options.now ?? Date.now;
  const started = now();
  const info = PLATFORMS[platform.id];
  const done = (status2, detail, extra = {}) => ({
    key: options.key,
    platform: platform.id,
    status: status2,
    version: ctx.version.version,
    detail: redact(detail),
    "duration-ms": now() - started,
    ...extra
  });
  let existence;
  try {
    existence = await platform.check(ctx);
  } catch (error) {
    existence = { state: "unknown", detail: `the existence check failed: ${errorMessage(error)}` };
  }
  existence = { ...existence, ...existence.detail ? { detail: redact(existence.detail) } : {} };
  const evidence = existence.detail ? `: ${existence.detail}` : "";
  const url = existence.url ? { url: existence.url } : {};
  switch (existence.state) {
    case "identical":
      return done("skipped", `${ctx.version.version} is already published with identical content${evidence}`, { existence, ...url });
    case "pending":
      return done("needs-human", `${ctx.version.version} is waiting for moderation on ${info.displayName}${evidence}`, { existence, ...url });
    case "burned":
      return done("failed", `${ctx.version.version} was published and removed; ${info.displayName} never accepts it again: release a new version${evidence}`, { existence });
    case "different":
      if (!ctx.force || !info.overwritable) {
        const why = info.overwritable ? "pass force to replace it" : `${info.displayName} never allows replacing a version: release a new version`;
        return done("failed", `${ctx.version.version} is already published with different content; ${why}${evidence}`, { existence, ...url });
      }
      break;
    default:
      break;
  }
  let files;
  try {
    files = platform.render(ctx);
  } catch (error) {
    return done("failed", `rendering the ${info.displayName} package failed: ${errorMessage(error)}`, { existence });
  }
  const paths = files.map((f) => f.path);
  if (ctx.dryRun) {
    return done("dry-run", `dry run: rendered ${paths.length} file(s), wrote nothing${existence.state === "unknown" ? `; existence unknown${evidence}` : ""}`, { existence, files: paths });
  }
  try {
    const result = await platform.publish(ctx, files);
    return done(result.status, result.detail, { existence, files: paths, ...result.url ? { url: result.url } : {}, ...result.image ? { image: result.image } : {} });
  } catch (error) {
    return done("failed", `publishing to ${info.displayName} failed: ${errorMessage(error)}`, { existence, files: paths });
  }
}

// packages/publish/src/run-spokes.ts
import { mkdir as mkdir2 } from "node:fs/promises";
import { dirname, join as join2, resolve } from "node:path";
function outcomeOfSkipped(spoke, version) {
  return {
    key: spoke.key,
    platform: spoke.platform,
    status: spoke.outcomeIfSkipped ?? "skipped",
    version,
    detail: spoke.detail,
    "duration-ms": 0,
    ...spoke.existence ? { existence: spoke.existence } : {}
  };
}
function memoizeFetch(fetchAsset) {
  const pending = /* @__PURE__ */ new Map();
  return (asset) => {
    let p = pending.get(asset.name);
    if (!p) {
      p = fetchAsset(asset);
      pending.set(asset.name, p);
      p.catch(() => pending.delete(asset.name));
    }
    return p;
  };
}
async function runSpokes(options) {
  const fetchAsset = memoizeFetch(options.fetchAsset);
  const env = { ...options.env, DEPLOYFORGE_CONFIG_DIR: resolve(dirname(options.loaded.file)) };
  return mapWithConcurrency(options.spokes, options.concurrency ?? 4, async (spoke) => {
    if (!spoke.run) return outcomeOfSkipped(spoke, options.version.version);
    if (options.signal?.aborted) {
      return { key: spoke.key, platform: spoke.platform, status: "failed", version: options.version.version, "duration-ms": 0, detail: "not started: the run was interrupted" };
    }
    options.onEvent?.({ key: spoke.key, phase: "start" });
    const platform = await loadPlatform(spoke.platform);
    let outcome;
    if (!platform) {
      outcome = {
        key: spoke.key,
        platform: spoke.platform,
        status: "failed",
        version: options.version.version,
        "duration-ms": 0,
        detail: `this version of DeployForge cannot publish to ${spoke.displayName} yet`
      };
    } else {
      const workDir = join2(options.workRoot, spoke.key.replace(/[^a-z0-9-]/g, "-"));
      await mkdir2(workDir, { recursive: true });
      const ctx = {
        config: options.loaded.config,
        ...spoke.key.startsWith("custom:") ? { instance: spoke.key.slice("custom:".length) } : {},
        version: options.version,
        assets: options.assets,
        workDir,
        env,
        dryRun: options.dryRun || (options.dryRunKeys?.has(spoke.key) ?? false),
        force: options.force,
        log: options.log,
        fetchAsset,
        ...options.signal ? { signal: options.signal } : {}
      };
      outcome = await publishSpoke({ key: spoke.key, platform, ctx, redact: options.redact });
    }
    options.onEvent?.({ key: spoke.key, phase: "end", outcome });
    return outcome;
  });
}

// packages/publish/src/credential-values.ts
function credentialValues(env) {
  const names = /* @__PURE__ */ new Set(["GITHUB_TOKEN", "GH_TOKEN", "NODE_AUTH_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "ACTIONS_RUNTIME_TOKEN"]);
  for (const info of Object.values(PLATFORMS)) for (const c of info.credentials) names.add(c.name);
  return [...names].map((n) => env[n]).filter((v) => typeof v === "string" && v !== "");
}

// packages/runner/src/release-session.ts
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";
async function openReleaseSession(options) {
  const inputs = await loadPlanInputs(options.configPath, {
    ...options.version ? { version: options.version } : {},
    ...options.platforms ? { platforms: options.platforms } : {}
  }, options.io);
  const repository = resolveRepository(inputs.loaded, options.io.env);
  const token = options.io.env.GITHUB_TOKEN || options.io.env.GH_TOKEN;
  if (!token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token that can read the releases of ${repository.owner}/${repository.repo}`);
  const client = createGitHubClient({ token, log: options.log, ...options.io.env.GITHUB_API_URL ? { baseUrl: options.io.env.GITHUB_API_URL } : {} });
  const assets = await loadReleaseAssets(client, inputs.loaded, inputs.version, options.io.env);
  const workRoot = await mkdtemp(join3(tmpdir(), "deployforge-"));
  return { ...inputs, client, assets, fetchAsset: assetFetcher(client, join3(workRoot, "downloads")), workRoot };
}

// packages/runner/src/run-check-exists.ts
async function runCheckExists(options) {
  const session = await openReleaseSession(options);
  try {
    return await checkAll(session, options);
  } finally {
    await rm(session.workRoot, { recursive: true, force: true });
  }
}
async function checkAll(session, options) {
  const redact = createRedactor(credentialValues(options.io.env));
  const keys = spokeKeys(session.loaded.config, session.loaded.enabledPlatforms).filter((k) => isSelected(session.selection, k.key));
  const results = {
    github: await releaseExistence(session.client, session.loaded, session.version, options.io.env)
  };
  const checked = await mapWithConcurrency(keys, options.concurrency ?? 8, async (k) => {
    const platform = await loadPlatform(k.platform);
    if (!platform) return [k.key, { state: "unknown", detail: "this version of DeployForge cannot check this platform yet" }];
    try {
      const existence = await platform.check({
        config: session.loaded.config,
        ...k.instance ? { instance: k.instance } : {},
        version: session.version,
        assets: session.assets,
        workDir: session.workRoot,
        env: { ...options.io.env, DEPLOYFORGE_CONFIG_DIR: resolve2(dirname2(session.loaded.file)) },
        dryRun: true,
        force: false,
        log: options.log,
        fetchAsset: session.fetchAsset
      });
      return [k.key, { ...existence, ...existence.detail ? { detail: redact(existence.detail) } : {} }];
    } catch (error) {
      return [k.key, { state: "unknown", detail: redact(`the check failed: ${errorMessage(error)}`) }];
    }
  });
  for (const [key, existence] of checked) results[key] = existence;
  return results;
}

// packages/runner/src/run-local-release.ts
import { mkdir as mkdir4, mkdtemp as mkdtemp3, rm as rm3, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { dirname as dirname4, join as join7, resolve as resolve4 } from "node:path";

// packages/runner/src/build-artifacts.ts
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join as join5, resolve as resolve3 } from "node:path";

// packages/archive/src/create-archive.ts
import { createWriteStream } from "node:fs";
import { chmod, copyFile, mkdir as mkdir3, mkdtemp as mkdtemp2, rename, rm as rm2, stat } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { dirname as dirname3, join as join4 } from "node:path";
import { pipeline } from "node:stream/promises";
var import_yazl = __toESM(require_yazl(), 1);
var EPOCH = /* @__PURE__ */ new Date("2000-01-01T00:00:00Z");
async function writeTarGz(entries, destination) {
  const stage = await mkdtemp2(join4(tmpdir2(), "df-archive-"));
  try {
    for (const e of entries) {
      await copyFile(e.source, join4(stage, e.name));
      await chmod(join4(stage, e.name), e.mode);
    }
    await Qn({ gzip: { level: 9 }, portable: true, mtime: EPOCH, cwd: stage, file: destination }, entries.map((e) => e.name));
  } finally {
    await rm2(stage, { recursive: true, force: true });
  }
}
async function writeZip(entries, destination) {
  const zip = new import_yazl.default.ZipFile();
  for (const e of entries) zip.addFile(e.source, e.name, { mtime: EPOCH, mode: 32768 | e.mode, compress: true });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(destination));
}
async function createArchive(format, entries, destination) {
  if (entries.length === 0) throw new Error(`createArchive: no files for ${destination}`);
  const names = /* @__PURE__ */ new Set();
  for (const e of entries) {
    if (names.has(e.name)) throw new Error(`createArchive: two files named ${e.name} in ${destination}`);
    names.add(e.name);
    if (dirname3(e.name) !== ".") throw new Error(`createArchive: ${e.name} must sit at the archive root`);
    await stat(e.source);
  }
  await mkdir3(dirname3(destination), { recursive: true });
  const partial = `${destination}.partial`;
  try {
    if (format === "zip") {
      await writeZip(entries, partial);
    } else {
      await writeTarGz(entries, partial);
    }
    await rename(partial, destination);
    return destination;
  } catch (error) {
    await rm2(partial, { force: true });
    throw error;
  }
}

// packages/runner/src/expand-build-path.ts
function expandBuildPath(path, env) {
  return path.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced, bare) => {
    const name = braced ?? bare;
    return env[name] ?? "";
  });
}

// packages/runner/src/build-artifacts.ts
function buildEnv(entry, version) {
  return {
    DEPLOYFORGE_TARGET: entry.target,
    DEPLOYFORGE_RUST_TARGET: entry["rust-target"],
    GOOS: entry.goos,
    GOARCH: entry.goarch,
    DEPLOYFORGE_VERSION: version.version,
    DEPLOYFORGE_TAG: version.tag
  };
}
function runCommand(command, cwd, env, log, prefix, signal) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("bash", ["-e", "-o", "pipefail", "-c", command], { cwd, env, stdio: ["ignore", "pipe", "pipe"], ...signal ? { signal } : {} });
    const forward = (chunk) => {
      for (const line of chunk.toString().split("\n")) if (line.trim() !== "") log.info(`${prefix} ${line}`);
    };
    child.stdout.on("data", forward);
    child.stderr.on("data", forward);
    child.on("error", reject);
    child.on("close", (code) => resolvePromise(code ?? 1));
  });
}
async function buildArtifacts(options) {
  const build = options.loaded.config.build;
  if (!build?.command || !build.path) {
    throw new ConfigurationError(`${options.loaded.file}: build.command and build.path are needed to build locally; or pass --artifacts DIR with prebuilt archives`);
  }
  const archives = [];
  for (const entry of options.matrix) {
    const env = { ...options.env, ...buildEnv(entry, options.version) };
    const prefix = `[build ${entry.target}]`;
    options.log.info(`${prefix} ${build.command}`);
    const code = await runCommand(build.command, options.projectDir, env, options.log, prefix, options.signal);
    if (code !== 0) throw new Error(`the build for ${entry.target} failed with exit code ${code}`);
    let binary = resolve3(options.projectDir, expandBuildPath(build.path, env));
    if (!existsSync(binary) && existsSync(`${binary}.exe`)) binary = `${binary}.exe`;
    if (!existsSync(binary)) throw new Error(`the build for ${entry.target} succeeded but ${binary} (build.path) does not exist`);
    const files = (build.files ?? []).map((f) => ({ source: resolve3(options.projectDir, f), name: f.split("/").pop(), mode: 420 }));
    const archive = join5(options.outDir, entry.archive);
    await createArchive(entry["archive-format"], [{ source: binary, name: entry.binary, mode: 493 }, ...files], archive);
    options.log.info(`${prefix} packaged ${entry.archive}`);
    archives.push(archive);
  }
  return archives;
}

// packages/runner/src/local-assets.ts
import { readdir, stat as stat2 } from "node:fs/promises";
import { join as join6 } from "node:path";
async function localReleaseAssets(dir, targets, downloadBase) {
  const present = new Set(await readdir(dir));
  const assets = [];
  for (const t of targets) {
    if (!present.has(t.archive)) continue;
    const path = join6(dir, t.archive);
    assets.push({ name: t.archive, target: t.target, url: `${downloadBase}/${t.archive}`, size: (await stat2(path)).size, sha256: await sha256File(path), localPath: path });
  }
  return assets;
}
async function attachLocalPaths(assets, dir) {
  if (!dir) return [...assets];
  const out = [];
  for (const a of assets) {
    const path = join6(dir, a.name);
    const local = await stat2(path).then((s) => s.isFile(), () => false);
    out.push(local && a.sha256 && await sha256File(path) === a.sha256 ? { ...a, localPath: path } : a);
  }
  return out;
}

// packages/runner/src/run-local-release.ts
function selectedKeys(selection, loaded) {
  return selection.kind === "all" ? spokeKeys(loaded.config, loaded.enabledPlatforms).map((k) => k.key) : [...selection.keys];
}
async function runLocalRelease(options) {
  const { flags, io, log } = options;
  const inputs = await loadPlanInputs(options.configPath, { ...flags.version ? { version: flags.version } : {}, ...flags.platforms ? { platforms: flags.platforms } : {} }, io);
  const { loaded, version } = inputs;
  const repository = resolveRepository(loaded, io.env);
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token with contents: write on ${repository.owner}/${repository.repo} (GITHUB_API_URL points at GitHub Enterprise or a test server)`);
  if (flags.concurrency !== void 0 && (!Number.isInteger(flags.concurrency) || flags.concurrency < 1 || flags.concurrency > 32)) {
    throw ConfigurationError.forInput("--concurrency", `expected a whole number from 1 to 32, got ${flags.concurrency}`);
  }
  const dryRunKeys = flags.dryRunPlatforms ? new Set(selectedKeys(parsePlatformSelection(flags.dryRunPlatforms, spokeKeys(loaded.config, loaded.enabledPlatforms).map((k) => k.key), "--dry-run-platforms"), loaded)) : void 0;
  const projectDir = dirname4(resolve4(io.cwd, options.configPath));
  if (flags.artifacts) await collectArtifacts(resolve4(io.cwd, flags.artifacts), io.cwd);
  const outDir = resolve4(io.cwd, flags.outDir ?? join7(projectDir, ".deployforge"));
  const workRoot = await mkdtemp3(join7(tmpdir3(), "deployforge-release-"));
  try {
    const client = createGitHubClient({ token, log, ...io.env.GITHUB_API_URL ? { baseUrl: io.env.GITHUB_API_URL } : {} });
    const hubExistence = await releaseExistence(client, loaded, version, io.env).catch((error) => ({ state: "unknown", detail: errorMessage(error) }));
    const plan = createPlan({
      ...inputs,
      trigger: "local",
      existence: { github: hubExistence },
      credentials: credentialFactsFromEnv(io.env),
      force: flags.force,
      dryRun: flags.dryRun,
      artifactsProvided: flags.artifacts !== void 0,
      ...dryRunKeys ? { dryRunKeys } : {}
    });
    let artifactsDir = flags.artifacts ? resolve4(io.cwd, flags.artifacts) : void 0;
    let hub;
    if (plan.release.run) {
      if (!artifactsDir) {
        artifactsDir = join7(workRoot, "artifacts");
        await log.group("Build", () => buildArtifacts({ loaded, version, matrix: plan.matrix.include, projectDir, outDir: artifactsDir, env: io.env, log, ...options.signal ? { signal: options.signal } : {} }));
      }
      hub = await log.group(`Release ${version.tag}`, () => runHub({
        loaded,
        version,
        artifacts: artifactsDir,
        cwd: io.cwd,
        env: io.env,
        token,
        log,
        force: flags.force,
        dryRun: flags.dryRun,
        client,
        ...options.signal ? { signal: options.signal } : {}
      }));
    }
    let assets;
    let releaseFiles;
    if (flags.dryRun && hub && !hub.published) {
      const server = io.env.GITHUB_SERVER_URL ?? "https://github.com";
      assets = await localReleaseAssets(artifactsDir, plan.targets, `${server}/${repository.owner}/${repository.repo}/releases/download/${version.tag}`);
    } else {
      const existing = await loadRelease(client, loaded, version, io.env);
      assets = await attachLocalPaths(existing.assets, artifactsDir);
      releaseFiles = existing.files;
    }
    const outcomes = await runSpokes({
      loaded,
      version,
      spokes: plan.spokes,
      assets,
      fetchAsset: assetFetcher(client, join7(workRoot, "downloads")),
      env: io.env,
      workRoot,
      dryRun: flags.dryRun,
      ...dryRunKeys ? { dryRunKeys } : {},
      force: flags.force,
      log,
      redact: createRedactor(credentialValues(io.env)),
      ...flags.concurrency ? { concurrency: flags.concurrency } : {},
      ...options.signal ? { signal: options.signal } : {},
      ...options.onSpokeEvent ? { onEvent: options.onSpokeEvent } : {}
    });
    const hubLike = hub ? {
      status: hub.dryRun ? "dry-run" : hub.writes === 0 ? "skipped" : "published",
      url: hub.url,
      tag: hub.tag,
      assets: hub.assets,
      detail: hub.dryRun ? "dry run: nothing written" : hub.writes === 0 ? "already complete, nothing written" : `${hub.writes} write(s)`
    } : {
      status: "skipped",
      tag: version.tag,
      detail: plan.release.detail,
      assets: releaseFiles ?? assets.map((a) => ({ name: a.name, size: a.size, sha256: a.sha256, url: a.url })),
      ...hubExistence.url ? { url: hubExistence.url } : {}
    };
    const status2 = buildStatusDocument({ plan, results: outcomes, hub: hubLike });
    await mkdir4(outDir, { recursive: true });
    const statusFile = join7(outDir, "status.json");
    await writeFile2(statusFile, `${JSON.stringify(status2, null, 2)}
`);
    const changed = (hub?.writes ?? 0) > 0 || outcomes.some((o) => o.status === "published");
    const announcements = flags.dryRun || !changed ? [] : await announceRelease(status2, io.env, { log });
    return { plan, ...hub ? { hub } : {}, outcomes, status: status2, statusFile, failedRequired: requiredFailures(status2), announcements };
  } finally {
    await rm3(workRoot, { recursive: true, force: true });
  }
}

// packages/runner/src/run-publish.ts
import { rm as rm4 } from "node:fs/promises";
async function runPublish(options) {
  const session = await openReleaseSession({ configPath: options.configPath, ...options.version ? { version: options.version } : {}, platforms: options.key, io: options.io, log: options.log });
  try {
    const plan = createPlan({ ...session, credentials: credentialFactsFromEnv(options.io.env), force: options.force, dryRun: options.dryRun });
    const spoke = plan.spokes.filter((s) => s.run || s.key === options.key || s.platform === options.key);
    const selected = spoke.find((s) => s.key === options.key) ?? spoke[0];
    if (!selected) throw new Error(`no spoke ${options.key} in the plan`);
    const [outcome] = await runSpokes({
      loaded: session.loaded,
      version: session.version,
      spokes: [selected],
      assets: session.assets,
      fetchAsset: session.fetchAsset,
      env: options.io.env,
      workRoot: session.workRoot,
      dryRun: options.dryRun,
      force: options.force,
      log: options.log,
      redact: createRedactor(credentialValues(options.io.env))
    });
    return { outcome, spoke: selected };
  } finally {
    await rm4(session.workRoot, { recursive: true, force: true });
  }
}

// packages/runner/src/run-status.ts
import { mkdtemp as mkdtemp4 } from "node:fs/promises";
import { tmpdir as tmpdir4 } from "node:os";
import { join as join8 } from "node:path";
var import_semver = __toESM(require_semver(), 1);
var STATUS_TIMEOUT_MS = 3e4;
async function openLiveSession(options) {
  const loaded = await loadConfig(configFileFor(options.configPath, options.io.cwd));
  const all = spokeKeys(loaded.config, loaded.enabledPlatforms);
  const parts = (options.platforms ?? "").split(",").map((p) => p.trim()).filter((p) => p !== "");
  const spokesOnly = parts.filter((p) => p !== "github");
  const onlyGithub = parts.length > 0 && spokesOnly.length === 0;
  const selection = onlyGithub ? { kind: "some", keys: [] } : parsePlatformSelection(spokesOnly.join(","), all.map((k) => k.key), "--platforms");
  const includeGithub = parts.length === 0 || parts.includes("github") || parts.includes("all");
  const repository = resolveRepository(loaded, options.io.env);
  const token = options.io.env.GITHUB_TOKEN || options.io.env.GH_TOKEN;
  if (!token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token that can read the releases of ${repository.owner}/${repository.repo}`);
  const client = createGitHubClient({ token, log: options.log, ...options.io.env.GITHUB_API_URL ? { baseUrl: options.io.env.GITHUB_API_URL } : {} });
  return {
    loaded,
    repository,
    client,
    includeGithub,
    keys: all.filter((k) => isSelected(selection, k.key)),
    workRoot: await mkdtemp4(join8(tmpdir4(), "deployforge-live-")),
    redact: createRedactor(credentialValues(options.io.env))
  };
}
var publishedAt = (r) => Date.parse(r.published_at ?? r.created_at ?? "") || 0;
function selectNewestRelease(releases, tagPrefix) {
  const candidates = releases.filter((r) => !r.draft).flatMap((release2) => {
    try {
      return [{ release: release2, version: parseVersionInput(release2.tag_name, { tagPrefix, origin: `release ${release2.tag_name}` }) }];
    } catch {
      return [];
    }
  });
  const byDate = [...candidates].sort((a, b) => publishedAt(b.release) - publishedAt(a.release) || b.release.id - a.release.id);
  if (byDate[0]?.release.prerelease) return byDate[0];
  return candidates.filter((c) => !c.release.prerelease).sort((a, b) => (0, import_semver.compare)(b.version.version, a.version.version) || b.release.id - a.release.id)[0];
}
function driftState(live, release2) {
  if (live === void 0) return { state: "missing" };
  if (live === release2.version || live === release2.pypiVersion) return { state: "in-sync" };
  const cleaned = live.startsWith("v") ? live.slice(1) : live;
  if (!(0, import_semver.valid)(cleaned)) return { state: "unknown", why: `cannot compare "${live}" with ${release2.version}` };
  const order = (0, import_semver.compare)(cleaned, release2.version);
  return { state: order === 0 ? "in-sync" : order < 0 ? "behind" : "ahead" };
}
function liveContext(session, key, version, io, log, signal) {
  return {
    config: session.loaded.config,
    ...key.instance ? { instance: key.instance } : {},
    version,
    assets: [],
    workDir: session.workRoot,
    env: io.env,
    dryRun: true,
    force: false,
    log,
    ...signal ? { signal } : {},
    fetchAsset: async (asset) => {
      throw new Error(`${asset.name}: reading the live state never downloads release assets`);
    }
  };
}
async function withTimeout(ms, what, fn) {
  const controller = new AbortController();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`${what}: no answer within ${Math.round(ms / 1e3)} s`));
    }, ms);
  });
  try {
    return await Promise.race([fn(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
var displayName = (key) => key.instance ? `${PLATFORMS.custom.displayName}: ${key.instance}` : PLATFORMS[key.platform].displayName;
var DASHBOARD_STATUS = {
  "in-sync": "published",
  behind: "failed",
  ahead: "failed",
  missing: "failed",
  unknown: "needs-human"
};
function row(input) {
  return {
    name: input.name,
    status: DASHBOARD_STATUS[input.state],
    state: input.state,
    version: input.live ?? "",
    ...input.live !== void 0 ? { live: input.live } : {},
    release: input.release.version,
    ...input.url ? { url: input.url } : {},
    "duration-ms": input.ms,
    required: input.required,
    detail: input.detail
  };
}
async function githubRow(session, version, tagPrefix) {
  const started = Date.now();
  const base = { name: PLATFORMS.github.displayName, release: version, required: true };
  try {
    const { data } = await session.client.octokit.rest.repos.getLatestRelease({ owner: session.repository.owner, repo: session.repository.repo });
    const live = data.tag_name.startsWith(tagPrefix) ? data.tag_name.slice(tagPrefix.length) : data.tag_name;
    const { state, why } = driftState(live, version);
    return row({ ...base, state, live, url: data.html_url, detail: why ?? `the release marked latest is ${data.tag_name}`, ms: Date.now() - started });
  } catch (error) {
    const status2 = error.status;
    if (status2 === 404) return row({ ...base, state: "missing", detail: "no release is marked latest", ms: Date.now() - started });
    return row({ ...base, state: "unknown", detail: session.redact(`reading the latest release failed: ${errorMessage(error)}`), ms: Date.now() - started });
  }
}
async function runStatus(options) {
  const session = await openLiveSession(options);
  const { owner, repo } = session.repository;
  const tagPrefix = session.loaded.config.version?.["tag-prefix"] ?? "v";
  const newest = selectNewestRelease(await listReleases(session.client, owner, repo), tagPrefix);
  if (!newest) throw new ConfigurationError(`${owner}/${repo} has no published release with a ${tagPrefix}<version> tag: nothing to compare the platforms with; release first`);
  const { version } = newest;
  const required = new Set(session.loaded.config.required ?? []);
  const timeoutMs = options.timeoutMs ?? STATUS_TIMEOUT_MS;
  const github = session.includeGithub ? githubRow(session, version, tagPrefix) : void 0;
  const rows = await mapWithConcurrency(session.keys, options.concurrency ?? 8, async (key) => {
    const started = Date.now();
    const base = { name: displayName(key), release: version, required: required.has(key.platform) };
    const platform = await loadPlatform(key.platform);
    if (!platform) return [key.key, row({ ...base, state: "unknown", detail: "this version of DeployForge cannot read this platform yet", ms: 0 })];
    try {
      const live = await withTimeout(timeoutMs, `${key.key} status`, (signal) => platform.status(liveContext(session, key, version, options.io, options.log, signal)));
      const { state, why } = driftState(live.latest, version);
      const detail = session.redact([why, live.detail].filter(Boolean).join("; ") || (state === "missing" ? "not published there" : ""));
      return [key.key, row({ ...base, state, ...live.latest !== void 0 ? { live: live.latest } : {}, ...live.url ? { url: live.url } : {}, detail, ms: Date.now() - started })];
    } catch (error) {
      return [key.key, row({ ...base, state: "unknown", detail: session.redact(`could not read the live version: ${errorMessage(error)}`), ms: Date.now() - started })];
    }
  });
  const platforms2 = {};
  if (github) platforms2.github = await github;
  for (const [key, value] of rows) platforms2[key] = value;
  return {
    project: session.loaded.config.project.name,
    version: version.version,
    "generated-at": (options.now ?? /* @__PURE__ */ new Date()).toISOString(),
    repository: `${owner}/${repo}`,
    tag: version.tag,
    drift: Object.values(platforms2).some((p) => p.state !== "in-sync"),
    platforms: platforms2
  };
}

// packages/runner/src/run-stats.ts
var NOT_PUBLISHED = "not published by this platform";
async function runStats(options) {
  const session = await openLiveSession(options);
  const { owner, repo } = session.repository;
  const releases = await listReleases(session.client, owner, repo);
  const platforms2 = {};
  const published = releases.filter((r) => !r.draft);
  const perRelease = published.map((r) => ({ tag: r.tag_name, downloads: (r.assets ?? []).reduce((sum, a) => sum + (a.download_count ?? 0), 0) }));
  if (session.includeGithub) {
    const downloads = perRelease.reduce((sum, r) => sum + r.downloads, 0);
    platforms2.github = { name: PLATFORMS.github.displayName, downloads, detail: `release assets of ${published.length} release(s)` };
  }
  const newest = selectNewestRelease(releases, session.loaded.config.version?.["tag-prefix"] ?? "v");
  const rows = await mapWithConcurrency(session.keys, options.concurrency ?? 8, async (key) => {
    const name = displayName(key);
    const platform = await loadPlatform(key.platform);
    if (!platform?.stats) return [key.key, { name, downloads: null, detail: NOT_PUBLISHED }];
    if (!newest) return [key.key, { name, downloads: null, detail: "no published release to ask about" }];
    try {
      const stats = platform.stats.bind(platform);
      const figures = await withTimeout(options.timeoutMs ?? STATUS_TIMEOUT_MS, `${key.key} stats`, (signal) => stats(liveContext(session, key, newest.version, options.io, options.log, signal)));
      const detail = session.redact(figures.detail ?? "");
      return [key.key, typeof figures.downloads === "number" ? { name, downloads: figures.downloads, detail } : { name, downloads: null, detail: detail ? `${NOT_PUBLISHED}: ${detail}` : NOT_PUBLISHED }];
    } catch (error) {
      return [key.key, { name, downloads: null, detail: session.redact(`could not read the figure: ${errorMessage(error)}`) }];
    }
  });
  for (const [key, value] of rows) platforms2[key] = value;
  return {
    project: session.loaded.config.project.name,
    repository: `${owner}/${repo}`,
    "generated-at": (options.now ?? /* @__PURE__ */ new Date()).toISOString(),
    platforms: platforms2,
    total: Object.values(platforms2).reduce((sum, p) => sum + (p.downloads ?? 0), 0),
    releases: perRelease
  };
}

// packages/runner/src/run-rollback.ts
import { join as join9 } from "node:path";
var BY_HAND = {
  pypi: (to) => `PyPI serves the highest version: yank each newer version on pypi.org (Manage \u2192 the release \u2192 Options \u2192 Yank) so pip picks ${to}`,
  crates: (to) => `crates.io serves the highest version: \`cargo yank --version <newer>\` each version above ${to}`,
  homebrew: (to) => `revert the tap commit that moved the formula past ${to} (git revert in the tap repository)`,
  scoop: (to) => `revert the bucket commit that moved the manifest past ${to} (git revert in the bucket repository)`,
  nix: (to) => `revert the commit that moved the flake past ${to} (git revert in the flake repository)`,
  huggingface: (to) => `revert the Space commit that deployed the version after ${to} (git revert in the Space repository)`,
  chocolatey: (to) => `unlist each version above ${to} on chocolatey.org (package page \u2192 Edit \u2192 List/Unlist)`,
  winget: (to) => `open a pull request on microsoft/winget-pkgs removing the manifests above ${to}`,
  aur: (to) => `push the ${to} PKGBUILD with its epoch raised by one (pacman never downgrades without it)`,
  snap: (to) => `\`snapcraft release <snap> <revision of ${to}> <channel>\` for each architecture`,
  flathub: (to) => `open a pull request on flathub/<app-id> putting the ${to} manifest back`,
  vscode: (to) => `the extension stores serve the highest version: publish a new version built from ${to}, or unpublish the newer ones`,
  custom: (to) => `run your own deploy command for ${to}`
};
async function rollbackGithub(session, release2, dryRun) {
  const { owner, repo } = session.repository;
  const name = PLATFORMS.github.displayName;
  const url = release2.html_url;
  if (release2.prerelease) return { name, status: "failed", url, detail: `${release2.tag_name} is a prerelease: GitHub never marks a prerelease as latest` };
  let current;
  let currentId;
  try {
    const { data } = await session.client.octokit.rest.repos.getLatestRelease({ owner, repo });
    current = data.tag_name;
    currentId = data.id;
  } catch (error) {
    if (error.status !== 404) throw error;
  }
  if (currentId === release2.id) return { name, status: "skipped", url, detail: `${release2.tag_name} is already marked latest` };
  const from = current ? `from ${current} ` : "";
  if (dryRun) return { name, status: "dry-run", url, detail: `would move the latest flag ${from}to ${release2.tag_name}` };
  await session.client.octokit.rest.repos.updateRelease({ owner, repo, release_id: release2.id, make_latest: "true" });
  return { name, status: "published", url, detail: `moved the latest flag ${from}to ${release2.tag_name}` };
}
async function previewSpoke(ctx, platform, to, name) {
  const live = await platform.status(ctx);
  if (live.latest === to) return { name, status: "skipped", detail: `latest already points at ${to}` };
  return { name, status: "dry-run", detail: `would move latest from ${live.latest ?? "(none)"} to ${to}` };
}
async function runRollback(options) {
  const session = await openLiveSession(options);
  const { owner, repo } = session.repository;
  const tagPrefix = session.loaded.config.version?.["tag-prefix"] ?? "v";
  const version = parseVersionInput(options.to, { tagPrefix, origin: "--to" });
  const release2 = await findReleaseByTag(session.client, owner, repo, version.tag);
  if (!release2 || release2.draft) {
    throw new ConfigurationError(`--to: ${owner}/${repo} has no published release ${version.tag}; roll back only to a version that was released`);
  }
  let assets = [];
  try {
    assets = await loadReleaseAssets(session.client, session.loaded, version, options.io.env);
  } catch (error) {
    options.log.warning(`the assets of ${version.tag} could not be read (${errorMessage(error)}); platforms that need them will fail`);
  }
  const fetchAsset = assetFetcher(session.client, join9(session.workRoot, "downloads"));
  const timeoutMs = options.timeoutMs ?? STATUS_TIMEOUT_MS;
  const platforms2 = {};
  if (session.includeGithub) {
    try {
      platforms2.github = await rollbackGithub(session, release2, options.dryRun);
    } catch (error) {
      platforms2.github = { name: PLATFORMS.github.displayName, status: "failed", detail: session.redact(`moving the latest flag failed: ${errorMessage(error)}`) };
    }
  }
  const rows = await mapWithConcurrency(session.keys, options.concurrency ?? 4, async (key) => {
    const name = displayName(key);
    const platform = await loadPlatform(key.platform);
    if (!platform) return [key.key, { name, status: "needs-human", detail: `this version of DeployForge cannot reach ${name} yet; ${BY_HAND[key.platform]?.(version.version) ?? "move it by hand"}` }];
    if (!platform.rollback) {
      const how = BY_HAND[key.platform]?.(version.version) ?? `move its latest version back to ${version.version} by hand`;
      return [key.key, { name, status: "needs-human", detail: `rollback is not supported on ${name}: ${how}` }];
    }
    const rollback = platform.rollback.bind(platform);
    try {
      const result = await withTimeout(timeoutMs, `${key.key} rollback`, async (signal) => {
        const ctx = { ...liveContext(session, key, version, options.io, options.log, signal), assets, fetchAsset, dryRun: options.dryRun };
        return options.dryRun ? previewSpoke(ctx, platform, version.version, name) : { name, ...await rollback(ctx, version.version) };
      });
      return [key.key, { ...result, name, detail: session.redact(result.detail) }];
    } catch (error) {
      return [key.key, { name, status: "failed", detail: session.redact(`rollback failed: ${errorMessage(error)}`) }];
    }
  });
  for (const [key, value] of rows) platforms2[key] = value;
  return { project: session.loaded.config.project.name, repository: `${owner}/${repo}`, to: version.version, "dry-run": options.dryRun, platforms: platforms2 };
}

// packages/runner/src/run-verify.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdtemp as mkdtemp5, rm as rm5 } from "node:fs/promises";
import { tmpdir as tmpdir5 } from "node:os";
import { basename, join as join13, resolve as resolve5 } from "node:path";

// packages/runner/src/verify-tool.ts
import { execFile } from "node:child_process";
import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { delimiter, join as join10 } from "node:path";
async function findOnPath(command, env) {
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    const candidate = join10(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
    }
  }
  return void 0;
}
function runTool(file, args, env) {
  return new Promise((resolve6) => {
    execFile(file, [...args], { env, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const code = error ? typeof error.code === "number" ? error.code : 1 : 0;
      resolve6({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

// packages/runner/src/verify-attestations.ts
async function checkAttestations(files, options) {
  const gh = await findOnPath("gh", options.env);
  const checks = [];
  for (const file of files) {
    if (!file.ok || !file.path || /\.(sigstore\.json|cdx\.json|spdx\.json|asc|sig)$/.test(file.name)) continue;
    const command = ["gh", "attestation", "verify", options.shownByPath ? file.path : file.name, "--repo", options.repository];
    if (!gh) {
      checks.push({ command });
      continue;
    }
    const result = await runTool(gh, ["attestation", "verify", file.path, "--repo", options.repository], options.env);
    checks.push({ command, exitCode: result.code, output: `${result.stdout}${result.stderr}`.trim() });
  }
  return checks;
}

// packages/runner/src/verify-gpg.ts
import { chmod as chmod2, mkdir as mkdir5, readFile } from "node:fs/promises";
import { join as join11 } from "node:path";
function statusLines(stdout) {
  const lines = /* @__PURE__ */ new Map();
  for (const line of stdout.split("\n")) {
    const match = /^\[GNUPG:\] (\S+) ?(.*)$/.exec(line.trimEnd());
    if (match && !lines.has(match[1])) lines.set(match[1], match[2]);
  }
  return lines;
}
async function readPublicKeyFile(file) {
  const text = await readFile(file, "utf8").catch((error) => {
    throw new ConfigurationError(`--gpg-key: cannot read ${file}: ${errorMessage(error)}`);
  });
  if (text.includes("-----BEGIN PGP PRIVATE KEY BLOCK-----")) {
    throw new ConfigurationError(`--gpg-key: ${file} holds a private key; pass the signer's public key instead (gpg --armor --export <key id>)`);
  }
  if (!text.includes("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
    throw new ConfigurationError(`--gpg-key: ${file} is not an ASCII-armored OpenPGP public key (expected a "-----BEGIN PGP PUBLIC KEY BLOCK-----" file)`);
  }
}
async function throwawayKeyring(gpg, file, work, env) {
  const home = join11(work, "gnupg");
  await mkdir5(home, { recursive: true });
  await chmod2(home, 448);
  const show = await runTool(gpg, ["--batch", "--no-tty", "--homedir", home, "--with-colons", "--show-keys", file], env);
  const fingerprints = [...show.stdout.matchAll(/^fpr:(?:[^:]*:){8}([0-9A-F]{40,64}):/gm)].map((m) => m[1]);
  if (show.code !== 0 || fingerprints.length === 0) {
    throw new ConfigurationError(`--gpg-key: gpg cannot read a public key from ${file}: ${show.stderr.trim().split("\n").pop() ?? "no key found"}`);
  }
  const keyring = join11(home, "signer.gpg");
  const dearmor = await runTool(gpg, ["--batch", "--no-tty", "--homedir", home, "--dearmor", "--output", keyring, file], env);
  if (dearmor.code !== 0) throw new ConfigurationError(`--gpg-key: gpg cannot read ${file}: ${dearmor.stderr.trim()}`);
  return { args: ["--homedir", home, "--no-default-keyring", "--keyring", keyring], fingerprints };
}
async function verifySumsSignature(options) {
  if (options.gpgKey) await readPublicKeyFile(options.gpgKey);
  const gpg = await findOnPath("gpg", options.env);
  if (!gpg) return { state: "no-gpg", command: ["gpg", "--verify", SHA256SUMS_GPG_NAME, SHA256SUMS_NAME] };
  const keyring = options.gpgKey ? await throwawayKeyring(gpg, options.gpgKey, options.work, options.env) : void 0;
  const result = await runTool(gpg, [
    "--batch",
    "--no-tty",
    "--status-fd",
    "1",
    ...keyring?.args ?? [],
    "--verify",
    options.signature,
    options.sums
  ], options.env);
  const status2 = statusLines(result.stdout);
  const bad = status2.get("BADSIG");
  if (bad !== void 0) {
    const [keyId, ...uid] = bad.split(" ");
    return { state: "bad", detail: `BAD signature from ${uid.join(" ") || "an unnamed key"} (key ${keyId}): ${SHA256SUMS_NAME} is not what was signed` };
  }
  const revoked = status2.get("REVKEYSIG");
  if (revoked !== void 0) return { state: "bad", detail: `the signature was made by a revoked key (${revoked})` };
  if (status2.has("EXPSIG")) return { state: "bad", detail: "the signature has expired" };
  const good = status2.get("GOODSIG") ?? status2.get("EXPKEYSIG");
  const valid2 = status2.get("VALIDSIG");
  if (good !== void 0 && valid2 !== void 0 && result.code === 0) {
    const fields = valid2.split(" ");
    const uid = good.split(" ").slice(1).join(" ");
    return {
      state: "good",
      // VALIDSIG's 10th field is the primary key's fingerprint (the 1st may be a signing subkey's).
      fingerprint: fields[9] ?? fields[0],
      ...uid ? { uid } : {},
      keySource: keyring ? "file" : "keyring",
      certified: status2.has("TRUST_FULLY") || status2.has("TRUST_ULTIMATE"),
      expiredKey: status2.has("EXPKEYSIG")
    };
  }
  const missing = status2.get("NO_PUBKEY") ?? (status2.get("ERRSIG")?.split(" ")[5] === "9" ? status2.get("ERRSIG") : void 0);
  if (missing !== void 0) {
    const keyId = missing.split(" ")[0];
    if (keyring) {
      return {
        state: "bad",
        detail: `the signature was made by key ${keyId}, not by the key in ${options.gpgKey} (${keyring.fingerprints.join(", ")})`
      };
    }
    return { state: "no-public-key", keyId };
  }
  const reason = result.stderr.trim().split("\n").filter((l) => l.startsWith("gpg:")).pop() ?? `gpg exited with ${result.code}`;
  return { state: "bad", detail: `not a valid OpenPGP signature of ${SHA256SUMS_NAME} (${reason})` };
}

// packages/runner/src/verify-release-file.ts
import { createHash } from "node:crypto";
import { writeFile as writeFile3 } from "node:fs/promises";
async function downloadUnlistedFile(client, owner, repo, asset, destination) {
  const response = await client.octokit.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", {
    owner,
    repo,
    asset_id: asset.id,
    headers: { accept: "application/octet-stream" }
  });
  const data = response.data;
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data instanceof ArrayBuffer ? Buffer.from(data) : void 0;
  if (!bytes) throw new Error(`${asset.name}: unexpected response while downloading it from the release`);
  if (bytes.length !== asset.size) throw new Error(`${asset.name}: got ${bytes.length} of ${asset.size} bytes; re-run to retry`);
  const digest = sha256FromDigest(asset.digest);
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (digest && actual !== digest) throw new Error(`${asset.name}: GitHub reports sha256 ${digest}, the download is ${actual}`);
  await writeFile3(destination, bytes);
  return actual;
}

// packages/runner/src/verify-signatures.ts
import { writeFile as writeFile4 } from "node:fs/promises";
import { join as join12 } from "node:path";

// packages/runner/src/verify-sigstore.ts
var ACTIONS_OIDC_ISSUER = "https://token.actions.githubusercontent.com";
function certificateIdentityRegexp(repository) {
  return `^https://github\\.com/${repository.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/`;
}
function cosignVerifyArgs(repository, bundle, sums) {
  return [
    "verify-blob",
    "--bundle",
    bundle,
    "--certificate-identity-regexp",
    certificateIdentityRegexp(repository),
    "--certificate-oidc-issuer",
    ACTIONS_OIDC_ISSUER,
    sums
  ];
}
async function verifySumsSigstore(options) {
  const command = ["cosign", ...cosignVerifyArgs(options.repository, SHA256SUMS_SIGSTORE_NAME, SHA256SUMS_NAME)];
  const cosign = await findOnPath("cosign", options.env);
  if (!cosign) return { command };
  const result = await runTool(cosign, cosignVerifyArgs(options.repository, options.bundle, options.sums), options.env);
  return { command, exitCode: result.code, output: `${result.stdout}${result.stderr}`.trim() };
}

// packages/runner/src/verify-signatures.ts
async function checkSumsSignatures(options) {
  const gpgAsset = options.remote.find((a) => a.name === SHA256SUMS_GPG_NAME);
  const sigstoreAsset = options.remote.find((a) => a.name === SHA256SUMS_SIGSTORE_NAME);
  const checks = {};
  if (options.gpgKey && !gpgAsset) checks.rejected = `--gpg-key was given but the release has no ${SHA256SUMS_GPG_NAME}: its ${SHA256SUMS_NAME} is not signed`;
  if (!gpgAsset && !sigstoreAsset) return checks;
  const { owner, repo } = options;
  const env = Object.fromEntries(Object.entries(options.env).filter(([key]) => key !== "GITHUB_TOKEN" && key !== "GH_TOKEN"));
  const sums = join12(options.work, SHA256SUMS_NAME);
  await writeFile4(sums, options.sumsText);
  if (gpgAsset) {
    const signature = join12(options.work, SHA256SUMS_GPG_NAME);
    await downloadUnlistedFile(options.client, owner, repo, gpgAsset, signature);
    checks.gpg = await verifySumsSignature({ sums, signature, work: options.work, env, ...options.gpgKey ? { gpgKey: options.gpgKey } : {} });
    if (checks.gpg.state === "bad") checks.rejected = `${SHA256SUMS_GPG_NAME}: ${checks.gpg.detail}`;
  }
  if (sigstoreAsset) {
    const bundle = join12(options.work, SHA256SUMS_SIGSTORE_NAME);
    await downloadUnlistedFile(options.client, owner, repo, sigstoreAsset, bundle);
    checks.sigstore = await verifySumsSigstore({ repository: `${owner}/${repo}`, bundle, sums, env });
    if (checks.sigstore.exitCode !== void 0 && checks.sigstore.exitCode !== 0 && !checks.rejected) {
      checks.rejected = `${SHA256SUMS_SIGSTORE_NAME}: cosign verify-blob failed (exit ${checks.sigstore.exitCode})`;
    }
  }
  return checks;
}

// packages/runner/src/run-verify.ts
function digestsOf(message2) {
  const match = /expected ([0-9a-f]{64}).*got ([0-9a-f]{64})/.exec(message2);
  return match ? { expected: match[1], actual: match[2] } : {};
}
async function checkUnlistedLocal(path, name, ctx) {
  const actual = await sha256File(path);
  let expected;
  if (name === SHA256SUMS_NAME) {
    expected = createHash2("sha256").update(ctx.sumsText).digest("hex");
  } else {
    const asset = ctx.remote.find((a) => a.name === name);
    if (!asset) return { name, actual, ok: false, detail: `${name} is not on release ${ctx.tag}` };
    expected = await downloadUnlistedFile(ctx.client, ctx.owner, ctx.repo, asset, join13(ctx.work, `release-${name}`));
  }
  return expected === actual ? { name, expected, actual, ok: true, detail: `identical to the release's ${name}` } : { name, expected, actual, ok: false, detail: `${name}: differs from the release's copy: ${ctx.tag} has sha256 ${expected}, the file is ${actual}` };
}
async function runVerify(options) {
  const loaded = await loadConfig(configFileFor(options.configPath, options.io.cwd));
  const version = parseVersionInput(options.version, { tagPrefix: loaded.config.version?.["tag-prefix"] ?? "v", origin: "version" });
  const gpgKey = options.gpgKey ? resolve5(options.io.cwd, options.gpgKey) : void 0;
  if (gpgKey) await readPublicKeyFile(gpgKey);
  const { owner, repo } = resolveRepository(loaded, options.io.env);
  const repository = `${owner}/${repo}`;
  const token = options.io.env.GITHUB_TOKEN || options.io.env.GH_TOKEN;
  if (!options.client && !token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token that can read the releases of ${repository}`);
  const client = options.client ?? createGitHubClient({
    token,
    log: options.log,
    ...options.io.env.GITHUB_API_URL ? { baseUrl: options.io.env.GITHUB_API_URL } : {}
  });
  const release2 = (await listReleases(client, owner, repo)).find((r) => r.tag_name === version.tag && !r.draft);
  if (!release2) return { kind: "no-release", tag: version.tag, repository };
  const remote = (await listReleaseAssets(client, owner, repo, release2.id)).filter((a) => a.state === "uploaded");
  const sumsAsset = remote.find((a) => a.name === SHA256SUMS_NAME);
  if (!sumsAsset) throw new Error(`release ${version.tag} of ${repository} has no ${SHA256SUMS_NAME}: nothing to verify against`);
  const sumsText = await readReleaseSums(client, owner, repo, sumsAsset);
  const sums = new Map(parseSha256Sums(sumsText).map((e) => [e.name, e.sha256]));
  const attested = remote.some((a) => a.name.endsWith(".sigstore.json") && a.name !== SHA256SUMS_SIGSTORE_NAME);
  const work = await mkdtemp5(join13(tmpdir5(), "deployforge-verify-"));
  try {
    const signatures = await checkSumsSignatures({
      client,
      owner,
      repo,
      remote,
      sumsText,
      work,
      env: options.io.env,
      ...gpgKey ? { gpgKey } : {}
    });
    if (signatures.rejected) {
      return { kind: "checked", tag: version.tag, repository, assets: [], signatures, attested, attestations: [], ok: false };
    }
    const checked = [];
    if (options.asset) {
      const path = resolve5(options.io.cwd, options.asset);
      const name = basename(path);
      const expected = sums.get(name);
      const actual = await sha256File(path).catch((error) => {
        throw new ConfigurationError(`--asset: cannot read ${options.asset}: ${error.message}`);
      });
      if (expected === void 0 && (name === SHA256SUMS_NAME || isSignatureFile(name))) {
        checked.push(await checkUnlistedLocal(path, name, { client, owner, repo, remote, sumsText, work, tag: version.tag }));
      } else {
        checked.push(
          expected === void 0 ? { name, actual, ok: false, detail: `${name} is not listed in ${SHA256SUMS_NAME} of ${version.tag}` } : expected === actual ? { name, expected, actual, ok: true, detail: "sha256 matches SHA256SUMS", path } : { name, expected, actual, ok: false, detail: `${name}: sha256 mismatch: SHA256SUMS of ${version.tag} says ${expected}, the file is ${actual}` }
        );
      }
    } else {
      for (const [name, expected] of [...sums.entries()].sort(([a], [b]) => a < b ? -1 : 1)) {
        const asset = remote.find((a) => a.name === name);
        if (!asset) {
          checked.push({ name, expected, ok: false, detail: `${name} is listed in ${SHA256SUMS_NAME} but not on the release` });
          continue;
        }
        try {
          const path = await downloadVerifiedAsset({
            url: `${client.baseUrl}/repos/${owner}/${repo}/releases/assets/${asset.id}`,
            destination: join13(work, name),
            sha256: expected,
            token: client.token(),
            accept: "application/octet-stream"
          });
          checked.push({ name, expected, actual: expected, ok: true, detail: "sha256 matches SHA256SUMS", path });
        } catch (error) {
          if (!(error instanceof AssetDownloadError)) throw error;
          const digests = digestsOf(error.message);
          checked.push({
            name,
            expected,
            ...digests.actual ? { actual: digests.actual } : {},
            ok: false,
            detail: digests.actual ? `${name}: sha256 mismatch: SHA256SUMS of ${version.tag} says ${expected}, the download is ${digests.actual}` : `${name}: ${error.message}`
          });
        }
      }
    }
    const sumsDigest = sha256FromDigest(sumsAsset.digest);
    if (sumsDigest) {
      const actual = createHash2("sha256").update(sumsText).digest("hex");
      if (actual !== sumsDigest) {
        checked.unshift({ name: SHA256SUMS_NAME, expected: sumsDigest, actual, ok: false, detail: `${SHA256SUMS_NAME}: GitHub reports sha256 ${sumsDigest}, the download is ${actual}` });
      }
    }
    const attestations = await checkAttestations(checked, { repository, shownByPath: Boolean(options.asset), env: options.io.env });
    const attestationFailed = attested && attestations.some((a) => a.exitCode !== void 0 && a.exitCode !== 0);
    return {
      kind: "checked",
      tag: version.tag,
      repository,
      assets: checked.map(({ path: _path, ...rest }) => rest),
      signatures,
      attested,
      attestations,
      ok: checked.length > 0 && checked.every((a) => a.ok) && !attestationFailed
    };
  } finally {
    await rm5(work, { recursive: true, force: true });
  }
}

export {
  requiredFailures,
  parseNeeds,
  statusFromNeeds,
  renderSummaryMarkdown,
  renderBadge,
  renderDashboard,
  parseStatusDocument,
  announceRelease,
  runLocalRelease,
  runPublish,
  runCheckExists,
  runStatus,
  runStats,
  runRollback,
  runVerify
};
