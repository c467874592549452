import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  runPublish
} from "./chunk-PAQV5OP6.js";
import {
  maskSecret
} from "./chunk-HT67OYIL.js";
import {
  booleanInput,
  createActionLogger,
  runAction,
  stringInput
} from "./chunk-YYNJCSAI.js";
import {
  PLATFORMS,
  SPOKE_IDS
} from "./chunk-LEOGON56.js";
import {
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-ZHURFVS4.js";
import {
  ConfigurationError
} from "./chunk-GMIJ6JCU.js";

// packages/actions/src/runtime/publish-outputs.ts
function publishOutputs(outcome) {
  return {
    status: outcome.status,
    url: outcome.url ?? "",
    version: outcome.version,
    // Already redacted by publishSpoke: safe to hand to the summarize job.
    detail: outcome.detail,
    "duration-ms": String(outcome["duration-ms"]),
    ...outcome.image ? { digest: outcome.image.digest, images: outcome.image.repositories.join("\n") } : {}
  };
}

// packages/actions/src/runtime/publish-action.ts
function credentialInput(name) {
  return name.toLowerCase().replaceAll("_", "-");
}
function allCredentialNames() {
  return [...new Set(SPOKE_IDS.flatMap((id) => PLATFORMS[id].credentials.map((c) => c.name)))];
}
async function runPublishAction(fixed) {
  await runAction(fixed ? `publish-${fixed}` : "deployforge publish", async () => {
    const env = process.env;
    const platformInput = fixed ?? stringInput(env, "platform");
    if (!platformInput) throw ConfigurationError.forInput("platform", "required: a platform id such as npm, or custom:<name>");
    const key = fixed === "custom" ? `custom:${stringInput(env, "name")}` : platformInput;
    if (key === "custom:") throw ConfigurationError.forInput("name", "required: the name of the entry under platforms.custom");
    const spokeEnv = { ...env };
    const githubToken = stringInput(env, "github-token");
    if (githubToken) {
      setSecret(githubToken);
      spokeEnv.GITHUB_TOKEN = githubToken;
    }
    for (const name of allCredentialNames()) {
      const value = stringInput(env, credentialInput(name));
      if (!value) continue;
      maskSecret(value);
      spokeEnv[name] = value;
    }
    const { outcome } = await runPublish({
      configPath: stringInput(env, "config", "deployforge.yml"),
      key,
      ...stringInput(env, "version") ? { version: stringInput(env, "version") } : {},
      dryRun: booleanInput(env, "dry-run", false),
      force: booleanInput(env, "force", false),
      io: { cwd: process.cwd(), env: spokeEnv },
      log: createActionLogger()
    });
    for (const [name, value] of Object.entries(publishOutputs(outcome))) setOutput(name, value);
    await summary.addRaw(`| ${outcome.key} | ${outcome.status} | ${outcome.version} | ${outcome.url ?? ""} | ${outcome.detail.replace(/\|/g, "\\|")} |
`).write();
    if (outcome.status === "failed") setFailed(`${outcome.key}: ${outcome.detail}`);
    else if (outcome.status === "needs-human") warning(`${outcome.key}: ${outcome.detail}`, { title: "needs a person" });
    else info(`${outcome.key}: ${outcome.status}: ${outcome.detail}`);
  });
}

export {
  runPublishAction
};
