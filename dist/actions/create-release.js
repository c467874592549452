import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  booleanInput,
  createActionLogger,
  runAction,
  stringInput
} from "../chunks/chunk-YYNJCSAI.js";
import {
  loadPlanInputs,
  runHub
} from "../chunks/chunk-PYQ6BCLX.js";
import "../chunks/chunk-LEOGON56.js";
import "../chunks/chunk-JQP4SYQR.js";
import "../chunks/chunk-KHUEQMTN.js";
import "../chunks/chunk-JMZRCY2U.js";
import {
  setOutput,
  setSecret,
  summary
} from "../chunks/chunk-ZHURFVS4.js";
import "../chunks/chunk-3BZQ6MWX.js";
import "../chunks/chunk-M5OUCAEA.js";
import "../chunks/chunk-7MAI2M42.js";
import "../chunks/chunk-GMIJ6JCU.js";
import "../chunks/chunk-EXBJN2G4.js";

// packages/actions/src/runtime/release-summary.ts
function releaseSummaryMarkdown(result) {
  const state = result.dryRun ? "dry run, nothing written" : result.writes === 0 ? "already complete, nothing written" : `${result.writes} write(s)`;
  return [
    `## DeployForge release ${result.tag}`,
    "",
    `${result.url ? `[${result.tag}](${result.url})` : result.tag}: ${result.published ? "published" : "draft"} (${state}).`,
    "",
    "| asset | size | sha256 |",
    "|---|---:|---|",
    ...result.assets.map((a) => `| ${a.name} | ${a.size} | \`${a.sha256}\` |`),
    "",
    ...result.actions.length > 0 ? ["<details><summary>What this run did</summary>", "", ...result.actions.map((a) => `- ${a}`), "", "</details>", ""] : []
  ].join("\n");
}

// packages/actions/src/create-release.ts
function readInputs(env) {
  return {
    config: stringInput(env, "config", "deployforge.yml"),
    version: stringInput(env, "version"),
    artifacts: stringInput(env, "artifacts", "artifacts"),
    "draft-until-complete": booleanInput(env, "draft-until-complete", true),
    notes: stringInput(env, "notes"),
    token: stringInput(env, "token"),
    force: booleanInput(env, "force", false),
    "dry-run": booleanInput(env, "dry-run", false)
  };
}
await runAction("create-release", async () => {
  const inputs = readInputs(process.env);
  if (inputs.token) setSecret(inputs.token);
  const io = { cwd: process.cwd(), env: process.env };
  const { loaded, version } = await loadPlanInputs(inputs.config, inputs.version ? { version: inputs.version } : {}, io);
  if (!inputs.token) throw new Error("the token input is empty: pass token: ${{ secrets.GITHUB_TOKEN }} (contents: write)");
  const result = await runHub({
    loaded,
    version,
    artifacts: inputs.artifacts,
    cwd: io.cwd,
    env: io.env,
    token: inputs.token,
    log: createActionLogger(),
    force: inputs.force,
    dryRun: inputs["dry-run"],
    draftUntilComplete: inputs["draft-until-complete"],
    ...inputs.notes ? { notes: inputs.notes } : {}
  });
  setOutput("release-id", result.releaseId === void 0 ? "" : String(result.releaseId));
  setOutput("release-url", result.url);
  setOutput("tag", result.tag);
  setOutput("assets", JSON.stringify(result.assets));
  await summary.addRaw(releaseSummaryMarkdown(result)).write();
});
