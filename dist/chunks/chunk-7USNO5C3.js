import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  spokeKeys
} from "./chunk-PJWG332M.js";
import {
  PLATFORMS,
  SPOKE_STATUSES
} from "./chunk-ECGA253U.js";
import {
  ConfigurationError,
  describeValue
} from "./chunk-BVJFRNHR.js";

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
      ...names.length > 0 ? {
        checksums: names.includes("SHA256SUMS"),
        sbom: names.some((n) => n.endsWith(".cdx.json") || n.endsWith(".spdx.json")),
        attestations: names.some((n) => n.endsWith(".sigstore.json") || n.endsWith(".intoto.jsonl")),
        signatures: names.some((n) => n.endsWith(".asc") || n.endsWith(".sig"))
      } : {}
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
    const reason = error instanceof Error ? error.message : String(error);
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
  const has = (present, label) => `${present ? "\u2705" : "\u2796"} ${label}: ${present ? "yes" : "no"}`;
  out.push(`Supply chain: ${[has(r.checksums, "checksums (SHA256SUMS)"), has(r.sbom, "SBOM"), has(r.attestations, "attestations"), has(r.signatures, "signatures")].join(" \xB7 ")}`, "");
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
  const message = doc.plan ? `${version} \xB7 plan failed` : doc.release?.status === "failed" ? `${version} \xB7 release failed` : `${version} \xB7 ${c.ok}/${c.total} ok`;
  return { schemaVersion: 1, label: "release", message, color: BADGE_COLOR[releaseHealth(doc)] };
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
  const supply = [["checksums (SHA256SUMS)", r.checksums], ["SBOM", r.sbom], ["attestations", r.attestations], ["signatures", r.signatures]].map(([label, has]) => `<li class="pill s-${has ? "published" : "skipped"}"><span aria-hidden="true">${has ? "\u2714" : "\u2013"}</span> ${label}: ${has ? "yes" : "no"}</li>`).join("");
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
    throw new ConfigurationError(`${file}: not a status.json: ${error instanceof Error ? error.message : String(error)}`);
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

export {
  buildStatusDocument,
  requiredFailures,
  parseNeeds,
  statusFromNeeds,
  renderSummaryMarkdown,
  renderBadge,
  renderDashboard,
  parseStatusDocument
};
