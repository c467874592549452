import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  runCheckExists
} from "../chunks/chunk-PAQV5OP6.js";
import "../chunks/chunk-VJAFAEWP.js";
import "../chunks/chunk-DGOHO7Y2.js";
import {
  createActionLogger,
  runAction,
  stringInput
} from "../chunks/chunk-YYNJCSAI.js";
import "../chunks/chunk-PYQ6BCLX.js";
import "../chunks/chunk-LEOGON56.js";
import "../chunks/chunk-JQP4SYQR.js";
import "../chunks/chunk-KHUEQMTN.js";
import "../chunks/chunk-JMZRCY2U.js";
import {
  info,
  setOutput,
  setSecret,
  warning
} from "../chunks/chunk-ZHURFVS4.js";
import "../chunks/chunk-3BZQ6MWX.js";
import "../chunks/chunk-M5OUCAEA.js";
import "../chunks/chunk-7MAI2M42.js";
import "../chunks/chunk-GMIJ6JCU.js";
import "../chunks/chunk-EXBJN2G4.js";

// packages/actions/src/check-exists.ts
await runAction("check-exists", async () => {
  const env = process.env;
  const inputs = {
    config: stringInput(env, "config", "deployforge.yml"),
    version: stringInput(env, "version"),
    platform: stringInput(env, "platform", "all"),
    "github-token": stringInput(env, "github-token")
  };
  if (inputs["github-token"]) setSecret(inputs["github-token"]);
  const states = await runCheckExists({
    configPath: inputs.config,
    ...inputs.version ? { version: inputs.version } : {},
    platforms: inputs.platform,
    io: { cwd: process.cwd(), env: { ...env, ...inputs["github-token"] ? { GITHUB_TOKEN: inputs["github-token"] } : {} } },
    log: createActionLogger()
  });
  setOutput("states", JSON.stringify(states));
  const single = inputs.platform.includes(",") || inputs.platform === "all" ? void 0 : states[inputs.platform];
  if (single) setOutput("exists", String(["identical", "pending"].includes(single.state)));
  for (const [key, e] of Object.entries(states)) info(`${key}: ${e.state}${e.detail ? `: ${e.detail}` : ""}`);
  const unknown = Object.entries(states).filter(([, e]) => e.state === "unknown").map(([k]) => k);
  if (unknown.length > 0) warning(`could not tell for: ${unknown.join(", ")}`);
});
