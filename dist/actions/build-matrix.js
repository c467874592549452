import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  planOutputs
} from "../chunks/chunk-FZNAUBLW.js";
import {
  booleanInput,
  createActionLogger,
  runAction,
  stringInput
} from "../chunks/chunk-YYNJCSAI.js";
import {
  createPlan,
  credentialFactsFromEnv,
  loadPlanInputs,
  releaseExistence,
  signingCredentialGaps
} from "../chunks/chunk-PYQ6BCLX.js";
import "../chunks/chunk-LEOGON56.js";
import "../chunks/chunk-JQP4SYQR.js";
import "../chunks/chunk-KHUEQMTN.js";
import "../chunks/chunk-JMZRCY2U.js";
import {
  createGitHubClient,
  setOutput,
  setSecret,
  summary,
  warning
} from "../chunks/chunk-ZHURFVS4.js";
import "../chunks/chunk-3BZQ6MWX.js";
import "../chunks/chunk-M5OUCAEA.js";
import "../chunks/chunk-7MAI2M42.js";
import {
  errorMessage
} from "../chunks/chunk-GMIJ6JCU.js";
import "../chunks/chunk-EXBJN2G4.js";

// packages/actions/src/runtime/plan-summary.ts
var yesNo = (b) => b ? "\u2705 runs" : "\u23ED\uFE0F skipped";
function planSummaryMarkdown(plan) {
  const rows = plan.spokes.map((s) => `| ${s.displayName} | ${yesNo(s.run)} | ${s.reason} | ${s.required ? "yes" : "no"} | ${s.detail.replace(/\|/g, "\\|")} |`);
  return [
    `## DeployForge plan: ${plan.project} ${plan.version.version}`,
    "",
    `Tag \`${plan.version.tag}\`${plan.version.prerelease ? " (prerelease)" : ""}${plan.dryRun ? ", **dry run**" : ""}${plan.force ? ", **force**" : ""}.`,
    "",
    `- build: ${yesNo(plan.build.run)}: ${plan.build.detail}`,
    `- release: ${yesNo(plan.release.run)}: ${plan.release.detail}`,
    "",
    "| platform | runs | reason | required | detail |",
    "|---|---|---|---|---|",
    ...rows,
    ""
  ].join("\n");
}

// packages/actions/src/build-matrix.ts
function readInputs(env) {
  return {
    config: stringInput(env, "config", "deployforge.yml"),
    version: stringInput(env, "version"),
    platforms: stringInput(env, "platforms", "all"),
    force: booleanInput(env, "force", false),
    "dry-run": booleanInput(env, "dry-run", false),
    token: stringInput(env, "token")
  };
}
await runAction("build-matrix", async () => {
  const inputs = readInputs(process.env);
  const io = { cwd: process.cwd(), env: process.env };
  const planInputs = await loadPlanInputs(inputs.config, {
    ...inputs.version ? { version: inputs.version } : {},
    platforms: inputs.platforms
  }, io);
  const existence = {};
  if (inputs.token) {
    setSecret(inputs.token);
    const client = createGitHubClient({ token: inputs.token, log: createActionLogger() });
    existence.github = await releaseExistence(client, planInputs.loaded, planInputs.version, process.env).catch((error) => ({ state: "unknown", detail: errorMessage(error) }));
  }
  const plan = createPlan({
    ...planInputs,
    existence,
    credentials: credentialFactsFromEnv(process.env),
    force: inputs.force,
    dryRun: inputs["dry-run"]
  });
  for (const [name, value] of Object.entries(planOutputs(plan, planInputs.loaded.config))) setOutput(name, value);
  for (const gap of signingCredentialGaps(planInputs.loaded.config, plan.release, credentialFactsFromEnv(process.env))) {
    warning(`${gap} as a repository secret; unless it is a secret of the sign job's environment, the sign job will stop the release`, { title: "SHA256SUMS signing key" });
  }
  for (const spoke of plan.spokes) {
    if (spoke.reason === "missing-credential") warning(`${spoke.key}: ${spoke.detail}`, { title: `${spoke.displayName} will not run` });
  }
  await summary.addRaw(planSummaryMarkdown(plan)).write();
});
