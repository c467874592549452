import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  announceRelease,
  parseNeeds,
  renderBadge,
  renderDashboard,
  renderSummaryMarkdown,
  requiredFailures,
  statusFromNeeds
} from "../chunks/chunk-PAQV5OP6.js";
import "../chunks/chunk-VJAFAEWP.js";
import "../chunks/chunk-DGOHO7Y2.js";
import {
  createActionLogger,
  runAction,
  stringInput
} from "../chunks/chunk-YYNJCSAI.js";
import {
  loadConfig
} from "../chunks/chunk-PYQ6BCLX.js";
import "../chunks/chunk-LEOGON56.js";
import "../chunks/chunk-JQP4SYQR.js";
import "../chunks/chunk-KHUEQMTN.js";
import "../chunks/chunk-JMZRCY2U.js";
import {
  error,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "../chunks/chunk-ZHURFVS4.js";
import "../chunks/chunk-3BZQ6MWX.js";
import "../chunks/chunk-M5OUCAEA.js";
import "../chunks/chunk-7MAI2M42.js";
import {
  ConfigurationError
} from "../chunks/chunk-GMIJ6JCU.js";
import "../chunks/chunk-EXBJN2G4.js";

// packages/actions/src/summarize.ts
import { resolve } from "node:path";
function readInputs(env) {
  const results = stringInput(env, "results");
  if (!results) throw ConfigurationError.forInput("results", "required: pass results: ${{ toJSON(needs) }}");
  return {
    results,
    config: stringInput(env, "config", "deployforge.yml"),
    "output-dir": stringInput(env, "output-dir", "deployforge-status")
  };
}
async function configIfLoadable(path) {
  try {
    return await loadConfig(path);
  } catch {
    return void 0;
  }
}
await runAction("summarize", async () => {
  const inputs = readInputs(process.env);
  const needs = parseNeeds(inputs.results);
  const planOk = needs.plan?.result === "success";
  const doc = statusFromNeeds(needs, planOk ? {} : { config: await configIfLoadable(inputs.config) });
  const files = await renderDashboard([doc], resolve(inputs["output-dir"]));
  await summary.addRaw(renderSummaryMarkdown(doc)).write();
  setOutput("status", JSON.stringify(doc));
  setOutput("badge", JSON.stringify(renderBadge(doc)));
  info(`status.json: ${files.status}
dashboard: ${files.index}
badge: ${files.badge}`);
  if (doc.plan) warning(doc.plan.detail, { title: "The plan failed and nothing was released" });
  for (const [key, p] of Object.entries(doc.platforms)) {
    const name = p.name ?? key;
    if (p.status === "needs-human") warning(`${name}: ${p.detail}`, { title: `${name} needs a person` });
    else if (p.status === "failed" && !p.required) warning(`${name} (optional) failed: ${p.detail}`, { title: `${name} failed (optional)` });
    else if (p.status === "failed") error(`${name} (required) failed: ${p.detail}`, { title: `${name} failed (required)` });
  }
  if (doc.release?.status === "failed") error(`release ${doc.release.tag}: ${doc.release.detail}`, { title: "The release failed" });
  const published = doc.release?.status === "published" || Object.values(doc.platforms).some((p) => p.status === "published");
  if (published && !doc["dry-run"]) {
    for (const w of ["DEPLOYFORGE_SLACK_WEBHOOK", "DEPLOYFORGE_DISCORD_WEBHOOK", "DEPLOYFORGE_ANNOUNCE_WEBHOOK"]) {
      if (process.env[w]) setSecret(process.env[w]);
    }
    await announceRelease(doc, process.env, { log: createActionLogger() });
  }
  const failed = requiredFailures(doc);
  if (failed.length > 0) setFailed(`required platform(s) failed: ${failed.join(", ")}`);
});
