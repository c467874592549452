import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  maskSecret
} from "../chunks/chunk-HT67OYIL.js";
import {
  booleanInput,
  createActionLogger,
  runAction,
  stringInput
} from "../chunks/chunk-YYNJCSAI.js";
import {
  loadPlanInputs,
  prepareRelease
} from "../chunks/chunk-PYQ6BCLX.js";
import "../chunks/chunk-LEOGON56.js";
import "../chunks/chunk-JQP4SYQR.js";
import "../chunks/chunk-KHUEQMTN.js";
import "../chunks/chunk-JMZRCY2U.js";
import {
  setOutput
} from "../chunks/chunk-ZHURFVS4.js";
import "../chunks/chunk-3BZQ6MWX.js";
import "../chunks/chunk-M5OUCAEA.js";
import "../chunks/chunk-7MAI2M42.js";
import "../chunks/chunk-GMIJ6JCU.js";
import "../chunks/chunk-EXBJN2G4.js";

// packages/actions/src/prepare-release.ts
await runAction("prepare-release", async () => {
  const env = process.env;
  const io = { cwd: process.cwd(), env };
  const version = stringInput(env, "version");
  const { loaded, version: resolved } = await loadPlanInputs(stringInput(env, "config", "deployforge.yml"), version ? { version } : {}, io);
  for (const key of ["gpg-key", "gpg-passphrase"]) {
    const name = loaded.config.release?.[key];
    const value = name ? env[name] : void 0;
    if (value) maskSecret(value);
  }
  const prepared = await prepareRelease({
    loaded,
    version: resolved,
    artifacts: stringInput(env, "artifacts", "artifacts"),
    outDir: stringInput(env, "output", "deployforge-signed"),
    cwd: io.cwd,
    env,
    log: createActionLogger(),
    dryRun: booleanInput(env, "dry-run", false)
  });
  setOutput("checksums", prepared.checksums);
  setOutput("files", JSON.stringify(prepared.files));
});
